//! The Word export, read by implementations we did not write: Python's zipfile and XML parser
//! check every part of every file; LibreOffice (headless, one batch per test: it takes seconds to
//! start) reads the samples' text, direction and photos, and opens files full of odd characters.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use scraper::{ElementRef, Html, Node, Selector};
use std::path::{Path, PathBuf};
use std::process::Command;
use taqrir::core::document::{import_document, read_document, ReadError};
use taqrir::core::export::docx::zip::crc32;
use taqrir::core::export::letterhead::{Letterhead, PartnerMark};
use taqrir::core::export::{printable_html, report_docx, report_html_with_photos};
use taqrir::core::photos::{data_url, PhotoData};
use taqrir::core::report::*;
use taqrir::core::sign_off::Signatory;

fn fixture(path: &str) -> Report {
    let text = std::fs::read_to_string(path).expect("fixture");
    read_document(&text).expect("sample reads").report
}

/// A scratch folder of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("taqrir-docx-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Converts `files` to flat OpenDocument with LibreOffice in one run, and reads each back
/// (tests/tools/read_fodt.py): paragraphs with their direction, pictures, languages.
fn libreoffice_reads(dir: &Path, files: &[PathBuf]) -> Vec<serde_json::Value> {
    let profile = format!("-env:UserInstallation=file://{}", dir.join("profile").display());
    let status = Command::new("soffice")
        .args([&profile[..], "--headless", "--convert-to", "fodt", "--outdir"])
        .arg(dir)
        .args(files)
        .output()
        .expect("LibreOffice (soffice) is installed: `make unit` installs it");
    assert!(status.status.success(), "soffice failed: {}", String::from_utf8_lossy(&status.stderr));
    files
        .iter()
        .map(|file| {
            let converted = file.with_extension("fodt");
            assert!(converted.exists(), "LibreOffice could not open {}", file.display());
            let out =
                Command::new("python3").arg("tests/tools/read_fodt.py").arg(&converted).output().expect("python3");
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            serde_json::from_slice(&out.stdout).expect("reader's JSON")
        })
        .collect()
}

/// Python's zipfile checks every entry's CRC and reads it; its XML parser parses every part.
fn assert_well_formed(docx: &[u8], dir: &Path) {
    let file = dir.join("check.docx");
    std::fs::write(&file, docx).expect("write");
    let script = "import sys, zipfile, xml.dom.minidom as m\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nfor n in z.namelist():\n    if n.endswith('.xml') or n.endswith('.rels'): m.parseString(z.read(n))\n";
    let out = Command::new("python3").arg("-c").arg(script).arg(&file).output().expect("python3");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// The text of the printed page's blocks in reading order, as a reader sees it: each heading,
/// paragraph, list item, table cell and caption with its own text, whitespace collapsed.
fn printed_blocks(html: &str) -> Vec<String> {
    fn walk(element: ElementRef, current: &mut String, out: &mut Vec<String>) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => current.push_str(text),
                Node::Element(e) if e.name() == "br" => current.push(' '),
                Node::Element(e) if e.name() == "template" => {}
                Node::Element(e) => {
                    let block = ["p", "h1", "h2", "h3", "li", "th", "td", "figcaption", "footer"].contains(&e.name());
                    if block {
                        flush(current, out);
                    }
                    if let Some(child) = ElementRef::wrap(child) {
                        walk(child, current, out);
                    }
                    if block {
                        flush(current, out);
                    }
                }
                _ => {}
            }
        }
    }
    fn flush(current: &mut String, out: &mut Vec<String>) {
        let text = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            out.push(text);
        }
        current.clear();
    }
    let page = Html::parse_document(html);
    let body = page.select(&Selector::parse("body").expect("selector")).next().expect("body");
    let (mut current, mut out) = (String::new(), Vec::new());
    walk(body, &mut current, &mut out);
    flush(&mut current, &mut out);
    out
}

