//! Typed paths to the editor's fields. The editor gives each input the id of its [`FieldPath`],
//! and the checks name the field a problem is about with one, so the Checks panel's links (and any
//! later navigation) reach the input. A path that does not exist does not compile.
//!
//! Ids: `field-<name>` for a report field (`field-title`, `field-start_time`),
//! `field-participants-<name>` for a participant figure, `field-<list>-<index>-<sub>` for a field
//! of a repeatable row (0-based: `field-agenda-3-start`, `field-participants-categories-1-count`),
//! `field-attachments-<index>-photo-<n>-caption` for a photo's caption, and `add-<list>` for the
//! button that adds a row to a list.

use crate::core::i18n::Msg;
use crate::core::report::{Participants, Report, Signer, WholeNumber};
use std::fmt;

/// Defines a closed set of names, each with its text in ids.
macro_rules! names {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The name in ids.
            pub fn name(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }

            fn from_name(name: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|n| n.name() == name)
            }
        }
    };
}

/// Like [`names!`], for the fields of one kind of row, placed in a row by [`RowField::at`].
macro_rules! row_fields {
    ($(#[$doc:meta])* $name:ident in $path:ident { $($variant:ident = $text:literal),* $(,)? }) => {
        names!($(#[$doc])* $name { $($variant = $text),* });

        impl RowField for $name {
            fn at(self, index: usize) -> FieldPath {
                FieldPath::$path(index, self)
            }
        }
    };
}

/// A field of a repeatable row, which becomes a [`FieldPath`] once its row's position is known.
pub trait RowField: Copy + Send + Sync + 'static {
    fn at(self, index: usize) -> FieldPath;
}

names!(
    /// A field of the report itself (named as in the JSON document).
    ReportField {
        Title = "title", ActivityType = "activity_type", SessionNumber = "session_number",
        ProjectName = "project_name", Programme = "programme",
        OrganizingOrganization = "organizing_organization", PartnerOrganizations = "partner_organizations",
        Donor = "donor", Digits = "digits", Language = "language", Date = "date", StartTime = "start_time",
        EndTime = "end_time", Venue = "venue", City = "city", Governorate = "governorate", Country = "country",
        Introduction = "introduction", Aim = "aim", SessionTopic = "session_topic", Moderator = "moderator",
        Conclusion = "conclusion", NextSteps = "next_steps",
    }
);

names!(
    /// A participant figure.
    Figure {
        Total = "total", NewParticipants = "new_participants", Male = "male", Female = "female", SexNotRecorded = "sex_not_recorded",
        Under18 = "under_18", Age18To24 = "age_18_to_24", Age25To59 = "age_25_to_59",
        Age60AndOver = "age_60_and_over", WithDisabilities = "with_disabilities", Guests = "guests",
    }
);

impl Figure {
    /// The figure in `participants`.
    pub fn of(self, participants: &Participants) -> &WholeNumber {
        let p = participants;
        match self {
            Figure::Total => &p.total,
            Figure::NewParticipants => &p.new_participants,
            Figure::Male => &p.male,
            Figure::Female => &p.female,
            Figure::SexNotRecorded => &p.sex_not_recorded,
            Figure::Under18 => &p.under_18,
            Figure::Age18To24 => &p.age_18_to_24,
            Figure::Age25To59 => &p.age_25_to_59,
            Figure::Age60AndOver => &p.age_60_and_over,
            Figure::WithDisabilities => &p.with_disabilities,
            Figure::Guests => &p.guests,
        }
    }

    /// The figure's label in the editor.
    pub fn label(self) -> Msg {
        match self {
            Figure::Total => Msg::TotalParticipants,
            Figure::NewParticipants => Msg::NewParticipants,
            Figure::Guests => Msg::Guests,
            Figure::Male => Msg::Male,
            Figure::Female => Msg::Female,
            Figure::SexNotRecorded => Msg::SexNotRecorded,
            Figure::Under18 => Msg::Under18,
            Figure::Age18To24 => Msg::Age18To24,
            Figure::Age25To59 => Msg::Age25To59,
            Figure::Age60AndOver => Msg::Age60AndOver,
            Figure::WithDisabilities => Msg::WithDisabilities,
        }
    }
}

names!(
    /// A repeatable list of the report.
    List {
        ExtraSections = "extra_sections", Facilitators = "facilitators", Speakers = "speakers",
        Governorates = "participants-governorates", Categories = "participants-categories",
        Objectives = "objectives", Agenda = "agenda", DiscussionPoints = "discussion_points",
        WorkingGroups = "working_groups", Results = "results", Recommendations = "recommendations",
        Attachments = "attachments",
    }
);

names!(
    /// A list of one-line texts; its rows have a single `text` field.
    TextList { Objectives = "objectives", Results = "results", Recommendations = "recommendations" }
);

impl TextList {
    pub fn list(self) -> List {
        match self {
            TextList::Objectives => List::Objectives,
            TextList::Results => List::Results,
            TextList::Recommendations => List::Recommendations,
        }
    }
}

impl RowField for TextList {
    fn at(self, index: usize) -> FieldPath {
        FieldPath::TextItem(self, index)
    }
}

row_fields!(SectionField in ExtraSections { Heading = "heading", Text = "text" });
row_fields!(FacilitatorField in Facilitators { Name = "name", Role = "role" });
row_fields!(SpeakerField in Speakers {
    Name = "name", Position = "position", Organization = "organization", Summary = "summary",
});
row_fields!(GovernorateField in Governorates { Name = "name", Count = "count" });
row_fields!(CategoryField in Categories { Label = "label", Count = "count" });
row_fields!(AgendaField in Agenda { Start = "start", End = "end", Item = "item", Presenter = "presenter" });
row_fields!(DiscussionPointField in DiscussionPoints { Heading = "heading", Details = "details" });
row_fields!(WorkingGroupField in WorkingGroups {
    Topic = "topic", Facilitator = "facilitator", Members = "members", MemberCount = "member_count",
    Outcomes = "outcomes",
});
row_fields!(AttachmentField in Attachments { Description = "description", Photo = "photo" });

names!(
    /// A field of one signatory of the sign-off.
    SignatoryField { Name = "name", Position = "position", Date = "date" }
);

/// One input (or Add button) of the editor. Row indexes are 0-based positions in their list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldPath {
    Report(ReportField),
    Participants(Figure),
    TextItem(TextList, usize),
    ExtraSections(usize, SectionField),
    Facilitators(usize, FacilitatorField),
    Speakers(usize, SpeakerField),
    Governorates(usize, GovernorateField),
    Categories(usize, CategoryField),
    Agenda(usize, AgendaField),
    DiscussionPoints(usize, DiscussionPointField),
    WorkingGroups(usize, WorkingGroupField),
    Attachments(usize, AttachmentField),
    PhotoCaption {
        attachment: usize,
        photo: usize,
    },
    AddRow(List),
    /// `field-sign_off-<signer>-<field>`.
    SignOff(Signer, SignatoryField),
}

impl FieldPath {
    /// The DOM id of the field's input.
    pub fn id(&self) -> String {
        self.to_string()
    }

    /// The path whose [`id`](Self::id) is `id`.
    pub fn parse(id: &str) -> Option<FieldPath> {
        if let Some(list) = id.strip_prefix("add-") {
            return List::from_name(list).map(FieldPath::AddRow);
        }
        let rest = id.strip_prefix("field-")?;
        if let Some(sign_off) = rest.strip_prefix("sign_off-") {
            let (signer, field) = sign_off.split_once('-')?;
            return Some(FieldPath::SignOff(Signer::from_name(signer)?, SignatoryField::from_name(field)?));
        }
        for &list in List::ALL {
            if let Some(row) = rest.strip_prefix(list.name()).and_then(|row| row.strip_prefix('-')) {
                let (index, sub) = row.split_once('-')?;
                let index = index.parse().ok().filter(|i: &usize| i.to_string() == index)?;
                return row_field(list, index, sub);
            }
        }
        match rest.strip_prefix("participants-") {
            Some(figure) => Figure::from_name(figure).map(FieldPath::Participants),
            None => ReportField::from_name(rest).map(FieldPath::Report),
        }
    }

    /// Every field the editor shows for `report`, Add buttons included.
    pub fn all_in(report: &Report) -> Vec<FieldPath> {
        fn rows<F: RowField>(all: &mut Vec<FieldPath>, count: usize, fields: &[F]) {
            all.extend((0..count).flat_map(|index| fields.iter().map(move |field| field.at(index))));
        }
        let mut all: Vec<FieldPath> = ReportField::ALL.iter().map(|f| FieldPath::Report(*f)).collect();
        all.extend(Figure::ALL.iter().map(|f| FieldPath::Participants(*f)));
        all.extend(List::ALL.iter().map(|l| FieldPath::AddRow(*l)));
        all.extend(
            Signer::ALL.iter().flat_map(|&s| SignatoryField::ALL.iter().map(move |&f| FieldPath::SignOff(s, f))),
        );
        let p = &report.participants;
        rows(&mut all, report.extra_sections.len(), SectionField::ALL);
        rows(&mut all, report.facilitators.len(), FacilitatorField::ALL);
        rows(&mut all, report.speakers.len(), SpeakerField::ALL);
        rows(&mut all, p.governorates.len(), GovernorateField::ALL);
        rows(&mut all, p.categories.len(), CategoryField::ALL);
        rows(&mut all, report.objectives.len(), &[TextList::Objectives]);
        rows(&mut all, report.agenda.len(), AgendaField::ALL);
        rows(&mut all, report.discussion_points.len(), DiscussionPointField::ALL);
        rows(&mut all, report.working_groups.len(), WorkingGroupField::ALL);
        rows(&mut all, report.results.len(), &[TextList::Results]);
        rows(&mut all, report.recommendations.len(), &[TextList::Recommendations]);
        rows(&mut all, report.attachments.len(), AttachmentField::ALL);
        for (attachment, row) in report.attachments.iter().enumerate() {
            all.extend((0..row.photos.len()).map(|photo| FieldPath::PhotoCaption { attachment, photo }));
        }
        all
    }
}

fn row_field(list: List, index: usize, sub: &str) -> Option<FieldPath> {
    fn at<F: RowField>(field: Option<F>, index: usize) -> Option<FieldPath> {
        field.map(|field| field.at(index))
    }
    match list {
        List::Objectives | List::Results | List::Recommendations => {
            let text_list = TextList::from_name(list.name());
            at(text_list.filter(|_| sub == "text"), index)
        }
        List::ExtraSections => at(SectionField::from_name(sub), index),
        List::Facilitators => at(FacilitatorField::from_name(sub), index),
        List::Speakers => at(SpeakerField::from_name(sub), index),
        List::Governorates => at(GovernorateField::from_name(sub), index),
        List::Categories => at(CategoryField::from_name(sub), index),
        List::Agenda => at(AgendaField::from_name(sub), index),
        List::DiscussionPoints => at(DiscussionPointField::from_name(sub), index),
        List::WorkingGroups => at(WorkingGroupField::from_name(sub), index),
        List::Attachments => {
            let caption = sub.strip_prefix("photo-").and_then(|n| n.strip_suffix("-caption"));
            match caption.and_then(|n| n.parse::<usize>().ok().filter(|p| p.to_string() == n)) {
                Some(photo) => Some(FieldPath::PhotoCaption { attachment: index, photo }),
                None => at(AttachmentField::from_name(sub), index),
            }
        }
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let row = |f: &mut fmt::Formatter<'_>, list: List, index: usize, sub: &str| {
            write!(f, "field-{}-{index}-{sub}", list.name())
        };
        match *self {
            FieldPath::Report(field) => write!(f, "field-{}", field.name()),
            FieldPath::Participants(figure) => write!(f, "field-participants-{}", figure.name()),
            FieldPath::TextItem(list, index) => row(f, list.list(), index, "text"),
            FieldPath::ExtraSections(index, field) => row(f, List::ExtraSections, index, field.name()),
            FieldPath::Facilitators(index, field) => row(f, List::Facilitators, index, field.name()),
            FieldPath::Speakers(index, field) => row(f, List::Speakers, index, field.name()),
            FieldPath::Governorates(index, field) => row(f, List::Governorates, index, field.name()),
            FieldPath::Categories(index, field) => row(f, List::Categories, index, field.name()),
            FieldPath::Agenda(index, field) => row(f, List::Agenda, index, field.name()),
            FieldPath::DiscussionPoints(index, field) => row(f, List::DiscussionPoints, index, field.name()),
            FieldPath::WorkingGroups(index, field) => row(f, List::WorkingGroups, index, field.name()),
            FieldPath::Attachments(index, field) => row(f, List::Attachments, index, field.name()),
            FieldPath::PhotoCaption { attachment, photo } => {
                write!(f, "field-attachments-{attachment}-photo-{photo}-caption")
            }
            FieldPath::AddRow(list) => write!(f, "add-{}", list.name()),
            FieldPath::SignOff(signer, field) => write!(f, "field-sign_off-{}-{}", signer.name(), field.name()),
        }
    }
}
