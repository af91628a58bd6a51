//! "Reports": every draft in this browser, with search, open, duplicate, rename, delete (with
//! undo; deleted drafts stay in the trash for 30 days) and new reports from templates.

use crate::core::backup::{restore_backup, write_backup_with_photos, RestoreError, MAX_BACKUP_BYTES_WITH_PHOTOS};
use crate::core::document::{Document, ReadError};
use crate::core::drafts::{megabytes, DraftSummary, StorageUse};
use crate::core::i18n::long_date;
use crate::core::i18n::{self, Msg};
use crate::core::report::{ActivityType, Digits, Language};
use crate::core::templates::{from_template, TEMPLATES};
use crate::ui::choose_file::ChooseJsonFile;
use crate::ui::exports::{download, ExportProgress, ExportStatus, OutFile};
use crate::ui::i18n::use_i18n;
use crate::ui::session::{new_draft_id, Session};
use leptos::prelude::*;

/// How many drafts are drawn at first, and added by "Show more".
const PAGE: usize = 40;

fn template_name(kind: ActivityType) -> Msg {
    match kind {
        ActivityType::DialogueSession => Msg::ActivityDialogueSession,
        ActivityType::Workshop | ActivityType::Training => Msg::TemplateWorkshopTraining,
        ActivityType::ClosingSession => Msg::ActivityClosingSession,
        ActivityType::Meeting | ActivityType::Other => Msg::ActivityMeeting,
    }
}

/// A moment (ms since the epoch) as the local day written out in `language` ("27 November 2026",
/// with the Iraqi month names in Arabic and Sorani ones in Kurdish, which the browser's own date
/// formatting lacks), and the local time of day.
fn local_day_and_time(ms: f64, language: Language) -> (String, String) {
    let moment = js_sys::Date::new(&ms.into());
    let day = format!("{:04}-{:02}-{:02}", moment.get_full_year(), moment.get_month() + 1, moment.get_date());
    let time = format!("{:02}:{:02}", moment.get_hours(), moment.get_minutes());
    (long_date(&day, language, Digits::Western), time)
}

