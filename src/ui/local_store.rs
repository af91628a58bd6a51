//! The browser's local storage behind the core's `KeyValueStore`.

use crate::core::drafts::{KeyValueStore, StoreError};
use crate::ui::store_error::store_error;
use gloo_storage::Storage as _;

pub struct LocalStore {
    storage: web_sys::Storage,
}

impl LocalStore {
    /// Local storage, when the browser lets the page use it (settings and some private modes
    /// throw on access, or on the first write).
    pub fn open() -> Option<Self> {
        // gloo's accessor throws when storage is blocked, so it is reached only after this check.
        web_sys::window()?.local_storage().ok()??;
        let storage = gloo_storage::LocalStorage::raw();
        let probe = "taqrir.probe";
        storage.set_item(probe, "1").ok()?;
        storage.remove_item(probe).ok()?;
        Some(LocalStore { storage })
    }
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage.get_item(key).map_err(|e| store_error(&e))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(|e| store_error(&e))
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.storage.remove_item(key).map_err(|e| store_error(&e))
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let length = self.storage.length().map_err(|e| store_error(&e))?;
        Ok((0..length).filter_map(|i| self.storage.key(i).ok().flatten()).collect())
    }
}
