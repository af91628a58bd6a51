//! The printable report: safe for any input, complete, and as it looked when last reviewed.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use scraper::{Html, Selector};
use taqrir::core::document::read_document;
use taqrir::core::document::ReadError;
use taqrir::core::export::letterhead::{Letterhead, PartnerMark};
use taqrir::core::export::{printable_html, report_file_html, report_html, report_html_with_photos};
use taqrir::core::photos::PhotoData;
use taqrir::core::report::*;
use taqrir::core::report_file::read_report_file;

fn sample() -> Report {
    let text = std::fs::read_to_string("tests/fixtures/report-v1.json").expect("fixture");
    read_document(&text).expect("sample reads").report
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("selector");
    html.select(&selector).collect()
}

/// The whole document's text, as a reader sees it.
fn body_text(html: &Html) -> String {
    select(html, "body").iter().flat_map(|b| b.text()).collect()
}

/// Nothing in the document can run: no script, no handler, no unsafe URL, no plugin, no frame.
fn assert_inert(html: &Html) {
    assert!(select(html, "script, iframe, object, embed, frame, base, form").is_empty(), "active element");
    for element in select(html, "*") {
        for (name, value) in element.value().attrs() {
            assert!(!name.to_ascii_lowercase().starts_with("on"), "handler attribute {name}={value}");
            if name == "src" && element.value().name() == "img" {
                assert!(taqrir::core::photos::is_image_data_url(value), "unsafe image {value}");
                continue;
            }
            if matches!(name, "href" | "src" | "action" | "formaction" | "xlink:href") {
                let lower = value.to_ascii_lowercase();
                assert!(
                    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"),
                    "unsafe URL {name}={value}"
                );
            }
        }
    }
    let csp = select(html, r#"meta[http-equiv="Content-Security-Policy"]"#);
    assert_eq!(csp.len(), 1);
    let policy = csp[0].value().attr("content").unwrap_or_default();
    assert!(policy.contains("default-src 'none'") && !policy.contains("script-src"), "{policy}");
}

fn text_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,40}",
        "[<>&\"' a-z=/:;()-]{0,30}",
        Just("<script>alert(1)</script>".to_owned()),
        Just("الجلسة الحوارية الرابعة — <b>".to_owned()),
        Just("javascript:alert(1)".to_owned()),
    ]
}

prop_compose! {
    fn any_report()(
        texts in proptest::collection::vec(text_strategy(), 40),
        language in prop_oneof![Just(Language::English), Just(Language::Arabic), Just(Language::Kurdish)],
    ) -> Report {
        let t = |i: usize| texts[i].clone();
        Report {
            title: t(0), project_name: t(1), programme: t(2), organizing_organization: t(3),
            partner_organizations: t(4), donor: t(5), venue: t(6), city: t(7), governorate: t(8),
            country: t(9), introduction: t(10), aim: t(11), session_topic: t(12), conclusion: t(13),
            next_steps: t(14), moderator: t(15), date: t(16), start_time: t(17), end_time: t(18),
            language,
            facilitators: vec![Facilitator { name: t(19), role: t(20), ..Default::default() }],
            speakers: vec![Speaker { name: t(21), position: t(22), organization: t(23), summary: t(24), ..Default::default() }],
            objectives: vec![TextItem::new(t(25))],
            agenda: vec![AgendaItem { start: t(26), end: t(27), item: t(28), presenter: t(29), ..Default::default() }],
            discussion_points: vec![DiscussionPoint { heading: t(30), details: t(31), ..Default::default() }],
            results: vec![TextItem::new(t(32))],
            recommendations: vec![TextItem::new(t(33))],
            attachments: vec![Attachment { description: t(34), ..Default::default() }],
            working_groups: vec![WorkingGroup { topic: t(35), facilitator: t(36), members: t(37), outcomes: t(38), ..Default::default() }],
            extra_sections: vec![Section { heading: t(39), text: t(0), ..Default::default() }],
            participants: Participants {
                categories: vec![ParticipantCategory { label: t(1), count: WholeNumber::new(t(2)), ..Default::default() }],
                governorates: vec![GovernorateCount { name: t(3), count: WholeNumber::new("4"), ..Default::default() }],
                total: WholeNumber::new(t(5)),
                ..Default::default()
            },
            sign_off: SignOff {
                prepared_by: Signatory { name: t(6), position: t(7), date: t(16) },
                approved_by: Signatory { name: t(8), position: t(9), date: t(10) },
                ..Default::default()
            },
            ..Report::blank()
        }
    }
}

