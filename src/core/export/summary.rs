//! The summary as HTML: the "Totals" tables and the two charts (shown on the Summary screen as they
//! are), and the printable summary page around them, in the interface language. Everything is
//! written through [`HtmlWriter`]; the page runs no script.

use crate::core::export::html::begin_page;
use crate::core::export::html_writer::HtmlWriter;
use crate::core::export::summary_screen::{open_button, OnScreen};
use crate::core::i18n::{self, activity_name, long_date, month_and_year, Msg};
use crate::core::report::{Digits, Language};
use crate::core::summary::totals::LabelTotal;
use crate::core::summary::{key_text, Count, Entry, Figure, Figures, Source, Totals};

/// The columns of the table "Reports in this summary" after the tick box, on the screen and on
/// paper; then the source.
const REPORT_COLUMNS: [Msg; 10] = [
    Msg::ActivityDate,
    Msg::ReportTitle,
    Msg::ActivityType,
    Msg::OrganizingOrganization,
    Msg::Governorate,
    Msg::TotalParticipants,
    Msg::Male,
    Msg::Female,
    Msg::WithDisabilities,
    Msg::SummaryOpenChecks,
];

/// A count as a table shows it: the number, the text as typed when it is not one, or a dash.
fn shown_count(count: &Count) -> String {
    match count {
        Count::Value(value) => value.to_string(),
        Count::Missing => "—".to_owned(),
        Count::Invalid(typed) => typed.clone(),
    }
}

/// The tables and charts of `totals`, as one fragment of HTML.
pub fn summary_tables(totals: &Totals, lang: Language) -> String {
    let mut w = HtmlWriter::new();
    write_tables(&mut w, totals, lang);
    w.finish()
}

/// The printable summary of `reports` (their `totals`), made on `today` (YYYY-MM-DD).
pub fn summary_html(reports: &[&Entry], totals: &Totals, lang: Language, today: &str) -> String {
    let t = |msg| i18n::text(lang, msg);
    let mut w = HtmlWriter::new();
    begin_page(&mut w, lang, t(Msg::SummaryHeading));
    w.markup("</style></head><body><main>");
    w.markup("<header class=\"title-block\">");
    w.element("h1", &[], t(Msg::SummaryHeading));
    w.element("p", &[("class", "byline")], &i18n::plural(lang, Msg::SummaryCount, totals.activities.into(), &[]));
    w.markup("</header>");
    write_tables(&mut w, totals, lang);
    write_reports(&mut w, reports, lang, None);
    let made_on = long_date(today, lang, Digits::Western);
    w.element("footer", &[], &i18n::format(lang, Msg::SummaryMadeOn, &[("date", &made_on)]));
    w.markup("</main></body></html>\n");
    w.finish()
}

pub(super) fn title(report: &Figures, lang: Language) -> String {
    if report.title.trim().is_empty() {
        i18n::text(lang, Msg::UntitledReport).to_owned()
    } else {
        report.title.clone()
    }
}

pub(super) fn write_reports(w: &mut HtmlWriter, reports: &[&Entry], lang: Language, screen: Option<OnScreen>) {
    let t = |msg| i18n::text(lang, msg);
    if reports.is_empty() {
        w.element("p", &[], t(Msg::SummaryNone));
        return;
    }
    let shown = screen.as_ref().map_or(reports.len(), |s| s.shown.min(reports.len()));
    w.markup("<div class=\"summary__scroll\"><table class=\"summary__reports\">");
    w.element("caption", &[], t(Msg::SummaryReportsIn));
    w.markup("<thead><tr>");
    if screen.is_some() {
        w.element("th", &[("scope", "col")], t(Msg::SummaryInclude));
    }
    for column in REPORT_COLUMNS {
        w.element("th", &[("scope", "col")], t(column));
    }
    w.element("th", &[("scope", "col")], t(Msg::SummarySource));
    w.markup("</tr></thead><tbody>");
    for entry in &reports[..shown] {
        let f = &entry.figures;
        let title = title(f, lang);
        w.markup("<tr>");
        if let Some(screen) = &screen {
            let label = i18n::format(lang, Msg::SummaryIncludeReport, &[("title", &title)]);
            let key = key_text(&entry.key());
            w.markup("<td>");
            if screen.ticked_out.contains(&entry.key()) {
                w.open("input", &[("type", "checkbox"), ("aria-label", &label), ("data-tick", &key)]);
            } else {
                w.open("input", &[("type", "checkbox"), ("aria-label", &label), ("data-tick", &key), ("checked", "")]);
            }
            w.markup("</td>");
        }
        w.element("td", &[("dir", "auto")], &long_date(&f.date, lang, Digits::Western));
        w.open("td", &[]);
        if screen.is_some() {
            open_button(w, entry, &title);
        } else {
            w.element("span", &[("dir", "auto")], &title);
        }
        w.close("td");
        for text in [t(activity_name(f.activity_type)), &f.organisation, &f.governorate] {
            w.element("td", &[("dir", "auto")], text);
        }
        for figure in [Figure::Total, Figure::Male, Figure::Female, Figure::WithDisabilities] {
            w.element("td", &[("class", "num")], &shown_count(f.count(figure)));
        }
        w.element("td", &[("class", "num")], &f.open_checks.to_string());
        w.element("td", &[], t(if entry.source == Source::Draft { Msg::SummaryDraft } else { Msg::SummaryReceived }));
        w.markup("</tr>");
    }
    w.markup("</tbody></table></div>");
    if shown < reports.len() {
        let label = i18n::plural(lang, Msg::ShowMoreReports, (reports.len() - shown) as u64, &[]);
        w.element("button", &[("type", "button"), ("class", "button button--add"), ("data-more", "")], &label);
    }
}

