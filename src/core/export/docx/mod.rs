//! The report as a Word document (.docx) that the donor can edit: the same [`ReportView`] the
//! printable page writes, laid out with Word's built-in styles, right to left for Arabic and
//! Kurdish, photos embedded, A4 with page numbers.
//!
//! Written here rather than with a crate: a few hundred lines give full control of direction,
//! language and styles, and keep the Word module small (it is loaded only when used).

mod body;
mod image;
mod letterhead;
mod parts;
mod table;
pub mod zip;

use crate::core::export::letterhead::Letterhead;
use crate::core::export::view::ReportView;
use crate::core::photos::PhotoData;
use crate::core::report::Report;
use zip::{Method, ZipWriter};

/// The report and its photos (id → image `data:` URL) as the bytes of a .docx file, on the
/// organisation's `letterhead`: logos at the top of the first page, footer lines above the page
/// numbers.
pub fn report_docx(report: &Report, photos: &PhotoData, letterhead: &Letterhead) -> Vec<u8> {
    let view = ReportView::new(report, photos);
    let body = body::write(&view, letterhead);
    let mut photo_types: Vec<(&'static str, &'static str)> = Vec::new();
    for media in &body.media {
        let extension = media.file.rsplit('.').next().unwrap_or_default();
        if let Some(&(extension, mime)) = IMAGE_TYPES.iter().find(|(e, _)| *e == extension) {
            if !photo_types.contains(&(extension, mime)) {
                photo_types.push((extension, mime));
            }
        }
    }
    let mut document_rels: Vec<(String, &str, String, bool)> = parts::DOCUMENT_RELATIONSHIPS
        .iter()
        .map(|&(id, kind, target, external)| (id.to_owned(), kind, target.to_owned(), external))
        .collect();
    for (n, media) in body.media.iter().enumerate() {
        document_rels.push((format!("rIdPhoto{}", n + 1), "image", format!("media/{}", media.file), false));
    }
    for (n, link) in body.links.iter().enumerate() {
        document_rels.push((format!("rIdLink{}", n + 1), "hyperlink", link.clone(), true));
    }
    let document_rels: Vec<(&str, &str, &str, bool)> =
        document_rels.iter().map(|(id, kind, target, external)| (&id[..], *kind, &target[..], *external)).collect();

    let mut zip = ZipWriter::new();
    let text_parts = [
        ("[Content_Types].xml", parts::content_types(&photo_types)),
        ("_rels/.rels", parts::package_relationships()),
        ("word/document.xml", body.xml),
        ("word/_rels/document.xml.rels", parts::relationships(&document_rels)),
        ("word/styles.xml", parts::styles(view.language)),
        ("word/numbering.xml", parts::numbering(body.numbered_lists.max(1), view.digits)),
        ("word/settings.xml", parts::settings(view.language)),
        ("word/footer1.xml", parts::footer(&letterhead.footer_lines().collect::<Vec<_>>())),
        ("docProps/core.xml", parts::core_properties(&view.title, view.language)),
        ("docProps/app.xml", parts::app_properties()),
    ];
    for (name, text) in &text_parts {
        zip.add(name, text.as_bytes(), Method::Deflated);
    }
    for media in &body.media {
        zip.add(&format!("word/media/{}", media.file), &media.bytes, Method::Stored);
    }
    zip.finish()
}

/// The photo files a document may hold, by extension.
const IMAGE_TYPES: [(&str, &str); 3] = [("jpg", "image/jpeg"), ("png", "image/png"), ("webp", "image/webp")];
