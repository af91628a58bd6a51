//! The received-reports archive in IndexedDB (the database the photos use): each received report's
//! document under its key in `received`, and its listing (`core::archive::Listing`, as JSON text)
//! under the same key in `received_listings`. The Summary reads only the listings. Every failure
//! is a [`StoreError`], never a panic.

use crate::core::archive::{take_in_copies, Arrival, Listing, Outcome, ReceivedCopy, Tally};
use crate::core::drafts::StoreError;
use crate::core::intake::Intake;
use crate::core::report::Language;
use crate::ui::checks::today;
use crate::ui::file_batch::next_task;
use crate::ui::photo_store::{committed, request, transaction, RECEIVED, RECEIVED_LISTINGS};
use crate::ui::session::new_draft_id;
use crate::ui::store_error::store_error;
use js_sys::{Array, Object, Reflect};
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::IdbTransactionMode;

/// How many received reports a restore writes in one transaction.
const RESTORE_BATCH: usize = 100;

/// A key for a new received report.
pub fn new_key() -> String {
    format!("r{}", new_draft_id())
}

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

/// Stores the reports `outcomes` add, and removes those they replace, in one transaction.
pub async fn store_outcomes(outcomes: &[Outcome]) -> Result<(), StoreError> {
    let replaced: Vec<String> = outcomes
        .iter()
        .filter_map(|o| match &o.intake {
            Intake::Newer { replaces } => Some(replaces.clone()),
            _ => None,
        })
        .collect();
    let arrivals: Vec<Arrival> = outcomes.iter().filter_map(|o| o.arrival.clone()).collect();
    store(&arrivals, &replaced).await
}

/// Every received report as a backup carries it; a record that cannot be read is left out.
pub async fn copies() -> Result<Vec<ReceivedCopy>, StoreError> {
    let transaction = transaction(&[RECEIVED, RECEIVED_LISTINGS], IdbTransactionMode::Readonly).await?;
    let stores = transaction
        .object_store(RECEIVED)
        .and_then(|documents| Ok((documents, transaction.object_store(RECEIVED_LISTINGS)?)))
        .map_err(|e| store_error(&e))?;
    // Both requests are made before either is awaited, in the one transaction.
    let (documents, listings) = (stores.0.get_all(), stores.1.get_all());
    let (documents, listings) = (request(documents).await?, request(listings).await?);
    let added: HashMap<String, f64> = listings
        .dyn_into::<Array>()
        .unwrap_or_default()
        .iter()
        .filter_map(|r| serde_json::from_str::<Listing>(&text_of(&r, "listing")?).ok())
        .map(|l| (l.held.key, l.added_ms))
        .collect();
    let documents = documents.dyn_into::<Array>().unwrap_or_default();
    Ok(documents
        .iter()
        .filter_map(|r| {
            let added_ms = added.get(&text_of(&r, "key")?).copied().unwrap_or_default();
            Some(ReceivedCopy { added_ms, document: text_of(&r, "document")? })
        })
        .collect())
}

/// Takes the received reports of a restored backup into the archive, as "Add reports" takes
/// files, a batch per transaction with the page answering between: what became of them in words,
/// and whether any could not be added.
pub async fn restore(copies: Vec<ReceivedCopy>, lang: Language) -> (String, bool) {
    let mut held = match listings().await {
        Ok(listings) => listings.into_iter().map(|l| l.held).collect(),
        Err(problem) => return (Tally::default().stopped(lang, &problem.reason(lang)), true),
    };
    let mut tally = Tally::default();
    for batch in copies.chunks(RESTORE_BATCH) {
        next_task().await;
        let outcomes = take_in_copies(batch, &mut held, new_key, &today());
        if let Err(problem) = store_outcomes(&outcomes).await {
            return (tally.stopped(lang, &problem.reason(lang)), true);
        }
        outcomes.iter().for_each(|o| tally.count(&o.intake));
    }
    (tally.message(lang), tally.refused > 0)
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
