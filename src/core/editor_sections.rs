//! The editor's sections as a person finds their way through them: which fields each holds (so a
//! check counts against its section), whether it has anything in it, and which sections a kind
//! of activity uses by default — the others are folded under "More sections" until they have
//! content or are opened.

use crate::core::checks::Problem;
use crate::core::field::{FieldPath, List, ReportField, TextList};
use crate::core::i18n::Msg;
use crate::core::report::{ActivityType, Report};

/// One card of the editor, in the order of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EditorSection {
    Identity,
    WhenWhere,
    Narrative,
    Objectives,
    People,
    Participants,
    Agenda,
    Discussion,
    WorkingGroups,
    Results,
    Recommendations,
    Attachments,
    Closing,
    Extra,
    SignOff,
}

/// What the "Sections" list says of a section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionState {
    Empty,
    Filled,
    /// Checks found this many problems in its fields.
    OpenChecks(usize),
}

impl EditorSection {
    pub const ALL: [EditorSection; 15] = [
        EditorSection::Identity,
        EditorSection::WhenWhere,
        EditorSection::Narrative,
        EditorSection::Objectives,
        EditorSection::People,
        EditorSection::Participants,
        EditorSection::Agenda,
        EditorSection::Discussion,
        EditorSection::WorkingGroups,
        EditorSection::Results,
        EditorSection::Recommendations,
        EditorSection::Attachments,
        EditorSection::Closing,
        EditorSection::Extra,
        EditorSection::SignOff,
    ];

