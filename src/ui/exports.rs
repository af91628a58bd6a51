//! The report leaves the browser: Export HTML, Export Word, Print, Export JSON, Import report,
//! Email, Share.
//!
//! Everything the files contain comes from the pure core (`export`, `document`); this module
//! only hands bytes to the browser. The files are made by the export worker (`export_worker`),
//! loaded the first time one is needed, so the writers are not part of the first load.

use crate::core::document::{write_document, Document};
use crate::core::export::jobs::{DOCX, DOCX_MIME, JSON, PRINTABLE, REPORT_FILE};
use crate::core::export::{email_summary, file_name};
use crate::core::i18n::Msg;
use crate::core::photos::{missing_photos, PhotoData};
use crate::core::report::Report;
use crate::ui::button::button;
use crate::ui::choose_file::ChooseFiles;
use crate::ui::export_worker;
use crate::ui::file_batch::{FileBatch, FileBatchStatus, Taking};
use crate::ui::i18n::use_i18n;
use crate::ui::own_templates::SaveAsTemplate;
use crate::ui::photos::photo_data;
use crate::ui::profile::OrgProfile;
use crate::ui::session::Session;
use crate::ui::timing::measured_async;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

mod progress;
use progress::Made;
pub use progress::{ExportProgress, ExportStatus};

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
async fn html_file(
    session: Session,
    report: &Report,
    photos: PhotoData,
    letterhead: Option<String>,
) -> Result<OutFile, String> {
    let (document, carry) = draft_document(session, photos);
    let page = measured_async("export-html", export_worker::make(REPORT_FILE, document, carry, letterhead)).await?;
    Ok(OutFile { name: file_name(report, "html"), mime: "text/html;charset=utf-8", body: page.into() })
}

/// The open draft's document with `photos` embedded, as this version writes it; and, for a draft
/// written by a newer version of Taqrir, its text exactly as stored, which is what its files
/// carry: writing it again here would turn it into this version's format and lose what this
/// version does not know.
fn draft_document(session: Session, photos: PhotoData) -> (String, Option<String>) {
    let stored = session.read_only().get_untracked().and_then(|_| session.stored_text());
    let mut document = session.document_untracked();
    document.photos = photos;
    (write_document(&document), stored)
}

/// `report` with `photos` as a document, for the export worker.
fn document_of(report: Report, photos: PhotoData) -> String {
    write_document(&Document { photos, ..Document::new(report) })
}

/// The printable page of `report` with `photos` on `letterhead`, as Print and Preview show it.
pub async fn printable_html(report: Report, photos: PhotoData, letterhead: Option<String>) -> Result<String, String> {
    made_text(PRINTABLE, document_of(report, photos), letterhead).await
}

/// The printable page of `document`, a report as a JSON document with its photos embedded (a
/// received report: not on this organisation's letterhead).
pub async fn printable_page(document: String) -> Result<String, String> {
    made_text(PRINTABLE, document, None).await
}

/// The report as a Word document. The worker reads this version's document, so a newer
/// version's draft goes as it is shown.
async fn word_file(report: Report, photos: PhotoData, letterhead: Option<String>) -> Result<OutFile, String> {
    let name = file_name(&report, "docx");
    let made =
        measured_async("export-word", export_worker::make(DOCX, document_of(report, photos), None, letterhead)).await?;
    Ok(OutFile { name, mime: DOCX_MIME, body: made.into() })
}

/// Downloads the open draft as a JSON file, its photos embedded ("Export JSON", and "Download
/// JSON" while saving fails).
pub fn download_json(session: Session, progress: ExportProgress) {
    with_photos(session, progress, move |report, photos| {
        let name = file_name(&report, "json");
        let (document, stored) = draft_document(session, photos);
        progress.make(Made::File, async move {
            let text = match stored {
                Some(stored) => stored,
                None => made_text(JSON, document, None).await?,
            };
            download(&OutFile::text(name, "application/json", &text));
            Ok(())
        });
    });
}

