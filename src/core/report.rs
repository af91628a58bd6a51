//! The report model: one versioned, plain-Rust type that holds everything an activity report holds.
//!
//! The UI edits this type directly (through a reactive store on wasm), the exporters read it, and the
//! JSON format (`crate::core::document`) wraps it. Nothing here knows about the browser.

pub use crate::core::sign_off::{SignOff, Signatory, Signer};
pub use crate::core::whole_number::{NumberError, WholeNumber};
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicU64, Ordering};

/// The version of the report schema this build writes. Bump it together with a migration in
/// `crate::core::document` whenever a stored field changes meaning.
pub const SCHEMA_VERSION: u32 = 2;

/// A repeatable row's identity, used by the editor to keep a row's inputs (and focus) attached to
/// the row when rows are added, removed or reordered.
///
/// It is never stored: every row gets a fresh id when it is created or read. For the same reason
/// it takes no part in equality — two reports with the same content are the same report.
// No `Hash`: equality ignores the id, so a hash of it would disagree with equality.
#[derive(Clone, Copy, Debug, Eq)]
pub struct RowId(pub u64);

static NEXT_ROW_ID: AtomicU64 = AtomicU64::new(1);

impl RowId {
    pub fn fresh() -> Self {
        RowId(NEXT_ROW_ID.fetch_add(1, Ordering::Relaxed))
    }
}

impl Default for RowId {
    fn default() -> Self {
        Self::fresh()
    }
}

impl PartialEq for RowId {
    fn eq(&self, _other: &Self) -> bool {
        true
    }
}

/// The kind of event a report is about. It chooses the template and the wording of checks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityType {
    #[default]
    DialogueSession,
    Workshop,
    Training,
    ClosingSession,
    Meeting,
    Other,
}

impl ActivityType {
    pub const ALL: [ActivityType; 6] = [
        ActivityType::DialogueSession,
        ActivityType::Workshop,
        ActivityType::Training,
        ActivityType::ClosingSession,
        ActivityType::Meeting,
        ActivityType::Other,
    ];

    /// The stable name used in JSON and in form controls.
    pub fn code(self) -> &'static str {
        match self {
            ActivityType::DialogueSession => "dialogue_session",
            ActivityType::Workshop => "workshop",
            ActivityType::Training => "training",
            ActivityType::ClosingSession => "closing_session",
            ActivityType::Meeting => "meeting",
            ActivityType::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

/// The language a report is written in (independent of the interface language). It sets the
/// headings and the direction of the exported document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "ar")]
    Arabic,
    /// Central Kurdish (Sorani), written in Arabic script.
    #[serde(rename = "ckb")]
    Kurdish,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::English, Language::Arabic, Language::Kurdish];

    /// BCP 47 tag, used for `lang` attributes and in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Arabic => "ar",
            Language::Kurdish => "ckb",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|lang| lang.code() == code)
    }

    pub fn is_rtl(self) -> bool {
        matches!(self, Language::Arabic | Language::Kurdish)
    }

    /// The language's name in itself, as shown in language pickers.
    pub fn endonym(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Arabic => "العربية",
            Language::Kurdish => "کوردی",
        }
    }
}

/// Which digits the exported report writes its own figures (dates, times, counts) in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Digits {
    #[default]
    Western,
    /// ٠١٢٣٤٥٦٧٨٩, common in Arabic and Kurdish documents.
    ArabicIndic,
}

impl Digits {
    pub fn code(self) -> &'static str {
        match self {
            Digits::Western => "western",
            Digits::ArabicIndic => "arabic_indic",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Digits::Western, Digits::ArabicIndic].into_iter().find(|d| d.code() == code)
    }

    /// `text` with its Western digits written in these digits.
    pub fn apply(self, text: &str) -> String {
        match self {
            Digits::Western => text.to_owned(),
            Digits::ArabicIndic => text
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) if c.is_ascii_digit() => char::from_u32(0x0660 + d).unwrap_or(c),
                    _ => c,
                })
                .collect(),
        }
    }
}

// The `Store` derive (wasm only) gives the editor one reactive handle per field, so typing into
// a field notifies that field alone. Natively the model stays plain data.
macro_rules! model {
    ($($item:item)*) => {
        $(
            #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
            #[cfg_attr(target_arch = "wasm32", derive(reactive_stores::Store))]
            #[serde(default)]
            $item
        )*
    };
}

