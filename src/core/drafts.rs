//! The draft library: where drafts live in the browser's storage.
//!
//! Layout: one key per draft (`taqrir.draft.<id>`, the JSON document) and one small index
//! (`taqrir.index`) listing every draft's id, title, date and last edit, so that opening the app
//! or the list never parses every draft. Storage sits behind [`KeyValueStore`]: the browser's
//! local storage in the app, [`MemoryStore`] in tests and when the browser refuses storage.

use crate::core::document::{read_document, read_newer_document, write_document, Document, ReadError};
use crate::core::intake::HeldReport;
pub use crate::core::store::{megabytes, utf16_len, KeyValueStore, MemoryStore, StorageUse, LOCAL_STORAGE_QUOTA};
pub use crate::core::store_error::StoreError;
use serde::{Deserialize, Serialize};

pub const INDEX_KEY: &str = "taqrir.index";
/// Where an index that cannot be read is set aside, byte for byte, before a new one is written.
pub const DAMAGED_INDEX_KEY: &str = "taqrir.index.damaged";
pub const DRAFT_KEY_PREFIX: &str = "taqrir.draft.";

/// One draft as the index lists it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DraftSummary {
    pub id: String,
    pub title: String,
    pub date: String,
    /// Milliseconds since the Unix epoch.
    pub updated_ms: f64,
    /// When the draft was moved to the trash; it is deleted for good [`TRASH_DAYS`] later.
    pub deleted_ms: Option<f64>,
    /// Counts the saves of this draft, so that a tab can tell another one has saved it since.
    pub rev: u64,
    /// Length of the stored draft in UTF-16 code units, so usage is known without reading drafts.
    pub size: u64,
    /// The stored text could not be read as a report; it is kept exactly as it is.
    pub unreadable: bool,
}

/// How long a deleted draft stays in the trash.
pub const TRASH_DAYS: f64 = 30.0;
pub const DAY_MS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;

impl DraftSummary {
    /// When a draft in the trash is erased for good (ms since the epoch).
    pub fn erased_at(&self) -> Option<f64> {
        self.deleted_ms.map(|at| at + TRASH_DAYS * DAY_MS)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct Index {
    drafts: Vec<DraftSummary>,
    last_open: Option<String>,
}

/// What opening a stored draft gave.
#[derive(Debug, PartialEq)]
pub enum Opened {
    /// The draft, and its revision (to give back to [`Library::save`]).
    Draft(Document, u64),
    /// Written by a newer version of the app: it can be shown but must not be saved over.
    Newer {
        document: Document,
        version: u32,
    },
    /// The key exists but its text is not a readable report; it is left untouched.
    Unreadable(ReadError),
    Missing,
}

/// Why a draft was not saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    Store(StoreError),
    /// Another tab saved this draft after this one last read or wrote it; saving would overwrite
    /// that tab's changes, so nothing was written.
    Conflict,
}

impl From<StoreError> for SaveError {
    fn from(error: StoreError) -> Self {
        SaveError::Store(error)
    }
}

/// The drafts in one storage.
///
/// Several tabs share one storage, so every change to the index starts from the index as it is
/// stored now, never from this tab's copy: two tabs saving different drafts both stay listed.
pub struct Library<S: KeyValueStore> {
    store: S,
    index: Index,
    /// Length of the stored index.
    index_size: u64,
    /// Size of the keys that are not drafts (settings, other apps on this site), measured at
    /// open and by [`Library::measure_other_keys`], so that saving never reads them.
    other_size: u64,
}

impl<S: KeyValueStore> Library<S> {
    /// Opens the library. An unreadable index is not fatal: drafts are found again by their keys.
    pub fn open(store: S) -> Self {
        let mut library = Library { store, index: Index::default(), index_size: 0, other_size: 0 };
        // Unreadable storage leaves an empty list; nothing is written until it can be read.
        let _ = library.reload();
        library.list_unlisted_drafts();
        library.record_missing_sizes();
        library.measure_other_keys();
        library
    }

