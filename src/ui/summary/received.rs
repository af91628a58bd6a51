//! Received reports on the Summary: "Add reports" (many files at once, or dropped on the
//! Summary) into the archive with a line per file, and a received report opened to read, print,
//! copy into the drafts or remove.

use super::SummaryState;
use crate::core::archive::{self, Outcome};
use crate::core::document::read_document;
use crate::core::i18n::{self, Msg};
use crate::core::intake::{HeldReport, Intake};
use crate::core::report::Language;
use crate::core::report_file::MAX_REPORT_FILE_BYTES;
use crate::core::summary::{Entry, Source};
use crate::ui::archive as store;
use crate::ui::button::button;
use crate::ui::checks::today;
use crate::ui::exports::{print_page, printable_page};
use crate::ui::file_batch::{chosen_files, next_task, read, BatchLines, BatchStatus, Outcome as FileLine};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::session::Session;
use crate::ui::timing::measured_until_drawn;
use leptos::prelude::*;

/// How many added reports are written to the archive in one transaction.
const BATCH: usize = 25;

/// The received side of the Summary: what is held, what "Add reports" is doing and said, and the
/// report open for reading.
#[derive(Clone, Copy)]
pub struct Received {
    /// The archive's reports as intake compares files with them.
    held: StoredValue<Vec<HeldReport>>,
    /// "Reading n of total…" while files are read, and the line for each.
    lines: BatchLines,
    /// The received report being read: its key, title and printable page.
    pub open: RwSignal<Option<(String, String, String)>>,
    error: RwSignal<Option<String>>,
}

impl Received {
    /// Reads the archive's listings into `state` (in the background).
    pub fn load(state: SummaryState, i18n: I18n) -> Self {
        let received = Received {
            held: StoredValue::new(Vec::new()),
            lines: BatchLines::default(),
            open: RwSignal::new(None),
            error: RwSignal::new(None),
        };
        // Measured until the received reports are drawn: the Summary's opening, as the bench sees it.
        wasm_bindgen_futures::spawn_local(measured_until_drawn("summary-received", async move {
            match store::listings().await {
                Ok(listings) => {
                    received.held.set_value(listings.iter().map(|l| l.held.clone()).collect());
                    let entries = listings.into_iter().map(|l| Entry {
                        source: Source::Received,
                        id: l.held.key,
                        figures: l.figures,
                    });
                    state.entries.update(|all| all.extend(entries));
                }
                Err(_) => received.error.set(Some(i18n.t(Msg::ArchiveUnavailable).to_owned())),
            }
        }));
        received
    }