fn write_tables(w: &mut HtmlWriter, totals: &Totals, lang: Language) {
    let t = |msg| i18n::text(lang, msg);
    let lacking = |n: u32| if n == 0 { String::new() } else { n.to_string() };
    table_head(w, t(Msg::SummaryTotals), &[t(Msg::SummaryFigure), t(Msg::SummaryNumber), t(Msg::SummaryLacking)]);
    row(w, t(Msg::SummaryActivities), &[totals.activities.to_string(), String::new()]);
    for figure in Figure::ALL {
        let sum = totals.sum(figure);
        row(w, t(figure.label()), &[sum.total.to_string(), lacking(sum.lacking)]);
    }
    w.markup("</tbody></table>");
    w.element("p", &[("class", "note")], t(Msg::SummaryAttendancesHint));

    for (caption, label, rows) in [
        (Msg::SummaryByGovernorate, Msg::Governorate, &totals.by_governorate),
        (Msg::SummaryByCategory, Msg::SummaryCategory, &totals.by_category),
    ] {
        if rows.is_empty() {
            continue;
        }
        table_head(w, t(caption), &[t(label), t(Msg::SummaryNumber), t(Msg::SummaryLacking)]);
        for LabelTotal { label, sum } in rows.iter() {
            row(w, if label.is_empty() { "—" } else { label }, &[sum.total.to_string(), lacking(sum.lacking)]);
        }
        w.markup("</tbody></table>");
    }

    table_head(w, t(Msg::SummaryByType), &[t(Msg::ActivityType), t(Msg::SummaryActivities)]);
    for (kind, n) in &totals.by_type {
        row(w, t(activity_name(*kind)), &[n.to_string()]);
    }
    w.markup("</tbody></table>");
    let months: Vec<(String, u64)> = totals
        .by_month
        .iter()
        .map(|(month, n)| (month_and_year(month, lang), u64::from(*n)))
        .chain((totals.undated > 0).then(|| (t(Msg::SummaryUndated).to_owned(), u64::from(totals.undated))))
        .collect();
    table_head(w, t(Msg::SummaryByMonth), &[t(Msg::SummaryMonth), t(Msg::SummaryActivities)]);
    for (month, n) in &months {
        row(w, month, &[n.to_string()]);
    }
    w.markup("</tbody></table>");

    let people: Vec<(String, u64)> = [
        Figure::Male,
        Figure::Female,
        Figure::SexNotRecorded,
        Figure::Under18,
        Figure::Age18To24,
        Figure::Age25To59,
        Figure::Age60AndOver,
    ]
    .map(|figure| (t(figure.label()).to_owned(), totals.sum(figure).total))
    .into();
    w.markup("<div class=\"charts\">");
    bar_chart(w, t(Msg::SummaryChartPeople), &people, lang);
    bar_chart(w, t(Msg::SummaryChartMonths), &months, lang);
    w.markup("</div>");
}

fn table_head(w: &mut HtmlWriter, caption: &str, columns: &[&str]) {
    w.markup("<table class=\"figures\">");
    w.element("caption", &[], caption);
    w.markup("<thead><tr>");
    for (i, column) in columns.iter().enumerate() {
        w.element("th", &[("scope", "col"), ("class", if i > 0 { "num" } else { "" })], column);
    }
    w.markup("</tr></thead><tbody>");
}

fn row(w: &mut HtmlWriter, label: &str, numbers: &[String]) {
    w.markup("<tr>");
    w.element("th", &[("scope", "row"), ("dir", "auto")], label);
    for number in numbers {
        w.element("td", &[("class", "num")], number);
    }
    w.markup("</tr>");
}

