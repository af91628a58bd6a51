//! A report's figures: what the Summary needs of it, read once when the report is stored or
//! listed and kept beside it, so that a summary never reads the reports themselves again.

use crate::core::checks::check_report;
use crate::core::i18n::Msg;
use crate::core::report::{ActivityType, Report, WholeNumber};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One count of a report as the summary sees it. Text that is not a whole number is never
/// guessed at: it is `Invalid`, kept as typed, and counted apart like a missing figure.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Count {
    Value(u32),
    #[default]
    Missing,
    Invalid(String),
}

impl Count {
    pub fn of(number: &WholeNumber) -> Self {
        match number.parse() {
            Ok(Some(value)) => Count::Value(value),
            Ok(None) => Count::Missing,
            Err(_) => Count::Invalid(number.raw().to_owned()),
        }
    }

    pub fn value(&self) -> Option<u32> {
        match self {
            Count::Value(value) => Some(*value),
            _ => None,
        }
    }
}

// Stored compactly: a number, `null` when missing, the typed text when invalid.
impl Serialize for Count {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Count::Value(value) => serializer.serialize_u32(*value),
            Count::Missing => serializer.serialize_none(),
            Count::Invalid(text) => serializer.serialize_str(text),
        }
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::Number(n) => {
                n.as_u64().and_then(|n| u32::try_from(n).ok()).map_or(Count::Missing, Count::Value)
            }
            serde_json::Value::String(text) => Count::Invalid(text),
            _ => Count::Missing,
        })
    }
}

/// The counts a summary adds up, in the order of the "Totals" table and of the CSV columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Figure {
    Total,
    Male,
    Female,
    SexNotRecorded,
    Under18,
    Age18To24,
    Age25To59,
    Age60AndOver,
    WithDisabilities,
    Guests,
    /// People attending this project's activities for the first time: the reach, where the
    /// total is attendances.
    NewParticipants,
}

pub const FIGURES: usize = 11;

impl Figure {
    pub const ALL: [Figure; FIGURES] = [
        Figure::Total,
        Figure::Male,
        Figure::Female,
        Figure::SexNotRecorded,
        Figure::Under18,
        Figure::Age18To24,
        Figure::Age25To59,
        Figure::Age60AndOver,
        Figure::WithDisabilities,
        Figure::Guests,
        Figure::NewParticipants,
    ];

    /// Its row in the "Totals" table.
    pub fn label(self) -> Msg {
        match self {
            Figure::Total => Msg::SummaryAttendances,
            Figure::Male => Msg::Male,
            Figure::Female => Msg::Female,
            Figure::SexNotRecorded => Msg::SexNotRecorded,
            Figure::Under18 => Msg::Under18,
            Figure::Age18To24 => Msg::Age18To24,
            Figure::Age25To59 => Msg::Age25To59,
            Figure::Age60AndOver => Msg::Age60AndOver,
            Figure::WithDisabilities => Msg::WithDisabilities,
            Figure::Guests => Msg::Guests,
            Figure::NewParticipants => Msg::SummaryReached,
        }
    }

    /// Its column in the CSV (see docs/summary-csv.md).
    pub fn column(self) -> &'static str {
        match self {
            Figure::Total => "participants_total",
            Figure::Male => "male",
            Figure::Female => "female",
            Figure::SexNotRecorded => "sex_not_recorded",
            Figure::Under18 => "under_18",
            Figure::Age18To24 => "age_18_to_24",
            Figure::Age25To59 => "age_25_to_59",
            Figure::Age60AndOver => "age_60_and_over",
            Figure::WithDisabilities => "with_disabilities",
            Figure::Guests => "guests",
            Figure::NewParticipants => "new_participants",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    fn of(self, report: &Report) -> &WholeNumber {
        let p = &report.participants;
        match self {
            Figure::Total => &p.total,
            Figure::Male => &p.male,
            Figure::Female => &p.female,
            Figure::SexNotRecorded => &p.sex_not_recorded,
            Figure::Under18 => &p.under_18,
            Figure::Age18To24 => &p.age_18_to_24,
            Figure::Age25To59 => &p.age_25_to_59,
            Figure::Age60AndOver => &p.age_60_and_over,
            Figure::WithDisabilities => &p.with_disabilities,
            Figure::Guests => &p.guests,
            Figure::NewParticipants => &p.new_participants,
        }
    }
}

/// A count under a label the person typed (a governorate, a category of participants).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Labelled {
    pub label: String,
    pub count: Count,
}

