//! What the export worker (src/bin/exporter.rs) makes, as plain functions of the message it
//! receives, so the work is tested natively and the worker only carries messages.

use crate::core::document::{read_document, write_document_pretty, ReadError};
use crate::core::export::docx::report_docx;
use crate::core::export::letterhead::Letterhead;
use crate::core::export::summary::summary_html;
use crate::core::export::{printable_html, report_file_html};
use crate::core::report::Language;
use crate::core::summary::csv::summary_csv;
use crate::core::summary::{totals, Entry};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The kind of message that asks for a Word document.
pub const DOCX: &str = "docx";

/// The printable page, as Print and Preview show it.
pub const PRINTABLE: &str = "printable";

/// The printable page as the file that leaves the browser ("Export HTML", Share): it carries the
/// report's document, so the page alone can be imported again.
pub const REPORT_FILE: &str = "report-file";

/// The document as "Export JSON" writes it: indented, to be read by people too.
pub const JSON: &str = "json";

/// The printable summary ("Export summary HTML", "Print summary"), of a [`SummaryRequest`].
pub const SUMMARY_HTML: &str = "summary-html";

/// The summary as CSV ("Download CSV"), of a [`SummaryRequest`].
pub const SUMMARY_CSV: &str = "summary-csv";

/// What the summary's files are made of, as the app sends it (JSON): the reports ticked in, in
/// the order of the table, the interface language and the day (YYYY-MM-DD).
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct SummaryRequest {
    pub lang: Language,
    pub today: String,
    pub reports: Vec<Entry>,
}

/// A Word document's media type, for the download and for sharing.
pub const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Why a job gave no file.
#[derive(Debug, PartialEq)]
pub enum JobError {
    /// The message asked for a kind of file the worker does not make.
    UnknownKind(String),
    /// The report document could not be read.
    Unreadable(ReadError),
    /// The summary's request could not be read.
    NotASummary(String),
}

impl fmt::Display for JobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JobError::UnknownKind(kind) => write!(f, "the export worker makes no {kind:?}"),
            JobError::Unreadable(error) => write!(f, "the export worker could not read the report: {error:?}"),
            JobError::NotASummary(error) => write!(f, "the export worker could not read the summary: {error}"),
        }
    }
}