fn paragraphs(read: &serde_json::Value) -> Vec<(String, String)> {
    read["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .map(|p| (p[0].as_str().unwrap_or_default().to_owned(), p[1].as_str().unwrap_or_default().to_owned()))
        .collect()
}

/// A `width` × `height` PNG of one colour, made here so the test needs no image files.
fn png(width: u32, height: u32) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let crc = crc32(&out[start..]);
        out.extend_from_slice(&crc.to_be_bytes());
    }
    let mut header = Vec::new();
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    let row: Vec<u8> = std::iter::once(0).chain((0..width).flat_map(|_| [28, 93, 132])).collect();
    let pixels: Vec<u8> = (0..height).flat_map(|_| row.iter().copied()).collect();
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &header);
    chunk(&mut out, b"IDAT", &miniz_oxide::deflate::compress_to_vec_zlib(&pixels, 6));
    chunk(&mut out, b"IEND", &[]);
    out
}

/// The sample with every part a report can have: speakers, working groups, an extra section,
/// counted governorates, every figure, a discussion point without a heading, presenters, a sign-off.
fn full_sample() -> Report {
    let mut report = fixture("tests/fixtures/report-v1.json");
    report.programme = "Localization programme".into();
    report.moderator = "Huda K.".into();
    report.speakers = vec![
        Speaker {
            name: "Dr. Ali Hassan".into(),
            position: "Director".into(),
            organization: "Dhi Qar Health Directorate".into(),
            summary: "Spoke about referrals.\n\nAsked for a shared list of services.".into(),
            ..Default::default()
        },
        Speaker {
            name: "Layla Abbas".into(),
            summary: "Presented the volunteer network.".into(),
            ..Default::default()
        },
    ];
    report.working_groups = vec![WorkingGroup {
        topic: "Coordination with the governorate".into(),
        facilitator: "Sabreen Alwaeli".into(),
        members: "Ahmed\nMariam\nYousif".into(),
        member_count: WholeNumber::new("3"),
        outcomes: "A monthly meeting was agreed.".into(),
        ..Default::default()
    }];
    report.extra_sections = vec![Section {
        heading: "Panel discussion".into(),
        text: "Three panellists answered questions.".into(),
        ..Default::default()
    }];
    report.participants.governorates = vec![
        GovernorateCount { name: "Dhi Qar".into(), count: WholeNumber::new("12"), ..Default::default() },
        GovernorateCount { name: "Basra".into(), count: WholeNumber::new("3"), ..Default::default() },
    ];
    report.participants.under_18 = WholeNumber::new("2");
    report.participants.with_disabilities = WholeNumber::new("1");
    report
        .discussion_points
        .push(DiscussionPoint { details: "A point without a heading.\nSecond line.".into(), ..Default::default() });
    report.agenda[1].presenter = "Ammar M.S. Alghurabi".into();
    report.sign_off.prepared_by =
        Signatory { name: "Sabreen Alwaeli".into(), position: "Project Coordinator".into(), date: "2024-03-08".into() };
    report.sign_off.approved_by = Signatory { name: "Ammar M.S. Alghurabi".into(), ..Default::default() };
    report
}

/// The Arabic sample with two photos (one shown twice) and captions.
fn arabic_with_photos() -> (Report, PhotoData) {
    let mut report = fixture("tests/fixtures/report-v1-arabic.json");
    let photo = |id: &str, caption: &str| PhotoRef { id: id.into(), caption: caption.into() };
    report.attachments = vec![Attachment {
        description: "صور المشاركين https://example.org/صور".into(),
        photos: vec![photo("p1", "المشاركون في الجلسة"), photo("p2", ""), photo("p1", "مرة أخرى")],
        ..Default::default()
    }];
    let photos: PhotoData = [
        ("p1".to_owned(), data_url("image/png", &png(640, 480))),
        ("p2".to_owned(), data_url("image/png", &png(300, 900))),
    ]
    .into();
    (report, photos)
}