/// What a summary needs of one report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Figures {
    pub title: String,
    /// The activity date as typed (YYYY-MM-DD when valid).
    pub date: String,
    pub activity_type: ActivityType,
    pub organisation: String,
    pub partners: String,
    pub donor: String,
    pub project: String,
    pub governorate: String,
    pub counts: [Count; FIGURES],
    pub by_governorate: Vec<Labelled>,
    pub by_category: Vec<Labelled>,
    /// How many problems the Checks panel would list for it (on the day it was read).
    pub open_checks: u32,
}

impl Figures {
    /// `report`'s figures; `today` (YYYY-MM-DD) is the day its checks are made on.
    pub fn of(report: &Report, today: &str) -> Self {
        let labelled = |label: &str, count: &WholeNumber| Labelled { label: label.to_owned(), count: Count::of(count) };
        Figures {
            title: report.title.clone(),
            date: report.date.trim().to_owned(),
            activity_type: report.activity_type,
            organisation: report.organizing_organization.clone(),
            partners: report.partner_organizations.clone(),
            donor: report.donor.clone(),
            project: report.project_name.clone(),
            governorate: report.governorate.clone(),
            counts: Figure::ALL.map(|figure| Count::of(figure.of(report))),
            by_governorate: report
                .participants
                .governorates
                .iter()
                .map(|row| labelled(&row.name, &row.count))
                .collect(),
            by_category: report.participants.categories.iter().map(|row| labelled(&row.label, &row.count)).collect(),
            open_checks: check_report(report, today).len() as u32,
        }
    }

    pub fn count(&self, figure: Figure) -> &Count {
        &self.counts[figure.index()]
    }

    /// Whether a count of this report is text that is not a whole number.
    pub fn has_invalid_count(&self) -> bool {
        let invalid = |count: &Count| matches!(count, Count::Invalid(_));
        self.counts.iter().any(invalid)
            || self.by_governorate.iter().chain(&self.by_category).any(|row| invalid(&row.count))
    }

    /// The activity's month (YYYY-MM) when its date is a valid date.
    pub fn month(&self) -> Option<&str> {
        valid_date(&self.date).then(|| &self.date[..7])
    }
}

/// Whether `date` is a YYYY-MM-DD date with a month 01–12 and a day 01–31.
pub fn valid_date(date: &str) -> bool {
    let bytes = date.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && digits(0..4)
        && digits(5..7)
        && digits(8..10)
        && (1..=12).contains(&number(&date[5..7]))
        && (1..=31).contains(&number(&date[8..10]))
}

fn number(digits: &str) -> u32 {
    digits.parse().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::report::GovernorateCount;

    #[test]
    fn figures_keep_valid_counts_and_set_apart_missing_and_invalid_ones() {
        let mut report = Report::blank();
        report.participants.total = WholeNumber::new("٢٠");
        report.participants.male = WholeNumber::new("12.5");
        report.participants.governorates =
            vec![GovernorateCount { name: "Erbil".into(), count: WholeNumber::new("09"), ..Default::default() }];
        let figures = Figures::of(&report, "2026-01-01");
        assert_eq!(figures.count(Figure::Total), &Count::Value(20));
        assert_eq!(figures.count(Figure::Male), &Count::Invalid("12.5".into()));
        assert_eq!(figures.count(Figure::Female), &Count::Missing);
        assert_eq!(figures.by_governorate[0].count, Count::Value(9));
        assert!(figures.has_invalid_count());
    }

    #[test]
    fn figures_survive_a_round_trip_through_json() {
        let mut report = Report::blank();
        report.title = "T".into();
        report.participants.total = WholeNumber::new("20");
        report.participants.male = WholeNumber::new("abc");
        let figures = Figures::of(&report, "2026-01-01");
        let back: Figures = serde_json::from_str(&serde_json::to_string(&figures).unwrap()).unwrap();
        assert_eq!(back, figures);
    }

    #[test]
    fn only_real_dates_have_a_month() {
        let month = |date: &str| Figures { date: date.into(), ..Default::default() }.month().map(str::to_owned);
        assert_eq!(month("2026-03-07").as_deref(), Some("2026-03"));
        for bad in ["", "2026-13-01", "7 March", "2026-3-7", "٢٠٢٦-٠٣-٠٧"] {
            assert_eq!(month(bad), None, "{bad}");
        }
    }
}
