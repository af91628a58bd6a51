use super::*;
use crate::core::report::SCHEMA_VERSION;
use crate::core::test_support::{titled, Shared};

fn key(id: &str) -> String {
    Library::<MemoryStore>::draft_key(id)
}

#[test]
fn a_saved_draft_reopens_and_is_listed() {
    let mut library = Library::open(MemoryStore::new());
    assert_eq!(library.save("a", &titled("First"), 1.0, 0), Ok(1));
    let mut reopened = Library::open(library.store().clone());
    assert_eq!(reopened.last_open(), Some("a"));
    assert_eq!(reopened.drafts()[0].title, "First");
    assert_eq!(reopened.open_draft("a"), Opened::Draft(titled("First"), 1));
}

#[test]
fn saving_again_updates_the_entry_instead_of_adding_one() {
    let mut library = Library::open(MemoryStore::new());
    let rev = library.save("a", &titled("First"), 1.0, 0).unwrap();
    assert_eq!(library.save("a", &titled("First, edited"), 2.0, rev), Ok(2));
    library.save("b", &titled("Second"), 3.0, 0).unwrap();
    assert_eq!(library.drafts().len(), 2);
    assert_eq!(library.drafts()[0].title, "First, edited");
    assert_eq!(library.last_open(), Some("b"));
}

#[test]
fn a_full_store_keeps_the_last_good_copy() {
    let mut library = Library::open(MemoryStore::with_quota(3000));
    library.save("a", &titled("Short"), 1.0, 0).unwrap();
    let big = titled(&"x".repeat(5000));
    assert_eq!(library.save("a", &big, 2.0, 1), Err(SaveError::Store(StoreError::QuotaExceeded)));
    assert_eq!(library.open_draft("a"), Opened::Draft(titled("Short"), 1));
    assert_eq!(library.drafts()[0].title, "Short");
    // Once there is room again, the same revision saves.
    library.store_mut().quota = None;
    assert_eq!(library.save("a", &big, 3.0, 1), Ok(2));
}

#[test]
fn an_unreadable_draft_is_marked_in_the_list_and_left_alone() {
    let mut library = Library::open(MemoryStore::new());
    library.save("a", &titled("Half a report"), 1.0, 0).unwrap();
    library.store_mut().set(&key("a"), "{not json").unwrap();
    assert!(matches!(library.open_draft("a"), Opened::Unreadable(ReadError::NotJson { .. })));
    assert!(library.summary("a").is_some_and(|d| d.unreadable));
    assert_eq!(library.summary("a").map(|d| d.title.as_str()), Some("Half a report"));
    assert_eq!(library.raw("a").as_deref(), Some("{not json"));
    assert_eq!(library.duplicate("a"), None);
}