/// Every text field of `report` holding `text` (counts included: they keep what was typed).
fn with_every_field(report: &Report, text: &str) -> Report {
    fn fill(value: &mut serde_json::Value, text: &str) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, value) in map.iter_mut() {
                    if !["language", "activity_type", "digits", "id"].contains(&key.as_str()) {
                        fill(value, text);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|v| fill(v, text)),
            serde_json::Value::String(s) => *s = text.to_owned(),
            serde_json::Value::Number(_) | serde_json::Value::Null => *value = text.into(),
            serde_json::Value::Bool(_) => {}
        }
    }
    let mut value = serde_json::to_value(report).expect("report as JSON");
    fill(&mut value, text);
    serde_json::from_value(value).expect("report from JSON")
}

const NASTY: [&str; 4] = [
    "]]><w:t>&amp;</w:t><![CDATA[ \" ' < > &",
    "\u{0}\u{1}\u{8}\u{b}\u{c}\u{1b}\u{7f}\u{85}\u{FFFE}\u{FFFF}\u{FDD0}\u{1FFFE}controls",
    "\u{FFFD} replaced half of a surrogate pair, \u{202E}override\u{202C} and\ttab\r\nline\rbreaks",
    "javascript:alert(1) https://example.org/a?b=1&c=<2> mailto:x@y.org",
];

#[test]
fn libreoffice_reads_the_samples_in_the_printed_order_right_to_left_in_arabic_with_photos() {
    let dir = scratch("samples");
    let english = full_sample();
    let (arabic, photos) = arabic_with_photos();
    let nasty: Vec<Report> = NASTY.iter().map(|text| with_every_field(&english, text)).collect();
    let mut files = vec![dir.join("english.docx"), dir.join("arabic.docx")];
    std::fs::write(&files[0], report_docx(&english, &PhotoData::new(), &Letterhead::default())).expect("write");
    std::fs::write(&files[1], report_docx(&arabic, &photos, &Letterhead::default())).expect("write");
    for (n, report) in nasty.iter().enumerate() {
        files.push(dir.join(format!("odd-{n}.docx")));
        std::fs::write(&files[n + 2], report_docx(report, &PhotoData::new(), &Letterhead::default())).expect("write");
    }
    let read = libreoffice_reads(&dir, &files);

    // The same blocks as the printed page, in its order: every field of the sample is there.
    for ((report, photos), read) in [(&english, &PhotoData::new()), (&arabic, &photos)].into_iter().zip(&read) {
        let printed = printed_blocks(&report_html_with_photos(report, photos));
        let word: Vec<String> = paragraphs(read).into_iter().map(|(text, _)| text).collect();
        assert_eq!(word, printed);
    }
    assert!(paragraphs(&read[0]).iter().all(|(_, dir)| dir == "lr-tb"));
    assert_eq!(read[0]["images"], 0);

    // Arabic: every paragraph right to left but the one address, the languages set, photos in.
    let arabic_read = paragraphs(&read[1]);
    let ltr: Vec<&(String, String)> = arabic_read.iter().filter(|(_, dir)| dir != "rl-tb").collect();
    assert!(ltr.is_empty(), "left to right in the Arabic report: {ltr:?}");
    assert_eq!(read[1]["images"], 3, "three photos shown (two files)");
    let languages = read[1]["languages"].to_string();
    assert!(languages.contains("\"ar\"") && languages.contains("\"en\""), "{languages}");

    // Odd characters in every field: the file opens and shows the text, less what XML forbids.
    for (text, read) in NASTY.iter().zip(&read[2..]) {
        let word = paragraphs(read);
        assert!(word.len() > 40, "{text:?}: only {} paragraphs", word.len());
        let shown: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
        let word_text: String = word.iter().flat_map(|(t, _)| t.chars()).filter(|c| c.is_alphanumeric()).collect();
        assert!(word_text.contains(&shown.replace("\u{FFFE}", "")), "{text:?} not shown");
    }
}

