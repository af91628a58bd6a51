//! Prepared, reviewed and approved by: each a name, a position and a date, in a group of its own.

use super::fields::{TextField, TextKind};
use super::section;
use crate::core::editor_sections::EditorSection;
use crate::core::field::{FieldPath, SignatoryField};
use crate::core::i18n::Msg;
use crate::core::report::{Report, ReportStoreFields, Signatory, Signer};
use crate::core::sign_off::{SignOffStoreFields, SignatoryStoreFields};
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use reactive_stores::{Field, Store};

pub fn sign_off(report: Store<Report>) -> AnyView {
    let sign_off = report.sign_off();
    let signatories = [
        (Signer::PreparedBy, Field::from(sign_off.prepared_by())),
        (Signer::ReviewedBy, Field::from(sign_off.reviewed_by())),
        (Signer::ApprovedBy, Field::from(sign_off.approved_by())),
    ];
    section(
        EditorSection::SignOff,
        view! {
            <div class="stack">
                {signatories.into_iter().map(|(signer, who)| signatory(signer, who)).collect_view()}
            </div>
        },
    )
}

fn signatory(signer: Signer, who: Field<Signatory>) -> impl IntoView {
    let i18n = use_i18n();
    let at = move |field| Signal::stored(FieldPath::SignOff(signer, field));
    view! {
        <fieldset class="signatory">
            <legend>{i18n.text(signer.label())}</legend>
            <div class="grid">
                <TextField field=who.name() label=Msg::Name path=at(SignatoryField::Name) />
                <TextField field=who.position() label=Msg::Position path=at(SignatoryField::Position) />
                <TextField field=who.date() label=Msg::DateSigned path=at(SignatoryField::Date) kind=TextKind::Date />
            </div>
        </fieldset>
    }
}
