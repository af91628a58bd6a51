//! Many files at once: "Import report", "Restore" and files dropped on the window. Files are
//! read one after another, with a progress line and the page given back between files; each
//! file gets its outcome line in a list, and the good ones are added whatever the others hold.

use crate::core::backup::{restore_backup, RestoreError, MAX_BACKUP_BYTES_WITH_PHOTOS};
use crate::core::document::ReadError;
use crate::core::i18n::{self, Msg};
use crate::core::intake::{classify_file, HeldReport, Intake};
use crate::core::report::Language;
use crate::core::report_file::MAX_REPORT_FILE_BYTES;
use crate::ui::i18n::use_i18n;
use crate::ui::profile::OrgProfile;
use crate::ui::session::{new_draft_id, Session};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What a file is taken in as.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Taking {
    /// "Import report": a report, added to the drafts unless it is here already.
    Reports,
    /// "Restore": a backup (or one report) restored into the drafts.
    Backups,
    /// Dropped on the window: a backup is restored, anything else taken in as a report.
    Dropped,
}

/// One file's outcome line.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub text: String,
    /// Not taken in, or only in part.
    pub refused: bool,
}

/// A place that takes files in (the Reports screen, the Summary): the progress line while a batch
/// is read and the line for each file of the last batch, drawn by [`BatchStatus`].
#[derive(Clone, Copy)]
pub struct BatchLines {
    /// `(file being read, files in all)` while a batch is read.
    pub reading: RwSignal<Option<(usize, usize)>>,
    pub outcomes: RwSignal<Vec<Outcome>>,
}

impl Default for BatchLines {
    fn default() -> Self {
        BatchLines { reading: RwSignal::new(None), outcomes: RwSignal::new(Vec::new()) }
    }
}

impl BatchLines {
    /// Starts a batch, unless one is being read: the last batch's lines go.
    pub fn start(self) -> bool {
        if self.reading.get_untracked().is_some() {
            return false;
        }
        self.outcomes.set(Vec::new());
        true
    }
}

/// The batch of files being taken in, and what became of the last one's files.
#[derive(Clone, Copy)]
pub struct FileBatch {
    lines: BatchLines,
    /// Counts finished batches, for views that measure what the files added.
    pub finished: RwSignal<u64>,
    /// Where a restored backup's organisation profile goes.
    org: OrgProfile,
}

impl FileBatch {
    /// Provides the one batch of the app and takes in files dropped on the window.
    pub fn provide(session: Session) -> Self {
        let batch = FileBatch { lines: BatchLines::default(), finished: RwSignal::new(0), org: expect_context() };
        provide_context(batch);
        let lang = use_i18n();
        // Without this the browser would open a dropped file in place of the app.
        let _ = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
        let _ = window_event_listener(leptos::ev::drop, move |ev| {
            ev.prevent_default();
            let files = ev.data_transfer().and_then(|data| data.files()).map(file_list).unwrap_or_default();
            batch.take(session, lang.language(), files, Taking::Dropped);
        });
        batch
    }

    /// Takes in `files` one after another as `taking`.
    pub fn take(self, session: Session, lang: Language, files: Vec<web_sys::File>, taking: Taking) {
        if files.is_empty() || !self.lines.start() {
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            // The open draft's last edits are stored first, so it is compared as it is.
            session.flush();
            let mut held = match taking {
                Taking::Backups => Vec::new(),
                Taking::Reports | Taking::Dropped => {
                    session.with_library(|library| library.held_reports()).unwrap_or_default()
                }
            };
            let mut added = Vec::new();
            let total = files.len();
            for (index, file) in files.iter().enumerate() {
                self.lines.reading.set(Some((index + 1, total)));
                // The progress line is drawn, and clicks and typing answered, between files.
                next_task().await;
                let name = file.name();
                let bytes = read(file, max_bytes(taking)).await;
                let outcome = match bytes {
                    Err(error) => refused(lang, &name, Intake::Refused(error)),
                    Ok(bytes) if taking == Taking::Backups => restore(session, self.org, lang, &name, &bytes).await,
                    Ok(bytes) => match take_report(session, lang, &name, &bytes, &mut held, &mut added) {
                        // A dropped file that is no report may be a backup.
                        Err(_) if taking == Taking::Dropped => restore(session, self.org, lang, &name, &bytes).await,
                        Err(intake) => refused(lang, &name, intake),
                        Ok(outcome) => outcome,
                    },
                };
                self.lines.outcomes.update(|outcomes| outcomes.push(outcome));
            }
            self.lines.reading.set(None);
            session.library_changed();
            self.finished.update(|n| *n += 1);
            // One report chosen and added opens in the editor, as a single import always has.
            if let ([id], 1) = (added.as_slice(), total) {
                let _ = session.open_stored(id);
            }
        });
    }
}

fn max_bytes(taking: Taking) -> usize {
    match taking {
        Taking::Reports => MAX_REPORT_FILE_BYTES,
        Taking::Backups | Taking::Dropped => MAX_BACKUP_BYTES_WITH_PHOTOS.max(MAX_REPORT_FILE_BYTES),
    }
}

fn refused(lang: Language, name: &str, intake: Intake) -> Outcome {
    Outcome { text: intake.message(lang, name), refused: true }
}

