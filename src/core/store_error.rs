//! Why storage refused: one error for drafts (local storage) and photos (IndexedDB), and the words
//! a person is told for each kind.

use crate::core::i18n::{self, Msg};
use crate::core::report::Language;

/// Why storage refused an operation on a draft or a photo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's quota for this site is used up.
    QuotaExceeded,
    /// Storage cannot be used at all (blocked by settings, some private modes, a closed database).
    Unavailable,
    /// The browser refused for a reason of its own: the name it gave (a `DOMException` name such as
    /// `UnknownError`), which the message shows, as it is what helps someone find the cause.
    Refused { name: String },
    /// A draft with this id is already stored; nothing was replaced.
    DraftExists,
    /// The stored draft cannot be read, so it was not changed.
    DraftUnreadable,
}

impl StoreError {
    /// Why, in one sentence, in `lang`.
    pub fn reason(&self, lang: Language) -> String {
        match self {
            StoreError::QuotaExceeded => i18n::text(lang, Msg::StoreFull).to_owned(),
            StoreError::Unavailable => i18n::text(lang, Msg::StoreUnavailable).to_owned(),
            StoreError::Refused { name } => i18n::format(lang, Msg::StoreRefused, &[("name", name)]),
            StoreError::DraftExists => i18n::text(lang, Msg::StoreDraftExists).to_owned(),
            StoreError::DraftUnreadable => i18n::text(lang, Msg::StoreDraftUnreadable).to_owned(),
        }
    }

    /// Draft `title` was not moved to the trash, and why.
    pub fn delete_failed(&self, lang: Language, title: &str) -> String {
        i18n::format(lang, Msg::DeleteFailed, &[("reason", &self.reason(lang)), ("title", title)])
    }

    /// A restore stopped after adding `added` drafts, and why. A full storage says what to do.
    pub fn restore_stopped(&self, lang: Language, added: usize) -> String {
        match self {
            StoreError::QuotaExceeded => i18n::plural(lang, Msg::RestoreStorageFull, added as u64, &[]),
            _ => i18n::plural(lang, Msg::RestoreFailed, added as u64, &[("reason", &self.reason(lang))]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> [StoreError; 5] {
        [
            StoreError::QuotaExceeded,
            StoreError::Unavailable,
            StoreError::Refused { name: "UnknownError".into() },
            StoreError::DraftExists,
            StoreError::DraftUnreadable,
        ]
    }

    #[test]
    fn each_kind_has_its_own_reason_in_every_language() {
        for lang in Language::ALL {
            let reasons: Vec<String> = every_kind().iter().map(|error| error.reason(lang)).collect();
            for (i, reason) in reasons.iter().enumerate() {
                assert!(!reason.trim().is_empty() && !reason.contains('{'), "{lang:?}: {reason}");
                assert!(!reasons[..i].contains(reason), "{lang:?}: {reason} twice");
            }
        }
        assert_eq!(
            StoreError::Refused { name: "UnknownError".into() }.reason(Language::English),
            "The browser refused to store it (UnknownError)."
        );
        assert_ne!(StoreError::Unavailable.reason(Language::Arabic), StoreError::Unavailable.reason(Language::English));
        assert_ne!(StoreError::Unavailable.reason(Language::Kurdish), StoreError::Unavailable.reason(Language::Arabic));
    }

    #[test]
    fn a_restore_stopped_by_anything_but_space_says_why_not_that_storage_is_full() {
        assert_eq!(
            StoreError::QuotaExceeded.restore_stopped(Language::English, 2),
            "Storage is full: 2 drafts were restored before it ran out. Delete old drafts and restore again."
        );
        assert_eq!(
            StoreError::Refused { name: "UnknownError".into() }.restore_stopped(Language::English, 1),
            "1 draft was restored, then restoring stopped: The browser refused to store it (UnknownError)."
        );
        for lang in Language::ALL {
            let full = i18n::plural(lang, Msg::RestoreStorageFull, 0, &[]);
            for error in every_kind().into_iter().skip(1) {
                let message = error.restore_stopped(lang, 0);
                assert_ne!(message, full, "{error:?} in {lang:?}");
                assert!(message.contains(&error.reason(lang)), "{error:?} in {lang:?}: {message}");
            }
        }
    }

    #[test]
    fn a_failed_delete_says_the_draft_was_not_moved_to_the_trash_and_why() {
        let message = StoreError::Unavailable.delete_failed(Language::English, "Fourth session");
        assert_eq!(
            message,
            "“Fourth session” was not moved to the trash: This browser does not let Taqrir use its storage right now."
        );
        for lang in Language::ALL {
            let moved = i18n::format(lang, Msg::ReportDeleted, &[("title", "Fourth session")]);
            for error in every_kind() {
                let message = error.delete_failed(lang, "Fourth session");
                assert!(message.contains("Fourth session") && message.contains(&error.reason(lang)), "{message}");
                assert_ne!(message, moved);
            }
        }
    }
}
