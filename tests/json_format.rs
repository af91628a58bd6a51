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
        n in proptest::collection::vec(number(), 13),
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
                total: n[1].clone(), new_participants: n[12].clone(), male: n[2].clone(), female: n[3].clone(), sex_not_recorded: n[4].clone(),
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
            sign_off: SignOff {
                prepared_by: Signatory { name: s(19), position: s(20), date: s(21) },
                reviewed_by: Signatory::default(),
                approved_by: Signatory { name: s(22), position: s(23), date: s(6) },
            },
            unknown_fields: Default::default(),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn every_field_round_trips(report in any_report(), report_id in "[a-z0-9-]{0,12}", edited_ms in proptest::option::of(0u64..1 << 53)) {
        let document = Document { report_id, edited_ms, ..Document::new(report) };
        // Counts come back as JSON writes them: whole numbers in Western digits.
        let mut expected = document.clone();
        for count in expected.report.counts_mut() {
            *count = count.normalised();
        }
        for text in [write_document(&document), write_document_pretty(&document)] {
            prop_assert_eq!(import_document(text.as_bytes()), Ok(expected.clone()));
        }
    }
}

#[test]
fn the_version_1_fixture_imports() {
    let document = import_document(fixture("report-v1.json").as_bytes()).expect("v1 reads");
    let report = document.report;
    assert_eq!(report.title, "Fourth Dialogue Session on Empowering Communities");
    // Migrated from schema 1: the count typed "09" is the number 9.
    assert_eq!(report.participants.male.raw(), "9");
    assert_eq!(report.participants.total.value(), Some(15));
    assert_eq!(report.agenda.len(), 10);
    assert_eq!(report.facilitators[2].role, "Logistic officer");
}

#[test]
fn a_schema_1_file_migrates_counts_in_any_digits_to_numbers_and_keeps_what_is_not_a_number() {
    let text = r#"{"format":"taqrir-report","schema_version":1,"report":{"session_number":"٠٤",
        "participants":{"total":"٢٠","male":"۱۲","female":"08","guests":"12.5","under_18":"about 5",
        "governorates":[{"name":"Basra","count":"٢٠"}],"categories":[{"label":"Youth","count":" 3 "}]},
        "working_groups":[{"topic":"A","member_count":"٠٥"}]}}"#;
    let document = import_document(text.as_bytes()).expect("reads");
    let report = &document.report;
    let raw = |n: &WholeNumber| n.raw().to_owned();
    assert_eq!(raw(&report.session_number), "4");
    assert_eq!(raw(&report.participants.total), "20");
    assert_eq!(raw(&report.participants.male), "12");
    assert_eq!(raw(&report.participants.female), "8");
    assert_eq!(raw(&report.participants.guests), "12.5");
    assert_eq!(raw(&report.participants.under_18), "about 5");
    assert_eq!(raw(&report.participants.governorates[0].count), "20");
    assert_eq!(raw(&report.participants.categories[0].count), "3");
    assert_eq!(raw(&report.working_groups[0].member_count), "5");
    assert_eq!(document.report_id, "", "a file of schema 1 names no report");
    let written: serde_json::Value = serde_json::from_str(&write_document(&document)).expect("json");
    assert_eq!(written["schema_version"], 2);
    let p = &written["report"]["participants"];
    assert_eq!((p["total"].clone(), p["male"].clone(), p["female"].clone()), (20.into(), 12.into(), 8.into()));
    assert_eq!((p["guests"].clone(), p["under_18"].clone()), ("12.5".into(), "about 5".into()));
}

