//! Photos' bytes in the browser's IndexedDB (local storage is far too small for them).
//!
//! One database, `taqrir-photos`, which also holds the received-reports archive
//! (`crate::ui::archive`); its object store `photos` is keyed by photo id. Each record
//! is `{ id, draft, blob, bytes, added }`: the downscaled image as a `Blob`, the id of the draft
//! that owns it (indexed, so a draft's photos can be listed and erased together), its size in
//! bytes and when it was stored (ms since the epoch). Every failure is a [`StoreError`],
//! never a panic.

use crate::core::drafts::StoreError;
use crate::ui::store_error::store_error;
use js_sys::{Array, Object, Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const DATABASE: &str = "taqrir-photos";
const STORE: &str = "photos";
const BY_DRAFT: &str = "draft";
/// The archive's stores: received reports' documents, and their listings (both keyed by `key`).
pub const RECEIVED: &str = "received";
pub const RECEIVED_LISTINGS: &str = "received_listings";
const STORES: [&str; 3] = [STORE, RECEIVED, RECEIVED_LISTINGS];

/// One stored photo.
#[derive(Clone, Debug)]
pub struct StoredPhoto {
    pub id: String,
    pub draft: String,
    pub blob: web_sys::Blob,
    pub bytes: f64,
    pub added_ms: f64,
}

type Handler = Closure<dyn FnMut(web_sys::Event)>;

thread_local! {
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// Waits for `target` to fire `ok` (resolves with `on_ok()`) or one of `fail` (rejects with
/// `on_fail()`). The handlers live until then and are removed after.
async fn settle(
    target: &web_sys::EventTarget,
    ok: &'static str,
    fail: &'static [&'static str],
    on_ok: Rc<dyn Fn() -> JsValue>,
    on_fail: Rc<dyn Fn() -> JsValue>,
) -> Result<JsValue, JsValue> {
    let mut handlers: Vec<(&'static str, Handler)> = Vec::new();
    let promise = Promise::new(&mut |resolve, reject| {
        handlers.push((
            ok,
            Closure::new({
                let on_ok = on_ok.clone();
                move |_: web_sys::Event| {
                    let _ = resolve.call1(&JsValue::NULL, &on_ok());
                }
            }),
        ));
        for name in fail {
            let reject = reject.clone();
            let on_fail = on_fail.clone();
            handlers.push((
                name,
                Closure::new(move |_: web_sys::Event| {
                    let _ = reject.call1(&JsValue::NULL, &on_fail());
                }),
            ));
        }
    });
    for (name, handler) in &handlers {
        let _ = target.add_event_listener_with_callback(name, handler.as_ref().unchecked_ref());
    }
    let result = JsFuture::from(promise).await;
    for (name, handler) in &handlers {
        let _ = target.remove_event_listener_with_callback(name, handler.as_ref().unchecked_ref());
    }
    result
}

/// The result of `request` once it succeeds.
pub(crate) async fn request(request: Result<IdbRequest, JsValue>) -> Result<JsValue, StoreError> {
    let request = request.map_err(|e| store_error(&e))?;
    let (done, failed) = (request.clone(), request.clone());
    settle(
        &request,
        "success",
        &["error"],
        Rc::new(move || done.result().unwrap_or(JsValue::UNDEFINED)),
        Rc::new(move || failed.error().ok().flatten().map(JsValue::from).unwrap_or(JsValue::NULL)),
    )
    .await
    .map_err(|e| store_error(&e))
}

/// Waits until `transaction` has committed. A failed write aborts the transaction, whose error
/// is then the write's (a full disk shows as `QuotaExceededError` here).
pub(crate) async fn committed(transaction: &IdbTransaction) -> Result<(), StoreError> {
    let failed = transaction.clone();
    settle(
        transaction,
        "complete",
        &["abort"],
        Rc::new(|| JsValue::UNDEFINED),
        Rc::new(move || failed.error().map(JsValue::from).unwrap_or(JsValue::NULL)),
    )
    .await
    .map(|_| ())
    .map_err(|e| store_error(&e))
}

/// Opens the database at `version` (its current one when `None`; a new database starts at 1),
/// creating the object stores (and the photos' index) that are missing; those there are kept.
async fn open_at(factory: &web_sys::IdbFactory, version: Option<u32>) -> Result<IdbDatabase, StoreError> {
    let open = match version {
        Some(version) => factory.open_with_u32(DATABASE, version),
        None => factory.open(DATABASE),
    }
    .map_err(|_| StoreError::Unavailable)?;
    let upgrading = open.clone();
    let on_upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
        let Some(db) = upgrading.result().ok().and_then(|r| r.dyn_into::<IdbDatabase>().ok()) else { return };
        for name in STORES.into_iter().filter(|name| !db.object_store_names().contains(name)) {
            let options = web_sys::IdbObjectStoreParameters::new();
            options.set_key_path(&JsValue::from_str(if name == STORE { "id" } else { "key" }));
            if let Ok(store) = db.create_object_store_with_optional_parameters(name, &options) {
                if name == STORE {
                    let _ = store.create_index_with_str(BY_DRAFT, "draft");
                }
            }
        }
    });
    open.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let result = request(Ok(open.clone().unchecked_into())).await;
    open.set_onupgradeneeded(None);
    drop(on_upgrade);
    result
        .map_err(|e| match e {
            StoreError::QuotaExceeded => e,
            _ => StoreError::Unavailable,
        })?
        .dyn_into()
        .map_err(|_| StoreError::Unavailable)
}

