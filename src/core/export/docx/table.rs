//! Tables in the Word document: the report's table style, a header row repeated on every page or a
//! label column as the printed page has them, and the sign-off's signature blocks side by side.

use crate::core::export::docx::body::{Body, TEXT_WIDTH};
use crate::core::export::view::SignOffView;

const HEADER_FILL: &str = "F0F4F8";

/// Which cells of a table head it: Word's table style shades them and repeats a header row.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Headed {
    /// The first row: column headings, repeated on every page.
    Row,
    /// The first column: each row's label.
    Column,
    /// No headings: names and counts.
    Neither,
    /// No headings and no lines: the signature blocks.
    Unruled,
}

/// How a table cell is written.
#[derive(Clone, Copy)]
pub(super) enum Cell {
    /// A label or column heading: bold on a tint, in the report's direction.
    Label,
    /// User text: its own direction, line breaks and links kept.
    Text,
    /// A figure or time in the report's digits: the report's direction.
    Figure,
}

impl Body<'_> {
    /// A table of the report's style, columns `widths` wide, `headed` as given.
    pub(super) fn table(&mut self, widths: &[u32], headed: Headed, rows: impl FnOnce(&mut Self)) {
        self.w.markup("<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/>");
        if self.rtl {
            self.w.markup("<w:bidiVisual/>");
        }
        self.w.empty("w:tblW", &[("w:w", &widths.iter().sum::<u32>().to_string()), ("w:type", "dxa")]);
        if headed == Headed::Unruled {
            self.w.markup(concat!(
                "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/>",
                "<w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>"
            ));
        }
        self.w.markup("<w:tblLayout w:type=\"fixed\"/>");
        // Word 2007 reads the bit mask, later versions the attributes: both say the same.
        let (look, first_row, first_column) = match headed {
            Headed::Row => ("0620", "1", "0"),
            Headed::Column => ("0680", "0", "1"),
            Headed::Neither | Headed::Unruled => ("0600", "0", "0"),
        };
        self.w.empty(
            "w:tblLook",
            &[
                ("w:val", look),
                ("w:firstRow", first_row),
                ("w:lastRow", "0"),
                ("w:firstColumn", first_column),
                ("w:lastColumn", "0"),
                ("w:noHBand", "1"),
                ("w:noVBand", "1"),
            ],
        );
        self.w.markup("</w:tblPr><w:tblGrid>");
        for width in widths {
            self.w.empty("w:gridCol", &[("w:w", &width.to_string())]);
        }
        self.w.markup("</w:tblGrid>");
        self.widths = widths.to_vec();
        rows(self);
        self.w.markup("</w:tbl>");
    }

    /// A row of the table being written; a `header` row repeats on every page.
    pub(super) fn row(&mut self, header: bool, cells: &[(Cell, &str)]) {
        self.w.markup(if header {
            "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        } else {
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        });
        for (column, &(kind, text)) in cells.iter().enumerate() {
            let width = self.widths.get(column).copied().unwrap_or(TEXT_WIDTH).to_string();
            self.w.markup("<w:tc><w:tcPr>");
            self.w.empty("w:tcW", &[("w:w", &width), ("w:type", "dxa")]);
            if let Cell::Label = kind {
                self.w.empty("w:shd", &[("w:val", "clear"), ("w:color", "auto"), ("w:fill", HEADER_FILL)]);
            }
            self.w.markup("</w:tcPr>");
            let rtl = self.rtl;
            match kind {
                Cell::Label => self.paragraph("TableHeading", rtl, None, |b| b.run(text, rtl)),
                Cell::Figure => self.paragraph("TableText", rtl, None, |b| b.run(text, rtl)),
                Cell::Text => self.numbered_paragraph("TableText", None, text),
            }
            self.w.markup("</w:tc>");
        }
        self.w.markup("</w:tr>");
    }

    /// The sign-off: a block for each signatory, side by side, each with a line to sign on.
    pub(super) fn sign_off(&mut self, sign_off: &SignOffView) {
        self.text_paragraph("Heading1", sign_off.heading);
        let columns = sign_off.blocks.len().max(1) as u32;
        let widths = vec![TEXT_WIDTH / columns; columns as usize];
        let rtl = self.rtl;
        self.table(&widths, Headed::Unruled, |b| {
            b.w.markup("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (block, width) in sign_off.blocks.iter().zip(&widths) {
                b.w.markup("<w:tc><w:tcPr>");
                b.w.empty("w:tcW", &[("w:w", &width.to_string()), ("w:type", "dxa")]);
                b.w.markup("</w:tcPr>");
                b.paragraph("TableHeading", rtl, None, |b| b.run(block.role, rtl));
                for (style, text) in [("TableText", &block.name), ("Role", &block.position)] {
                    if !text.is_empty() {
                        b.numbered_paragraph(style, None, text);
                    }
                }
                if !block.date.is_empty() {
                    b.paragraph("TableText", rtl, None, |b| b.run(&block.date, rtl));
                }
                b.paragraph("SignatureLine", rtl, None, |b| b.run(sign_off.signature, rtl));
                b.w.markup("</w:tc>");
            }
            b.w.markup("</w:tr>");
        });
    }
}
