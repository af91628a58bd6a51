//! Consistency checks: the mistakes donors notice, found while the report is written.
//!
//! Every check is a pure function of the report. Each problem names the editor field it is
//! about ([`FieldPath`]), whose DOM id the editor gives that field, so the "Checks" panel can
//! move focus there.

use crate::core::i18n::{self, Msg};
use crate::core::report::{Language, Report, WholeNumber};

/// One input of the editor.
///
/// DOM ids: `field-<name>` for a report field (`field-title`, `field-start_time`),
/// `field-participants-<name>` for a participant figure, `field-<list>-<index>-<sub>` for a field
/// of a repeatable row (0-based: `field-agenda-3-start`, `field-participants-categories-1-count`),
/// and `add-<list>` for the button that adds a row to an empty list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldPath {
    Report(&'static str),
    Participants(&'static str),
    Row { list: &'static str, index: usize, field: &'static str },
    AddRow(&'static str),
}

impl FieldPath {
    pub fn dom_id(&self) -> String {
        match self {
            FieldPath::Report(name) => format!("field-{name}"),
            FieldPath::Participants(name) => format!("field-participants-{name}"),
            FieldPath::Row { list, index, field } => format!("field-{list}-{index}-{field}"),
            FieldPath::AddRow(list) => format!("add-{list}"),
        }
    }
}

/// How a field is named in a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldName {
    Label(Msg),
    /// A row's legend ("Discussion point 2"), 0-based index.
    Row(Msg, usize),
}

impl FieldName {
    fn text(self, lang: Language) -> String {
        match self {
            FieldName::Label(msg) => i18n::text(lang, msg).to_owned(),
            FieldName::Row(msg, index) => i18n::format(lang, msg, &[("n", &(index + 1).to_string())]),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    Required(FieldName),
    NoObjective,
    NotWholeNumber(FieldName),
    /// A breakdown (`Msg` names its message) whose figures do not add up to the total.
    BreakdownMismatch {
        message: Msg,
        sum: u32,
        total: u32,
    },
    EndBeforeStart,
    AgendaEndsBeforeStart {
        item: usize,
    },
    AgendaOutsideHours {
        item: usize,
        start: String,
        end: String,
        from: String,
        to: String,
    },
    AgendaOverlaps {
        item: usize,
        previous: usize,
    },
    AgendaOutOfOrder {
        item: usize,
        previous: usize,
    },
    SessionNumberMismatch {
        field: FieldName,
        ordinal: u32,
        number: u32,
    },
    SessionOrdinalsDisagree {
        field: FieldName,
        ordinal: u32,
        other_field: FieldName,
        other: u32,
    },
    WorkingGroupsTooLarge {
        members: u32,
        total: u32,
    },
    DateInvalid,
    DateTooEarly,
    DateInFuture,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    pub field: FieldPath,
}

impl Problem {
    /// A plain sentence saying what is wrong, in `lang`.
    pub fn message(&self, lang: Language) -> String {
        let n = |i: usize| (i + 1).to_string();
        let f = |msg, args: &[(&str, &str)]| i18n::format(lang, msg, args);
        match &self.kind {
            ProblemKind::Required(name) => f(Msg::CheckRequired, &[("field", &name.text(lang))]),
            ProblemKind::NoObjective => f(Msg::CheckNoObjective, &[]),
            ProblemKind::NotWholeNumber(name) => f(Msg::CheckNotWholeNumber, &[("field", &name.text(lang))]),
            ProblemKind::BreakdownMismatch { message, sum, total } => {
                f(*message, &[("sum", &sum.to_string()), ("total", &total.to_string())])
            }
            ProblemKind::EndBeforeStart => f(Msg::CheckEndBeforeStart, &[]),
            ProblemKind::AgendaEndsBeforeStart { item } => f(Msg::CheckAgendaEndsBeforeStart, &[("n", &n(*item))]),
            ProblemKind::AgendaOutsideHours { item, start, end, from, to } => f(
                Msg::CheckAgendaOutsideHours,
                &[("n", &n(*item)), ("start", start), ("end", end), ("from", from), ("to", to)],
            ),
            ProblemKind::AgendaOverlaps { item, previous } => {
                f(Msg::CheckAgendaOverlaps, &[("n", &n(*item)), ("m", &n(*previous))])
            }
            ProblemKind::AgendaOutOfOrder { item, previous } => {
                f(Msg::CheckAgendaOutOfOrder, &[("n", &n(*item)), ("m", &n(*previous))])
            }
            ProblemKind::SessionNumberMismatch { field, ordinal, number } => f(
                Msg::CheckSessionNumber,
                &[("field", &field.text(lang)), ("ordinal", &ordinal.to_string()), ("number", &number.to_string())],
            ),
            ProblemKind::SessionOrdinalsDisagree { field, ordinal, other_field, other } => f(
                Msg::CheckSessionOrdinals,
                &[
                    ("field", &field.text(lang)),
                    ("ordinal", &ordinal.to_string()),
                    ("other_field", &other_field.text(lang)),
                    ("other", &other.to_string()),
                ],
            ),
            ProblemKind::WorkingGroupsTooLarge { members, total } => {
                f(Msg::CheckWorkingGroups, &[("members", &members.to_string()), ("total", &total.to_string())])
            }
            ProblemKind::DateInvalid => f(Msg::CheckDateInvalid, &[]),
            ProblemKind::DateTooEarly => f(Msg::CheckDateTooEarly, &[]),
            ProblemKind::DateInFuture => f(Msg::CheckDateInFuture, &[]),
        }
    }
}

/// Every problem found in `report`, in the order of the form. `today` is YYYY-MM-DD.
pub fn check_report(report: &Report, today: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    required_fields(report, &mut problems);
    session_ordinals(report, &mut problems);
    date(report, today, &mut problems);
    activity_hours(report, &mut problems);
    whole_numbers(report, &mut problems);
    breakdowns(report, &mut problems);
    agenda(report, &mut problems);
    working_groups(report, &mut problems);
    problems
}

fn problem(kind: ProblemKind, field: FieldPath) -> Problem {
    Problem { kind, field }
}

pub fn required_fields(report: &Report, out: &mut Vec<Problem>) {
    let required = [
        (&report.title, Msg::ReportTitle, "title"),
        (&report.date, Msg::Date, "date"),
        (&report.organizing_organization, Msg::OrganizingOrganization, "organizing_organization"),
    ];
    for (value, label, name) in required {
        if value.trim().is_empty() {
            out.push(problem(ProblemKind::Required(FieldName::Label(label)), FieldPath::Report(name)));
        }
    }
    if report.objectives.iter().all(|o| o.text.trim().is_empty()) {
        let field = if report.objectives.is_empty() {
            FieldPath::AddRow("objectives")
        } else {
            FieldPath::Row { list: "objectives", index: 0, field: "text" }
        };
        out.push(problem(ProblemKind::NoObjective, field));
    }
    if report.participants.total.is_blank() {
        out.push(problem(
            ProblemKind::Required(FieldName::Label(Msg::TotalParticipants)),
            FieldPath::Participants("total"),
        ));
    }
}

/// Minutes since midnight of a 24-hour "HH:MM" (seconds, if present, are ignored).
pub fn minutes(time: &str) -> Option<u32> {
    let mut parts = time.trim().split(':');
    let hours: u32 = parts.next()?.parse().ok()?;
    let mins: u32 = parts.next()?.get(..2)?.parse().ok()?;
    (hours < 24 && mins < 60).then_some(hours * 60 + mins)
}

pub fn activity_hours(report: &Report, out: &mut Vec<Problem>) {
    if let (Some(start), Some(end)) = (minutes(&report.start_time), minutes(&report.end_time)) {
        if end < start {
            out.push(problem(ProblemKind::EndBeforeStart, FieldPath::Report("end_time")));
        }
    }
}

pub fn agenda(report: &Report, out: &mut Vec<Problem>) {
    let hours = match (minutes(&report.start_time), minutes(&report.end_time)) {
        (Some(from), Some(to)) if from <= to => Some((from, to)),
        _ => None,
    };
    let at = |index, field| FieldPath::Row { list: "agenda", index, field };
    let mut previous: Option<(usize, u32, Option<u32>)> = None;
    for (index, item) in report.agenda.iter().enumerate() {
        let (start, end) = (minutes(&item.start), minutes(&item.end));
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                out.push(problem(ProblemKind::AgendaEndsBeforeStart { item: index }, at(index, "end")));
            }
        }
        if let Some((from, to)) = hours {
            let early = start.is_some_and(|s| s < from);
            let late = end.is_some_and(|e| e > to) || start.is_some_and(|s| s >= to && end.is_none());
            if early || late {
                out.push(problem(
                    ProblemKind::AgendaOutsideHours {
                        item: index,
                        start: item.start.clone(),
                        end: item.end.clone(),
                        from: report.start_time.clone(),
                        to: report.end_time.clone(),
                    },
                    at(index, if early { "start" } else { "end" }),
                ));
            }
        }
        if let (Some(s), Some((before, before_start, before_end))) = (start, previous) {
            if s < before_start {
                out.push(problem(ProblemKind::AgendaOutOfOrder { item: index, previous: before }, at(index, "start")));
            } else if before_end.is_some_and(|e| s < e) {
                out.push(problem(ProblemKind::AgendaOverlaps { item: index, previous: before }, at(index, "start")));
            }
        }
        if let Some(s) = start {
            previous = Some((index, s, end));
        }
    }
}

pub fn whole_numbers(report: &Report, out: &mut Vec<Problem>) {
    let label = |path: &str| match path {
        "session_number" => Msg::SessionNumber,
        "participants.total" => Msg::TotalParticipants,
        "participants.male" => Msg::Male,
        "participants.female" => Msg::Female,
        "participants.sex_not_recorded" => Msg::SexNotRecorded,
        "participants.under_18" => Msg::Under18,
        "participants.age_18_to_24" => Msg::Age18To24,
        "participants.age_25_to_59" => Msg::Age25To59,
        "participants.age_60_and_over" => Msg::Age60AndOver,
        "participants.with_disabilities" => Msg::WithDisabilities,
        _ => Msg::Guests,
    };
    for (path, number) in report.number_fields() {
        if number.parse().is_err() {
            let field = match path.strip_prefix("participants.") {
                Some(name) => FieldPath::Participants(name),
                None => FieldPath::Report(path),
            };
            out.push(problem(ProblemKind::NotWholeNumber(FieldName::Label(label(path))), field));
        }
    }
    let rows = [
        (
            "participants-governorates",
            Msg::RowGovernorate,
            report.participants.governorates.iter().map(|r| &r.count).collect::<Vec<_>>(),
        ),
        (
            "participants-categories",
            Msg::RowParticipantCategory,
            report.participants.categories.iter().map(|r| &r.count).collect(),
        ),
    ];
    for (list, legend, counts) in rows {
        for (index, count) in counts.into_iter().enumerate() {
            if count.parse().is_err() {
                out.push(problem(
                    ProblemKind::NotWholeNumber(FieldName::Row(legend, index)),
                    FieldPath::Row { list, index, field: "count" },
                ));
            }
        }
    }
    for (index, group) in report.working_groups.iter().enumerate() {
        if group.member_count.parse().is_err() {
            out.push(problem(
                ProblemKind::NotWholeNumber(FieldName::Row(Msg::RowWorkingGroup, index)),
                FieldPath::Row { list: "working_groups", index, field: "member_count" },
            ));
        }
    }
}

/// The sum of the given figures, or `None` when none is given.
fn sum_given<'a>(figures: impl IntoIterator<Item = &'a WholeNumber>) -> Option<u32> {
    figures.into_iter().filter_map(WholeNumber::value).fold(None, |sum, n| Some(sum.unwrap_or(0).saturating_add(n)))
}

