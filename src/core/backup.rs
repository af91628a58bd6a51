//! "Back up all" and "Restore": every draft of a browser in one JSON file, and back.
//!
//! ```json
//! { "format": "taqrir-backup", "version": 1, "created_ms": 0,
//!   "drafts": [ { "id": "…", "updated_ms": 0, "deleted_ms": null, "document": { …a report document… } },
//!               { "id": "…", "updated_ms": 0, "raw": "text that could not be read as a report" } ] }
//! ```
//!
//! Drafts are embedded as their stored text, unparsed, so a backup is as fast as reading storage
//! and loses nothing, unreadable drafts included. Restoring never replaces a draft: one that is
//! already there is skipped, and a different draft under the same id is added under a new id.
//!
//! The drafts' photos travel in a top-level `"photos"` object (photo id → image `data:` URL), as
//! in an exported report; restoring hands them back ([`Restored::photos`]) for the photo store,
//! and never keeps them in a draft's stored text.

use crate::core::document::{read_document, write_document, Document, ReadError};
use crate::core::drafts::{KeyValueStore, Library, StoreError};
use crate::core::i18n::{plural, Msg};
use crate::core::photo_use::PhotoUse;
use crate::core::photos::{valid_photos, PhotoData};
use crate::core::report::Language;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;

pub const BACKUP_FORMAT: &str = "taqrir-backup";
const BACKUP_VERSION: u32 = 1;
/// The largest file "Restore" accepts (several times what local storage can hold), not counting
/// embedded photos.
pub const MAX_BACKUP_BYTES: usize = 50 * 1024 * 1024;
/// The largest file "Restore" accepts, embedded photos included.
pub const MAX_BACKUP_BYTES_WITH_PHOTOS: usize = 128 * 1024 * 1024;

#[derive(Serialize, Deserialize)]
struct Backup {
    format: String,
    version: u32,
    #[serde(default)]
    created_ms: f64,
    #[serde(default)]
    drafts: Vec<Entry>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    photos: BTreeMap<String, serde_json::Value>,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    id: String,
    #[serde(default)]
    updated_ms: f64,
    #[serde(default)]
    deleted_ms: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    document: Option<Box<RawValue>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    raw: Option<String>,
}

/// Every draft in `library`, trash and unreadable ones included, as one backup file.
pub fn write_backup<S: KeyValueStore>(library: &Library<S>, now_ms: f64) -> String {
    write_backup_with_photos(library, now_ms, &PhotoData::new())
}

/// [`write_backup`] with the drafts' photos (id → image `data:` URL) embedded.
pub fn write_backup_with_photos<S: KeyValueStore>(library: &Library<S>, now_ms: f64, photos: &PhotoData) -> String {
    let drafts = library
        .drafts()
        .iter()
        .filter_map(|summary| {
            let text = library.raw(&summary.id)?;
            // Readable JSON is embedded as it is; anything else as a string, byte for byte.
            let (document, raw) = match summary.unreadable {
                false => match RawValue::from_string(text) {
                    Ok(document) => (Some(document), None),
                    Err(_) => (None, library.raw(&summary.id)),
                },
                true => (None, Some(text)),
            };
            Some(Entry {
                id: summary.id.clone(),
                updated_ms: summary.updated_ms,
                deleted_ms: summary.deleted_ms,
                document,
                raw,
            })
        })
        .collect();
    let photos = photos.iter().map(|(id, url)| (id.clone(), serde_json::Value::String(url.clone()))).collect();
    let backup = Backup { format: BACKUP_FORMAT.into(), version: BACKUP_VERSION, created_ms: now_ms, drafts, photos };
    serde_json::to_string(&backup).unwrap_or_default()
}

/// What a restore did, what the person is told, and what the photo store must receive.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Restored {
    /// Drafts added.
    pub added: usize,
    /// Drafts skipped because the same draft is already stored.
    pub already_there: usize,
    /// Of the drafts added, those that were in the trash: they are in it again, for
    /// [`TRASH_DAYS`](crate::core::drafts::TRASH_DAYS) from the restore, so none is erased on the next screen change.
    pub to_trash: usize,
    /// The photos of the restored drafts (added or already there) that the file carries, each
    /// under the id its draft refers to.
    pub photos: Vec<RestoredPhoto>,
}

