//! The received-reports archive: reports an M&E officer receives and adds on the Summary, kept in
//! the browser's IndexedDB (far larger than local storage) apart from the drafts.
//!
//! Each received report is two records under one key: its document as received (photos embedded),
//! read only to show, print or copy it; and its [`Listing`] — what the Summary and the intake of
//! further files need — so that opening the Summary reads no report.
//!
//! "Back up all" carries each received report as a [`ReceivedCopy`]; "Restore" takes them in
//! with [`take_in`], as "Add reports" takes files, and says what became of them in a [`Tally`].

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

/// A received report as a backup carries it: its document as received, and when it was added.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReceivedCopy {
    pub added_ms: f64,
    pub document: String,
}

/// How many received reports of a restore became what, said in one line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub added: usize,
    pub already_here: usize,
    pub newer: usize,
    pub older: usize,
    pub refused: usize,
}

impl Tally {
    pub fn count(&mut self, intake: &Intake) {
        let slot = match intake {
            Intake::Added => &mut self.added,
            Intake::AlreadyHere { .. } => &mut self.already_here,
            Intake::Newer { .. } => &mut self.newer,
            Intake::Older { .. } => &mut self.older,
            Intake::Refused(_) => &mut self.refused,
        };
        *slot += 1;
    }

    /// What the person is told, in `lang`: the reports added, then each other outcome there was.
    pub fn message(&self, lang: Language) -> String {
        let parts = [
            (Msg::ArchiveRestoreAdded, self.added),
            (Msg::ArchiveRestoreAlreadyHere, self.already_here),
            (Msg::ArchiveRestoreNewer, self.newer),
            (Msg::ArchiveRestoreOlder, self.older),
            (Msg::ArchiveRestoreRefused, self.refused),
        ];
        let said = parts.iter().enumerate().filter(|(i, (_, n))| *i == 0 || *n > 0);
        said.map(|(_, (msg, n))| i18n::plural(lang, *msg, *n as u64, &[])).collect::<Vec<_>>().join(" ")
    }

    /// What the person is told when storing stopped with `reason` after what is counted.
    pub fn stopped(&self, lang: Language, reason: &str) -> String {
        let stored = (self.added + self.newer) as u64;
        i18n::plural(lang, Msg::ArchiveRestoreStopped, stored, &[("reason", reason)])
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

/// Takes in the received reports of a restored backup against the archive's reports `held`, each
/// under a key from `new_key`, keeping when it was first added.
pub fn take_in_copies(
    copies: &[ReceivedCopy],
    held: &mut Vec<HeldReport>,
    mut new_key: impl FnMut() -> String,
    today: &str,
) -> Vec<Outcome> {
    copies.iter().map(|copy| take_in("", copy.document.as_bytes(), held, new_key(), today, copy.added_ms)).collect()
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
