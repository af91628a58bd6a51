//! The storage figures, "Back up all" and "Restore".

use crate::core::backup::{write_backup_with, BackupExtras};
use crate::core::drafts::{megabytes, StorageUse};
use crate::core::i18n::Msg;
use crate::core::profile_file::write_profile_file;
use crate::ui::button::button;
use crate::ui::choose_file::ChooseFiles;
use crate::ui::exports::{download, ExportProgress, ExportStatus, OutFile};
use crate::ui::file_batch::{FileBatch, FileBatchStatus, Taking};
use crate::ui::i18n::use_i18n;
use crate::ui::profile::OrgProfile;
use crate::ui::session::Session;
use leptos::prelude::*;

/// How much of this browser's storage the drafts use, whether the browser promised to keep
/// it, and "Back up all" / "Restore".
#[component]
pub fn StorageAndBackups() -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let org = expect_context::<OrgProfile>();
    let progress = expect_context::<ExportProgress>();
    let batch = expect_context::<FileBatch>();
    // Photos live in IndexedDB, apart from the drafts' local storage and its quota. Their size is
    // rounded up to a tenth of a megabyte, so a few photos never read as 0.0 MB.
    let photo_bytes = RwSignal::new(0u64);
    let measure_photos = move || {
        wasm_bindgen_futures::spawn_local(async move {
            let total = crate::ui::photo_store::total_bytes().await;
            photo_bytes.try_set(total as u64);
        })
    };
    // Restored files may bring photos.
    Effect::new(move |_| {
        batch.finished.track();
        measure_photos();
    });
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
    let archive_problem = RwSignal::new(None::<String>);
    let back_up = move |_| {
        let now = js_sys::Date::now();
        archive_problem.set(None);
        session.flush();
        // The drafts' photos go in the backup too, read from the photo store first.
        wasm_bindgen_futures::spawn_local(async move {
            let drafts: std::collections::HashSet<String> = session
                .with_library(|library| library.drafts().iter().map(|d| d.id.clone()).collect())
                .unwrap_or_default();
            let photos_of_drafts = crate::ui::photos::photos_of_drafts(|draft| drafts.contains(draft));
            let photos = progress.after_photos_are_stored(photos_of_drafts).await;
            // The Summary's received reports too; if they cannot be read, the drafts are still
            // backed up, and the person is told.
            let received = match crate::ui::archive::copies().await {
                Ok(received) => received,
                Err(problem) => {
                    let reason = problem.reason(i18n.language());
                    archive_problem.try_set(Some(i18n.format(Msg::BackupArchiveUnreadable, &[("reason", &reason)])));
                    Vec::new()
                }
            };
            // The organisation profile goes too, its logos and own templates in it.
            let profile =
                org.with_untracked(|p| (!p.is_blank()).then(|| write_profile_file(p, &org.logos_untracked())));
            let extras = BackupExtras { photos, received, profile };
            if let Some(text) = session.with_library(|library| write_backup_with(library, now, &extras)) {
                let day: String = js_sys::Date::new(&now.into())
                    .to_iso_string()
                    .as_string()
                    .unwrap_or_default()
                    .chars()
                    .take(10)
                    .collect();
                download(&OutFile::text(format!("taqrir-backup-{day}.json"), "application/json", &text));
            }
        });
    };
    let on_restore = move |files| batch.take(session, i18n.language(), files, Taking::Backups);

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
                {button("button", Msg::BackUpAll, back_up)}
                <ChooseFiles label=Msg::Restore accept=".json,.html,.htm,application/json,text/html" on_chosen=on_restore />
            </div>
            {move || archive_problem.get().map(|message| view! { <div class="notice notice--warning" role="alert">{message}</div> })}
            <ExportStatus waiting_only=true />
            <FileBatchStatus />
        </section>
    }
}