/// The open database, opened (and created) on first use.
async fn database() -> Result<IdbDatabase, StoreError> {
    if let Some(db) = DB.with(|db| db.borrow().clone()) {
        return Ok(db);
    }
    let factory = web_sys::window()
        .ok_or(StoreError::Unavailable)?
        .indexed_db()
        .map_err(|_| StoreError::Unavailable)?
        .ok_or(StoreError::Unavailable)?;
    let mut db = open_at(&factory, None).await?;
    if STORES.iter().any(|name| !db.object_store_names().contains(name)) {
        // A database made before the archive (or by something else): add the stores it lacks
        // with a version step, which keeps what it holds.
        let next = (db.version() as u32).saturating_add(1);
        db.close();
        db = open_at(&factory, Some(next)).await?;
    }
    // Another tab with a newer version asks to upgrade: step aside, and reopen on next use.
    let closing = db.clone();
    let on_version_change = Closure::<dyn FnMut()>::new(move || {
        closing.close();
        DB.with(|slot| slot.borrow_mut().take());
    });
    db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
    on_version_change.forget();
    DB.with(|slot| *slot.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// A new transaction over the object stores `names`.
pub(crate) async fn transaction(names: &[&str], mode: IdbTransactionMode) -> Result<IdbTransaction, StoreError> {
    let db = database().await?;
    let names: Array = names.iter().map(|name| JsValue::from_str(name)).collect();
    db.transaction_with_str_sequence_and_mode(&names, mode).map_err(|e| {
        // A closed connection (the browser dropped it): open again next time.
        DB.with(|slot| slot.borrow_mut().take());
        store_error(&e)
    })
}

/// The `photos` object store in a new transaction.
async fn store(mode: IdbTransactionMode) -> Result<(IdbTransaction, IdbObjectStore), StoreError> {
    let transaction = transaction(&[STORE], mode).await?;
    let store = transaction.object_store(STORE).map_err(|e| store_error(&e))?;
    Ok((transaction, store))
}

fn field(record: &JsValue, name: &str) -> JsValue {
    Reflect::get(record, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn stored_photo(record: &JsValue) -> Option<StoredPhoto> {
    Some(StoredPhoto {
        id: field(record, "id").as_string()?,
        draft: field(record, "draft").as_string().unwrap_or_default(),
        blob: field(record, "blob").dyn_into().ok()?,
        bytes: field(record, "bytes").as_f64().unwrap_or(0.0),
        added_ms: field(record, "added").as_f64().unwrap_or(0.0),
    })
}

/// Stores `blob` as photo `id` of draft `draft` (replacing a photo with that id).
pub async fn put(id: &str, draft: &str, blob: &web_sys::Blob) -> Result<(), StoreError> {
    let record = Object::new();
    let set = |name: &str, value: &JsValue| Reflect::set(&record, &JsValue::from_str(name), value).map(|_| ());
    set("id", &id.into())
        .and_then(|_| set("draft", &draft.into()))
        .and_then(|_| set("blob", blob))
        .and_then(|_| set("bytes", &blob.size().into()))
        .and_then(|_| set("added", &js_sys::Date::now().into()))
        .map_err(|e| store_error(&e))?;
    let (transaction, store) = store(IdbTransactionMode::Readwrite).await?;
    if let Err(error) = store.put(&record) {
        let _ = transaction.abort();
        return Err(store_error(&error));
    }
    committed(&transaction).await
}

/// Photo `id`, if it is stored.
pub async fn get(id: &str) -> Result<Option<StoredPhoto>, StoreError> {
    let (_transaction, store) = store(IdbTransactionMode::Readonly).await?;
    let record = request(store.get(&id.into())).await?;
    Ok(stored_photo(&record))
}

/// Erases the photos `ids`; ids that are not stored are ignored.
pub async fn delete(ids: &[String]) -> Result<(), StoreError> {
    if ids.is_empty() {
        return Ok(());
    }
    let (transaction, store) = store(IdbTransactionMode::Readwrite).await?;
    for id in ids {
        if let Err(error) = store.delete(&id.into()) {
            let _ = transaction.abort();
            return Err(store_error(&error));
        }
    }
    committed(&transaction).await
}

/// Every photo of draft `draft`.
pub async fn list_by_draft(draft: &str) -> Result<Vec<StoredPhoto>, StoreError> {
    let (_transaction, store) = store(IdbTransactionMode::Readonly).await?;
    let index = store.index(BY_DRAFT).map_err(|e| store_error(&e))?;
    let records = request(index.get_all_with_key(&draft.into())).await?;
    Ok(records.dyn_into::<Array>().map(|a| a.iter().filter_map(|r| stored_photo(&r)).collect()).unwrap_or_default())
}

/// Every stored photo.
pub async fn list_all() -> Result<Vec<StoredPhoto>, StoreError> {
    let (_transaction, store) = store(IdbTransactionMode::Readonly).await?;
    let records = request(store.get_all()).await?;
    Ok(records.dyn_into::<Array>().map(|a| a.iter().filter_map(|r| stored_photo(&r)).collect()).unwrap_or_default())
}

/// Erases every photo of the drafts `drafts`.
pub async fn delete_drafts(drafts: &[String]) -> Result<(), StoreError> {
    let mut ids = Vec::new();
    for draft in drafts {
        ids.extend(list_by_draft(draft).await?.into_iter().map(|photo| photo.id));
    }
    delete(&ids).await
}

/// The bytes all stored photos take, for the storage figure; 0 when the store cannot be read.
pub async fn total_bytes() -> f64 {
    list_all().await.map(|photos| photos.iter().map(|p| p.bytes).sum()).unwrap_or(0.0)
}

/// The bytes of `blob`.
pub async fn blob_bytes(blob: &web_sys::Blob) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(blob.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A `Blob` of type `mime` holding `bytes`.
pub fn blob_from(bytes: &[u8], mime: &str) -> Option<web_sys::Blob> {
    let parts = Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()
}
