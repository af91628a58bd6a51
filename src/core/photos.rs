//! Photos in a report: what the pure core knows about them.
//!
//! A report holds only references ([`PhotoRef`]: an id and a caption, on each attachment). The
//! bytes live in the browser's IndexedDB while a draft is edited, and travel as `data:` URLs
//! (id → URL) in an exported JSON file and in the printable HTML. This module checks those URLs,
//! encodes and decodes them, and gives photos fresh ids when a report becomes a new draft.

use crate::core::i18n::{self, Msg};
use crate::core::report::{Language, PhotoRef, Report};
use std::collections::BTreeMap;

/// Photo id → `data:image/…;base64,…` URL.
pub type PhotoData = BTreeMap<String, String>;

/// The image types a photo may have in an exported file.
pub const IMAGE_TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];

/// The longest side of a stored photo, in pixels.
pub const MAX_SIDE: u32 = 1600;

/// The JPEG quality photos are stored with (0–1).
pub const JPEG_QUALITY: f64 = 0.8;

/// The longest side of a stored logo, in pixels: enough for print at its size on the page, and
/// small, as every exported file carries it.
pub const LOGO_MAX_SIDE: u32 = 600;

/// The size a `width` × `height` image is drawn at so that its longest side is at most
/// [`MAX_SIDE`]; smaller images keep their size. Never zero.
pub fn fitted_size(width: u32, height: u32) -> (u32, u32) {
    fitted_within(width, height, MAX_SIDE)
}

/// The size a `width` × `height` image is drawn at so that its longest side is at most
/// `max_side`; smaller images keep their size. Never zero.
pub fn fitted_within(width: u32, height: u32, max_side: u32) -> (u32, u32) {
    let (width, height, max_side) = (width.max(1), height.max(1), max_side.max(1));
    let longest = width.max(height);
    if longest <= max_side {
        return (width, height);
    }
    let scale = f64::from(max_side) / f64::from(longest);
    let fit = |side: u32| ((f64::from(side) * scale).round() as u32).clamp(1, max_side);
    (fit(width), fit(height))
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn sextet(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    } as u32)
}

/// Decodes standard, padded base64; `None` for anything else (including whitespace).
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if bytes.len() % 4 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let quads = bytes.len() / 4;
    for (q, quad) in bytes.chunks(4).enumerate() {
        let padding = quad.iter().rev().take_while(|&&c| c == b'=').count();
        if padding > 2 || (padding > 0 && q + 1 != quads) {
            return None;
        }
        let mut n = 0u32;
        for (i, &c) in quad.iter().enumerate() {
            let value = if i >= 4 - padding { 0 } else { sextet(c)? };
            n |= value << (18 - 6 * i);
        }
        let decoded = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&decoded[..3 - padding]);
    }
    Some(out)
}

/// `data:<mime>;base64,<bytes>`.
pub fn data_url(mime: &str, bytes: &[u8]) -> String {
    format!("data:{mime};base64,{}", base64_encode(bytes))
}

/// The image type and base64 text of a `data:` URL that may become an image's `src`: a JPEG,
/// PNG or WebP, base64-encoded, with nothing else in it. Anything else is `None`.
pub fn image_data_url_parts(url: &str) -> Option<(&'static str, &str)> {
    let rest = url.strip_prefix("data:")?;
    let (mime, payload) = rest.split_once(";base64,")?;
    let mime = IMAGE_TYPES.into_iter().find(|t| *t == mime)?;
    let well_formed = !payload.is_empty()
        && payload.len() % 4 == 0
        && payload.trim_end_matches('=').bytes().all(|c| sextet(c).is_some())
        && payload.len() - payload.trim_end_matches('=').len() <= 2;
    well_formed.then_some((mime, payload))
}

/// Whether `url` may be used as a photo's `src` (see [`image_data_url_parts`]).
pub fn is_image_data_url(url: &str) -> bool {
    image_data_url_parts(url).is_some()
}

