//! The JSON format: every field round-trips, every earlier version reads, wrong files are refused
//! with a message and nothing else happens.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use taqrir::core::document::*;
use taqrir::core::report::*;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/{name}")).expect("fixture")
}

fn number() -> impl Strategy<Value = WholeNumber> {
    prop_oneof![Just(String::new()), "[0-9]{1,5}", "\\PC{0,6}", Just("٠٩".to_owned())].prop_map(WholeNumber::new)
}

prop_compose! {
    fn any_report()(
        t in proptest::collection::vec("\\PC{0,24}", 24),
        n in proptest::collection::vec(number(), 12),
        kind in proptest::sample::select(ActivityType::ALL.to_vec()),
        language in proptest::sample::select(Language::ALL.to_vec()),
        arabic_digits in any::<bool>(),
        rows in 0usize..3,
    ) -> Report {
        let s = |i: usize| t[i % t.len()].clone();
        Report {
            title: s(0), activity_type: kind, session_number: n[0].clone(), project_name: s(1),
            programme: s(2), organizing_organization: s(3), partner_organizations: s(4), donor: s(5),
            language, digits: if arabic_digits { Digits::ArabicIndic } else { Digits::Western },
            date: s(6), start_time: s(7), end_time: s(8), venue: s(9), city: s(10), governorate: s(11),
            country: s(12), introduction: s(13), aim: s(14), session_topic: s(15), conclusion: s(16),
            next_steps: s(17), moderator: s(18),
            extra_sections: (0..rows).map(|i| Section { heading: s(i), text: s(i + 1), ..Default::default() }).collect(),
            facilitators: (0..rows).map(|i| Facilitator { name: s(i + 2), role: s(i + 3), ..Default::default() }).collect(),
            speakers: (0..rows).map(|i| Speaker { name: s(i), position: s(i + 1), organization: s(i + 2), summary: s(i + 3), ..Default::default() }).collect(),
            participants: Participants {
                total: n[1].clone(), male: n[2].clone(), female: n[3].clone(), sex_not_recorded: n[4].clone(),
                under_18: n[5].clone(), age_18_to_24: n[6].clone(), age_25_to_59: n[7].clone(),
                age_60_and_over: n[8].clone(), with_disabilities: n[9].clone(), guests: n[10].clone(),
                governorates: (0..rows).map(|i| GovernorateCount { name: s(i), count: n[11].clone(), ..Default::default() }).collect(),
                categories: (0..rows).map(|i| ParticipantCategory { label: s(i + 4), count: n[i].clone(), ..Default::default() }).collect(),
            },
            objectives: (0..rows).map(|i| TextItem::new(s(i + 5))).collect(),
            agenda: (0..rows).map(|i| AgendaItem { start: s(i), end: s(i + 1), item: s(i + 2), presenter: s(i + 3), ..Default::default() }).collect(),
            discussion_points: (0..rows).map(|i| DiscussionPoint { heading: s(i + 6), details: s(i + 7), ..Default::default() }).collect(),
            results: (0..rows).map(|i| TextItem::new(s(i + 8))).collect(),
            recommendations: (0..rows).map(|i| TextItem::new(s(i + 9))).collect(),
            attachments: (0..rows).map(|i| Attachment { description: s(i + 10), ..Default::default() }).collect(),
            working_groups: (0..rows).map(|i| WorkingGroup { topic: s(i), facilitator: s(i + 1), members: s(i + 2), member_count: n[i].clone(), outcomes: s(i + 3), ..Default::default() }).collect(),
            unknown_fields: Default::default(),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn every_field_round_trips(report in any_report()) {
        let document = Document::new(report);
        for text in [write_document(&document), write_document_pretty(&document)] {
            prop_assert_eq!(import_document(text.as_bytes()), Ok(document.clone()));
        }
    }
}

#[test]
fn the_version_1_fixture_imports() {
    let document = import_document(fixture("report-v1.json").as_bytes()).expect("v1 reads");
    let report = document.report;
    assert_eq!(report.title, "Fourth Dialogue Session on Empowering Communities");
    assert_eq!(report.participants.male.raw(), "09");
    assert_eq!(report.participants.total.value(), Some(15));
    assert_eq!(report.agenda.len(), 10);
    assert_eq!(report.facilitators[2].role, "Logistic officer");
}

#[test]
fn unknown_fields_survive_a_round_trip_in_the_envelope_and_the_report() {
    let text = r#"{"format":"taqrir-report","schema_version":1,"exported_by":"other tool",
        "report":{"title":"T","budget":{"usd":1200},"participants":{"total":3}}}"#;
    let document = import_document(text.as_bytes()).expect("reads");
    let again: serde_json::Value = serde_json::from_str(&write_document(&document)).expect("json");
    assert_eq!(again["exported_by"], "other tool");
    assert_eq!(again["report"]["budget"]["usd"], 1200);
    assert_eq!(again["report"]["title"], "T");
}

#[test]
fn a_file_that_is_not_json_says_where() {
    let error = import_document(b"{\n  \"format\": \"taqrir-report\",\n  \"report\": {,}\n}").unwrap_err();
    assert_eq!(error, ReadError::NotJson { line: 3, column: 14 });
    assert_eq!(
        error.message(Language::English),
        "This file is not valid JSON (line 3, column 14). Nothing was changed."
    );
}

#[test]
fn json_that_is_not_a_report_is_refused() {
    for text in [
        "[]",
        "{}",
        r#"{"format":"something-else","schema_version":1,"report":{}}"#,
        r#"{"format":"taqrir-report","report":{}}"#,
        r#"{"format":"taqrir-report","schema_version":1,"report":[]}"#,
    ] {
        assert_eq!(import_document(text.as_bytes()), Err(ReadError::NotAReport), "{text}");
    }
    assert_eq!(import_document(&[0xff, 0xfe, 0x00]), Err(ReadError::NotAReport));
    assert_eq!(
        ReadError::NotAReport.message(Language::English),
        "This file is not a Taqrir report. Nothing was changed."
    );
}

#[test]
fn a_newer_schema_is_refused_with_the_version() {
    let text = format!(r#"{{"format":"taqrir-report","schema_version":{},"report":{{}}}}"#, SCHEMA_VERSION + 1);
    let error = import_document(text.as_bytes()).unwrap_err();
    assert_eq!(error, ReadError::NewerVersion { found: SCHEMA_VERSION + 1 });
    assert!(error.message(Language::English).contains("newer version of Taqrir (schema 2)"));
}

#[test]
fn a_field_of_the_wrong_type_is_named() {
    let text = r#"{"format":"taqrir-report","schema_version":1,"report":{"agenda":"not a list"}}"#;
    let error = import_document(text.as_bytes()).unwrap_err();
    assert!(matches!(error, ReadError::Malformed { .. }));
    assert!(error.message(Language::English).starts_with("This report has a field Taqrir cannot read"));
}

#[test]
fn a_file_over_5_mb_is_refused_before_it_is_read() {
    let big = vec![b' '; MAX_IMPORT_BYTES + 1];
    assert_eq!(import_document(&big), Err(ReadError::TooLarge { bytes: MAX_IMPORT_BYTES + 1 }));
    assert_eq!(
        ReadError::TooLarge { bytes: 0 }.message(Language::English),
        "This file is larger than 5 MB, too large to be a report. Nothing was changed."
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(fixture("report-v1.json").as_bytes());
    assert!(import_document(&bytes).is_ok());
}

const JPEG: &str = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAP8=";

fn report_with_photo() -> Report {
    Report {
        title: "With a photo".into(),
        attachments: vec![Attachment {
            description: "Group photos of participants.".into(),
            photos: vec![PhotoRef { id: "p-1".into(), caption: "All of us".into() }],
            ..Default::default()
        }],
        ..Report::blank()
    }
}

#[test]
fn photos_round_trip_as_references_and_embedded_data() {
    let mut document = Document::new(report_with_photo());
    document.photos.insert("p-1".into(), JPEG.into());
    let text = write_document_pretty(&document);
    let value: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(value["photos"]["p-1"], JPEG);
    assert_eq!(value["report"]["attachments"][0]["photos"][0]["id"], "p-1");
    assert_eq!(value["report"]["attachments"][0]["photos"][0]["caption"], "All of us");
    assert_eq!(import_document(text.as_bytes()), Ok(document));
}

#[test]
fn a_stored_draft_has_no_photo_data_and_an_attachment_without_photos_is_unchanged() {
    let document = Document::new(report_with_photo());
    let value: serde_json::Value = serde_json::from_str(&write_document(&document)).expect("json");
    assert!(value.get("photos").is_none());
    let plain = Document::new(Report {
        attachments: vec![Attachment { description: "Poster".into(), ..Default::default() }],
        ..Report::blank()
    });
    let value: serde_json::Value = serde_json::from_str(&write_document(&plain)).expect("json");
    assert_eq!(value["report"]["attachments"][0], serde_json::json!({ "description": "Poster" }));
}

#[test]
fn attachments_written_before_photos_still_read() {
    let text = r#"{"format":"taqrir-report","schema_version":1,"report":{"attachments":[{"description":"Poster"}]}}"#;
    let document = import_document(text.as_bytes()).expect("reads");
    assert_eq!(document.report.attachments[0].description, "Poster");
    assert!(document.report.attachments[0].photos.is_empty());
    assert!(document.photos.is_empty());
}

#[test]
fn photo_data_that_is_not_an_image_is_dropped_and_the_report_still_opens() {
    let text = format!(
        r#"{{"format":"taqrir-report","schema_version":1,"report":{{"title":"T"}},
            "photos":{{"good":"{JPEG}","html":"data:text/html;base64,PHNjcmlwdD4=","svg":"data:image/svg+xml;base64,PHN2Zz4=","n":3,"js":"javascript:alert(1)"}}}}"#
    );
    let document = import_document(text.as_bytes()).expect("reads");
    assert_eq!(document.photos.keys().collect::<Vec<_>>(), ["good"]);
    assert!(document.unknown_fields.is_empty());
    let text = r#"{"format":"taqrir-report","schema_version":1,"report":{"title":"T"},"photos":[1,2]}"#;
    assert_eq!(import_document(text.as_bytes()).map(|d| d.report.title), Ok("T".to_owned()));
}

#[test]
fn photos_may_take_a_file_past_5_mb_but_the_report_may_not() {
    let mut document = Document::new(report_with_photo());
    let big_photo = format!("data:image/jpeg;base64,{}", "A".repeat(MAX_IMPORT_BYTES));
    document.photos.insert("p-1".into(), big_photo);
    let text = write_document(&document);
    assert!(text.len() > MAX_IMPORT_BYTES);
    assert_eq!(import_document(text.as_bytes()), Ok(document.clone()));

    document.report.introduction = "x".repeat(MAX_IMPORT_BYTES);
    let text = write_document(&document);
    assert_eq!(import_document(text.as_bytes()), Err(ReadError::TooLarge { bytes: text.len() }));

    let huge = vec![b' '; MAX_IMPORT_BYTES_WITH_PHOTOS + 1];
    let error = import_document(&huge).unwrap_err();
    assert_eq!(error, ReadError::TooLarge { bytes: MAX_IMPORT_BYTES_WITH_PHOTOS + 1 });
    assert!(error.message(Language::English).contains("larger than 64 MB"));
}