/// The file of `kind` made from `text`, a report as a JSON document (docs/json-format.md) with
/// its photos embedded. A report file carries `carry` when given (a newer version's draft, kept
/// exactly as stored), else `text` itself. Pages and Word files are on the organisation's
/// `letterhead` (blank for none). The summary's files are made of a [`SummaryRequest`] instead.
pub fn run(kind: &str, text: &str, carry: Option<&str>, letterhead: &Letterhead) -> Result<Vec<u8>, JobError> {
    if [SUMMARY_HTML, SUMMARY_CSV].contains(&kind) {
        let request: SummaryRequest =
            serde_json::from_str(text).map_err(|error| JobError::NotASummary(error.to_string()))?;
        let reports: Vec<&Entry> = request.reports.iter().collect();
        return Ok(match kind {
            SUMMARY_CSV => summary_csv(&reports),
            _ => summary_html(&reports, &totals(&reports, &[]), request.lang, &request.today),
        }
        .into_bytes());
    }
    if ![DOCX, PRINTABLE, REPORT_FILE, JSON].contains(&kind) {
        return Err(JobError::UnknownKind(kind.to_owned()));
    }
    let document = read_document(text).map_err(JobError::Unreadable)?;
    let (report, photos) = (&document.report, &document.photos);
    Ok(match kind {
        DOCX => report_docx(report, photos, letterhead),
        PRINTABLE => printable_html(report, photos, letterhead).into_bytes(),
        REPORT_FILE => report_file_html(report, photos, carry.unwrap_or(text), letterhead).into_bytes(),
        _ => write_document_pretty(&document).into_bytes(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::{write_document, Document};
    use crate::core::test_support::titled;

    use crate::core::report_file::read_report_file;

    fn text_of(kind: &str, document: &str, carry: Option<&str>) -> String {
        String::from_utf8(run(kind, document, carry, &Letterhead::default()).expect("a file")).expect("UTF-8 text")
    }

    #[test]
    fn a_docx_job_makes_a_word_file_of_the_document() {
        let bytes =
            run(DOCX, &write_document(&titled("Fourth session")), None, &Letterhead::default()).expect("a file");
        assert!(bytes.starts_with(b"PK\x03\x04"));
        assert_eq!(
            run(DOCX, &write_document(&titled("Fourth session")), None, &Letterhead::default()).expect("a file"),
            bytes,
            "the same report gives the same bytes"
        );
    }

    #[test]
    fn the_page_jobs_write_what_the_exporters_write() {
        let document = titled("Fourth session");
        let text = write_document(&document);
        let none = Letterhead::default();
        assert_eq!(text_of(PRINTABLE, &text, None), printable_html(&document.report, &document.photos, &none));
        assert_eq!(
            text_of(REPORT_FILE, &text, None),
            report_file_html(&document.report, &document.photos, &text, &Default::default())
        );
        assert_eq!(text_of(JSON, &text, None), write_document_pretty(&document));
    }

    #[test]
    fn a_report_file_carries_the_text_it_is_given_to_carry() {
        let text = write_document(&titled("Fourth session"));
        let stored = text.replace("Fourth session", "Fourth session, as a newer version stored it");
        let carried = |carry| read_report_file(text_of(REPORT_FILE, &text, carry).as_bytes()).expect("a report");
        assert_eq!(carried(Some(&stored)).report.title, "Fourth session, as a newer version stored it");
        assert_eq!(carried(None).report.title, "Fourth session");
    }

    #[test]
    fn a_job_of_another_kind_or_an_unreadable_document_gives_an_error() {
        let document = write_document(&Document::default());
        let none = Letterhead::default();
        assert_eq!(run("pdf", &document, None, &none), Err(JobError::UnknownKind("pdf".into())));
        assert!(matches!(run(DOCX, "{", None, &none), Err(JobError::Unreadable(ReadError::NotJson { .. }))));
        assert!(matches!(run(PRINTABLE, "{", None, &none), Err(JobError::Unreadable(ReadError::NotJson { .. }))));
    }

    #[test]
    fn the_summary_jobs_write_the_csv_and_the_page_of_the_reports_they_are_sent() {
        use crate::core::summary::{Figures, Source};
        let figures = |title: &str| Figures { title: title.into(), ..Default::default() };
        let reports = vec![
            Entry { source: Source::Draft, id: "a".into(), figures: figures("Basra dialogue") },
            Entry { source: Source::Received, id: "r1".into(), figures: figures("Erbil \"workshop\"") },
        ];
        let request = SummaryRequest { lang: Language::Arabic, today: "2026-11-29".into(), reports: reports.clone() };
        let text = serde_json::to_string(&request).unwrap();
        let chosen: Vec<&Entry> = reports.iter().collect();
        let none = Letterhead::default();
        assert_eq!(text_of(SUMMARY_CSV, &text, None), summary_csv(&chosen));
        assert_eq!(
            text_of(SUMMARY_HTML, &text, None),
            summary_html(&chosen, &totals(&chosen, &[]), Language::Arabic, "2026-11-29")
        );
        assert!(matches!(run(SUMMARY_CSV, "[]", None, &none), Err(JobError::NotASummary(_))));
    }

    #[test]
    fn pages_and_word_files_are_on_the_letterhead_they_are_sent() {
        let text = write_document(&titled("Fourth session"));
        let letterhead = Letterhead { organisation: "Al-Amal Association".into(), ..Letterhead::default() };
        for kind in [PRINTABLE, REPORT_FILE] {
            let page = String::from_utf8(run(kind, &text, None, &letterhead).expect("a page")).expect("text");
            assert!(page.contains("Al-Amal Association"), "{kind}");
        }
        let word = run(DOCX, &text, None, &letterhead).expect("a file");
        assert_ne!(word, run(DOCX, &text, None, &Letterhead::default()).expect("a file"));
    }
}