pub async fn made_text(kind: &str, document: String, letterhead: Option<String>) -> Result<String, String> {
    let bytes = export_worker::make(kind, document, None, letterhead).await?;
    String::from_utf8(bytes.to_vec()).map_err(|error| error.to_string())
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

fn no_download() -> String {
    "the browser did not start the download".to_owned()
}

fn no_print() -> String {
    "the print frame could not be made".to_owned()
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

/// Prints the open report — its printable page on the organisation's letterhead, not the editor
/// — once `confirm_export` agrees (it asks about open problems): the Print button and Ctrl+P.
pub fn print_report(
    session: Session,
    progress: ExportProgress,
    org: OrgProfile,
    confirm_export: impl FnOnce() -> bool,
) {
    if confirm_export() {
        with_photos(session, progress, move |report, photos| {
            progress.make(Made::File, async move {
                let letterhead = org.letterhead(report.language);
                print_page(&printable_html(report, photos, letterhead).await?).ok_or_else(no_print)
            });
        });
    }
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
    /// Put first in the bar: the screen's own buttons (Sections, Preview).
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let batch = expect_context::<FileBatch>();
    let progress = expect_context::<ExportProgress>();
    // Pages and Word files are on the organisation's letterhead, in the report's language.
    let org = expect_context::<OrgProfile>();
    let sharing = can_share_files();

    // Photos are read from the browser's photo store before a file is made.
    let export_html = move |_| {
        if confirm_export.run(()) {
            with_photos(session, progress, move |report, photos| {
                progress.make(Made::File, async move {
                    let letterhead = org.letterhead(report.language);
                    download(&html_file(session, &report, photos, letterhead).await?).ok_or_else(no_download)
                });
            });
        }
    };
    let export_word = move |_| {
        if confirm_export.run(()) {
            with_photos(session, progress, move |report, photos| {
                progress.make(Made::Word, async move {
                    let letterhead = org.letterhead(report.language);
                    download(&word_file(report, photos, letterhead).await?).ok_or_else(no_download)
                });
            });
        }
    };
    let export_json = move |_| {
        if confirm_export.run(()) {
            download_json(session, progress);
        }
    };
    let print = move |_| print_report(session, progress, org, move || confirm_export.run(()));
    // The address is written when the link is about to be used (focus or pointer down), not
    // on every keystroke.
    let email_href = RwSignal::new(String::from("mailto:"));
    let refresh_email = move || email_href.set(mailto(&session.report().read_untracked()));
    let share = move |_| {
        if confirm_export.run(()) {
            // The page carries the report's data; the Word file goes with it for editing.
            with_photos(session, progress, move |report, photos| {
                progress.make(Made::File, async move {
                    let letterhead = org.letterhead(report.language);
                    let html = html_file(session, &report, photos.clone(), letterhead.clone()).await?;
                    // Both come from the export worker; the Word file is made once the page is.
                    let word = word_file(report.clone(), photos, letterhead).await?;
                    share_files(&[html, word], &report.title).ok_or_else(|| "the browser did not share".to_owned())
                });
            });
        }
    };
    let on_import = move |files| batch.take(session, i18n.language(), files, Taking::Reports);
    let save_as_template = SaveAsTemplate::new();

    // On a phone the bar at the foot of the screen holds the first buttons; the others open
    // above it ("More actions") and close once one is used.
    let more_open = RwSignal::new(false);
    view! {
        <nav
            class="report-actions"
            aria-label=i18n.text(Msg::ReportActions)
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    more_open.set(false);
                }
            }
        >
            <div class="report-actions__bar">
                {children()}
                {button("button button--primary", Msg::ExportHtml, export_html)}
                <button
                    type="button"
                    class="button report-actions__more-toggle"
                    aria-expanded=move || more_open.get().to_string()
                    aria-controls="report-actions-more"
                    on:click=move |_| more_open.update(|open| *open = !*open)
                >
                    {i18n.text(Msg::MoreActions)}
                </button>
                <div
                    id="report-actions-more"
                    class="report-actions__more"
                    class:report-actions__more--open=move || more_open.get()
                    on:click=move |_| more_open.set(false)
                >
                    {button("button", Msg::ExportWord, export_word)}
                    {button("button", Msg::Print, print)}
                    {button("button", Msg::ExportJson, export_json)}
                    <ChooseFiles
                        label=Msg::ImportReport
                        accept=".json,.html,.htm,application/json,text/html"
                        on_chosen=on_import
                    />
                    <a
                        class="button report-actions__email"
                        href=move || email_href.get()
                        aria-describedby="email-hint"
                        on:focus=move |_| refresh_email()
                        on:pointerdown=move |_| refresh_email()
                    >
                        {i18n.text(Msg::Email)}
                    </a>
                    {sharing.then(|| view! {
                        {button("button", Msg::Share, share)}
                    })}
                    {save_as_template.button()}
                    // Shown when the Email link is about to be used, and in the phone's panel.
                    <p class="report-actions__hint" id="email-hint">{i18n.text(Msg::EmailHint)}</p>
                </div>
            </div>
            {save_as_template.form()}
            <ExportStatus />
            <FileBatchStatus />
        </nav>
    }
}
