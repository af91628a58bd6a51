//! One draft in the Reports list, with its own rename state: open, duplicate, rename, delete.

use super::{list_title, local_day_and_time, ListNotices};
use crate::core::drafts::DraftSummary;
use crate::core::i18n::{long_date, Msg};
use crate::core::report::Digits;
use crate::ui::button::button;
use crate::ui::exports::{download, OutFile};
use crate::ui::i18n::use_i18n;
use crate::ui::session::Session;
use leptos::prelude::*;

/// A draft of the list; one that cannot be read gets [`UnreadableRow`].
#[component]
pub fn DraftRow(summary: DraftSummary, notices: ListNotices) -> impl IntoView {
    if summary.unreadable {
        return view! { <UnreadableRow summary notices /> }.into_any();
    }
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let id = StoredValue::new(summary.id.clone());
    let title = StoredValue::new(summary.title.clone());
    let renaming = RwSignal::new(false);
    let new_title = RwSignal::new(summary.title.clone());
    let input_id = format!("rename-{}", summary.id);
    let date = summary.date;
    // Written out in the interface language, as the last edit is; a date typed some other way
    // stays as it was typed.
    let activity_date = move || match date.trim() {
        "" => "—".to_owned(),
        date => long_date(date, i18n.language(), Digits::Western),
    };
    let updated = summary.updated_ms;
    let edited_at = move || {
        let (day, time) = local_day_and_time(updated, i18n.language());
        format!("{day} {time}")
    };

    let open = move |_| {
        if let Err(problem) = id.with_value(|id| session.open_stored(id)) {
            notices.error.set(Some(problem.message(i18n.language())));
        }
    };
    let duplicate = move |_| id.with_value(|id| session.duplicate(id));
    let save_title = move |_| {
        id.with_value(|id| session.rename(id, &new_title.get_untracked()));
        renaming.set(false);
    };
    let delete = move |_| notices.delete(session, i18n.language(), id.get_value(), title.get_value());

    view! {
        <li class="draft">
            <h3 class="draft__title" dir="auto">{list_title(i18n, summary.title)}</h3>
            <p class="draft__meta">
                {i18n.text(Msg::ActivityDate)} ": " <span dir="auto">{activity_date}</span> " · " {i18n.text(Msg::LastEdited)} ": "
                {edited_at}
            </p>
            <Show when=move || renaming.get()>
                <div class="field draft__rename">
                    <label for=input_id.clone()>{i18n.text(Msg::ReportTitle)}</label>
                    <input
                        id=input_id.clone()
                        type="text"
                        dir="auto"
                        prop:value=move || new_title.get()
                        on:input:target=move |ev| new_title.set(ev.target().value())
                    />
                </div>
            </Show>
            <div class="draft__actions">
                {button("button button--primary", Msg::Open, open)}
                {button("button", Msg::Duplicate, duplicate)}
                <Show
                    when=move || renaming.get()
                    fallback=move || {
                        view! {
                            {button("button", Msg::Rename, move |_| renaming.set(true))}
                        }
                    }
                >
                    {button("button", Msg::SaveTitle, save_title)}
                </Show>
                {button("button button--danger", Msg::Delete, delete)}
            </div>
        </li>
    }
    .into_any()
}

/// A draft whose stored text cannot be read: it can be downloaded as it is, or deleted (to the
/// trash, like any draft), never opened or saved over.
#[component]
fn UnreadableRow(summary: DraftSummary, notices: ListNotices) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let id = StoredValue::new(summary.id);
    let title = StoredValue::new(summary.title.clone());
    let download_raw = move |_| {
        let id = id.get_value();
        if let Some(text) = session.raw_draft(&id) {
            download(&OutFile::text(format!("taqrir-draft-{id}.txt"), "text/plain;charset=utf-8", &text));
        }
    };
    view! {
        <li class="draft draft--unreadable">
            <h3 class="draft__title" dir="auto">{list_title(i18n, summary.title)}</h3>
            <p class="draft__meta">
                <strong>{i18n.text(Msg::UnreadableLabel)}</strong> " — " {i18n.text(Msg::UnreadableInList)}
            </p>
            <div class="draft__actions">
                {button("button button--primary", Msg::DownloadRaw, download_raw)}
                <button
                    type="button"
                    class="button button--danger"
                    on:click=move |_| notices.delete(session, i18n.language(), id.get_value(), title.get_value())
                >
                    {i18n.text(Msg::Delete)}
                </button>
            </div>
        </li>
    }
}