    /// Indexes written before sizes were recorded: each draft is measured once.
    fn record_missing_sizes(&mut self) {
        let sizes: Vec<(String, u64)> = self
            .index
            .drafts
            .iter()
            .filter(|d| d.size == 0)
            .filter_map(|d| Some((d.id.clone(), utf16_len(&self.raw(&d.id)?) as u64)))
            .collect();
        if sizes.is_empty() {
            return;
        }
        let _ = self.update_index(|index| {
            for (id, size) in sizes {
                if let Some(entry) = index.drafts.iter_mut().find(|d| d.id == id) {
                    entry.size = size;
                }
            }
        });
    }

    /// Reads the index again (another tab may have changed it). If storage cannot be read,
    /// this library's copy stays and the error is returned, so nothing is ever written over an
    /// index that could not be seen. An index that is there but cannot be read is set aside under
    /// [`DAMAGED_INDEX_KEY`], and the drafts are listed again from their keys.
    pub fn reload(&mut self) -> Result<(), StoreError> {
        let Some(text) = self.store.get(INDEX_KEY)? else {
            self.index = Index::default();
            self.index_size = 0;
            return Ok(());
        };
        self.index_size = utf16_len(&text) as u64;
        match serde_json::from_str(&text) {
            Ok(index) => self.index = index,
            Err(_) => {
                if self.store.get(DAMAGED_INDEX_KEY).ok().flatten().as_deref() != Some(text.as_str()) {
                    let _ = self.store.set(DAMAGED_INDEX_KEY, &text);
                }
                self.index = Index::default();
                self.index.drafts = self.unlisted_summaries();
            }
        }
        Ok(())
    }

    /// Measures the keys that are not drafts nor the index, by reading them.
    pub fn measure_other_keys(&mut self) {
        let Ok(keys) = self.store.keys() else { return };
        self.other_size = keys
            .iter()
            .filter(|key| key.as_str() != INDEX_KEY && !key.starts_with(DRAFT_KEY_PREFIX))
            .map(|key| utf16_len(key) as u64 + self.store.get(key).ok().flatten().map_or(0, |v| utf16_len(&v) as u64))
            .sum();
    }

    pub fn drafts(&self) -> &[DraftSummary] {
        &self.index.drafts
    }

    pub fn summary(&self, id: &str) -> Option<&DraftSummary> {
        self.index.drafts.iter().find(|d| d.id == id)
    }

