//! The consistency checks, one behaviour per test, including the sample report's own mistakes.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use taqrir::core::checks::*;
use taqrir::core::document::read_document;
use taqrir::core::field::{FieldPath, ReportField};
use taqrir::core::i18n::Msg;
use taqrir::core::report::*;

const TODAY: &str = "2026-11-24";

fn sample() -> Report {
    let text = std::fs::read_to_string("tests/fixtures/report-v1.json").expect("fixture");
    read_document(&text).expect("sample reads").report
}

/// A report with nothing to complain about.
fn clean() -> Report {
    let mut report = sample();
    report.title = "Fourth Dialogue Session on Empowering Communities".into();
    report.introduction = report.introduction.replace("second", "fourth");
    report.conclusion = report.conclusion.replace("Forth", "fourth");
    report.agenda.pop(); // the lunch break after the event's end
    report.participants.male = WholeNumber::new("9");
    report.participants.female = WholeNumber::new("6");
    report
}

fn kinds(report: &Report) -> Vec<ProblemKind> {
    check_report(report, TODAY).into_iter().map(|p| p.kind).collect()
}

fn ids(report: &Report) -> Vec<String> {
    check_report(report, TODAY).into_iter().map(|p| p.field.id()).collect()
}

#[test]
fn a_consistent_report_has_no_problems() {
    assert_eq!(check_report(&clean(), TODAY), vec![]);
}

#[test]
fn the_sample_report_calls_the_fourth_session_the_second_and_the_forth() {
    let report = sample();
    let problems = check_report(&report, TODAY);
    let mismatches: Vec<_> = problems
        .iter()
        .filter_map(|p| match &p.kind {
            ProblemKind::SessionNumberMismatch { ordinal, number, .. } => Some((p.field.id(), *ordinal, *number)),
            _ => None,
        })
        .collect();
    // "Forth" is a misspelling of fourth: it agrees with session 4 and is not reported.
    assert_eq!(mismatches, vec![("field-introduction".to_owned(), 2, 4)]);
    let message = problems.iter().find(|p| p.field.id() == "field-introduction").unwrap().message(Language::English);
    assert_eq!(message, "Introduction calls this session number 2, but the session number is 4.");
}

#[test]
fn the_sample_reports_lunch_break_lies_outside_the_events_hours() {
    let problems = check_report(&sample(), TODAY);
    let outside: Vec<_> =
        problems.iter().filter(|p| matches!(p.kind, ProblemKind::AgendaOutsideHours { .. })).collect();
    assert_eq!(outside.len(), 1);
    assert_eq!(outside[0].field.id(), "field-agenda-9-end");
    assert_eq!(
        outside[0].message(Language::English),
        "Agenda item 10 (13:00–14:00) is outside the activity's hours (09:00–13:00)."
    );
}

#[test]
fn ordinals_that_disagree_are_found_even_without_a_session_number() {
    let mut report = clean();
    report.session_number = WholeNumber::default();
    report.conclusion = "The third dialogue session ended with thanks.".into();
    let problems = check_report(&report, TODAY);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field.id(), "field-conclusion");
    assert_eq!(
        problems[0].message(Language::English),
        "Conclusion calls this session number 3, but Report title calls it number 4."
    );
}

#[test]
fn english_ordinals_are_read_in_words_and_figures() {
    assert_eq!(ordinals_in("The Fourth Dialogue Session"), vec![4]);
    assert_eq!(ordinals_in("our 3rd workshop on advocacy"), vec![3]);
    assert_eq!(ordinals_in("the first of many recommendations"), Vec::<u32>::new());
    assert_eq!(ordinals_in("the Forth dialogue session"), vec![4]);
}

