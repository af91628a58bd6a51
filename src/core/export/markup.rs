//! The one escaping writer under every export's markup (the printable page's HTML, the Word
//! file's XML): user text and attribute values go through [`escape_into`], which escapes markup
//! characters and drops the characters HTML and XML forbid (controls other than tab and newline,
//! noncharacters), so nothing typed or imported can break a file.

/// Builds markup, escaping every piece of text it is given.
pub struct MarkupWriter {
    out: String,
}

impl MarkupWriter {
    pub fn new() -> Self {
        MarkupWriter { out: String::with_capacity(16 * 1024) }
    }

    /// An XML document, starting with its declaration.
    pub fn xml() -> Self {
        let mut writer = Self::new();
        writer.markup("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        writer
    }

    pub fn finish(self) -> String {
        self.out
    }

    /// The writer's own markup: never user text.
    pub fn markup(&mut self, markup: &'static str) {
        self.out.push_str(markup);
    }

    /// `<tag a="v" …>`, values escaped.
    pub fn open(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) {
        self.start(tag, attributes);
        self.out.push('>');
    }

    /// `<tag a="v" …/>`, values escaped.
    pub fn empty(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) {
        self.start(tag, attributes);
        self.out.push_str("/>");
    }

    pub fn close(&mut self, tag: &'static str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
    }

    /// Escaped text.
    pub fn text(&mut self, text: &str) {
        escape_into(&mut self.out, text);
    }

    /// `text` as a quoted CSS string, for a stylesheet's `content`: quotes, backslashes, markup
    /// characters and controls are written as CSS escapes, so nothing can close the string or
    /// the `<style>` element.
    pub fn css_string(&mut self, text: &str) {
        self.out.push('"');
        for c in text.chars() {
            match c {
                '"' | '\\' | '<' | '>' | '&' | '\'' => self.out.push_str(&format!("\\{:x} ", u32::from(c))),
                c if c.is_control() || !allowed_in_markup(c) => {}
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    /// `<tag …>text</tag>`
    pub fn element(&mut self, tag: &'static str, attributes: &[(&'static str, &str)], text: &str) {
        self.open(tag, attributes);
        self.text(text);
        self.close(tag);
    }

    fn start(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attributes {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value);
            self.out.push('"');
        }
    }
}

impl Default for MarkupWriter {
    fn default() -> Self {
        Self::new()
    }
}

/// Escapes text for HTML text and quoted attribute values alike. Line ends of any system (`\r\n`,
/// a lone `\r`) become `\n`; characters HTML does not allow in text (controls other than tab and
/// newline, noncharacters) are dropped, so an imported file never prints as "�".
pub fn escape_into(out: &mut String, text: &str) {
    // Runs of text that need nothing are copied whole: most of a report is such runs.
    let mut copied_to = 0;
    for (at, ch) in text.char_indices() {
        let written_as = match ch {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            '\r' if text.as_bytes().get(at + 1) == Some(&b'\n') => "",
            '\r' => "\n",
            c if !allowed_in_markup(c) => "",
            _ => continue,
        };
        out.push_str(&text[copied_to..at]);
        out.push_str(written_as);
        copied_to = at + ch.len_utf8();
    }
    out.push_str(&text[copied_to..]);
}

/// Whether HTML and XML allow `c` in text: no controls but tab and newline, no noncharacters.
fn allowed_in_markup(c: char) -> bool {
    let code = c as u32;
    let noncharacter = (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE;
    !noncharacter && (!c.is_control() || c == '\n' || c == '\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_css_string_cannot_close_itself_or_the_style_element() {
        let mut w = MarkupWriter::new();
        w.css_string("a\"b\\c</style><script>'&\n\u{0}أُعدّ");
        assert_eq!(w.finish(), "\"a\\22 b\\5c c\\3c /style\\3e \\3c script\\3e \\27 \\26 أُعدّ\"");
    }

    #[test]
    fn text_and_attributes_are_escaped_and_forbidden_characters_dropped() {
        let mut w = MarkupWriter::xml();
        w.element("w:t", &[("a", "\"<]]>\u{0}")], "]]><w:t>&\u{1}\u{FFFE}x");
        let xml = w.finish();
        assert!(xml.ends_with("<w:t a=\"&quot;&lt;]]&gt;\">]]&gt;&lt;w:t&gt;&amp;x</w:t>"), "{xml}");
    }
    #[test]
    fn escaping_covers_text_and_attributes() {
        let mut out = String::new();
        escape_into(&mut out, r#"<a href="x" onclick='y'>&"#);
        assert_eq!(out, "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;");
    }

    #[test]
    fn escaping_keeps_the_text_before_between_and_after_escapes_whole() {
        for (text, escaped) in [
            ("", ""),
            ("أُعدّ التقرير", "أُعدّ التقرير"),
            ("<أ&ب>", "&lt;أ&amp;ب&gt;"),
            ("\u{0}ئ\u{1}ێ\r", "ئێ\n"),
            ("ـ\r\n\u{FFFF}", "ـ\n"),
        ] {
            let mut out = String::from("kept ");
            escape_into(&mut out, text);
            assert_eq!(out, format!("kept {escaped}"), "{text:?}");
        }
    }

    #[test]
    fn escaping_makes_every_line_end_a_newline() {
        let mut out = String::new();
        escape_into(&mut out, "a\r\nb\rc\nd\r\r\ne");
        assert_eq!(out, "a\nb\nc\nd\n\ne");
    }

    #[test]
    fn escaping_drops_what_html_forbids_in_text() {
        let mut out = String::new();
        escape_into(
            &mut out,
            "a\u{0}\u{8}\u{b}\u{c}\u{1b}\u{7f}\u{85}\u{9f}b\u{FDD0}\u{FDEF}\u{FFFE}\u{FFFF}\u{1FFFE}\u{10FFFF}c\td",
        );
        assert_eq!(out, "abc\td");
        let mut out = String::new();
        escape_into(&mut out, "\u{FDCF}\u{FFFD}\u{FFFC}\u{202E}");
        assert_eq!(out, "\u{FDCF}\u{FFFD}\u{FFFC}\u{202E}", "only forbidden characters go");
    }
}
