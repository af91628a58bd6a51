//! The printable page's writer: every piece of user text reaches an HTML page through
//! [`HtmlWriter`], which escapes it with the one escaping writer ([`MarkupWriter`]). Links are
//! made only for http, https and mailto addresses; how text is cut into lines, paragraphs and
//! links is decided here for every export.

use crate::core::export::markup::MarkupWriter;
use crate::core::photos::is_image_data_url;

/// Builds HTML, escaping every piece of text it is given ([`MarkupWriter`]'s tags and text, and
/// the page's images, links, lines and paragraphs).
pub struct HtmlWriter {
    w: MarkupWriter,
}

impl std::ops::Deref for HtmlWriter {
    type Target = MarkupWriter;
    fn deref(&self) -> &MarkupWriter {
        &self.w
    }
}

impl std::ops::DerefMut for HtmlWriter {
    fn deref_mut(&mut self) -> &mut MarkupWriter {
        &mut self.w
    }
}

impl HtmlWriter {
    pub fn new() -> Self {
        HtmlWriter { w: MarkupWriter::new() }
    }

    pub fn finish(self) -> String {
        self.w.finish()
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
        for piece in pieces(text) {
            match piece {
                Piece::Text(text) => self.text(text),
                Piece::Link(href) => self.element("a", &[("href", &href), ("dir", "ltr")], &href),
            }
        }
    }

    /// Multi-line text in one block: every line break kept as `<br>`, addresses as links.
    pub fn lines(&mut self, text: &str) {
        for (i, line) in lines(text).iter().enumerate() {
            if i > 0 {
                self.markup("<br>");
            }
            self.text_with_links(line);
        }
    }

    /// Multi-line text: a paragraph per blank-line-separated block, line breaks kept.
    pub fn paragraphs(&mut self, text: &str) {
        for block in blocks(text) {
            self.open("p", &[("dir", "auto")]);
            self.lines(&block);
            self.close("p");
        }
    }
}

/// A piece of a line of user text, as every export writes it.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'t> {
    Text(&'t str),
    /// A web or mail address with a safe scheme, without bidi controls: a link to itself.
    Link(String),
}

/// `text` cut into plain text and the addresses in it that become links (see [`safe_href`]);
/// punctuation after an address stays text. The text between two links is one piece.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    // Where the text not yet given out starts.
    let mut plain = 0;
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let word = &rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())];
        let trimmed = word.trim_end_matches(['.', ',', ';', ')', '،']);
        let address: String = trimmed.chars().filter(|&c| !is_bidi_control(c)).collect();
        if safe_href(&address).is_some() {
            if plain < at {
                out.push(Piece::Text(&text[plain..at]));
            }
            out.push(Piece::Link(address));
            plain = at + trimmed.len();
        }
        let after = &rest[word.len()..];
        at += word.len() + (after.len() - after.trim_start().len());
    }
    if plain < text.len() {
        out.push(Piece::Text(&text[plain..]));
    }
    out
}

/// The lines of a block of text, whatever line ends it came with, blank lines at its ends left out.
pub fn lines(text: &str) -> Vec<String> {
    unify_line_ends(text).trim().split('\n').map(str::to_owned).collect()
}

/// Multi-line text as paragraphs: the blocks between blank lines that hold something.
pub fn blocks(text: &str) -> Vec<String> {
    let text = unify_line_ends(text);
    text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()).map(str::to_owned).collect()
}

impl Default for HtmlWriter {
    fn default() -> Self {
        Self::new()
    }
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
    fn a_multi_line_text_keeps_its_line_breaks_in_one_block() {
        let mut w = HtmlWriter::new();
        w.lines(" Opening\r\nWelcome & tea\rLunch \n");
        assert_eq!(w.finish(), "Opening<br>Welcome &amp; tea<br>Lunch");
        let mut w = HtmlWriter::new();
        w.paragraphs("One\r\ntwo\r\n\r\nThree\r\rFour");
        assert_eq!(w.finish(), "<p dir=\"auto\">One<br>two</p><p dir=\"auto\">Three</p><p dir=\"auto\">Four</p>");
    }

    #[test]
    fn text_between_links_is_one_piece() {
        assert_eq!(
            pieces("See the report at https://example.org/a, then call."),
            [
                Piece::Text("See the report at "),
                Piece::Link("https://example.org/a".into()),
                Piece::Text(", then call.")
            ]
        );
        assert_eq!(pieces(" two  words "), [Piece::Text(" two  words ")]);
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