#[test]
fn arabic_ordinals_are_read_after_the_event_noun() {
    assert_eq!(ordinals_in("الجلسة الحوارية الرابعة"), vec![4]);
    assert_eq!(ordinals_in("نظّمت المنظمة الجلسة الثانية ضمن المشروع"), vec![2]);
    assert_eq!(ordinals_in("ورشة العمل الأولى"), vec![1]);
    assert_eq!(ordinals_in("الاجتماع التنسيقي الثالث"), vec![3]);
    assert_eq!(ordinals_in("في الربع الثاني من العام"), Vec::<u32>::new());
    let mut report = clean();
    report.language = Language::Arabic;
    report.aim = "عُقدت الجلسة الحوارية الثالثة في الناصرية".into();
    assert_eq!(ids(&report), vec!["field-aim"]);
}

#[test]
fn a_sex_breakdown_that_does_not_add_up_is_found_and_fixed() {
    let mut report = clean();
    report.participants.female = WholeNumber::new("5");
    let problems = check_report(&report, TODAY);
    assert_eq!(
        problems[0].kind,
        ProblemKind::BreakdownMismatch { message: Msg::CheckSexBreakdown, sum: 14, total: 15 }
    );
    assert_eq!(problems[0].field.id(), "field-participants-male");
    assert_eq!(
        problems[0].message(Language::English),
        "Male, female and not recorded add up to 14, but the total is 15."
    );
    report.participants.sex_not_recorded = WholeNumber::new("1");
    assert_eq!(check_report(&report, TODAY), vec![]);
}

#[test]
fn guests_are_not_part_of_the_total() {
    let mut report = clean();
    report.participants.guests = WholeNumber::new("13");
    assert_eq!(check_report(&report, TODAY), vec![]);
}

#[test]
fn new_participants_are_at_most_the_total_and_a_whole_number() {
    let mut report = clean();
    report.participants.new_participants = WholeNumber::new("15");
    assert_eq!(check_report(&report, TODAY), vec![], "everyone may be new");
    report.participants.new_participants = WholeNumber::new("16");
    let problems = check_report(&report, TODAY);
    assert_eq!(ids(&report), vec!["field-participants-new_participants"]);
    assert_eq!(
        problems[0].message(Language::English),
        "New participants (16) are more than the total participants (15)."
    );
    report.participants.new_participants = WholeNumber::new("some");
    assert_eq!(check_report(&report, TODAY)[0].message(Language::English), "New participants is not a whole number.");
}

#[test]
fn age_and_governorate_breakdowns_are_compared_when_given() {
    let mut report = clean();
    report.participants.under_18 = WholeNumber::new("2");
    report.participants.age_25_to_59 = WholeNumber::new("10");
    report.participants.governorates =
        vec![GovernorateCount { name: "Dhi Qar".into(), count: WholeNumber::new("12"), ..Default::default() }];
    assert_eq!(ids(&report), vec!["field-participants-under_18", "field-participants-governorates-0-count"]);
}

#[test]
fn categories_are_compared_only_when_every_row_has_a_count() {
    let mut report = clean();
    report.participants.categories[0].count = WholeNumber::new("4");
    assert_eq!(check_report(&report, TODAY), vec![], "incomplete categories are not compared");
    for category in &mut report.participants.categories {
        category.count = WholeNumber::new("4");
    }
    assert_eq!(
        kinds(&report),
        vec![ProblemKind::BreakdownMismatch { message: Msg::CheckCategoryBreakdown, sum: 12, total: 15 }]
    );
}

#[test]
fn numbers_that_are_not_whole_are_named() {
    let mut report = clean();
    report.participants.total = WholeNumber::new("15.5");
    report.participants.categories[1].count = WholeNumber::new("a few");
    let problems = check_report(&report, TODAY);
    let messages: Vec<_> = problems.iter().map(|p| p.message(Language::English)).collect();
    assert!(messages.contains(&"Total participants is not a whole number.".to_owned()), "{messages:?}");
    assert!(messages.contains(&"Participant category 2 is not a whole number.".to_owned()), "{messages:?}");
}

