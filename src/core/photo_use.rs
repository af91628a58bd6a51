//! Which drafts refer to which photos, so that a photo is erased only when no draft refers to it.

use crate::core::document::{read_document, read_newer_document};
use crate::core::drafts::{KeyValueStore, Library};
use crate::core::report::Report;
use std::collections::BTreeMap;

/// Which drafts refer to which photos. A photo is erased only when no draft (trash included)
/// refers to it, and a draft made from a file never takes a photo id another draft uses.
#[derive(Clone, Debug, Default)]
pub struct PhotoUse {
    /// Photo id → the drafts that refer to it, in the order found.
    drafts: BTreeMap<String, Vec<String>>,
    /// Drafts whose text cannot be read as a report, and that text: their photos cannot be
    /// listed, so a photo id their text mentions counts as used by them.
    unreadable: Vec<(String, String)>,
}

impl PhotoUse {
    /// The photos the stored drafts of `library` refer to, trash and unreadable drafts included.
    pub fn of_library<S: KeyValueStore>(library: &Library<S>) -> Self {
        let mut usage = PhotoUse::default();
        for summary in library.drafts() {
            let Some(text) = library.raw(&summary.id) else { continue };
            match read_document(&text).ok().or_else(|| read_newer_document(&text).map(|(d, _)| d)) {
                Some(document) => usage.add(&summary.id, &document.report),
                None => usage.unreadable.push((summary.id.clone(), text)),
            }
        }
        usage
    }

    /// Counts the photos of `report` as used by draft `draft`.
    pub fn add(&mut self, draft: &str, report: &Report) {
        for photo in report.photos() {
            let drafts = self.drafts.entry(photo.id.clone()).or_default();
            if !drafts.iter().any(|d| d == draft) {
                drafts.push(draft.to_owned());
            }
        }
    }

    /// Stops counting draft `draft` (the open one, whose stored copy may lag behind the screen).
    pub fn remove_draft(&mut self, draft: &str) {
        for drafts in self.drafts.values_mut() {
            drafts.retain(|d| d != draft);
        }
        self.drafts.retain(|_, drafts| !drafts.is_empty());
        self.unreadable.retain(|(d, _)| d != draft);
    }

    /// Whether any draft refers to photo `id`.
    pub fn is_used(&self, id: &str) -> bool {
        self.drafts.contains_key(id) || self.unreadable.iter().any(|(_, text)| text.contains(&format!("\"{id}\"")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_support::with_photos;

    #[test]
    fn a_photo_is_in_use_while_any_draft_refers_to_it_trash_and_unreadable_drafts_included() {
        use crate::core::document::write_document;
        use crate::core::drafts::MemoryStore;
        let with_photos = |ids: &[&str]| with_photos("", ids);
        let mut library = Library::open(MemoryStore::new());
        library.save("open", &with_photos(&["p1", "p2"]), 0.0, 0).unwrap();
        library.save("trashed", &with_photos(&["p3"]), 1.0, 0).unwrap();
        library.delete("trashed", 2.0).unwrap();
        let damaged = write_document(&with_photos(&["p4"])).replace("\"format\"", "\"format");
        library.store_mut().set(&Library::<MemoryStore>::draft_key("damaged"), &damaged).unwrap();
        let mut library = Library::open(library.store().clone());

        let mut usage = PhotoUse::of_library(&library);
        assert!(["p1", "p2", "p3", "p4"].iter().all(|id| usage.is_used(id)));
        assert!(!usage.is_used("p5"));
        // The open draft counts as it is on screen: p2 was removed there.
        usage.remove_draft("open");
        usage.add("open", &with_photos(&["p1"]).report);
        assert!(usage.is_used("p1") && !usage.is_used("p2"));
        library.delete("open", 3.0).unwrap();
        assert!(PhotoUse::of_library(&library).is_used("p1"), "a draft in the trash keeps its photos");
    }
}