pub fn breakdowns(report: &Report, out: &mut Vec<Problem>) {
    let p = &report.participants;
    let Some(total) = p.total.value() else { return };
    let mut compare = |sum: Option<u32>, message, field| {
        if let Some(sum) = sum.filter(|sum| *sum != total) {
            out.push(problem(ProblemKind::BreakdownMismatch { message, sum, total }, field));
        }
    };
    compare(
        sum_given([&p.male, &p.female, &p.sex_not_recorded]),
        Msg::CheckSexBreakdown,
        FieldPath::Participants("male"),
    );
    compare(
        sum_given([&p.under_18, &p.age_18_to_24, &p.age_25_to_59, &p.age_60_and_over]),
        Msg::CheckAgeBreakdown,
        FieldPath::Participants("under_18"),
    );
    compare(
        sum_given(p.governorates.iter().map(|g| &g.count)),
        Msg::CheckGovernorateBreakdown,
        FieldPath::Row { list: "participants-governorates", index: 0, field: "count" },
    );
    // Categories often overlap or are listed without counts; compare only a complete breakdown.
    let complete = !p.categories.is_empty() && p.categories.iter().all(|c| c.count.value().is_some());
    if complete {
        compare(
            sum_given(p.categories.iter().map(|c| &c.count)),
            Msg::CheckCategoryBreakdown,
            FieldPath::Row { list: "participants-categories", index: 0, field: "count" },
        );
    }
}

