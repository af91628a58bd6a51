//! The key-value storage drafts live in, behind [`KeyValueStore`]: the browser's local storage in
//! the app, [`MemoryStore`] in tests and when the browser refuses storage; and how its use is
//! counted and told.

use crate::core::store_error::StoreError;
use std::collections::BTreeMap;

/// The little a draft library needs from a key-value storage.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    /// Every key, in no particular order.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
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
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        (**self).keys()
    }
}

/// Storage in memory, with an optional quota (counted like local storage: UTF-16 code units of
/// keys and values) so tests can fill it up.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    pub(crate) entries: BTreeMap<String, String>,
    pub(crate) quota: Option<usize>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_quota(quota: usize) -> Self {
        MemoryStore { entries: BTreeMap::new(), quota: Some(quota) }
    }

    fn used_without(&self, key: &str) -> usize {
        self.entries.iter().filter(|(k, _)| k.as_str() != key).map(|(k, v)| utf16_len(k) + utf16_len(v)).sum()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota {
            if self.used_without(key) + utf16_len(key) + utf16_len(value) > quota {
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

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.entries.keys().cloned().collect())
    }
}

/// Length as local storage counts it.
pub fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// About how much local storage a site gets (Chromium and Firefox: 5 Mi UTF-16 code units).
pub const LOCAL_STORAGE_QUOTA: u64 = 5 * 1024 * 1024;

/// How much of local storage is in use, as the person is told it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageUse {
    /// UTF-16 code units, as the quota counts them.
    pub used: u64,
}

impl StorageUse {
    /// Whole percent of [`LOCAL_STORAGE_QUOTA`], rounded down.
    pub fn percent(self) -> u64 {
        self.used * 100 / LOCAL_STORAGE_QUOTA
    }

    /// From 80 % the person is warned, while there is still room to back up and tidy.
    pub fn nearly_full(self) -> bool {
        self.used * 5 >= LOCAL_STORAGE_QUOTA * 4
    }

    /// Megabytes (of 1,048,576 units) with one decimal, rounded down: `4.1`.
    pub fn used_mb(self) -> String {
        megabytes(self.used)
    }

    pub fn quota_mb() -> String {
        (LOCAL_STORAGE_QUOTA >> 20).to_string()
    }
}

/// `n` bytes (or code units) as megabytes with one decimal, without float formatting (which
/// would add its code to the app). Anything stored shows as at least 0.1, never as nothing.
pub fn megabytes(n: u64) -> String {
    let tenths = if n == 0 { 0 } else { ((n * 10) >> 20).max(1) };
    format!("{}.{}", tenths / 10, tenths % 10)
}
