//! The Summary screen's own parts, written as HTML by the core so that the screen needs little
//! view code of its own (the first load's size): "Add reports", the screen's frame with its
//! buttons, the filters' form, the list of reports with a tick box and an open button per report,
//! and a received report open for reading. The screen fills the frame's parts by their `id`s
//! and listens to them by `id`s and `data-` attributes (`data-action` names a button's action).

use crate::core::export::html_writer::HtmlWriter;
use crate::core::export::summary::{title, write_reports};
use crate::core::i18n::{self, activity_name, Msg};
use crate::core::report::{ActivityType, Language};
use crate::core::summary::desk::{Reading, ACTIVITY_TYPE, FROM, INCLUDE_DRAFTS, SEARCH, TO};
use crate::core::summary::{key_text, Entry, Filter, Key};

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

/// The id of the file input "Add reports" clicks.
pub const FILES: &str = "summary-files";

/// The ids of the frame's parts ([`screen_frame`]).
pub const WARNING: &str = "summary-warning";
pub const FORM: &str = "summary-form";
pub const COUNT: &str = "summary-count";
pub const TABLES: &str = "summary-tables";
pub const ERROR: &str = "summary-error";
pub const LIST: &str = "summary-list";
pub const READING: &str = "summary-reading";

fn action(w: &mut HtmlWriter, class: &'static str, action: &'static str, label: &str) {
    w.element("button", &[("type", "button"), ("class", class), ("data-action", action)], label);
}

/// "Add reports" (it clicks the hidden file input [`FILES`]) and its hint.
pub fn add_reports(lang: Language) -> String {
    let mut w = HtmlWriter::new();
    action(&mut w, "button button--primary", "add", i18n::text(lang, Msg::ArchiveAdd));
    w.open(
        "input",
        &[
            ("id", FILES),
            ("type", "file"),
            ("multiple", ""),
            ("accept", ".html,.htm,.json,text/html,application/json"),
            ("class", "visually-hidden"),
            ("tabindex", "-1"),
            ("aria-hidden", "true"),
        ],
    );
    w.element("p", &[("class", "field-hint")], i18n::text(lang, Msg::ArchiveHint));
    w.finish()
}

/// The screen below "Add reports": empty parts with their ids, and the summary's buttons.
pub fn screen_frame(lang: Language) -> String {
    let t = |msg| i18n::text(lang, msg);
    let mut w = HtmlWriter::new();
    for id in [WARNING, FORM] {
        w.element("div", &[("id", id)], "");
    }
    w.element("p", &[("id", COUNT), ("class", "summary__count"), ("role", "status")], "");
    w.open("div", &[("class", "summary__actions")]);
    action(&mut w, "button button--primary", "csv", t(Msg::SummaryDownloadCsv));
    action(&mut w, "button", "html", t(Msg::SummaryExportHtml));
    action(&mut w, "button", "print", t(Msg::SummaryPrint));
    w.close("div");
    w.element("div", &[("id", TABLES), ("class", "summary__tables")], "");
    w.element("div", &[("id", ERROR)], "");
    w.element("div", &[("id", LIST), ("class", "summary__list")], "");
    w.element("div", &[("id", READING)], "");
    w.finish()
}

/// A notice (`notice--warning`, `notice--error`) saying `text`; nothing without one.
pub fn notice(class: &'static str, text: Option<&str>) -> String {
    let mut w = HtmlWriter::new();
    if let Some(text) = text {
        w.element("div", &[("class", class), ("role", "alert")], text);
    }
    w.finish()
}

/// The received report open for reading, with what can be done with it; nothing without one.
pub fn reading(reading: Option<&Reading>, lang: Language) -> String {
    let t = |msg| i18n::text(lang, msg);
    let mut w = HtmlWriter::new();
    let Some(reading) = reading else { return w.finish() };
    w.open("section", &[("class", "summary__received"), ("aria-labelledby", "received-title")]);
    w.element("h3", &[("id", "received-title"), ("dir", "auto")], &reading.title);
    w.open("div", &[("class", "summary__actions")]);
    action(&mut w, "button", "print-received", t(Msg::Print));
    action(&mut w, "button", "copy", t(Msg::ArchiveCopyToDrafts));
    action(&mut w, "button", "remove", t(Msg::ArchiveRemove));
    action(&mut w, "button", "close", t(Msg::ArchiveClose));
    w.close("div");
    w.element("iframe", &[("class", "summary__page"), ("title", &reading.title), ("srcdoc", &reading.page)], "");
    w.close("section");
    w.finish()
}

pub(super) fn open_button(w: &mut HtmlWriter, entry: &Entry, title: &str) {
    let key = key_text(&entry.key());
    w.element("button", &[("type", "button"), ("class", "link-button"), ("dir", "auto"), ("data-open", &key)], title);
}

/// The filters as a form showing `filter`: quick periods (buttons with `data-period`, the index in
/// `Period::ALL`, or empty for all dates), From, To, Activity type, Search and Include my drafts.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::report::{Report, WholeNumber};
    use crate::core::summary::{period, Figures, Period, Source};

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

    #[test]
    fn a_received_report_is_read_in_a_frame_named_by_its_title_with_its_four_actions() {
        let reading =
            Reading { key: "r1".into(), title: "<b>Basra</b>".into(), page: "<p class=\"x\">&amp;</p>".into() };
        let html = super::reading(Some(&reading), Language::English);
        let page = scraper::Html::parse_fragment(&html);
        let frame = page.select(&select("section[aria-labelledby=received-title] iframe")).next().unwrap();
        assert_eq!(frame.value().attr("srcdoc"), Some(reading.page.as_str()));
        assert_eq!(frame.value().attr("title"), Some("<b>Basra</b>"));
        assert_eq!(
            page.select(&select("h3#received-title")).next().unwrap().text().collect::<String>(),
            "<b>Basra</b>"
        );
        let actions: Vec<_> =
            page.select(&select("button[data-action]")).map(|b| b.text().collect::<String>()).collect();
        assert_eq!(actions, ["Print", "Copy to my drafts", "Remove from the summary", "Close"]);
        assert_eq!(super::reading(None, Language::English), "");
    }

    #[test]
    fn the_frame_has_every_part_the_screen_fills_and_a_notice_only_with_a_message() {
        let page = scraper::Html::parse_fragment(&screen_frame(Language::English));
        for id in [WARNING, FORM, COUNT, TABLES, ERROR, LIST, READING] {
            assert!(page.select(&select(&format!("#{id}"))).next().is_some(), "{id}");
        }
        assert!(page.select(&select("#summary-count[role=status]")).next().is_some());
        let alert = notice("notice notice--error", Some("a < b"));
        assert_eq!(alert, "<div class=\"notice notice--error\" role=\"alert\">a &lt; b</div>");
        assert_eq!(notice("notice notice--error", None), "");
    }
}
