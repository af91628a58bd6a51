use super::*;
use crate::core::archive::{self, take_in_copies, Tally};
use crate::core::document::{write_document, Document};
use crate::core::drafts::{MemoryStore, Opened, DAY_MS, TRASH_DAYS};
use crate::core::intake::HeldReport;
use crate::core::test_support::{titled, with_photos};

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
    let refused = |target: &mut Library<MemoryStore>, text: &str| restore_backup(target, text.as_bytes(), 0.0, ids());
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
    with_photos(title, &[photo])
}

#[test]
fn planning_a_restore_writes_nothing_and_says_what_it_will_do() {
    let mut source = Library::open(MemoryStore::new());
    source.save("a", &titled("From the backup"), 1.0, 0).unwrap();
    source.save("b", &with_photo("Photo shared here", "p1"), 2.0, 0).unwrap();
    source.save("c", &titled("Same"), 3.0, 0).unwrap();
    source.delete("c", 4.0).unwrap();
    let backup = write_backup_with_photos(&source, 5.0, &[("p1".to_owned(), JPEG.to_owned())].into());
    let mut target = library_with(&[("a", "Edited here since"), ("c", "Same")]);
    target.save("other", &with_photo("Uses p1", "p1"), 6.0, 0).unwrap();
    let before = target.store().clone();

    let plan = plan_restore(&target, backup.as_bytes(), 10.0, ids()).unwrap();
    let added: Vec<(&str, Option<f64>)> = plan.add.iter().map(|d| (d.id.as_str(), d.deleted_ms)).collect();
    assert_eq!(added, [("a-restored", None), ("b", None)]);
    assert_eq!(plan.add[1].text, write_document(&with_photo("Photo shared here", "p1-b")));
    assert_eq!(plan.already_there, 1);
    assert_eq!(plan.photos, [photo("p1-b", "b")]);
    let keys = |store: &MemoryStore| store.keys().unwrap_or_default();
    assert_eq!(keys(target.store()), keys(&before));
    assert!(keys(&before).iter().all(|key| target.store().get(key) == before.get(key)));
}

#[test]
fn a_restore_stopped_by_full_storage_hands_back_only_the_photos_of_drafts_stored() {
    let mut source = Library::open(MemoryStore::new());
    source.save("a", &with_photo(&"a".repeat(400), "p1"), 0.0, 0).unwrap();
    source.save("b", &with_photo(&"b".repeat(400), "p2"), 1.0, 0).unwrap();
    let photos: PhotoData = [("p1".to_owned(), JPEG.to_owned()), ("p2".to_owned(), JPEG.to_owned())].into();
    let backup = write_backup_with_photos(&source, 2.0, &photos);
    let first = source.raw("a").map_or(0, |text| text.len());
    let mut target = Library::open(MemoryStore::with_quota(first + 600));
    let Err(RestoreError::Store { restored, .. }) = restore_backup(&mut target, backup.as_bytes(), 3.0, ids()) else {
        panic!("storage is full")
    };
    assert_eq!((restored.added, restored.photos), (1, vec![photo("p1", "a")]));
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
    assert!(matches!(target.open_draft("new-1"), Opened::Draft(d, _) if d == with_photo("Fourth session", "p9-new-1")));
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
        Restored { added, already_there, to_trash, ..Restored::default() }.message(lang)
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
    let big: PhotoData = [("p1".to_owned(), format!("data:image/jpeg;base64,{}", "A".repeat(MAX_BACKUP_BYTES)))].into();
    let backup = write_backup_with_photos(&source, 0.0, &big);
    let mut target = Library::open(MemoryStore::new());
    assert_eq!(restore_backup(&mut target, backup.as_bytes(), 0.0, ids()).map(|r| r.added), Ok(1));
    let huge = vec![b' '; MAX_BACKUP_BYTES + 1];
    assert_eq!(
        restore_backup(&mut target, &huge, 0.0, ids()),
        Err(RestoreError::Read(ReadError::TooLarge { bytes: MAX_BACKUP_BYTES + 1 }))
    );
}