    /// The name in the ids of the section and its heading (`section-<name>`).
    pub fn name(self) -> &'static str {
        match self {
            EditorSection::Identity => "identity",
            EditorSection::WhenWhere => "when-where",
            EditorSection::Narrative => "narrative",
            EditorSection::Objectives => "objectives",
            EditorSection::People => "people",
            EditorSection::Participants => "participants",
            EditorSection::Agenda => "agenda",
            EditorSection::Discussion => "discussion",
            EditorSection::WorkingGroups => "working-groups",
            EditorSection::Results => "results",
            EditorSection::Recommendations => "recommendations",
            EditorSection::Attachments => "attachments",
            EditorSection::Closing => "closing",
            EditorSection::Extra => "extra",
            EditorSection::SignOff => "sign-off",
        }
    }

    /// The id of the section's heading, which the "Sections" links lead to.
    pub fn heading_id(self) -> String {
        format!("section-{}", self.name())
    }

    pub fn heading(self) -> Msg {
        match self {
            EditorSection::Identity => Msg::SectionIdentity,
            EditorSection::WhenWhere => Msg::SectionWhenWhere,
            EditorSection::Narrative => Msg::SectionNarrative,
            EditorSection::Objectives => Msg::SectionObjectives,
            EditorSection::People => Msg::SectionPeople,
            EditorSection::Participants => Msg::SectionParticipants,
            EditorSection::Agenda => Msg::SectionAgenda,
            EditorSection::Discussion => Msg::SectionDiscussion,
            EditorSection::WorkingGroups => Msg::SectionWorkingGroups,
            EditorSection::Results => Msg::SectionResults,
            EditorSection::Recommendations => Msg::SectionRecommendations,
            EditorSection::Attachments => Msg::SectionAttachments,
            EditorSection::Closing => Msg::SectionClosing,
            EditorSection::Extra => Msg::SectionExtra,
            EditorSection::SignOff => Msg::SectionSignOff,
        }
    }

    /// The section that shows `field`.
    pub fn of(field: &FieldPath) -> EditorSection {
        use EditorSection as S;
        match field {
            FieldPath::Report(field) => match field {
                ReportField::Date
                | ReportField::StartTime
                | ReportField::EndTime
                | ReportField::Venue
                | ReportField::City
                | ReportField::Governorate
                | ReportField::Country => S::WhenWhere,
                ReportField::Introduction | ReportField::Aim | ReportField::SessionTopic => S::Narrative,
                ReportField::Moderator => S::People,
                ReportField::Conclusion | ReportField::NextSteps => S::Closing,
                _ => S::Identity,
            },
            FieldPath::Participants(_) | FieldPath::Governorates(..) | FieldPath::Categories(..) => S::Participants,
            FieldPath::TextItem(list, _) => Self::of_list(list.list()),
            FieldPath::ExtraSections(..) => S::Extra,
            FieldPath::Facilitators(..) | FieldPath::Speakers(..) => S::People,
            FieldPath::Agenda(..) => S::Agenda,
            FieldPath::DiscussionPoints(..) => S::Discussion,
            FieldPath::WorkingGroups(..) => S::WorkingGroups,
            FieldPath::Attachments(..) | FieldPath::PhotoCaption { .. } => S::Attachments,
            FieldPath::AddRow(list) => Self::of_list(*list),
            FieldPath::SignOff(..) => S::SignOff,
        }
    }

    fn of_list(list: List) -> EditorSection {
        use EditorSection as S;
        match list {
            List::ExtraSections => S::Extra,
            List::Facilitators | List::Speakers => S::People,
            List::Governorates | List::Categories => S::Participants,
            List::Objectives => S::Objectives,
            List::Agenda => S::Agenda,
            List::DiscussionPoints => S::Discussion,
            List::WorkingGroups => S::WorkingGroups,
            List::Results => S::Results,
            List::Recommendations => S::Recommendations,
            List::Attachments => S::Attachments,
        }
    }

    /// Whether anything has been written in the section (choices such as the language or the
    /// kind of activity are not content; a row left blank is not either).
    pub fn has_content(self, r: &Report) -> bool {
        use EditorSection as S;
        let p = &r.participants;
        match self {
            S::Identity => {
                any(&[&r.title, &r.project_name, &r.programme, &r.organizing_organization, &r.partner_organizations])
                    || written(&r.donor)
                    || !r.session_number.is_blank()
            }
            S::WhenWhere => any(&[&r.date, &r.start_time, &r.end_time, &r.venue, &r.city, &r.governorate, &r.country]),
            S::Narrative => any(&[&r.introduction, &r.aim, &r.session_topic]),
            S::Objectives => texts(TextList::Objectives, r),
            S::People => {
                written(&r.moderator)
                    || r.facilitators.iter().any(|f| any(&[&f.name, &f.role]))
                    || r.speakers.iter().any(|s| any(&[&s.name, &s.position, &s.organization, &s.summary]))
            }
            S::Participants => {
                crate::core::field::Figure::ALL.iter().any(|figure| !figure.of(p).is_blank())
                    || p.governorates.iter().any(|g| written(&g.name) || !g.count.is_blank())
                    || p.categories.iter().any(|c| written(&c.label) || !c.count.is_blank())
            }
            S::Agenda => r.agenda.iter().any(|a| any(&[&a.start, &a.end, &a.item, &a.presenter])),
            S::Discussion => r.discussion_points.iter().any(|d| any(&[&d.heading, &d.details])),
            S::WorkingGroups => r
                .working_groups
                .iter()
                .any(|g| any(&[&g.topic, &g.facilitator, &g.members, &g.outcomes]) || !g.member_count.is_blank()),
            S::Results => texts(TextList::Results, r),
            S::Recommendations => texts(TextList::Recommendations, r),
            S::Attachments => r.attachments.iter().any(|a| written(&a.description) || !a.photos.is_empty()),
            S::Closing => any(&[&r.conclusion, &r.next_steps]),
            S::Extra => r.extra_sections.iter().any(|s| any(&[&s.heading, &s.text])),
            S::SignOff => !r.sign_off.is_blank(),
        }
    }

    /// Whether a report of `kind` usually has this section. The others are folded under "More
    /// sections" while they are empty.
    pub fn used_by_default(self, kind: ActivityType) -> bool {
        use ActivityType as A;
        use EditorSection as S;
        match (self, kind) {
            (_, A::Other) => true,
            (S::Extra, _) => false,
            (S::WorkingGroups, A::DialogueSession | A::Meeting) => false,
            (S::Agenda, A::ClosingSession) => false,
            (S::Discussion, A::Training) => false,
            _ => true,
        }
    }
}

fn written(text: &str) -> bool {
    !text.trim().is_empty()
}

fn any(texts: &[&String]) -> bool {
    texts.iter().any(|text| written(text))
}

fn texts(list: TextList, r: &Report) -> bool {
    let items = match list {
        TextList::Objectives => &r.objectives,
        TextList::Results => &r.results,
        TextList::Recommendations => &r.recommendations,
    };
    items.iter().any(|item| written(&item.text))
}

/// Whether anything has been written in the report at all.
pub fn has_content(report: &Report) -> bool {
    EditorSection::ALL.iter().any(|section| section.has_content(report))
}

/// Each section with what the "Sections" list says of it: open checks first, then filled or empty.
pub fn section_states(report: &Report, problems: &[Problem]) -> Vec<(EditorSection, SectionState)> {
    EditorSection::ALL
        .iter()
        .map(|&section| {
            let open = problems.iter().filter(|p| EditorSection::of(&p.field) == section).count();
            let state = if open > 0 {
                SectionState::OpenChecks(open)
            } else if section.has_content(report) {
                SectionState::Filled
            } else {
                SectionState::Empty
            };
            (section, state)
        })
        .collect()
}

