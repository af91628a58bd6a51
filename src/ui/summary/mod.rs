//! "Summary": totals across the drafts and the received reports, as an M&E officer gives them to a
//! donor. Each report's figures are read once when the screen opens; the filters, ticks, tables,
//! charts and files work on those figures alone (`core::summary`).
//!
//! The screen is a thin shell, which keeps the app's first load small: its state is one plain
//! [`Desk`] (the rules of each change are in the core), the core writes its parts as HTML
//! (`core::export::summary_screen`), and after each change the parts it touched are drawn again
//! by their ids. One listener per kind of event on the section serves every button and control,
//! by their ids and `data-` attributes.
//!
//! It is not in the app's first load: it is a module of its own (src/bin/summary.rs), loaded
//! into the page the first time the Summary opens, which talks to the app through the page
//! (`ui::summary_host`, where the protocol is).

mod received;

use crate::core::document::{read_document, read_newer_document};
use crate::core::export::jobs::{SummaryRequest, SUMMARY_CSV, SUMMARY_HTML};
use crate::core::export::summary::summary_tables;
use crate::core::export::summary_screen::{self as screen, filter_form, reports_on_screen, OnScreen};
use crate::core::i18n::Msg;
use crate::core::summary::desk::{Desk, FROM, TO};
use crate::core::summary::{parse_key, Entry, Figures, Key, Source};
use crate::ui::checks::today;
use crate::ui::exports::{download, made_text, print_page, OutFile};
use crate::ui::file_batch::{chosen_files, file_list, BatchLines, BatchStatus};
use crate::ui::i18n::I18n;
use crate::ui::summary_host::{DRAFTS, HOST, MOUNT, OPEN_DRAFT};
use crate::ui::timing::{measure_until_next_frame, measured, measured_async};
use js_sys::{Array, Object, Reflect};
use leptos::mount::{mount_to, UnmountHandle};
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The section's id.
const SECTION: &str = "summary";

/// The parts of the screen a change draws again.
const TOTALS: u8 = 1;
const LIST: u8 = 2;
const READING: u8 = 4;
const NOTICES: u8 = 8;
const FORM: u8 = 16;
const ALL: u8 = TOTALS | LIST | READING | NOTICES | FORM;

/// A web event listener.
type Listener = Closure<dyn Fn(web_sys::Event)>;

/// The Summary on the screen: its state, and what it needs to draw and act.
#[derive(Clone, Copy)]
struct Screen {
    desk: StoredValue<Desk, LocalStorage>,
    /// "Reading n of total…" while files are read, and the line for each.
    lines: BatchLines,
    /// The section's one listener, dropped with the screen.
    listener: StoredValue<Option<Listener>, LocalStorage>,
    i18n: I18n,
}

impl Screen {
    /// Changes the state (nothing once the screen is gone).
    fn change<T>(self, edit: impl FnOnce(&mut Desk) -> T) -> Option<T> {
        self.desk.try_update_value(edit)
    }

    /// Draws `parts` again from the state.
    fn draw(self, parts: u8) {
        let lang = self.i18n.language_untracked();
        self.desk.try_with_value(|desk| {
            if parts & FORM != 0 {
                set_html(screen::FORM, &filter_form(desk.filter(), desk.include_drafts(), lang));
            }
            if parts & TOTALS != 0 {
                let count = self.i18n.plural(Msg::SummaryCount, desk.totals().activities as usize, &[]);
                if let Some(element) = element(screen::COUNT) {
                    element.set_text_content(Some(&count));
                }
                set_html(screen::TABLES, &summary_tables(desk.totals(), lang));
            }
            // The list is not drawn again when a report is ticked: the tick box keeps its focus.
            if parts & LIST != 0 {
                let on_screen = OnScreen { ticked_out: desk.ticked_out(), shown: desk.shown() };
                set_html(screen::LIST, &reports_on_screen(&desk.on_screen(), lang, on_screen));
            }
            if parts & READING != 0 {
                set_html(screen::READING, &screen::reading(desk.reading.as_ref(), lang));
            }
            if parts & NOTICES != 0 {
                set_html(screen::WARNING, &screen::notice("notice notice--warning", desk.warning.as_deref()));
                set_html(screen::ERROR, &screen::notice("notice notice--error", desk.error.as_deref()));
            }
        });
    }

    /// Changes which reports are covered, measuring until the screen shows the outcome.
    fn refilter(self, edit: impl FnOnce(&mut Desk) -> bool) {
        measure_until_next_frame("summary-filter");
        if self.change(edit) == Some(true) {
            self.draw(TOTALS | LIST);
        }
    }