/// A horizontal bar chart as inline SVG, labels on the reading side; its text alternative names
/// every bar with its number.
fn bar_chart(w: &mut HtmlWriter, title: &str, bars: &[(String, u64)], lang: Language) {
    const WIDTH: u64 = 400;
    const LABELS: u64 = 150;
    const ROW: u64 = 24;
    const LONGEST_BAR: u64 = 190;
    let alternative = bars.iter().map(|(label, n)| format!("{label}: {n}")).collect::<Vec<_>>().join(", ");
    let highest = bars.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let height = (bars.len() as u64).max(1) * ROW;
    let rtl = lang.is_rtl();
    // Coordinates are written left to right; for right-to-left text they are mirrored here.
    let x = |from_start: u64| if rtl { WIDTH - from_start } else { from_start };
    let (toward_start, toward_end) = if rtl { ("start", "end") } else { ("end", "start") };
    w.markup("<figure class=\"chart\">");
    w.element("figcaption", &[], title);
    let view_box = format!("0 0 {WIDTH} {height}");
    w.open(
        "svg",
        &[
            ("viewBox", &view_box),
            ("role", "img"),
            ("aria-label", &alternative),
            ("direction", "ltr"),
            ("class", "chart__svg"),
        ],
    );
    for (i, (label, n)) in bars.iter().enumerate() {
        let y = i as u64 * ROW;
        let length = n * LONGEST_BAR / highest;
        let bar_start = if rtl { x(LABELS + 8) - length } else { x(LABELS + 8) };
        let text_y = (y + 16).to_string();
        w.element("text", &[("x", &x(LABELS).to_string()), ("y", &text_y), ("text-anchor", toward_start)], label);
        w.open(
            "rect",
            &[
                ("x", &bar_start.to_string()),
                ("y", &(y + 4).to_string()),
                ("width", &length.to_string()),
                ("height", &(ROW - 8).to_string()),
                ("fill", "#1c5d84"),
            ],
        );
        w.close("rect");
        w.element(
            "text",
            &[("x", &x(LABELS + 12 + length).to_string()), ("y", &text_y), ("text-anchor", toward_end)],
            &n.to_string(),
        );
    }
    w.close("svg");
    w.markup("</figure>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::report::{Report, WholeNumber};
    use crate::core::summary::{Source, Totals};

    fn entries() -> Vec<Entry> {
        let mut a = Report::blank();
        a.title = "<script>alert(1)</script> حوار".into();
        a.date = "2026-03-07".into();
        a.participants.total = WholeNumber::new("20");
        a.participants.male = WholeNumber::new("12");
        let mut b = Report::blank();
        b.date = "2026-04-01".into();
        b.participants.total = WholeNumber::new("abc");
        [a, b]
            .iter()
            .map(|report| Entry {
                source: Source::Received,
                id: "x".into(),
                figures: Figures::of(report, "2026-12-31"),
            })
            .collect()
    }

    #[test]
    fn the_printable_summary_escapes_text_runs_no_script_and_follows_the_interface_language() {
        let entries = entries();
        let reports: Vec<&Entry> = entries.iter().collect();
        let totals = Totals::of(entries.iter().map(|e| &e.figures));
        let html = summary_html(&reports, &totals, Language::Arabic, "2026-11-28");
        assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
        assert!(html.contains("default-src 'none'"));
        let page = scraper::Html::parse_document(&html);
        let caption = scraper::Selector::parse("table caption").unwrap();
        assert_eq!(page.select(&caption).next().unwrap().text().collect::<String>(), "المجاميع");
        let svg = scraper::Selector::parse("svg[role=img]").unwrap();
        let alternatives: Vec<_> =
            page.select(&svg).map(|s| s.value().attr("aria-label").unwrap().to_owned()).collect();
        assert_eq!(alternatives.len(), 2);
        assert!(alternatives[0].contains("ذكور: 12"), "{}", alternatives[0]);
    }

    #[test]
    fn the_totals_table_gives_each_figure_and_how_many_reports_lack_it() {
        let entries = entries();
        let totals = Totals::of(entries.iter().map(|e| &e.figures));
        let page = scraper::Html::parse_fragment(&summary_tables(&totals, Language::English));
        let rows = scraper::Selector::parse("table:first-of-type tbody tr").unwrap();
        let table: Vec<Vec<&str>> = page.select(&rows).map(|row| row.text().collect()).collect();
        assert_eq!(table[0], ["Activities", "2"], "no reports lack a count of activities");
        assert_eq!(table[1], ["Total participants (attendances)", "20", "1"]);
        assert_eq!(table[2], ["Male", "12", "1"]);
        assert_eq!(table[11], ["People reached (first-time participants)", "0", "2"]);
    }
}
