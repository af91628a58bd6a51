//! The storage figures, "Back up all" and "Restore".

use crate::core::backup::{restore_backup, write_backup_with_photos, RestoreError, MAX_BACKUP_BYTES_WITH_PHOTOS};
use crate::core::document::ReadError;
use crate::core::drafts::{megabytes, StorageUse};
use crate::core::i18n::{self, Msg};
use crate::ui::button::button;
use crate::ui::choose_file::ChooseJsonFile;
use crate::ui::exports::{download, ExportProgress, ExportStatus, OutFile};
use crate::ui::i18n::use_i18n;
use crate::ui::session::{new_draft_id, Session};
use leptos::prelude::*;

/// How much of this browser's storage the drafts use, whether the browser promised to keep
/// it, and "Back up all" / "Restore".
#[component]
pub fn StorageAndBackups() -> impl IntoView {
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
                let message = i18n::plural(lang, Msg::PhotosNotCopied, failed as u64, &[]);
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
                {button("button", Msg::BackUpAll, back_up)}
                <ChooseJsonFile label=Msg::Restore accept=".json,application/json" max_bytes=MAX_BACKUP_BYTES_WITH_PHOTOS on_chosen=on_restore />
            </div>
            <ExportStatus waiting_only=true />
            {move || outcome.get().map(|result| match result {
                Ok(message) => view! { <p class="notice notice--info" role="status">{message}</p> }.into_any(),
                Err(message) => view! { <p class="notice notice--error" role="alert">{message}</p> }.into_any(),
            })}
        </section>
    }
}