model! {
    /// A whole activity report.
    pub struct Report {
        // Identity
        pub title: String,
        pub activity_type: ActivityType,
        pub session_number: WholeNumber,
        pub project_name: String,
        pub programme: String,
        pub organizing_organization: String,
        pub partner_organizations: String,
        pub donor: String,
        pub language: Language,
        pub digits: Digits,

        // When and where. `date` is ISO 8601 (YYYY-MM-DD); times are 24-hour HH:MM.
        pub date: String,
        pub start_time: String,
        pub end_time: String,
        pub venue: String,
        pub city: String,
        pub governorate: String,
        pub country: String,

        // Narrative
        pub introduction: String,
        pub aim: String,
        pub session_topic: String,
        pub conclusion: String,
        pub next_steps: String,
        #[cfg_attr(target_arch = "wasm32", store(key: u64 = |row| row.id.0))]
        pub extra_sections: Vec<Section>,

        // People
        #[cfg_attr(target_arch = "wasm32", store(key: u64 = |row| row.id.0))]
        pub facilitators: Vec<Facilitator>,
        #[cfg_attr(target_arch = "wasm32", store(key: u64 = |row| row.id.0))]
        pub speakers: Vec<Speaker>,
        pub moderator: String,

        pub participants: Participants,

        // Lists
        #[cfg_attr(target_arch = "wasm32", store(key: u64 = |row| row.id.0))]
        pub objectives: Vec<TextItem>,
        #[cfg_attr(target_arch = "wasm32", store(key: u64 = |row| row.id.0))]
        pub agenda: Vec<AgendaItem>,
        #[cfg_attr(target_arch = "wasm32", store(key: u64 = |row| row.id.0))]
        pub discussion_points: Vec<DiscussionPoint>,
        #[cfg_attr(target_arch = "wasm32", store(key: u64 = |row| row.id.0))]
        pub results: Vec<TextItem>,
        #[cfg_attr(target_arch = "wasm32", store(key: u64 = |row| row.id.0))]
        pub recommendations: Vec<TextItem>,
        #[cfg_attr(target_arch = "wasm32", store(key: u64 = |row| row.id.0))]
        pub attachments: Vec<Attachment>,
        #[cfg_attr(target_arch = "wasm32", store(key: u64 = |row| row.id.0))]
        pub working_groups: Vec<WorkingGroup>,

        /// Prepared, reviewed and approved by; left out of the JSON when blank.
        #[serde(skip_serializing_if = "SignOff::is_blank")]
        pub sign_off: SignOff,

        /// Fields this version does not know (written by a newer app or another tool), kept so
        /// that a round trip through this app loses nothing.
        #[serde(flatten)]
        pub unknown_fields: serde_json::Map<String, serde_json::Value>,
    }

    /// Who took part, and the breakdowns donors ask for.
    pub struct Participants {
        /// Attendances: a series of sessions counts the same people again.
        pub total: WholeNumber,
        /// People attending this project's activities for the first time: what adds up across
        /// reports to the people reached.
        pub new_participants: WholeNumber,
        pub male: WholeNumber,
        pub female: WholeNumber,
        pub sex_not_recorded: WholeNumber,
        pub under_18: WholeNumber,
        pub age_18_to_24: WholeNumber,
        pub age_25_to_59: WholeNumber,
        pub age_60_and_over: WholeNumber,
        pub with_disabilities: WholeNumber,
        /// Invited guests (officials, speakers, media) counted apart from the participants.
        pub guests: WholeNumber,
        #[cfg_attr(target_arch = "wasm32", store(key: u64 = |row| row.id.0))]
        pub governorates: Vec<GovernorateCount>,
        #[cfg_attr(target_arch = "wasm32", store(key: u64 = |row| row.id.0))]
        pub categories: Vec<ParticipantCategory>,
    }

    /// A free-standing section with its own heading (e.g. "Panel discussion").
    pub struct Section {
        #[serde(skip)]
        pub id: RowId,
        pub heading: String,
        pub text: String,
    }

    pub struct Facilitator {
        #[serde(skip)]
        pub id: RowId,
        pub name: String,
        pub role: String,
    }

    pub struct Speaker {
        #[serde(skip)]
        pub id: RowId,
        pub name: String,
        pub position: String,
        pub organization: String,
        /// What the speaker said.
        pub summary: String,
    }

    /// One line of a plain list: an objective, a result, a recommendation.
    pub struct TextItem {
        #[serde(skip)]
        pub id: RowId,
        pub text: String,
    }

    pub struct AgendaItem {
        #[serde(skip)]
        pub id: RowId,
        /// 24-hour HH:MM.
        pub start: String,
        pub end: String,
        pub item: String,
        pub presenter: String,
    }

    pub struct DiscussionPoint {
        #[serde(skip)]
        pub id: RowId,
        pub heading: String,
        pub details: String,
    }

    pub struct Attachment {
        #[serde(skip)]
        pub id: RowId,
        pub description: String,
        /// Photos of this attachment, in order. Their bytes live outside the report (in the
        /// browser's IndexedDB, or embedded in an exported file): the report holds references.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pub photos: Vec<PhotoRef>,
    }

    /// A reference to one stored photo, with its caption.
    pub struct PhotoRef {
        /// The photo's id in the photo store; unique across every draft of a browser.
        pub id: String,
        pub caption: String,
    }

    pub struct WorkingGroup {
        #[serde(skip)]
        pub id: RowId,
        pub topic: String,
        pub facilitator: String,
        /// Member names, one per line or separated by commas.
        pub members: String,
        pub member_count: WholeNumber,
        pub outcomes: String,
    }

    pub struct GovernorateCount {
        #[serde(skip)]
        pub id: RowId,
        pub name: String,
        pub count: WholeNumber,
    }

    pub struct ParticipantCategory {
        #[serde(skip)]
        pub id: RowId,
        pub label: String,
        pub count: WholeNumber,
    }
}

