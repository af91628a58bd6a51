//! `word/document.xml`: a [`ReportView`] laid out as Word paragraphs, tables and pictures, in the
//! same order and with the same headings as the printable page.
//!
//! Direction follows the page: a paragraph of user text is right to left when its first strong
//! letter is (as `dir="auto"` does in the page), labels and figures take the report's direction,
//! tables of a right-to-left report run right to left. Lines and paragraphs are cut, and addresses
//! found, by the same functions the page uses.

use crate::core::export::docx::image::{drawing, extension, pixel_size};
use crate::core::export::docx::parts::{FOOTER_ID, W};
use crate::core::export::docx::table::{Cell, Headed};
use crate::core::export::html_writer::{blocks, lines, pieces, Piece};
use crate::core::export::letterhead::Letterhead;
use crate::core::export::markup::MarkupWriter;
use crate::core::export::view::{self, Content, ReportView};
use crate::core::photos::decode_data_url;
use std::collections::HashMap;

/// A photo to store in `word/media/`.
pub struct Media {
    /// `photo1.jpg`
    pub file: String,
    pub bytes: Vec<u8>,
}

/// The document part and what it refers to.
pub struct Written {
    pub xml: String,
    /// How many numbered lists `word/numbering.xml` must define.
    pub numbered_lists: u32,
    /// Photo `n` (from 1) is relationship `rIdPhoto<n>`.
    pub media: Vec<Media>,
    /// Link `n` (from 1) is relationship `rIdLink<n>`.
    pub links: Vec<String>,
}

/// A4 in twentieths of a point, and the printed page's margins (18, 16 and 20 mm).
const PAGE: &str = "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1021\" w:right=\"907\" w:bottom=\"1134\" w:left=\"907\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>";
/// The width between the margins, in twentieths of a point.
pub(super) const TEXT_WIDTH: u32 = 11906 - 2 * 907;
/// English Metric Units per twentieth of a point, and per pixel at 96 dpi.
pub(super) const EMU_PER_TWIP: u64 = 635;
const EMU_PER_PIXEL: u64 = 9525;
/// A photo is at most as high as on the printed page (95 mm).
const MAX_PHOTO_HEIGHT: u64 = 95 * 36_000;