/// The sections folded under "More sections" for a report of `kind` whose sections are in
/// `states` (as [`section_states`] gives them): those its kind of activity does not use, while
/// they are empty and the person has not opened them (`opened`). A section with content, or with
/// open checks, is never folded.
pub fn folded(
    kind: ActivityType,
    states: &[(EditorSection, SectionState)],
    opened: &[EditorSection],
) -> Vec<EditorSection> {
    states
        .iter()
        .filter(|(section, state)| {
            *state == SectionState::Empty && !section.used_by_default(kind) && !opened.contains(section)
        })
        .map(|(section, _)| *section)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::checks::check_report;
    use crate::core::document::read_document;
    use crate::core::field::{AgendaField, Figure, RowField, SignatoryField, SpeakerField, WorkingGroupField};
    use crate::core::report::{Language, Signer, WorkingGroup};

    fn sample() -> Report {
        read_document(include_str!("../../tests/fixtures/report-v1.json")).expect("the sample report").report
    }

    #[test]
    fn a_blank_report_has_no_content_whatever_its_choices() {
        let report = Report { activity_type: ActivityType::Workshop, ..Report::blank_in(Language::Arabic) };
        assert!(!has_content(&report));
        let mut typed = report.clone();
        typed.venue = "Erbil".into();
        assert!(has_content(&typed));
        let mut blank_row = report.clone();
        blank_row.agenda.push(Default::default());
        assert!(!has_content(&blank_row), "a row left blank is not content");
    }

    #[test]
    fn each_field_belongs_to_the_section_that_shows_it() {
        let expected = [
            (FieldPath::Report(ReportField::Title), EditorSection::Identity),
            (FieldPath::Report(ReportField::Donor), EditorSection::Identity),
            (FieldPath::Report(ReportField::Country), EditorSection::WhenWhere),
            (FieldPath::Report(ReportField::Aim), EditorSection::Narrative),
            (FieldPath::Report(ReportField::Moderator), EditorSection::People),
            (FieldPath::Report(ReportField::NextSteps), EditorSection::Closing),
            (FieldPath::AddRow(List::Objectives), EditorSection::Objectives),
            (FieldPath::Speakers(1, SpeakerField::Summary), EditorSection::People),
            (FieldPath::Participants(Figure::Guests), EditorSection::Participants),
            (FieldPath::AddRow(List::Categories), EditorSection::Participants),
            (FieldPath::Agenda(3, AgendaField::End), EditorSection::Agenda),
            (FieldPath::WorkingGroups(0, WorkingGroupField::MemberCount), EditorSection::WorkingGroups),
            (TextList::Results.at(0), EditorSection::Results),
            (TextList::Recommendations.at(2), EditorSection::Recommendations),
            (FieldPath::PhotoCaption { attachment: 0, photo: 1 }, EditorSection::Attachments),
            (FieldPath::AddRow(List::ExtraSections), EditorSection::Extra),
            (FieldPath::SignOff(Signer::ApprovedBy, SignatoryField::Date), EditorSection::SignOff),
        ];
        for (field, section) in expected {
            assert_eq!(EditorSection::of(&field), section, "{}", field.id());
        }
    }

    #[test]
    fn a_section_says_open_checks_before_filled() {
        let mut report = sample();
        report.participants.male = crate::core::report::WholeNumber::new("2000");
        let problems = check_report(&report, "2030-06-01");
        let states = section_states(&report, &problems);
        let state = |s| states.iter().find(|(section, _)| *section == s).map(|(_, state)| *state);
        assert_eq!(state(EditorSection::Participants), Some(SectionState::OpenChecks(1)));
        assert_eq!(state(EditorSection::Identity), Some(SectionState::Filled));
        assert_eq!(state(EditorSection::WorkingGroups), Some(SectionState::Empty));
        let states = section_states(&Report::default(), &[]);
        assert!(states.iter().all(|(_, state)| *state == SectionState::Empty));
    }

    #[test]
    fn sections_a_kind_of_activity_does_not_use_are_folded_until_they_have_content_or_are_opened() {
        use EditorSection::{Agenda, Extra, WorkingGroups};
        let mut report = Report { activity_type: ActivityType::DialogueSession, ..Report::default() };
        let folded_now = |report: &Report, opened: &[EditorSection]| {
            folded(report.activity_type, &section_states(report, &[]), opened)
        };
        assert_eq!(folded_now(&report, &[]), vec![WorkingGroups, Extra]);
        assert_eq!(folded_now(&report, &[WorkingGroups]), vec![Extra]);
        report.working_groups.push(WorkingGroup { topic: "Water".into(), ..WorkingGroup::default() });
        assert_eq!(folded_now(&report, &[]), vec![Extra], "a section with content is never folded");
        report.activity_type = ActivityType::ClosingSession;
        assert_eq!(folded_now(&report, &[]), vec![Agenda, Extra]);
        report.activity_type = ActivityType::Other;
        assert_eq!(folded_now(&report, &[]), vec![]);
    }
}
