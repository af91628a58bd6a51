//! The Summary's place in the app. The screen itself (`ui::summary`) is a module of its own,
//! built by trunk from src/bin/summary.rs and loaded into the page the first time the Summary
//! opens, so the app's first load does not carry it. `tools/finish_build.py` names its files by
//! content, makes its script start it, and tells the page where it is
//! (`<meta name="taqrir-summary" content="./summary-….js">`).
//!
//! Protocol: the module and the app share the page, and talk through it.
//!
//! ```text
//! host      <div id="summary-host">, drawn by the app; its property `taqrirDrafts` holds the
//!           drafts the Summary covers: an array of [draft id, document text]
//! mount     the module mounts into the host when it starts, and again on each `taqrir-summary-mount`
//!           event on the document (the Summary opened again)
//! failed    `taqrir-summary-failed` on the window: the module's WebAssembly did not load; the
//!           script's `taqrirSummaryStart()` tries again
//! open      the module dispatches `taqrir-open-draft` { id } (bubbling, from the host): the app opens
//!           that draft in the editor, or sets the detail's `error` to why not, in words
//! copy      `taqrir-copy-to-drafts` { document }: the app opens a copy of that report as a new draft
//! ```

use crate::core::document::read_document;
use crate::core::i18n::Msg;
use crate::ui::button::button;
use crate::ui::i18n::use_i18n;
use crate::ui::session::Session;
use js_sys::{Array, Function, Reflect};
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The element the module mounts into.
pub const HOST: &str = "summary-host";
/// The host's property with the drafts.
pub const DRAFTS: &str = "taqrirDrafts";
/// The event that asks the module to mount again.
pub const MOUNT: &str = "taqrir-summary-mount";
/// The event that asks the app to open a draft.
pub const OPEN_DRAFT: &str = "taqrir-open-draft";
/// The event that asks the app to open a copy of a report as a new draft.
pub const COPY_TO_DRAFTS: &str = "taqrir-copy-to-drafts";
const FAILED: &str = "taqrir-summary-failed";
/// The function the module's script leaves on the window to start it again.
const START_AGAIN: &str = "taqrirSummaryStart";

/// How far the module's loading has come in this page.
#[derive(Clone, Copy, PartialEq)]
enum Module {
    Absent,
    /// Its script is in the page: it has started or is starting.
    Loading,
    /// Its script ran, but its WebAssembly did not load.
    Failed,
}

thread_local! {
    static MODULE: Cell<Module> = const { Cell::new(Module::Absent) };
}

#[component]
pub fn SummaryHost() -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let failed = RwSignal::new(false);
    let listeners = [
        window_event_listener_untyped(OPEN_DRAFT, move |ev| {
            let detail = detail(&ev);
            let id = Reflect::get(&detail, &"id".into()).ok().and_then(|id| id.as_string()).unwrap_or_default();
            if let Err(problem) = session.open_stored(&id) {
                let why = problem.message(i18n.language_untracked());
                let _ = Reflect::set(&detail, &"error".into(), &why.into());
            }
        }),
        window_event_listener_untyped(COPY_TO_DRAFTS, move |ev| {
            let text = Reflect::get(&detail(&ev), &"document".into()).ok().and_then(|d| d.as_string());
            if let Some(Ok(document)) = text.as_deref().map(read_document) {
                session.open_document(document);
            }
        }),
        window_event_listener_untyped(FAILED, move |_| {
            failed.try_set(true);
        }),
    ];
    on_cleanup(move || listeners.into_iter().for_each(|l| l.remove()));

    let host = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(host) = host.get() else { return };
        let _ = Reflect::set(&host, &DRAFTS.into(), &drafts(session));
        if !load(failed) {
            failed.set(true);
        }
    });
    let try_again = move |_| {
        failed.set(false);
        if !load(failed) {
            failed.set(true);
        }
    };
    view! {
        <div id=HOST class="summary-host" node_ref=host></div>
        <Show
            when=move || failed.get()
            // Hidden by the style sheet once the module has drawn the screen into the host.
            fallback=move || view! { <p class="summary-loading" aria-live="polite">{i18n.text(Msg::SummaryLoading)}</p> }
        >
            <div class="notice notice--error summary-failed" role="alert">
                <p>{i18n.text(Msg::SummaryLoadFailed)}</p>
                {button("button", Msg::TryAgain, try_again)}
            </div>
        </Show>
    }
}

/// Every draft not in the trash that can be read, as [id, document text].
fn drafts(session: Session) -> JsValue {
    let drafts = Array::new();
    session.with_library(|library| {
        for draft in library.drafts().iter().filter(|d| d.deleted_ms.is_none() && !d.unreadable) {
            if let Some(text) = library.raw(&draft.id) {
                drafts.push(&Array::of2(&draft.id.as_str().into(), &text.into()));
            }
        }
    });
    drafts.into()
}

fn detail(ev: &web_sys::Event) -> JsValue {
    ev.dyn_ref::<web_sys::CustomEvent>().map(|e| e.detail()).unwrap_or(JsValue::UNDEFINED)
}

/// Loads the module, or has it mount again. False when the page cannot say where it is.
fn load(failed: RwSignal<bool>) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let Some(document) = window.document() else { return false };
    match MODULE.get() {
        Module::Loading => {
            // Started: it mounts now. Still starting: it mounts when it has.
            if let Ok(event) = web_sys::CustomEvent::new(MOUNT) {
                let _ = document.dispatch_event(&event);
            }
            true
        }
        Module::Failed => {
            let again = Reflect::get(&window, &START_AGAIN.into()).ok().and_then(|f| f.dyn_into::<Function>().ok());
            MODULE.set(Module::Loading);
            again.is_some_and(|start| start.call0(&JsValue::NULL).is_ok())
        }
        Module::Absent => {
            let src = document
                .query_selector("meta[name=\"taqrir-summary\"]")
                .ok()
                .flatten()
                .and_then(|meta| meta.get_attribute("content"));
            let script =
                document.create_element("script").ok().and_then(|s| s.dyn_into::<web_sys::HtmlScriptElement>().ok());
            let (Some(src), Some(script), Some(head)) = (src, script, document.head()) else { return false };
            script.set_src(&src);
            // Not fetched (offline before it was ever cached): the next opening tries again.
            let gone = script.clone();
            let on_error = Closure::once_into_js(move || {
                gone.remove();
                MODULE.set(Module::Absent);
                failed.try_set(true);
            });
            script.set_onerror(Some(on_error.unchecked_ref()));
            // For the page's life, whether or not the Summary is still open when it comes.
            let wasm_failed = Closure::<dyn Fn()>::new(|| MODULE.set(Module::Failed));
            let _ = window.add_event_listener_with_callback(FAILED, wasm_failed.as_ref().unchecked_ref());
            wasm_failed.forget();
            MODULE.set(Module::Loading);
            head.append_child(&script).is_ok()
        }
    }
}
