//! The one reading of the browser's storage errors (local storage and IndexedDB alike) as the
//! core's [`StoreError`].

use crate::core::drafts::StoreError;
use wasm_bindgen::{JsCast, JsValue};

/// What a storage call's exception means for the person: no space, no storage at all, or a
/// refusal the browser names.
pub fn store_error(error: &JsValue) -> StoreError {
    let name = match error.dyn_ref::<web_sys::DomException>() {
        Some(exception) => exception.name(),
        None => error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.name()))
            .or_else(|| error.as_string())
            .unwrap_or_default(),
    };
    match name.as_str() {
        // Firefox before version 80 named a full local storage differently.
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::QuotaExceeded,
        // Blocked by settings or a private mode, or a database connection the browser closed.
        "SecurityError" | "InvalidStateError" | "NotAllowedError" => StoreError::Unavailable,
        "" => StoreError::Refused { name: "unknown error".to_owned() },
        _ => StoreError::Refused { name },
    }
}
