//! The JSON document format: how a report is stored in the browser and how it leaves as a file.
//!
//! ```json
//! { "format": "taqrir-report", "schema_version": 2, "report_id": "mhx1-4fz0", "edited_ms": 1764354605000,
//!   "report": { ... }, "photos": { "id": "data:image/jpeg;base64,..." } }
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
use crate::core::strict_json::{self, Breach, JsonKind, Step};
use serde::Serialize;
use serde_json::value::RawValue;
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
    #[serde(skip_serializing_if = "str::is_empty")]
    report_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    edited_ms: Option<u64>,
    report: &'a Report,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    photos: &'a PhotoData,
    #[serde(flatten)]
    unknown_fields: &'a serde_json::Map<String, serde_json::Value>,
}

impl<'a> DocumentOut<'a> {
    fn of(document: &'a Document) -> Self {
        DocumentOut {
            format: FORMAT,
            schema_version: SCHEMA_VERSION,
            report_id: &document.report_id,
            edited_ms: document.edited_ms,
            report: &document.report,
            photos: &document.photos,
            unknown_fields: &document.unknown_fields,
        }
    }
}

/// A report read from a document, with the envelope fields this version does not know.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// Names the report wherever it goes, so a file can be recognised when it comes back: made
    /// when the report is started, kept through export and import; a duplicate gets its own.
    /// Empty in files of schema 1.
    pub report_id: String,
    /// When the report was last edited (ms since the Unix epoch); of two versions of one report,
    /// the later edit is the newer.
    pub edited_ms: Option<u64>,
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
    /// A field holding a kind of value the format does not allow there; `None` where the kind
    /// is not known.
    WrongType { field: Vec<Step>, found: Option<JsonKind>, expected: Option<JsonKind> },
    /// A field that takes one of a fixed set of codes (an activity type, a language) holds another.
    UnknownCode { field: Vec<Step>, code: String },
    /// The same key twice in one object, anywhere in the file.
    DuplicateField { field: Vec<Step> },
    /// Lists and objects nested deeper than [`strict_json::MAX_DEPTH`].
    TooDeep { line: usize, column: usize },
    /// A `\uD800`–`\uDFFF` escape without its other half: no character can be made of it.
    BrokenCharacter { line: usize, column: usize },
    /// Larger than [`MAX_IMPORT_BYTES`].
    TooLarge { bytes: usize },
    /// A web page that carries no report (printed by an earlier version, or not by Taqrir).
    PageWithoutReport,
}

impl ReadError {
    /// What to tell the person, in `lang`.
    /// What the person is told when this file alone was given: the reason, and that nothing
    /// was changed.
    pub fn message(&self, lang: Language) -> String {
        format!("{} {}", self.reason(lang), i18n::text(lang, Msg::NothingChanged))
    }

    /// Why the file cannot be read, in `lang`: for a file's line among others, which may have
    /// changed something.
    pub fn reason(&self, lang: Language) -> String {
        match self {
            ReadError::NotJson { line, column } => {
                i18n::format(lang, Msg::ImportNotJson, &[("line", &line.to_string()), ("column", &column.to_string())])
            }
            ReadError::NotAReport => i18n::text(lang, Msg::ImportNotAReport).to_owned(),
            ReadError::NewerVersion { found } => {
                i18n::format(lang, Msg::ImportNewerVersion, &[("version", &found.to_string())])
            }
            ReadError::WrongType { field, found: Some(found), expected: Some(expected) } if found != expected => {
                let (found, expected) = (i18n::text(lang, kind_name(*found)), i18n::text(lang, kind_name(*expected)));
                let field = field_words(field, lang);
                i18n::format(lang, Msg::ImportWrongType, &[("found", found), ("expected", expected), ("field", &field)])
            }
            ReadError::WrongType { field, .. } => {
                i18n::format(lang, Msg::ImportUnreadableField, &[("field", &field_words(field, lang))])
            }
            ReadError::UnknownCode { field, code } => i18n::format(
                lang,
                Msg::ImportUnknownCode,
                &[("field", &field_words(field, lang)), ("code", &shortened(code))],
            ),
            ReadError::DuplicateField { field } => {
                i18n::format(lang, Msg::ImportDuplicateField, &[("field", &field_words(field, lang))])
            }
            ReadError::TooDeep { line, column } => {
                i18n::format(lang, Msg::ImportTooDeep, &[("line", &line.to_string()), ("column", &column.to_string())])
            }
            ReadError::BrokenCharacter { line, column } => i18n::format(
                lang,
                Msg::ImportBrokenCharacter,
                &[("line", &line.to_string()), ("column", &column.to_string())],
            ),
            ReadError::TooLarge { bytes } if *bytes > MAX_IMPORT_BYTES_WITH_PHOTOS => {
                i18n::text(lang, Msg::ImportPhotosTooLarge).to_owned()
            }
            ReadError::TooLarge { .. } => i18n::text(lang, Msg::ImportTooLarge).to_owned(),
            ReadError::PageWithoutReport => i18n::text(lang, Msg::ImportPageWithoutReport).to_owned(),
        }
    }
}

fn kind_name(kind: JsonKind) -> Msg {
    match kind {
        JsonKind::Text => Msg::KindText,
        JsonKind::Number => Msg::KindNumber,
        JsonKind::WholeNumber => Msg::KindWholeNumber,
        JsonKind::List => Msg::KindList,
        JsonKind::Group => Msg::KindGroup,
        JsonKind::TrueFalse => Msg::KindTrueFalse,
        JsonKind::Nothing => Msg::KindNothing,
        JsonKind::Choice => Msg::KindChoice,
    }
}

