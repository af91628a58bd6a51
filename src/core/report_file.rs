//! One file per report: the exported printable page also carries the report's document (the
//! same text Export JSON writes, photos included), so the page alone can be imported again.
//!
//! The document sits in a `<template>` element as escaped text: a template's content is never
//! shown, printed or run, so the page stays a page with no script and nothing for its
//! Content-Security-Policy to allow. Reading it back takes the element's text from the file as it
//! is (no HTML parser) and reads it as any imported JSON file.

use crate::core::document::{import_document, Document, ReadError, MAX_IMPORT_BYTES_WITH_PHOTOS};

/// The `id` of the element that carries the document.
pub const DATA_ELEMENT_ID: &str = "taqrir-report";

/// The largest report file "Import report" reads: a printable page holds its photos twice (shown,
/// and in the document it carries).
pub const MAX_REPORT_FILE_BYTES: usize = 2 * MAX_IMPORT_BYTES_WITH_PHOTOS + 1024 * 1024;

/// `json` with each character that HTML text may not hold (controls, noncharacters) written as
/// a JSON escape, so the escaping writer, which drops such characters, keeps every one. JSON
/// allows them only inside strings, where an escape means the same character.
pub fn json_for_html(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for ch in json.chars() {
        let code = ch as u32;
        let noncharacter = (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE;
        if noncharacter || (ch.is_control() && ch != '\n' && ch != '\t') {
            let mut units = [0u16; 2];
            for unit in ch.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(ch);
        }
    }
    out
}

/// Reads a report file: an exported JSON document, or an exported printable page that carries
/// one. A page without a document (from an earlier version, or not Taqrir's) is refused so.
pub fn read_report_file(bytes: &[u8]) -> Result<Document, ReadError> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(bytes);
    let first = text.iter().find(|b| !b.is_ascii_whitespace());
    if first != Some(&b'<') {
        return import_document(bytes);
    }
    if bytes.len() > MAX_REPORT_FILE_BYTES {
        return Err(ReadError::TooLarge { bytes: bytes.len() });
    }
    let page = std::str::from_utf8(text).map_err(|_| ReadError::NotAReport)?;
    let start = format!("<template id=\"{DATA_ELEMENT_ID}\">");
    let data = page
        .find(&start)
        .map(|at| &page[at + start.len()..])
        .and_then(|rest| rest.find("</template>").map(|end| &rest[..end]))
        .ok_or(ReadError::PageWithoutReport)?;
    import_document(unescape(data).as_bytes())
}

/// The text of escaped HTML: character references back to characters. Only references are
/// decoded; the writer escapes `&`, so a bare `&` or an unknown name is kept as it is.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let reference = rest.find(';').map(|end| (&rest[1..end], end + 1));
        let decoded = reference.and_then(|(name, length)| Some((character(name)?, length)));
        match decoded {
            Some((ch, length)) => {
                out.push(ch);
                rest = &rest[length..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference names: the five the writer uses, or a number.
fn character(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_decoded_and_anything_else_kept() {
        assert_eq!(unescape("&lt;a&gt; &amp;amp; &quot;x&quot; &#39;y&#x27; &#1576;"), "<a> &amp; \"x\" 'y' ب");
        assert_eq!(unescape("a & b &unknown; &#xZZ; &"), "a & b &unknown; &#xZZ; &");
    }

    #[test]
    fn characters_html_cannot_hold_become_json_escapes() {
        let json = serde_json::to_string("a\u{7f}\u{85}\u{fdd0}\u{1fffe}b").unwrap_or_default();
        let safe = json_for_html(&json);
        assert_eq!(safe, r#""a\u007f\u0085\ufdd0\ud83f\udffeb""#);
        assert_eq!(serde_json::from_str::<String>(&safe).ok().as_deref(), Some("a\u{7f}\u{85}\u{fdd0}\u{1fffe}b"));
    }
}
