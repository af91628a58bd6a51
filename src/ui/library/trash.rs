//! The drafts in the trash, each with the day it will be erased and "Put back".

use super::{list_title, local_day_and_time};
use crate::core::drafts::DraftSummary;
use crate::core::i18n::Msg;
use crate::ui::button::button;
use crate::ui::i18n::use_i18n;
use crate::ui::session::Session;
use leptos::prelude::*;

/// The trash, shown only when there is something in it.
#[component]
pub fn Trash() -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let trashed = Memo::new(move |_| {
        session.library_version().track();
        session.with_library(|library| library.trash().into_iter().cloned().collect::<Vec<_>>()).unwrap_or_default()
    });

    view! {
        <Show when=move || !trashed.with(Vec::is_empty)>
            <section class="card library__trash" aria-labelledby="trash-heading">
                <h2 id="trash-heading">
                    {move || i18n.format(Msg::TrashHeading, &[("n", &trashed.with(Vec::len).to_string())])}
                </h2>
                <p class="library__hint">{i18n.text(Msg::TrashHint)}</p>
                <ul class="library__list">
                    <For
                        each=move || trashed.get()
                        key=|d| (d.id.clone(), d.deleted_ms.map(f64::to_bits))
                        children=move |summary| view! { <TrashRow summary /> }
                    />
                </ul>
            </section>
        </Show>
    }
}

/// One draft in the trash.
#[component]
fn TrashRow(summary: DraftSummary) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let erased = summary.erased_at().unwrap_or_default();
    let erased_on = move || {
        let (date, _) = local_day_and_time(erased, i18n.language());
        i18n.format(Msg::ErasedOn, &[("date", &date)])
    };
    let id = StoredValue::new(summary.id);
    let put_back = move |_| {
        let _ = id.with_value(|id| session.put_back(id));
    };
    view! {
        <li class="draft">
            <h3 class="draft__title" dir="auto">{list_title(i18n, summary.title)}</h3>
            <p class="draft__meta">{erased_on}</p>
            <div class="draft__actions">
                {button("button", Msg::PutBack, put_back)}
            </div>
        </li>
    }
}
