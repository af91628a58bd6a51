//! The local-storage adapter against the browser's own local storage, in Chromium
//! (`make test` runs it through wasm-bindgen-test-runner). What the core assumes of storage —
//! the quota error's kind, the quota's size, how usage is counted — is checked here for real.
#![cfg(target_arch = "wasm32")]

use taqrir::core::document::Document;
use taqrir::core::drafts::{utf16_len, KeyValueStore, Library, Opened, StoreError, LOCAL_STORAGE_QUOTA};
use taqrir::core::report::Report;
use taqrir::ui::local_store::LocalStore;
use taqrir::ui::store_error::store_error;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Local storage, emptied (the tests share one page).
fn empty_storage() -> LocalStore {
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("local storage");
    storage.clear().expect("clear");
    LocalStore::open().expect("local storage can be used")
}

/// Writes chunks under `filler-<n>` keys, halving the chunk on each refusal, until not even one
/// character fits; returns what was written and the first error.
fn fill(store: &mut LocalStore) -> (usize, StoreError) {
    let mut chunk = "x".repeat(1 << 20);
    let mut written = 0;
    let mut first_error = None;
    let mut n = 0;
    while !chunk.is_empty() {
        let key = format!("filler-{n}");
        match store.set(&key, &chunk) {
            Ok(()) => {
                written += utf16_len(&key) + chunk.len();
                n += 1;
            }
            Err(error) => {
                first_error.get_or_insert(error);
                chunk.truncate(chunk.len() / 2);
            }
        }
    }
    (written, first_error.expect("storage filled up"))
}

#[wasm_bindgen_test]
fn values_keys_and_removal_round_trip_with_arabic_and_kurdish_text() {
    let mut store = empty_storage();
    store.set("taqrir.a", "الجلسة الحوارية الرابعة").unwrap();
    store.set("taqrir.b", "کۆبوونەوەی هەماهەنگی").unwrap();
    assert_eq!(store.get("taqrir.a").unwrap().as_deref(), Some("الجلسة الحوارية الرابعة"));
    let mut keys = store.keys().unwrap();
    keys.sort();
    assert_eq!(keys, ["taqrir.a", "taqrir.b"]);
    store.remove("taqrir.a").unwrap();
    assert_eq!(store.get("taqrir.a").unwrap(), None);
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_as_full_and_keeps_what_was_there() {
    let mut store = empty_storage();
    store.set("taqrir.keep", "the last good copy").unwrap();
    let (written, error) = fill(&mut store);
    assert_eq!(error, StoreError::QuotaExceeded);
    // The quota the app tells people about ("about 5 MB") is the browser's.
    let used = written + utf16_len("taqrir.keep") + utf16_len("the last good copy");
    let quota = LOCAL_STORAGE_QUOTA as usize;
    assert!(used <= quota && used + 64 >= quota, "used {used} of an assumed {quota}");
    assert_eq!(store.get("taqrir.keep").unwrap().as_deref(), Some("the last good copy"));
    empty_storage();
}

#[wasm_bindgen_test]
fn a_library_in_local_storage_reopens_and_counts_usage_as_the_browser_does() {
    let store = empty_storage();
    let mut library = Library::open(store);
    let mut report = Report::blank();
    report.title = "Workshop in Erbil".into();
    library.save("a", &Document::new(report.clone()), 1.0, 0).unwrap();
    let mut reopened = Library::open(LocalStore::open().expect("local storage"));
    assert!(matches!(reopened.open_draft("a"), Opened::Draft(d, 1) if d.report == report));

    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("local storage");
    let mut counted = 0;
    for i in 0..storage.length().unwrap() {
        let key = storage.key(i).unwrap().unwrap();
        counted += utf16_len(&key) + utf16_len(&storage.get_item(&key).unwrap().unwrap());
    }
    assert_eq!(reopened.used(), counted as u64);
    empty_storage();
}

#[wasm_bindgen_test]
fn the_browsers_errors_are_read_one_way_for_drafts_and_photos() {
    let exception = |name: &str| {
        JsValue::from(web_sys::DomException::new_with_message_and_name("refused", name).expect("a DOMException"))
    };
    for name in ["QuotaExceededError", "NS_ERROR_DOM_QUOTA_REACHED"] {
        assert_eq!(store_error(&exception(name)), StoreError::QuotaExceeded, "{name}");
    }
    // Local storage blocked by settings, IndexedDB in a private mode or closed by the browser.
    for name in ["SecurityError", "InvalidStateError", "NotAllowedError"] {
        assert_eq!(store_error(&exception(name)), StoreError::Unavailable, "{name}");
    }
    assert_eq!(store_error(&exception("UnknownError")), StoreError::Refused { name: "UnknownError".into() });
    assert_eq!(store_error(&js_sys::Error::new("boom").into()), StoreError::Refused { name: "Error".into() });
    assert_eq!(store_error(&JsValue::NULL), StoreError::Refused { name: "unknown error".into() });
}

#[wasm_bindgen_test]
async fn received_reports_are_kept_beside_the_photos_read_back_and_removed_alone() {
    use taqrir::core::archive::arrival;
    use taqrir::ui::{archive, photo_store};
    let blob = photo_store::blob_from(b"\xFF\xD8\xFFjpeg", "image/jpeg").expect("a blob");
    photo_store::put("archive-test-photo", "draft-1", &blob).await.unwrap();
    let document = Document::new(Report { title: "تقرير مستلم".into(), ..Report::blank() });
    let received = arrival("r-archive-test".into(), &document, "2026-11-28", 1.0);
    archive::store(std::slice::from_ref(&received), &[]).await.unwrap();

    assert!(archive::listings().await.unwrap().contains(&received.listing));
    assert_eq!(archive::document("r-archive-test").await.unwrap(), Some(received.document.clone()));
    archive::remove("r-archive-test").await.unwrap();
    assert!(!archive::listings().await.unwrap().iter().any(|l| l.key() == "r-archive-test"));
    assert_eq!(archive::document("r-archive-test").await.unwrap(), None);
    assert!(photo_store::get("archive-test-photo").await.unwrap().is_some(), "the photos are left alone");
}

#[wasm_bindgen_test]
fn the_organisation_profile_is_kept_in_local_storage_beside_the_drafts_which_do_not_list_it() {
    use taqrir::core::profile::{self, Profile, Stored, PROFILE_KEY};
    let mut store = empty_storage();
    let mut org = Profile::default();
    org.name.ar = "جمعية الأمل".into();
    org.name.ckb = "کۆمەڵەی ئەمەل".into();
    org.defaults.donor = "NPA".into();
    profile::save(&mut store, &org).expect("saved");
    assert_eq!(profile::load(&LocalStore::open().expect("storage")), Ok(Stored::Profile(Box::new(org))));
    assert!(store.get(PROFILE_KEY).expect("read").is_some());
    // The draft library does not take the profile for a draft.
    let library = Library::open(LocalStore::open().expect("storage"));
    assert!(library.drafts().is_empty(), "{:?}", library.drafts());
}
