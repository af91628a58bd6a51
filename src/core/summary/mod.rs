//! The Summary: totals across many reports (the drafts and the received reports), as an M&E
//! officer gives them to a donor. Each report's [`Figures`] are read once and kept beside it;
//! filtering and totalling work on those alone.

pub mod csv;
pub mod desk;
pub mod figures;
pub mod totals;

pub use figures::{Count, Figure, Figures, FIGURES};
pub use totals::{Sum, Totals};

use crate::core::report::ActivityType;
use serde::{Deserialize, Serialize};

/// Where a report of the summary lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Source {
    /// A draft of this browser (local storage).
    Draft,
    /// A report received from someone else, kept in the archive.
    Received,
}

/// One report a summary can cover.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub source: Source,
    /// The draft's id, or the received report's key in the archive.
    pub id: String,
    pub figures: Figures,
}

/// Which reports a summary covers: activity dates from `from` to `to` (YYYY-MM-DD, either may be
/// blank), one activity type or all, and words to find.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub from: String,
    pub to: String,
    pub activity_type: Option<ActivityType>,
    pub search: String,
}

impl Filter {
    /// Whether `report` is within the filter. With a date bound set, a report whose date is not a
    /// valid date is left out: it cannot be placed in the period.
    pub fn matches(&self, report: &Figures) -> bool {
        let dated = figures::valid_date(&report.date);
        let after = self.from.is_empty() || (dated && report.date.as_str() >= self.from.as_str());
        let before = self.to.is_empty() || (dated && report.date.as_str() <= self.to.as_str());
        let kind = self.activity_type.is_none_or(|kind| kind == report.activity_type);
        after && before && kind && self.finds(report)
    }

    /// Every word of the search occurs in the title, organisation, partners, donor, project or
    /// governorate (case and spacing aside).
    fn finds(&self, report: &Figures) -> bool {
        if self.search.trim().is_empty() {
            return true;
        }
        let haystack = [
            &report.title,
            &report.organisation,
            &report.partners,
            &report.donor,
            &report.project,
            &report.governorate,
        ]
        .map(|text| text.to_lowercase())
        .join("\n");
        self.search.to_lowercase().split_whitespace().all(|word| haystack.contains(word))
    }
}

/// The quick choices of period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    ThisQuarter,
    LastQuarter,
    ThisYear,
}

impl Period {
    pub const ALL: [Period; 3] = [Period::ThisQuarter, Period::LastQuarter, Period::ThisYear];

    /// The first and last day of the period that `today` (YYYY-MM-DD) falls in or follows.
    pub fn dates(self, today: &str) -> Option<(String, String)> {
        if !figures::valid_date(today) {
            return None;
        }
        let year: i32 = today[..4].parse().ok()?;
        let month: u32 = today[5..7].parse().ok()?;
        let quarter = (month - 1) / 3;
        let (year, first_month, last_month) = match self {
            Period::ThisYear => (year, 1, 12),
            Period::ThisQuarter => (year, quarter * 3 + 1, quarter * 3 + 3),
            Period::LastQuarter if quarter == 0 => (year - 1, 10, 12),
            Period::LastQuarter => (year, quarter * 3 - 2, quarter * 3),
        };
        let last_day = match last_month {
            3 | 12 => 31,
            _ => 30,
        };
        Some((format!("{year:04}-{first_month:02}-01"), format!("{year:04}-{last_month:02}-{last_day:02}")))
    }
}

/// The period a `data-period` of the filters' form names (its index in [`Period::ALL`]); `None`
/// for all dates.
pub fn period(code: &str) -> Option<Period> {
    code.parse::<usize>().ok().and_then(|i| Period::ALL.get(i).copied())
}

/// The first and last days of the period `code` names on `today`; both blank for all dates.
fn period_dates(code: &str, today: &str) -> (String, String) {
    period(code).and_then(|p| p.dates(today)).unwrap_or_default()
}

/// Where in `entries` the reports are that `filter` lets through, drafts only when `include_drafts`.
pub fn matching(entries: &[Entry], filter: &Filter, include_drafts: bool) -> Vec<usize> {
    let wanted = |e: &Entry| (include_drafts || e.source == Source::Received) && filter.matches(&e.figures);
    entries.iter().enumerate().filter(|(_, e)| wanted(e)).map(|(i, _)| i).collect()
}

