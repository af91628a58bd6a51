//! The report view: what every writer shows, decided once — sections in order, names with roles,
//! time ranges, the untitled fallback, dates and figures in the report's language and digits.
#![cfg(not(target_arch = "wasm32"))]

use taqrir::core::document::read_document;
use taqrir::core::export::email_summary;
use taqrir::core::export::view::*;
use taqrir::core::photos::PhotoData;
use taqrir::core::report::{self, Digits, Language, Report, WholeNumber};

fn sample() -> Report {
    let text = std::fs::read_to_string("tests/fixtures/report-v1.json").expect("fixture");
    read_document(&text).expect("sample reads").report
}

fn headings(view: &ReportView) -> Vec<String> {
    view.sections.iter().map(|s| s.heading.clone()).collect()
}

fn content<'v>(view: &'v ReportView, heading: &str) -> &'v Content<'v> {
    let section = view.sections.iter().find(|s| s.heading == heading);
    &section.unwrap_or_else(|| panic!("no section {heading:?} in {:?}", headings(view))).content
}

fn details(view: &ReportView) -> Vec<(String, String)> {
    details_under(view, "Activity details")
}

fn details_under(view: &ReportView, heading: &str) -> Vec<(String, String)> {
    match content(view, heading) {
        Content::Details(rows) => rows.iter().map(|row| (row.label.clone(), row.value.clone())).collect(),
        _ => panic!("details are label and value rows"),
    }
}

fn detail(view: &ReportView, label: &str) -> Option<String> {
    details(view).into_iter().find(|(l, _)| *l == label).map(|(_, value)| value)
}

fn agenda_times(view: &ReportView) -> Vec<String> {
    match content(view, "Agenda") {
        Content::Agenda(agenda) => agenda.rows.iter().map(|row| row.time.clone()).collect(),
        _ => panic!("the agenda is a table"),
    }
}

#[test]
fn sections_come_in_reading_order_and_empty_ones_are_left_out() {
    let photos = PhotoData::new();
    let report = sample();
    let view = ReportView::new(&report, &photos);
    assert_eq!(
        headings(&view),
        [
            "Activity details",
            "Introduction",
            "Aim",
            "Session topic",
            "Objectives",
            "Participants",
            "Agenda",
            "Key discussion points",
            "Results and impact",
            "Recommendations",
            "Conclusion",
            "Next steps",
            "Attachments",
        ]
    );
    let blank = Report { title: "Only a title".into(), ..Report::blank() };
    assert!(ReportView::new(&blank, &photos).sections.is_empty());
}

/// A left-to-right isolate around `text`; [`rtl`] for a right-to-left one.
fn ltr(text: &str) -> String {
    format!("\u{2066}{text}\u{2069}")
}

fn rtl(text: &str) -> String {
    format!("\u{2067}{text}\u{2069}")
}

#[test]
fn a_time_range_is_start_to_end_isolated_in_the_reports_direction_or_the_one_time_given() {
    let range = |start, end, lang| time_range(start, end, lang, Digits::Western);
    assert_eq!(range("09:00", "13:00", Language::English), ltr("09:00 – 13:00"));
    assert_eq!(range("09:00", "13:00", Language::Arabic), rtl("09:00 – 13:00"));
    assert_eq!(range("09:00", " ", Language::Arabic), "09:00");
    assert_eq!(range("", "13:00", Language::English), "13:00");
    assert_eq!(range(" ", "", Language::English), "");
    assert_eq!(time_range("09:00", "13:00", Language::Kurdish, Digits::ArabicIndic), rtl("٠٩:٠٠ – ١٣:٠٠"));
}