/// The image type and bytes of a photo's `data:` URL.
pub fn decode_data_url(url: &str) -> Option<(&'static str, Vec<u8>)> {
    let (mime, payload) = image_data_url_parts(url)?;
    Some((mime, base64_decode(payload)?))
}

/// Keeps the entries of `photos` that are image `data:` URLs; the rest is dropped.
pub fn valid_photos(photos: PhotoData) -> PhotoData {
    photos.into_iter().filter(|(id, url)| !id.is_empty() && is_image_data_url(url)).collect()
}

impl Report {
    /// Every photo reference, attachment by attachment.
    pub fn photos(&self) -> impl Iterator<Item = &PhotoRef> {
        self.attachments.iter().flat_map(|a| a.photos.iter())
    }

    /// Gives every photo a new id, `fresh(old id)`, and returns `(old id, new id)` pairs, in
    /// order. A photo that appears twice gets one new id.
    pub fn reassign_photo_ids(&mut self, mut fresh: impl FnMut(&str) -> String) -> Vec<(String, String)> {
        let mut renamed: Vec<(String, String)> = Vec::new();
        for photo in self.attachments.iter_mut().flat_map(|a| a.photos.iter_mut()) {
            let new = match renamed.iter().find(|(old, _)| *old == photo.id) {
                Some((_, new)) => new.clone(),
                None => {
                    let new = fresh(&photo.id);
                    renamed.push((photo.id.clone(), new.clone()));
                    new
                }
            };
            photo.id = new;
        }
        renamed
    }
}

