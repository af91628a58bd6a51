//! The summary as CSV: one row per report, one column per figure (docs/summary-csv.md).
//!
//! This is the one CSV writer. Spreadsheets open it as it is: UTF-8 with a byte-order mark (so
//! Excel reads Arabic script), CRLF line ends, numbers written plain, every text cell quoted, and a
//! text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
//! carriage return) written with a leading `'` so it stays text.

use crate::core::summary::{Entry, Figure, Source};

/// The columns before the figures, then the figures' own ([`Figure::column`]), then `open_checks`.
const TEXT_COLUMNS: [&str; 9] = [
    "source",
    "activity_date",
    "activity_type",
    "title",
    "organisation",
    "partners",
    "donor",
    "project",
    "governorate",
];

/// The CSV file of `reports`, in their order.
pub fn summary_csv(reports: &[&Entry]) -> String {
    let mut out = String::with_capacity(64 + reports.len() * 256);
    out.push('\u{FEFF}');
    let header = TEXT_COLUMNS.into_iter().chain(Figure::ALL.map(Figure::column)).chain(["open_checks"]);
    for (i, name) in header.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(name);
    }
    out.push_str("\r\n");
    for entry in reports {
        let f = &entry.figures;
        let source = match entry.source {
            Source::Draft => "draft",
            Source::Received => "received",
        };
        let texts = [
            source,
            &f.date,
            f.activity_type.code(),
            &f.title,
            &f.organisation,
            &f.partners,
            &f.donor,
            &f.project,
            &f.governorate,
        ];
        for (i, text) in texts.into_iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            text_cell(&mut out, text);
        }
        for figure in Figure::ALL {
            out.push(',');
            if let Some(value) = f.count(figure).value() {
                out.push_str(&value.to_string());
            }
        }
        out.push(',');
        out.push_str(&f.open_checks.to_string());
        out.push_str("\r\n");
    }
    out
}

/// `text` as one quoted cell, quotes doubled, a formula's first character made harmless.
fn text_cell(out: &mut String, text: &str) {
    out.push('"');
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        out.push('\'');
    }
    out.push_str(&text.replace('"', "\"\""));
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::report::{Report, WholeNumber};
    use crate::core::summary::Figures;

    fn received(report: &Report) -> Entry {
        Entry { source: Source::Received, id: "r".into(), figures: Figures::of(report, "2026-12-31") }
    }

    fn parse(csv: &str) -> (Vec<String>, Vec<Vec<String>>) {
        let body = csv.strip_prefix('\u{FEFF}').expect("starts with a byte-order mark");
        let mut reader = ::csv::ReaderBuilder::new().from_reader(body.as_bytes());
        let header = reader.headers().unwrap().iter().map(str::to_owned).collect();
        let rows = reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
        (header, rows)
    }

    #[test]
    fn a_csv_parser_reads_back_the_texts_and_numbers_of_each_report() {
        let mut report = Report::blank();
        report.title = "حوار \"الشباب\", الجلسة الثانية\nسطر".into();
        report.organizing_organization = "Peace, Inc.".into();
        report.date = "2026-03-07".into();
        report.participants.total = WholeNumber::new("٢٠");
        report.participants.male = WholeNumber::new("12.5");
        report.participants.female = WholeNumber::new("09");
        let csv = summary_csv(&[&received(&report), &received(&Report::blank())]);
        assert!(csv.contains("\r\n") && !csv.replace("\r\n", "").contains("\n\"") && csv.ends_with("\r\n"));
        let (header, rows) = parse(&csv);
        assert_eq!(header.len(), TEXT_COLUMNS.len() + Figure::ALL.len() + 1);
        let cell = |row: &Vec<String>, name: &str| row[header.iter().position(|h| h == name).unwrap()].clone();
        assert_eq!(rows.len(), 2);
        assert_eq!(cell(&rows[0], "title"), report.title);
        assert_eq!(cell(&rows[0], "organisation"), "Peace, Inc.");
        assert_eq!(cell(&rows[0], "activity_type"), "dialogue_session");
        assert_eq!(cell(&rows[0], "participants_total"), "20");
        assert_eq!(cell(&rows[0], "male"), "", "an invalid count is left blank, never guessed");
        assert_eq!(cell(&rows[0], "female"), "9");
        assert_eq!(cell(&rows[1], "participants_total"), "");
        assert!(csv.contains(",20,,9,"), "numbers are written plain, not quoted: {csv}");
    }

    #[test]
    fn texts_a_spreadsheet_would_run_as_formulas_stay_text() {
        let attacks = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"];
        for attack in attacks {
            let mut report = Report::blank();
            report.title = attack.into();
            report.donor = "a=b".into();
            let (_, rows) = parse(&summary_csv(&[&received(&report)]));
            assert_eq!(rows[0][3], format!("'{attack}"), "{attack:?}");
            assert_eq!(rows[0][6], "a=b", "only a leading sign is neutralised");
        }
    }
}
