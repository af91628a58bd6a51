//! The organisation's letterhead in the Word document: its logo and name, and the partners'
//! logos with their captions, side by side at the top of the first page, as on the printed page.
//! (Its footer lines are in the footer part, above the page numbers: `parts::footer`.)

use crate::core::export::docx::body::{Body, EMU_PER_TWIP, TEXT_WIDTH};
use crate::core::export::docx::table::Headed;
use crate::core::export::letterhead::{Letterhead, PartnerMark};

/// EMU per millimetre.
const EMU_PER_MM: u64 = 36_000;

impl<'v> Body<'v> {
    /// A table without lines: the organisation's logo and name in the first column, each
    /// partner's caption and logo in a column of its own.
    pub(super) fn letterhead(&mut self, letterhead: &'v Letterhead) {
        if !letterhead.has_head() {
            return;
        }
        let partners: Vec<&'v PartnerMark> = letterhead.partners().collect();
        let first = if partners.is_empty() { TEXT_WIDTH } else { TEXT_WIDTH * 2 / 5 };
        let rest = (TEXT_WIDTH - first) / (partners.len().max(1) as u32);
        let widths: Vec<u32> = std::iter::once(first).chain(partners.iter().map(|_| rest)).collect();
        let rtl = self.rtl;
        self.table(&widths, Headed::Unruled, |b| {
            b.w.markup("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            b.cell(first, |b| {
                if let Some(picture) = letterhead.logo().and_then(|logo| b.picture(logo)) {
                    let max_cx = (55 * EMU_PER_MM).min(u64::from(first) * EMU_PER_TWIP);
                    b.paragraph("Photo", rtl, None, |b| {
                        b.drawing(picture, max_cx, 22 * EMU_PER_MM, &letterhead.organisation)
                    });
                }
                let name = letterhead.organisation.trim();
                if !name.is_empty() {
                    b.text_paragraph("Organisation", name);
                }
            });
            for partner in &partners {
                b.cell(rest, |b| {
                    let caption = partner.caption.trim();
                    if !caption.is_empty() {
                        b.text_paragraph("Caption", caption);
                    }
                    if let Some(picture) = b.picture(&partner.logo) {
                        let max_cx = (40 * EMU_PER_MM).min(u64::from(rest) * EMU_PER_TWIP);
                        b.paragraph("Photo", rtl, None, |b| b.drawing(picture, max_cx, 15 * EMU_PER_MM, caption));
                    }
                });
            }
            b.w.markup("</w:tr>");
        });
        // Room between the letterhead and the report's title.
        self.w.markup("<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"240\"/></w:pPr></w:p>");
    }

    /// A cell `width` wide of the row being written.
    fn cell(&mut self, width: u32, content: impl FnOnce(&mut Self)) {
        self.w.markup("<w:tc><w:tcPr>");
        self.w.empty("w:tcW", &[("w:w", &width.to_string()), ("w:type", "dxa")]);
        self.w.markup("<w:vAlign w:val=\"bottom\"/></w:tcPr>");
        content(self);
        self.w.markup("</w:tc>");
    }
}
