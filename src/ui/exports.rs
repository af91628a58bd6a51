//! The report leaves the browser: Export HTML, Export Word, Print, Export JSON, Import report,
//! Email, Share.
//!
//! Everything the files contain comes from the pure core (`export`, `document`); this module
//! only hands bytes to the browser. The Word file is made by the export worker (`export_worker`),
//! loaded the first time it is needed.

use crate::core::document::{write_document, write_document_pretty, Document};
use crate::core::export::jobs::{DOCX, DOCX_MIME};
use crate::core::export::{email_summary, file_name, report_file_html, report_html_with_photos};
use crate::core::i18n::Msg;
use crate::core::photos::{missing_photos, PhotoData};
use crate::core::report::Report;
use crate::ui::button::button;
use crate::ui::choose_file::ChooseFiles;
use crate::ui::export_worker;
use crate::ui::file_batch::{FileBatch, FileBatchStatus, Taking};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::photos::photo_data;
use crate::ui::session::Session;
use crate::ui::timing::measured;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// A file ready to download or share.
pub struct OutFile {
    pub name: String,
    pub mime: &'static str,
    /// A string or a `Uint8Array`: what a `Blob` is made of.
    body: JsValue,
}

impl OutFile {
    pub fn text(name: String, mime: &'static str, text: &str) -> Self {
        OutFile { name, mime, body: JsValue::from_str(text) }
    }
}

/// The printable page, carrying the report's document (photos included) so that this one file
/// can be imported again.
fn html_file(session: Session, report: &Report, photos: PhotoData) -> OutFile {
    let text = measured("export-html", || {
        let document = document_text(session, &photos, write_document).unwrap_or_default();
        report_file_html(report, &photos, &document)
    });
    OutFile::text(file_name(report, "html"), "text/html;charset=utf-8", &text)
}

/// The open draft's document with `photos` embedded, written by `write`. A draft written by a
/// newer version of Taqrir is given exactly as it is stored: writing it again here would turn it
/// into this version's format and lose what this version does not know.
fn document_text(session: Session, photos: &PhotoData, write: fn(&Document) -> String) -> Option<String> {
    if session.read_only().get_untracked().is_some() {
        return session.stored_text();
    }
    let mut document = session.document_untracked();
    document.photos = photos.clone();
    Some(write(&document))
}

/// The report as a Word document, made by the export worker ("Preparing the Word file…" meanwhile).
/// The worker reads this version's document, so a newer version's draft goes as it is shown.
async fn word_file(report: Report, photos: PhotoData, progress: ExportProgress) -> Result<OutFile, String> {
    let name = file_name(&report, "docx");
    let document = write_document(&Document { photos, ..Document::new(report) });
    progress.making.update(|n| *n += 1);
    let made = export_worker::make(DOCX, document).await;
    progress.making.update(|n| *n -= 1);
    Ok(OutFile { name, mime: DOCX_MIME, body: made?.into() })
}

/// Downloads the open draft as a JSON file, its photos embedded ("Export JSON", and "Download
/// JSON" while saving fails).
pub fn download_json(session: Session, progress: ExportProgress) {
    with_photos(session, progress, move |_, photos| {
        if let Some(file) = json_file_with_photos(session, photos) {
            download(&file);
        }
    });
}

/// The open draft as a JSON file with `photos` embedded.
fn json_file_with_photos(session: Session, photos: PhotoData) -> Option<OutFile> {
    let text = document_text(session, &photos, write_document_pretty)?;
    let name = session.report().with_untracked(|report| file_name(report, "json"));
    Some(OutFile::text(name, "application/json", &text))
}

/// How an export is going, for the person: waiting for photos still being stored, and which
/// photos the last file was made without.
#[derive(Clone, Copy)]
pub struct ExportProgress {
    /// Exports waiting for photos to be stored.
    pub waiting: RwSignal<usize>,
    /// Files being made by the export worker (loading it, the first time).
    making: RwSignal<usize>,
    /// The photos the last export could not include, in words.
    pub left_out: RwSignal<Vec<String>>,
    i18n: I18n,
}

