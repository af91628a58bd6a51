//! "Summary": totals across the drafts and the received reports, as an M&E officer gives them to a
//! donor. Each report's figures are read once when the screen opens; the filters, ticks, tables,
//! charts and files work on those figures alone (`core::summary`).
//!
//! The core writes the screen's parts as HTML (`core::export::summary_screen`); this view holds the
//! state and listens to those parts by their ids and `data-` attributes, which keeps the app's
//! first load small.

mod received;

use crate::core::document::{read_document, read_newer_document};
use crate::core::export::summary::{summary_html, summary_tables};
use crate::core::export::summary_screen::{self as screen, filter_form, period, reports_on_screen, OnScreen};
use crate::core::i18n::Msg;
use crate::core::report::{ActivityType, Language};
use crate::core::summary::csv::summary_csv;
use crate::core::summary::{self, parse_key, Entry, Figures, Filter, Key, Source, Totals};
use crate::ui::button::button;
use crate::ui::checks::today;
use crate::ui::exports::{download, print_page, OutFile};
use crate::ui::file_batch::file_list;
use crate::ui::i18n::use_i18n;
use crate::ui::session::Session;
use crate::ui::timing::{measure_until_next_frame, measured};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How many rows of "Reports in this summary" are drawn at first, and added by "Show more".
const PAGE: usize = 100;

/// What the Summary works on, and what the person chose.
#[derive(Clone, Copy)]
pub struct SummaryState {
    pub entries: RwSignal<Vec<Entry>>,
    pub filter: RwSignal<Filter>,
    pub include_drafts: RwSignal<bool>,
    pub ticked_out: RwSignal<Vec<Key>>,
    /// Where in `entries` the reports are that the filters let through.
    pub matching: Memo<Vec<usize>>,
    pub totals: Memo<Totals>,
}

impl SummaryState {
    fn new(entries: Vec<Entry>) -> Self {
        let entries = RwSignal::new(entries);
        let filter = RwSignal::new(Filter::default());
        let include_drafts = RwSignal::new(true);
        let ticked_out = RwSignal::new(Vec::new());
        let matching = Memo::new(move |_| {
            filter.with(|filter| entries.with(|all| summary::matching(all, filter, include_drafts.get())))
        });
        let totals = Memo::new(move |_| {
            entries.with(|all| matching.with(|at| ticked_out.with(|out| summary::totals(&summary::pick(all, at), out))))
        });
        SummaryState { entries, filter, include_drafts, ticked_out, matching, totals }
    }

    /// The reports ticked in, in the order of the table.
    fn chosen<T>(self, with: impl FnOnce(&[&Entry]) -> T) -> T {
        self.entries.with_untracked(|all| {
            self.matching.with_untracked(|at| {
                self.ticked_out.with_untracked(|out| {
                    let chosen: Vec<&Entry> =
                        summary::pick(all, at).into_iter().filter(|e| !out.contains(&e.key())).collect();
                    with(&chosen)
                })
            })
        })
    }

    /// Changes the filter, measuring until the screen shows the outcome.
    fn change(self, edit: impl FnOnce(&mut Filter)) {
        measure_until_next_frame("summary-filter");
        self.filter.update(edit);
    }
}