pub fn working_groups(report: &Report, out: &mut Vec<Problem>) {
    let Some(total) = report.participants.total.value() else { return };
    let members: u32 = report.working_groups.iter().filter_map(|g| g.size()).fold(0, u32::saturating_add);
    if members > total {
        out.push(problem(
            ProblemKind::WorkingGroupsTooLarge { members, total },
            FieldPath::Row { list: "working_groups", index: 0, field: "member_count" },
        ));
    }
}

/// (year, month, day) of a valid ISO date.
fn parse_date(date: &str) -> Option<(u32, u32, u32)> {
    let mut parts = date.trim().splitn(3, '-');
    let year: u32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (day >= 1 && day <= days).then_some((year, month, day))
}

pub fn date(report: &Report, today: &str, out: &mut Vec<Problem>) {
    if report.date.trim().is_empty() {
        return;
    }
    let field = FieldPath::Report("date");
    match parse_date(&report.date) {
        None => out.push(problem(ProblemKind::DateInvalid, field)),
        Some(date) if date < (1990, 1, 1) => out.push(problem(ProblemKind::DateTooEarly, field)),
        Some(date) if parse_date(today).is_some_and(|today| date > today) => {
            out.push(problem(ProblemKind::DateInFuture, field))
        }
        Some(_) => {}
    }
}

