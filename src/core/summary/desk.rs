//! The Summary screen's state in one plain value: the reports it works on, what the person chose,
//! and what follows from it (the reports the filters let through, their totals). The screen keeps
//! one [`Desk`] and draws its parts from it after each change, which keeps the app's first load
//! small (few signals and closures); the rules of each change live here, tested natively.

use super::{matching, period_dates, pick, totals, Entry, Filter, Key, Source, Totals};
use crate::core::archive::Outcome;
use crate::core::intake::{HeldReport, Intake};
use crate::core::report::ActivityType;

/// How many rows of "Reports in this summary" are drawn at first, and added by "Show more".
pub const PAGE: usize = 100;

/// The ids of the filters' inputs.
pub const FROM: &str = "summary-from";
pub const TO: &str = "summary-to";
pub const ACTIVITY_TYPE: &str = "summary-type";
pub const SEARCH: &str = "summary-search";
pub const INCLUDE_DRAFTS: &str = "summary-drafts";

/// A received report open for reading.
pub struct Reading {
    pub key: String,
    pub title: String,
    /// Its printable page.
    pub page: String,
}

pub struct Desk {
    entries: Vec<Entry>,
    filter: Filter,
    include_drafts: bool,
    ticked_out: Vec<Key>,
    shown: usize,
    /// Where in `entries` the reports are that the filters let through.
    matching: Vec<usize>,
    totals: Totals,
    /// The archive's reports as intake compares files with them.
    pub held: Vec<HeldReport>,
    pub reading: Option<Reading>,
    /// Why the archive or a received report could not be read.
    pub warning: Option<String>,
    /// Why a report could not be opened.
    pub error: Option<String>,
}

impl Desk {
    /// Over `entries` (the drafts), with all dates, all types and the drafts included.
    pub fn new(entries: Vec<Entry>) -> Self {
        let mut desk = Desk {
            entries,
            filter: Filter::default(),
            include_drafts: true,
            ticked_out: Vec::new(),
            shown: PAGE,
            matching: Vec::new(),
            totals: Totals::default(),
            held: Vec::new(),
            reading: None,
            warning: None,
            error: None,
        };
        desk.recount();
        desk
    }

    /// After the reports changed: those the filters let through, and their totals.
    fn recount(&mut self) {
        self.matching = matching(&self.entries, &self.filter, self.include_drafts);
        self.retotal();
    }

    /// After the filters changed: the reports they let through; whether those changed.
    fn refilter(&mut self) -> bool {
        let matching = matching(&self.entries, &self.filter, self.include_drafts);
        if matching == self.matching {
            return false;
        }
        self.matching = matching;
        self.retotal();
        true
    }

    fn retotal(&mut self) {
        self.totals = totals(&self.on_screen(), &self.ticked_out);
    }

    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    pub fn include_drafts(&self) -> bool {
        self.include_drafts
    }

    pub fn ticked_out(&self) -> &[Key] {
        &self.ticked_out
    }

    /// How many rows of the list are drawn.
    pub fn shown(&self) -> usize {
        self.shown
    }

    pub fn totals(&self) -> &Totals {
        &self.totals
    }

    /// The reports the filters let through, in the order of the table.
    pub fn on_screen(&self) -> Vec<&Entry> {
        pick(&self.entries, &self.matching)
    }

    /// The reports ticked in, in the order of the table.
    pub fn chosen(&self) -> Vec<&Entry> {
        self.on_screen().into_iter().filter(|e| !self.ticked_out.contains(&e.key())).collect()
    }

    /// The filter control `id` now holds `value` (`checked` for a tick box); whether that changed
    /// the reports covered. (A text field says `change` again when it loses focus: the list is
    /// then not drawn again under the pointer, and a click on it lands.)
    pub fn choose(&mut self, id: &str, value: String, checked: bool) -> bool {
        match id {
            FROM => self.filter.from = value,
            TO => self.filter.to = value,
            ACTIVITY_TYPE => self.filter.activity_type = ActivityType::from_code(&value),
            SEARCH => self.filter.search = value,
            INCLUDE_DRAFTS => self.include_drafts = checked,
            _ => return false,
        }
        self.refilter()
    }

    /// The quick period `code` (a `data-period`) chosen on `today`: its first and last days, now
    /// the filter's From and To (both blank for all dates); whether that changed the reports covered.
    pub fn choose_period(&mut self, code: &str, today: &str) -> (String, String, bool) {
        let (from, to) = period_dates(code, today);
        self.filter.from = from.clone();
        self.filter.to = to.clone();
        let changed = self.refilter();
        (from, to, changed)
    }

    /// Ticks report `key` in or out of the totals.
    pub fn tick(&mut self, key: Key, ticked: bool) {
        self.ticked_out.retain(|k| *k != key);
        if !ticked {
            self.ticked_out.push(key);
        }
        self.retotal();
    }

    /// "Show more": the next page of rows.
    pub fn show_more(&mut self) {
        self.shown += PAGE;
    }

    /// Adds reports to the summary.
    pub fn add(&mut self, entries: impl IntoIterator<Item = Entry>) {
        self.entries.extend(entries);
        self.recount();
    }