/// A photo to put in the photo store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RestoredPhoto {
    /// The id the draft refers to.
    pub id: String,
    /// The draft that owns it.
    pub draft: String,
    /// The image, as a `data:` URL.
    pub url: String,
}

impl Restored {
    /// What the person is told, in `lang`.
    pub fn message(&self, lang: Language) -> String {
        let mut parts = vec![plural(lang, Msg::RestoreDone, self.added as u64, &[])];
        if self.already_there > 0 {
            parts.push(plural(lang, Msg::RestoreAlreadyHere, self.already_there as u64, &[]));
        }
        if self.to_trash > 0 {
            parts.push(plural(lang, Msg::RestoreToTrash, self.to_trash as u64, &[]));
        }
        parts.join(" ")
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestoreError {
    /// The file is not a backup (or a report) this version can read.
    Read(ReadError),
    /// Storage refused a draft; those before it were restored.
    Store { restored: Restored, error: StoreError },
}

/// One draft of a file, as it can be stored under the id `id`.
struct Candidate {
    /// The text as the file has it.
    plain: String,
    /// The text with photo ids of its own (`<photo>-<id>`), and `(id in the file, own id)` pairs;
    /// the plain text and no pairs for a draft without photos.
    own: (String, Vec<(String, String)>),
}

impl Candidate {
    fn new(text: &str, document: Option<&Document>, id: &str) -> Self {
        let own = match document {
            Some(document) if document.report.photos().next().is_some() => {
                let mut document = document.clone();
                let pairs = document.report.reassign_photo_ids(|old| format!("{old}-{id}"));
                (write_document(&document), pairs)
            }
            _ => (text.to_owned(), Vec::new()),
        };
        Candidate { plain: text.to_owned(), own }
    }

    /// The `(id in the file, id stored)` pairs of the plain text.
    fn plain_pairs(&self) -> Vec<(String, String)> {
        self.own.1.iter().map(|(old, _)| (old.clone(), old.clone())).collect()
    }
}

/// Adds every draft of a backup file (or a single exported report) to `library`.
/// `new_id` makes an id for a draft whose id is taken by a different draft.
///
/// A draft is never replaced: the same draft already stored is skipped, and a different draft
/// under the same id is added as `<id>-restored` (then `-restored-2`…), so both versions stay.
/// A draft whose photo ids another draft already uses gets ids of its own (`<photo>-<draft>`):
/// two drafts never share a stored photo, so removing it from one never takes the other's.
pub fn restore_backup<S: KeyValueStore>(
    library: &mut Library<S>,
    bytes: &[u8],
    now_ms: f64,
    mut new_id: impl FnMut() -> String,
) -> Result<Restored, RestoreError> {
    let read = |error| Err(RestoreError::Read(error));
    let size = bytes.len();
    let too_large = || read(ReadError::TooLarge { bytes: size });
    if size > MAX_BACKUP_BYTES_WITH_PHOTOS {
        return too_large();
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else { return read(ReadError::NotAReport) };
    let photo_bytes = |photos: &PhotoData| photos.iter().map(|(id, url)| id.len() + url.len()).sum::<usize>();
    let (entries, photos) = match serde_json::from_str::<Backup>(text) {
        Ok(backup) if backup.format == BACKUP_FORMAT => {
            if backup.version > BACKUP_VERSION {
                return read(ReadError::NewerVersion { found: backup.version });
            }
            let photos = backup
                .photos
                .into_iter()
                .filter_map(|(id, url)| match url {
                    serde_json::Value::String(url) => Some((id, url)),
                    _ => None,
                })
                .collect();
            (backup.drafts, photos)
        }
        // One exported report is a backup of one draft.
        _ => match read_document(text) {
            Ok(mut document) => {
                // Photos are kept in the photo store, never in a draft's stored text.
                let photos = std::mem::take(&mut document.photos);
                let text = if photos.is_empty() { text.to_owned() } else { write_document(&document) };
                let entry = Entry {
                    id: new_id(),
                    updated_ms: now_ms,
                    deleted_ms: None,
                    document: RawValue::from_string(text).ok(),
                    raw: None,
                };
                (vec![entry], photos)
            }
            Err(_) if size > MAX_BACKUP_BYTES => return too_large(),
            Err(error) => return read(error),
        },
    };
    if size.saturating_sub(photo_bytes(&photos)) > MAX_BACKUP_BYTES {
        return too_large();
    }
    let photos = valid_photos(photos);
    let mut usage = PhotoUse::of_library(library);
    let mut restored = Restored::default();
    for entry in entries {
        let Some(text) = entry.document.as_ref().map(|d| d.get().to_owned()).or(entry.raw) else { continue };
        let document = read_document(&text).ok();
        let base = if usable_id(&entry.id) { entry.id } else { new_id() };
        // The draft's own id, then `<id>-restored`, `<id>-restored-2`…: restoring the same
        // backup twice finds what it added the first time, with or without photo ids of its own.
        let mut id = base.clone();
        let mut attempt = 1;
        let (pairs, to_store) = loop {
            let candidate = Candidate::new(&text, document.as_ref(), &id);
            match library.raw(&id) {
                Some(stored) if stored == candidate.plain => break (candidate.plain_pairs(), None),
                Some(stored) if stored == candidate.own.0 => break (candidate.own.1, None),
                Some(_) => {
                    id = if attempt == 1 { format!("{base}-restored") } else { format!("{base}-restored-{attempt}") };
                    attempt += 1;
                }
                None if candidate.own.1.iter().any(|(old, _)| usage.is_used(old)) => {
                    break (candidate.own.1, Some(candidate.own.0))
                }
                None => break (candidate.plain_pairs(), Some(candidate.plain)),
            }
        };
        match to_store {
            None => restored.already_there += 1,
            Some(stored) => {
                // A draft that was in the trash goes back to it for a fresh 30 days.
                let deleted_ms = entry.deleted_ms.map(|_| now_ms);
                if let Err(error) = library.add_raw(&id, &stored, entry.updated_ms, deleted_ms) {
                    return Err(RestoreError::Store { restored, error });
                }
                if let Ok(added) = read_document(&stored) {
                    usage.add(&id, &added.report);
                }
                restored.added += 1;
                restored.to_trash += usize::from(deleted_ms.is_some());
            }
        }
        restored.photos.extend(pairs.into_iter().filter_map(|(old, own)| {
            let url = photos.get(&old)?.clone();
            Some(RestoredPhoto { id: own, draft: id.clone(), url })
        }));
    }
    Ok(restored)
}

/// Ids from a file become storage keys: keep them short and plain.
fn usable_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::{write_document, Document};
    use crate::core::drafts::tests::titled;
    use crate::core::drafts::{MemoryStore, Opened, DAY_MS, TRASH_DAYS};
    use crate::core::report::{Attachment, PhotoRef};

    fn ids() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("new-{n}")
        }
    }