/// Whitespace-insensitive containment: the writer may break lines into `<br>` and paragraphs.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_text_in_any_field_stays_text(report in any_report()) {
        let html = Html::parse_document(&report_html(&report));
        assert_inert(&html);
        let text = squash(&body_text(&html));
        let fields = [
            &report.title, &report.organizing_organization, &report.venue, &report.introduction,
            &report.conclusion, &report.facilitators[0].name, &report.speakers[0].summary,
            &report.objectives[0].text, &report.agenda[0].item, &report.discussion_points[0].details,
            &report.recommendations[0].text, &report.attachments[0].description,
            &report.working_groups[0].outcomes, &report.extra_sections[0].heading,
            &report.participants.categories[0].label,
        ];
        for field in fields {
            let expected = squash(field);
            prop_assert!(text.contains(&expected), "{expected:?} is not in the text");
        }
    }
}

#[test]
fn known_attacks_are_written_as_text() {
    let attacks = [
        "<script>alert(1)</script>",
        "\" onerror=\"alert(1)",
        "' onmouseover='alert(1)",
        "</style><script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "<a href=\"javascript:alert(1)\">x</a>",
        "]]><!--<script>",
    ];
    for attack in attacks {
        let report = Report {
            title: attack.into(),
            introduction: format!("See {attack} and https://example.org/report and mailto:info@example.org"),
            venue: attack.into(),
            agenda: vec![AgendaItem { item: attack.into(), ..Default::default() }],
            ..sample()
        };
        let output = report_html(&report);
        let html = Html::parse_document(&output);
        assert_inert(&html);
        assert_eq!(select(&html, "h1")[0].text().collect::<String>(), attack);
        let links: Vec<_> =
            select(&html, "a").iter().filter_map(|a| a.value().attr("href")).map(str::to_owned).collect();
        assert_eq!(links, vec!["https://example.org/report", "mailto:info@example.org"], "{attack}");
    }
}

#[test]
fn empty_sections_are_left_out() {
    let html = Html::parse_document(&report_html(&Report { title: "Only a title".into(), ..Report::blank() }));
    assert!(
        select(&html, "h2").is_empty(),
        "{:?}",
        select(&html, "h2").iter().map(|h| h.text().collect::<String>()).collect::<Vec<_>>()
    );
    assert!(select(&html, "table, ol, ul").is_empty());
}

#[test]
fn an_arabic_report_is_right_to_left_with_arabic_headings_and_dates() {
    let report = Report {
        title: "الجلسة الحوارية الرابعة".into(),
        language: Language::Arabic,
        digits: Digits::ArabicIndic,
        date: "2024-03-07".into(),
        conclusion: "اختُتمت الجلسة بالتوصيات.".into(),
        participants: Participants { total: WholeNumber::new("15"), ..Default::default() },
        ..Report::blank()
    };
    let output = report_html(&report);
    let html = Html::parse_document(&output);
    let root = select(&html, "html")[0];
    assert_eq!(root.value().attr("dir"), Some("rtl"));
    assert_eq!(root.value().attr("lang"), Some("ar"));
    let headings: Vec<String> = select(&html, "h2").iter().map(|h| h.text().collect()).collect();
    assert_eq!(headings, vec!["تفاصيل النشاط", "المشاركون", "الخاتمة"]);
    assert!(body_text(&html).contains("٧ آذار ٢٠٢٤"));
    assert!(body_text(&html).contains("١٥"));
    assert_every_text_element_has_dir(&html);
}

#[test]
fn a_kurdish_report_has_kurdish_headings_and_labels() {
    let report = Report { language: Language::Kurdish, ..sample() };
    let html = Html::parse_document(&report_html(&report));
    let headings: Vec<String> = select(&html, "h2").iter().map(|h| h.text().collect()).collect();
    assert_eq!(headings[..3], ["وردەکاریی چالاکی", "پێشەکی", "ئامانج"]);
    assert_eq!(select(&html, "table.agenda th")[0].text().collect::<String>(), "کات");
    assert_eq!(select(&html, "footer")[0].text().collect::<String>(), "بە تەقریر ئامادە کراوە.");
}

