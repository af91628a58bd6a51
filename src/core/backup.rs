//! "Back up all" and "Restore": every draft of a browser in one JSON file, and back.
//!
//! ```json
//! { "format": "taqrir-backup", "version": 2, "created_ms": 0,
//!   "drafts": [ { "id": "…", "updated_ms": 0, "deleted_ms": null, "document": { …a report document… } },
//!               { "id": "…", "updated_ms": 0, "raw": "text that could not be read as a report" } ],
//!   "received": [ { "added_ms": 0, "document": { …a report document, photos embedded… } } ] }
//! ```
//!
//! Each kind of content beside the drafts is one optional top-level field ([`BackupExtras`]),
//! left out when there is none, so a backup written before it existed still restores.
//!
//! Drafts are embedded as their stored text, unparsed, so a backup is as fast as reading storage
//! and loses nothing, unreadable drafts included. Restoring never replaces a draft: one that is
//! already there is skipped, and a different draft under the same id is added under a new id.
//!
//! The drafts' photos travel in a top-level `"photos"` object (photo id → image `data:` URL), as
//! in an exported report; restoring hands them back ([`Restored::photos`]) for the photo store,
//! and never keeps them in a draft's stored text.

use crate::core::archive::ReceivedCopy;
use crate::core::document::{read_document, write_document, Document, ReadError};
use crate::core::drafts::{KeyValueStore, Library, StoreError};
use crate::core::i18n::{plural, Msg};
use crate::core::photo_use::PhotoUse;
use crate::core::photos::{valid_photos, PhotoData};
use crate::core::report::Language;
use crate::core::report_file::read_report_file;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;

pub const BACKUP_FORMAT: &str = "taqrir-backup";
/// Version 2 added the received reports: a reader of version 1 would restore the drafts and
/// drop them without a word, so it is told the file is newer instead.
const BACKUP_VERSION: u32 = 2;
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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    received: Vec<ReceivedEntry>,
    /// The organisation profile, as its own file has it (core::profile_file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    profile: Option<Box<RawValue>>,
}

/// A received report of the Summary's archive.
#[derive(Serialize, Deserialize)]
struct ReceivedEntry {
    #[serde(default)]
    added_ms: f64,
    /// The document as received; missing or damaged, it is counted as not read on restore.
    #[serde(default)]
    document: Option<Box<RawValue>>,
}

impl ReceivedEntry {
    fn of(copy: &ReceivedCopy) -> Self {
        // The archive holds JSON it wrote; anything else goes in as a string, never dropped.
        let document = RawValue::from_string(copy.document.clone())
            .or_else(|_| serde_json::value::to_raw_value(&copy.document))
            .ok();
        ReceivedEntry { added_ms: copy.added_ms, document }
    }

    fn copy(self) -> ReceivedCopy {
        let text = self.document.map(|d| d.get().to_owned()).unwrap_or_default();
        let document = serde_json::from_str::<String>(&text).unwrap_or(text);
        ReceivedCopy { added_ms: self.added_ms, document }
    }
}

/// What a backup carries beside the drafts.
#[derive(Clone, Debug, Default)]
pub struct BackupExtras {
    /// The drafts' photos (id → image `data:` URL).
    pub photos: PhotoData,
    /// The Summary's received reports.
    pub received: Vec<ReceivedCopy>,
    /// The organisation profile as a profile file (logos and own templates in it).
    pub profile: Option<String>,
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
    write_backup_with(library, now_ms, &BackupExtras { photos: photos.clone(), ..BackupExtras::default() })
}

/// [`write_backup`] with what it carries beside the drafts.
pub fn write_backup_with<S: KeyValueStore>(library: &Library<S>, now_ms: f64, extras: &BackupExtras) -> String {
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
    let photos = extras.photos.iter().map(|(id, url)| (id.clone(), serde_json::Value::String(url.clone()))).collect();
    let received = extras.received.iter().map(ReceivedEntry::of).collect();
    let profile = extras.profile.clone().and_then(|text| RawValue::from_string(text).ok());
    let backup = Backup {
        format: BACKUP_FORMAT.into(),
        version: BACKUP_VERSION,
        created_ms: now_ms,
        drafts,
        photos,
        received,
        profile,
    };
    serde_json::to_string(&backup).unwrap_or_default()
}

