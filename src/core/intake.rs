//! Intake: what becomes of a report file that arrives (Import report, Restore, the Summary's "Add
//! reports"), decided against the reports already held — the drafts, or the received-reports
//! archive. Pure: it reads and compares, the caller adds, replaces or skips.
//!
//! A report is recognised by its id (schema 2) and, for files of schema 1, which have none, by
//! its content. Of two versions of one report the later edit is the newer; an older version
//! never replaces a newer one.

use crate::core::document::{Document, ReadError};
use crate::core::i18n::{self, Msg};
use crate::core::report::{Language, Report};
use crate::core::report_file::read_report_file;
use serde::{Deserialize, Serialize};

/// What is kept of a held report to recognise a file of it, small enough to keep beside each
/// report of a large collection.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldReport {
    /// Where the collection keeps it: a draft id, a key in the archive.
    pub key: String,
    pub report_id: String,
    pub edited_ms: Option<u64>,
    pub content: ContentHash,
}

impl HeldReport {
    pub fn of(key: impl Into<String>, document: &Document) -> Self {
        HeldReport {
            key: key.into(),
            report_id: document.report_id.clone(),
            edited_ms: document.edited_ms,
            content: ContentHash::of(&document.report),
        }
    }
}

/// A fingerprint of what a report says: its text, counts and photo captions, not the ids its
/// photos have in one browser (importing gives them new ones) nor its id and time of edit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ContentHash(pub u64);

impl ContentHash {
    pub fn of(report: &Report) -> Self {
        let mut report = report.clone();
        for photo in report.attachments.iter_mut().flat_map(|a| a.photos.iter_mut()) {
            photo.id.clear();
        }
        // Written as JSON, so counts compare as the numbers they are ("09" and 9 are one count).
        let text = serde_json::to_string(&report).unwrap_or_default();
        // FNV-1a: stable across builds and Rust versions, so a fingerprint may be stored.
        let hash = text
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3));
        ContentHash(hash)
    }
}

/// What becomes of one incoming report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Intake {
    /// Not held yet: to be added.
    Added,
    /// The same report is held as it is (same id and content; for a file of schema 1, the same
    /// content): skipped.
    AlreadyHere { key: String },
    /// A later edit of a held report: it replaces the held one, which goes to the trash.
    Newer { replaces: String },
    /// An edit of a held report that is not later than the one held: never replaces it.
    Older { kept: String },
    /// Not a report that can be read.
    Refused(ReadError),
}

/// Classifies `incoming` against the reports `held`.
pub fn classify_report<'a>(incoming: &Document, held: impl IntoIterator<Item = &'a HeldReport>) -> Intake {
    let content = ContentHash::of(&incoming.report);
    let id = incoming.report_id.as_str();
    let mut latest: Option<&HeldReport> = None;
    for report in held {
        let same_report = !id.is_empty() && report.report_id == id;
        if report.content == content && (same_report || id.is_empty()) {
            return Intake::AlreadyHere { key: report.key.clone() };
        }
        if same_report && latest.is_none_or(|latest| report.edited_ms > latest.edited_ms) {
            latest = Some(report);
        }
    }
    match latest {
        None => Intake::Added,
        // A missing time of edit is older than any.
        Some(held) if incoming.edited_ms > held.edited_ms => Intake::Newer { replaces: held.key.clone() },
        Some(held) => Intake::Older { kept: held.key.clone() },
    }
}

/// Reads a report file (JSON, or the printable page carrying one) and classifies it against
/// `held`: the outcome, with the document when it is to be added.
pub fn classify_file<'a>(bytes: &[u8], held: impl IntoIterator<Item = &'a HeldReport>) -> (Intake, Option<Document>) {
    match read_report_file(bytes) {
        Ok(document) => {
            let intake = classify_report(&document, held);
            let adds = intake.adds();
            (intake, adds.then_some(document))
        }
        Err(error) => (Intake::Refused(error), None),
    }
}

impl Intake {
    /// The outcome line for the file named `file`, in `lang`.
    pub fn message(&self, lang: Language, file: &str) -> String {
        let file = [("file", file)];
        match self {
            Intake::Added => i18n::format(lang, Msg::IntakeAdded, &file),
            Intake::AlreadyHere { .. } => i18n::format(lang, Msg::IntakeAlreadyHere, &file),
            Intake::Newer { .. } => i18n::format(lang, Msg::IntakeNewer, &file),
            Intake::Older { .. } => i18n::format(lang, Msg::IntakeOlder, &file),
            Intake::Refused(error) => {
                i18n::format(lang, Msg::IntakeRefused, &[("file", file[0].1), ("reason", &error.reason(lang))])
            }
        }
    }