    /// Takes in what "Add reports" stored: each report added, each older version replaced.
    pub fn arrived(&mut self, outcomes: &[Outcome]) {
        for outcome in outcomes {
            if let Intake::Newer { replaces } = &outcome.intake {
                self.entries.retain(|e| !(e.source == Source::Received && e.id == *replaces));
            }
        }
        self.add(outcomes.iter().filter_map(|o| o.arrival.as_ref()).map(|a| Entry {
            source: Source::Received,
            id: a.listing.key().to_owned(),
            figures: a.listing.figures.clone(),
        }));
    }

    /// Received report `key` is gone from the archive: gone from the summary, and no longer read.
    pub fn removed(&mut self, key: &str) {
        self.held.retain(|h| h.key != key);
        self.entries.retain(|e| !(e.source == Source::Received && e.id == key));
        if self.reading.as_ref().is_some_and(|r| r.key == key) {
            self.reading = None;
        }
        self.recount();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::summary::Figures;

    fn entry(source: Source, id: &str, title: &str, total: u32) -> Entry {
        let mut figures = Figures { title: title.into(), date: "2026-05-03".into(), ..Default::default() };
        figures.counts[0] = crate::core::summary::Count::Value(total);
        Entry { source, id: id.into(), figures }
    }

    fn desk() -> Desk {
        let mut desk = Desk::new(vec![entry(Source::Draft, "a", "Erbil dialogue", 15)]);
        desk.add([entry(Source::Received, "r1", "Duhok training", 20)]);
        desk
    }

    fn titles(reports: &[&Entry]) -> Vec<String> {
        reports.iter().map(|e| e.figures.title.clone()).collect()
    }

    #[test]
    fn the_controls_narrow_the_reports_and_their_totals_and_other_ids_change_nothing() {
        let mut desk = desk();
        assert_eq!(desk.totals().activities, 2);
        assert!(desk.choose(SEARCH, "duhok".into(), false));
        assert_eq!(titles(&desk.on_screen()), ["Duhok training"]);
        assert_eq!(desk.totals().activities, 1);
        // The same search again, or one that finds the same reports, changes nothing on screen.
        assert!(!desk.choose(SEARCH, "duhok".into(), false));
        assert!(!desk.choose(SEARCH, "training".into(), false));
        assert!(desk.choose(SEARCH, String::new(), false));
        assert!(desk.choose(INCLUDE_DRAFTS, String::new(), false));
        assert_eq!(titles(&desk.on_screen()), ["Duhok training"]);
        assert!(desk.choose(INCLUDE_DRAFTS, String::new(), true));
        assert!(desk.choose(FROM, "2026-06-01".into(), false));
        assert_eq!(desk.totals().activities, 0);
        assert!(!desk.choose("summary-other", "x".into(), false));
        assert_eq!(desk.filter().from, "2026-06-01");
        assert_eq!(desk.choose_period("", "2026-05-17"), (String::new(), String::new(), true));
        assert_eq!(desk.totals().activities, 2);
        assert_eq!(desk.choose_period("0", "2026-05-17"), ("2026-04-01".into(), "2026-06-30".into(), false));
        assert_eq!((desk.filter().from.as_str(), desk.filter().to.as_str()), ("2026-04-01", "2026-06-30"));
        assert_eq!(desk.totals().activities, 2);
    }

    #[test]
    fn a_report_ticked_out_leaves_the_totals_and_the_chosen_but_stays_on_screen() {
        let mut desk = desk();
        let key = (Source::Received, "r1".to_owned());
        desk.tick(key.clone(), false);
        assert_eq!(desk.totals().activities, 1);
        assert_eq!(titles(&desk.chosen()), ["Erbil dialogue"]);
        assert_eq!(desk.on_screen().len(), 2);
        assert_eq!(desk.ticked_out(), std::slice::from_ref(&key));
        desk.tick(key, true);
        assert_eq!(desk.totals().activities, 2);
        assert!(desk.ticked_out().is_empty());
    }

    #[test]
    fn a_received_report_removed_leaves_the_summary_and_is_no_longer_read() {
        let mut desk = desk();
        desk.reading = Some(Reading { key: "r1".into(), title: "Duhok training".into(), page: String::new() });
        desk.removed("r1");
        assert_eq!(titles(&desk.on_screen()), ["Erbil dialogue"]);
        assert!(desk.reading.is_none());
        assert_eq!(desk.totals().activities, 1);
    }

    #[test]
    fn a_newer_version_received_replaces_the_older_in_the_totals() {
        use crate::core::archive::{Arrival, Listing};
        let mut desk = desk();
        let newer = entry(Source::Received, "r2", "Duhok training", 30);
        let mut listing = Listing { figures: newer.figures, ..Default::default() };
        listing.held.key = "r2".into();
        let arrival = Arrival { listing, document: String::new() };
        let replaces = "r1".to_owned();
        desk.arrived(&[Outcome { file: "f.json".into(), intake: Intake::Newer { replaces }, arrival: Some(arrival) }]);
        assert_eq!(titles(&desk.on_screen()), ["Erbil dialogue", "Duhok training"]);
        assert_eq!(desk.totals().sums[0].total, 45);
    }

    #[test]
    fn show_more_draws_another_page_of_rows() {
        let mut desk = desk();
        assert_eq!(desk.shown(), PAGE);
        desk.show_more();
        assert_eq!(desk.shown(), 2 * PAGE);
    }
}
