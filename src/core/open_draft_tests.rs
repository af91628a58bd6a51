use super::*;
use crate::core::drafts::{MemoryStore, StoreError};
use crate::core::report::{Attachment, Digits, Language, PhotoRef};
use crate::core::test_support::Shared;
use std::cell::RefCell;
use std::rc::Rc;

/// A clock that moves one millisecond per reading, and numbered ids; each tab its own prefix.
struct Counter {
    prefix: &'static str,
    next: std::cell::Cell<u32>,
}

impl Environment for Counter {
    fn now_ms(&self) -> f64 {
        self.next.set(self.next.get() + 1);
        f64::from(self.next.get())
    }
    fn new_draft_id(&mut self) -> String {
        format!("{}d{}", self.prefix, self.now_ms())
    }
    fn new_photo_id(&mut self) -> String {
        format!("{}p{}", self.prefix, self.now_ms())
    }
}

type Tab = OpenDraft<Shared, Counter>;

/// Someone whose interface is in Arabic.
struct InArabic(Counter);

impl Environment for InArabic {
    fn now_ms(&self) -> f64 {
        self.0.now_ms()
    }
    fn new_draft_id(&mut self) -> String {
        self.0.new_draft_id()
    }
    fn new_photo_id(&mut self) -> String {
        self.0.new_photo_id()
    }
    fn new_report(&self) -> Report {
        Report::blank_in(Language::Arabic)
    }
}

#[test]
fn every_blank_report_is_started_in_the_persons_language() {
    let store = Shared::default();
    let env = InArabic(Counter { prefix: "a", next: 0.into() });
    let (mut draft, first) = OpenDraft::open(Library::open(store.clone()), env);
    let arabic = |report: &Report| (report.language, report.digits) == (Language::Arabic, Digits::ArabicIndic);
    assert!(arabic(&first.report), "the first visit's blank report");
    let mut report = first.report;
    report.title = "تقرير".into();
    assert!(draft.edited());
    draft.save(&report);
    let id = draft.id().to_owned();
    let after_delete = draft.delete(&report, &id).ok().flatten().expect("a blank report takes its place");
    assert!(arabic(&after_delete), "the blank report after deleting the last one");
    assert!(arabic(&draft.new_report(&after_delete).report), "New report");
}

fn tab(store: &Shared, prefix: &'static str) -> (Tab, Report) {
    let (draft, reopened) = OpenDraft::open(Library::open(store.clone()), Counter { prefix, next: 0.into() });
    (draft, reopened.report)
}

fn titled(title: &str) -> Report {
    let mut report = Report::blank();
    report.title = title.into();
    report
}

/// Types `title` into the open draft and lets the save delay pass.
fn type_and_save(draft: &mut Tab, report: &mut Report, title: &str) {
    report.title = title.into();
    assert!(draft.edited(), "an edit schedules a save");
    draft.save(report);
}

fn stored_title(store: &Shared, id: &str) -> Option<String> {
    let text = Library::open(store.clone()).raw(id)?;
    crate::core::document::read_document(&text).ok().map(|d| d.report.title)
}

/// A new storage with one tab that has typed and saved `title`.
fn saved(title: &str) -> (Shared, Tab, Report) {
    let store = Shared::default();
    let (mut draft, mut report) = tab(&store, "a");
    type_and_save(&mut draft, &mut report, title);
    (store, draft, report)
}

/// A tab with two stored drafts, "Other" then "Open", the second open: `(tab, report, other id)`.
fn two_drafts(store: &Shared) -> (Tab, Report, String) {
    let (mut draft, mut report) = tab(store, "a");
    type_and_save(&mut draft, &mut report, "Other");
    let other = draft.id().to_owned();
    report = draft.new_report(&report).report;
    type_and_save(&mut draft, &mut report, "Open");
    (draft, report, other)
}

#[test]
fn a_first_visit_stores_nothing_until_the_person_types() {
    let store = Shared::default();
    let (mut draft, mut report) = tab(&store, "a");
    assert_eq!(report, Report::default());
    assert!(store.keys().unwrap_or_default().is_empty());
    type_and_save(&mut draft, &mut report, "Dialogue session 2");
    assert_eq!(draft.status(), &SaveStatus::Saved);
    assert_eq!(stored_title(&store, draft.id()).as_deref(), Some("Dialogue session 2"));
    // The next visit reopens it.
    let (again, report) = tab(&store, "b");
    assert_eq!((again.id(), report.title.as_str()), (draft.id(), "Dialogue session 2"));
}