#[test]
fn an_unpaired_surrogate_is_refused_at_import_so_it_never_reaches_a_word_file() {
    let sample = std::fs::read_to_string("tests/fixtures/report-v1.json").expect("fixture");
    let broken = sample.replacen("Fourth Dialogue", "Fourth \\ud800 Dialogue", 1);
    assert!(matches!(import_document(broken.as_bytes()), Err(ReadError::BrokenCharacter { .. })));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    #[test]
    fn every_part_is_well_formed_whatever_is_typed_into_every_field(
        text in prop_oneof![
            "\\PC{0,40}",
            "[\\x00-\\x1f<>&\"' \\]\\[a-z=/:;!-]{0,40}",
            proptest::sample::select(NASTY.to_vec()).prop_map(str::to_owned),
        ],
        arabic in any::<bool>(),
    ) {
        let dir = scratch("prop");
        let base = if arabic { fixture("tests/fixtures/report-v1-arabic.json") } else { fixture("tests/fixtures/report-v1.json") };
        let report = with_every_field(&base, &text);
        assert_well_formed(&report_docx(&report, &PhotoData::new(), &Letterhead::default()), &dir);
    }
}

/// Writes the English sample (every part a report can have) and the Arabic one with photos, both
/// on a letterhead, to
/// `target/word-samples/`, for `make word-screenshots` to render.
#[test]
#[ignore = "writes files for `make word-screenshots`"]
fn write_word_samples() {
    let dir = PathBuf::from("target/word-samples");
    std::fs::create_dir_all(&dir).expect("folder");
    let (arabic, photos) = arabic_with_photos();
    std::fs::write(dir.join("english.docx"), report_docx(&full_sample(), &PhotoData::new(), &letterhead(false)))
        .expect("write");
    std::fs::write(dir.join("arabic.docx"), report_docx(&arabic, &photos, &letterhead(true))).expect("write");
}

