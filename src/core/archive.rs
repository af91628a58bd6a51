//! The received-reports archive: reports an M&E officer receives and adds on the Summary, kept in
//! the browser's IndexedDB (far larger than local storage) apart from the drafts.
//!
//! Each received report is two records under one key: its document as received (photos embedded),
//! read only to show, print or copy it; and its [`Listing`] — what the Summary and the intake of
//! further files need — so that opening the Summary reads no report.

use crate::core::document::{write_document, Document};
use crate::core::i18n::{self, Msg};
use crate::core::intake::{classify_file, HeldReport, Intake};
use crate::core::report::Language;
use crate::core::summary::Figures;
use serde::{Deserialize, Serialize};

/// What is kept beside a received report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    pub held: HeldReport,
    pub figures: Figures,
    /// When it was added (ms since the epoch).
    pub added_ms: f64,
}

impl Listing {
    pub fn key(&self) -> &str {
        &self.held.key
    }
}

/// A report to store: its listing and its document's text.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrival {
    pub listing: Listing,
    pub document: String,
}

/// What became of one file given to "Add reports".
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub file: String,
    pub intake: Intake,
    /// The report to store, when it is added (or replaces an older version).
    pub arrival: Option<Arrival>,
}

impl Outcome {
    /// The outcome line, in `lang`.
    pub fn message(&self, lang: Language) -> String {
        match self.intake {
            // A received report replaced is gone from the archive (it has no trash): said so.
            Intake::Newer { .. } => i18n::format(lang, Msg::ArchiveReplaced, &[("file", &self.file)]),
            _ => self.intake.message(lang, &self.file),
        }
    }
}

/// Takes in the file `file` (its `bytes`) against the reports `held` in the archive, which is
/// updated as if the outcome were stored, so that a file given twice in one choice is already here
/// the second time. `key` is the new report's key; `today` (YYYY-MM-DD) and `now_ms` date it.
pub fn take_in(file: &str, bytes: &[u8], held: &mut Vec<HeldReport>, key: String, today: &str, now_ms: f64) -> Outcome {
    let (intake, document) = classify_file(bytes, held.iter());
    let arrival = document.map(|document| arrival(key, &document, today, now_ms));
    if let Intake::Newer { replaces } = &intake {
        held.retain(|h| h.key != *replaces);
    }
    if let Some(arrival) = &arrival {
        held.push(arrival.listing.held.clone());
    }
    Outcome { file: file.to_owned(), intake, arrival }
}

/// `document` as the archive keeps it under `key`.
pub fn arrival(key: String, document: &Document, today: &str, now_ms: f64) -> Arrival {
    Arrival {
        listing: Listing {
            held: HeldReport::of(key, document),
            figures: Figures::of(&document.report, today),
            added_ms: now_ms,
        },
        document: write_document(document),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::read_document;
    use crate::core::test_support::titled;

    fn file(title: &str, id: &str, edited: u64) -> Vec<u8> {
        let mut document = titled(title);
        document.report_id = id.into();
        document.edited_ms = Some(edited);
        write_document(&document).into_bytes()
    }

    #[test]
    fn files_are_added_once_newer_versions_replace_and_refused_files_say_why() {
        let mut held = Vec::new();
        let mut n = 0;
        let mut take = |name: &str, bytes: &[u8], held: &mut Vec<HeldReport>| {
            n += 1;
            take_in(name, bytes, held, format!("k{n}"), "2026-11-28", 1.0)
        };
        let first = take("a.json", &file("A", "r1", 5), &mut held);
        assert_eq!(first.intake, Intake::Added);
        let stored = first.arrival.unwrap();
        assert_eq!(read_document(&stored.document).unwrap().report.title, "A");
        assert_eq!(stored.listing.figures.title, "A");
        assert_eq!(
            take("a again.json", &file("A", "r1", 5), &mut held).intake,
            Intake::AlreadyHere { key: "k1".into() }
        );
        let newer = take("a2.json", &file("A, revised", "r1", 9), &mut held);
        assert_eq!(newer.intake, Intake::Newer { replaces: "k1".into() });
        assert!(newer.message(Language::English).contains("a2.json"));
        assert_eq!(held.iter().map(|h| h.key.as_str()).collect::<Vec<_>>(), ["k3"]);
        assert_eq!(take("old.json", &file("A, first", "r1", 1), &mut held).intake, Intake::Older { kept: "k3".into() });
        let refused = take("notes.txt", b"hello", &mut held);
        assert!(matches!(refused.intake, Intake::Refused(_)) && refused.arrival.is_none());
        assert!(refused.message(Language::English).starts_with("notes.txt: not added."));
    }

    #[test]
    fn a_listing_survives_a_round_trip_through_json() {
        let mut held = Vec::new();
        let outcome = take_in("a.json", &file("A", "r1", 5), &mut held, "k".into(), "2026-11-28", 7.0);
        let listing = outcome.arrival.unwrap().listing;
        let back: Listing = serde_json::from_str(&serde_json::to_string(&listing).unwrap()).unwrap();
        assert_eq!(back, listing);
    }
}