/// What a restore did, what the person is told, and what the photo store must receive.
#[derive(Clone, Debug, Default, PartialEq)]
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
    /// The received reports the file carries, for the archive to take in.
    pub received: Vec<ReceivedCopy>,
    /// The organisation profile the file carries, as a profile file.
    pub profile: Option<String>,
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

#[derive(Clone, Debug, PartialEq)]
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

/// What restoring a file will do, decided before anything is written: which drafts to add and
/// under which ids (with which photo ids), which are there already, and which photos to store.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RestorePlan {
    /// The drafts to add, in order.
    pub add: Vec<NewDraft>,
    /// Drafts of the file already stored here, as they are.
    pub already_there: usize,
    /// The photos of the drafts to add and of those already there that the file carries.
    pub photos: Vec<RestoredPhoto>,
    /// The received reports the file carries.
    pub received: Vec<ReceivedCopy>,
    /// The organisation profile the file carries, as a profile file.
    pub profile: Option<String>,
}

/// A draft a restore adds.
#[derive(Clone, Debug, PartialEq)]
pub struct NewDraft {
    pub id: String,
    /// Its text as stored: the file's, or with photo ids of its own (`<photo>-<id>`) when another
    /// draft uses the file's.
    pub text: String,
    pub updated_ms: f64,
    /// Set for a draft that was in the trash: the restore's time, so it has 30 days again.
    pub deleted_ms: Option<f64>,
}

