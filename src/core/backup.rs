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
//! in an exported report; restoring hands them back ([`photos_in_file`]) for the photo store, and
//! never keeps them in a draft's stored text.

use crate::core::document::{read_document, write_document, ReadError};
use crate::core::drafts::{KeyValueStore, Library, Opened, StoreError};
use crate::core::photos::{valid_photos, PhotoData};
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

/// What a restore did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Restored {
    /// Drafts added.
    pub added: usize,
    /// Drafts skipped because the same draft is already stored.
    pub already_there: usize,
    /// `(photo id in the file, photo id given)` for drafts restored under another id than their
    /// own: the file's photo data is stored under both.
    pub photo_copies: Vec<(String, String)>,
}

/// `text` as the draft `draft` stores it when restored beside a different draft with its id: its
/// photos get ids of their own (`<photo>-<draft>`), so the two drafts never share a stored photo
/// (erasing one from the trash would take the other's). Always the same ids for the same draft,
/// so restoring twice finds it again.
fn with_own_photo_ids(text: &str, draft: &str) -> (String, Vec<(String, String)>) {
    let Ok(mut document) = read_document(text) else { return (text.to_owned(), Vec::new()) };
    if document.report.photos().next().is_none() {
        return (text.to_owned(), Vec::new());
    }
    let mut copies: Vec<(String, String)> = Vec::new();
    for photo in document.report.attachments.iter_mut().flat_map(|a| a.photos.iter_mut()) {
        let own = format!("{}-{draft}", photo.id);
        if !copies.iter().any(|(old, _)| *old == photo.id) {
            copies.push((photo.id.clone(), own.clone()));
        }
        photo.id = own;
    }
    (write_document(&document), copies)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestoreError {
    /// The file is not a backup (or a report) this version can read.
    Read(ReadError),
    /// Storage refused a draft; those before it were restored.
    Store { restored: Restored, error: StoreError },
}

/// Adds every draft of a backup file (or a single exported report) to `library`.
/// `new_id` makes an id for a draft whose id is taken by a different draft.
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
    let photo_bytes =
        |photos: &mut dyn Iterator<Item = (&String, usize)>| photos.map(|(id, len)| id.len() + len).sum::<usize>();
    let (entries, photos_size) = match serde_json::from_str::<Backup>(text) {
        Ok(backup) if backup.format == BACKUP_FORMAT => {
            if backup.version > BACKUP_VERSION {
                return read(ReadError::NewerVersion { found: backup.version });
            }
            let photos_size =
                photo_bytes(&mut backup.photos.iter().map(|(id, url)| (id, url.as_str().map_or(0, str::len))));
            (backup.drafts, photos_size)
        }
        // One exported report is a backup of one draft.
        _ => match read_document(text) {
            Ok(mut document) => {
                let photos_size = photo_bytes(&mut document.photos.iter().map(|(id, url)| (id, url.len())));
                // Photos are kept in the photo store, never in a draft's stored text.
                let text = if document.photos.is_empty() {
                    text.to_owned()
                } else {
                    document.photos.clear();
                    write_document(&document)
                };
                let entry = Entry {
                    id: new_id(),
                    updated_ms: now_ms,
                    deleted_ms: None,
                    document: RawValue::from_string(text).ok(),
                    raw: None,
                };
                (vec![entry], photos_size)
            }
            Err(_) if size > MAX_BACKUP_BYTES => return too_large(),
            Err(error) => return read(error),
        },
    };
    if size.saturating_sub(photos_size) > MAX_BACKUP_BYTES {
        return too_large();
    }
    let mut restored = Restored::default();
    for entry in entries {
        let Some(text) = entry.document.as_ref().map(|d| d.get().to_owned()).or(entry.raw) else { continue };
        let base = if usable_id(&entry.id) { entry.id } else { new_id() };
        // The draft's own id, then `<id>-restored`, `<id>-restored-2`…: restoring the same
        // backup twice finds what it added the first time.
        let mut id = base.clone();
        let mut attempt = 1;
        let (text, photo_copies) = loop {
            let (candidate, copies) =
                if id == base { (text.clone(), Vec::new()) } else { with_own_photo_ids(&text, &id) };
            match library.raw(&id) {
                Some(stored) if stored == candidate => break (None, copies),
                Some(_) => {
                    id = if attempt == 1 { format!("{base}-restored") } else { format!("{base}-restored-{attempt}") };
                    attempt += 1;
                }
                None => break (Some(candidate), copies),
            }
        };
        let Some(text) = text else {
            restored.already_there += 1;
            continue;
        };
        if let Err(error) = library.add_raw(&id, &text, entry.updated_ms, entry.deleted_ms) {
            return Err(RestoreError::Store { restored, error });
        }
        restored.photo_copies.extend(photo_copies);
        restored.added += 1;
    }
    Ok(restored)
}

