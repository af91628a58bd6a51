//! "New from template": one starting point per kind of activity, with its usual structure and a
//! sample agenda to adjust.

use crate::core::report::{ActivityType, AgendaItem, Report, RowId, Section, TextItem};

/// The templates offered, in the order shown.
pub const TEMPLATES: [ActivityType; 4] =
    [ActivityType::DialogueSession, ActivityType::Workshop, ActivityType::ClosingSession, ActivityType::Meeting];

fn agenda(rows: &[(&str, &str, &str)]) -> Vec<AgendaItem> {
    rows.iter()
        .map(|(start, end, item)| AgendaItem {
            id: RowId::fresh(),
            start: (*start).into(),
            end: (*end).into(),
            item: (*item).into(),
            presenter: String::new(),
        })
        .collect()
}

fn sections(headings: &[&str]) -> Vec<Section> {
    headings
        .iter()
        .map(|heading| Section { id: RowId::fresh(), heading: (*heading).into(), text: String::new() })
        .collect()
}

/// A new report for `kind`, with the structure such reports usually have.
pub fn from_template(kind: ActivityType) -> Report {
    let mut report = Report { activity_type: kind, ..Report::blank() };
    report.objectives = vec![TextItem::new(""), TextItem::new("")];
    match kind {
        ActivityType::DialogueSession => {
            report.start_time = "09:00".into();
            report.end_time = "13:00".into();
            report.agenda = agenda(&[
                ("09:00", "09:15", "Opening and overview of the project"),
                ("09:15", "09:30", "Presentation of the session's objectives"),
                ("09:30", "10:30", "Dialogue session"),
                ("10:30", "11:00", "Break"),
                ("11:00", "12:15", "Discussion and questions"),
                ("12:15", "12:45", "Recommendations"),
                ("12:45", "13:00", "Closing and thanks"),
            ]);
        }
        ActivityType::Workshop | ActivityType::Training => {
            report.start_time = "09:00".into();
            report.end_time = "15:00".into();
            report.agenda = agenda(&[
                ("09:00", "09:30", "Registration and pre-test"),
                ("09:30", "10:30", "Session 1"),
                ("10:30", "10:45", "Break"),
                ("10:45", "12:15", "Session 2: group work"),
                ("12:15", "13:00", "Lunch"),
                ("13:00", "14:30", "Session 3: practice"),
                ("14:30", "15:00", "Post-test, evaluation and closing"),
            ]);
        }
        ActivityType::ClosingSession => {
            report.start_time = "10:00".into();
            report.end_time = "14:00".into();
            report.agenda = agenda(&[
                ("10:00", "10:20", "Opening remarks"),
                ("10:20", "11:00", "Presentation of the project's results"),
                ("11:00", "12:00", "Panel discussion"),
                ("12:00", "12:15", "Break"),
                ("12:15", "13:30", "Working groups: lessons learned"),
                ("13:30", "14:00", "Conclusions and closing"),
            ]);
            report.extra_sections = sections(&["Panel discussion", "Lessons learned"]);
        }
        ActivityType::Meeting | ActivityType::Other => {
            report.start_time = "10:00".into();
            report.end_time = "12:00".into();
            report.agenda = agenda(&[
                ("10:00", "10:10", "Welcome and adoption of the agenda"),
                ("10:10", "10:40", "Updates from partners"),
                ("10:40", "11:30", "Gaps, needs and coordination issues"),
                ("11:30", "12:00", "Action points and next meeting"),
            ]);
            report.extra_sections = sections(&["Action points"]);
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_has_its_kind_and_an_agenda_within_its_hours() {
        for kind in TEMPLATES {
            let report = from_template(kind);
            assert_eq!(report.activity_type, kind);
            assert!(!report.agenda.is_empty());
            for item in &report.agenda {
                assert!(item.start >= report.start_time && item.end <= report.end_time, "{kind:?}: {item:?}");
                assert!(item.start < item.end);
            }
        }
    }
}