/// The reports of `entries` at `at`.
pub fn pick<'a>(entries: &'a [Entry], at: &[usize]) -> Vec<&'a Entry> {
    at.iter().filter_map(|&i| entries.get(i)).collect()
}

/// A report's place among all of a summary's: a draft and a received report may share an id.
pub type Key = (Source, String);

impl Entry {
    pub fn key(&self) -> Key {
        (self.source, self.id.clone())
    }
}

/// A key as a page's attribute holds it: `d:` for a draft, `r:` for a received report, then the id.
pub fn key_text((source, id): &Key) -> String {
    format!("{}:{id}", if *source == Source::Draft { 'd' } else { 'r' })
}

/// The key [`key_text`] wrote.
pub fn parse_key(text: &str) -> Option<Key> {
    match text.split_once(':')? {
        ("d", id) => Some((Source::Draft, id.to_owned())),
        ("r", id) => Some((Source::Received, id.to_owned())),
        _ => None,
    }
}

/// The totals over `reports` less those ticked out.
pub fn totals(reports: &[&Entry], ticked_out: &[Key]) -> Totals {
    Totals::of(reports.iter().filter(|e| !ticked_out.contains(&e.key())).map(|e| &e.figures))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(source: Source, id: &str, date: &str, title: &str) -> Entry {
        Entry {
            source,
            id: id.into(),
            figures: Figures { title: title.into(), date: date.into(), ..Default::default() },
        }
    }

    #[test]
    fn quarters_and_years_start_and_end_on_their_days() {
        let dates = |period: Period, today| period.dates(today).unwrap();
        assert_eq!(dates(Period::ThisQuarter, "2026-05-17"), ("2026-04-01".into(), "2026-06-30".into()));
        assert_eq!(dates(Period::LastQuarter, "2026-05-17"), ("2026-01-01".into(), "2026-03-31".into()));
        assert_eq!(dates(Period::LastQuarter, "2026-02-01"), ("2025-10-01".into(), "2025-12-31".into()));
        assert_eq!(dates(Period::ThisQuarter, "2026-09-30"), ("2026-07-01".into(), "2026-09-30".into()));
        assert_eq!(dates(Period::ThisYear, "2026-11-28"), ("2026-01-01".into(), "2026-12-31".into()));
        assert_eq!(Period::ThisYear.dates("yesterday"), None);
    }

    #[test]
    fn the_filter_narrows_by_date_type_and_words() {
        let entries = [
            entry(Source::Received, "a", "2026-01-05", "Youth dialogue in Erbil"),
            entry(Source::Draft, "b", "2026-03-31", "Women's workshop"),
            entry(Source::Received, "c", "", "Undated YOUTH meeting"),
        ];
        let ids = |filter: &Filter, drafts| {
            pick(&entries, &matching(&entries, filter, drafts)).iter().map(|e| e.id.clone()).collect::<Vec<_>>()
        };
        assert_eq!(ids(&Filter::default(), true), ["a", "b", "c"]);
        assert_eq!(ids(&Filter::default(), false), ["a", "c"]);
        assert_eq!(ids(&Filter { search: "  youth ".into(), ..Default::default() }, true), ["a", "c"]);
        assert_eq!(ids(&Filter { search: "youth erbil".into(), ..Default::default() }, true), ["a"]);
        let q1 = Filter { from: "2026-01-01".into(), to: "2026-03-31".into(), ..Default::default() };
        assert_eq!(ids(&q1, true), ["a", "b"]);
        let training = Filter { activity_type: Some(ActivityType::Training), ..Default::default() };
        assert_eq!(ids(&training, true), Vec::<String>::new());
    }

    #[test]
    fn reports_ticked_out_are_left_out_of_the_totals() {
        let mut entries =
            vec![entry(Source::Received, "a", "2026-01-05", "A"), entry(Source::Draft, "b", "2026-01-06", "B")];
        entries[0].figures.counts[0] = Count::Value(10);
        entries[1].figures.counts[0] = Count::Value(7);
        let all = pick(&entries, &matching(&entries, &Filter::default(), true));
        assert_eq!(totals(&all, &[]).sum(Figure::Total).total, 17);
        assert_eq!(totals(&all, &[(Source::Received, "a".to_owned())]).sum(Figure::Total).total, 7);
    }
}