impl TextItem {
    pub fn new(text: impl Into<String>) -> Self {
        TextItem { id: RowId::fresh(), text: text.into() }
    }
}

impl WorkingGroup {
    /// The group's size: the number given, or else the number of names listed.
    pub fn size(&self) -> Option<u32> {
        self.member_count.value().or_else(|| {
            let names = self.members.split(['\n', ',', '،', ';', '؛']).filter(|name| !name.trim().is_empty()).count();
            (names > 0).then_some(names as u32)
        })
    }
}

impl Report {
    /// A blank report, in English with Western digits.
    pub fn blank() -> Self {
        Report::default()
    }

    /// The report as the editor shows it: each count that is a whole number written in the report's
    /// digits. JSON holds counts as numbers (Western digits), so an Arabic report whose figures were
    /// typed ٢٠ would otherwise come back from storage or a file as 20. What is not a whole number
    /// stays exactly as typed.
    pub fn counts_in_its_digits(mut self) -> Self {
        let digits = self.digits;
        for count in self.counts_mut() {
            if let Ok(Some(n)) = count.parse() {
                *count = WholeNumber::new(digits.apply(&n.to_string()));
            }
        }
        self
    }

    /// Every count of the report, for what is done to all of them alike (a migration).
    pub fn counts_mut(&mut self) -> Vec<&mut WholeNumber> {
        let p = &mut self.participants;
        let mut counts = vec![
            &mut self.session_number,
            &mut p.total,
            &mut p.new_participants,
            &mut p.male,
            &mut p.female,
            &mut p.sex_not_recorded,
            &mut p.under_18,
            &mut p.age_18_to_24,
            &mut p.age_25_to_59,
            &mut p.age_60_and_over,
            &mut p.with_disabilities,
            &mut p.guests,
        ];
        counts.extend(p.governorates.iter_mut().map(|g| &mut g.count));
        counts.extend(p.categories.iter_mut().map(|c| &mut c.count));
        counts.extend(self.working_groups.iter_mut().map(|g| &mut g.member_count));
        counts
    }

    /// A blank report written in `language`, in its usual digits: Arabic and Kurdish reports
    /// count in Arabic-Indic digits, English ones in Western digits.
    pub fn blank_in(language: Language) -> Self {
        let digits = if language.is_rtl() { Digits::ArabicIndic } else { Digits::Western };
        Report { language, digits, ..Report::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_get_distinct_ids_when_read() {
        let report: Report = serde_json::from_str(r#"{"objectives":[{"text":"a"},{"text":"b"}]}"#).unwrap();
        assert_ne!(report.objectives[0].id.0, report.objectives[1].id.0);
        assert_eq!(report.objectives[1].text, "b");
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let json = r#"{"title":"T","colour":"blue","extra":{"a":[1,2]}}"#;
        let report: Report = serde_json::from_str(json).unwrap();
        let back = serde_json::to_value(&report).unwrap();
        assert_eq!(back["colour"], "blue");
        assert_eq!(back["extra"]["a"][1], 2);
        assert_eq!(back["title"], "T");
    }

    #[test]
    fn counts_come_back_to_the_editor_in_the_reports_digits_and_odd_text_stays_as_typed() {
        let mut report = Report::blank_in(Language::Arabic);
        report.participants.total = WholeNumber::new("20");
        report.participants.male = WholeNumber::new("٠٩");
        report.participants.female = WholeNumber::new("about 11");
        let shown = report.clone().counts_in_its_digits();
        assert_eq!(shown.participants.total.raw(), "٢٠");
        assert_eq!(shown.participants.male.raw(), "٩");
        assert_eq!(shown.participants.female.raw(), "about 11");
        assert_eq!(shown.participants.guests.raw(), "", "a blank count stays blank");
        report.digits = Digits::Western;
        assert_eq!(report.counts_in_its_digits().participants.total.raw(), "20");
    }

    #[test]
    fn a_blank_report_in_arabic_or_kurdish_counts_in_arabic_indic_digits() {
        assert_eq!(Report::blank_in(Language::Arabic).digits, Digits::ArabicIndic);
        assert_eq!(Report::blank_in(Language::Kurdish).language, Language::Kurdish);
        assert_eq!(Report::blank_in(Language::English), Report::blank());
    }

    #[test]
    fn working_group_size_counts_names_when_no_number_is_given() {
        let mut group = WorkingGroup { members: "Ali, Sara\nHuda،  Omar".into(), ..Default::default() };
        assert_eq!(group.size(), Some(4));
        group.member_count = WholeNumber::new("6");
        assert_eq!(group.size(), Some(6));
    }
}
