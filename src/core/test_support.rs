//! What the core's tests share: sample documents and a storage two libraries can use at once.

use crate::core::document::Document;
use crate::core::drafts::{KeyValueStore, MemoryStore, StoreError};
use crate::core::report::{Attachment, PhotoRef, Report};
use std::cell::RefCell;
use std::rc::Rc;

/// A document with just a title.
pub fn titled(title: &str) -> Document {
    let mut report = Report::blank();
    report.title = title.into();
    Document::new(report)
}

/// A document with a title and one attachment holding the photos `photos`.
pub fn with_photos(title: &str, photos: &[&str]) -> Document {
    let mut document = titled(title);
    let photos = photos.iter().map(|id| PhotoRef { id: (*id).into(), caption: String::new() }).collect();
    document.report.attachments = vec![Attachment { photos, ..Default::default() }];
    document
}

/// Two tabs: one storage that several libraries share (clones see each other's writes).
#[derive(Clone, Debug, Default)]
pub struct Shared(pub Rc<RefCell<MemoryStore>>);

impl KeyValueStore for Shared {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.0.borrow().keys()
    }
}
