//! Consistency checks: the mistakes donors notice, found while the report is written.
//!
//! Every check is a pure function of the report. Each problem names the editor field it is
//! about ([`FieldPath`]), whose id the editor gives that field, so the "Checks" panel can move
//! focus there.

mod dates;
mod ordinals;

use crate::core::editor_sections::has_content;
use crate::core::field::*;
use crate::core::i18n::{self, Msg};
use crate::core::report::{Language, Report, WholeNumber};
pub use dates::{hidden_by_date_input, hidden_by_time_input, minutes, parse_date};
pub use ordinals::{ordinals_in, session_ordinals};

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
    /// More people came for the first time than came at all.
    NewParticipantsAboveTotal {
        new: u32,
        total: u32,
    },
    /// A date the date input cannot show, quoted as stored.
    DateInvalid {
        value: String,
    },
    /// A time the time input cannot show, quoted as stored.
    TimeInvalid {
        time: TimeName,
        value: String,
    },
    DateTooEarly,
    DateInFuture,
}

/// Which time a [`ProblemKind::TimeInvalid`] is about; agenda items by 0-based index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeName {
    Start,
    End,
    AgendaStart(usize),
    AgendaEnd(usize),
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
                i18n::plural(lang, Msg::CheckWorkingGroups, u64::from(*members), &[("total", &total.to_string())])
            }
            ProblemKind::NewParticipantsAboveTotal { new, total } => {
                f(Msg::CheckNewParticipants, &[("new", &new.to_string()), ("total", &total.to_string())])
            }
            ProblemKind::DateInvalid { value } => f(Msg::CheckDateInvalid, &[("value", &quoted(value))]),
            ProblemKind::TimeInvalid { time, value } => {
                let (msg, item) = match time {
                    TimeName::Start => (Msg::CheckStartTimeInvalid, 0),
                    TimeName::End => (Msg::CheckEndTimeInvalid, 0),
                    TimeName::AgendaStart(item) => (Msg::CheckAgendaStartInvalid, *item),
                    TimeName::AgendaEnd(item) => (Msg::CheckAgendaEndInvalid, *item),
                };
                f(msg, &[("n", &n(item)), ("value", &quoted(value))])
            }
            ProblemKind::DateTooEarly => f(Msg::CheckDateTooEarly, &[]),
            ProblemKind::DateInFuture => f(Msg::CheckDateInFuture, &[]),
        }
    }
}

/// A stored value as a message quotes it: long ones shortened, since the field shows it whole.
fn quoted(value: &str) -> String {
    const LONGEST: usize = 60;
    match value.char_indices().nth(LONGEST) {
        Some((end, _)) => format!("{}…", &value[..end]),
        None => value.to_owned(),
    }
}

/// Every problem found in `report`, in the order of the form. `today` is YYYY-MM-DD.
pub fn check_report(report: &Report, today: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    required_fields(report, &mut problems);
    session_ordinals(report, &mut problems);
    date(report, today, &mut problems);
    times(report, &mut problems);
    activity_hours(report, &mut problems);
    whole_numbers(report, &mut problems);
    breakdowns(report, &mut problems);
    agenda(report, &mut problems);
    working_groups(report, &mut problems);
    problems
}

/// The problems the Checks panel lists: all of them once anything has been written, or once an
/// export was asked for (`asked_to_export`); on a blank page only those that are not a field
/// still to fill — everything is missing there, and saying so helps nobody.
pub fn problems_to_show(report: &Report, today: &str, asked_to_export: bool) -> Vec<Problem> {
    let mut problems = check_report(report, today);
    if !asked_to_export && !has_content(report) {
        problems.retain(|problem| !problem.kind.is_missing());
    }
    problems
}

impl ProblemKind {
    /// A required field left empty, as against a figure, time or name that disagrees.
    pub fn is_missing(&self) -> bool {
        matches!(self, ProblemKind::Required(_) | ProblemKind::NoObjective)
    }
}

fn problem(kind: ProblemKind, field: FieldPath) -> Problem {
    Problem { kind, field }
}

pub fn required_fields(report: &Report, out: &mut Vec<Problem>) {
    let required = [
        (&report.title, Msg::ReportTitle, ReportField::Title),
        (&report.date, Msg::Date, ReportField::Date),
        (&report.organizing_organization, Msg::OrganizingOrganization, ReportField::OrganizingOrganization),
    ];
    for (value, label, name) in required {
        if value.trim().is_empty() {
            out.push(problem(ProblemKind::Required(FieldName::Label(label)), FieldPath::Report(name)));
        }
    }
    if report.objectives.iter().all(|o| o.text.trim().is_empty()) {
        let field =
            if report.objectives.is_empty() { FieldPath::AddRow(List::Objectives) } else { TextList::Objectives.at(0) };
        out.push(problem(ProblemKind::NoObjective, field));
    }
    if report.participants.total.is_blank() {
        out.push(problem(
            ProblemKind::Required(FieldName::Label(Msg::TotalParticipants)),
            FieldPath::Participants(Figure::Total),
        ));
    }
}

/// Activity hours that a time input cannot show.
pub fn times(report: &Report, out: &mut Vec<Problem>) {
    for (value, time, field) in [
        (&report.start_time, TimeName::Start, ReportField::StartTime),
        (&report.end_time, TimeName::End, ReportField::EndTime),
    ] {
        if hidden_by_time_input(value) {
            out.push(problem(ProblemKind::TimeInvalid { time, value: value.clone() }, FieldPath::Report(field)));
        }
    }
}

pub fn activity_hours(report: &Report, out: &mut Vec<Problem>) {
    if let (Some(start), Some(end)) = (minutes(&report.start_time), minutes(&report.end_time)) {
        if end < start {
            out.push(problem(ProblemKind::EndBeforeStart, FieldPath::Report(ReportField::EndTime)));
        }
    }
}

