//! The draft library: where drafts live in the browser's storage.
//!
//! Layout: one key per draft (`taqrir.draft.<id>`, the JSON document) and one small index
//! (`taqrir.index`) listing every draft's id, title, date and last edit, so that opening the app
//! or the list never parses every draft. Storage sits behind [`KeyValueStore`]: the browser's
//! local storage in the app, [`MemoryStore`] in tests and when the browser refuses storage.

use crate::core::document::{read_document, write_document, Document, ReadError};
use crate::core::report::Report;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const INDEX_KEY: &str = "taqrir.index";
pub const DRAFT_KEY_PREFIX: &str = "taqrir.draft.";

/// Why storage refused an operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's quota for this site is used up.
    QuotaExceeded,
    /// Storage cannot be used at all (blocked by settings, some private modes).
    Unavailable,
    /// Anything else the browser reported.
    Other(String),
}

/// The little a draft library needs from a key-value storage.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
}

impl<T: KeyValueStore + ?Sized> KeyValueStore for Box<T> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        (**self).get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        (**self).set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        (**self).remove(key)
    }
}

/// Storage in memory, with an optional quota in bytes (counted like local storage: UTF-16 code
/// units of keys and values) so tests can fill it up.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    entries: BTreeMap<String, String>,
    quota: Option<usize>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_quota(quota: usize) -> Self {
        MemoryStore { entries: BTreeMap::new(), quota: Some(quota) }
    }

    fn used_without(&self, key: &str) -> usize {
        self.entries
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota {
            let needed = key.encode_utf16().count() + value.encode_utf16().count();
            if self.used_without(key) + needed > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.entries.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.entries.remove(key);
        Ok(())
    }
}

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
}

/// How long a deleted draft stays in the trash.
pub const TRASH_DAYS: f64 = 30.0;
const DAY_MS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct Index {
    drafts: Vec<DraftSummary>,
    last_open: Option<String>,
}

/// What opening a stored draft gave.
#[derive(Debug, PartialEq)]
pub enum Opened {
    Draft(Document),
    /// The key exists but its text is not a readable report; it is left untouched.
    Unreadable(ReadError),
    Missing,
}

/// The drafts in one storage.
pub struct Library<S: KeyValueStore> {
    store: S,
    index: Index,
}

impl<S: KeyValueStore> Library<S> {
    /// Opens the library. An unreadable index is not fatal: the drafts themselves are intact,
    /// and the index is rebuilt as drafts are saved.
    pub fn open(store: S) -> Self {
        let index = store
            .get(INDEX_KEY)
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        Library { store, index }
    }