#[test]
fn every_heading_and_label_of_an_arabic_or_kurdish_report_is_in_its_script() {
    for language in [Language::Arabic, Language::Kurdish] {
        let report = Report { language, ..english_golden_sample() };
        let html = Html::parse_document(&report_html(&report));
        for element in select(&html, "h2, th, .kind, .note, footer") {
            let text: String = element.text().collect();
            assert!(text.chars().any(|c| ('\u{0621}'..='\u{06D5}').contains(&c)), "{language:?}: {text}");
        }
    }
}

/// Every element that holds text says its direction, so mixed Arabic and Latin text reads right.
fn assert_every_text_element_has_dir(html: &Html) {
    for element in select(html, "body *") {
        let holds_text = element.children().any(|child| child.value().as_text().is_some_and(|t| !t.trim().is_empty()));
        if holds_text {
            assert!(element.value().attr("dir").is_some(), "<{}> holds text without dir", element.value().name());
        }
    }
}

/// The English sample with what a broken escaper or line rule would change: markup characters,
/// quotes, Arabic, line ends from other systems, a control character and a link with a bidi override.
fn english_golden_sample() -> Report {
    let mut report = sample();
    report.partner_organizations = "Youth & Peace <Basra> \"Salam\" 'Forum' — منتدى الشباب".into();
    report
        .objectives
        .push(TextItem::new("Agree the next steps\r\nwith the council & the \"youth\" forum\rbefore <June>"));
    report.next_steps.push_str("\u{0}\r\n\r\nMinutes: https://example.org/\u{202E}setunim.pdf");
    report.sign_off = SignOff {
        prepared_by: Signatory {
            name: "Sabreen Alwaeli".into(),
            position: "M&E officer".into(),
            date: "2024-03-08".into(),
        },
        reviewed_by: Signatory {
            name: "Ammar M.S. Alghurabi".into(),
            position: "Project Manager".into(),
            date: String::new(),
        },
        approved_by: Signatory { name: "Dr. Huda <Director>".into(), ..Default::default() },
    };
    report
}

/// The Arabic sample, with markup characters, quotes and an imported line end in Arabic text.
fn arabic_golden_sample() -> Report {
    let text = std::fs::read_to_string("tests/fixtures/report-v1-arabic.json").expect("fixture");
    let mut report = read_document(&text).expect("reads").report;
    report.partner_organizations = "شبكة \"سلام\" & منتدى 'الشباب' <البصرة>".into();
    report.agenda[0].item.push_str("\r\nاستراحة قصيرة");
    report.sign_off = SignOff {
        prepared_by: Signatory {
            name: "صابرين الوائلي".into(),
            position: "مسؤولة المتابعة والتقييم".into(),
            date: "2024-03-08".into(),
        },
        approved_by: Signatory {
            name: "عمار الغرابي".into(),
            position: "مدير المشروع".into(),
            date: "2024-03-10".into(),
        },
        ..Default::default()
    };
    report
}

fn arabic_report_with_photos() -> (Report, PhotoData) {
    let (mut report, photos) = report_with_photos();
    report.language = Language::Arabic;
    report.digits = Digits::ArabicIndic;
    report.attachments[0].photos[0].caption = "المشاركون \"والضيوف\" & <الإعلام>".into();
    (report, photos)
}

/// An organisation's letterhead, with what could break a stylesheet or the markup in its words.
fn letterhead(arabic: bool) -> Letterhead {
    let (organisation, funded, partner, address) = if arabic {
        ("جمعية \"الأمل\" & <التنمية>", "بتمويل من", "بالشراكة مع", "شارع ١٤، الناصرية، ذي قار")
    } else {
        ("Al-Amal \"Hope\" & <Development>", "Funded by", "In partnership with", "Street 14, Nasiriyah, Dhi Qar")
    };
    Letterhead {
        organisation: organisation.into(),
        logo: Some(PNG.into()),
        partners: vec![
            PartnerMark { caption: funded.into(), logo: JPEG.into() },
            PartnerMark { caption: partner.into(), logo: PNG.into() },
        ],
        footer: vec![
            address.into(),
            "+964 780 000 0000 · info@example.org".into(),
            "Reg. \"1234\" \\ } </style><script>alert(1)</script>".into(),
        ],
    }
}