pub fn agenda(report: &Report, out: &mut Vec<Problem>) {
    let hours = match (minutes(&report.start_time), minutes(&report.end_time)) {
        (Some(from), Some(to)) if from <= to => Some((from, to)),
        _ => None,
    };
    let at = |index, field: AgendaField| field.at(index);
    let mut previous: Option<(usize, u32, Option<u32>)> = None;
    for (index, item) in report.agenda.iter().enumerate() {
        for (value, time, field) in [
            (&item.start, TimeName::AgendaStart(index), AgendaField::Start),
            (&item.end, TimeName::AgendaEnd(index), AgendaField::End),
        ] {
            if hidden_by_time_input(value) {
                out.push(problem(ProblemKind::TimeInvalid { time, value: value.clone() }, at(index, field)));
            }
        }
        let (start, end) = (minutes(&item.start), minutes(&item.end));
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                out.push(problem(ProblemKind::AgendaEndsBeforeStart { item: index }, at(index, AgendaField::End)));
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
                    at(index, if early { AgendaField::Start } else { AgendaField::End }),
                ));
            }
        }
        if let (Some(s), Some((before, before_start, before_end))) = (start, previous) {
            if s < before_start {
                out.push(problem(
                    ProblemKind::AgendaOutOfOrder { item: index, previous: before },
                    at(index, AgendaField::Start),
                ));
            } else if before_end.is_some_and(|e| s < e) {
                out.push(problem(
                    ProblemKind::AgendaOverlaps { item: index, previous: before },
                    at(index, AgendaField::Start),
                ));
            }
        }
        if let Some(s) = start {
            previous = Some((index, s, end));
        }
    }
}

pub fn whole_numbers(report: &Report, out: &mut Vec<Problem>) {
    let figures = Figure::ALL.iter().map(|f| (FieldPath::Participants(*f), f.label(), f.of(&report.participants)));
    let session = (FieldPath::Report(ReportField::SessionNumber), Msg::SessionNumber, &report.session_number);
    for (field, label, number) in std::iter::once(session).chain(figures) {
        if number.parse().is_err() {
            out.push(problem(ProblemKind::NotWholeNumber(FieldName::Label(label)), field));
        }
    }
    let p = &report.participants;
    let row = |legend, index| FieldName::Row(legend, index);
    let governorates = p
        .governorates
        .iter()
        .enumerate()
        .map(|(i, r)| (GovernorateField::Count.at(i), row(Msg::RowGovernorate, i), &r.count));
    let categories = p
        .categories
        .iter()
        .enumerate()
        .map(|(i, r)| (CategoryField::Count.at(i), row(Msg::RowParticipantCategory, i), &r.count));
    let groups = report
        .working_groups
        .iter()
        .enumerate()
        .map(|(i, g)| (WorkingGroupField::MemberCount.at(i), row(Msg::RowWorkingGroup, i), &g.member_count));
    for (field, name, count) in governorates.chain(categories).chain(groups) {
        if count.parse().is_err() {
            out.push(problem(ProblemKind::NotWholeNumber(name), field));
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
    if let Some(new) = p.new_participants.value().filter(|new| *new > total) {
        let field = FieldPath::Participants(Figure::NewParticipants);
        out.push(problem(ProblemKind::NewParticipantsAboveTotal { new, total }, field));
    }
    let mut compare = |sum: Option<u32>, message, field| {
        if let Some(sum) = sum.filter(|sum| *sum != total) {
            out.push(problem(ProblemKind::BreakdownMismatch { message, sum, total }, field));
        }
    };
    compare(
        sum_given([&p.male, &p.female, &p.sex_not_recorded]),
        Msg::CheckSexBreakdown,
        FieldPath::Participants(Figure::Male),
    );
    compare(
        sum_given([&p.under_18, &p.age_18_to_24, &p.age_25_to_59, &p.age_60_and_over]),
        Msg::CheckAgeBreakdown,
        FieldPath::Participants(Figure::Under18),
    );
    compare(
        sum_given(p.governorates.iter().map(|g| &g.count)),
        Msg::CheckGovernorateBreakdown,
        GovernorateField::Count.at(0),
    );
    // Categories often overlap or are listed without counts; compare only a complete breakdown.
    let complete = !p.categories.is_empty() && p.categories.iter().all(|c| c.count.value().is_some());
    if complete {
        compare(
            sum_given(p.categories.iter().map(|c| &c.count)),
            Msg::CheckCategoryBreakdown,
            CategoryField::Count.at(0),
        );
    }
}

pub fn working_groups(report: &Report, out: &mut Vec<Problem>) {
    let Some(total) = report.participants.total.value() else { return };
    let members: u32 = report.working_groups.iter().filter_map(|g| g.size()).fold(0, u32::saturating_add);
    if members > total {
        out.push(problem(ProblemKind::WorkingGroupsTooLarge { members, total }, WorkingGroupField::MemberCount.at(0)));
    }
}

pub fn date(report: &Report, today: &str, out: &mut Vec<Problem>) {
    if report.date.trim().is_empty() {
        return;
    }
    let field = FieldPath::Report(ReportField::Date);
    match parse_date(&report.date) {
        None => out.push(problem(ProblemKind::DateInvalid { value: report.date.clone() }, field)),
        Some(date) if date < (1990, 1, 1) => out.push(problem(ProblemKind::DateTooEarly, field)),
        Some(date) if parse_date(today).is_some_and(|today| date > today) => {
            out.push(problem(ProblemKind::DateInFuture, field))
        }
        Some(_) => {}
    }
}