const ENGLISH_ORDINALS: [(&str, u32); 21] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("forth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("1st", 1),
    ("2nd", 2),
    ("3rd", 3),
    ("4th", 4),
    ("5th", 5),
    ("6th", 6),
    ("7th", 7),
    ("8th", 8),
];
const ENGLISH_EVENTS: [&str; 5] = ["session", "workshop", "training", "meeting", "sessions"];
const ARABIC_ORDINALS: [(&str, u32); 10] = [
    ("اولى", 1),
    ("ثانية", 2),
    ("ثالثة", 3),
    ("رابعة", 4),
    ("خامسة", 5),
    ("سادسة", 6),
    ("سابعة", 7),
    ("ثامنة", 8),
    ("تاسعة", 9),
    ("عاشرة", 10),
];
const ARABIC_ORDINALS_MASCULINE: [(&str, u32); 10] = [
    ("اول", 1),
    ("ثاني", 2),
    ("ثالث", 3),
    ("رابع", 4),
    ("خامس", 5),
    ("سادس", 6),
    ("سابع", 7),
    ("ثامن", 8),
    ("تاسع", 9),
    ("عاشر", 10),
];
const ARABIC_EVENTS: [&str; 6] = ["جلسة", "ورشة", "اجتماع", "تدريب", "دورة", "لقاء"];

