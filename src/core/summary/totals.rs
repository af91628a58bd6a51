//! Totals over the reports of a summary: every figure summed where it is known, with how many
//! reports lack it; participants by governorate and by category, summed by label; activities by
//! type and by month.

use crate::core::report::ActivityType;
use crate::core::summary::figures::{Count, Figure, Figures, Labelled, FIGURES};

/// A figure summed over reports: invalid or missing counts are never guessed, only counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sum {
    pub total: u64,
    /// Reports whose figure is missing or is not a whole number.
    pub lacking: u32,
}

impl Sum {
    fn add(&mut self, count: &Count) {
        match count.value() {
            Some(value) => self.total += u64::from(value),
            None => self.lacking += 1,
        }
    }
}

/// A sum under one label, spelt as the first report that used it spelt it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelTotal {
    pub label: String,
    pub sum: Sum,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub activities: u32,
    pub sums: [Sum; FIGURES],
    pub by_governorate: Vec<LabelTotal>,
    pub by_category: Vec<LabelTotal>,
    /// Activities of each type that occurs, in the order of [`ActivityType::ALL`].
    pub by_type: Vec<(ActivityType, u32)>,
    /// Activities per month (YYYY-MM), in order of time.
    pub by_month: Vec<(String, u32)>,
    /// Activities whose date is not a valid date, so in no month.
    pub undated: u32,
}

impl Totals {
    pub fn of<'a>(reports: impl IntoIterator<Item = &'a Figures>) -> Self {
        let mut totals = Totals::default();
        let mut governorates = Labels::default();
        let mut categories = Labels::default();
        let mut types = [0u32; ActivityType::ALL.len()];
        let mut months: Vec<(String, u32)> = Vec::new();
        for report in reports {
            totals.activities += 1;
            for (sum, count) in totals.sums.iter_mut().zip(&report.counts) {
                sum.add(count);
            }
            governorates.add(&report.by_governorate);
            categories.add(&report.by_category);
            if let Some(slot) = ActivityType::ALL.iter().position(|kind| *kind == report.activity_type) {
                types[slot] += 1;
            }
            match report.month() {
                Some(month) => match months.binary_search_by(|(m, _)| m.as_str().cmp(month)) {
                    Ok(at) => months[at].1 += 1,
                    Err(at) => months.insert(at, (month.to_owned(), 1)),
                },
                None => totals.undated += 1,
            }
        }
        totals.by_governorate = governorates.rows;
        totals.by_category = categories.rows;
        totals.by_type = ActivityType::ALL.into_iter().zip(types).filter(|(_, n)| *n > 0).collect();
        totals.by_month = months;
        totals
    }

    pub fn sum(&self, figure: Figure) -> Sum {
        self.sums[figure as usize]
    }
}

/// Sums by label, labels compared without regard to case or spacing. A report has few labels and
/// a summary a few dozen, so they are looked up in a list.
#[derive(Default)]
struct Labels {
    rows: Vec<LabelTotal>,
    keys: Vec<String>,
}

impl Labels {
    fn add(&mut self, rows: &[Labelled]) {
        for row in rows {
            let label = tidy(&row.label);
            if label.is_empty() && row.count == Count::Missing {
                continue;
            }
            let key = label.to_lowercase();
            let slot = self.keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                self.keys.push(key);
                self.rows.push(LabelTotal { label, sum: Sum::default() });
                self.rows.len() - 1
            });
            self.rows[slot].sum.add(&row.count);
        }
    }
}