    pub fn drafts(&self) -> &[DraftSummary] {
        &self.index.drafts
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

    pub fn open_draft(&self, id: &str) -> Opened {
        match self.store.get(&Self::draft_key(id)) {
            Ok(Some(text)) => match read_document(&text) {
                Ok(document) => Opened::Draft(document),
                Err(error) => Opened::Unreadable(error),
            },
            Ok(None) | Err(_) => Opened::Missing,
        }
    }

    /// Saves a draft and records it in the index as the one last open. The draft is written
    /// first: if that fails, neither the stored draft nor the index changes.
    pub fn save(&mut self, id: &str, document: &Document, now_ms: f64) -> Result<(), StoreError> {
        self.store.set(&Self::draft_key(id), &write_document(document))?;
        let summary = DraftSummary {
            id: id.to_owned(),
            title: document.report.title.clone(),
            date: document.report.date.clone(),
            updated_ms: now_ms,
            deleted_ms: None,
        };
        let mut index = self.index.clone();
        match index.drafts.iter_mut().find(|d| d.id == id) {
            Some(existing) => *existing = summary,
            None => index.drafts.push(summary),
        }
        index.last_open = Some(id.to_owned());
        self.write_index(index)
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
            .filter(|d| {
                query.is_empty() || d.title.to_lowercase().contains(&query) || d.date.contains(&query)
            })
            .collect();
        found.sort_by(|a, b| b.updated_ms.total_cmp(&a.updated_ms));
        found
    }

    /// The content of draft `id`, to start a new draft from (the next session's report starts
    /// from the last one's).
    pub fn duplicate(&self, id: &str) -> Option<Document> {
        match self.open_draft(id) {
            Opened::Draft(document) => Some(document),
            Opened::Unreadable(_) | Opened::Missing => None,
        }
    }

    /// Renames a draft: its stored report's title and its index entry.
    pub fn rename(&mut self, id: &str, title: &str, now_ms: f64) -> Result<(), StoreError> {
        let Opened::Draft(mut document) = self.open_draft(id) else {
            return Err(StoreError::Other(format!("draft {id} cannot be read")));
        };
        document.report.title = title.to_owned();
        let last_open = self.index.last_open.clone();
        self.save(id, &document, now_ms)?;
        let mut index = self.index.clone();
        index.last_open = last_open;
        self.write_index(index)
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
        let mut index = self.index.clone();
        if let Some(entry) = index.drafts.iter_mut().find(|d| d.id == id) {
            entry.deleted_ms = deleted;
        }
        if deleted.is_some() && index.last_open.as_deref() == Some(id) {
            index.last_open = None;
        }
        self.write_index(index)
    }

    /// Erases drafts that have been in the trash for longer than [`TRASH_DAYS`], and returns the
    /// ids of the drafts erased (so that what is kept elsewhere for them, photos, can go too).
    pub fn empty_trash(&mut self, now_ms: f64) -> Result<Vec<String>, StoreError> {
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
        let mut index = self.index.clone();
        index.drafts.retain(|d| !expired.contains(&d.id));
        self.write_index(index)?;
        for id in &expired {
            self.store.remove(&Self::draft_key(id))?;
        }
        Ok(expired)
    }

    /// Marks a draft as the one to reopen next time, without rewriting it.
    pub fn set_last_open(&mut self, id: &str) -> Result<(), StoreError> {
        let mut index = self.index.clone();
        index.last_open = Some(id.to_owned());
        self.write_index(index)
    }

    fn write_index(&mut self, index: Index) -> Result<(), StoreError> {
        let text = serde_json::to_string(&index).unwrap_or_default();
        self.store.set(INDEX_KEY, &text)?;
        self.index = index;
        Ok(())
    }
}

/// A report to start from when there is nothing to reopen.
pub fn blank_document() -> Document {
    Document::new(Report::blank())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titled(title: &str) -> Document {
        let mut report = Report::blank();
        report.title = title.into();
        Document::new(report)
    }

    #[test]
    fn a_saved_draft_reopens_and_is_listed() {
        let mut library = Library::open(MemoryStore::new());
        library.save("a", &titled("First"), 1.0).unwrap();
        let store = library.store().clone();
        let reopened = Library::open(store);
        assert_eq!(reopened.last_open(), Some("a"));
        assert_eq!(reopened.drafts()[0].title, "First");
        assert_eq!(reopened.open_draft("a"), Opened::Draft(titled("First")));
    }

    #[test]
    fn saving_again_updates_the_entry_instead_of_adding_one() {
        let mut library = Library::open(MemoryStore::new());
        library.save("a", &titled("First"), 1.0).unwrap();
        library.save("a", &titled("First, edited"), 2.0).unwrap();
        library.save("b", &titled("Second"), 3.0).unwrap();
        assert_eq!(library.drafts().len(), 2);
        assert_eq!(library.drafts()[0].title, "First, edited");
        assert_eq!(library.last_open(), Some("b"));
    }

    #[test]
    fn a_full_store_keeps_the_last_good_copy() {
        let mut library = Library::open(MemoryStore::with_quota(3000));
        library.save("a", &titled("Short"), 1.0).unwrap();
        let big = titled(&"x".repeat(5000));
        assert_eq!(library.save("a", &big, 2.0), Err(StoreError::QuotaExceeded));
        assert_eq!(library.open_draft("a"), Opened::Draft(titled("Short")));
        assert_eq!(library.drafts()[0].title, "Short");
    }

    #[test]
    fn an_unreadable_draft_is_reported_and_left_alone() {
        let mut store = MemoryStore::new();
        store.set(&Library::<MemoryStore>::draft_key("a"), "{not json").unwrap();
        let library = Library::open(store);
        assert!(matches!(library.open_draft("a"), Opened::Unreadable(ReadError::NotJson { .. })));
        assert_eq!(
            library.store().get(&Library::<MemoryStore>::draft_key("a")).unwrap().as_deref(),
            Some("{not json")
        );
    }

    #[test]
    fn search_finds_by_title_or_date_newest_first_and_skips_the_trash() {
        let mut library = Library::open(MemoryStore::new());
        library.save("a", &titled("Dialogue session 3"), 1.0).unwrap();
        library.save("b", &titled("Workshop on localisation"), 2.0).unwrap();
        library.save("c", &titled("Dialogue session 4"), 3.0).unwrap();
        let ids = |found: Vec<&DraftSummary>| found.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(library.search("")), ["c", "b", "a"]);
        assert_eq!(ids(library.search("DIALOGUE")), ["c", "a"]);
        library.delete("c", 4.0).unwrap();
        assert_eq!(ids(library.search("dialogue")), ["a"]);
        library.restore("c").unwrap();
        assert_eq!(ids(library.search("dialogue")), ["c", "a"]);
    }

    #[test]
    fn the_trash_is_emptied_after_thirty_days_only() {
        let mut library = Library::open(MemoryStore::new());
        library.save("a", &titled("Old"), 0.0).unwrap();
        library.delete("a", 0.0).unwrap();
        assert_eq!(library.empty_trash(29.0 * DAY_MS), Ok(vec![]));
        assert!(matches!(library.open_draft("a"), Opened::Draft(_)));
        assert_eq!(library.empty_trash(31.0 * DAY_MS), Ok(vec!["a".to_owned()]));
        assert_eq!(library.open_draft("a"), Opened::Missing);
        assert!(library.drafts().is_empty());
    }

    #[test]
    fn rename_changes_the_stored_title_and_keeps_the_open_draft() {
        let mut library = Library::open(MemoryStore::new());
        library.save("a", &titled("Draft"), 1.0).unwrap();
        library.save("b", &titled("Other"), 2.0).unwrap();
        library.rename("a", "Third dialogue session", 3.0).unwrap();
        assert_eq!(library.open_draft("a"), Opened::Draft(titled("Third dialogue session")));
        assert_eq!(library.last_open(), Some("b"));
    }

    #[test]
    fn a_damaged_index_does_not_stop_the_library() {
        let mut store = MemoryStore::new();
        store.set(INDEX_KEY, "garbage").unwrap();
        let mut library = Library::open(store);
        assert!(library.drafts().is_empty());
        library.save("a", &titled("T"), 1.0).unwrap();
        assert_eq!(library.drafts().len(), 1);
    }
}