pub fn write<'v>(view: &ReportView<'v>, letterhead: &'v Letterhead) -> Written {
    let mut body = Body {
        w: MarkupWriter::xml(),
        rtl: view.language.is_rtl(),
        numbered_lists: 0,
        media: Vec::new(),
        photo_of_src: HashMap::new(),
        links: Vec::new(),
        drawings: 0,
        widths: Vec::new(),
    };
    body.w.open(
        "w:document",
        &[
            ("xmlns:w", W),
            ("xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
            ("xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
            ("xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
            ("xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture"),
        ],
    );
    body.w.markup("<w:body>");
    body.letterhead(letterhead);
    body.text_paragraph("ReportKind", &view.kind);
    body.text_paragraph("Title", &view.title);
    if let Some(byline) = &view.byline {
        body.text_paragraph("Subtitle", byline);
    }
    for section in &view.sections {
        body.text_paragraph("Heading1", &section.heading);
        body.content(&section.content);
    }
    if let Some(sign_off) = &view.sign_off {
        body.sign_off(sign_off);
    }
    body.text_paragraph("Note", view.footer);
    body.w.markup("<w:sectPr>");
    body.w.empty("w:footerReference", &[("w:type", "default"), ("r:id", FOOTER_ID)]);
    body.w.markup(PAGE);
    if body.rtl {
        body.w.markup("<w:bidi/>");
    }
    body.w.markup("</w:sectPr></w:body></w:document>");
    Written { xml: body.w.finish(), numbered_lists: body.numbered_lists, media: body.media, links: body.links }
}

pub(super) struct Body<'v> {
    pub(super) w: MarkupWriter,
    /// The report's direction.
    pub(super) rtl: bool,
    pub(super) numbered_lists: u32,
    pub(super) media: Vec<Media>,
    /// Each photo is stored once, however often it is shown.
    pub(super) photo_of_src: HashMap<&'v str, usize>,
    pub(super) links: Vec<String>,
    pub(super) drawings: u32,
    /// The column widths of the table being written.
    pub(super) widths: Vec<u32>,
}

impl<'v> Body<'v> {
    /// A paragraph of `style`, right to left or not, in list `numbering` when given.
    pub(super) fn paragraph(
        &mut self,
        style: &'static str,
        rtl: bool,
        numbering: Option<u32>,
        runs: impl FnOnce(&mut Self),
    ) {
        self.w.markup("<w:p><w:pPr>");
        self.w.empty("w:pStyle", &[("w:val", style)]);
        if let Some(list) = numbering {
            self.w.markup("<w:numPr><w:ilvl w:val=\"0\"/>");
            self.w.empty("w:numId", &[("w:val", &list.to_string())]);
            self.w.markup("</w:numPr>");
        }
        if rtl {
            self.w.markup("<w:bidi/>");
        } else if self.rtl {
            self.w.markup("<w:bidi w:val=\"0\"/>");
        }
        self.w.markup("</w:pPr>");
        runs(self);
        self.w.markup("</w:p>");
    }

    /// Whether user text reads right to left: its first strong letter decides, as `dir="auto"`
    /// does; text without one takes the report's direction.
    fn rtl_of(&self, text: &str) -> bool {
        first_strong_rtl(text).unwrap_or(self.rtl)
    }

    /// One run of text; tabs become Word's tabs.
    pub(super) fn run(&mut self, text: &str, paragraph_rtl: bool) {
        if text.is_empty() {
            return;
        }
        let rtl = first_strong_rtl(text).unwrap_or(paragraph_rtl);
        self.w.markup(if rtl { "<w:r><w:rPr><w:rtl/></w:rPr>" } else { "<w:r>" });
        for (i, part) in text.split('\t').enumerate() {
            if i > 0 {
                self.w.markup("<w:tab/>");
            }
            if !part.is_empty() {
                self.w.element("w:t", &[("xml:space", "preserve")], part);
            }
        }
        self.w.markup("</w:r>");
    }

    /// One line, its addresses as links.
    fn line(&mut self, line: &str, rtl: bool) {
        for piece in pieces(line) {
            match piece {
                Piece::Text(text) => self.run(text, rtl),
                Piece::Link(href) => {
                    self.links.push(href);
                    let id = format!("rIdLink{}", self.links.len());
                    self.w.open("w:hyperlink", &[("r:id", &id), ("w:history", "1")]);
                    self.w.markup("<w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr>");
                    let href = self.links.last().map(String::as_str).unwrap_or_default().to_owned();
                    self.w.element("w:t", &[("xml:space", "preserve")], &href);
                    self.w.markup("</w:r></w:hyperlink>");
                }
            }
        }
    }

    /// Multi-line text in one paragraph, every line break kept.
    fn lines(&mut self, text: &str, rtl: bool) {
        for (i, line) in lines(text).iter().enumerate() {
            if i > 0 {
                self.w.markup("<w:r><w:br/></w:r>");
            }
            self.line(line, rtl);
        }
    }

    /// User text as one paragraph of `style`.
    pub(super) fn text_paragraph(&mut self, style: &'static str, text: &str) {
        self.numbered_paragraph(style, None, text);
    }

    pub(super) fn numbered_paragraph(&mut self, style: &'static str, numbering: Option<u32>, text: &str) {
        let rtl = self.rtl_of(text);
        self.paragraph(style, rtl, numbering, |b| b.lines(text, rtl));
    }

    /// Multi-line text: a paragraph of `style` per blank-line-separated block.
    fn paragraphs(&mut self, style: &'static str, text: &str) {
        for block in blocks(text) {
            self.text_paragraph(style, &block);
        }
    }

    /// A new numbered list, starting at 1.
    fn numbered_list(&mut self) -> u32 {
        self.numbered_lists += 1;
        self.numbered_lists + 1
    }

    fn content(&mut self, content: &Content<'v>) {
        match content {
            Content::Details(rows) => {
                self.table(&[2826, TEXT_WIDTH - 2826], Headed::Column, |b| {
                    for row in rows {
                        b.row(false, &[(Cell::Label, &row.label), (Cell::Text, &row.value)]);
                    }
                });
            }
            Content::Text(text) => self.paragraphs("Normal", text),
            Content::List { numbered, items } => {
                let (style, list) = if *numbered { ("ListNumber", self.numbered_list()) } else { ("ListBullet", 1) };
                for item in items {
                    self.numbered_paragraph(style, Some(list), item);
                }
            }
            Content::Participants(participants) => self.participants(participants),
            Content::Agenda(agenda) => self.agenda(agenda),
            Content::Speakers(speakers) => {
                for s in speakers {
                    self.text_paragraph("Heading2", &s.name);
                    if !s.role.is_empty() {
                        self.text_paragraph("Role", &s.role);
                    }
                    self.paragraphs("Normal", &s.summary);
                }
            }
            Content::Discussion(points) => {
                let list = self.numbered_list();
                for point in points {
                    let mut details = blocks(&point.details).into_iter();
                    // The number goes on the point's heading, or on its first paragraph.
                    if !point.heading.is_empty() {
                        self.numbered_paragraph("Heading2", Some(list), &point.heading);
                    } else if let Some(first) = details.next() {
                        self.numbered_paragraph("ListNumber", Some(list), &first);
                    }
                    for block in details {
                        self.text_paragraph("ListContinue", &block);
                    }
                }
            }
            Content::WorkingGroups(groups) => {
                for g in groups {
                    self.text_paragraph("Heading2", &g.topic);
                    if let Some(facilitator) = &g.facilitator {
                        self.text_paragraph("Role", facilitator);
                    }
                    if let Some(members) = &g.members {
                        self.text_paragraph("Normal", members);
                    }
                    self.paragraphs("Normal", &g.outcomes);
                }
            }
            Content::Attachments(attachments) => {
                let list = self.numbered_list();
                for attachment in attachments {
                    self.numbered_paragraph("ListNumber", Some(list), &attachment.description);
                    for photo in &attachment.photos {
                        self.photo(photo);
                    }
                }
            }
        }
    }

    fn participants(&mut self, p: &view::Participants) {
        if !p.figures.is_empty() {
            self.table(&[4200, 1600], Headed::Column, |b| {
                for figure in &p.figures {
                    b.row(false, &[(Cell::Label, &figure.label), (Cell::Figure, &figure.value)]);
                }
            });
            if let Some(note) = p.note {
                self.text_paragraph("Note", note);
            }
        }
        for breakdown in &p.breakdowns {
            self.text_paragraph("Heading2", breakdown.heading);
            // Names without counts read better as a list than as a half-empty table.
            if breakdown.rows.iter().all(|(_, count)| count.is_none()) {
                for (name, _) in &breakdown.rows {
                    self.numbered_paragraph("ListBullet", Some(1), name);
                }
                continue;
            }
            self.table(&[4200, 1600], Headed::Neither, |b| {
                for (name, count) in &breakdown.rows {
                    b.row(false, &[(Cell::Text, name), (Cell::Figure, count.as_deref().unwrap_or(""))]);
                }
            });
        }
    }

    fn agenda(&mut self, agenda: &view::Agenda) {
        let presenter = agenda.presenter_heading.map_or(0, |_| 2600);
        let widths = [1900, TEXT_WIDTH - 1900 - presenter, presenter];
        let columns = if presenter > 0 { 3 } else { 2 };
        self.table(&widths[..columns], Headed::Row, |b| {
            let headings = [(Cell::Label, agenda.time_heading), (Cell::Label, agenda.item_heading)]
                .into_iter()
                .chain(agenda.presenter_heading.map(|heading| (Cell::Label, heading)));
            b.row(true, &headings.collect::<Vec<_>>());
            for row in &agenda.rows {
                let cells = [(Cell::Figure, &row.time[..]), (Cell::Text, &row.item), (Cell::Text, &row.presenter)];
                b.row(false, &cells[..columns]);
            }
        });
    }

    /// A photo at its proportions, at most the text's width and the printed page's height, never
    /// larger than its own size; its caption below it.
    fn photo(&mut self, photo: &view::Photo<'v>) {
        let Some(picture) = self.picture(photo.src) else { return };
        let rtl = self.rtl;
        self.paragraph("Photo", rtl, None, |b| {
            b.drawing(picture, u64::from(TEXT_WIDTH) * EMU_PER_TWIP, MAX_PHOTO_HEIGHT, &photo.alt)
        });
        if !photo.caption.is_empty() {
            self.text_paragraph("Caption", &photo.caption);
        }
    }

    /// The image of `src` (a `data:` URL) stored once in `word/media/`, however often it is
    /// shown: its index and size in pixels; `None` when it cannot be decoded.
    pub(super) fn picture(&mut self, src: &'v str) -> Option<Picture> {
        let index = match self.photo_of_src.get(src) {
            Some(&index) => index,
            None => {
                let (mime, bytes) = decode_data_url(src)?;
                let file = format!("photo{}.{}", self.media.len() + 1, extension(mime));
                self.media.push(Media { file, bytes });
                self.photo_of_src.insert(src, self.media.len() - 1);
                self.media.len() - 1
            }
        };
        let (width, height) = self.media.get(index).and_then(|m| pixel_size(&m.bytes)).unwrap_or((4, 3));
        Some(Picture { index, width: u64::from(width), height: u64::from(height) })
    }

    /// A run showing `picture` at its proportions, at most `max_cx` × `max_cy` EMU and never
    /// larger than its own size.
    pub(super) fn drawing(&mut self, picture: Picture, max_cx: u64, max_cy: u64, alt: &str) {
        let Picture { index, width, height } = picture;
        let scale = [max_cx * 1000 / width, max_cy * 1000 / height, EMU_PER_PIXEL * 1000];
        let scale = scale.into_iter().min().unwrap_or(EMU_PER_PIXEL * 1000);
        let (cx, cy) = ((width * scale / 1000).max(1), (height * scale / 1000).max(1));
        self.drawings += 1;
        self.w.markup("<w:r>");
        drawing(&mut self.w, self.drawings, index + 1, cx, cy, alt);
        self.w.markup("</w:r>");
    }
}

/// An image stored in the document: its place in `word/media/` and its size in pixels.
#[derive(Clone, Copy)]
pub(super) struct Picture {
    index: usize,
    width: u64,
    height: u64,
}

/// Whether the first strong letter of `text` is right to left (Hebrew, Arabic, Syriac, Thaana,
/// N'Ko and their presentation forms); `None` when it has no letter.
pub(super) fn first_strong_rtl(text: &str) -> Option<bool> {
    text.chars().find(|c| c.is_alphabetic()).map(|c| {
        matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
    })
}
