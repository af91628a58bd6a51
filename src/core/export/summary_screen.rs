//! The Summary screen's own parts, written as HTML by the core so that the screen needs little
//! view code of its own (the first load's size): the filters' form and the list of reports with a
//! tick box and an open button per report. The screen listens to them by their `id`s and `data-`
//! attributes.

use crate::core::export::html_writer::HtmlWriter;
use crate::core::export::summary::{title, write_reports};
use crate::core::i18n::{self, activity_name, Msg};
use crate::core::report::{ActivityType, Language};
use crate::core::summary::{key_text, Entry, Filter, Key, Period};

/// What the Summary screen adds to the list of reports: a tick box per report (the ones ticked
/// out unticked), a button to open each, and only the first `shown` rows with "Show more".
pub struct OnScreen<'a> {
    pub ticked_out: &'a [Key],
    pub shown: usize,
}

/// The line naming the reports whose counts cannot be summed, and the table "Reports in this
/// summary", for the screen.
pub fn reports_on_screen(reports: &[&Entry], lang: Language, screen: OnScreen) -> String {
    let mut w = HtmlWriter::new();
    let problems: Vec<&&Entry> = reports.iter().filter(|e| e.figures.has_invalid_count()).collect();
    if !problems.is_empty() {
        w.markup("<div class=\"notice notice--warning summary__problems\">");
        w.element("p", &[], &i18n::plural(lang, Msg::SummaryProblems, problems.len() as u64, &[]));
        w.markup("<ul>");
        for entry in problems {
            w.markup("<li>");
            open_button(&mut w, entry, &title(&entry.figures, lang));
            w.markup("</li>");
        }
        w.markup("</ul></div>");
    }
    write_reports(&mut w, reports, lang, Some(screen));
    w.finish()
}

pub(super) fn open_button(w: &mut HtmlWriter, entry: &Entry, title: &str) {
    let key = key_text(&entry.key());
    w.element("button", &[("type", "button"), ("class", "link-button"), ("dir", "auto"), ("data-open", &key)], title);
}

/// The ids of the filters' inputs.
pub const FROM: &str = "summary-from";
pub const TO: &str = "summary-to";
pub const ACTIVITY_TYPE: &str = "summary-type";
pub const SEARCH: &str = "summary-search";
pub const INCLUDE_DRAFTS: &str = "summary-drafts";

/// The filters as a form showing `filter`: quick periods (buttons with `data-period`, the index in
/// [`Period::ALL`], or empty for all dates), From, To, Activity type, Search and Include my drafts.
pub fn filter_form(filter: &Filter, include_drafts: bool, lang: Language) -> String {
    let t = |msg| i18n::text(lang, msg);
    let mut w = HtmlWriter::new();
    w.open("fieldset", &[("class", "summary__filters")]);
    w.element("legend", &[], t(Msg::SummaryWhich));
    w.open("div", &[("class", "summary__periods")]);
    let periods = [
        ("", Msg::SummaryAllDates),
        ("0", Msg::SummaryThisQuarter),
        ("1", Msg::SummaryLastQuarter),
        ("2", Msg::SummaryThisYear),
    ];
    for (code, name) in periods {
        w.element("button", &[("type", "button"), ("class", "button"), ("data-period", code)], t(name));
    }
    w.close("div");
    w.open("div", &[("class", "summary__fields")]);
    let field = |w: &mut HtmlWriter, id: &'static str, label: Msg| {
        w.open("div", &[("class", "field")]);
        w.element("label", &[("for", id)], t(label));
    };
    for (id, label, kind, value) in
        [(FROM, Msg::SummaryFrom, "date", &filter.from), (TO, Msg::SummaryTo, "date", &filter.to)]
    {
        field(&mut w, id, label);
        w.open("input", &[("id", id), ("type", kind), ("value", value)]);
        w.close("div");
    }
    field(&mut w, ACTIVITY_TYPE, Msg::ActivityType);
    w.open("select", &[("id", ACTIVITY_TYPE)]);
    w.element("option", &[("value", "")], t(Msg::SummaryAllTypes));
    for kind in ActivityType::ALL {
        if filter.activity_type == Some(kind) {
            w.element("option", &[("value", kind.code()), ("selected", "")], t(activity_name(kind)));
        } else {
            w.element("option", &[("value", kind.code())], t(activity_name(kind)));
        }
    }
    w.close("select");
    w.close("div");
    field(&mut w, SEARCH, Msg::Search);
    w.open("input", &[("id", SEARCH), ("type", "search"), ("dir", "auto"), ("value", &filter.search)]);
    w.close("div");
    w.close("div");
    w.open("label", &[("class", "summary__drafts")]);
    if include_drafts {
        w.open("input", &[("id", INCLUDE_DRAFTS), ("type", "checkbox"), ("checked", "")]);
    } else {
        w.open("input", &[("id", INCLUDE_DRAFTS), ("type", "checkbox")]);
    }
    w.text(t(Msg::SummaryIncludeDrafts));
    w.close("label");
    w.close("fieldset");
    w.finish()
}