    fn library_with(drafts: &[(&str, &str)]) -> Library<MemoryStore> {
        let mut library = Library::open(MemoryStore::new());
        for (i, (id, title)) in drafts.iter().enumerate() {
            library.save(id, &titled(title), i as f64, 0).unwrap();
        }
        library
    }

    #[test]
    fn a_backup_restores_every_draft_into_an_empty_browser() {
        let mut source = library_with(&[("a", "First"), ("b", "Second")]);
        source.store_mut().set(&Library::<MemoryStore>::draft_key("c"), "{damaged").unwrap();
        source = Library::open(source.store().clone());
        source.delete("b", 5.0).unwrap();
        let backup = write_backup(&source, 9.0);

        let mut target = Library::open(MemoryStore::new());
        assert_eq!(
            restore_backup(&mut target, backup.as_bytes(), 10.0, ids()),
            Ok(Restored { added: 3, already_there: 0, to_trash: 1, ..Restored::default() })
        );
        assert!(matches!(target.open_draft("a"), Opened::Draft(d, _) if d == titled("First")));
        assert_eq!(target.raw("c").as_deref(), Some("{damaged"));
        assert!(target.summary("c").is_some_and(|d| d.unreadable));
        assert_eq!(target.search("").len(), 2, "the trashed draft stays in the trash");
        assert_eq!(target.summary("a").map(|d| d.updated_ms), Some(0.0));
    }