impl ExportProgress {
    pub fn provide() -> Self {
        let progress = ExportProgress {
            waiting: RwSignal::new(0),
            making: RwSignal::new(0),
            left_out: RwSignal::new(Vec::new()),
            i18n: use_i18n(),
        };
        provide_context(progress);
        progress
    }

    /// Runs `work` once no photo is being copied any more, showing "Preparing…" meanwhile.
    pub async fn after_photos_are_stored<T>(self, work: impl std::future::Future<Output = T>) -> T {
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
                    Some(i18n.t(Msg::ExportPreparing))
                } else {
                    (progress.making.get() > 0).then(|| i18n.t(Msg::ExportPreparingWord))
                }
            }}
        </p>
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

/// Runs `make` with the open report and its photos as `data:` URLs. A report without photos is
/// handled at once, within the click (sharing needs that). Otherwise the export waits until the
/// photos being copied into the draft are stored, then reads them; any it still lacks are named.
fn with_photos(session: Session, progress: ExportProgress, make: impl FnOnce(Report, PhotoData) + 'static) {
    with_photos_boxed(session, progress, Box::new(make));
}

fn with_photos_boxed(session: Session, progress: ExportProgress, make: Box<dyn FnOnce(Report, PhotoData)>) {
    progress.left_out.set(Vec::new());
    let report = session.report().read_untracked().clone();
    if report.photos().next().is_none() {
        make(report, PhotoData::new());
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let photos = progress.after_photos_are_stored(photo_data(&report)).await;
        progress.left_out.set(missing_photos(&report, &photos, progress.i18n.language()));
        make(report, photos);
    });
}

fn blob(file: &OutFile) -> Option<web_sys::Blob> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(file.mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&js_sys::Array::of1(&file.body), &options).ok()
}

/// Starts a download of `file` through a temporary link.
pub fn download(file: &OutFile) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob(file)?).ok()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(&file.name);
    link.click();
    // Give the browser time to start the download before the URL goes away.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Some(())
}

/// Shows a printable page (a report, the summary) in a hidden frame and opens the print dialog
/// for it.
pub fn print_page(html: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    if let Some(old) = document.get_element_by_id("print-frame") {
        old.remove();
    }
    let frame: web_sys::HtmlIFrameElement = document.create_element("iframe").ok()?.dyn_into().ok()?;
    frame.set_id("print-frame");
    frame.set_title("Printable report");
    frame.set_attribute("aria-hidden", "true").ok()?;
    frame.set_srcdoc(html);
    let loaded = frame.clone();
    let on_load = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if let Some(window) = loaded.content_window() {
            let _ = window.print();
        }
    });
    frame.set_onload(Some(on_load.as_ref().unchecked_ref()));
    on_load.forget();
    document.body()?.append_child(&frame).ok()?;
    Some(())
}

fn mailto(report: &Report) -> String {
    let (subject, body) = email_summary(report);
    format!("mailto:?subject={}&body={}", js_sys::encode_uri_component(&subject), js_sys::encode_uri_component(&body))
}

/// `navigator.share` with files, where the browser has it (phones, mostly).
fn share_files(files: &[OutFile], title: &str) -> Option<()> {
    let navigator = web_sys::window()?.navigator();
    let list = js_sys::Array::new();
    for file in files {
        let bag = web_sys::FilePropertyBag::new();
        bag.set_type(file.mime);
        let parts = js_sys::Array::of1(&file.body);
        let shared = web_sys::File::new_with_u8_array_sequence_and_options(&parts, &file.name, &bag).ok()?;
        list.push(&shared);
    }
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"files".into(), &list).ok()?;
    js_sys::Reflect::set(&data, &"title".into(), &title.into()).ok()?;
    let share: js_sys::Function = js_sys::Reflect::get(&navigator, &"share".into()).ok()?.dyn_into().ok()?;
    // The promise rejects when the person cancels; nothing to do then.
    let _ = share.call1(&navigator, &data);
    Some(())
}

