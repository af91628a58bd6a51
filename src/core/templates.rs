//! "New from template": one starting point per kind of activity, with its usual structure and a
//! sample agenda to adjust, written in the language of the person starting it.

use crate::core::i18n::{self, Msg};
use crate::core::report::{ActivityType, AgendaItem, Language, Report, RowId, Section, TextItem};

/// The templates offered, in the order shown.
pub const TEMPLATES: [ActivityType; 4] =
    [ActivityType::DialogueSession, ActivityType::Workshop, ActivityType::ClosingSession, ActivityType::Meeting];

fn agenda(lang: Language, rows: &[(&str, &str, Msg)]) -> Vec<AgendaItem> {
    rows.iter()
        .map(|&(start, end, item)| AgendaItem {
            id: RowId::fresh(),
            start: start.into(),
            end: end.into(),
            item: i18n::text(lang, item).into(),
            presenter: String::new(),
        })
        .collect()
}

fn sections(lang: Language, headings: &[Msg]) -> Vec<Section> {
    headings
        .iter()
        .map(|&heading| Section { id: RowId::fresh(), heading: i18n::text(lang, heading).into(), text: String::new() })
        .collect()
}

/// A new report for `kind` in `lang` (its agenda, headings, language and digits), with the
/// structure such reports usually have.
pub fn from_template(kind: ActivityType, lang: Language) -> Report {
    let mut report = Report { activity_type: kind, ..Report::blank_in(lang) };
    report.objectives = vec![TextItem::new(""), TextItem::new("")];
    match kind {
        ActivityType::DialogueSession => {
            report.start_time = "09:00".into();
            report.end_time = "13:00".into();
            report.agenda = agenda(
                lang,
                &[
                    ("09:00", "09:15", Msg::TplOpening),
                    ("09:15", "09:30", Msg::TplSessionObjectives),
                    ("09:30", "10:30", Msg::TplDialogue),
                    ("10:30", "11:00", Msg::TplBreak),
                    ("11:00", "12:15", Msg::TplDiscussionQuestions),
                    ("12:15", "12:45", Msg::TplRecommendations),
                    ("12:45", "13:00", Msg::TplClosingThanks),
                ],
            );
        }
        ActivityType::Workshop | ActivityType::Training => {
            report.start_time = "09:00".into();
            report.end_time = "15:00".into();
            report.agenda = agenda(
                lang,
                &[
                    ("09:00", "09:30", Msg::TplRegistration),
                    ("09:30", "10:30", Msg::TplSession1),
                    ("10:30", "10:45", Msg::TplBreak),
                    ("10:45", "12:15", Msg::TplSession2),
                    ("12:15", "13:00", Msg::TplLunch),
                    ("13:00", "14:30", Msg::TplSession3),
                    ("14:30", "15:00", Msg::TplPostTest),
                ],
            );
        }
        ActivityType::ClosingSession => {
            report.start_time = "10:00".into();
            report.end_time = "14:00".into();
            report.agenda = agenda(
                lang,
                &[
                    ("10:00", "10:20", Msg::TplOpeningRemarks),
                    ("10:20", "11:00", Msg::TplProjectResults),
                    ("11:00", "12:00", Msg::TplPanelDiscussion),
                    ("12:00", "12:15", Msg::TplBreak),
                    ("12:15", "13:30", Msg::TplLessonsLearnedGroups),
                    ("13:30", "14:00", Msg::TplConclusionsClosing),
                ],
            );
            report.extra_sections = sections(lang, &[Msg::TplPanelDiscussion, Msg::TplLessonsLearned]);
        }
        ActivityType::Meeting | ActivityType::Other => {
            report.start_time = "10:00".into();
            report.end_time = "12:00".into();
            report.agenda = agenda(
                lang,
                &[
                    ("10:00", "10:10", Msg::TplWelcomeAgenda),
                    ("10:10", "10:40", Msg::TplPartnerUpdates),
                    ("10:40", "11:30", Msg::TplGapsNeeds),
                    ("11:30", "12:00", Msg::TplActionPointsNext),
                ],
            );
            report.extra_sections = sections(lang, &[Msg::TplActionPoints]);
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_is_written_in_the_language_it_is_started_in() {
        let arabic_script = |text: &str| text.chars().any(|c| ('\u{0621}'..='\u{06D5}').contains(&c));
        for lang in Language::ALL {
            for kind in TEMPLATES {
                let report = from_template(kind, lang);
                assert_eq!(report.language, lang);
                let texts =
                    report.agenda.iter().map(|a| &a.item).chain(report.extra_sections.iter().map(|s| &s.heading));
                for text in texts {
                    assert_eq!(arabic_script(text), lang.is_rtl(), "{} {kind:?}: {text}", lang.code());
                }
            }
        }
        assert_eq!(from_template(ActivityType::Meeting, Language::Arabic).extra_sections[0].heading, "نقاط العمل");
        assert_eq!(from_template(ActivityType::DialogueSession, Language::Kurdish).agenda[3].item, "پشوو");
    }

    #[test]
    fn every_template_has_its_kind_and_an_agenda_within_its_hours() {
        for kind in TEMPLATES {
            let report = from_template(kind, Language::English);
            assert_eq!(report.activity_type, kind);
            assert!(!report.agenda.is_empty());
            for item in &report.agenda {
                assert!(item.start >= report.start_time && item.end <= report.end_time, "{kind:?}: {item:?}");
                assert!(item.start < item.end);
            }
        }
    }
}