    /// "Download CSV", "Export summary HTML" or "Print summary" (`action`): the file of the
    /// reports ticked in, made by the export worker, which carries the writers.
    fn make(self, action: &'static str) {
        let lang = self.i18n.language_untracked();
        let Some(reports) = self.desk.try_with_value(|d| d.chosen().into_iter().cloned().collect()) else { return };
        let (kind, measure) =
            if action == "csv" { (SUMMARY_CSV, "summary-csv") } else { (SUMMARY_HTML, "summary-page") };
        wasm_bindgen_futures::spawn_local(async move {
            let made = measured_async(measure, async move {
                let request = serde_json::to_string(&SummaryRequest { lang, today: today(), reports });
                made_text(kind, request.map_err(|e| e.to_string())?, None).await
            })
            .await;
            let file_name = |extension: &str| format!("taqrir-summary-{}.{extension}", today());
            match (made, action) {
                (Ok(page), "print") => {
                    print_page(&page);
                }
                (Ok(csv), "csv") => {
                    download(&OutFile::text(file_name("csv"), "text/csv;charset=utf-8", &csv));
                }
                (Ok(page), _) => {
                    download(&OutFile::text(file_name("html"), "text/html;charset=utf-8", &page));
                }
                (Err(_), _) => {
                    self.change(|d| d.warning = Some(self.i18n.t(Msg::ExportFailed).to_owned()));
                    self.draw(NOTICES);
                }
            }
        });
    }

    /// What the button `action` (its `data-action`) does.
    fn act(self, action: &str) {
        match action {
            "add" => {
                if let Some(input) = element(screen::FILES).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    input.click();
                }
            }
            "csv" => self.make("csv"),
            "html" => self.make("html"),
            "print" => self.make("print"),
            "print-received" => {
                self.desk.try_with_value(|d| d.reading.as_ref().map(|r| print_page(&r.page)));
            }
            "copy" => self.copy_to_drafts(),
            "remove" => self.remove(),
            "close" => {
                self.change(|d| d.reading = None);
                self.draw(READING);
            }
            _ => {}
        }
    }

    /// Opens the report `key`: a draft in the editor, a received report for reading. Says why it
    /// could not.
    fn open(self, key: Key) {
        match key.0 {
            Source::Draft => {
                let error = ask_app(OPEN_DRAFT, "id", &key.1)
                    .and_then(|answer| Reflect::get(&answer, &"error".into()).ok().and_then(|error| error.as_string()));
                self.change(|d| d.error = error);
                self.draw(NOTICES);
            }
            Source::Received => self.show(key.1),
        }
    }

    fn on_click(self, ev: &web_sys::Event) {
        if let Some((_, action)) = marked(ev, "data-action") {
            self.act(&action);
        } else if let Some((_, code)) = marked(ev, "data-period") {
            let today = today();
            self.refilter(|d| {
                let (from, to, changed) = d.choose_period(&code, &today);
                set_input(FROM, &from);
                set_input(TO, &to);
                changed
            });
        } else if marked(ev, "data-more").is_some() {
            self.change(Desk::show_more);
            self.draw(LIST);
        } else if let Some(key) = marked(ev, "data-open").and_then(|(_, key)| parse_key(&key)) {
            self.open(key);
        }
    }

    /// Listens on the section for every kind of event the screen answers, once, with one
    /// closure (a plain web listener, which, unlike a view's, may run again while it runs: "Add
    /// reports" clicks the file input inside the section).
    fn listen(self) {
        let Some(section) = element(SECTION) else { return };
        if self.listener.try_with_value(Option::is_none) != Some(true) {
            return;
        }
        let listener = Listener::new(move |ev: web_sys::Event| self.on_event(&ev));
        for kind in ["click", "input", "change", "dragover", "drop"] {
            let _ = section.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
        }
        self.listener.try_set_value(Some(listener));
    }

    fn on_event(self, ev: &web_sys::Event) {
        match ev.type_().as_str() {
            "click" => self.on_click(ev),
            "dragover" => ev.prevent_default(),
            "drop" => {
                // Files dropped on the Summary go to the archive, not to the drafts as elsewhere.
                ev.prevent_default();
                ev.stop_propagation();
                let files = ev.dyn_ref::<web_sys::DragEvent>().and_then(|d| d.data_transfer()).and_then(|d| d.files());
                self.add(files.map(file_list).unwrap_or_default());
            }
            _ => self.on_change(ev),
        }
    }

    /// An `input` or `change` event: files chosen, a filter or a tick box.
    fn on_change(self, ev: &web_sys::Event) {
        let Some((id, value, checked)) = control(ev) else { return };
        let changed = ev.type_() == "change";
        if id == screen::FILES {
            if changed {
                self.add(chosen_files(ev));
            }
        } else if let Some((_, key)) = marked(ev, "data-tick") {
            let Some(key) = parse_key(&key).filter(|_| changed) else { return };
            measure_until_next_frame("summary-filter");
            self.change(|d| d.tick(key, checked));
            self.draw(TOTALS);
        } else {
            self.refilter(|d| d.choose(&id, value, checked));
        }
    }
}

