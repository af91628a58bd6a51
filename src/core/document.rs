//! The JSON document format: how a report is stored in the browser and how it leaves as a file.
//!
//! ```json
//! { "format": "taqrir-report", "schema_version": 1, "report": { ... }, "photos": { "id": "data:image/jpeg;base64,..." } }
//! ```
//!
//! `photos` is written only when a file leaves the browser with its photos embedded; stored drafts
//! keep their photos in IndexedDB and have none.
//!
//! Reading goes through [`read_document`], which migrates every earlier schema version forward and
//! refuses a newer one, so stored drafts and imported files follow one path.

use crate::core::i18n::{self, Msg};
use crate::core::photos::{valid_photos, PhotoData};
use crate::core::report::{Language, Report, SCHEMA_VERSION};
use serde::Serialize;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The value of the `format` field that marks a file as a Taqrir report.
pub const FORMAT: &str = "taqrir-report";

/// The largest report "Import JSON" accepts, not counting its embedded photos.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// The largest file "Import JSON" accepts, embedded photos included.
pub const MAX_IMPORT_BYTES_WITH_PHOTOS: usize = 64 * 1024 * 1024;

#[derive(Serialize)]
struct DocumentOut<'a> {
    format: &'static str,
    schema_version: u32,
    report: &'a Report,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    photos: &'a PhotoData,
    #[serde(flatten)]
    unknown_fields: &'a serde_json::Map<String, serde_json::Value>,
}

/// A report read from a document, with the envelope fields this version does not know.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    pub report: Report,
    /// Embedded photos (id → image `data:` URL), in exported files only; only valid image URLs
    /// are read.
    pub photos: PhotoData,
    pub unknown_fields: serde_json::Map<String, serde_json::Value>,
}

/// Why a text could not be read as a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Not JSON at all; 1-based line and column of the first error.
    NotJson { line: usize, column: usize },
    /// JSON, but not a Taqrir report.
    NotAReport,
    /// Written by a newer version of the app than this one.
    NewerVersion { found: u32 },
    /// A report whose content does not fit the schema (a field of the wrong type).
    Malformed { detail: String },
    /// Larger than [`MAX_IMPORT_BYTES`].
    TooLarge { bytes: usize },
}

impl ReadError {
    /// What to tell the person, in `lang`.
    pub fn message(&self, lang: Language) -> String {
        match self {
            ReadError::NotJson { line, column } => {
                i18n::format(lang, Msg::ImportNotJson, &[("line", &line.to_string()), ("column", &column.to_string())])
            }
            ReadError::NotAReport => i18n::text(lang, Msg::ImportNotAReport).to_owned(),
            ReadError::NewerVersion { found } => {
                i18n::format(lang, Msg::ImportNewerVersion, &[("version", &found.to_string())])
            }
            ReadError::Malformed { detail } => i18n::format(lang, Msg::ImportMalformed, &[("detail", detail)]),
            ReadError::TooLarge { bytes } if *bytes > MAX_IMPORT_BYTES_WITH_PHOTOS => {
                i18n::text(lang, Msg::ImportPhotosTooLarge).to_owned()
            }
            ReadError::TooLarge { .. } => i18n::text(lang, Msg::ImportTooLarge).to_owned(),
        }
    }
}

/// Reads an imported file: size first, then text, then the document.
///
/// A report may be at most [`MAX_IMPORT_BYTES`]; only its embedded photos may take a file past
/// that, up to [`MAX_IMPORT_BYTES_WITH_PHOTOS`].
pub fn import_document(bytes: &[u8]) -> Result<Document, ReadError> {
    let too_large = ReadError::TooLarge { bytes: bytes.len() };
    if bytes.len() > MAX_IMPORT_BYTES_WITH_PHOTOS {
        return Err(too_large);
    }
    // A byte-order mark is common in files saved by Windows editors.
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(bytes);
    let read = std::str::from_utf8(text).map_err(|_| ReadError::NotAReport).and_then(read_document);
    if bytes.len() <= MAX_IMPORT_BYTES {
        return read;
    }
    let document = read.map_err(|_| too_large.clone())?;
    let photo_bytes: usize = document.photos.iter().map(|(id, url)| id.len() + url.len()).sum();
    if bytes.len().saturating_sub(photo_bytes) > MAX_IMPORT_BYTES {
        return Err(too_large);
    }
    Ok(document)
}

impl Document {
    pub fn new(report: Report) -> Self {
        Document { report, photos: PhotoData::new(), unknown_fields: Default::default() }
    }
}

/// Writes a report as a document (compact; stored drafts and exports use the same text).
pub fn write_document(document: &Document) -> String {
    let out = DocumentOut {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        report: &document.report,
        photos: &document.photos,
        unknown_fields: &document.unknown_fields,
    };
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string(&out).unwrap_or_default()
}

/// Writes a report as an indented document, for files people may open.
pub fn write_document_pretty(document: &Document) -> String {
    let out = DocumentOut {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        report: &document.report,
        photos: &document.photos,
        unknown_fields: &document.unknown_fields,
    };
    serde_json::to_string_pretty(&out).unwrap_or_default()
}