fn can_share_files() -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return false };
    let Ok(can_share) = js_sys::Reflect::get(&navigator, &"canShare".into()) else { return false };
    let Ok(can_share) = can_share.dyn_into::<js_sys::Function>() else { return false };
    let Ok(probe) = web_sys::File::new_with_str_sequence(&js_sys::Array::of1(&"x".into()), "probe.html") else {
        return false;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(&probe));
    can_share.call1(&navigator, &data).map(|v| v.is_truthy()).unwrap_or(false)
}

#[component]
pub fn ReportActions(
    /// Asked before a file leaves with open problems; `true` to go ahead.
    #[prop(into)]
    confirm_export: Callback<(), bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let batch = expect_context::<FileBatch>();
    let word_error = RwSignal::new(None::<&'static str>);
    let progress = expect_context::<ExportProgress>();
    let sharing = can_share_files();

    // Photos are read from the browser's photo store before a file is made.
    let export_html = move |_| {
        if confirm_export.run(()) {
            with_photos(session, progress, move |report, photos| {
                download(&html_file(session, &report, photos));
            });
        }
    };
    let export_word = move |_| {
        if confirm_export.run(()) {
            with_photos(session, progress, move |report, photos| {
                wasm_bindgen_futures::spawn_local(async move {
                    match word_file(report, photos, progress).await {
                        Ok(file) => {
                            word_error.set(None);
                            download(&file);
                        }
                        Err(error) => {
                            web_sys::console::warn_1(&error.into());
                            word_error.set(Some(i18n.t(Msg::ExportWordFailed)));
                        }
                    }
                });
            });
        }
    };
    let export_json = move |_| {
        if confirm_export.run(()) {
            download_json(session, progress);
        }
    };
    let print_report = move |_| {
        if confirm_export.run(()) {
            with_photos(session, progress, |report, photos| {
                print_page(&report_html_with_photos(&report, &photos));
            });
        }
    };
    // The address is written when the link is about to be used (focus or pointer down), not
    // on every keystroke.
    let email_href = RwSignal::new(String::from("mailto:"));
    let refresh_email = move || email_href.set(mailto(&session.report().read_untracked()));
    let share = move |_| {
        if confirm_export.run(()) {
            // The page carries the report's data; the Word file goes with it for editing.
            with_photos(session, progress, move |report, photos| {
                let html = html_file(session, &report, photos.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    // Without the Word file (its module did not load) the page still goes.
                    let word = word_file(report.clone(), photos, progress).await.ok();
                    let files: Vec<OutFile> = [Some(html), word].into_iter().flatten().collect();
                    share_files(&files, &report.title);
                });
            });
        }
    };
    let on_import = move |files| batch.take(session, i18n.language(), files, Taking::Reports);

    view! {
        <nav class="report-actions" aria-label=i18n.text(Msg::ReportActions)>
            <div class="report-actions__buttons">
                {button("button button--primary", Msg::ExportHtml, export_html)}
                {button("button", Msg::ExportWord, export_word)}
                {button("button", Msg::Print, print_report)}
                {button("button", Msg::ExportJson, export_json)}
                <ChooseFiles
                    label=Msg::ImportReport
                    accept=".json,.html,.htm,application/json,text/html"
                    on_chosen=on_import
                />
                <a
                    class="button"
                    href=move || email_href.get()
                    on:focus=move |_| refresh_email()
                    on:pointerdown=move |_| refresh_email()
                >
                    {i18n.text(Msg::Email)}
                </a>
                {sharing.then(|| view! {
                    {button("button", Msg::Share, share)}
                })}
            </div>
            <p class="report-actions__hint">{i18n.text(Msg::EmailHint)}</p>
            <ExportStatus />
            <FileBatchStatus />
            {move || word_error.get().map(|message| view! {
                <div class="notice notice--error" role="alert">{message}</div>
            })}
        </nav>
    }
}