/// Each golden file with the output it holds.
fn golden_samples() -> [(&'static str, String); 5] {
    let (photos_report, photos) = arabic_report_with_photos();
    let none = PhotoData::new();
    [
        ("tests/golden/sample-report.html", report_html(&english_golden_sample())),
        ("tests/golden/sample-report-arabic.html", report_html(&arabic_golden_sample())),
        ("tests/golden/report-with-photos-arabic.html", report_html_with_photos(&photos_report, &photos)),
        ("tests/golden/letterhead-report.html", printable_html(&english_golden_sample(), &none, &letterhead(false))),
        (
            "tests/golden/letterhead-report-arabic.html",
            printable_html(&arabic_golden_sample(), &none, &letterhead(true)),
        ),
    ]
}

#[test]
fn the_letterhead_prints_the_logos_first_and_the_footer_on_every_page_in_english_and_arabic() {
    for (arabic, sample) in [(false, english_golden_sample()), (true, arabic_golden_sample())] {
        let letterhead = letterhead(arabic);
        let output = printable_html(&sample, &PhotoData::new(), &letterhead);
        let golden =
            if arabic { "tests/golden/letterhead-report-arabic.html" } else { "tests/golden/letterhead-report.html" };
        assert_golden(&output, golden);
        let html = Html::parse_document(&output);
        assert_inert(&html);
        assert_every_text_element_has_dir(&html);
        // The letterhead comes first in the page, before the title.
        let first = select(&html, "main > *")[0];
        assert_eq!(first.value().attr("class"), Some("letterhead"));
        let logos: Vec<(&str, &str)> = select(&html, ".letterhead img")
            .iter()
            .map(|img| (img.value().attr("src").unwrap_or(""), img.value().attr("alt").unwrap_or("")))
            .collect();
        assert_eq!(
            logos,
            [
                (PNG, letterhead.organisation.as_str()),
                (JPEG, letterhead.partners[0].caption.as_str()),
                (PNG, letterhead.partners[1].caption.as_str())
            ]
        );
        let captions: Vec<String> =
            select(&html, "figure.partner figcaption").iter().map(|c| c.text().collect()).collect();
        assert_eq!(captions, [letterhead.partners[0].caption.as_str(), letterhead.partners[1].caption.as_str()]);
        let name: String = select(&html, ".organisation-name")[0].text().collect();
        assert_eq!(name, letterhead.organisation);
        // The footer: in the middle of every page's bottom margin (the page numbers at its end
        // corner), and on screen at the end; its words never close the stylesheet.
        let style: String = select(&html, "style")[0].text().collect();
        // Each line isolated (FSI … PDI), so a Latin address reads left to right in an Arabic report.
        let first = if arabic { "شارع" } else { "Street 14" };
        assert!(style.contains(&format!("@bottom-center {{ content: \"\\2068\" \"{first}")), "{style}");
        assert!(style.contains("\"\\A\" \"\\2068\" \"+964 780 000 0000 · info@example.org\" \"\\2069\""), "{style}");
        assert!(
            style.contains("\\22 1234\\22  \\5c  } \\3c /style\\3e \\3c script\\3e alert(1)\\3c /script\\3e \""),
            "{style}"
        );
        let numbers_corner =
            if arabic { "@bottom-left { content: counter(page)" } else { "@bottom-right { content: counter(page)" };
        assert!(style.contains(numbers_corner), "{style}");
        let footer: String = select(&html, "main > footer")[0].text().collect();
        assert!(footer.contains("info@example.org") && footer.contains("</script>"), "{footer}");
    }
}

#[test]
fn a_report_with_no_letterhead_prints_as_it_did() {
    let sample = english_golden_sample();
    let output = printable_html(&sample, &PhotoData::new(), &Letterhead::default());
    assert_eq!(output, report_html(&sample));
    assert!(!output.contains("letterhead"));
    // Logos that are not images are left out, and with them a letterhead of nothing else.
    let not_images = Letterhead {
        logo: Some("javascript:alert(1)".into()),
        partners: vec![PartnerMark { caption: String::new(), logo: "https://example.org/x.png".into() }],
        ..Letterhead::default()
    };
    assert_eq!(printable_html(&sample, &PhotoData::new(), &not_images), report_html(&sample));
}

/// Compares `output` with its reviewed golden file. A test run never writes one: `make golden`
/// rewrites them (through `write_golden_files`), and the diff is reviewed before it is committed.
fn assert_golden(output: &str, golden: &str) {
    let expected = std::fs::read_to_string(golden).expect("golden file (`make golden` writes it)");
    assert!(output == expected, "{golden} changed; if that is intended, run `make golden` and review the diff");
}

#[test]
#[ignore = "rewrites tests/golden/: run through `make golden`, then review the diff"]
fn write_golden_files() {
    for (golden, output) in golden_samples() {
        std::fs::write(golden, output).expect("write golden");
    }
}

#[test]
fn the_golden_samples_hold_markup_characters_quotes_and_arabic() {
    for (golden, output) in golden_samples() {
        let body = &output[output.find("<body>").expect("body")..];
        for needle in ["&lt;", "&gt;", "&amp;", "&quot;"] {
            assert!(body.contains(needle), "{golden} lacks {needle}");
        }
        assert!(body.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)), "{golden} lacks Arabic");
    }
    assert!(golden_samples()[0].1.contains("&#39;"));
}