#[test]
fn a_backup_of_schema_1_drafts_restores_them_migrated_on_read() {
    let v1 = r#"{"format":"taqrir-report","schema_version":1,"report":{"title":"Old","participants":{"total":"٢٠","female":"06"}}}"#;
    let backup = format!(
        r#"{{"format":"taqrir-backup","version":1,"created_ms":9,"drafts":[{{"id":"a","updated_ms":5,"document":{v1}}}]}}"#
    );
    let mut target = Library::open(MemoryStore::new());
    assert_eq!(restore_backup(&mut target, backup.as_bytes(), 10.0, ids()).map(|r| r.added), Ok(1));
    let Opened::Draft(document, _) = target.open_draft("a") else { panic!("the restored draft opens") };
    assert_eq!(document.report.participants.total.raw(), "20");
    assert_eq!(document.report.participants.female.raw(), "6");
    assert!(write_document(&document).contains(r#""total":20,"#));
}

#[test]
fn an_exported_page_restores_as_the_report_it_carries() {
    let document = with_photo("From a page", "p1");
    let mut carried = document.clone();
    carried.photos.insert("p1".into(), "data:image/png;base64,AAAA".into());
    let json = write_document(&carried);
    let page = crate::core::export::report_file_html(&carried.report, &carried.photos, &json, &Default::default());
    let mut target = Library::open(MemoryStore::new());
    let restored = restore_backup(&mut target, page.as_bytes(), 10.0, ids()).expect("restored");
    assert_eq!((restored.added, restored.photos.len()), (1, 1));
    assert_eq!(target.raw("new-1"), Some(write_document(&document)), "stored as the document, without photo data");
}

/// A received report as the archive holds it and a backup carries it.
fn received(title: &str, id: &str, edited_ms: u64, added_ms: f64) -> ReceivedCopy {
    let mut document = titled(title);
    document.report_id = id.into();
    document.edited_ms = Some(edited_ms);
    ReceivedCopy { added_ms, document: write_document(&document) }
}

/// What a restore does with the received reports it hands over, against the archive `held`.
fn take_in_received(restored: &Restored, held: &mut Vec<HeldReport>) -> (Tally, Vec<archive::Outcome>) {
    let mut n = held.len();
    let outcomes = take_in_copies(
        &restored.received,
        held,
        || {
            n += 1;
            format!("k{n}")
        },
        "2026-11-28",
    );
    let mut tally = Tally::default();
    outcomes.iter().for_each(|o| tally.count(&o.intake));
    (tally, outcomes)
}

#[test]
fn back_up_all_carries_the_received_reports_and_restore_hands_them_back_as_they_were() {
    let source = library_with(&[("a", "A draft")]);
    let copies = vec![received("Basra dialogue", "r1", 5, 100.0), received("Erbil workshop", "r2", 6, 200.0)];
    let extras = BackupExtras { received: copies.clone(), ..BackupExtras::default() };
    let backup = write_backup_with(&source, 9.0, &extras);
    assert!(backup.contains(r#""version":2"#));

    let mut target = Library::open(MemoryStore::new());
    let restored = restore_backup(&mut target, backup.as_bytes(), 10.0, ids()).unwrap();
    assert_eq!((restored.added, &restored.received), (1, &copies));
    let mut archive = Vec::new();
    let (tally, outcomes) = take_in_received(&restored, &mut archive);
    assert_eq!(tally, Tally { added: 2, ..Tally::default() });
    let listings: Vec<_> = outcomes.iter().filter_map(|o| o.arrival.as_ref()).map(|a| &a.listing).collect();
    assert_eq!(
        listings.iter().map(|l| (l.figures.title.as_str(), l.added_ms)).collect::<Vec<_>>(),
        [("Basra dialogue", 100.0), ("Erbil workshop", 200.0)]
    );
    assert_eq!(tally.message(Language::English), "2 received reports were added to the Summary.");
    // Restoring the same backup again adds nothing.
    let (again, _) = take_in_received(&restored, &mut archive);
    assert_eq!(again, Tally { already_here: 2, ..Tally::default() });
}

#[test]
fn restored_received_reports_are_classified_like_added_files_and_nothing_newer_is_lost() {
    let mut archive = Vec::new();
    let here = Restored {
        received: vec![
            received("Same", "r1", 5, 1.0),
            received("Newer here", "r2", 9, 1.0),
            received("Older here", "r3", 1, 1.0),
        ],
        ..Restored::default()
    };
    take_in_received(&here, &mut archive);
    let from_backup = Restored {
        received: vec![
            received("Same", "r1", 5, 2.0),
            received("Older in the backup", "r2", 6, 2.0),
            received("Newer in the backup", "r3", 4, 2.0),
            received("New", "r4", 1, 2.0),
            ReceivedCopy { added_ms: 2.0, document: "not a report".into() },
        ],
        ..Restored::default()
    };
    let (tally, _) = take_in_received(&from_backup, &mut archive);
    assert_eq!(tally, Tally { added: 1, already_here: 1, newer: 1, older: 1, refused: 1 });
    assert_eq!(
        tally.message(Language::English),
        "1 received report was added to the Summary. 1 received report was already here. \
         1 was a newer version of a received report here and took its place. \
         1 was an older version of a received report here; the one here is kept. \
         1 received report in the file could not be read and was not added."
    );
    let kept: Vec<&str> = archive.iter().map(|h| h.report_id.as_str()).collect();
    assert_eq!(kept, ["r1", "r2", "r3", "r4"], "one version of each, the newer");
    assert_eq!(archive.iter().find(|h| h.report_id == "r2").and_then(|h| h.edited_ms), Some(9));
    for lang in Language::ALL {
        assert!(!tally.message(lang).contains('{') && !tally.stopped(lang, "full").contains('{'));
    }
}

#[test]
fn a_backup_from_before_the_archive_restores_its_drafts_with_no_received_reports() {
    let backup = r#"{"format":"taqrir-backup","version":1,"created_ms":9,"drafts":[{"id":"a","updated_ms":5,"document":{"format":"taqrir-report","schema_version":2,"report":{"title":"Old"}}}]}"#;
    let mut target = Library::open(MemoryStore::new());
    let restored = restore_backup(&mut target, backup.as_bytes(), 10.0, ids()).unwrap();
    assert_eq!((restored.added, restored.received.len()), (1, 0));
}

#[test]
fn a_damaged_received_report_in_a_backup_is_counted_as_not_read_and_the_rest_restores() {
    let good = received("Kept", "r1", 5, 1.0).document;
    let backup = format!(
        r#"{{"format":"taqrir-backup","version":2,"drafts":[{{"id":"a","document":{good}}}],
            "received":[{{"added_ms":1}},{{"document":{{"format":"other"}}}},{{"document":"text"}},{{"document":{good}}}]}}"#
    );
    let mut target = Library::open(MemoryStore::new());
    let restored = restore_backup(&mut target, backup.as_bytes(), 10.0, ids()).unwrap();
    assert_eq!(restored.added, 1);
    let (tally, _) = take_in_received(&restored, &mut Vec::new());
    assert_eq!(tally, Tally { added: 1, refused: 3, ..Tally::default() });
}