/// Plans restoring a backup file (or a single exported report) into `library`, reading only.
/// `new_id` makes an id for a draft whose id in the file cannot be used.
///
/// A draft is never replaced: the same draft already stored is skipped, and a different draft
/// under the same id is added as `<id>-restored` (then `-restored-2`…), so both versions stay.
/// A draft whose photo ids another draft already uses gets ids of its own (`<photo>-<draft>`):
/// two drafts never share a stored photo, so removing it from one never takes the other's.
pub fn plan_restore<S: KeyValueStore>(
    library: &Library<S>,
    bytes: &[u8],
    now_ms: f64,
    mut new_id: impl FnMut() -> String,
) -> Result<RestorePlan, ReadError> {
    let size = bytes.len();
    let too_large = || Err(ReadError::TooLarge { bytes: size });
    if size > MAX_BACKUP_BYTES_WITH_PHOTOS {
        return too_large();
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else { return Err(ReadError::NotAReport) };
    let photo_bytes = |photos: &PhotoData| photos.iter().map(|(id, url)| id.len() + url.len()).sum::<usize>();
    let (entries, photos, received, profile) = match serde_json::from_str::<Backup>(text) {
        Ok(backup) if backup.format == BACKUP_FORMAT => {
            if backup.version > BACKUP_VERSION {
                return Err(ReadError::NewerVersion { found: backup.version });
            }
            let photos = backup
                .photos
                .into_iter()
                .filter_map(|(id, url)| match url {
                    serde_json::Value::String(url) => Some((id, url)),
                    _ => None,
                })
                .collect();
            (backup.drafts, photos, backup.received, backup.profile.map(|p| p.get().to_owned()))
        }
        // One exported report is a backup of one draft.
        _ => match read_report_file(bytes) {
            Ok(mut document) => {
                // Photos are kept in the photo store, never in a draft's stored text; a printable
                // page is stored as the document it carries.
                let photos = std::mem::take(&mut document.photos);
                let page = text.trim_start().starts_with('<');
                let text = if photos.is_empty() && !page { text.to_owned() } else { write_document(&document) };
                let entry = Entry {
                    id: new_id(),
                    updated_ms: now_ms,
                    deleted_ms: None,
                    document: RawValue::from_string(text).ok(),
                    raw: None,
                };
                (vec![entry], photos, Vec::new(), None)
            }
            Err(_) if size > MAX_BACKUP_BYTES => return too_large(),
            Err(error) => return Err(error),
        },
    };
    // The limit counts the drafts: photos, received reports (which embed theirs) and the profile
    // (with its logos) come on top.
    let received_bytes: usize = received.iter().filter_map(|r| Some(r.document.as_ref()?.get().len())).sum::<usize>()
        + profile.as_ref().map_or(0, String::len);
    if size.saturating_sub(photo_bytes(&photos) + received_bytes) > MAX_BACKUP_BYTES {
        return too_large();
    }
    let photos = valid_photos(photos);
    let mut usage = PhotoUse::of_library(library);
    let received = received.into_iter().map(ReceivedEntry::copy).collect();
    let mut plan = RestorePlan { received, profile, ..RestorePlan::default() };
    for entry in entries {
        let Some(text) = entry.document.as_ref().map(|d| d.get().to_owned()).or(entry.raw) else { continue };
        let document = read_document(&text).ok();
        let base = if usable_id(&entry.id) { entry.id } else { new_id() };
        // The draft's own id, then `<id>-restored`, `<id>-restored-2`…: restoring the same
        // backup twice finds what it added the first time, with or without photo ids of its own.
        let mut id = base.clone();
        let mut attempt = 1;
        let (pairs, to_add) = loop {
            let candidate = Candidate::new(&text, document.as_ref(), &id);
            let planned = plan.add.iter().find(|d| d.id == id).map(|d| d.text.clone());
            match planned.or_else(|| library.raw(&id)) {
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
        match to_add {
            None => plan.already_there += 1,
            Some(text) => {
                if let Ok(added) = read_document(&text) {
                    usage.add(&id, &added.report);
                }
                // A draft that was in the trash goes back to it for a fresh 30 days.
                let deleted_ms = entry.deleted_ms.map(|_| now_ms);
                plan.add.push(NewDraft { id: id.clone(), text, updated_ms: entry.updated_ms, deleted_ms });
            }
        }
        plan.photos.extend(pairs.into_iter().filter_map(|(old, own)| {
            let url = photos.get(&old)?.clone();
            Some(RestoredPhoto { id: own, draft: id.clone(), url })
        }));
    }
    Ok(plan)
}

impl RestorePlan {
    /// Adds the planned drafts to `library`, in order. If storage refuses one, those before it
    /// stay, and the error says how far it got (with the photos of what is stored).
    pub fn carry_out<S: KeyValueStore>(self, library: &mut Library<S>) -> Result<Restored, RestoreError> {
        let mut restored = Restored {
            already_there: self.already_there,
            received: self.received,
            profile: self.profile,
            ..Restored::default()
        };
        let mut failed = None;
        for draft in &self.add {
            if let Err(error) = library.add_raw(&draft.id, &draft.text, draft.updated_ms, draft.deleted_ms) {
                failed = Some((draft.id.as_str(), error));
                break;
            }
            restored.added += 1;
            restored.to_trash += usize::from(draft.deleted_ms.is_some());
        }
        let not_added: Vec<&str> = match &failed {
            Some((id, _)) => self.add.iter().map(|d| d.id.as_str()).skip_while(|d| d != id).collect(),
            None => Vec::new(),
        };
        restored.photos = self.photos.iter().filter(|p| !not_added.contains(&p.draft.as_str())).cloned().collect();
        match failed {
            Some((_, error)) => Err(RestoreError::Store { restored, error }),
            None => Ok(restored),
        }
    }
}

/// Restores a backup file (or a single exported report) into `library`: [`plan_restore`], then
/// [`RestorePlan::carry_out`].
pub fn restore_backup<S: KeyValueStore>(
    library: &mut Library<S>,
    bytes: &[u8],
    now_ms: f64,
    new_id: impl FnMut() -> String,
) -> Result<Restored, RestoreError> {
    plan_restore(library, bytes, now_ms, new_id).map_err(RestoreError::Read)?.carry_out(library)
}

/// Ids from a file become storage keys: keep them short and plain.
fn usable_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
#[path = "backup_tests.rs"]
mod tests;