#[test]
fn an_arabic_report_joins_its_lists_with_the_arabic_comma_and_writes_its_own_figures_in_its_digits() {
    let photos = PhotoData::new();
    let mut report = sample();
    report.language = Language::Arabic;
    report.venue = "قاعة عشتار للمؤتمرات".into();
    report.city = "الناصرية".into();
    report.governorate = "ذي قار".into();
    report.country = String::new();
    report.start_time = "09:00".into();
    report.end_time = "12:00".into();
    report.speakers = vec![report::Speaker {
        name: "سارة".into(),
        position: "مديرة".into(),
        organization: "منظمة".into(),
        ..Default::default()
    }];
    let view = ReportView::new(&report, &photos);
    let details = details_under(&view, "تفاصيل النشاط");
    let value = |label: &str| details.iter().find(|(l, _)| l == label).map(|(_, v)| v.clone());
    assert_eq!(value("المكان").as_deref(), Some("قاعة عشتار للمؤتمرات، الناصرية، ذي قار"));
    assert_eq!(value("الوقت"), Some(rtl("09:00 – 12:00")));
    assert!(value("الميسّرون").is_some_and(|v| v.contains("؛ ") && !v.contains("; ")));
    let Content::Speakers(speakers) = content(&view, "المتحدثون") else { panic!("speakers") };
    assert_eq!(speakers[0].role, "مديرة، منظمة");
    let Content::Agenda(agenda) = content(&view, "جدول الأعمال") else { panic!("agenda") };
    assert!(agenda.rows.iter().all(|row| row.time.starts_with('\u{2067}') || !row.time.contains('–')));

    report.digits = Digits::ArabicIndic;
    report.participants.age_18_to_24 = WholeNumber::new("7");
    let view = ReportView::new(&report, &photos);
    let Content::Participants(participants) = content(&view, "المشاركون") else { panic!("participants") };
    assert!(participants.figures.iter().any(|f| f.label.contains("١٨") && f.value == "٧"));
    assert_eq!(view.digits, Digits::ArabicIndic);
}

#[test]
fn the_activity_and_its_agenda_follow_the_same_time_rule() {
    let photos = PhotoData::new();
    let mut report = sample();
    report.start_time = String::new();
    report.agenda.truncate(2);
    report.agenda[0].start = String::new();
    report.agenda[1].end = "  ".into();
    let view = ReportView::new(&report, &photos);
    assert_eq!(detail(&view, "Time").as_deref(), Some("13:00"));
    assert_eq!(agenda_times(&view), ["09:15", "09:15"]);
    report.start_time = "09:00".into();
    let view = ReportView::new(&report, &photos);
    assert_eq!(detail(&view, "Time"), Some(ltr("09:00 – 13:00")));
}

#[test]
fn an_untitled_report_is_called_untitled_in_its_own_language_everywhere() {
    let photos = PhotoData::new();
    let english = Report { title: "  ".into(), ..Report::blank() };
    assert_eq!(title(&english), "Untitled report");
    assert_eq!(ReportView::new(&english, &photos).title, "Untitled report");
    assert_eq!(email_summary(&english).0, "Untitled report");
    let arabic = Report { language: Language::Arabic, ..english };
    assert_eq!(ReportView::new(&arabic, &photos).title, "تقرير بلا عنوان");
    assert_eq!(email_summary(&arabic).0, "تقرير بلا عنوان");
    let titled = Report { title: "  Fourth session ".into(), ..Report::blank() };
    assert_eq!(ReportView::new(&titled, &photos).title, "Fourth session");
}

#[test]
fn names_are_joined_with_their_roles() {
    assert_eq!(name_with_role(" Ammar Alghurabi ", " Project Manager "), "Ammar Alghurabi (Project Manager)");
    assert_eq!(name_with_role("Sabreen", "  "), "Sabreen");
    let photos = PhotoData::new();
    let mut report = sample();
    report.facilitators[1].role = String::new();
    report.facilitators.push(report::Facilitator { name: " ".into(), role: "Nobody".into(), ..Default::default() });
    let view = ReportView::new(&report, &photos);
    assert_eq!(
        detail(&view, "Facilitators").as_deref(),
        Some("Ammar M.S. Alghurabi (Project Manager); Sabreen Alwaeli; Masar M.S. Alghurabi (Logistic officer)")
    );
}

