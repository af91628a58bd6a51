//! Photos in a Word document: their pixel size, read from the header so they keep their
//! proportions, and the inline picture that shows them.

use crate::core::export::markup::MarkupWriter;

/// Width and height in pixels of a JPEG, PNG or WebP image; `None` when the header cannot be read.
pub fn pixel_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let size = if bytes.starts_with(&[0xFF, 0xD8]) {
        jpeg_size(bytes)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some((be32(bytes, 16)?, be32(bytes, 20)?))
    } else if bytes.get(..4) == Some(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        webp_size(bytes)
    } else {
        None
    };
    size.filter(|&(w, h)| w > 0 && h > 0)
}

fn be16(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes(bytes.get(at..at + 2)?.try_into().ok()?)))
}

fn be32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn le(bytes: &[u8], at: usize, len: usize) -> Option<u32> {
    Some(bytes.get(at..at + len)?.iter().rev().fold(0, |n, &b| (n << 8) | u32::from(b)))
}

/// Walks the segments to the first start-of-frame marker, which holds the size.
fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        while *bytes.get(at)? != 0xFF {
            at += 1;
        }
        while *bytes.get(at)? == 0xFF {
            at += 1;
        }
        let marker = *bytes.get(at)?;
        at += 1;
        if matches!(marker, 0xD0..=0xD9 | 0x01) {
            continue; // markers without a length
        }
        let length = be16(bytes, at)? as usize;
        let start_of_frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if start_of_frame {
            return Some((be16(bytes, at + 5)?, be16(bytes, at + 3)?));
        }
        at += length.max(2);
    }
}

fn webp_size(bytes: &[u8]) -> Option<(u32, u32)> {
    match bytes.get(12..16)? {
        b"VP8 " => Some((le(bytes, 26, 2)? & 0x3FFF, le(bytes, 28, 2)? & 0x3FFF)),
        b"VP8L" => {
            let bits = le(bytes, 21, 4)?;
            Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
        }
        b"VP8X" => Some((le(bytes, 24, 3)? + 1, le(bytes, 27, 3)? + 1)),
        _ => None,
    }
}

/// The file extension Word expects for an image type.
pub fn extension(mime: &str) -> &'static str {
    match mime {
        "image/png" => "png",
        "image/webp" => "webp",
        _ => "jpg",
    }
}

/// An inline picture `cx` × `cy` EMU of photo `photo` (relationship `rIdPhoto<photo>`), described
/// by `alt` for screen readers.
pub fn drawing(w: &mut MarkupWriter, id: u32, photo: usize, cx: u64, cy: u64, alt: &str) {
    let (id, cx, cy) = (id.to_string(), cx.to_string(), cy.to_string());
    let name = format!("Photo {id}");
    w.markup("<w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">");
    w.empty("wp:extent", &[("cx", &cx), ("cy", &cy)]);
    w.empty("wp:docPr", &[("id", &id), ("name", &name), ("descr", alt)]);
    w.markup("<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>");
    w.markup("<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr>");
    w.empty("pic:cNvPr", &[("id", &id), ("name", &name), ("descr", alt)]);
    w.markup("<pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>");
    w.empty("a:blip", &[("r:embed", &format!("rIdPhoto{photo}"))]);
    w.markup("<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/>");
    w.empty("a:ext", &[("cx", &cx), ("cy", &cy)]);
    w.markup("</a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_size_of_each_image_type() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&[0, 0, 2, 0, 0, 0, 1, 0x80]);
        assert_eq!(pixel_size(&png), Some((512, 384)));
        // SOI, an APP0 segment of 4 bytes, then SOF0: length, precision, height 300, width 400.
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0x01, 0x2C, 0x01, 0x90];
        assert_eq!(pixel_size(&jpeg), Some((400, 300)));
        let mut webp = b"RIFF\0\0\0\0WEBPVP8X".to_vec();
        webp.extend_from_slice(&[0; 8]);
        webp.extend_from_slice(&[0x1F, 0x03, 0, 0x57, 0x02, 0]); // 800 × 600
        assert_eq!(pixel_size(&webp), Some((800, 600)));
    }

    #[test]
    fn a_header_that_cannot_be_read_gives_no_size() {
        assert_eq!(pixel_size(b""), None);
        assert_eq!(pixel_size(&[0xFF, 0xD8, 0xFF]), None);
        assert_eq!(pixel_size(b"\x89PNG\r\n\x1a\n\0\0"), None);
        assert_eq!(pixel_size(b"RIFF\0\0\0\0WEBPVP8 "), None);
    }
}