#[test]
fn a_schema_2_count_written_as_text_by_another_tool_still_reads() {
    let text = r#"{"format":"taqrir-report","schema_version":2,"report":{"participants":{"total":"٢٠"}}}"#;
    let document = import_document(text.as_bytes()).expect("reads");
    assert_eq!(document.report.participants.total.value(), Some(20));
    assert!(write_document(&document).contains(r#""total":20"#));
}

#[test]
fn the_report_id_and_last_edit_travel_in_the_envelope() {
    let document =
        Document { report_id: "mhx1-4fz0".into(), edited_ms: Some(1_764_354_605_000), ..Document::default() };
    let text = write_document(&document);
    assert!(text.starts_with(
        r#"{"format":"taqrir-report","schema_version":2,"report_id":"mhx1-4fz0","edited_ms":1764354605000,"#
    ));
    assert_eq!(import_document(text.as_bytes()), Ok(document));
    for (field, value, found) in
        [("report_id", "7", "a number"), ("edited_ms", r#""yesterday""#, "text"), ("edited_ms", "-1", "a number")]
    {
        let text = format!(r#"{{"format":"taqrir-report","schema_version":2,"{field}":{value},"report":{{}}}}"#);
        let error = import_document(text.as_bytes()).unwrap_err();
        assert!(matches!(&error, ReadError::WrongType { .. }), "{field}: {value}");
        let said = error.message(Language::English);
        assert!(said.contains(field) && said.contains(found), "{said}");
    }
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
    let said = format!("newer version of Taqrir (schema {})", SCHEMA_VERSION + 1);
    assert!(error.message(Language::English).contains(&said));
}

#[test]
fn a_schema_2_file_is_a_newer_version_for_a_schema_1_reader() {
    // What a reader of schema 1 checks: the envelope's version against the one it knows.
    let written = write_document(&Document::new(Report::blank()));
    let envelope: serde_json::Value = serde_json::from_str(&written).expect("json");
    assert_eq!(envelope["schema_version"], 2);
    assert!(envelope["schema_version"].as_u64() > Some(1));
}

/// A report document around `report`, the text of the report object.
fn report_doc(report: &str) -> String {
    format!(r#"{{"format":"taqrir-report","schema_version":1,"report":{report}}}"#)
}

/// A document whose envelope has `rest` after an empty report.
fn envelope_with(rest: &str) -> String {
    format!(r#"{{"format":"taqrir-report","schema_version":1,"report":{{}}{rest}}}"#)
}

fn refused(text: &str) -> ReadError {
    match import_document(text.as_bytes()) {
        Ok(document) => panic!("{text} was read as {document:?}"),
        Err(error) => error,
    }
}

/// Words a person can act on: something in every language, with no parser's jargon in it.
fn assert_in_words(error: &ReadError) {
    for lang in Language::ALL {
        let message = error.message(lang);
        assert!(!message.trim().is_empty() && !message.contains('{'), "{error:?} in {lang:?}: {message}");
        for jargon in ["invalid type", "sequence", "struct", "surrogate", "recursion", "expected `", "variant"] {
            assert!(!message.contains(jargon), "{error:?} in {lang:?}: {message}");
        }
        // The parser's "at line 3 column 14"; messages say "line 3, column 14".
        let parser_position = message.split("line ").skip(1).any(|rest| {
            let after = rest.trim_start_matches(|c: char| c.is_ascii_digit());
            after.len() < rest.len() && after.starts_with(" column")
        });
        assert!(!parser_position, "{error:?} in {lang:?}: {message}");
    }
}

#[test]
fn a_field_of_the_wrong_type_is_named() {
    for (report, english) in [
        (r#"{"agenda":"not a list"}"#, "The field “agenda” holds text, where Taqrir expects a list. Nothing was changed."),
        (
            r#"{"agenda":[{},{"start":9}]}"#,
            "The field “agenda item 2, start” holds a number, where Taqrir expects text. Nothing was changed.",
        ),
        (
            r#"{"participants":{"total":true}}"#,
            "The field “participants, total” holds true or false, where Taqrir expects a whole number. Nothing was changed.",
        ),
        (
            r#"{"activity_type":"seminar"}"#,
            "The field “activity_type” holds “seminar”, which is not a value Taqrir knows. Nothing was changed.",
        ),
    ] {
        let error = refused(&report_doc(report));
        assert_eq!(error.message(Language::English), english);
        assert_in_words(&error);
    }
    // The same message through the translation layer, with the field named as in the file.
    let error = refused(&report_doc(r#"{"agenda":[{},{"start":9}]}"#));
    assert_eq!(
        error.message(Language::Arabic),
        "قيمة الحقل «agenda، العنصر 2، start» من نوع «رقم»، بينما يتوقّع تقرير «نص». لم يتغيّر شيء."
    );
    assert_eq!(
        error.message(Language::Kurdish),
        "بەهای خانەی «agenda، بڕگەی 2، start» لە جۆری «ژمارە»یە، بەڵام تەقریر چاوەڕێی «دەق» دەکات. هیچ نەگۆڕا."
    );
}

#[test]
fn an_array_where_an_object_is_expected_is_refused_like_any_wrong_type() {
    for (report, field) in [
        (r#"{"participants":[15,9,6]}"#, "participants"),
        (r#"{"facilitators":[["Sara","Moderator"]]}"#, "facilitators item 1"),
        (r#"{"agenda":[{"start":"09:00"},["09:15","09:30","Break",""]]}"#, "agenda item 2"),
        (r#"{"attachments":[{"photos":[["p-1","caption"]]}]}"#, "attachments item 1, photos item 1"),
    ] {
        let error = refused(&report_doc(report));
        assert_eq!(
            error.message(Language::English),
            format!(
                "The field “{field}” holds a list, where Taqrir expects a group of named fields. Nothing was changed."
            )
        );
        assert_in_words(&error);
    }
}

fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

#[test]
fn a_field_nested_past_the_depth_limit_is_refused_never_turned_into_null() {
    for text in [
        envelope_with(&format!(r#","extra":{}"#, nested(200))),
        envelope_with(&format!(r#","extra":{}"#, nested(64))),
        report_doc(&format!(r#"{{"extra":{}}}"#, nested(200))),
        report_doc(&format!(r#"{{"extra":{{"deeper":{}}}}}"#, nested(100))),
    ] {
        let error = refused(&text);
        assert!(error
            .message(Language::English)
            .starts_with("This file has lists or groups nested more than 64 levels deep (line 1, column "));
        assert_in_words(&error);
    }
    // Up to the limit (the envelope's braces count as one level) the field is kept as it is.
    let text = envelope_with(&format!(r#","extra":{}"#, nested(63)));
    let document = import_document(text.as_bytes()).expect("63 levels under the envelope read");
    assert_eq!(serde_json::to_string(&document.unknown_fields["extra"]).unwrap(), nested(63));
}

#[test]
fn numbers_beyond_u32_are_kept_exactly_as_their_text() {
    let text = envelope_with(r#","exported_total":98765432109876543210987"#).replace(
        r#""report":{}"#,
        r#""report":{"session_number":99999999999999999999,"participants":{"total":18446744073709551616,
            "male":4294967296,"female":1e3,"guests":12.50,"under_18":-0},"budget":123456789012345678901234567890,
            "ratio":0.1000000000000000000001}"#,
    );
    let document = import_document(text.as_bytes()).expect("reads");
    let report = &document.report;
    assert_eq!(report.session_number.raw(), "99999999999999999999");
    assert_eq!(report.session_number.parse(), Err(NumberError::TooLarge));
    assert_eq!(report.participants.total.raw(), "18446744073709551616");
    assert_eq!(report.participants.male.raw(), "4294967296");
    assert_eq!(report.participants.female.raw(), "1e3");
    assert_eq!(report.participants.guests.raw(), "12.50");
    assert_eq!(report.participants.under_18.raw(), "-0");
    let written = write_document(&document);
    for exact in [
        r#""session_number":"99999999999999999999""#,
        r#""female":"1e3""#,
        r#""budget":123456789012345678901234567890"#,
        r#""ratio":0.1000000000000000000001"#,
        r#""exported_total":98765432109876543210987"#,
    ] {
        assert!(written.contains(exact), "{exact} in {written}");
    }
}

#[test]
fn a_lone_surrogate_is_refused_in_plain_words() {
    for (text, column) in [
        (report_doc(r#"{"title":"Session \ud800"}"#), 73),
        (report_doc(r#"{"title":"\udc00 end"}"#), 65),
        (report_doc(r#"{"title":"\ud800\u0041"}"#), 65),
        (envelope_with(r#","note":"\ud800""#), 66),
        (envelope_with(&format!(r#","photos":{{"\ud800":"{JPEG}"}}"#)), 69),
    ] {
        let error = refused(&text);
        assert_eq!(
            error.message(Language::English),
            format!(
                "The text at line 1, column {column} has a broken character: the code of half a character pair, \
                 without its other half. The file may have been cut short or changed by another program. Nothing was changed."
            ),
            "{text}"
        );
        assert_in_words(&error);
    }
    let pair = import_document(report_doc(r#"{"title":"\ud83d\ude00"}"#).as_bytes()).expect("a whole pair reads");
    assert_eq!(pair.report.title, "\u{1F600}");
}

#[test]
fn a_duplicated_key_is_refused_at_every_level_alike() {
    for (text, field) in [
        (r#"{"format":"taqrir-report","format":"taqrir-report","schema_version":1,"report":{}}"#.to_owned(), "format"),
        (envelope_with(r#","note":1,"note":2"#), "note"),
        (envelope_with(&format!(r#","photos":{{"p-1":"{JPEG}","p-1":"{JPEG}"}}"#)), "photos, p-1"),
        (report_doc(r#"{"title":"A","title":"B"}"#), "title"),
        (report_doc(r#"{"colour":"blue","colour":"red"}"#), "colour"),
        (report_doc(r#"{"participants":{"total":1,"total":2}}"#), "participants, total"),
        (report_doc(r#"{"agenda":[{},{"item":"a","item":"b"}]}"#), "agenda item 2, item"),
        (report_doc(r#"{"extra":{"a":{"b":1,"\u0062":2}}}"#), "extra, a, b"),
    ] {
        let error = refused(&text);
        assert_eq!(
            error.message(Language::English),
            format!("The field “{field}” appears twice in this file, so Taqrir cannot tell which one is meant. Nothing was changed."),
            "{text}"
        );
        assert_in_words(&error);
    }
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

/// One step into a JSON value.
#[derive(Clone, Debug)]
enum At {
    Key(String),
    Index(usize),
}

fn paths(value: &serde_json::Value, prefix: &mut Vec<At>, out: &mut Vec<Vec<At>>) {
    out.push(prefix.clone());
    let children: Vec<(At, &serde_json::Value)> = match value {
        serde_json::Value::Object(map) => map.iter().map(|(k, v)| (At::Key(k.clone()), v)).collect(),
        serde_json::Value::Array(items) => items.iter().enumerate().map(|(i, v)| (At::Index(i), v)).collect(),
        _ => Vec::new(),
    };
    for (step, child) in children {
        prefix.push(step);
        paths(child, prefix, out);
        prefix.pop();
    }
}

fn at_mut<'v>(value: &'v mut serde_json::Value, path: &[At]) -> &'v mut serde_json::Value {
    path.iter().fold(value, |value, step| match step {
        At::Key(key) => &mut value[key.as_str()],
        At::Index(index) => &mut value[*index],
    })
}

/// What a generated malformed document has wrong with it.
#[derive(Clone, Debug)]
enum Damage {
    /// The value at the chosen place becomes this JSON text (a wrong type, a huge number, a bad escape).
    Replace(String),
    /// The chosen object gets its first key twice (another value becomes such an object).
    DuplicateKey,
    /// The chosen value is wrapped in this many lists.
    Nest(usize),
    /// The text is cut short.
    Truncate(prop::sample::Index),
}

fn damage() -> impl Strategy<Value = Damage> {
    let wrong_type = prop::sample::select(vec![
        "true",
        "null",
        "[]",
        "{}",
        "[15,9,6]",
        "\"text\"",
        "-3",
        "1.5",
        r#"{"a":[1,{"b":null}]}"#,
    ]);
    let bad_escape = prop::sample::select(vec![
        r#""\ud800""#,
        r#""a\udc00b""#,
        r#""\ud800\u0041""#,
        r#""\ud800\n""#,
        r#""\uZZZZ""#,
        r#""\x""#,
        "\"\\",
        "\"unterminated",
    ]);
    prop_oneof![
        wrong_type.prop_map(|text| Damage::Replace(text.to_owned())),
        "[1-9][0-9]{20,40}(\\.[0-9]{1,20})?([eE][+-]?[0-9]{1,3})?".prop_map(Damage::Replace),
        bad_escape.prop_map(|text| Damage::Replace(text.to_owned())),
        Just(Damage::DuplicateKey),
        (1usize..300).prop_map(Damage::Nest),
        any::<prop::sample::Index>().prop_map(Damage::Truncate),
    ]
}

const DAMAGED: &str = "@@damaged@@";

/// `text` (a document) with `damage` done at the `place`-th value; also the depth of that value.
fn damaged(text: &str, damage: &Damage, place: prop::sample::Index) -> (String, usize) {
    if let Damage::Truncate(cut) = damage {
        let mut end = cut.index(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        return (text[..end].to_owned(), 0);
    }
    let mut value: serde_json::Value = serde_json::from_str(text).expect("a written document is JSON");
    let mut all = Vec::new();
    paths(&value, &mut Vec::new(), &mut all);
    let path = &all[place.index(all.len())];
    let node = std::mem::replace(at_mut(&mut value, path), serde_json::Value::String(DAMAGED.into()));
    let node_text = serde_json::to_string(&node).expect("json");
    let replacement = match damage {
        Damage::Replace(text) => text.clone(),
        Damage::Nest(depth) => format!("{}{node_text}{}", "[".repeat(*depth), "]".repeat(*depth)),
        Damage::DuplicateKey => match node.as_object().and_then(|map| map.iter().next()) {
            Some((key, first)) => format!("{{{}:{},{}", serde_json::json!(key), first, &node_text[1..]),
            None => format!(r#"{{"k":{node_text},"k":{node_text}}}"#),
        },
        Damage::Truncate(_) => unreachable!("handled above"),
    };
    let text = serde_json::to_string(&value).expect("json").replacen(&format!("\"{DAMAGED}\""), &replacement, 1);
    (text, path.len())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn malformed_documents_are_refused_in_words_or_read_never_a_panic(
        report in any_report(),
        damage in damage(),
        place in any::<prop::sample::Index>(),
    ) {
        let (text, depth) = damaged(&write_document(&Document::new(report)), &damage, place);
        let read = import_document(text.as_bytes());
        if let Err(error) = &read {
            assert_in_words(error);
        }
        match &damage {
            Damage::DuplicateKey => prop_assert!(matches!(read, Err(ReadError::DuplicateField { .. })), "{:?}", read),
            Damage::Nest(levels) if depth + levels > 64 => {
                prop_assert!(matches!(read, Err(ReadError::TooDeep { .. })), "{:?}", read)
            }
            Damage::Truncate(_) => prop_assert!(read.is_err()),
            Damage::Replace(replacement) if replacement.starts_with('"') && replacement.contains('\\') => {
                prop_assert!(read.is_err(), "{} read as {:?}", replacement, read)
            }
            // A huge number that was read is written back digit for digit, never rounded.
            Damage::Replace(number) if number.len() > 20 => {
                if let Ok(document) = &read {
                    let digits = number.split(['e', 'E']).next().unwrap_or(number);
                    let written = write_document(document);
                    prop_assert!(written.contains(digits), "{} not in {}", digits, written);
                }
            }
            _ => {}
        }
    }
}
