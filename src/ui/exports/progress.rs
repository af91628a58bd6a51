//! How an export is going, in words beside the report actions: "Preparing…" while a file is on
//! its way, the photos it was made without, and a file that could not be made.

use crate::core::i18n::Msg;
use crate::ui::export_worker;
use crate::ui::i18n::{use_i18n, I18n};
use leptos::prelude::*;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::time::Duration;

/// How long a file from a running export worker may take before "Preparing…" is said: under a
/// second, the download itself is the answer.
const LATE: Duration = Duration::from_secs(1);

/// What the export worker is making, for the words said meanwhile and on failure.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Made {
    Word,
    File,
}

/// Where the "Preparing…" line of one file is.
#[derive(Clone, Copy, PartialEq)]
enum Line {
    NotYet,
    Shown,
    FileCame,
}

/// How an export is going, for the person: waiting for photos still being stored, files being
/// made, which photos the last file was made without, and a file that could not be made.
#[derive(Clone, Copy)]
pub struct ExportProgress {
    /// Exports waiting for photos to be stored.
    pub waiting: RwSignal<usize>,
    /// Files being made by the export worker that "Preparing…" is said for.
    making: RwSignal<Vec<Made>>,
    /// The photos the last export could not include, in words.
    pub left_out: RwSignal<Vec<String>>,
    /// What the last export that failed was making.
    failed: RwSignal<Option<Made>>,
    pub(super) i18n: I18n,
}

impl ExportProgress {
    pub fn provide() -> Self {
        let progress = ExportProgress {
            waiting: RwSignal::new(0),
            making: RwSignal::new(Vec::new()),
            left_out: RwSignal::new(Vec::new()),
            failed: RwSignal::new(None),
            i18n: use_i18n(),
        };
        provide_context(progress);
        progress
    }

    /// Runs `work`, which has the export worker make a `what` and hands it on, saying
    /// "Preparing…" meanwhile and, if it fails, that it failed. "Preparing…" is said at once while
    /// the worker loads, else only for a file that is late: a running worker makes most files
    /// within a moment, and the line growing and shrinking the actions bar would lay the whole
    /// editor out again (about 0.3 s each way for a large report, the file's own time many times).
    pub(super) fn make(self, what: Made, work: impl Future<Output = Result<(), String>> + 'static) {
        // One copy of the code below, not one per kind of export.
        self.make_boxed(what, Box::pin(work));
    }

    fn make_boxed(self, what: Made, work: Pin<Box<dyn Future<Output = Result<(), String>>>>) {
        self.failed.set(None);
        let line = Rc::new(Cell::new(Line::NotYet));
        let say_preparing = {
            let line = line.clone();
            move || {
                if line.get() == Line::NotYet {
                    line.set(Line::Shown);
                    self.making.update(|making| making.push(what));
                }
            }
        };
        if export_worker::is_running() {
            set_timeout(say_preparing, LATE);
        } else {
            say_preparing();
        }
        wasm_bindgen_futures::spawn_local(async move {
            let result = work.await;
            if line.replace(Line::FileCame) == Line::Shown {
                self.making.update(|making| {
                    if let Some(at) = making.iter().position(|m| *m == what) {
                        making.remove(at);
                    }
                });
            }
            if let Err(error) = result {
                web_sys::console::warn_1(&error.into());
                self.failed.set(Some(what));
            }
        });
    }

    /// Runs `work` once no photo is being copied any more, showing "Preparing…" meanwhile.
    pub async fn after_photos_are_stored<T>(self, work: impl Future<Output = T>) -> T {
        self.waiting.update(|n| *n += 1);
        crate::ui::photos::all_stored().await;
        let out = work.await;
        self.waiting.update(|n| *n -= 1);
        out
    }
}

/// "Preparing…" while an export waits for photos, and (unless `waiting_only`) the photos the
/// last export of the open report was made without. The line is always in the page, so screen
/// readers announce what appears in it.
#[component]
pub fn ExportStatus(#[prop(optional)] waiting_only: bool) -> impl IntoView {
    let i18n = use_i18n();
    let progress = expect_context::<ExportProgress>();
    view! {
        <p class="report-actions__preparing" aria-live="polite">
            {move || {
                if progress.waiting.get() > 0 {
                    return Some(i18n.t(Msg::ExportPreparing));
                }
                progress.making.with(|making| match making.first()? {
                    Made::Word => Some(i18n.t(Msg::ExportPreparingWord)),
                    Made::File => Some(i18n.t(Msg::ExportPreparingFile)),
                })
            }}
        </p>
        {move || (!waiting_only).then(|| progress.failed.get()).flatten().map(|what| view! {
            <div class="notice notice--error" role="alert">
                {i18n.t(match what {
                    Made::Word => Msg::ExportWordFailed,
                    Made::File => Msg::ExportFailed,
                })}
            </div>
        })}
        {move || {
            let left_out = if waiting_only { Vec::new() } else { progress.left_out.get() };
            (!left_out.is_empty()).then(|| view! {
                <div class="notice notice--warning" role="alert">
                    <p>{i18n.plural(Msg::PhotosLeftOut, left_out.len(), &[])}</p>
                    <ul>{left_out.into_iter().map(|place| view! { <li>{place}</li> }).collect_view()}</ul>
                </div>
            })
        }}
    }
}