/// A report file, classified against the drafts `held`: added (a newer version in place of the
/// older, which goes to the trash) or skipped, said in its outcome line; a file that is not a
/// report at all is handed back as its refusal.
fn take_report(
    session: Session,
    lang: Language,
    name: &str,
    bytes: &[u8],
    held: &mut Vec<HeldReport>,
    added: &mut Vec<String>,
) -> Result<Outcome, Intake> {
    let (intake, document) = classify_file(bytes, held.iter());
    if intake == Intake::Refused(ReadError::NotAReport) {
        return Err(intake);
    }
    let Some(document) = document else {
        let refused = matches!(intake, Intake::Refused(_));
        return Ok(Outcome { text: intake.message(lang, name), refused });
    };
    let report = HeldReport::of("", &document);
    let id = match session.add_document(document) {
        Ok(id) => id,
        Err(error) => {
            let text = i18n::format(lang, Msg::IntakeFile, &[("file", name), ("message", &error.reason(lang))]);
            return Ok(Outcome { text, refused: true });
        }
    };
    if let Intake::Newer { replaces } = &intake {
        let _ = session.delete(replaces);
        held.retain(|report| &report.key != replaces);
    }
    held.push(HeldReport { key: id.clone(), ..report });
    added.push(id);
    Ok(Outcome { text: intake.message(lang, name), refused: false })
}

/// A backup (or one report) restored into the drafts, its photos stored, said in one line.
async fn restore(session: Session, org: OrgProfile, lang: Language, name: &str, bytes: &[u8]) -> Outcome {
    let now = js_sys::Date::now();
    let result = session.change_library(|library| restore_backup(library, bytes, now, new_draft_id));
    let (mut text, photos, received, profile, mut in_part) = match result {
        Some(Ok(restored)) => (restored.message(lang), restored.photos, restored.received, restored.profile, false),
        Some(Err(RestoreError::Read(error))) => return refused(lang, name, Intake::Refused(error)),
        Some(Err(RestoreError::Store { restored, error })) => {
            let said = error.restore_stopped(lang, restored.added);
            (said, restored.photos, restored.received, restored.profile, true)
        }
        None => return refused(lang, name, Intake::Refused(ReadError::NotAReport)),
    };
    // The organisation profile: taken whole by a browser without one, else its new templates.
    if let Some(said) = match profile {
        Some(profile) => org.restore(&profile, lang).await,
        None => None,
    } {
        text = format!("{text} {said}");
    }
    // The restored drafts' photos go to the photo store, each owned by its draft.
    let failed = if photos.is_empty() { 0 } else { crate::ui::photos::store_restored(photos).await };
    if failed > 0 {
        text = format!("{text} {}", i18n::plural(lang, Msg::PhotosNotCopied, failed as u64, &[]));
        in_part = true;
    }
    // The Summary's received reports go to the archive, each classified as "Add reports" does.
    if !received.is_empty() {
        let (said, any_refused) = crate::ui::archive::restore(received, lang).await;
        text = format!("{text} {said}");
        in_part |= any_refused;
    }
    Outcome { text: i18n::format(lang, Msg::IntakeFile, &[("file", name), ("message", &text)]), refused: in_part }
}

/// The file's bytes, unless it is larger than `max_bytes` (then not read at all).
pub async fn read(file: &web_sys::File, max_bytes: usize) -> Result<Vec<u8>, ReadError> {
    if file.size() > max_bytes as f64 {
        return Err(ReadError::TooLarge { bytes: file.size() as usize });
    }
    match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
        Err(_) => Err(ReadError::NotAReport),
    }
}

/// Resolves on the next task: what waits to be drawn or answered runs first.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The files of a file list, in order.
pub fn file_list(list: web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The progress line while files are read, and the list of what became of each.
#[component]
pub fn BatchStatus(lines: BatchLines) -> impl IntoView {
    let i18n = use_i18n();
    let progress = move || {
        lines
            .reading
            .get()
            .map(|(n, total)| i18n.format(Msg::IntakeReading, &[("n", &n.to_string()), ("total", &total.to_string())]))
    };
    view! {
        <div class="file-batch">
            <p class="file-batch__progress" aria-live="polite">{progress}</p>
            {move || {
                let outcomes = lines.outcomes.get();
                (!outcomes.is_empty()).then(|| view! {
                    <ul class="file-batch__outcomes" aria-label=i18n.text(Msg::IntakeListLabel)>
                        {outcomes.into_iter().map(|outcome| {
                            let class = if outcome.refused { "outcome outcome--refused" } else { "outcome" };
                            view! { <li class=class>{outcome.text}</li> }
                        }).collect_view()}
                    </ul>
                })
            }}
        </div>
    }
}

/// [`BatchStatus`] of the app's batch: Import report, Restore and dropped files.
#[component]
pub fn FileBatchStatus() -> impl IntoView {
    let batch = expect_context::<FileBatch>();
    view! { <BatchStatus lines=batch.lines /> }
}

/// Hands over the files of a file input's change event, and empties it so the same files can be
/// chosen again.
pub fn chosen_files(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
        return Vec::new();
    };
    let files = input.files().map(file_list).unwrap_or_default();
    input.set_value("");
    files
}