/// The photos a backup or an exported report carries (only image `data:` URLs); empty for
/// anything else.
pub fn photos_in_file(bytes: &[u8]) -> PhotoData {
    #[derive(Deserialize)]
    struct Photos {
        #[serde(default)]
        photos: BTreeMap<String, serde_json::Value>,
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(bytes);
    let Some(photos) = std::str::from_utf8(bytes).ok().and_then(|text| serde_json::from_str::<Photos>(text).ok())
    else {
        return PhotoData::new();
    };
    valid_photos(
        photos
            .photos
            .into_iter()
            .filter_map(|(id, url)| match url {
                serde_json::Value::String(url) => Some((id, url)),
                _ => None,
            })
            .collect(),
    )
}

/// For each photo a readable draft of `library` refers to, the draft's id (the first draft found
/// when several do): the owner a restored photo is stored under.
pub fn photo_owners<S: KeyValueStore>(library: &mut Library<S>) -> BTreeMap<String, String> {
    let ids: Vec<String> = library.drafts().iter().map(|d| d.id.clone()).collect();
    let mut owners = BTreeMap::new();
    for id in ids {
        let document = match library.open_draft(&id) {
            Opened::Draft(document, _) | Opened::Newer { document, .. } => document,
            Opened::Unreadable(_) | Opened::Missing => continue,
        };
        for photo in document.report.photos() {
            owners.entry(photo.id.clone()).or_insert_with(|| id.clone());
        }
    }
    owners
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
    use crate::core::drafts::{MemoryStore, Opened};
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
            Ok(Restored { added: 3, already_there: 0, ..Restored::default() })
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

    #[test]
    fn photos_travel_in_a_backup_and_are_handed_back_with_their_owners() {
        let mut source = Library::open(MemoryStore::new());
        source.save("a", &with_photo("First", "p1"), 0.0, 0).unwrap();
        source.save("b", &titled("Second"), 1.0, 0).unwrap();
        let photos: PhotoData = [("p1".to_owned(), JPEG.to_owned())].into();
        let backup = write_backup_with_photos(&source, 2.0, &photos);
        assert_eq!(photos_in_file(backup.as_bytes()), photos);

        let mut target = Library::open(MemoryStore::new());
        assert_eq!(restore_backup(&mut target, backup.as_bytes(), 3.0, ids()).map(|r| r.added), Ok(2));
        assert_eq!(photo_owners(&mut target), [("p1".to_owned(), "a".to_owned())].into());
        // The drafts' stored text has no photo data.
        assert!(!target.raw("a").unwrap_or_default().contains("base64"));
    }

    #[test]
    fn a_draft_restored_beside_a_different_one_with_its_id_gets_its_own_photo_ids() {
        let source = {
            let mut library = Library::open(MemoryStore::new());
            library.save("a", &with_photo("From the backup", "p1"), 0.0, 0).unwrap();
            library
        };
        let backup = write_backup(&source, 1.0);
        let mut target = Library::open(MemoryStore::new());
        target.save("a", &with_photo("Edited here since", "p1"), 0.0, 0).unwrap();
        let restored = restore_backup(&mut target, backup.as_bytes(), 2.0, ids()).unwrap();
        assert_eq!(restored.photo_copies, [("p1".to_owned(), "p1-a-restored".to_owned())]);
        assert!(
            matches!(target.open_draft("a-restored"), Opened::Draft(d, _) if d == with_photo("From the backup", "p1-a-restored"))
        );
        // The same file again: found, nothing added, nothing more to copy.
        let again = restore_backup(&mut target, backup.as_bytes(), 3.0, ids()).unwrap();
        assert_eq!((again.added, again.already_there, again.photo_copies.len()), (0, 1, 0));
    }

    #[test]
    fn an_exported_report_restores_without_its_photos_in_storage() {
        let mut document = with_photo("One report", "p9");
        document.photos.insert("p9".into(), JPEG.into());
        let file = write_document(&document);
        assert_eq!(photos_in_file(file.as_bytes()).keys().collect::<Vec<_>>(), ["p9"]);
        let mut target = Library::open(MemoryStore::new());
        assert_eq!(restore_backup(&mut target, file.as_bytes(), 1.0, ids()).map(|r| r.added), Ok(1));
        let stored = target.raw("new-1").unwrap_or_default();
        assert!(!stored.contains("base64") && stored.contains("p9"), "{stored}");
        assert_eq!(photo_owners(&mut target), [("p9".to_owned(), "new-1".to_owned())].into());
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