/// The number format of Word's List Number lists in `docx`, read by Python: the List Number
/// style's list, through its abstract definition, to the first level's `w:numFmt`.
fn list_number_format(docx: &[u8], dir: &Path) -> String {
    let file = dir.join("numbering.docx");
    std::fs::write(&file, docx).expect("write");
    let script = r#"
import sys, zipfile, xml.dom.minidom as m
z = zipfile.ZipFile(sys.argv[1])
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
val = lambda e: e.getAttributeNS(W, 'val')
styles = m.parseString(z.read('word/styles.xml'))
numbering = m.parseString(z.read('word/numbering.xml'))
style = [s for s in styles.getElementsByTagNameNS(W, 'style') if s.getAttributeNS(W, 'styleId') == 'ListNumber'][0]
num_id = val(style.getElementsByTagNameNS(W, 'numId')[0])
num = [n for n in numbering.getElementsByTagNameNS(W, 'num') if n.getAttributeNS(W, 'numId') == num_id][0]
abstract_id = val(num.getElementsByTagNameNS(W, 'abstractNumId')[0])
abstract = [a for a in numbering.getElementsByTagNameNS(W, 'abstractNum') if a.getAttributeNS(W, 'abstractNumId') == abstract_id][0]
print(val(abstract.getElementsByTagNameNS(W, 'numFmt')[0]))
"#;
    let out = Command::new("python3").arg("-c").arg(script).arg(&file).output().expect("python3");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// Word writes Arabic-Indic list numbers (١، ٢، ٣) as `hindiNumbers`, its name for them.
/// (LibreOffice 7.4 does not read that format and shows Western digits.)
#[test]
fn numbered_lists_count_in_the_reports_digits() {
    let dir = scratch("numbering");
    let mut arabic = fixture("tests/fixtures/report-v1-arabic.json");
    arabic.digits = Digits::ArabicIndic;
    assert_eq!(
        list_number_format(&report_docx(&arabic, &PhotoData::new(), &Letterhead::default()), &dir),
        "hindiNumbers"
    );
    arabic.digits = Digits::Western;
    assert_eq!(list_number_format(&report_docx(&arabic, &PhotoData::new(), &Letterhead::default()), &dir), "decimal");
    assert_eq!(
        list_number_format(&report_docx(&full_sample(), &PhotoData::new(), &Letterhead::default()), &dir),
        "decimal"
    );
}

/// A letterhead in `arabic` or English: a logo, two partner logos (one image used twice) and a
/// footer of three lines.
fn letterhead(arabic: bool) -> Letterhead {
    let logo = data_url("image/png", &png(400, 160));
    let partner = data_url("image/png", &png(300, 300));
    let (name, funded, with, address) = if arabic {
        ("جمعية الأمل للتنمية", "بتمويل من", "بالشراكة مع", "شارع ١٤، الناصرية، ذي قار")
    } else {
        ("Al-Amal Development Association", "Funded by", "In partnership with", "Street 14, Nasiriyah, Dhi Qar")
    };
    Letterhead {
        organisation: name.into(),
        logo: Some(logo),
        partners: vec![
            PartnerMark { caption: funded.into(), logo: partner.clone() },
            PartnerMark { caption: with.into(), logo: partner },
        ],
        footer: vec![address.into(), "+964 780 000 0000 · info@example.org".into(), "Reg. 1234".into()],
    }
}

#[test]
fn libreoffice_reads_the_letterhead_first_and_the_footer_on_the_page_in_english_and_arabic() {
    let dir = scratch("letterhead");
    let english = full_sample();
    let (arabic, photos) = arabic_with_photos();
    let odd = Letterhead { organisation: NASTY[0].into(), footer: vec![NASTY[1].into()], ..letterhead(false) };
    let files = [dir.join("english.docx"), dir.join("arabic.docx"), dir.join("odd.docx")];
    std::fs::write(&files[0], report_docx(&english, &PhotoData::new(), &letterhead(false))).expect("write");
    std::fs::write(&files[1], report_docx(&arabic, &photos, &letterhead(true))).expect("write");
    std::fs::write(&files[2], report_docx(&english, &PhotoData::new(), &odd)).expect("write");
    let read = libreoffice_reads(&dir, &files);

    for ((report, photos, letterhead), read) in
        [(&english, &PhotoData::new(), letterhead(false)), (&arabic, &photos, letterhead(true))].into_iter().zip(&read)
    {
        let word: Vec<String> = paragraphs(read).into_iter().map(|(text, _)| text).collect();
        // The letterhead first, in the page's order; then the report as the page prints it.
        let head = [&letterhead.organisation, &letterhead.partners[0].caption, &letterhead.partners[1].caption];
        assert_eq!(word[..3], head.map(String::as_str));
        let page = printable_html(report, photos, &letterhead);
        // The page's screen footer (the organisation's lines) is in Word's page footer instead.
        let mut printed = printed_blocks(&page);
        printed.remove(printed.len() - 2);
        assert_eq!(word[3..], printed[3..]);
        let footer: Vec<&str> =
            read["footer"].as_array().expect("footer").iter().filter_map(|l| l[0].as_str()).collect();
        assert_eq!(footer[..3], letterhead.footer.iter().map(String::as_str).collect::<Vec<_>>()[..]);
        assert!(footer[3].contains('/'), "page numbers under the footer: {footer:?}");
    }
    assert_eq!(read[0]["images"], 3, "the logo and two partner logos");
    assert_eq!(read[1]["images"], 6, "three logos and three photos");
    let arabic_footer = read[1]["footer"].as_array().expect("footer");
    assert_eq!(arabic_footer[0][1], "rl-tb", "an Arabic address reads right to left");
    assert!(paragraphs(&read[2]).len() > 40, "a letterhead of odd characters still opens");
}
