//! The received-reports archive in IndexedDB (the database the photos use): each received report's
//! document under its key in `received`, and its listing (`core::archive::Listing`, as JSON text)
//! under the same key in `received_listings`. The Summary reads only the listings. Every failure
//! is a [`StoreError`], never a panic.

use crate::core::archive::{Arrival, Listing};
use crate::core::drafts::StoreError;
use crate::ui::photo_store::{committed, request, transaction, RECEIVED, RECEIVED_LISTINGS};
use crate::ui::store_error::store_error;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::IdbTransactionMode;

fn record(key: &str, name: &str, value: &str) -> Result<JsValue, JsValue> {
    let record = Object::new();
    Reflect::set(&record, &"key".into(), &key.into())?;
    Reflect::set(&record, &name.into(), &value.into())?;
    Ok(record.into())
}

fn text_of(record: &JsValue, name: &str) -> Option<String> {
    Reflect::get(record, &name.into()).ok()?.as_string()
}

/// Stores `arrivals`, and removes the reports `replaced`, in one transaction: all or none.
pub async fn store(arrivals: &[Arrival], replaced: &[String]) -> Result<(), StoreError> {
    let transaction = transaction(&[RECEIVED, RECEIVED_LISTINGS], IdbTransactionMode::Readwrite).await?;
    let stores = transaction
        .object_store(RECEIVED)
        .and_then(|documents| Ok((documents, transaction.object_store(RECEIVED_LISTINGS)?)))
        .map_err(|e| store_error(&e))?;
    let (documents, listings) = stores;
    let write = || -> Result<(), JsValue> {
        for key in replaced {
            documents.delete(&key.into())?;
            listings.delete(&key.into())?;
        }
        for arrival in arrivals {
            let key = arrival.listing.key();
            let listing = serde_json::to_string(&arrival.listing).unwrap_or_default();
            documents.put(&record(key, "document", &arrival.document)?)?;
            listings.put(&record(key, "listing", &listing)?)?;
        }
        Ok(())
    };
    if let Err(error) = write() {
        let _ = transaction.abort();
        return Err(store_error(&error));
    }
    committed(&transaction).await
}

/// Every received report's listing; a listing that cannot be read is left out.
pub async fn listings() -> Result<Vec<Listing>, StoreError> {
    let transaction = transaction(&[RECEIVED_LISTINGS], IdbTransactionMode::Readonly).await?;
    let store = transaction.object_store(RECEIVED_LISTINGS).map_err(|e| store_error(&e))?;
    let records = request(store.get_all()).await?;
    let records = records.dyn_into::<Array>().unwrap_or_default();
    Ok(records.iter().filter_map(|r| serde_json::from_str(&text_of(&r, "listing")?).ok()).collect())
}

/// The document of received report `key`, as it was received.
pub async fn document(key: &str) -> Result<Option<String>, StoreError> {
    let transaction = transaction(&[RECEIVED], IdbTransactionMode::Readonly).await?;
    let store = transaction.object_store(RECEIVED).map_err(|e| store_error(&e))?;
    Ok(text_of(&request(store.get(&key.into())).await?, "document"))
}

/// Removes received report `key`.
pub async fn remove(key: &str) -> Result<(), StoreError> {
    store(&[], &[key.to_owned()]).await
}