#[test]
fn an_edit_waits_as_saving_and_a_flush_writes_it() {
    let store = Shared::default();
    let (mut draft, mut report) = tab(&store, "a");
    report.title = "Typed, not yet saved".into();
    assert!(draft.edited());
    assert_eq!(draft.status(), &SaveStatus::Saving);
    assert_eq!(stored_title(&store, draft.id()), None);
    assert_eq!(draft.flush(&report), None);
    assert_eq!(stored_title(&store, draft.id()).as_deref(), Some("Typed, not yet saved"));
    assert_eq!(draft.status(), &SaveStatus::Saved);
}

#[test]
fn a_flush_with_nothing_pending_writes_nothing() {
    let (store, mut draft, mut report) = saved("Saved");
    let before = store.0.borrow().clone().keys();
    let text = Library::open(store.clone()).raw(draft.id());
    report.title = "Changed without an edit being reported".into();
    draft.flush(&report);
    assert_eq!(Library::open(store.clone()).raw(draft.id()), text);
    assert_eq!(store.0.borrow().keys(), before);
}

#[test]
fn showing_a_stored_draft_is_not_an_edit_but_the_next_change_is() {
    let (_, mut draft, mut report) = saved("First");
    let first = draft.id().to_owned();
    report = draft.new_report(&report).report;
    type_and_save(&mut draft, &mut report, "Second");
    report = draft.open_stored(&report, &first).expect("the first draft opens");
    assert_eq!(report.title, "First");
    assert!(!draft.edited(), "the store being replaced is not an edit");
    assert_eq!(draft.status(), &SaveStatus::Saved);
    assert!(draft.edited(), "the next change is");
}

#[test]
fn a_failed_save_stays_failed_through_edits_and_is_written_by_a_flush_once_there_is_room() {
    let store = Shared(Rc::new(RefCell::new(MemoryStore::with_quota(3000))));
    let (mut draft, mut report) = tab(&store, "a");
    type_and_save(&mut draft, &mut report, "Short");
    type_and_save(&mut draft, &mut report, &"x".repeat(5000));
    assert_eq!(draft.status(), &SaveStatus::Failed(StoreError::QuotaExceeded));
    assert!(draft.edited());
    assert_eq!(draft.status(), &SaveStatus::Failed(StoreError::QuotaExceeded), "an edit does not hide the failure");
    assert_eq!(stored_title(&store, draft.id()).as_deref(), Some("Short"), "the last good copy stays");
    report.title = "Fits".into();
    draft.flush(&report);
    assert_eq!(draft.status(), &SaveStatus::Saved);
    assert_eq!(stored_title(&store, draft.id()).as_deref(), Some("Fits"));
}