/// A field's path as the file names it, in words: "agenda item 2, start".
fn field_words(path: &[Step], lang: Language) -> String {
    path.iter().fold(String::new(), |outer, step| match step {
        Step::Item(index) => {
            i18n::format(lang, Msg::ImportFieldItem, &[("n", &(index + 1).to_string()), ("list", &outer)])
        }
        Step::Field(name) if outer.is_empty() => shortened(name),
        Step::Field(name) => {
            i18n::format(lang, Msg::ImportFieldPart, &[("inner", &shortened(name)), ("outer", &outer)])
        }
    })
}

/// Text from the file quoted in a message, cut short if it is long.
fn shortened(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    match text.char_indices().nth(MAX_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// Where byte `at` of `text` is, as 1-based line and column (in characters).
fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
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
        Document { report, ..Document::default() }
    }

    /// The same report as a new one (a duplicate, a copy): it gets an id and time of its own
    /// when it becomes a draft.
    pub fn as_new_report(self) -> Self {
        Document { report_id: String::new(), edited_ms: None, ..self }
    }
}

/// Writes a report as a document (compact; stored drafts and exports use the same text).
pub fn write_document(document: &Document) -> String {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string(&DocumentOut::of(document)).unwrap_or_default()
}

/// Writes a report as an indented document, for files people may open.
pub fn write_document_pretty(document: &Document) -> String {
    serde_json::to_string_pretty(&DocumentOut::of(document)).unwrap_or_default()
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
    strict_json::check_structure(text).map_err(|breach| match breach {
        Breach::TooDeep { at } => {
            let (line, column) = line_and_column(text, at);
            ReadError::TooDeep { line, column }
        }
        Breach::LoneSurrogate { at } => {
            let (line, column) = line_and_column(text, at);
            ReadError::BrokenCharacter { line, column }
        }
        // Fields of the report are named from the report, as the other messages name them.
        Breach::DuplicateKey { mut path } => {
            if path.len() > 1 && path[0] == Step::Field("report".into()) {
                path.remove(0);
            }
            ReadError::DuplicateField { field: path }
        }
    })?;
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
    let raw = fields.get("report").ok_or(ReadError::NotAReport)?;
    if !raw.get().trim_start().starts_with('{') {
        return Err(ReadError::NotAReport);
    }
    let mut report: Report = strict_json::from_str(raw.get()).map_err(|failure| wrong_type(raw.get(), failure))?;
    migrate(&mut report, version);
    let report_id = match field("report_id") {
        None => String::new(),
        Some(raw) => serde_json::from_str(raw).map_err(|_| envelope_wrong_type("report_id", raw, JsonKind::Text))?,
    };
    let edited_ms = match field("edited_ms") {
        None => None,
        Some(raw) => {
            serde_json::from_str(raw).map_err(|_| envelope_wrong_type("edited_ms", raw, JsonKind::WholeNumber))?
        }
    };
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
        if !matches!(name.as_str(), "format" | "schema_version" | "report_id" | "edited_ms" | "report" | "photos") {
            // Kept exactly, or the file is refused: never replaced by something else.
            let value = serde_json::from_str(raw.get()).map_err(|_| ReadError::WrongType {
                field: vec![Step::Field(name.clone())],
                found: None,
                expected: None,
            })?;
            unknown_fields.insert(name.clone(), value);
        }
    }
    Ok((Document { report_id, edited_ms, report, photos, unknown_fields }, version))
}

/// The refusal for an envelope field holding a kind of value it cannot hold.
fn envelope_wrong_type(name: &str, raw: &str, expected: JsonKind) -> ReadError {
    let found = serde_json::from_str::<serde_json::Value>(raw).ok();
    ReadError::WrongType {
        field: vec![Step::Field(name.to_owned())],
        found: found.as_ref().map(JsonKind::of),
        expected: Some(expected),
    }
}

/// The refusal for a report that failed to deserialize, naming the field and, read again from
/// the text, the kind of value it holds.
fn wrong_type(report: &str, failure: strict_json::Failure) -> ReadError {
    let found = serde_json::from_str::<serde_json::Value>(report).ok().and_then(|mut value| {
        for step in &failure.path {
            value = match step {
                Step::Field(name) => value.get_mut(name.as_str())?.take(),
                Step::Item(index) => value.get_mut(*index)?.take(),
            };
        }
        Some(value)
    });
    match (found, failure.expected) {
        (Some(serde_json::Value::String(code)), Some(JsonKind::Choice)) => {
            ReadError::UnknownCode { field: failure.path, code }
        }
        (found, expected) => {
            ReadError::WrongType { field: failure.path, found: found.as_ref().map(JsonKind::of), expected }
        }
    }
}

/// Brings a report written with `version` up to [`SCHEMA_VERSION`], one step at a time.
///
/// Steps so far change values, not the shape of the report, so they work on the report as read;
/// a step that changes a field's kind would work on the text before it is read.
fn migrate(report: &mut Report, version: u32) {
    // 1 → 2: a count typed in other digits or with leading zeros ("٢٠", "09") was kept as a
    // string; it is the number now. What is not a whole number stays as it was typed. (The report
    // id and the time of the last edit, new in 2, are absent: a draft gets them from its library.)
    if version < 2 {
        for count in report.counts_mut() {
            *count = count.normalised();
        }
    }
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