/// The drafts the app handed over (each [id, document text]) that can be read, with their figures.
fn draft_entries(drafts: &JsValue, today: &str) -> Vec<Entry> {
    let Some(drafts) = drafts.dyn_ref::<Array>() else { return Vec::new() };
    drafts
        .iter()
        .filter_map(|draft| {
            let draft = draft.dyn_into::<Array>().ok()?;
            let (id, text) = (draft.get(0).as_string()?, draft.get(1).as_string()?);
            let document = read_document(&text).ok().or_else(|| read_newer_document(&text).map(|(doc, _)| doc))?;
            Some(Entry { source: Source::Draft, id, figures: Figures::of(&document.report, today) })
        })
        .collect()
}

/// Asks the app to do `kind` (see `ui::summary_host`) with `name: value`; the event's detail,
/// with the app's answer, once it has.
fn ask_app(kind: &str, name: &str, value: &str) -> Option<JsValue> {
    let detail = Object::new();
    Reflect::set(&detail, &name.into(), &value.into()).ok()?;
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&detail);
    let event = web_sys::CustomEvent::new_with_event_init_dict(kind, &init).ok()?;
    element(HOST)?.dispatch_event(&event).ok()?;
    Some(detail.into())
}

fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

fn set_html(id: &str, html: &str) {
    if let Some(element) = element(id) {
        element.set_inner_html(html);
    }
}

/// The element of `ev` (or its nearest ancestor) that carries `attribute`, with its value.
fn marked(ev: &web_sys::Event, attribute: &str) -> Option<(web_sys::Element, String)> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let marked = target.closest(&format!("[{attribute}]")).ok()??;
    let value = marked.get_attribute(attribute)?;
    Some((marked, value))
}

/// The value of the form control `ev` happened to, with its id.
fn control(ev: &web_sys::Event) -> Option<(String, String, bool)> {
    let target = ev.target()?;
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some((input.id(), input.value(), input.checked()));
    }
    let select = target.dyn_ref::<web_sys::HtmlSelectElement>()?;
    Some((select.id(), select.value(), false))
}

fn set_input(id: &str, value: &str) {
    if let Some(input) = element(id).and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        input.set_value(value);
    }
}

thread_local! {
    /// The screen in the page, unmounted when the Summary is opened again.
    static MOUNTED: RefCell<Option<UnmountHandle<leptos::tachys::view::any_view::AnyViewState>>> = const { RefCell::new(None) };
}

/// Starts the module in the app's page: mounts the screen, and mounts it again each time the
/// Summary opens.
pub fn start() {
    console_error_panic_hook::set_once();
    let again = Closure::<dyn Fn()>::new(mount);
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        let _ = document.add_event_listener_with_callback(MOUNT, again.as_ref().unchecked_ref());
    }
    // The module lives as long as the page; so does its listener.
    again.forget();
    mount();
}

/// Draws the screen into the app's host, in place of the one drawn before (whose host is gone).
fn mount() {
    MOUNTED.with(|mounted| drop(mounted.take()));
    let Some(host) = element(HOST).and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    let drafts = Reflect::get(&host, &DRAFTS.into()).unwrap_or(JsValue::UNDEFINED);
    let handle = mount_to(host, move || {
        let i18n = I18n::provide_following_page();
        view! { <SummaryScreen i18n drafts=entries(&drafts) /> }.into_any()
    });
    MOUNTED.with(|mounted| *mounted.borrow_mut() = Some(handle));
}

fn entries(drafts: &JsValue) -> Vec<Entry> {
    measured("summary-drafts", || draft_entries(drafts, &today()))
}

#[component]
fn SummaryScreen(i18n: I18n, drafts: Vec<Entry>) -> impl IntoView {
    let summary = Screen {
        desk: StoredValue::new_local(Desk::new(drafts)),
        lines: BatchLines::default(),
        listener: StoredValue::new_local(None),
        i18n,
    };
    summary.load();
    // "Download CSV", "Export summary HTML" and "Print summary" are made by the export worker.
    crate::ui::export_worker::start();
    // The whole screen is drawn again only for another language; the person's typing stays in
    // the form otherwise.
    Effect::new(move |_| {
        let lang = i18n.language();
        set_html("summary-add", &screen::add_reports(lang));
        set_html("summary-body", &screen::screen_frame(lang));
        summary.draw(ALL);
        summary.listen();
    });
    view! {
        <section id=SECTION class="card summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{i18n.text(Msg::SummaryHeading)}</h2>
            <div id="summary-add" class="summary__add"></div>
            <BatchStatus lines=summary.lines />
            <div id="summary-body"></div>
        </section>
    }
}
