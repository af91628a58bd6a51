//! The one escaping writer: every piece of user text reaches an HTML page through [`HtmlWriter`],
//! which escapes it for its context and drops what HTML does not allow. Links are made only for
//! http, https and mailto addresses.

use crate::core::photos::is_image_data_url;

/// Builds HTML, escaping every piece of text it is given.
pub struct HtmlWriter {
    out: String,
}

impl HtmlWriter {
    pub fn new() -> Self {
        HtmlWriter { out: String::with_capacity(16 * 1024) }
    }

    pub fn finish(self) -> String {
        self.out
    }

    /// The export's own markup: never user text.
    pub(super) fn markup(&mut self, markup: &'static str) {
        self.out.push_str(markup);
    }

    /// `<tag a="v" …>`; attribute values are escaped.
    pub fn open(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attributes {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value);
            self.out.push('"');
        }
        self.out.push('>');
    }

    pub fn close(&mut self, tag: &'static str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
    }

    pub fn text(&mut self, text: &str) {
        escape_into(&mut self.out, text);
    }

    /// `<tag …>text</tag>`
    pub fn element(&mut self, tag: &'static str, attributes: &[(&'static str, &str)], text: &str) {
        self.open(tag, attributes);
        self.text(text);
        self.close(tag);
    }

    /// `<img src alt>` for a photo. Only an image `data:` URL (JPEG, PNG or WebP, base64) is
    /// accepted as `src`; for anything else nothing is written and `false` returned.
    pub fn image(&mut self, src: &str, alt: &str) -> bool {
        if !is_image_data_url(src) {
            return false;
        }
        self.open("img", &[("src", src), ("alt", alt)]);
        true
    }

    /// Text that may hold web and mail addresses: those with a safe scheme become links. A link
    /// shows exactly where it goes: bidi controls are taken out of it, and it is set left to right
    /// in isolation (`dir` isolates), so neither its own text nor an override before it reorders it.
    pub fn text_with_links(&mut self, text: &str) {
        let mut rest = text;
        while !rest.is_empty() {
            let split = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let (word, after) = rest.split_at(split);
            let trimmed = word.trim_end_matches(['.', ',', ';', ')', '،']);
            let address: String = trimmed.chars().filter(|&c| !is_bidi_control(c)).collect();
            match safe_href(&address) {
                Some(href) => {
                    self.element("a", &[("href", href), ("dir", "ltr")], href);
                    self.text(&word[trimmed.len()..]);
                }
                None => self.text(word),
            }
            let spaces = after.len() - after.trim_start().len();
            self.text(&after[..spaces]);
            rest = &after[spaces..];
        }
    }

    /// Multi-line text in one block: every line break kept as `<br>`, addresses as links.
    pub fn lines(&mut self, text: &str) {
        let text = unify_line_ends(text);
        for (i, line) in text.trim().split('\n').enumerate() {
            if i > 0 {
                self.markup("<br>");
            }
            self.text_with_links(line);
        }
    }

    /// Multi-line text: a paragraph per blank-line-separated block, line breaks kept.
    pub fn paragraphs(&mut self, text: &str) {
        let text = unify_line_ends(text);
        for block in text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
            self.open("p", &[("dir", "auto")]);
            self.lines(block);
            self.close("p");
        }
    }
}

impl Default for HtmlWriter {
    fn default() -> Self {
        Self::new()
    }
}

/// Escapes text for HTML text and quoted attribute values alike. Line ends of any system (`\r\n`,
/// a lone `\r`) become `\n`; characters HTML does not allow in text (controls other than tab and
/// newline, noncharacters) are dropped, so an imported file never prints as "�".
pub fn escape_into(out: &mut String, text: &str) {
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' => out.push('\n'),
            c if !allowed_in_html(c) => {}
            c => out.push(c),
        }
    }
}

/// Whether HTML allows `c` in text: no controls but tab and newline, no noncharacters.
fn allowed_in_html(c: char) -> bool {
    let code = c as u32;
    let noncharacter = (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE;
    !noncharacter && (!c.is_control() || c == '\n' || c == '\t')
}

/// `text` with `\r\n` and lone `\r` as `\n`, so line breaks from any system are seen as such.
fn unify_line_ends(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    }
}

/// The bidi embeddings, overrides, isolates and marks: in a link's text they could make it show
/// another address than the one it goes to.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// `text` as a link target, when it is a plain http, https or mailto address.
pub fn safe_href(text: &str) -> Option<&str> {
    let lower = text.to_ascii_lowercase();
    let scheme_ok = ["https://", "http://", "mailto:"].iter().any(|s| lower.starts_with(s) && lower.len() > s.len());
    let clean = !text.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`'));
    (scheme_ok && clean).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_text_and_attributes() {
        let mut out = String::new();
        escape_into(&mut out, r#"<a href="x" onclick='y'>&"#);
        assert_eq!(out, "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;");
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

    #[test]
    fn a_multi_line_text_keeps_its_line_breaks_in_one_block() {
        let mut w = HtmlWriter::new();
        w.lines(" Opening\r\nWelcome & tea\rLunch \n");
        assert_eq!(w.finish(), "Opening<br>Welcome &amp; tea<br>Lunch");
        let mut w = HtmlWriter::new();
        w.paragraphs("One\r\ntwo\r\n\r\nThree\r\rFour");
        assert_eq!(w.finish(), "<p dir=\"auto\">One<br>two</p><p dir=\"auto\">Three</p><p dir=\"auto\">Four</p>");
    }

    #[test]
    fn a_link_shows_its_address_without_bidi_controls_and_isolated() {
        let mut w = HtmlWriter::new();
        w.text_with_links("\u{202E} https://example.org/\u{202E}fdp.exe.");
        assert_eq!(
            w.finish(),
            "\u{202E} <a href=\"https://example.org/fdp.exe\" dir=\"ltr\">https://example.org/fdp.exe</a>."
        );
    }

    #[test]
    fn only_http_https_and_mailto_become_links() {
        assert_eq!(safe_href("https://example.org/a"), Some("https://example.org/a"));
        assert_eq!(safe_href("mailto:info@nbh.org"), Some("mailto:info@nbh.org"));
        for bad in
            ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "https://", "//evil", "https://a\"onmouseover=x"]
        {
            assert_eq!(safe_href(bad), None, "{bad}");
        }
    }
}