#[test]
fn end_before_start_is_found() {
    let mut report = clean();
    report.end_time = "08:30".into();
    assert!(kinds(&report).contains(&ProblemKind::EndBeforeStart));
}

#[test]
fn agenda_items_ending_before_they_start_overlapping_or_out_of_order_are_found() {
    let mut report = clean();
    report.agenda[1].end = "09:10".into(); // 09:15–09:10
    report.agenda[3].start = "09:50".into(); // overlaps item 3 (09:30–10:00)
    report.agenda[5].start = "10:20".into(); // item 6 starts before item 5 (10:30)
    let found: Vec<_> =
        check_report(&report, TODAY).into_iter().map(|p| (p.field.id(), p.message(Language::English))).collect();
    assert!(found.contains(&("field-agenda-1-end".into(), "Agenda item 2 ends before it starts.".into())), "{found:?}");
    assert!(
        found.contains(&("field-agenda-3-start".into(), "Agenda item 4 starts before agenda item 3 ends.".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("field-agenda-5-start".into(), "Agenda item 6 starts earlier than agenda item 5.".into())),
        "{found:?}"
    );
}

#[test]
fn working_groups_larger_than_the_participants_are_found() {
    let mut report = clean();
    report.working_groups = vec![
        WorkingGroup { member_count: WholeNumber::new("8"), ..Default::default() },
        WorkingGroup { members: "Ali\nSara\nHuda\nOmar\nZainab\nMustafa\nNoor\nAbbas".into(), ..Default::default() },
    ];
    assert_eq!(kinds(&report), vec![ProblemKind::WorkingGroupsTooLarge { members: 16, total: 15 }]);
}

#[test]
fn required_fields_are_named_and_point_to_their_inputs() {
    let report = Report::blank();
    assert_eq!(
        ids(&report),
        vec![
            "field-title",
            "field-date",
            "field-organizing_organization",
            "add-objectives",
            "field-participants-total"
        ]
    );
    let mut report = Report::blank();
    report.objectives = vec![TextItem::new("  ")];
    assert!(ids(&report).contains(&"field-objectives-0-text".to_owned()));
    assert_eq!(check_report(&Report::blank(), TODAY)[0].message(Language::English), "Report title is required.");
}

#[test]
fn dates_in_the_future_before_1990_or_invalid_are_found() {
    let mut report = clean();
    for (date, kind) in [
        ("2027-01-01", ProblemKind::DateInFuture),
        ("1989-12-31", ProblemKind::DateTooEarly),
        ("2024-02-30", ProblemKind::DateInvalid { value: "2024-02-30".into() }),
        ("07/03/2024", ProblemKind::DateInvalid { value: "07/03/2024".into() }),
    ] {
        report.date = date.into();
        assert_eq!(kinds(&report), vec![kind], "{date}");
    }
    report.date = TODAY.into();
    assert_eq!(kinds(&report), vec![]);
}

/// An imported value that a date or time input would show as empty: the checks quote it, so what
/// the export prints is never out of sight.
#[test]
fn a_date_the_date_input_cannot_show_is_reported_with_its_text() {
    let mut report = clean();
    for date in ["7 March 2024 — pay to IBAN IQ00 0000", "2024-3-7", " 2024-03-07", "2024-03-07T10:00", "+2024-03-07"]
    {
        report.date = date.into();
        let problems = check_report(&report, TODAY);
        assert_eq!(problems.len(), 1, "{date}: {problems:?}");
        assert_eq!(problems[0].kind, ProblemKind::DateInvalid { value: date.into() });
        assert_eq!(problems[0].field.id(), "field-date");
        assert!(hidden_by_date_input(date), "{date}");
    }
    report.date = "7 March 2024 — pay to IBAN IQ00 0000".into();
    assert_eq!(
        check_report(&report, TODAY)[0].message(Language::English),
        "The date “7 March 2024 — pay to IBAN IQ00 0000” is not a valid date."
    );
    assert!(!hidden_by_date_input("2024-03-07") && !hidden_by_date_input(""));
}

#[test]
fn times_the_time_input_cannot_show_are_reported_where_they_are() {
    let mut report = clean();
    report.start_time = "9am".into();
    report.end_time = "1 pm".into();
    report.agenda[2].start = "9.00".into();
    report.agenda[2].end = "{n} o'clock".into();
    let found: Vec<_> =
        check_report(&report, TODAY).into_iter().map(|p| (p.field.id(), p.message(Language::English))).collect();
    assert_eq!(
        found,
        vec![
            ("field-start_time".into(), "The start time “9am” is not a valid time.".into()),
            ("field-end_time".into(), "The end time “1 pm” is not a valid time.".into()),
            ("field-agenda-2-start".into(), "The start of agenda item 3, “9.00”, is not a valid time.".into()),
            ("field-agenda-2-end".into(), "The end of agenda item 3, “{n} o'clock”, is not a valid time.".into()),
        ]
    );
}

#[test]
fn times_with_seconds_are_times_and_single_digit_hours_are_not() {
    for shown in ["09:00", "23:59", "09:00:30", "09:00:30.5", "00:00:00.000", ""] {
        assert!(!hidden_by_time_input(shown), "{shown}");
    }
    for hidden in ["9:00", "24:00", "09:60", "09:00:60", "09:00:30.1234", "09h00", " 09:00", "٠٩:٠٠"] {
        assert!(hidden_by_time_input(hidden), "{hidden}");
    }
    let mut report = clean();
    report.agenda[0].start = "09:00:30".into();
    assert_eq!(check_report(&report, TODAY), vec![]);
}

#[test]
fn a_long_stored_value_is_shortened_in_its_message() {
    let mut report = clean();
    report.start_time = "x".repeat(500);
    let message = check_report(&report, TODAY)[0].message(Language::English);
    assert_eq!(message, format!("The start time “{}…” is not a valid time.", "x".repeat(60)));
}

#[test]
fn stored_values_that_are_not_dates_or_times_are_named_in_arabic_and_kurdish() {
    let mut report = clean();
    report.date = "٧ آذار".into();
    report.agenda[0].end = "9.30".into();
    let problems = check_report(&report, TODAY);
    let ar: Vec<_> = problems.iter().map(|p| p.message(Language::Arabic)).collect();
    assert_eq!(ar, vec!["التاريخ «٧ آذار» ليس تاريخاً صالحاً.", "نهاية بند جدول الأعمال 1، «9.30»، ليست وقتاً صالحاً."]);
    let ckb: Vec<_> = problems.iter().map(|p| p.message(Language::Kurdish)).collect();
    assert_eq!(
        ckb,
        vec!["بەرواری «٧ آذار» بەروارێکی دروست نییە.", "کۆتایی بڕگەی بەرنامە 1، «9.30»، کاتێکی دروست نییە."]
    );
}

/// A report with as many problems as can be made at once.
fn full_of_problems() -> Report {
    let mut report = clean();
    report.participants.governorates = vec![GovernorateCount::default(), GovernorateCount::default()];
    report.working_groups = vec![WorkingGroup::default(), WorkingGroup::default()];
    report.title = "The third dialogue session".into();
    report.date = "7 March 2024".into();
    report.start_time = "9am".into();
    report.end_time = "08:00".into();
    report.organizing_organization.clear();
    report.session_number = WholeNumber::new("four");
    report.participants.total = WholeNumber::new("10");
    report.participants.male = WholeNumber::new("9");
    report.participants.under_18 = WholeNumber::new("20");
    report.participants.guests = WholeNumber::new("1.5");
    report.participants.governorates[1].count = WholeNumber::new("x");
    for category in &mut report.participants.categories {
        category.count = WholeNumber::new("3");
    }
    report.working_groups[1].member_count = WholeNumber::new("many");
    report.working_groups[0].member_count = WholeNumber::new("50");
    report.agenda[1].start = "9.00".into();
    report.agenda[2].end = "08:00".into();
    report.discussion_points[1].details = "In the fifth session we agreed".into();
    report
}

#[test]
fn every_check_points_at_a_field_the_editor_shows() {
    for report in [sample(), Report::blank(), full_of_problems(), {
        let mut r = Report::blank();
        r.objectives = vec![TextItem::new(" ")];
        r
    }] {
        let shown: HashSet<FieldPath> = FieldPath::all_in(&report).into_iter().collect();
        let problems = check_report(&report, TODAY);
        assert!(!problems.is_empty());
        for problem in problems {
            assert!(shown.contains(&problem.field), "{:?} points at {}, not shown", problem.kind, problem.field);
        }
    }
    assert!(check_report(&full_of_problems(), TODAY).len() >= 12);
}

#[test]
fn messages_exist_in_every_language() {
    let problems = check_report(&sample(), TODAY);
    for lang in Language::ALL {
        for problem in &problems {
            let message = problem.message(lang);
            assert!(!message.contains('{'), "{lang:?}: {message}");
        }
    }
    assert_eq!(
        problems.iter().find(|p| p.field.id() == "field-agenda-9-end").unwrap().message(Language::Arabic),
        "بند جدول الأعمال 10 (13:00–14:00) خارج ساعات النشاط (09:00–13:00)."
    );
}

/// One problem of every kind (every breakdown too), so each message is read in each language.
fn one_problem_of_each_kind() -> Vec<Problem> {
    let field = FieldName::Label(Msg::Introduction);
    let row = FieldName::Row(Msg::RowDiscussionPoint, 1);
    let (item, previous) = (2, 1);
    let kinds = vec![
        ProblemKind::Required(FieldName::Label(Msg::ReportTitle)),
        ProblemKind::NoObjective,
        ProblemKind::NotWholeNumber(FieldName::Label(Msg::TotalParticipants)),
        ProblemKind::BreakdownMismatch { message: Msg::CheckSexBreakdown, sum: 14, total: 15 },
        ProblemKind::BreakdownMismatch { message: Msg::CheckAgeBreakdown, sum: 14, total: 15 },
        ProblemKind::BreakdownMismatch { message: Msg::CheckGovernorateBreakdown, sum: 14, total: 15 },
        ProblemKind::BreakdownMismatch { message: Msg::CheckCategoryBreakdown, sum: 14, total: 15 },
        ProblemKind::EndBeforeStart,
        ProblemKind::AgendaEndsBeforeStart { item },
        ProblemKind::AgendaOutsideHours {
            item,
            start: "13:00".into(),
            end: "14:00".into(),
            from: "09:00".into(),
            to: "13:00".into(),
        },
        ProblemKind::AgendaOverlaps { item, previous },
        ProblemKind::AgendaOutOfOrder { item, previous },
        ProblemKind::SessionNumberMismatch { field, ordinal: 2, number: 4 },
        ProblemKind::SessionOrdinalsDisagree { field, ordinal: 2, other_field: row, other: 3 },
        ProblemKind::WorkingGroupsTooLarge { members: 20, total: 15 },
        ProblemKind::NewParticipantsAboveTotal { new: 20, total: 15 },
        ProblemKind::DateInvalid { value: "7 March".into() },
        ProblemKind::DateTooEarly,
        ProblemKind::DateInFuture,
        ProblemKind::TimeInvalid { time: TimeName::Start, value: "9am".into() },
        ProblemKind::TimeInvalid { time: TimeName::End, value: "1pm".into() },
        ProblemKind::TimeInvalid { time: TimeName::AgendaStart(item), value: "9.00".into() },
        ProblemKind::TimeInvalid { time: TimeName::AgendaEnd(item), value: "9.30".into() },
    ];
    // A new kind of problem does not compile here until it is added above.
    for kind in &kinds {
        match kind {
            ProblemKind::Required(_)
            | ProblemKind::NoObjective
            | ProblemKind::NotWholeNumber(_)
            | ProblemKind::BreakdownMismatch { .. }
            | ProblemKind::EndBeforeStart
            | ProblemKind::NewParticipantsAboveTotal { .. }
            | ProblemKind::AgendaEndsBeforeStart { .. }
            | ProblemKind::AgendaOutsideHours { .. }
            | ProblemKind::AgendaOverlaps { .. }
            | ProblemKind::AgendaOutOfOrder { .. }
            | ProblemKind::SessionNumberMismatch { .. }
            | ProblemKind::SessionOrdinalsDisagree { .. }
            | ProblemKind::WorkingGroupsTooLarge { .. }
            | ProblemKind::DateInvalid { .. }
            | ProblemKind::TimeInvalid { .. }
            | ProblemKind::DateTooEarly
            | ProblemKind::DateInFuture => {}
        }
    }
    kinds.into_iter().map(|kind| Problem { kind, field: FieldPath::Report(ReportField::Title) }).collect()
}

#[test]
fn every_check_message_comes_in_arabic_and_kurdish() {
    let in_arabic_script = |text: &str| text.chars().any(|c| ('\u{0621}'..='\u{06D5}').contains(&c));
    for problem in one_problem_of_each_kind() {
        let english = problem.message(Language::English);
        for lang in [Language::Arabic, Language::Kurdish] {
            let message = problem.message(lang);
            assert!(in_arabic_script(&message) && message != english, "{lang:?}: {message}");
            assert!(!message.contains('{'), "{lang:?}: {message}");
        }
    }
    assert_eq!(
        one_problem_of_each_kind()[13].message(Language::Kurdish),
        "«پێشەکی» ئەم دانیشتنە بە ژمارە 2 ناودەبات، بەڵام «خاڵی گفتوگۆ 2» بە ژمارە 3."
    );
}

mod no_panic {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        #[test]
        fn garbage_in_times_dates_numbers_and_text_never_panics(
            a in ".*", b in ".*", c in ".*", d in ".*", e in "\\PC*",
        ) {
            let mut report = sample();
            report.date = a.clone();
            report.start_time = b.clone();
            report.end_time = c.clone();
            report.agenda[0].start = c.clone();
            report.agenda[0].end = d.clone();
            report.participants.total = WholeNumber::new(d.clone());
            report.participants.male = WholeNumber::new(a);
            report.session_number = WholeNumber::new(b);
            report.conclusion = e.clone();
            report.title = e;
            let _ = check_report(&report, TODAY);
        }
    }
}

#[test]
fn a_blank_page_lists_no_missing_fields_until_something_is_written_or_an_export_is_asked_for() {
    let blank = Report::blank_in(Language::Arabic);
    assert!(check_report(&blank, TODAY).iter().any(|p| p.kind.is_missing()), "a blank report does lack them");
    assert_eq!(problems_to_show(&blank, TODAY, false), vec![]);
    assert_eq!(problems_to_show(&blank, TODAY, true), check_report(&blank, TODAY));

    let mut started = blank.clone();
    started.venue = "Erbil".into();
    assert!(problems_to_show(&started, TODAY, false).iter().any(|p| p.kind == ProblemKind::NoObjective));
}

#[test]
fn a_consistency_check_shows_as_soon_as_the_figures_it_compares_are_written() {
    let mut report = Report::blank();
    report.start_time = "13:00".into();
    report.end_time = "09:00".into();
    let shown = problems_to_show(&report, TODAY, false);
    assert!(shown.iter().any(|p| p.kind == ProblemKind::EndBeforeStart));
    // The times are something written: the missing fields are listed with them.
    assert!(shown.iter().any(|p| p.kind.is_missing()));
}
