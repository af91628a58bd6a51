//! Received reports on the Summary: the archive's listings read when the screen opens, "Add
//! reports" (many files at once, or dropped on the Summary) into the archive with a line per
//! file, and a received report opened to read, print, copy into the drafts or remove.

use super::{Screen, LIST, NOTICES, READING, TOTALS};
use crate::core::archive::{self, Outcome};
use crate::core::document::read_document;
use crate::core::i18n::Msg;
use crate::core::intake::Intake;
use crate::core::report_file::MAX_REPORT_FILE_BYTES;
use crate::core::summary::desk::Reading;
use crate::core::summary::{Entry, Source};
use crate::ui::archive as store;
use crate::ui::checks::today;
use crate::ui::exports::printable_page;
use crate::ui::file_batch::{next_task, read, Outcome as FileLine};
use crate::ui::summary_host::COPY_TO_DRAFTS;
use crate::ui::timing::measured_until_drawn;
use leptos::prelude::*;

/// How many added reports are written to the archive in one transaction.
const BATCH: usize = 25;

impl Screen {
    /// Reads the archive's listings into the summary (in the background).
    pub(super) fn load(self) {
        // Measured until the received reports are drawn: the Summary's opening, as the bench sees it.
        wasm_bindgen_futures::spawn_local(measured_until_drawn("summary-received", async move {
            let listings = store::listings().await;
            self.change(|desk| match listings {
                Ok(listings) => {
                    desk.held = listings.iter().map(|l| l.held.clone()).collect();
                    desk.add(listings.into_iter().map(|l| Entry {
                        source: Source::Received,
                        id: l.held.key,
                        figures: l.figures,
                    }));
                }
                Err(_) => desk.warning = Some(self.i18n.t(Msg::ArchiveUnavailable).to_owned()),
            });
            self.draw(TOTALS | LIST | NOTICES);
        }));
    }

    /// Takes in `files` one by one, storing the reports added a batch at a time.
    pub(super) fn add(self, files: Vec<web_sys::File>) {
        if files.is_empty() || !self.lines.start() {
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let total = files.len();
            let Some(mut held) = self.desk.try_with_value(|desk| desk.held.clone()) else { return };
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
                    self.store(std::mem::take(&mut batch)).await;
                }
            }
            self.change(|desk| desk.held = held);
            self.lines.reading.set(None);
        });
    }

    /// Stores the reports `outcomes` add, then shows them and their lines.
    async fn store(self, outcomes: Vec<Outcome>) {
        let lang = self.i18n.language_untracked();
        let refused = |o: &Outcome| matches!(o.intake, Intake::Refused(_));
        let lines: Vec<FileLine> = match store::store_outcomes(&outcomes).await {
            Ok(()) => {
                self.change(|desk| desk.arrived(&outcomes));
                self.draw(TOTALS | LIST);
                outcomes.iter().map(|o| FileLine { text: o.message(lang), refused: refused(o) }).collect()
            }
            Err(problem) => {
                let reason = problem.reason(lang);
                outcomes
                    .iter()
                    .map(|o| match o.arrival {
                        Some(_) => FileLine {
                            text: self.i18n.format(Msg::IntakeRefused, &[("file", &o.file), ("reason", &reason)]),
                            refused: true,
                        },
                        None => FileLine { text: o.message(lang), refused: refused(o) },
                    })
                    .collect()
            }
        };
        self.lines.outcomes.update(|all| all.extend(lines));
    }

    /// Opens received report `key` for reading.
    pub(super) fn show(self, key: String) {
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(Some(text)) = store::document(&key).await else { return };
            let Ok(document) = read_document(&text) else { return };
            // The page is written by the export worker, which may not have loaded.
            let page = printable_page(text).await;
            self.change(|desk| match page {
                Ok(page) => desk.reading = Some(Reading { key, title: document.report.title, page }),
                Err(_) => desk.warning = Some(self.i18n.t(Msg::ExportFailed).to_owned()),
            });
            self.draw(READING | NOTICES);
        });
    }

    /// Removes the received report being read from the archive and the summary.
    pub(super) fn remove(self) {
        let Some(Some(key)) = self.desk.try_with_value(|d| d.reading.as_ref().map(|r| r.key.clone())) else { return };
        wasm_bindgen_futures::spawn_local(async move {
            if store::remove(&key).await.is_ok() {
                self.change(|desk| desk.removed(&key));
                self.draw(TOTALS | LIST | READING);
            }
        });
    }

    /// Opens a copy of the received report being read as a new draft.
    pub(super) fn copy_to_drafts(self) {
        let Some(Some(key)) = self.desk.try_with_value(|d| d.reading.as_ref().map(|r| r.key.clone())) else { return };
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(Some(text)) = store::document(&key).await else { return };
            super::ask_app(COPY_TO_DRAFTS, "document", &text);
        });
    }
}