    pub fn last_open(&self) -> Option<&str> {
        self.index.last_open.as_deref()
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    pub fn store_mut(&mut self) -> &mut S {
        &mut self.store
    }

    pub fn draft_key(id: &str) -> String {
        format!("{DRAFT_KEY_PREFIX}{id}")
    }

    /// The stored text of draft `id`, exactly as it is.
    pub fn raw(&self, id: &str) -> Option<String> {
        self.store.get(&Self::draft_key(id)).ok().flatten()
    }

    /// Drafts whose key exists but which the index does not list (a damaged index, a crash
    /// between writing a draft and the index) are listed again. Only those are read.
    fn list_unlisted_drafts(&mut self) {
        let found = self.unlisted_summaries();
        if found.is_empty() {
            return;
        }
        let _ = self.update_index(|index| {
            for summary in found {
                if !index.drafts.iter().any(|d| d.id == summary.id) {
                    index.drafts.push(summary);
                }
            }
        });
    }

    /// Index entries for the stored drafts the index does not list, read from their text.
    fn unlisted_summaries(&self) -> Vec<DraftSummary> {
        let Ok(keys) = self.store.keys() else { return Vec::new() };
        keys.iter()
            .filter_map(|key| key.strip_prefix(DRAFT_KEY_PREFIX))
            .filter(|id| self.summary(id).is_none())
            .filter_map(|id| Some(summarize(id, &self.raw(id)?)))
            .collect()
    }

    /// Opens a stored draft to edit it. A draft that cannot be read is marked so in the index
    /// (the list then offers its raw text) and is never written to.
    pub fn open_draft(&mut self, id: &str) -> Opened {
        let _ = self.reload();
        let Some(text) = self.raw(id) else { return Opened::Missing };
        let rev = self.summary(id).map_or(0, |d| d.rev);
        let error = match read_document(&text) {
            Ok(document) => return Opened::Draft(document, rev),
            Err(error) => error,
        };
        if let Some((document, version)) = read_newer_document(&text) {
            return Opened::Newer { document, version };
        }
        if self.summary(id).is_some_and(|d| !d.unreadable) {
            let _ = self.update_index(|index| {
                if let Some(entry) = index.drafts.iter_mut().find(|d| d.id == id) {
                    entry.unreadable = true;
                }
            });
        }
        Opened::Unreadable(error)
    }

    /// Saves a draft and records it as the one last open, unless another tab has saved it since
    /// revision `known_rev`. Returns the new revision. The draft is written first: if that
    /// fails, neither the stored draft nor the index changes.
    pub fn save(&mut self, id: &str, document: &Document, now_ms: f64, known_rev: u64) -> Result<u64, SaveError> {
        self.reload()?;
        let stored_rev = self.summary(id).map(|d| d.rev);
        if stored_rev.is_some_and(|rev| rev != known_rev) {
            return Err(SaveError::Conflict);
        }
        let text = write_document(document);
        self.store.set(&Self::draft_key(id), &text)?;
        let rev = stored_rev.unwrap_or(0) + 1;
        let summary = DraftSummary {
            id: id.to_owned(),
            title: document.report.title.clone(),
            date: document.report.date.clone(),
            updated_ms: now_ms,
            deleted_ms: None,
            rev,
            size: utf16_len(&text) as u64,
            unreadable: false,
        };
        self.update_index(|index| {
            match index.drafts.iter_mut().find(|d| d.id == id) {
                Some(existing) => *existing = summary,
                None => index.drafts.push(summary),
            }
            index.last_open = Some(id.to_owned());
        })?;
        Ok(rev)
    }

    /// Stores `text` as a new draft `id` (restoring a backup), listed with `summary`'s dates.
    /// Never replaces a stored draft.
    pub fn add_raw(
        &mut self,
        id: &str,
        text: &str,
        updated_ms: f64,
        deleted_ms: Option<f64>,
    ) -> Result<(), StoreError> {
        if self.raw(id).is_some() {
            return Err(StoreError::DraftExists);
        }
        self.store.set(&Self::draft_key(id), text)?;
        let mut summary = summarize(id, text);
        summary.updated_ms = updated_ms;
        summary.deleted_ms = deleted_ms;
        self.update_index(|index| {
            index.drafts.retain(|d| d.id != summary.id);
            index.drafts.push(summary);
        })
    }

    /// The drafts not in the trash whose title or date contains `query` (case-insensitive),
    /// most recently edited first.
    pub fn search(&self, query: &str) -> Vec<&DraftSummary> {
        let query = query.trim().to_lowercase();
        let mut found: Vec<&DraftSummary> = self
            .index
            .drafts
            .iter()
            .filter(|d| d.deleted_ms.is_none())
            .filter(|d| query.is_empty() || d.title.to_lowercase().contains(&query) || d.date.contains(&query))
            .collect();
        found.sort_by(|a, b| b.updated_ms.total_cmp(&a.updated_ms));
        found
    }

    /// The drafts in the trash, most recently deleted first.
    pub fn trash(&self) -> Vec<&DraftSummary> {
        let mut found: Vec<&DraftSummary> = self.index.drafts.iter().filter(|d| d.deleted_ms.is_some()).collect();
        found.sort_by(|a, b| b.deleted_ms.unwrap_or(0.0).total_cmp(&a.deleted_ms.unwrap_or(0.0)));
        found
    }

    /// Gives a draft of schema 1, which has no report id nor time of its last edit, its own id
    /// and its last save for them: the same every time it is read.
    pub fn identify(&self, id: &str, document: &mut Document) {
        if document.report_id.is_empty() {
            document.report_id = id.to_owned();
        }
        if document.edited_ms.is_none() {
            document.edited_ms = self.summary(id).map(|d| d.updated_ms as u64);
        }
    }

    /// The drafts not in the trash, as held reports that an incoming file is compared with
    /// (each readable draft is read).
    pub fn held_reports(&self) -> Vec<HeldReport> {
        self.index
            .drafts
            .iter()
            .filter(|d| d.deleted_ms.is_none() && !d.unreadable)
            .filter_map(|d| {
                let mut document = read_document(&self.raw(&d.id)?).ok()?;
                self.identify(&d.id, &mut document);
                Some(HeldReport::of(&d.id, &document))
            })
            .collect()
    }

    /// The content of draft `id`, to start a new draft from (the next session's report starts
    /// from the last one's).
    pub fn duplicate(&self, id: &str) -> Option<Document> {
        read_document(&self.raw(id)?).ok().map(Document::as_new_report)
    }

    /// Renames a draft: its stored report's title and its index entry.
    pub fn rename(&mut self, id: &str, title: &str, now_ms: f64) -> Result<(), SaveError> {
        let Opened::Draft(mut document, rev) = self.open_draft(id) else {
            return Err(SaveError::Store(StoreError::DraftUnreadable));
        };
        document.report.title = title.to_owned();
        document.edited_ms = Some(now_ms as u64);
        let last_open = self.index.last_open.clone();
        self.save(id, &document, now_ms, rev)?;
        self.update_index(|index| index.last_open = last_open)?;
        Ok(())
    }

    /// Moves a draft to the trash. Nothing is erased until [`Library::empty_trash`].
    pub fn delete(&mut self, id: &str, now_ms: f64) -> Result<(), StoreError> {
        self.set_deleted(id, Some(now_ms))
    }

    /// Takes a draft back out of the trash.
    pub fn restore(&mut self, id: &str) -> Result<(), StoreError> {
        self.set_deleted(id, None)
    }

    fn set_deleted(&mut self, id: &str, deleted: Option<f64>) -> Result<(), StoreError> {
        self.update_index(|index| {
            if let Some(entry) = index.drafts.iter_mut().find(|d| d.id == id) {
                entry.deleted_ms = deleted;
            }
            if deleted.is_some() && index.last_open.as_deref() == Some(id) {
                index.last_open = None;
            }
        })
    }

    /// Erases drafts that have been in the trash for longer than [`TRASH_DAYS`], and returns
    /// their ids (their photos go with them).
    pub fn empty_trash(&mut self, now_ms: f64) -> Result<Vec<String>, StoreError> {
        self.reload()?;
        let expired: Vec<String> = self
            .index
            .drafts
            .iter()
            .filter(|d| d.deleted_ms.is_some_and(|at| now_ms - at > TRASH_DAYS * DAY_MS))
            .map(|d| d.id.clone())
            .collect();
        if expired.is_empty() {
            return Ok(expired);
        }
        self.update_index(|index| index.drafts.retain(|d| !expired.contains(&d.id)))?;
        for id in &expired {
            self.store.remove(&Self::draft_key(id))?;
        }
        Ok(expired)
    }

    /// Marks a draft as the one to reopen next time, without rewriting it.
    pub fn set_last_open(&mut self, id: &str) -> Result<(), StoreError> {
        self.update_index(|index| index.last_open = Some(id.to_owned()))
    }

    /// How much of local storage is used, in UTF-16 code units, without reading any draft:
    /// drafts count by the size the index records.
    pub fn used(&self) -> u64 {
        let drafts: u64 = self.index.drafts.iter().map(|d| utf16_len(&Self::draft_key(&d.id)) as u64 + d.size).sum();
        drafts + utf16_len(INDEX_KEY) as u64 + self.index_size + self.other_size
    }

    /// Changes the index as it is stored now. If writing fails, this library's copy is the
    /// stored one, unchanged.
    fn update_index(&mut self, change: impl FnOnce(&mut Index)) -> Result<(), StoreError> {
        self.reload()?;
        let mut index = self.index.clone();
        change(&mut index);
        let text = serde_json::to_string(&index).unwrap_or_default();
        self.store.set(INDEX_KEY, &text)?;
        self.index = index;
        self.index_size = utf16_len(&text) as u64;
        Ok(())
    }
}

/// An index entry for stored text, read to find its title and date.
fn summarize(id: &str, text: &str) -> DraftSummary {
    let document = read_document(text).ok().or_else(|| read_newer_document(text).map(|(d, _)| d));
    DraftSummary {
        id: id.to_owned(),
        title: document.as_ref().map(|d| d.report.title.clone()).unwrap_or_default(),
        date: document.as_ref().map(|d| d.report.date.clone()).unwrap_or_default(),
        size: utf16_len(text) as u64,
        unreadable: document.is_none(),
        ..DraftSummary::default()
    }
}

#[cfg(test)]
#[path = "drafts_tests.rs"]
mod tests;
