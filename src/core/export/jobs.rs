//! What the export worker (src/bin/exporter.rs) makes, as plain functions of the message it
//! receives, so the work is tested natively and the worker only carries messages.

use crate::core::document::{read_document, ReadError};
use crate::core::export::docx::report_docx;
use std::fmt;

/// The kind of message that asks for a Word document.
pub const DOCX: &str = "docx";

/// A Word document's media type, for the download and for sharing.
pub const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Why a job gave no file.
#[derive(Debug, PartialEq)]
pub enum JobError {
    /// The message asked for a kind of file the worker does not make.
    UnknownKind(String),
    /// The report document could not be read.
    Unreadable(ReadError),
}

impl fmt::Display for JobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JobError::UnknownKind(kind) => write!(f, "the export worker makes no {kind:?}"),
            JobError::Unreadable(error) => write!(f, "the export worker could not read the report: {error:?}"),
        }
    }
}

/// The file of `kind` made from `document`, a report as a JSON document (docs/json-format.md)
/// with its photos embedded.
pub fn run(kind: &str, document: &str) -> Result<Vec<u8>, JobError> {
    match kind {
        DOCX => {
            let document = read_document(document).map_err(JobError::Unreadable)?;
            Ok(report_docx(&document.report, &document.photos))
        }
        other => Err(JobError::UnknownKind(other.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::{write_document, Document};
    use crate::core::test_support::titled;

    #[test]
    fn a_docx_job_makes_a_word_file_of_the_document() {
        let bytes = run(DOCX, &write_document(&titled("Fourth session"))).expect("a file");
        assert!(bytes.starts_with(b"PK\x03\x04"));
        assert_eq!(
            run(DOCX, &write_document(&titled("Fourth session"))).expect("a file"),
            bytes,
            "the same report gives the same bytes"
        );
    }

    #[test]
    fn a_job_of_another_kind_or_an_unreadable_document_gives_an_error() {
        let document = write_document(&Document::default());
        assert_eq!(run("pdf", &document), Err(JobError::UnknownKind("pdf".into())));
        assert!(matches!(run(DOCX, "{"), Err(JobError::Unreadable(ReadError::NotJson { .. }))));
    }
}