/// Reads a document written by this or any earlier version of the app.
pub fn read_document(text: &str) -> Result<Document, ReadError> {
    read(text, false).map(|(document, _)| document)
}

/// Reads, as far as this version understands it, a document written by a newer version of the
/// app, with the schema version it was written with. Such a document can be shown but must not
/// be written back: what this version does not know would be lost or misread.
pub fn read_newer_document(text: &str) -> Option<(Document, u32)> {
    read(text, true).ok().filter(|(_, version)| *version > SCHEMA_VERSION)
}

fn read(text: &str, allow_newer: bool) -> Result<(Document, u32), ReadError> {
    // The envelope's fields are split off as raw JSON first, so the report is deserialized once,
    // straight from the text (going through `serde_json::Value` costs time and wasm size).
    let fields: BTreeMap<String, &RawValue> = serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            ReadError::NotAReport
        } else {
            ReadError::NotJson { line: e.line(), column: e.column() }
        }
    })?;
    let field = |name: &str| fields.get(name).map(|raw| raw.get());
    let format: Option<String> = field("format").and_then(|raw| serde_json::from_str(raw).ok());
    if format.as_deref() != Some(FORMAT) {
        return Err(ReadError::NotAReport);
    }
    let version = field("schema_version")
        .and_then(|raw| serde_json::from_str::<u64>(raw).ok())
        .and_then(|v| u32::try_from(v).ok())
        .filter(|v| *v >= 1)
        .ok_or(ReadError::NotAReport)?;
    if version > SCHEMA_VERSION && !allow_newer {
        return Err(ReadError::NewerVersion { found: version });
    }
    let raw = field("report").ok_or(ReadError::NotAReport)?;
    if !raw.trim_start().starts_with('{') {
        return Err(ReadError::NotAReport);
    }
    let migrated = migrate(raw, version);
    let report: Report = serde_json::from_str(&migrated).map_err(|e| ReadError::Malformed { detail: e.to_string() })?;
    // Photos that are not image data URLs are dropped, as is a `photos` that is not an object:
    // a report's text never fails to open because of its photos.
    let photos = field("photos")
        .and_then(|raw| serde_json::from_str::<BTreeMap<String, serde_json::Value>>(raw).ok())
        .map(|entries| {
            valid_photos(
                entries
                    .into_iter()
                    .filter_map(|(id, url)| match url {
                        serde_json::Value::String(url) => Some((id, url)),
                        _ => None,
                    })
                    .collect(),
            )
        })
        .unwrap_or_default();
    let mut unknown_fields = serde_json::Map::new();
    for (name, raw) in &fields {
        if !matches!(name.as_str(), "format" | "schema_version" | "report" | "photos") {
            let value = serde_json::from_str(raw.get()).unwrap_or(serde_json::Value::Null);
            unknown_fields.insert(name.clone(), value);
        }
    }
    Ok((Document { report, photos, unknown_fields }, version))
}

/// Brings a report written with `version` up to [`SCHEMA_VERSION`], one step at a time.
fn migrate(report: &str, version: u32) -> Cow<'_, str> {
    // Version 1 is the first schema; a later version adds a step here, e.g.
    // `if version < 2 { text = Cow::Owned(v1_to_v2(&text)) }`.
    let _ = version;
    Cow::Borrowed(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_document_reads_back() {
        let mut report = Report::blank();
        report.title = "Fourth Dialogue Session".into();
        let text = write_document(&Document::new(report.clone()));
        assert_eq!(read_document(&text).map(|d| d.report), Ok(report));
    }

    #[test]
    fn not_json_says_where() {
        assert_eq!(read_document("{\n  \"format\": ,\n}"), Err(ReadError::NotJson { line: 2, column: 13 }));
    }

    #[test]
    fn other_json_is_not_a_report() {
        assert_eq!(read_document("[1,2]"), Err(ReadError::NotAReport));
        assert_eq!(read_document(r#"{"format":"other","schema_version":1,"report":{}}"#), Err(ReadError::NotAReport));
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let text = format!(r#"{{"format":"{FORMAT}","schema_version":{},"report":{{}}}}"#, SCHEMA_VERSION + 1);
        assert_eq!(read_document(&text), Err(ReadError::NewerVersion { found: SCHEMA_VERSION + 1 }));
    }

    #[test]
    fn a_newer_document_can_still_be_shown() {
        let newer = SCHEMA_VERSION + 1;
        let text = format!(
            r#"{{"format":"{FORMAT}","schema_version":{newer},"report":{{"title":"From the future","new_field":[1]}}}}"#
        );
        let (document, found) = read_newer_document(&text).expect("readable");
        assert_eq!(found, newer);
        assert_eq!(document.report.title, "From the future");
        assert!(read_newer_document(&write_document(&document)).is_none(), "a current document is not newer");
    }
}