#[test]
fn dates_and_figures_are_in_the_reports_language_and_digits() {
    let photos = PhotoData::new();
    let report = Report {
        language: Language::Arabic,
        digits: Digits::ArabicIndic,
        date: "2024-03-07".into(),
        session_number: WholeNumber::new("4"),
        participants: report::Participants { total: WholeNumber::new("15"), ..Default::default() },
        ..Report::blank()
    };
    let view = ReportView::new(&report, &photos);
    assert_eq!(view.kind, "جلسة حوارية · ٤");
    let Content::Details(rows) = content(&view, "تفاصيل النشاط") else { panic!("details") };
    assert_eq!(rows[0].value, "٧ آذار ٢٠٢٤");
    let Content::Participants(participants) = content(&view, "المشاركون") else { panic!("participants") };
    assert_eq!(participants.figures[0].value, "١٥");
    let typed = Report { date: "next week".into(), ..Report::blank() };
    assert_eq!(detail(&ReportView::new(&typed, &photos), "Date").as_deref(), Some("next week"));
}

#[test]
fn only_photos_with_image_data_are_shown_numbered_among_those_shown() {
    let photo = |id: &str, caption: &str| report::PhotoRef { id: id.into(), caption: caption.into() };
    let report = Report {
        attachments: vec![
            report::Attachment {
                photos: vec![photo("missing", ""), photo("a", " On stage "), photo("b", "")],
                ..Default::default()
            },
            report::Attachment { photos: vec![photo("script", "x")], ..Default::default() },
        ],
        ..Report::blank()
    };
    let photos: PhotoData = [
        ("a".to_owned(), "data:image/png;base64,iVBORw0KGgo=".to_owned()),
        ("b".to_owned(), "data:image/jpeg;base64,/9j/4AAQ".to_owned()),
        ("script".to_owned(), "javascript:alert(1)".to_owned()),
    ]
    .into();
    let view = ReportView::new(&report, &photos);
    let Content::Attachments(attachments) = content(&view, "Attachments") else { panic!("attachments") };
    assert_eq!(attachments.len(), 1, "an attachment with nothing to show is left out");
    let shown: Vec<(&str, &str, &str)> =
        attachments[0].photos.iter().map(|p| (p.src, p.alt.as_str(), p.caption.as_str())).collect();
    assert_eq!(
        shown,
        [
            ("data:image/png;base64,iVBORw0KGgo=", "On stage", "On stage"),
            ("data:image/jpeg;base64,/9j/4AAQ", "Photo 2", "")
        ]
    );
}

#[test]
fn a_working_group_lists_its_members_one_a_line_with_their_count() {
    let photos = PhotoData::new();
    let report = Report {
        working_groups: vec![report::WorkingGroup {
            topic: " Youth ".into(),
            facilitator: " Sara ".into(),
            members: "Ali\r\nOmar\rHuda\n\n".into(),
            member_count: WholeNumber::new("3"),
            ..Default::default()
        }],
        ..Report::blank()
    };
    let view = ReportView::new(&report, &photos);
    let Content::WorkingGroups(groups) = content(&view, "Working groups") else { panic!("groups") };
    assert_eq!(groups[0].topic, "Youth");
    assert_eq!(groups[0].facilitator.as_deref(), Some("Facilitator: Sara"));
    assert_eq!(groups[0].members.as_deref(), Some("Members (3): Ali, Omar, Huda"));
}

#[test]
fn new_participants_are_printed_after_the_total_when_given() {
    let photos = PhotoData::new();
    let mut report = sample();
    let labels = |report: &Report| match content(&ReportView::new(report, &photos), "Participants") {
        Content::Participants(p) => {
            p.figures.iter().map(|f| (f.label.clone(), f.value.clone())).take(2).collect::<Vec<_>>()
        }
        _ => panic!("participants"),
    };
    assert_eq!(labels(&report)[1].0, "Male", "left out when not given");
    report.participants.new_participants = WholeNumber::new("٧");
    assert_eq!(
        labels(&report),
        [("Total participants".to_owned(), "15".to_owned()), ("New participants".to_owned(), "7".to_owned())]
    );
}