/// An Arabic word without the article and with alef forms unified (الأولى → اولى).
fn arabic_stem(word: &str) -> String {
    let unified: String = word
        .chars()
        .filter(|c| !('\u{064B}'..='\u{0652}').contains(c))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' => 'ا',
            other => other,
        })
        .collect();
    let stem = unified.strip_prefix("ال").unwrap_or(&unified);
    stem.to_owned()
}

/// The session ordinals `text` uses for its event: "fourth dialogue session", "3rd workshop",
/// "الجلسة الحوارية الرابعة".
pub fn ordinals_in(text: &str) -> Vec<u32> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let mut found = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if let Some((_, n)) = ENGLISH_ORDINALS.iter().find(|(w, _)| w == word) {
            let event_follows = words.iter().skip(i + 1).take(3).any(|w| ENGLISH_EVENTS.contains(w));
            if event_follows {
                found.push(*n);
            }
            continue;
        }
        let stem = arabic_stem(word);
        let feminine = ARABIC_ORDINALS.iter().find(|(w, _)| *w == stem);
        let masculine = ARABIC_ORDINALS_MASCULINE.iter().find(|(w, _)| *w == stem);
        if let Some((_, n)) = feminine.or(masculine) {
            let event_precedes =
                words[i.saturating_sub(3)..i].iter().any(|w| ARABIC_EVENTS.contains(&arabic_stem(w).as_str()));
            if event_precedes {
                found.push(*n);
            }
        }
    }
    found
}

pub fn session_ordinals(report: &Report, out: &mut Vec<Problem>) {
    let mut texts: Vec<(&str, FieldName, FieldPath)> = vec![
        (&report.title, FieldName::Label(Msg::ReportTitle), FieldPath::Report("title")),
        (&report.introduction, FieldName::Label(Msg::Introduction), FieldPath::Report("introduction")),
        (&report.aim, FieldName::Label(Msg::Aim), FieldPath::Report("aim")),
        (&report.session_topic, FieldName::Label(Msg::SessionTopic), FieldPath::Report("session_topic")),
    ];
    for (index, point) in report.discussion_points.iter().enumerate() {
        let name = FieldName::Row(Msg::RowDiscussionPoint, index);
        texts.push((&point.heading, name, FieldPath::Row { list: "discussion_points", index, field: "heading" }));
        texts.push((&point.details, name, FieldPath::Row { list: "discussion_points", index, field: "details" }));
    }
    texts.push((&report.conclusion, FieldName::Label(Msg::Conclusion), FieldPath::Report("conclusion")));
    texts.push((&report.next_steps, FieldName::Label(Msg::NextSteps), FieldPath::Report("next_steps")));

    let mentions: Vec<(u32, FieldName, FieldPath)> = texts
        .into_iter()
        .flat_map(|(text, name, path)| ordinals_in(text).into_iter().map(move |n| (n, name, path.clone())))
        .collect();
    match report.session_number.value() {
        Some(number) => {
            for (ordinal, field, path) in mentions.into_iter().filter(|(n, ..)| *n != number) {
                out.push(problem(ProblemKind::SessionNumberMismatch { field, ordinal, number }, path));
            }
        }
        None => {
            let Some((first, first_field, _)) = mentions.first().cloned() else { return };
            for (ordinal, field, path) in mentions.into_iter().filter(|(n, ..)| *n != first) {
                out.push(problem(
                    ProblemKind::SessionOrdinalsDisagree { field, ordinal, other_field: first_field, other: first },
                    path,
                ));
            }
        }
    }
}