#[test]
fn a_newer_draft_opens_to_be_shown_only() {
    let mut store = MemoryStore::new();
    let newer = SCHEMA_VERSION + 1;
    let text =
        format!(r#"{{"format":"taqrir-report","schema_version":{newer},"report":{{"title":"Later","shiny":true}}}}"#);
    store.set(&key("n"), &text).unwrap();
    let mut library = Library::open(store);
    assert!(matches!(library.open_draft("n"), Opened::Newer { version, .. } if version == newer));
    assert!(library.summary("n").is_some_and(|d| !d.unreadable && d.title == "Later"));
    assert_eq!(library.raw("n"), Some(text));
}

#[test]
fn drafts_missing_from_the_index_are_listed_again() {
    let mut store = MemoryStore::new();
    store.set(&key("a"), &write_document(&titled("Found again"))).unwrap();
    store.set(&key("b"), "garbage").unwrap();
    store.set(INDEX_KEY, "garbage").unwrap();
    let library = Library::open(store);
    let mut listed: Vec<_> = library.drafts().iter().map(|d| (d.id.as_str(), d.title.as_str(), d.unreadable)).collect();
    listed.sort();
    assert_eq!(listed, [("a", "Found again", false), ("b", "", true)]);
}

#[test]
fn two_tabs_saving_different_drafts_both_stay_listed() {
    let shared = Shared::default();
    let mut one = Library::open(shared.clone());
    let mut two = Library::open(shared.clone());
    one.save("a", &titled("From tab one"), 1.0, 0).unwrap();
    two.save("b", &titled("From tab two"), 2.0, 0).unwrap();
    one.save("a", &titled("From tab one, again"), 3.0, 1).unwrap();
    let listed = Library::open(shared);
    assert_eq!(listed.search("").iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
}

#[test]
fn two_tabs_editing_one_draft_never_overwrite_each_other() {
    let shared = Shared::default();
    let mut one = Library::open(shared.clone());
    let rev = one.save("a", &titled("Start"), 1.0, 0).unwrap();
    let mut two = Library::open(shared.clone());
    let Opened::Draft(_, seen_by_two) = two.open_draft("a") else { panic!("readable") };
    assert_eq!(two.save("a", &titled("Tab two's edit"), 2.0, seen_by_two), Ok(rev + 1));
    // Tab one still holds revision 1: its save is refused and tab two's text stays.
    assert_eq!(one.save("a", &titled("Tab one's edit"), 3.0, rev), Err(SaveError::Conflict));
    assert_eq!(one.open_draft("a"), Opened::Draft(titled("Tab two's edit"), rev + 1));
}

#[test]
fn search_finds_by_title_or_date_newest_first_and_skips_the_trash() {
    let mut library = Library::open(MemoryStore::new());
    library.save("a", &titled("Dialogue session 3"), 1.0, 0).unwrap();
    library.save("b", &titled("Workshop on localisation"), 2.0, 0).unwrap();
    library.save("c", &titled("Dialogue session 4"), 3.0, 0).unwrap();
    let ids = |found: Vec<&DraftSummary>| found.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(library.search("")), ["c", "b", "a"]);
    assert_eq!(ids(library.search("DIALOGUE")), ["c", "a"]);
    library.delete("c", 4.0).unwrap();
    assert_eq!(ids(library.search("dialogue")), ["a"]);
    library.delete("b", 5.0).unwrap();
    assert_eq!(ids(library.trash()), ["b", "c"]);
    assert_eq!(library.trash()[1].erased_at(), Some(4.0 + 30.0 * DAY_MS));
    library.restore("b").unwrap();
    library.restore("c").unwrap();
    assert_eq!(ids(library.search("dialogue")), ["c", "a"]);
}

#[test]
fn the_trash_is_emptied_after_thirty_days_only() {
    let mut library = Library::open(MemoryStore::new());
    library.save("a", &titled("Old"), 0.0, 0).unwrap();
    library.delete("a", 0.0).unwrap();
    assert_eq!(library.empty_trash(29.0 * DAY_MS), Ok(vec![]));
    assert!(matches!(library.open_draft("a"), Opened::Draft(..)));
    assert_eq!(library.empty_trash(31.0 * DAY_MS), Ok(vec!["a".to_owned()]));
    assert_eq!(library.open_draft("a"), Opened::Missing);
    assert!(library.drafts().is_empty());
}

#[test]
fn rename_changes_the_stored_title_and_keeps_the_open_draft() {
    let mut library = Library::open(MemoryStore::new());
    library.save("a", &titled("Draft"), 1.0, 0).unwrap();
    library.save("b", &titled("Other"), 2.0, 0).unwrap();
    library.rename("a", "Third dialogue session", 3.0).unwrap();
    let renamed = Document { edited_ms: Some(3), ..titled("Third dialogue session") };
    assert_eq!(library.open_draft("a"), Opened::Draft(renamed, 2), "renaming is an edit");
    assert_eq!(library.last_open(), Some("b"));
}

#[test]
fn a_damaged_index_is_set_aside_and_the_drafts_listed_from_their_keys() {
    let mut store = MemoryStore::new();
    store.set(&key("a"), &write_document(&titled("Kept"))).unwrap();
    store.set(INDEX_KEY, "garbage").unwrap();
    let mut library = Library::open(store);
    assert_eq!(library.drafts().iter().map(|d| d.title.as_str()).collect::<Vec<_>>(), ["Kept"]);
    assert_eq!(library.store().get(DAMAGED_INDEX_KEY).unwrap().as_deref(), Some("garbage"));
    library.save("b", &titled("New"), 1.0, 0).unwrap();
    assert_eq!(library.drafts().len(), 2);
    // Damaged again while the app runs (another program wrote over it): the next change
    // still lists every draft.
    library.store_mut().set(INDEX_KEY, "{oops").unwrap();
    library.save("c", &titled("Third"), 2.0, 0).unwrap();
    assert_eq!(Library::open(library.store().clone()).drafts().len(), 3);
}

/// Storage that cannot be read for a while (it can still be written).
#[derive(Default)]
struct Unreadable {
    inner: MemoryStore,
    failing: bool,
}

impl KeyValueStore for Unreadable {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if self.failing {
            Err(StoreError::Refused { name: "UnknownError".into() })
        } else {
            self.inner.get(key)
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.inner.set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}

#[test]
fn an_index_that_cannot_be_read_is_never_written_over() {
    let mut library = Library::open(Unreadable::default());
    library.save("a", &titled("First"), 1.0, 0).unwrap();
    library.save("b", &titled("Second"), 2.0, 0).unwrap();
    library.store_mut().failing = true;
    assert!(matches!(library.save("c", &titled("Third"), 3.0, 0), Err(SaveError::Store(StoreError::Refused { .. }))));
    assert!(library.delete("a", 4.0).is_err());
    library.store_mut().failing = false;
    let reopened = Library::open(library.store().inner.clone());
    assert_eq!(reopened.search("").iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["b", "a"]);
}

#[test]
fn refusals_of_the_library_itself_have_kinds_of_their_own() {
    let mut library = Library::open(MemoryStore::new());
    library.save("a", &titled("First"), 1.0, 0).unwrap();
    assert_eq!(library.add_raw("a", &write_document(&titled("Other")), 2.0, None), Err(StoreError::DraftExists));
    library.store_mut().set(&key("b"), "{not a report").unwrap();
    let mut library = Library::open(library.store().clone());
    assert_eq!(library.rename("b", "New title", 3.0), Err(SaveError::Store(StoreError::DraftUnreadable)));
    assert_eq!(library.raw("b").as_deref(), Some("{not a report"));
}

#[test]
fn storage_use_is_told_in_megabytes_and_percent_and_warns_from_80_percent() {
    let at = |used| StorageUse { used };
    assert_eq!((at(0).used_mb(), at(0).percent()), ("0.0".to_owned(), 0));
    assert_eq!((at(4_300_000).used_mb(), at(4_300_000).percent()), ("4.1".to_owned(), 82));
    assert_eq!(StorageUse::quota_mb(), "5");
    assert!(!at(LOCAL_STORAGE_QUOTA * 4 / 5 - 1).nearly_full());
    assert!(at(LOCAL_STORAGE_QUOTA * 4 / 5).nearly_full());
    assert_eq!(megabytes(1_572_864), "1.5");
    assert_eq!(megabytes(2_000), "0.1");
}

#[test]
fn sizes_missing_from_an_older_index_are_measured_once() {
    let mut store = MemoryStore::new();
    let text = write_document(&titled("Old"));
    store.set(&key("a"), &text).unwrap();
    store.set(INDEX_KEY, r#"{"drafts":[{"id":"a","title":"Old"}]}"#).unwrap();
    let library = Library::open(store);
    assert_eq!(library.summary("a").map(|d| d.size), Some(utf16_len(&text) as u64));
    assert!(library.store().get(INDEX_KEY).unwrap().unwrap().contains(r#""size":"#));
}

#[test]
fn usage_counts_drafts_by_their_recorded_size_and_other_keys_by_reading_them() {
    let mut library = Library::open(MemoryStore::new());
    library.store_mut().set("other", "12345").unwrap();
    library.measure_other_keys();
    library.save("a", &titled("Some report"), 1.0, 0).unwrap();
    library.save("b", &titled("Another report"), 2.0, 0).unwrap();
    let expected: usize = library.store().entries.iter().map(|(k, v)| utf16_len(k) + utf16_len(v)).sum();
    assert_eq!(library.used(), expected as u64);
}

#[test]
fn held_reports_are_the_readable_drafts_out_of_the_trash_each_named_as_when_it_opens() {
    use crate::core::intake::{classify_report, Intake};
    let mut library = Library::open(MemoryStore::new());
    let named = Document { report_id: "r-a".into(), edited_ms: Some(4), ..titled("Named") };
    library.save("a", &named, 1.0, 0).unwrap();
    library
        .add_raw("old", r#"{"format":"taqrir-report","schema_version":1,"report":{"title":"Old"}}"#, 2.0, None)
        .unwrap();
    library.save("gone", &titled("Deleted"), 3.0, 0).unwrap();
    library.delete("gone", 5.0).unwrap();
    library.add_raw("bad", "{damaged", 4.0, None).unwrap();
    let held = library.held_reports();
    let keys: Vec<(&str, &str, Option<u64>)> =
        held.iter().map(|h| (h.key.as_str(), h.report_id.as_str(), h.edited_ms)).collect();
    assert_eq!(keys, [("a", "r-a", Some(4)), ("old", "old", Some(2))]);
    assert_eq!(classify_report(&titled("Old"), &held), Intake::AlreadyHere { key: "old".into() });
    assert_eq!(classify_report(&titled("Deleted"), &held), Intake::Added, "the trash is not held");
}