    #[test]
    fn restoring_never_overwrites_a_draft() {
        let source = library_with(&[("a", "Same"), ("b", "From the backup")]);
        let backup = write_backup(&source, 0.0);
        let mut target = library_with(&[("a", "Same"), ("b", "Edited here since")]);
        assert_eq!(
            restore_backup(&mut target, backup.as_bytes(), 1.0, ids()),
            Ok(Restored { added: 1, already_there: 1, ..Restored::default() })
        );
        assert!(matches!(target.open_draft("b"), Opened::Draft(d, _) if d == titled("Edited here since")));
        assert!(matches!(target.open_draft("b-restored"), Opened::Draft(d, _) if d == titled("From the backup")));
        // Restoring twice adds nothing more.
        let again = restore_backup(&mut target, backup.as_bytes(), 2.0, ids());
        assert_eq!(again, Ok(Restored { added: 0, already_there: 2, ..Restored::default() }));
    }

    #[test]
    fn a_single_exported_report_restores_as_one_draft() {
        let mut target = Library::open(MemoryStore::new());
        let file = write_document(&titled("One report"));
        assert_eq!(restore_backup(&mut target, file.as_bytes(), 1.0, ids()).map(|r| r.added), Ok(1));
        assert_eq!(target.summary("new-1").map(|d| d.title.as_str()), Some("One report"));
    }