/// The period a `data-period` of [`filter_form`] names; `None` for all dates.
pub fn period(code: &str) -> Option<Period> {
    code.parse::<usize>().ok().and_then(|i| Period::ALL.get(i).copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::report::{Report, WholeNumber};
    use crate::core::summary::{Figures, Source};

    fn entries() -> Vec<Entry> {
        let mut a = Report::blank();
        a.title = "A".into();
        a.participants.total = WholeNumber::new("20");
        let mut b = Report::blank();
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

    fn select(css: &str) -> scraper::Selector {
        scraper::Selector::parse(css).unwrap()
    }

    #[test]
    fn the_list_on_screen_ticks_each_report_but_those_ticked_out_and_opens_each_by_its_key() {
        let mut entries = entries();
        entries[1].id = "b\"<x>".into();
        let reports: Vec<&Entry> = entries.iter().collect();
        let ticked_out = [entries[1].key()];
        let html = reports_on_screen(&reports, Language::English, OnScreen { ticked_out: &ticked_out, shown: 1 });
        let page = scraper::Html::parse_fragment(&html);
        let ticks: Vec<_> =
            page.select(&select("input[data-tick]")).map(|i| i.value().attr("checked").is_some()).collect();
        assert_eq!(ticks, [true], "only the first row is drawn, ticked in");
        assert_eq!(
            page.select(&select("[data-more]")).next().unwrap().text().collect::<String>(),
            "Show more (1 not shown)"
        );
        // The report with an invalid count is named in the problems line, by a key that reads back.
        let named: Vec<_> = page
            .select(&select(".summary__problems [data-open]"))
            .map(|b| b.value().attr("data-open").unwrap())
            .collect();
        assert_eq!(named.len(), 1);
        assert_eq!(crate::core::summary::parse_key(named[0]), Some(entries[1].key()));
        assert!(!html.contains("<x>"));
        let all = reports_on_screen(&reports, Language::English, OnScreen { ticked_out: &ticked_out, shown: 10 });
        let page = scraper::Html::parse_fragment(&all);
        let ticks: Vec<_> =
            page.select(&select("input[data-tick]")).map(|i| i.value().attr("checked").is_some()).collect();
        assert_eq!(ticks, [true, false]);
    }

    #[test]
    fn the_filters_form_shows_the_filter_with_a_label_for_every_input() {
        let filter = Filter {
            from: "2026-01-01".into(),
            activity_type: Some(ActivityType::Training),
            search: "\"youth\"".into(),
            ..Default::default()
        };
        let page = scraper::Html::parse_fragment(&filter_form(&filter, false, Language::Kurdish));
        for id in [FROM, TO, ACTIVITY_TYPE, SEARCH] {
            assert!(page.select(&select(&format!("label[for={id}]"))).next().is_some(), "{id}");
        }
        let value =
            |id: &str| page.select(&select(&format!("#{id}"))).next().unwrap().value().attr("value").map(str::to_owned);
        assert_eq!(value(FROM).as_deref(), Some("2026-01-01"));
        assert_eq!(value(SEARCH).as_deref(), Some("\"youth\""));
        let chosen = page.select(&select("option[selected]")).next().unwrap();
        assert_eq!(chosen.value().attr("value"), Some("training"));
        assert!(page.select(&select("#summary-drafts[checked]")).next().is_none());
        let periods: Vec<_> =
            page.select(&select("[data-period]")).map(|b| period(b.value().attr("data-period").unwrap())).collect();
        assert_eq!(periods, [None, Some(Period::ThisQuarter), Some(Period::LastQuarter), Some(Period::ThisYear)]);
    }
}