#[component]
pub fn ReportsScreen() -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let query = RwSignal::new(String::new());
    let deleted = RwSignal::new(None::<(String, String)>);
    let error = RwSignal::new(None::<String>);
    let renaming = RwSignal::new(None::<String>);
    let template = RwSignal::new(TEMPLATES[0]);
    // A long list is drawn a page at a time, so the screen opens at once; search finds the rest.
    let shown = RwSignal::new(PAGE);

    // The last-edited time in the interface language (reactive).
    let edited_at = move |ms: f64| {
        let (day, time) = local_day_and_time(ms, i18n.language());
        format!("{day} {time}")
    };
    let drafts = Memo::new(move |_| {
        session.library_version().track();
        let query = query.get();
        session
            .with_library(|library| library.search(&query).into_iter().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    });

    let hidden = move || drafts.with(Vec::len).saturating_sub(shown.get());
    let more = move || hidden() != 0;

    let open = move |id: String| {
        if let Err(problem) = session.open_stored(&id) {
            error.set(Some(problem.message(i18n.language())));
        }
    };
    let duplicate = move |id: String| session.duplicate(&id);
    let delete = move |summary: DraftSummary| match session.delete(&summary.id) {
        Ok(()) => {
            error.set(None);
            deleted.set(Some((summary.id, summary.title)));
        }
        Err(problem) => {
            deleted.set(None);
            error.set(Some(problem.delete_failed(i18n.language(), &summary.title)));
        }
    };
    let undo = move |_| {
        if let Some((id, _)) = deleted.get_untracked() {
            let _ = session.put_back(&id);
            deleted.set(None);
        }
    };
    let new_from_template = move |_| {
        session.open_document(Document::new(from_template(template.get_untracked())));
    };
    let new_blank = move |_| {
        session.new_report();
    };
    // Drafts erased from the trash take their photos with them.
    if let Some(Ok(erased)) = session.change_library(|library| library.empty_trash(js_sys::Date::now())) {
        crate::ui::photos::forget_drafts(session.photos_in_use(), erased);
    }

    let row = move |summary: DraftSummary| {
        if summary.unreadable {
            return unreadable_row(summary, session, delete).into_any();
        }
        let id = summary.id.clone();
        let title = if summary.title.trim().is_empty() { None } else { Some(summary.title.clone()) };
        let shown_title = title.clone();
        let heading = move || shown_title.clone().unwrap_or_else(|| i18n.t(Msg::UntitledReport).to_owned());
        let (open_id, dup_id, rename_id, save_id) = (id.clone(), id.clone(), id.clone(), id.clone());
        let is_renaming = {
            let id = id.clone();
            move || renaming.get().as_deref() == Some(id.as_str())
        };
        let new_title = RwSignal::new(summary.title.clone());
        let date = summary.date.clone();
        let updated = summary.updated_ms;
        let for_delete = summary.clone();
        let input_id = format!("rename-{id}");
        view! {
            <li class="draft">
                <h3 class="draft__title" dir="auto">{heading}</h3>
                <p class="draft__meta">
                    {i18n.text(Msg::ActivityDate)} ": "
                    <span dir="ltr">{if date.is_empty() { "—".to_owned() } else { date.clone() }}</span>
                    " · " {i18n.text(Msg::LastEdited)} ": " {move || edited_at(updated)}
                </p>
                <Show when=is_renaming.clone()>
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
                    <button type="button" class="button button--primary" on:click=move |_| open(open_id.clone())>
                        {i18n.text(Msg::Open)}
                    </button>
                    <button type="button" class="button" on:click=move |_| duplicate(dup_id.clone())>
                        {i18n.text(Msg::Duplicate)}
                    </button>
                    {
                        let is_renaming = is_renaming.clone();
                        move || {
                            let (rename_id, save_id) = (rename_id.clone(), save_id.clone());
                            if is_renaming() {
                                view! {
                                    <button
                                        type="button"
                                        class="button"
                                        on:click=move |_| {
                                            session.rename(&save_id, &new_title.get_untracked());
                                            renaming.set(None);
                                        }
                                    >
                                        {i18n.text(Msg::SaveTitle)}
                                    </button>
                                }
                                    .into_any()
                            } else {
                                view! {
                                    <button type="button" class="button" on:click=move |_| renaming.set(Some(rename_id.clone()))>
                                        {i18n.text(Msg::Rename)}
                                    </button>
                                }
                                    .into_any()
                            }
                        }
                    }
                    <button type="button" class="button button--danger" on:click=move |_| delete(for_delete.clone())>
                        {i18n.text(Msg::Delete)}
                    </button>
                </div>
            </li>
        }
        .into_any()
    };

    view! {
        <section class="card library" aria-labelledby="library-heading">
            <h2 id="library-heading">{i18n.text(Msg::Reports)}</h2>
            <div class="library__new">
                <button type="button" class="button button--primary" on:click=new_blank>
                    {i18n.text(Msg::NewReport)}
                </button>
                <div class="field">
                    <label for="template">{i18n.text(Msg::Template)}</label>
                    <select
                        id="template"
                        on:change:target=move |ev| {
                            if let Some(kind) = ActivityType::from_code(&ev.target().value()) {
                                template.set(kind);
                            }
                        }
                    >
                        {TEMPLATES
                            .iter()
                            .map(|kind| {
                                let kind = *kind;
                                view! {
                                    <option value=kind.code() selected=move || template.get() == kind>
                                        {move || i18n.t(template_name(kind))}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <button type="button" class="button" on:click=new_from_template>
                    {i18n.text(Msg::NewFromTemplate)}
                </button>
            </div>
            <div class="field library__search">
                <label for="library-search">{i18n.text(Msg::Search)}</label>
                <input
                    id="library-search"
                    type="search"
                    dir="auto"
                    prop:value=move || query.get()
                    on:input:target=move |ev| query.set(ev.target().value())
                />
            </div>
            {move || {
                deleted
                    .get()
                    .map(|(_, title)| {
                        view! {
                            <div class="notice notice--info" role="status">
                                <span>{move || i18n.format(Msg::ReportDeleted, &[("title", &title)])}</span>
                                <button type="button" class="button" on:click=undo>
                                    {i18n.text(Msg::Undo)}
                                </button>
                            </div>
                        }
                    })
            }}
            {move || error.get().map(|message| view! { <div class="notice notice--error" role="alert">{message}</div> })}
            <Show
                when=move || !drafts.with(Vec::is_empty)
                fallback=move || view! { <p>{i18n.text(Msg::NoReports)}</p> }
            >
                <ul class="library__list">
                    <For
                        each=move || drafts.get().into_iter().take(shown.get())
                        key=|d| (d.id.clone(), d.title.clone(), d.updated_ms.to_bits())
                        children=row
                    />
                </ul>
                <Show when=more>
                    <button type="button" class="button button--add" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {move || i18n.format(Msg::ShowMoreReports, &[("n", &hidden().to_string())])}
                    </button>
                </Show>
            </Show>
        </section>
        <Trash />
        <StorageAndBackups />
    }
}

/// The drafts in the trash, each with when it will be erased and "Put back". Shown only when
/// there is something in it.
#[component]
fn Trash() -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let trashed = Memo::new(move |_| {
        session.library_version().track();
        session.with_library(|library| library.trash().into_iter().cloned().collect::<Vec<_>>()).unwrap_or_default()
    });
    let put_back = move |id: String| {
        let _ = session.put_back(&id);
    };
    let row = move |summary: DraftSummary| {
        let title = summary.title.clone();
        let heading =
            move || if title.trim().is_empty() { i18n.t(Msg::UntitledReport).to_owned() } else { title.clone() };
        let erased = summary.erased_at().unwrap_or_default();
        let erased_on = move || {
            let (date, _) = local_day_and_time(erased, i18n.language());
            i18n.format(Msg::ErasedOn, &[("date", &date)])
        };
        let id = summary.id.clone();
        view! {
            <li class="draft">
                <h3 class="draft__title" dir="auto">{heading}</h3>
                <p class="draft__meta">{erased_on}</p>
                <div class="draft__actions">
                    <button type="button" class="button" on:click=move |_| put_back(id.clone())>
                        {i18n.text(Msg::PutBack)}
                    </button>
                </div>
            </li>
        }
    };

    view! {
        <Show when=move || !trashed.with(Vec::is_empty)>
            <section class="card library__trash" aria-labelledby="trash-heading">
                <h2 id="trash-heading">
                    {move || i18n.format(Msg::TrashHeading, &[("n", &trashed.with(Vec::len).to_string())])}
                </h2>
                <p class="library__hint">{i18n.text(Msg::TrashHint)}</p>
                <ul class="library__list">
                    <For each=move || trashed.get() key=|d| (d.id.clone(), d.deleted_ms.map(f64::to_bits)) children=row />
                </ul>
            </section>
        </Show>
    }
}

/// A draft whose stored text cannot be read: it can be downloaded as it is, or deleted (to the
/// trash, like any draft), never opened or saved over.
fn unreadable_row(
    summary: DraftSummary,
    session: Session,
    delete: impl Fn(DraftSummary) + Copy + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = summary.id.clone();
    let title = summary.title.clone();
    let heading = move || if title.trim().is_empty() { i18n.t(Msg::UntitledReport).to_owned() } else { title.clone() };
    let download_raw = move |_| {
        if let Some(text) = session.raw_draft(&id) {
            download(&OutFile { name: format!("taqrir-draft-{id}.txt"), mime: "text/plain;charset=utf-8", text });
        }
    };
    view! {
        <li class="draft draft--unreadable">
            <h3 class="draft__title" dir="auto">{heading}</h3>
            <p class="draft__meta">
                <strong>{i18n.text(Msg::UnreadableLabel)}</strong> " — " {i18n.text(Msg::UnreadableInList)}
            </p>
            <div class="draft__actions">
                <button type="button" class="button button--primary" on:click=download_raw>
                    {i18n.text(Msg::DownloadRaw)}
                </button>
                <button type="button" class="button button--danger" on:click=move |_| delete(summary.clone())>
                    {i18n.text(Msg::Delete)}
                </button>
            </div>
        </li>
    }
}

/// How much of this browser's storage the drafts use, whether the browser promised to keep
/// it, and "Back up all" / "Restore".
#[component]
fn StorageAndBackups() -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let progress = expect_context::<ExportProgress>();
    let outcome = RwSignal::new(None::<Result<String, String>>);
    // Photos live in IndexedDB, apart from the drafts' local storage and its quota. Their size is
    // rounded up to a tenth of a megabyte, so a few photos never read as 0.0 MB.
    let photo_bytes = RwSignal::new(0u64);
    let measure_photos = move || {
        wasm_bindgen_futures::spawn_local(async move {
            let total = crate::ui::photo_store::total_bytes().await;
            photo_bytes.try_set(total as u64);
        })
    };
    measure_photos();
    let usage = move || {
        let usage = StorageUse { used: session.used().get() };
        i18n.format(
            Msg::StorageUsed,
            &[
                ("used", &usage.used_mb()),
                ("quota", &StorageUse::quota_mb()),
                ("percent", &usage.percent().to_string()),
            ],
        )
    };
    let back_up = move |_| {
        let now = js_sys::Date::now();
        session.flush();
        // The drafts' photos go in the backup too, read from the photo store first.
        wasm_bindgen_futures::spawn_local(async move {
            let drafts: std::collections::HashSet<String> = session
                .with_library(|library| library.drafts().iter().map(|d| d.id.clone()).collect())
                .unwrap_or_default();
            let photos_of_drafts = crate::ui::photos::photos_of_drafts(|draft| drafts.contains(draft));
            let photos = progress.after_photos_are_stored(photos_of_drafts).await;
            if let Some(text) = session.with_library(|library| write_backup_with_photos(library, now, &photos)) {
                let day: String = js_sys::Date::new(&now.into())
                    .to_iso_string()
                    .as_string()
                    .unwrap_or_default()
                    .chars()
                    .take(10)
                    .collect();
                download(&OutFile { name: format!("taqrir-backup-{day}.json"), mime: "application/json", text });
            }
        });
    };
    let on_restore = move |chosen: Result<Vec<u8>, ReadError>| {
        let lang = i18n.language();
        let bytes = match chosen {
            Ok(bytes) => bytes,
            Err(error) => return outcome.set(Some(Err(error.message(lang)))),
        };
        wasm_bindgen_futures::spawn_local(async move {
            let now = js_sys::Date::now();
            let result = session.change_library(|library| restore_backup(library, &bytes, now, new_draft_id));
            let (message, photos) = match result {
                Some(Ok(restored)) => (Ok(restored.message(lang)), restored.photos),
                Some(Err(RestoreError::Read(error))) => (Err(error.message(lang)), Vec::new()),
                Some(Err(RestoreError::Store { restored, error })) => {
                    (Err(error.restore_stopped(lang, restored.added)), restored.photos)
                }
                None => return,
            };
            outcome.set(Some(message));
            // The restored drafts' photos go to the photo store, each owned by its draft.
            if photos.is_empty() {
                return;
            }
            let failed = crate::ui::photos::store_restored(photos).await;
            measure_photos();
            if failed > 0 {
                let message = i18n::format(lang, Msg::PhotosNotCopied, &[("n", &failed.to_string())]);
                outcome.update(|outcome| {
                    let text = match outcome.take() {
                        Some(Ok(text) | Err(text)) => format!("{text} {message}"),
                        None => message,
                    };
                    *outcome = Some(Err(text));
                });
            }
        });
    };

    view! {
        <section class="card library__storage" aria-labelledby="storage-heading">
            <h2 id="storage-heading">{i18n.text(Msg::StorageHeading)}</h2>
            <p>{usage}</p>
            {move || (photo_bytes.get() > 0).then(|| view! {
                <p>{move || i18n.format(Msg::StoragePhotos, &[("used", &megabytes(photo_bytes.get()))])}</p>
            })}
            {move || session.persistent().get().map(|kept| view! {
                <p>{i18n.text(if kept { Msg::StoragePersistent } else { Msg::StorageNotPersistent })}</p>
            })}
            <p class="library__hint">{i18n.text(Msg::BackupHint)}</p>
            <div class="draft__actions">
                <button type="button" class="button" on:click=back_up>
                    {i18n.text(Msg::BackUpAll)}
                </button>
                <ChooseJsonFile label=Msg::Restore max_bytes=MAX_BACKUP_BYTES_WITH_PHOTOS on_chosen=on_restore />
            </div>
            <ExportStatus waiting_only=true />
            {move || outcome.get().map(|result| match result {
                Ok(message) => view! { <p class="notice notice--info" role="status">{message}</p> }.into_any(),
                Err(message) => view! { <p class="notice notice--error" role="alert">{message}</p> }.into_any(),
            })}
        </section>
    }
}
