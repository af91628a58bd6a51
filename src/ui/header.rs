//! The top bar (name, actions, save status) and the notices about storage.

use crate::core::drafts::StorageUse;
use crate::core::i18n::Msg;
use crate::core::report::Language;
use crate::ui::button::button;
use crate::ui::exports::{download, download_json, ExportProgress, OutFile};
use crate::ui::i18n::use_i18n;
use crate::ui::session::{Notice, SaveStatus, Screen, Session};
use crate::ui::timing::measure_until_next_frame;
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let status_text = move || match session.status().get() {
        _ if session.read_only().get().is_some() => i18n.t(Msg::SaveStatusReadOnly),
        SaveStatus::Saved => i18n.t(Msg::SaveStatusSaved),
        SaveStatus::Saving => i18n.t(Msg::SaveStatusSaving),
        SaveStatus::Failed(_) => i18n.t(Msg::SaveStatusFailed),
        SaveStatus::Conflict => i18n.t(Msg::SaveStatusConflict),
    };
    let status_class = move || match session.status().get() {
        _ if session.read_only().get().is_some() => "save-status save-status--saving",
        SaveStatus::Saved => "save-status save-status--saved",
        SaveStatus::Saving => "save-status save-status--saving",
        SaveStatus::Failed(_) | SaveStatus::Conflict => "save-status save-status--failed",
    };

    view! {
        <header class="app-bar">
            <div class="app-bar__inner">
                // The page's one top-level heading: every screen's own headings sit below it.
                <h1 class="app-bar__brand">
                    <span class="app-bar__name">{i18n.text(Msg::AppName)}</span>
                    <span class="app-bar__tagline">{i18n.text(Msg::AppTagline)}</span>
                </h1>
                <p class=status_class role="status" aria-live="polite">
                    {status_text}
                </p>
                <LanguageSwitch />
                <div class="app-bar__actions">
                    <Show when=move || session.screen().get() != Screen::Editor>
                        {button("button", Msg::Editor, move |_| session.show_editor())}
                    </Show>
                    <Show when=move || session.screen().get() != Screen::Reports>
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| {
                                measure_until_next_frame("open-library");
                                session.show_reports();
                            }
                        >
                            {i18n.text(Msg::Reports)}
                        </button>
                    </Show>
                    <Show when=move || session.screen().get() != Screen::Summary>
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| {
                                measure_until_next_frame("open-summary");
                                session.show_summary();
                            }
                        >
                            {i18n.text(Msg::SummaryScreen)}
                        </button>
                    </Show>
                    <Show when=move || session.screen().get() != Screen::Organisation>
                        {button("button", Msg::Organisation, move |_| session.show_organisation())}
                    </Show>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| session.new_report()
                    >
                        {i18n.text(Msg::NewReport)}
                    </button>
                </div>
            </div>
        </header>
    }
}

/// The interface language, each named in itself.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="language-switch">
            <label for="ui-language">{i18n.text(Msg::InterfaceLanguage)}</label>
            <select
                id="ui-language"
                prop:value=move || i18n.language().code()
                on:change:target=move |ev| {
                    if let Some(language) = Language::from_code(&ev.target().value()) {
                        i18n.choose(language);
                    }
                }
            >
                {Language::ALL
                    .iter()
                    .map(|language| {
                        let code = language.code();
                        view! {
                            <option value=code lang=code selected=move || i18n.language().code() == code>
                                {language.endonym()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Messages about storage, shown above the editor until the cause goes away.
#[component]
pub fn Notices() -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let progress = expect_context::<ExportProgress>();
    let failed = move || matches!(session.status().get(), SaveStatus::Failed(_));
    let download_raw = move |_| {
        let Some(id) = session.unreadable().get_untracked() else { return };
        if let Some(text) = session.raw_draft(&id) {
            download(&OutFile::text(format!("taqrir-draft-{id}.txt"), "text/plain;charset=utf-8", &text));
        }
    };

    view! {
        <Show when=failed>
            <div class="notice notice--error notice--with-action notice--urgent" role="alert">
                <span>{i18n.text(Msg::SaveFailedMessage)}</span>
                {button("button", Msg::DownloadJson, move |_| download_json(session, progress))}
            </div>
        </Show>
        <Show when=move || session.notice().get() == Some(Notice::UnreadableDraft)>
            <div class="notice notice--warning notice--with-action" role="alert">
                <span>{i18n.text(Msg::UnreadableDraftMessage)}</span>
                {button("button", Msg::DownloadRaw, download_raw)}
            </div>
        </Show>
        <Show when=move || session.status().get() == SaveStatus::Conflict>
            <div class="notice notice--error notice--with-action notice--urgent" role="alert">
                <span>{i18n.text(Msg::ConflictMessage)}</span>
                <span class="notice__actions">
                    {button("button button--primary", Msg::KeepMineAsCopy, move |_| session.keep_mine_as_copy())}
                    {button("button", Msg::LoadSavedVersion, move |_| session.load_saved_version())}
                </span>
            </div>
        </Show>
        {move || session.read_only().get().map(|version| view! {
            <div class="notice notice--warning" role="alert">
                {move || i18n.format(Msg::ReadOnlyMessage, &[("version", &version.to_string())])}
            </div>
        })}
        {move || Some(StorageUse { used: session.used().get() }).filter(|u| u.nearly_full()).map(|u| u.percent()).map(|percent| view! {
            <div class="notice notice--warning" role="alert">
                {move || i18n.format(Msg::StorageNearlyFull, &[("percent", &percent.to_string())])}
            </div>
        })}
        <Show when=move || session.notice().get() == Some(Notice::StorageUnavailable)>
            <div class="notice notice--warning" role="alert">
                {i18n.text(Msg::StorageUnavailableMessage)}
            </div>
        </Show>
    }
}