#[test]
fn a_newer_versions_draft_is_shown_and_never_written() {
    let store = Shared::default();
    let newer = crate::core::report::SCHEMA_VERSION + 1;
    let text =
        format!(r#"{{"format":"taqrir-report","schema_version":{newer},"report":{{"title":"Later","shiny":true}}}}"#);
    let mut library = Library::open(store.clone());
    library.store_mut().set(&Library::<Shared>::draft_key("n"), &text).unwrap();
    library.set_last_open("n").unwrap();
    let (mut draft, mut report) = tab(&store, "a");
    assert_eq!((draft.read_only(), report.title.as_str()), (Some(newer), "Later"));
    report.title = "Overwritten?".into();
    assert!(!draft.edited());
    draft.save(&report);
    assert_eq!(draft.flush(&report), None);
    assert_eq!(draft.stored_text().as_deref(), Some(text.as_str()), "stored text byte for byte");
    assert!(draft.rename("n", "Renamed").is_err(), "a newer draft cannot be renamed");
    assert_eq!(draft.stored_text().as_deref(), Some(text.as_str()));
}

#[test]
fn another_tabs_save_is_followed_when_this_tab_has_nothing_unsaved() {
    let (store, mut one, _) = saved("Mine");
    let (mut two, mut theirs) = tab(&store, "b");
    type_and_save(&mut two, &mut theirs, "Theirs");
    assert_eq!(one.storage_changed_elsewhere().map(|r| r.title), Some("Theirs".into()));
    assert!(!one.edited(), "following the other tab is not an edit");
    // And this tab can go on editing from the new revision.
    type_and_save(&mut one, &mut theirs, "Mine again");
    assert_eq!(one.status(), &SaveStatus::Saved);
}

#[test]
fn unsaved_changes_when_another_tab_saves_are_a_conflict_and_leaving_keeps_both() {
    let (store, mut one, mut mine) = saved("Base");
    let (mut two, mut theirs) = tab(&store, "b");
    mine.title = "Mine, unsaved".into();
    assert!(one.edited());
    type_and_save(&mut two, &mut theirs, "Theirs");
    assert_eq!(one.storage_changed_elsewhere(), None);
    assert_eq!(one.status(), &SaveStatus::Conflict);
    one.save(&mine);
    assert!(!one.edited(), "nothing is written in conflict");
    assert_eq!(stored_title(&store, one.id()).as_deref(), Some("Theirs"));
    let copy = one.flush(&mine).expect("leaving a conflict keeps mine as a copy");
    assert_eq!(copy.report.title, "Mine, unsaved");
    assert_ne!(one.id(), two.id());
    assert_eq!(stored_title(&store, one.id()).as_deref(), Some("Mine, unsaved"));
    assert_eq!(stored_title(&store, two.id()).as_deref(), Some("Theirs"));
}

#[test]
fn saving_an_unchanged_report_again_writes_nothing_so_another_tabs_edit_is_no_conflict() {
    // Ctrl+S wrote the edit; the editor then reports a change that is none (the same title set
    // again) and the save delay passes.
    let (store, mut one, mine) = saved("Mine");
    let (mut two, mut theirs) = tab(&store, "b");
    assert!(one.edited());
    one.save(&mine);
    assert_eq!(one.status(), &SaveStatus::Saved);
    // The other tab, which has read the draft as Ctrl+S left it, saves its own edit.
    type_and_save(&mut two, &mut theirs, "Theirs, carried on");
    assert_eq!(two.status(), &SaveStatus::Saved, "no second write came between");
    assert_eq!(stored_title(&store, two.id()).as_deref(), Some("Theirs, carried on"));
}

#[test]
fn a_draft_made_equal_to_the_report_last_written_to_another_draft_is_still_saved() {
    let store = Shared::default();
    let (mut draft, mut report) = tab(&store, "a");
    type_and_save(&mut draft, &mut report, "First");
    type_and_save(&mut draft, &mut report, "First, again");
    type_and_save(&mut draft, &mut report, "First, a third time");
    let (first, first_rev) = (draft.id().to_owned(), draft.rev);
    report = draft.new_report(&report).report;
    type_and_save(&mut draft, &mut report, "Second");
    while draft.rev + 1 < first_rev {
        type_and_save(&mut draft, &mut report, "Second, again");
    }
    type_and_save(&mut draft, &mut report, "Same words");
    assert_eq!(draft.rev, first_rev, "the second draft's last write has the first's revision number");
    let second = report.clone();
    // Back to the first draft, made word for word like the report the tab last wrote.
    let opened = draft.open_stored(&report, &first).expect("the first draft opens");
    assert_eq!(opened.title, "First, a third time");
    assert!(!draft.edited(), "opening is not an edit");
    assert!(draft.edited());
    draft.save(&second);
    assert_eq!(stored_title(&store, &first).as_deref(), Some("Same words"));
}

#[test]
fn a_save_after_another_tabs_save_is_refused_as_a_conflict() {
    let (store, mut one, mut mine) = saved("Base");
    let (mut two, mut theirs) = tab(&store, "b");
    type_and_save(&mut two, &mut theirs, "Theirs");
    // This tab has not heard of it yet (the storage event is late).
    type_and_save(&mut one, &mut mine, "Mine");
    assert_eq!(one.status(), &SaveStatus::Conflict);
    assert_eq!(stored_title(&store, one.id()).as_deref(), Some("Theirs"));
    assert_eq!(one.load_saved_version().map(|r| r.title), Ok("Theirs".into()));
    assert_eq!(one.status(), &SaveStatus::Saved);
}

#[test]
fn deleting_the_open_draft_moves_the_editor_to_the_last_edited_other_draft() {
    let store = Shared::default();
    let (mut draft, mut report, older) = two_drafts(&store);
    let open = draft.id().to_owned();
    report.title = "Open, last words".into();
    assert!(draft.edited());
    report = draft.delete(&report, &open).expect("deleted").expect("the editor moves");
    assert_eq!((draft.id(), report.title.as_str()), (older.as_str(), "Other"));
    assert!(!draft.edited(), "moving is not an edit");
    type_and_save(&mut draft, &mut report, "Other, edited");
    let library = Library::open(store.clone());
    let trashed = library.summary(&open).expect("still listed");
    assert!(trashed.deleted_ms.is_some(), "an edit afterwards never takes it out of the trash");
    assert_eq!(stored_title(&store, &open).as_deref(), Some("Open, last words"), "its last edit was kept");
}

#[test]
fn deleting_the_only_draft_leaves_a_blank_one_and_the_trash_untouched() {
    let (store, mut draft, mut report) = saved("Only");
    let only = draft.id().to_owned();
    report = draft.delete(&report, &only).expect("deleted").expect("the editor moves");
    assert_eq!(report, Report::default());
    assert_ne!(draft.id(), only);
    assert!(!draft.edited());
    type_and_save(&mut draft, &mut report, "Typed after deleting");
    let library = Library::open(store.clone());
    assert!(library.summary(&only).is_some_and(|d| d.deleted_ms.is_some()));
    assert_eq!(library.search("").len(), 1);
    assert_eq!(stored_title(&store, &only).as_deref(), Some("Only"));
    // Put back is the way back.
    draft.put_back(&only).unwrap();
    assert!(Library::open(store.clone()).summary(&only).is_some_and(|d| d.deleted_ms.is_none()));
}

#[test]
fn deleting_another_draft_leaves_the_editor_alone() {
    let store = Shared::default();
    let (mut draft, report, other) = two_drafts(&store);
    assert_eq!(draft.delete(&report, &other), Ok(None));
    assert_eq!(stored_title(&store, draft.id()).as_deref(), Some("Open"));
}

#[test]
fn renaming_the_open_draft_goes_through_the_editor_and_another_through_storage() {
    let store = Shared::default();
    let (mut draft, _, other) = two_drafts(&store);
    let open = draft.id().to_owned();
    assert_eq!(draft.rename(&open, "Open, renamed"), Ok(Some("Open, renamed".into())));
    assert_eq!(draft.rename(&other, "Other, renamed"), Ok(None));
    assert_eq!(stored_title(&store, &other).as_deref(), Some("Other, renamed"));
    // Renaming another draft does not make it the one to reopen.
    assert_eq!(Library::open(store.clone()).last_open(), Some(open.as_str()));
}

#[test]
fn an_opened_document_gets_a_new_draft_and_photo_ids_of_its_own() {
    let (store, mut draft, report) = saved("First");
    let first = draft.id().to_owned();
    let mut imported = titled("Imported");
    let photo = |id: &str| PhotoRef { id: id.into(), ..PhotoRef::default() };
    imported.attachments =
        vec![Attachment { photos: vec![photo("p1"), photo("p2"), photo("p1")], ..Attachment::default() }];
    let mut document = Document::new(imported);
    document.photos.insert("p1".into(), "data:image/png;base64,AAAA".into());
    let started = draft.open_document(&report, document);
    assert_ne!(draft.id(), first);
    let ids: Vec<&str> = started.report.photos().map(|p| p.id.as_str()).collect();
    assert!(ids.iter().all(|id| *id != "p1" && *id != "p2"), "{ids:?}");
    assert_eq!(ids[0], ids[2], "one photo used twice keeps one id");
    let olds: Vec<&str> = started.photo_copies.iter().map(|(old, _)| old.as_str()).collect();
    assert_eq!(olds, ["p1", "p2"]);
    assert!(started.embedded.contains_key("p1"));
    assert_eq!(stored_title(&store, draft.id()).as_deref(), Some("Imported"), "written at once");
}

#[test]
fn a_stored_draft_of_schema_1_opens_migrated_named_by_its_draft_id_and_is_saved_as_schema_2() {
    let store = Shared::default();
    let v1 = r#"{"format":"taqrir-report","schema_version":1,"report":{"title":"Old","participants":{"total":"٢٠","male":"09","female":"1O"}}}"#;
    let mut library = Library::open(store.clone());
    library.add_raw("old", v1, 1234.0, None).unwrap();
    let (mut draft, report) = tab(&store, "a");
    let mut report = draft.open_stored(&report, "old").expect("opens");
    let p = &report.participants;
    assert_eq!((p.total.raw(), p.male.raw(), p.female.raw()), ("20", "9", "1O"));
    let document = draft.document(report.clone());
    assert_eq!((document.report_id.as_str(), document.edited_ms), ("old", Some(1234)), "the same each time it opens");
    assert!(!draft.edited(), "showing it is not an edit");
    type_and_save(&mut draft, &mut report, "Old, edited");
    let stored = Library::open(store.clone()).raw("old").unwrap_or_default();
    assert!(stored.starts_with(r#"{"format":"taqrir-report","schema_version":2,"report_id":"old","#), "{stored}");
    assert!(stored.contains(r#""total":20,"new_participants":null,"male":9,"female":"1O""#), "{stored}");
}

#[test]
fn a_report_keeps_its_id_through_edits_and_each_edit_records_its_time() {
    let (store, mut draft, mut report) = saved("First");
    let started = draft.document(report.clone());
    assert_eq!(started.report_id, draft.id(), "made when the report is started");
    type_and_save(&mut draft, &mut report, "First, edited");
    let edited = draft.document(report.clone());
    assert_eq!(edited.report_id, started.report_id);
    assert!(edited.edited_ms > started.edited_ms, "{edited:?}");
    // Reopened in another tab, it is the same report.
    let (other, report) = tab(&store, "b");
    assert_eq!(other.document(report.clone()).report_id, started.report_id);
    assert_eq!(other.document(report).edited_ms, edited.edited_ms);
}

#[test]
fn an_imported_report_keeps_its_id_and_time_while_a_duplicate_a_template_and_a_copy_get_new_ones() {
    let (_, mut draft, report) = saved("First");
    let imported = Document { report_id: "from-afar".into(), edited_ms: Some(7), ..Document::new(titled("Imported")) };
    let report = draft.open_document(&report, imported).report;
    let document = draft.document(report.clone());
    assert_eq!((document.report_id.as_str(), document.edited_ms), ("from-afar", Some(7)));

    let duplicate = draft.library().duplicate(draft.id()).expect("duplicates");
    let report = draft.open_document(&report, duplicate).report;
    let copy = draft.document(report.clone());
    assert_eq!(copy.report_id, draft.id());
    assert_ne!(copy.report_id, "from-afar");

    let report = draft.open_document(&report, Document::new(titled("From a template"))).report;
    assert_eq!(draft.document(report.clone()).report_id, draft.id());

    let report = draft.keep_mine_as_copy(&report).report;
    let kept = draft.document(report);
    assert_eq!(kept.report_id, draft.id(), "a copy kept beside another version is a report of its own");
    assert!(kept.edited_ms.is_some());
}

#[test]
fn a_document_added_beside_the_open_draft_is_stored_as_a_new_draft_and_the_open_one_stays() {
    let (store, mut draft, report) = saved("Open");
    let open = draft.id().to_owned();
    let photo = PhotoRef { id: "p1".into(), caption: "Hall".into() };
    let mut received = titled("Received");
    received.attachments = vec![Attachment { photos: vec![photo], ..Attachment::default() }];
    let document = Document { report_id: "from-afar".into(), edited_ms: Some(7), ..Document::new(received) };
    let (id, added) = draft.add_document(document).expect("added");
    assert_eq!(draft.id(), open, "the open draft stays open");
    assert_ne!(id, open);
    assert_eq!(added.photo_copies.len(), 1);
    assert_ne!(added.photo_copies[0].1, "p1", "photos get ids of their own");
    let mut library = Library::open(store.clone());
    assert_eq!(library.last_open(), Some(open.as_str()), "nor does it become the one to reopen");
    let Opened::Draft(stored, _) = library.open_draft(&id) else { panic!("stored") };
    assert_eq!((stored.report_id.as_str(), stored.edited_ms), ("from-afar", Some(7)));
    assert_eq!(stored.report.title, "Received");
    assert_eq!(stored.report.attachments[0].photos[0].id, added.photo_copies[0].1);
    assert_eq!(draft.flush(&report), None);
}