    /// Takes in `files` one by one, storing the reports added a batch at a time.
    pub fn add(self, state: SummaryState, i18n: I18n, files: Vec<web_sys::File>) {
        if files.is_empty() || !self.lines.start() {
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let total = files.len();
            let mut held = self.held.get_value();
            let mut batch: Vec<Outcome> = Vec::new();
            for (i, file) in files.into_iter().enumerate() {
                self.lines.reading.set(Some((i + 1, total)));
                // The progress line is drawn, and clicks and typing answered, between files.
                next_task().await;
                let bytes = read(&file, MAX_REPORT_FILE_BYTES).await;
                let key = store::new_key();
                let outcome = match bytes {
                    Ok(bytes) => archive::take_in(&file.name(), &bytes, &mut held, key, &today(), js_sys::Date::now()),
                    Err(error) => Outcome { file: file.name(), intake: Intake::Refused(error), arrival: None },
                };
                batch.push(outcome);
                if batch.iter().filter(|o| o.arrival.is_some()).count() >= BATCH || i + 1 == total {
                    self.store(state, i18n, std::mem::take(&mut batch)).await;
                }
            }
            self.held.set_value(held);
            self.lines.reading.set(None);
        });
    }

    /// Stores the reports `outcomes` add, then shows them and their lines.
    async fn store(self, state: SummaryState, i18n: I18n, outcomes: Vec<Outcome>) {
        let lang = i18n.language();
        let lines: Vec<FileLine> = match store::store_outcomes(&outcomes).await {
            Ok(()) => {
                state.entries.update(|all| {
                    for outcome in &outcomes {
                        if let Intake::Newer { replaces } = &outcome.intake {
                            all.retain(|e| !(e.source == Source::Received && e.id == *replaces));
                        }
                    }
                    all.extend(outcomes.iter().filter_map(|o| o.arrival.as_ref()).map(|a| Entry {
                        source: Source::Received,
                        id: a.listing.key().to_owned(),
                        figures: a.listing.figures.clone(),
                    }));
                });
                let refused = |o: &Outcome| matches!(o.intake, Intake::Refused(_));
                outcomes.iter().map(|o| FileLine { text: o.message(lang), refused: refused(o) }).collect()
            }
            Err(problem) => {
                let reason = problem.reason(lang);
                outcomes
                    .iter()
                    .map(|o| match o.arrival {
                        Some(_) => FileLine {
                            text: i18n.format(Msg::IntakeRefused, &[("file", &o.file), ("reason", &reason)]),
                            refused: true,
                        },
                        None => FileLine { text: o.message(lang), refused: matches!(o.intake, Intake::Refused(_)) },
                    })
                    .collect()
            }
        };
        self.lines.outcomes.update(|all| all.extend(lines));
    }

    /// Opens received report `key` for reading.
    pub fn show(self, key: String, lang: Language) {
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(Some(text)) = store::document(&key).await else { return };
            let Ok(document) = read_document(&text) else { return };
            // The page is written by the export worker, which may not have loaded.
            match printable_page(text).await {
                Ok(page) => self.open.set(Some((key, document.report.title, page))),
                Err(_) => self.error.set(Some(i18n::text(lang, Msg::ExportFailed).to_owned())),
            }
        });
    }

    /// Removes the open received report from the archive and the summary.
    fn remove(self, state: SummaryState) {
        let Some((key, _, _)) = self.open.get_untracked() else { return };
        wasm_bindgen_futures::spawn_local(async move {
            if store::remove(&key).await.is_ok() {
                self.held.update_value(|held| held.retain(|h| h.key != key));
                state.entries.update(|all| all.retain(|e| !(e.source == Source::Received && e.id == key)));
                self.open.set(None);
            }
        });
    }

    /// Opens a copy of the open received report as a new draft.
    fn copy_to_drafts(self, session: Session) {
        let Some((key, _, _)) = self.open.get_untracked() else { return };
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(Some(text)) = store::document(&key).await else { return };
            if let Ok(document) = read_document(&text) {
                session.open_document(document);
            }
        });
    }
}

/// "Add reports", its hint, progress and the line for each file.
#[component]
pub fn AddReports(state: SummaryState, received: Received) -> impl IntoView {
    let i18n = use_i18n();
    let input = NodeRef::<leptos::html::Input>::new();
    let on_change = move |ev: leptos::ev::Event| received.add(state, i18n, chosen_files(&ev));
    view! {
        <div class="summary__add">
            {button("button button--primary", Msg::ArchiveAdd, move |_| {
                if let Some(input) = input.get_untracked() {
                    input.click();
                }
            })}
            <input
                type="file"
                multiple
                accept=".html,.htm,.json,text/html,application/json"
                class="visually-hidden"
                tabindex="-1"
                aria-hidden="true"
                node_ref=input
                on:change=on_change
            />
            <p class="field-hint">{i18n.text(Msg::ArchiveHint)}</p>
        </div>
        <BatchStatus lines=received.lines />
        {move || received.error.get().map(|message| view! { <div class="notice notice--warning" role="alert">{message}</div> })}
    }
}

/// The received report open for reading, with what can be done with it.
#[component]
pub fn ReceivedReport(state: SummaryState, received: Received) -> impl IntoView {
    let session = expect_context::<Session>();
    move || {
        received.open.get().map(|(_, title, page)| {
            let print = page.clone();
            view! {
                <section class="summary__received" aria-labelledby="received-title">
                    <h3 id="received-title" dir="auto">{title.clone()}</h3>
                    <div class="summary__actions">
                        {button("button", Msg::Print, move |_| {
                            print_page(&print);
                        })}
                        {button("button", Msg::ArchiveCopyToDrafts, move |_| received.copy_to_drafts(session))}
                        {button("button", Msg::ArchiveRemove, move |_| received.remove(state))}
                        {button("button", Msg::ArchiveClose, move |_| received.open.set(None))}
                    </div>
                    <iframe class="summary__page" title=title srcdoc=page></iframe>
                </section>
            }
        })
    }
}