    /// Whether the report is to be added (as new, or in place of an older version).
    pub fn adds(&self) -> bool {
        matches!(self, Intake::Added | Intake::Newer { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::report::{Attachment, PhotoRef, WholeNumber};

    fn report(title: &str, id: &str, edited_ms: Option<u64>) -> Document {
        let mut document = Document::new(Report { title: title.into(), ..Report::blank() });
        document.report_id = id.into();
        document.edited_ms = edited_ms;
        document
    }

    fn held(key: &str, document: &Document) -> HeldReport {
        HeldReport::of(key, document)
    }

    #[test]
    fn a_report_not_held_is_added() {
        let here = [held("d1", &report("First", "r1", Some(5)))];
        assert_eq!(classify_report(&report("Second", "r2", Some(5)), &here), Intake::Added);
        assert_eq!(classify_report(&report("Second", "", None), &here), Intake::Added);
        assert_eq!(classify_report(&report("First", "r1", Some(5)), []), Intake::Added);
    }

    #[test]
    fn the_same_report_with_the_same_content_is_already_here() {
        let here = [held("d0", &report("Other", "r0", Some(1))), held("d1", &report("First", "r1", Some(5)))];
        assert_eq!(classify_report(&report("First", "r1", Some(5)), &here), Intake::AlreadyHere { key: "d1".into() });
        // Content decides, not the time: a report exported again unchanged is the same report.
        assert_eq!(classify_report(&report("First", "r1", Some(9)), &here), Intake::AlreadyHere { key: "d1".into() });
    }

    #[test]
    fn another_report_with_the_same_content_is_not_the_same_report() {
        let here = [held("d1", &report("First", "r1", Some(5)))];
        assert_eq!(classify_report(&report("First", "r2", Some(5)), &here), Intake::Added, "a duplicate, unchanged");
    }

    #[test]
    fn a_file_of_schema_1_is_already_here_when_a_held_report_says_the_same() {
        let here = [held("d1", &report("First", "r1", Some(5)))];
        assert_eq!(classify_report(&report("First", "", None), &here), Intake::AlreadyHere { key: "d1".into() });
        let mut counted = report("First", "", None);
        counted.report.participants.total = WholeNumber::new("٠٩");
        let mut nine = report("First", "r1", Some(5));
        nine.report.participants.total = WholeNumber::new("9");
        assert_eq!(classify_report(&counted, &[held("d1", &nine)]), Intake::AlreadyHere { key: "d1".into() });
    }

    #[test]
    fn a_later_edit_is_a_newer_version_that_replaces_the_latest_held() {
        let here = [
            held("old", &report("First", "r1", Some(5))),
            held("later", &report("First, edited", "r1", Some(7))),
            held("none", &report("First, undated", "r1", None)),
        ];
        assert_eq!(
            classify_report(&report("First, final", "r1", Some(8)), &here),
            Intake::Newer { replaces: "later".into() }
        );
    }

    #[test]
    fn an_earlier_or_equal_edit_is_older_and_never_replaces() {
        let here = [held("d1", &report("First, edited", "r1", Some(7)))];
        assert_eq!(classify_report(&report("First", "r1", Some(5)), &here), Intake::Older { kept: "d1".into() });
        assert_eq!(classify_report(&report("First, other", "r1", Some(7)), &here), Intake::Older { kept: "d1".into() });
        assert_eq!(classify_report(&report("First, undated", "r1", None), &here), Intake::Older { kept: "d1".into() });
        let undated = [held("d2", &report("First", "r1", None))];
        assert_eq!(
            classify_report(&report("First, edited", "r1", Some(1)), &undated),
            Intake::Newer { replaces: "d2".into() }
        );
    }

    #[test]
    fn photos_compare_by_caption_not_by_their_ids_in_one_browser() {
        let with_photo = |id: &str, caption: &str| {
            let mut document = report("Photos", "r1", Some(5));
            let photos = vec![PhotoRef { id: id.into(), caption: caption.into() }];
            document.report.attachments = vec![Attachment { photos, ..Attachment::default() }];
            document
        };
        let here = [held("d1", &with_photo("p-here", "After the session"))];
        assert_eq!(
            classify_report(&with_photo("p-file", "After the session"), &here),
            Intake::AlreadyHere { key: "d1".into() }
        );
        assert_eq!(classify_report(&with_photo("p-file", "Before"), &here), Intake::Older { kept: "d1".into() });
    }

    #[test]
    fn a_file_is_read_then_classified_and_handed_over_only_when_it_adds() {
        let here = report("First", "r1", Some(5));
        let held = [held("d1", &here)];
        let text = crate::core::document::write_document(&here);
        assert_eq!(classify_file(text.as_bytes(), &held), (Intake::AlreadyHere { key: "d1".into() }, None));
        let newer = report("First, edited", "r1", Some(6));
        let text = crate::core::document::write_document(&newer);
        assert_eq!(classify_file(text.as_bytes(), &held), (Intake::Newer { replaces: "d1".into() }, Some(newer)));
        assert_eq!(classify_file(b"{\"format\":1}", &held), (Intake::Refused(ReadError::NotAReport), None));
    }

    #[test]
    fn each_outcome_is_said_in_words_in_every_language() {
        let outcomes = [
            Intake::Added,
            Intake::AlreadyHere { key: "k".into() },
            Intake::Newer { replaces: "k".into() },
            Intake::Older { kept: "k".into() },
            Intake::Refused(ReadError::NotAReport),
        ];
        for lang in Language::ALL {
            for outcome in &outcomes {
                let said = outcome.message(lang, "session-4.html");
                assert!(said.contains("session-4.html") && !said.contains('{'), "{lang:?}: {said}");
            }
        }
        assert_eq!(
            Intake::Refused(ReadError::NotAReport).message(Language::English, "notes.txt"),
            "notes.txt: not added. This file is not a Taqrir report."
        );
    }

    #[test]
    fn a_refused_file_says_it_was_not_added_not_that_nothing_changed_as_others_may_have_been() {
        let refusals =
            [ReadError::NotAReport, ReadError::NotJson { line: 1, column: 2 }, ReadError::TooLarge { bytes: 1 }];
        for lang in Language::ALL {
            let nothing_changed = i18n::text(lang, Msg::NothingChanged);
            for error in &refusals {
                let said = Intake::Refused(error.clone()).message(lang, "notes.txt");
                assert!(!said.contains(nothing_changed), "{lang:?}: {said}");
                // Alone, as when one file is opened, the reason still says nothing changed.
                assert!(error.message(lang).ends_with(nothing_changed), "{lang:?}: {}", error.message(lang));
            }
        }
    }
}