#[test]
fn the_arabic_sample_matches_its_reviewed_golden_file() {
    let output = report_html(&arabic_golden_sample());
    assert_golden(&output, "tests/golden/sample-report-arabic.html");
    let html = Html::parse_document(&output);
    assert_inert(&html);
    assert_every_text_element_has_dir(&html);
    assert_eq!(select(&html, "html")[0].value().attr("dir"), Some("rtl"));
    assert!(body_text(&html).contains("٠٩:٠٠ – ١٣:٠٠"));
}

#[test]
fn the_sample_report_matches_its_reviewed_golden_file() {
    let output = report_html(&english_golden_sample());
    let golden = "tests/golden/sample-report.html";
    assert_golden(&output, golden);
    let html = Html::parse_document(&output);
    assert_inert(&html);
    assert_every_text_element_has_dir(&html);
    // Every part of the sample is there.
    let text = body_text(&html);
    for needle in [
        "7 March 2024",
        "09:00 – 13:00",
        "Ammar M.S. Alghurabi (Project Manager)",
        "Media coverage from the Ahwar Channel.",
        "Short Break",
        "Community Engagement",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
    assert_eq!(select(&html, "table.agenda tbody tr").len(), 10);
    assert_eq!(select(&html, "ol.discussion > li").len(), 5);
}

/// A 1×1 PNG and a tiny JPEG header, enough to stand for photos.
const PNG: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
const JPEG: &str = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAP8=";

fn photo(id: &str, caption: &str) -> PhotoRef {
    PhotoRef { id: id.into(), caption: caption.into() }
}

fn report_with_photos() -> (Report, PhotoData) {
    let report = Report {
        title: "Fourth Dialogue Session".into(),
        attachments: vec![
            Attachment {
                description: "Group photos of participants.".into(),
                photos: vec![photo("p1", "Participants <and> guests"), photo("p2", ""), photo("p3", "Not stored")],
                ..Default::default()
            },
            Attachment { description: "The project poster.".into(), ..Default::default() },
            Attachment { photos: vec![photo("p4", "Media coverage")], ..Default::default() },
        ],
        ..Report::blank()
    };
    let photos: PhotoData =
        [("p1".to_owned(), JPEG.to_owned()), ("p2".to_owned(), PNG.to_owned()), ("p4".to_owned(), JPEG.to_owned())]
            .into();
    (report, photos)
}

#[test]
fn photos_are_embedded_as_figures_with_their_captions() {
    let (report, photos) = report_with_photos();
    let output = report_html_with_photos(&report, &photos);
    let html = Html::parse_document(&output);
    assert_inert(&html);
    let items = select(&html, "ol.attachments > li");
    assert_eq!(items.len(), 3);
    let figures = select(&html, "ol.attachments > li:first-child .photos > figure.photo");
    assert_eq!(figures.len(), 2, "the photo with no data is left out");
    let images: Vec<(String, String)> = select(&html, "figure.photo img")
        .iter()
        .map(|img| (img.value().attr("src").unwrap_or("").to_owned(), img.value().attr("alt").unwrap_or("").to_owned()))
        .collect();
    assert_eq!(
        images,
        vec![
            (JPEG.to_owned(), "Participants <and> guests".to_owned()),
            (PNG.to_owned(), "Photo 2".to_owned()),
            (JPEG.to_owned(), "Media coverage".to_owned()),
        ]
    );
    let captions: Vec<String> = select(&html, "figure.photo figcaption").iter().map(|c| c.text().collect()).collect();
    assert_eq!(captions, vec!["Participants <and> guests", "Media coverage"]);
    assert!(output.contains("<figcaption dir=\"auto\">Participants &lt;and&gt; guests</figcaption>"));
    // Two to a row on the page, and a figure is never split across pages.
    assert!(output.contains("grid-template-columns: repeat(2, minmax(0, 1fr))"));
    assert!(output.contains("figure.photo { margin: 0; break-inside: avoid;"));
    // The policy allows data: images and nothing that runs.
    let csp = select(&html, r#"meta[http-equiv="Content-Security-Policy"]"#)[0].value().attr("content").unwrap_or("");
    assert!(csp.contains("img-src data:"), "{csp}");
}

#[test]
fn only_image_data_urls_reach_an_img_src() {
    let attacks = [
        "javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
        "data:image/jpeg;base64,/9j/\" onerror=\"alert(1)",
        "https://example.org/tracker.png",
        "data:image/png,<svg onload=alert(1)>",
        "",
    ];
    for attack in attacks {
        let report = Report {
            attachments: vec![Attachment {
                description: "x".into(),
                photos: vec![photo("a", attack)],
                ..Default::default()
            }],
            ..Report::blank()
        };
        let photos: PhotoData = [("a".to_owned(), attack.to_owned())].into();
        let output = report_html_with_photos(&report, &photos);
        let html = Html::parse_document(&output);
        assert_inert(&html);
        assert!(select(&html, "img, figure").is_empty(), "{attack}");
    }
}

#[test]
fn captions_and_ids_of_any_text_stay_text() {
    let (mut report, photos) = report_with_photos();
    for attack in ["<script>alert(1)</script>", "\" onerror=\"alert(1)", "</figcaption><img src=x onerror=alert(1)>"] {
        report.attachments[0].photos[0].caption = attack.into();
        let html = Html::parse_document(&report_html_with_photos(&report, &photos));
        assert_inert(&html);
        assert_eq!(select(&html, "figcaption")[0].text().collect::<String>(), attack);
        assert_eq!(select(&html, "figure.photo img")[0].value().attr("alt"), Some(attack));
    }
}

#[test]
fn a_report_with_photos_matches_its_reviewed_golden_file() {
    let (report, photos) = arabic_report_with_photos();
    let output = report_html_with_photos(&report, &photos);
    assert_golden(&output, "tests/golden/report-with-photos-arabic.html");
    let html = Html::parse_document(&output);
    assert_inert(&html);
    assert_every_text_element_has_dir(&html);
    assert_eq!(select(&html, "figure.photo img")[1].value().attr("alt"), Some("الصورة ٢"));
}

/// The lines a reader sees in `element`: a break for each `<br>` and around each block, the
/// newlines inside text collapsed as HTML does, blank lines left out.
fn rendered_lines(element: scraper::ElementRef) -> Vec<String> {
    fn walk(element: scraper::ElementRef, out: &mut String) {
        let name = element.value().name();
        if name == "br" {
            out.push('\n');
            return;
        }
        let block = !matches!(name, "a" | "span" | "bdi");
        if block {
            out.push('\n');
        }
        for child in element.children() {
            match (scraper::ElementRef::wrap(child), child.value().as_text()) {
                (Some(child), _) => walk(child, out),
                (None, Some(text)) => out.push_str(&text.replace('\n', " ")),
                (None, None) => {}
            }
        }
        if block {
            out.push('\n');
        }
    }
    let mut out = String::new();
    walk(element, &mut out);
    out.split('\n').map(squash).filter(|line| !line.is_empty()).collect()
}

/// The lines `typed` should print as: any line end is a break, characters HTML forbids are gone.
fn expected_lines(typed: &str) -> Vec<String> {
    let allowed = |c: &char| {
        let noncharacter = matches!(*c as u32, 0xFDD0..=0xFDEF) || *c as u32 & 0xFFFE == 0xFFFE;
        !noncharacter && (!c.is_control() || matches!(c, '\n' | '\t'))
    };
    typed
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(|line| squash(&line.chars().filter(allowed).collect::<String>()))
        .filter(|line| !line.is_empty())
        .collect()
}

type Setter = fn(&mut Report, String);

/// Every box the editor shows as a multi-line text area (members excepted: its lines are names,
/// printed as a list after "Members:").
const MULTI_LINE_BOXES: [(&str, Setter); 13] = [
    ("introduction", |r, t| r.introduction = t),
    ("aim", |r, t| r.aim = t),
    ("session topic", |r, t| r.session_topic = t),
    ("objective", |r, t| r.objectives = vec![TextItem::new(t)]),
    ("speaker summary", |r, t| r.speakers = vec![Speaker { name: "Speaker".into(), summary: t, ..Default::default() }]),
    ("agenda item", |r, t| r.agenda = vec![AgendaItem { start: "09:00".into(), item: t, ..Default::default() }]),
    ("discussion details", |r, t| {
        r.discussion_points = vec![DiscussionPoint { heading: "Point".into(), details: t, ..Default::default() }]
    }),
    ("working group outcomes", |r, t| {
        r.working_groups = vec![WorkingGroup { topic: "Group".into(), outcomes: t, ..Default::default() }]
    }),
    ("result", |r, t| r.results = vec![TextItem::new(t)]),
    ("recommendation", |r, t| r.recommendations = vec![TextItem::new(t)]),
    ("extra section text", |r, t| {
        r.extra_sections = vec![Section { heading: "More".into(), text: t, ..Default::default() }]
    }),
    ("conclusion", |r, t| r.conclusion = t),
    ("next steps", |r, t| r.next_steps = t),
];

/// Whether `lines` appear one after another in what `report` prints.
fn prints_lines(report: &Report, lines: &[String]) -> bool {
    let html = Html::parse_document(&report_html(report));
    let main = select(&html, "main")[0];
    lines.is_empty() || rendered_lines(main).windows(lines.len()).any(|window| window == lines)
}

#[test]
fn every_multi_line_box_keeps_its_line_breaks() {
    for (name, set) in MULTI_LINE_BOXES {
        let mut report = Report::blank();
        set(&mut report, "First line\nsecond line\n\nnew paragraph".into());
        let lines = ["First line", "second line", "new paragraph"].map(String::from);
        assert!(prints_lines(&report, &lines), "{name}");
    }
}

#[test]
fn windows_and_old_mac_line_ends_print_as_line_breaks_never_as_replacement_characters() {
    for (name, set) in MULTI_LINE_BOXES {
        let mut report = Report::blank();
        set(&mut report, "Opening\r\nWelcome\rTea break\r\n\r\nLunch".into());
        let output = report_html(&report);
        assert!(!output.contains('\u{FFFD}') && !output.contains('\r'), "{name}");
        let lines = ["Opening", "Welcome", "Tea break", "Lunch"].map(String::from);
        assert!(prints_lines(&report, &lines), "{name}");
    }
}

#[test]
fn characters_html_forbids_are_dropped_never_printed_as_replacement_characters() {
    let report = Report {
        title: "Ses\u{0}sion\u{7} on\u{1b}[31m\u{7f} water\u{85}\u{9f}\u{FDD0}\u{FFFE}\u{1FFFF}\u{10FFFF}".into(),
        introduction: "Tab\tstays\u{b}\u{c}".into(),
        attachments: vec![Attachment {
            photos: vec![PhotoRef { id: "p".into(), caption: "Cap\u{1}tion".into() }],
            ..Default::default()
        }],
        ..Report::blank()
    };
    let photos: PhotoData = [("p".to_owned(), PNG.to_owned())].into();
    let output = report_html_with_photos(&report, &photos);
    assert!(!output.contains('\u{FFFD}'));
    assert!(!output.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t')));
    let html = Html::parse_document(&output);
    assert_eq!(select(&html, "h1")[0].text().collect::<String>(), "Session on[31m water");
    assert_eq!(select(&html, "title")[0].text().collect::<String>(), "Session on[31m water");
    assert_eq!(select(&html, "figure img")[0].value().attr("alt"), Some("Caption"));
    assert!(body_text(&html).contains("Tab\tstays"));
}

fn line_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "\\PC{1,12}",
        1 => "[<>&\"' ]{1,4}",
        1 => Just("https://example.org/a".to_owned()),
        1 => prop::sample::select(vec!["\u{0}", "\u{8}", "\u{1b}", "\u{7f}", "\u{85}", "\u{FDD0}", "\u{FFFF}"])
            .prop_map(str::to_owned),
    ];
    proptest::collection::vec(piece, 1..4).prop_map(|pieces| pieces.concat())
}

fn multi_line_strategy() -> impl Strategy<Value = String> {
    let line_end = prop::sample::select(vec!["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\r\r"]);
    (line_strategy(), proptest::collection::vec((line_end, line_strategy()), 0..5))
        .prop_map(|(first, rest)| rest.into_iter().fold(first, |text, (end, line)| text + end + &line))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_multi_line_text_prints_line_for_line_without_replacement_characters(text in multi_line_strategy()) {
        let lines = expected_lines(&text);
        for (name, set) in MULTI_LINE_BOXES {
            let mut report = Report::blank();
            set(&mut report, text.clone());
            let output = report_html(&report);
            let replacements = |text: &str| text.matches('\u{FFFD}').count();
            let printed = body_text(&Html::parse_document(&output));
            prop_assert_eq!(replacements(&printed), replacements(&text), "{}: replacement character printed", name);
            prop_assert!(!output.contains('\r'), "{name}: carriage return printed");
            prop_assert!(prints_lines(&report, &lines), "{name}: {lines:?} not printed line for line");
        }
    }
}

#[test]
fn links_show_where_they_go_whatever_bidi_controls_the_text_holds() {
    let report = Report {
        introduction:
            "Minutes at https://example.org/\u{202E}fdp.exe and \u{202E} https://example.org/\u{2066}a\u{2069}/b \
                       and mailto:\u{202B}info@example.org\u{202C}."
                .into(),
        ..Report::blank()
    };
    let output = report_html(&report);
    let html = Html::parse_document(&output);
    let links: Vec<(String, String, Option<&str>)> = select(&html, "a")
        .iter()
        .map(|a| (a.value().attr("href").unwrap_or("").to_owned(), a.text().collect(), a.value().attr("dir")))
        .collect();
    assert_eq!(
        links,
        vec![
            ("https://example.org/fdp.exe".to_owned(), "https://example.org/fdp.exe".to_owned(), Some("ltr")),
            ("https://example.org/a/b".to_owned(), "https://example.org/a/b".to_owned(), Some("ltr")),
            ("mailto:info@example.org".to_owned(), "mailto:info@example.org".to_owned(), Some("ltr")),
        ]
    );
}

/// The page as "Export HTML" writes it: carrying `document`, as Export JSON writes it.
fn page_carrying(document: &taqrir::core::document::Document) -> String {
    let json = taqrir::core::document::write_document(document);
    report_file_html(&document.report, &document.photos, &json, &Default::default())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_page_carries_the_report_inert_and_it_reads_back_whole(
        report in any_report(),
        odd in "[\\x00-\\x1f\\x7f-\\x9f\u{fdd0}\u{fffe}\u{1fffe}<>&\"'a]{0,12}",
    ) {
        let mut report = report;
        report.introduction.push_str(&odd);
        report.title.push_str("</template><script>alert(1)</script>");
        let (with_photos, photos) = report_with_photos();
        report.attachments = with_photos.attachments;
        let mut document = taqrir::core::document::Document::new(report);
        document.photos = photos;
        document.report_id = "mhx1-4fz0".into();
        document.edited_ms = Some(1_764_354_605_000);
        document.unknown_fields.insert("exported_by".into(), "a test".into());
        let page = page_carrying(&document);
        let html = Html::parse_document(&page);
        assert_inert(&html);
        prop_assert_eq!(select(&html, "template").len(), 1);
        let mut expected = document.clone();
        for count in expected.report.counts_mut() {
            *count = count.normalised();
        }
        prop_assert_eq!(read_report_file(page.as_bytes()), Ok(expected));
    }
}

#[test]
fn the_carried_report_is_not_shown_nor_printed() {
    let (report, photos) = report_with_photos();
    let document = taqrir::core::document::Document { photos, ..taqrir::core::document::Document::new(report) };
    let page = page_carrying(&document);
    let shown = report_html_with_photos(&document.report, &document.photos);
    let at = page.find("<template id=\"taqrir-report\">").expect("the data element");
    assert_eq!(&page[..at], shown.trim_end().trim_end_matches("</body></html>"), "the page shows what it showed");
    assert!(page[at..].ends_with("</template></body></html>\n"));
}

#[test]
fn a_page_without_a_carried_report_is_refused_in_words() {
    let page = report_html(&sample());
    let error = read_report_file(page.as_bytes()).unwrap_err();
    assert_eq!(error, ReadError::PageWithoutReport);
    assert!(error.message(Language::English).starts_with("This web page does not carry a report's data"));
    assert_eq!(read_report_file(b"<p>hello</p>"), Err(ReadError::PageWithoutReport));
    // A JSON file reads as before.
    let json = std::fs::read("tests/fixtures/report-v1.json").expect("fixture");
    assert_eq!(read_report_file(&json).map(|d| d.report), Ok(sample()));
}