    #[test]
    fn other_files_are_refused_with_the_reason() {
        let mut target = Library::open(MemoryStore::new());
        let refused =
            |target: &mut Library<MemoryStore>, text: &str| restore_backup(target, text.as_bytes(), 0.0, ids());
        assert!(matches!(refused(&mut target, "{oops"), Err(RestoreError::Read(ReadError::NotJson { .. }))));
        assert_eq!(refused(&mut target, "[]"), Err(RestoreError::Read(ReadError::NotAReport)));
        assert_eq!(
            refused(&mut target, r#"{"format":"taqrir-backup","version":9,"drafts":[]}"#),
            Err(RestoreError::Read(ReadError::NewerVersion { found: 9 }))
        );
        assert!(target.drafts().is_empty());
    }

    #[test]
    fn ids_that_would_make_odd_keys_are_replaced() {
        let backup = r#"{"format":"taqrir-backup","version":1,"drafts":[{"id":"../../x y","raw":"r"}]}"#;
        let mut target = Library::open(MemoryStore::new());
        restore_backup(&mut target, backup.as_bytes(), 0.0, ids()).unwrap();
        assert_eq!(target.raw("new-1").as_deref(), Some("r"));
    }

    #[test]
    fn a_full_storage_stops_the_restore_and_says_how_far_it_got() {
        let source = library_with(&[("a", &"a".repeat(400)), ("b", &"b".repeat(400))]);
        let backup = write_backup(&source, 0.0);
        // Room for the first draft and the index, not for the second draft.
        let first = source.raw("a").map_or(0, |text| text.len());
        let mut target = Library::open(MemoryStore::with_quota(first + 600));
        let result = restore_backup(&mut target, backup.as_bytes(), 0.0, ids());
        assert_eq!(
            result,
            Err(RestoreError::Store {
                restored: Restored { added: 1, already_there: 0, ..Restored::default() },
                error: StoreError::QuotaExceeded
            })
        );
    }

    fn with_photo(title: &str, photo: &str) -> Document {
        let mut document = titled(title);
        document.report.attachments = vec![Attachment {
            photos: vec![PhotoRef { id: photo.into(), caption: String::new() }],
            ..Default::default()
        }];
        document
    }

    const JPEG: &str = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAP8=";

    fn photo(id: &str, draft: &str) -> RestoredPhoto {
        RestoredPhoto { id: id.into(), draft: draft.into(), url: JPEG.into() }
    }

    #[test]
    fn photos_travel_in_a_backup_and_are_handed_back_with_their_drafts() {
        let mut source = Library::open(MemoryStore::new());
        source.save("a", &with_photo("First", "p1"), 0.0, 0).unwrap();
        source.save("b", &titled("Second"), 1.0, 0).unwrap();
        let photos: PhotoData = [("p1".to_owned(), JPEG.to_owned()), ("gone".to_owned(), JPEG.to_owned())].into();
        let backup = write_backup_with_photos(&source, 2.0, &photos);

        let mut target = Library::open(MemoryStore::new());
        let restored = restore_backup(&mut target, backup.as_bytes(), 3.0, ids()).unwrap();
        assert_eq!(restored.added, 2);
        // Nothing else uses them here: the photos keep their ids.
        assert_eq!(restored.photos, [photo("p1", "a")]);
        assert!(matches!(target.open_draft("a"), Opened::Draft(d, _) if d == with_photo("First", "p1")));
        // The drafts' stored text has no photo data.
        assert!(!target.raw("a").unwrap_or_default().contains("base64"));
        // Restoring again adds nothing, and hands the photos back again (for any that went missing).
        let again = restore_backup(&mut target, backup.as_bytes(), 4.0, ids()).unwrap();
        assert_eq!((again.added, again.already_there, again.photos), (0, 2, vec![photo("p1", "a")]));
    }

    #[test]
    fn a_draft_restored_beside_a_different_one_with_its_id_gets_its_own_photo_ids() {
        let source = {
            let mut library = Library::open(MemoryStore::new());
            library.save("a", &with_photo("From the backup", "p1"), 0.0, 0).unwrap();
            library
        };
        let backup = write_backup_with_photos(&source, 1.0, &[("p1".to_owned(), JPEG.to_owned())].into());
        let mut target = Library::open(MemoryStore::new());
        target.save("a", &with_photo("Edited here since", "p1"), 0.0, 0).unwrap();
        let restored = restore_backup(&mut target, backup.as_bytes(), 2.0, ids()).unwrap();
        assert_eq!(restored.photos, [photo("p1-a-restored", "a-restored")]);
        assert!(
            matches!(target.open_draft("a-restored"), Opened::Draft(d, _) if d == with_photo("From the backup", "p1-a-restored"))
        );
        assert!(matches!(target.open_draft("a"), Opened::Draft(d, _) if d == with_photo("Edited here since", "p1")));
        // The same file again: found, nothing added.
        let again = restore_backup(&mut target, backup.as_bytes(), 3.0, ids()).unwrap();
        assert_eq!((again.added, again.already_there), (0, 1));
    }

    #[test]
    fn a_report_restored_into_the_browser_it_came_from_shares_no_photo_with_its_original() {
        let mut target = Library::open(MemoryStore::new());
        target.save("original", &with_photo("Fourth session", "p9"), 0.0, 0).unwrap();
        let mut exported = with_photo("Fourth session", "p9");
        exported.photos.insert("p9".into(), JPEG.into());
        let file = write_document(&exported);

        let mut new_id = ids();
        let restored = restore_backup(&mut target, file.as_bytes(), 1.0, &mut new_id).unwrap();
        assert_eq!(restored.added, 1);
        assert_eq!(restored.photos, [photo("p9-new-1", "new-1")]);
        assert!(
            matches!(target.open_draft("new-1"), Opened::Draft(d, _) if d == with_photo("Fourth session", "p9-new-1"))
        );
        assert!(!target.raw("new-1").unwrap_or_default().contains("base64"));
        // Twice: each copy has photos of its own.
        let twice = restore_backup(&mut target, file.as_bytes(), 2.0, &mut new_id).unwrap();
        assert_eq!(twice.photos, [photo("p9-new-2", "new-2")]);
    }

    #[test]
    fn a_backup_draft_whose_photo_another_draft_uses_gets_its_own_and_is_found_again() {
        let mut source = Library::open(MemoryStore::new());
        source.save("x", &with_photo("From elsewhere", "p1"), 0.0, 0).unwrap();
        let backup = write_backup_with_photos(&source, 1.0, &[("p1".to_owned(), JPEG.to_owned())].into());
        let mut target = Library::open(MemoryStore::new());
        target.save("y", &with_photo("Restored from the report earlier", "p1"), 0.0, 0).unwrap();
        // Even a draft in the trash keeps its photos to itself.
        target.delete("y", 0.5).unwrap();

        let restored = restore_backup(&mut target, backup.as_bytes(), 2.0, ids()).unwrap();
        assert_eq!((restored.added, restored.photos.clone()), (1, vec![photo("p1-x", "x")]));
        assert!(matches!(target.open_draft("x"), Opened::Draft(d, _) if d == with_photo("From elsewhere", "p1-x")));
        let again = restore_backup(&mut target, backup.as_bytes(), 3.0, ids()).unwrap();
        assert_eq!((again.added, again.already_there, again.photos), (0, 1, vec![photo("p1-x", "x")]));
    }

    #[test]
    fn a_draft_restored_from_the_trash_stays_there_for_30_days_from_the_restore_and_says_so() {
        let mut source = library_with(&[("a", "Deleted long ago"), ("b", "Kept")]);
        source.delete("a", 0.0).unwrap();
        let backup = write_backup(&source, 31.0 * DAY_MS);
        let now = 40.0 * DAY_MS;

        let mut target = Library::open(MemoryStore::new());
        let restored = restore_backup(&mut target, backup.as_bytes(), now, ids()).unwrap();
        assert_eq!((restored.added, restored.to_trash), (2, 1));
        assert_eq!(target.summary("a").and_then(|d| d.erased_at()), Some(now + TRASH_DAYS * DAY_MS));
        assert_eq!(target.empty_trash(now + 29.0 * DAY_MS), Ok(vec![]));
        assert!(target.raw("a").is_some());
        assert_eq!(
            restored.message(Language::English),
            "Restored 2 drafts. 1 of them had been deleted: it is in the Trash again, kept for 30 days from today."
        );
    }

    #[test]
    fn the_message_counts_in_words_of_each_language() {
        let told = |added, already_there, to_trash, lang| {
            Restored { added, already_there, to_trash, photos: Vec::new() }.message(lang)
        };
        assert_eq!(told(1, 0, 0, Language::English), "Restored 1 draft.");
        assert_eq!(told(0, 2, 0, Language::English), "Restored 0 drafts. 2 were already here.");
        assert_eq!(
            told(2, 1, 2, Language::English),
            "Restored 2 drafts. 1 was already here. \
             2 of them had been deleted: they are in the Trash again, kept for 30 days from today."
        );
        assert_eq!(told(2, 0, 0, Language::Arabic), "استُعيدت مسودتان.");
        assert_eq!(told(1, 0, 0, Language::Kurdish), "1 ڕەشنووس گەڕێنرایەوە.");
    }

    #[test]
    fn an_exported_report_restores_without_its_photos_in_storage() {
        let mut document = with_photo("One report", "p9");
        document.photos.insert("p9".into(), JPEG.into());
        let file = write_document(&document);
        let mut target = Library::open(MemoryStore::new());
        let restored = restore_backup(&mut target, file.as_bytes(), 1.0, ids()).unwrap();
        assert_eq!((restored.added, restored.photos), (1, vec![photo("p9", "new-1")]));
        let stored = target.raw("new-1").unwrap_or_default();
        assert!(!stored.contains("base64") && stored.contains("p9"), "{stored}");
    }

    #[test]
    fn photos_may_take_a_backup_past_its_size_limit_but_drafts_may_not() {
        let source = library_with(&[("a", "Small")]);
        let big: PhotoData =
            [("p1".to_owned(), format!("data:image/jpeg;base64,{}", "A".repeat(MAX_BACKUP_BYTES)))].into();
        let backup = write_backup_with_photos(&source, 0.0, &big);
        let mut target = Library::open(MemoryStore::new());
        assert_eq!(restore_backup(&mut target, backup.as_bytes(), 0.0, ids()).map(|r| r.added), Ok(1));
        let huge = vec![b' '; MAX_BACKUP_BYTES + 1];
        assert_eq!(
            restore_backup(&mut target, &huge, 0.0, ids()),
            Err(RestoreError::Read(ReadError::TooLarge { bytes: MAX_BACKUP_BYTES + 1 }))
        );
    }
}