/// The photos of `report` that `data` does not have, each named in words in `lang` by where it
/// sits ("Attachment 2, photo 1: “Group photo”"), so an export made without them can say which.
pub fn missing_photos(report: &Report, data: &PhotoData, lang: Language) -> Vec<String> {
    let mut missing = Vec::new();
    for (a, attachment) in report.attachments.iter().enumerate() {
        for (p, photo) in attachment.photos.iter().enumerate() {
            if data.contains_key(&photo.id) {
                continue;
            }
            let (attachment, photo_number) = ((a + 1).to_string(), (p + 1).to_string());
            let mut args = vec![("attachment", attachment.as_str()), ("photo", photo_number.as_str())];
            let caption = photo.caption.trim();
            let msg = if caption.is_empty() {
                Msg::PhotoPlace
            } else {
                args.push(("caption", caption));
                Msg::PhotoPlaceCaptioned
            };
            missing.push(i18n::format(lang, msg, &args));
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::report::Attachment;

    #[test]
    fn base64_round_trips_every_length() {
        let data: Vec<u8> = (0..=255u8).collect();
        for len in 0..40 {
            let encoded = base64_encode(&data[..len]);
            assert_eq!(encoded.len() % 4, 0);
            assert_eq!(base64_decode(&encoded).as_deref(), Some(&data[..len]), "{len}");
        }
        assert_eq!(base64_encode(b"Man"), "TWFu");
        assert_eq!(base64_encode(b"Ma"), "TWE=");
        assert_eq!(base64_encode(b"M"), "TQ==");
        assert_eq!(base64_encode(&data[250..]), "+vv8/f7/");
    }

    #[test]
    fn base64_refuses_what_is_not_base64() {
        for bad in ["TQ=", "T===", "TQ==TWFu", "TW u", "TWF\n", "TW-_"] {
            assert_eq!(base64_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_jpeg_png_and_webp_base64_urls_are_images() {
        for good in
            ["data:image/jpeg;base64,/9j/4A==", "data:image/png;base64,iVBORw0K", "data:image/webp;base64,UklGRg=="]
        {
            assert!(is_image_data_url(good), "{good}");
        }
        for bad in [
            "data:image/svg+xml;base64,PHN2Zz4=",
            "data:text/html;base64,PHNjcmlwdD4=",
            "data:image/jpeg,<svg onload=alert(1)>",
            "data:image/jpeg;base64,",
            "data:image/jpeg;base64,/9j/4A==\" onerror=\"x",
            "data:image/jpeg;base64,/9j/ 4A==",
            "data:image/jpeg;charset=utf-8;base64,/9j/4A==",
            "DATA:image/jpeg;base64,/9j/4A==",
            "javascript:alert(1)",
            "https://example.org/a.jpg",
            "data:image/jpeg;base64,/9j/4===",
        ] {
            assert!(!is_image_data_url(bad), "{bad}");
        }
    }

    #[test]
    fn data_urls_decode_to_their_bytes() {
        let url = data_url("image/png", &[137, 80, 78, 71]);
        assert_eq!(url, "data:image/png;base64,iVBORw==");
        assert_eq!(decode_data_url(&url), Some(("image/png", vec![137, 80, 78, 71])));
    }

    #[test]
    fn large_photos_are_fitted_into_1600_pixels() {
        assert_eq!(fitted_size(4000, 3000), (1600, 1200));
        assert_eq!(fitted_size(3000, 4000), (1200, 1600));
        assert_eq!(fitted_size(800, 600), (800, 600));
        assert_eq!(fitted_size(100_000, 10), (1600, 1));
        assert_eq!(fitted_size(0, 0), (1, 1));
        assert_eq!(fitted_within(2400, 800, LOGO_MAX_SIDE), (600, 200), "a logo is smaller");
        assert_eq!(fitted_within(300, 90, LOGO_MAX_SIDE), (300, 90));
    }

    #[test]
    fn photos_get_new_ids_once_each() {
        let photo = |id: &str| PhotoRef { id: id.into(), caption: format!("caption {id}") };
        let mut report = Report {
            attachments: vec![
                Attachment { photos: vec![photo("a"), photo("b")], ..Default::default() },
                Attachment { photos: vec![photo("a")], ..Default::default() },
            ],
            ..Report::blank()
        };
        let mut n = 0;
        let renamed = report.reassign_photo_ids(|_| {
            n += 1;
            format!("new-{n}")
        });
        assert_eq!(renamed, vec![("a".into(), "new-1".into()), ("b".into(), "new-2".into())]);
        let ids: Vec<&str> = report.photos().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["new-1", "new-2", "new-1"]);
        assert_eq!(report.attachments[0].photos[1].caption, "caption b");
    }

    #[test]
    fn invalid_photo_data_is_dropped() {
        let photos: PhotoData = [
            ("a".to_owned(), "data:image/jpeg;base64,/9j/4A==".to_owned()),
            ("b".to_owned(), "data:text/html;base64,PHNjcmlwdD4=".to_owned()),
            (String::new(), "data:image/jpeg;base64,/9j/4A==".to_owned()),
        ]
        .into();
        assert_eq!(valid_photos(photos).keys().collect::<Vec<_>>(), ["a"]);
    }

    #[test]
    fn photos_missing_from_the_data_are_named_by_where_they_sit() {
        let photo = |id: &str, caption: &str| PhotoRef { id: id.into(), caption: caption.into() };
        let report = Report {
            attachments: vec![
                Attachment { photos: vec![photo("a", "Group photo"), photo("b", "")], ..Default::default() },
                Attachment { photos: vec![photo("c", "  ")], ..Default::default() },
            ],
            ..Report::blank()
        };
        let data: PhotoData = [("a".to_owned(), "data:image/jpeg;base64,/9j/4A==".to_owned())].into();
        assert_eq!(
            missing_photos(&report, &data, Language::English),
            ["Attachment 1, photo 2", "Attachment 2, photo 1"]
        );
        let all = missing_photos(&report, &PhotoData::new(), Language::Arabic);
        assert_eq!(all[0], "المرفق 1، الصورة 1: «Group photo»");
        assert_eq!(missing_photos(&report, &PhotoData::new(), Language::Kurdish)[2], "هاوپێچی 2، وێنەی 1");
        let stored: PhotoData = ["a", "b", "c"].map(|id| (id.to_owned(), String::new())).into();
        assert!(missing_photos(&report, &stored, Language::English).is_empty());
    }
}
