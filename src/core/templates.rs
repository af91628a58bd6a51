//! "New from template": one starting point per kind of activity, with its usual structure and a
//! sample agenda to adjust, written in the language of the person starting it.

use crate::core::i18n::{self, Msg};
use crate::core::report::{ActivityType, AgendaItem, Language, Report, RowId, Section, TextItem, WholeNumber};
use crate::core::strict_json;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::value::RawValue;

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

/// A template of the organisation's own ("Save as template"): a report without its dates,
/// numbers and photos, under a name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OwnTemplate {
    pub name: String,
    #[serde(deserialize_with = "read_report")]
    pub report: Report,
}

/// A template's report is read as a report file's is ([`strict_json`]): the report's reader is
/// the largest code in the app, and a second copy for the profile was 70 KB of code.
fn read_report<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Report, D::Error> {
    let raw = Box::<RawValue>::deserialize(deserializer)?;
    strict_json::from_str(raw.get()).map_err(|failure| D::Error::custom(failure.error))
}

impl OwnTemplate {
    /// `report` as a template named `name`: its date, sign-off dates, session number, every count
    /// and every photo taken out; its text, rows, times and language kept.
    pub fn of(name: &str, report: &Report) -> Self {
        let mut report = report.clone();
        report.date.clear();
        for signer in
            [&mut report.sign_off.prepared_by, &mut report.sign_off.reviewed_by, &mut report.sign_off.approved_by]
        {
            signer.date.clear();
        }
        for count in report.counts_mut() {
            *count = WholeNumber::default();
        }
        for attachment in &mut report.attachments {
            attachment.photos.clear();
        }
        OwnTemplate { name: name.trim().to_owned(), report }
    }

    /// A new report from this template, its rows with ids of their own: row ids are not written,
    /// so reading the report back makes new ones (by the one reader, see [`read_report`]).
    pub fn start(&self) -> Report {
        serde_json::to_string(&self.report)
            .ok()
            .and_then(|text| strict_json::from_str(&text).ok())
            .unwrap_or_else(|| self.report.clone())
    }
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
    fn an_own_template_keeps_the_writing_without_dates_numbers_or_photos() {
        let mut report = from_template(ActivityType::Workshop, Language::Arabic);
        report.title = "ورشة الحماية".into();
        report.date = "2026-11-15".into();
        report.session_number = WholeNumber::new("4");
        report.participants.total = WholeNumber::new("30");
        report.participants.governorates = vec![crate::core::report::GovernorateCount {
            name: "ذي قار".into(),
            count: WholeNumber::new("12"),
            ..Default::default()
        }];
        report.sign_off.prepared_by.name = "سارة".into();
        report.sign_off.prepared_by.date = "2026-11-16".into();
        report.attachments = vec![crate::core::report::Attachment {
            description: "صور".into(),
            photos: vec![crate::core::report::PhotoRef { id: "p1".into(), caption: "c".into() }],
            ..Default::default()
        }];
        let template = OwnTemplate::of("  ورشة  ", &report);
        assert_eq!(template.name, "ورشة");
        let started = template.start();
        assert_eq!((started.title.as_str(), started.date.as_str()), ("ورشة الحماية", ""));
        assert_eq!(started.session_number, WholeNumber::default());
        assert_eq!(started.participants.total, WholeNumber::default());
        assert_eq!(started.participants.governorates[0].name, "ذي قار");
        assert_eq!(started.participants.governorates[0].count, WholeNumber::default());
        assert_eq!(
            (started.sign_off.prepared_by.name.as_str(), started.sign_off.prepared_by.date.as_str()),
            ("سارة", "")
        );
        assert!(started.photos().next().is_none());
        assert_eq!(started.attachments[0].description, "صور");
        assert_eq!(started.agenda, report.agenda, "the agenda and its times are kept");
        assert_ne!(started.agenda[0].id.0, report.agenda[0].id.0, "rows of its own");
        assert_eq!(started.language, Language::Arabic);
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