/// `text` trimmed, with each run of spaces written as one space.
pub fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::report::{GovernorateCount, Report, WholeNumber};
    use proptest::prelude::*;

    fn report_with(total: &str, governorates: &[(&str, &str)], date: &str) -> Figures {
        let mut report = Report::blank();
        report.date = date.into();
        report.participants.total = WholeNumber::new(total);
        report.participants.governorates = governorates
            .iter()
            .map(|(name, n)| GovernorateCount {
                name: (*name).into(),
                count: WholeNumber::new(*n),
                ..Default::default()
            })
            .collect();
        Figures::of(&report, "2026-12-31")
    }

    #[test]
    fn labels_that_differ_only_in_case_and_spacing_are_summed_together() {
        let reports = [
            report_with("5", &[("Erbil", "3"), ("Duhok", "2")], "2026-01-10"),
            report_with("4", &[("  erbil ", "4"), ("Sulaymaniyah  Gov", "x")], "2026-02-01"),
            report_with("", &[("ERBIL", "1"), ("sulaymaniyah gov", "6")], "2026-01-20"),
        ];
        let totals = Totals::of(&reports);
        let rows: Vec<(&str, u64, u32)> =
            totals.by_governorate.iter().map(|row| (row.label.as_str(), row.sum.total, row.sum.lacking)).collect();
        assert_eq!(rows, [("Erbil", 8, 0), ("Duhok", 2, 0), ("Sulaymaniyah Gov", 6, 1)]);
        assert_eq!(totals.sum(Figure::Total), Sum { total: 9, lacking: 1 });
        assert_eq!(totals.by_month, [("2026-01".to_owned(), 2), ("2026-02".to_owned(), 1)]);
    }

    #[test]
    fn activities_are_counted_by_type_and_undated_ones_apart() {
        let mut reports = [report_with("1", &[], "2026-01-10"), report_with("1", &[], "soon")];
        reports[1].activity_type = ActivityType::Training;
        let totals = Totals::of(&reports);
        assert_eq!(totals.by_type, [(ActivityType::DialogueSession, 1), (ActivityType::Training, 1)]);
        assert_eq!(totals.undated, 1);
        assert_eq!(totals.activities, 2);
    }

    /// A count as someone might type it: Western or Arabic-Indic digits, blank, or not a number.
    fn typed_count() -> impl Strategy<Value = String> {
        prop_oneof![
            (0u32..5000).prop_map(|n| n.to_string()),
            (0u32..5000).prop_map(|n| crate::core::report::Digits::ArabicIndic.apply(&n.to_string())),
            Just(String::new()),
            prop::sample::select(vec!["12.5", "abc", "-3", "1O", "99999999999"]).prop_map(str::to_owned),
        ]
    }

    proptest! {
        #[test]
        fn totals_are_the_sums_of_the_valid_counts_and_count_the_rest_as_lacking(
            library in prop::collection::vec((prop::collection::vec(typed_count(), FIGURES), typed_count()), 0..30)
        ) {
            let reports: Vec<Figures> = library
                .iter()
                .map(|(counts, governorate)| {
                    let mut report = Report::blank();
                    let p = &mut report.participants;
                    let fields = [
                        &mut p.total, &mut p.male, &mut p.female, &mut p.sex_not_recorded, &mut p.under_18,
                        &mut p.age_18_to_24, &mut p.age_25_to_59, &mut p.age_60_and_over,
                        &mut p.with_disabilities, &mut p.guests, &mut p.new_participants,
                    ];
                    for (field, typed) in fields.into_iter().zip(counts) {
                        *field = WholeNumber::new(typed.as_str());
                    }
                    p.governorates = vec![GovernorateCount { name: "Erbil".into(), count: WholeNumber::new(governorate.as_str()), ..Default::default() }];
                    Figures::of(&report, "2026-12-31")
                })
                .collect();
            let totals = Totals::of(&reports);
            prop_assert_eq!(totals.activities as usize, library.len());
            for (i, figure) in Figure::ALL.into_iter().enumerate() {
                let typed = library.iter().map(|(counts, _)| WholeNumber::new(counts[i].as_str()));
                let expected: u64 = typed.clone().filter_map(|n| n.value()).map(u64::from).sum();
                let lacking = typed.filter(|n| n.value().is_none()).count() as u32;
                prop_assert_eq!(totals.sum(figure), Sum { total: expected, lacking });
            }
            let erbil: u64 = library.iter().filter_map(|(_, g)| WholeNumber::new(g.as_str()).value()).map(u64::from).sum();
            let erbil_row = totals.by_governorate.first().map(|row| row.sum.total).unwrap_or(0);
            prop_assert_eq!(erbil_row, erbil);
        }
    }
}