/// Every draft not in the trash that can be read, with its figures.
fn draft_entries(session: Session, today: &str) -> Vec<Entry> {
    session
        .with_library(|library| {
            library
                .drafts()
                .iter()
                .filter(|d| d.deleted_ms.is_none() && !d.unreadable)
                .filter_map(|d| {
                    let text = library.raw(&d.id)?;
                    let document =
                        read_document(&text).ok().or_else(|| read_newer_document(&text).map(|(doc, _)| doc))?;
                    Some(Entry {
                        source: Source::Draft,
                        id: d.id.clone(),
                        figures: Figures::of(&document.report, today),
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The element of `ev` (or its nearest ancestor) that carries `attribute`, with its value.
fn marked(ev: &leptos::ev::Event, attribute: &str) -> Option<(web_sys::Element, String)> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let marked = target.closest(&format!("[{attribute}]")).ok()??;
    let value = marked.get_attribute(attribute)?;
    Some((marked, value))
}

/// The value of the form control `ev` happened to, with its id.
fn control(ev: &leptos::ev::Event) -> Option<(String, String, bool)> {
    let target = ev.target()?;
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some((input.id(), input.value(), input.checked()));
    }
    let select = target.dyn_ref::<web_sys::HtmlSelectElement>()?;
    Some((select.id(), select.value(), false))
}

fn set_input(id: &str, value: &str) {
    let input = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(input) = input.and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        input.set_value(value);
    }
}

/// Opens the report `key`: a draft in the editor, a received report for reading. Says why it
/// could not.
fn open(session: Session, received: received::Received, key: Key, lang: Language) -> Option<String> {
    match key.0 {
        Source::Draft => session.open_stored(&key.1).err().map(|problem| problem.message(lang)),
        Source::Received => {
            received.show(key.1, lang);
            None
        }
    }
}

#[component]
pub fn SummaryScreen() -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let state = SummaryState::new(measured("summary-drafts", || draft_entries(session, &today())));
    let received = received::Received::load(state, i18n);
    let shown = RwSignal::new(PAGE);
    let error = RwSignal::new(None::<String>);

    let file_name = move |extension: &str| format!("taqrir-summary-{}.{extension}", today());
    let download_csv = move |_| {
        let text = measured("summary-csv", || state.chosen(summary_csv));
        download(&OutFile::text(file_name("csv"), "text/csv;charset=utf-8", &text));
    };
    let page = move || {
        let lang = i18n.language();
        state.chosen(|chosen| state.totals.with_untracked(|totals| summary_html(chosen, totals, lang, &today())))
    };
    let export_html = move |_| {
        download(&OutFile::text(file_name("html"), "text/html;charset=utf-8", &page()));
    };
    let print = move |_| {
        print_page(&page());
    };

    // The form is drawn again only for another language; the person's typing stays in it.
    let form =
        move || filter_form(&state.filter.get_untracked(), state.include_drafts.get_untracked(), i18n.language());
    let on_filter = move |ev: leptos::ev::Event| {
        let Some((id, value, checked)) = control(&ev) else { return };
        match id.as_str() {
            screen::FROM => state.change(|f| f.from = value),
            screen::TO => state.change(|f| f.to = value),
            screen::ACTIVITY_TYPE => state.change(|f| f.activity_type = ActivityType::from_code(&value)),
            screen::SEARCH => state.change(|f| f.search = value),
            screen::INCLUDE_DRAFTS => {
                measure_until_next_frame("summary-filter");
                state.include_drafts.set(checked);
            }
            _ => {}
        }
    };
    let on_period = move |ev: leptos::ev::MouseEvent| {
        let Some((_, code)) = marked(&ev, "data-period") else { return };
        let (from, to) = period(&code).and_then(|p| p.dates(&today())).unwrap_or_default();
        set_input(screen::FROM, &from);
        set_input(screen::TO, &to);
        state.change(|f| {
            f.from = from;
            f.to = to;
        });
    };

    let tables = move || state.totals.with(|totals| summary_tables(totals, i18n.language()));
    // Drawn again when the reports or the language change, not when one is ticked: the tick box
    // keeps its focus.
    let list = move || {
        let limit = shown.get();
        let lang = i18n.language();
        state.entries.with(|all| {
            state.matching.with(|at| {
                let ticked_out = state.ticked_out.get_untracked();
                reports_on_screen(&summary::pick(all, at), lang, OnScreen { ticked_out: &ticked_out, shown: limit })
            })
        })
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if marked(&ev, "data-more").is_some() {
            shown.update(|n| *n += PAGE);
        } else if let Some(key) = marked(&ev, "data-open").and_then(|(_, key)| parse_key(&key)) {
            error.set(open(session, received, key, i18n.language()));
        }
    };
    let on_tick = move |ev: leptos::ev::Event| {
        let Some((_, key)) = marked(&ev, "data-tick") else { return };
        let (Some((_, _, tick)), Some(key)) = (control(&ev), parse_key(&key)) else { return };
        measure_until_next_frame("summary-filter");
        state.ticked_out.update(|out| {
            out.retain(|k| *k != key);
            if !tick {
                out.push(key);
            }
        });
    };

    view! {
        <section
            class="card summary"
            aria-labelledby="summary-heading"
            on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=move |ev: leptos::ev::DragEvent| {
                // Files dropped on the Summary go to the archive, not to the drafts as elsewhere.
                ev.prevent_default();
                ev.stop_propagation();
                let files = ev.data_transfer().and_then(|d| d.files()).map(file_list).unwrap_or_default();
                received.add(state, i18n, files);
            }
        >
            <h2 id="summary-heading">{i18n.text(Msg::SummaryHeading)}</h2>
            <received::AddReports state received />
            <div inner_html=form on:input=on_filter on:change=on_filter on:click=on_period></div>
            <p class="summary__count" role="status">
                {move || i18n.plural(Msg::SummaryCount, state.totals.with(|t| t.activities) as usize, &[])}
            </p>
            <div class="summary__actions">
                {button("button button--primary", Msg::SummaryDownloadCsv, download_csv)}
                {button("button", Msg::SummaryExportHtml, export_html)}
                {button("button", Msg::SummaryPrint, print)}
            </div>
            <div class="summary__tables" inner_html=tables></div>
            {move || error.get().map(|message| view! { <div class="notice notice--error" role="alert">{message}</div> })}
            <div class="summary__list" inner_html=list on:click=on_click on:change=on_tick></div>
            <received::ReceivedReport state received />
        </section>
    }
}
