//! The export worker: a second WebAssembly module, built by trunk from this binary
//! (`<link data-trunk rel="rust" data-bin="exporter" data-type="worker" …>` in index.html) and
//! started by the app only when an export needs it (src/ui/export_worker.rs), so the first load
//! does not carry the writers: the printable page, the report file, the indented JSON, Word, and the Summary's printable page and CSV. `tools/finish_build.py` names its files by their content and
//! tells the page where its loader is (`<meta name="taqrir-exporter" content="./exporter-….js">`).
//!
//! Protocol: `postMessage`, one reply per request, replies in any order.
//!
//! ```text
//! ready    { ready: true }             sent once by the worker when it can take requests; requests
//!                                      posted before it would be lost, so the app holds them until then
//! request  { id: number, kind: string, document: string, carry?: string, letterhead?: string }
//!            kind      what to make: "docx", "printable", "report-file", "json", "summary-html",
//!                      "summary-csv" (the kinds are in core::export::jobs)
//!            document  the report as a JSON document (docs/json-format.md), photos embedded; for
//!                      the summary's kinds, a core::export::jobs::SummaryRequest as JSON
//!            carry     for "report-file": the document the page carries, when not `document`
//!            letterhead  the organisation's letterhead as JSON (core::export::letterhead), for
//!                      pages and Word files; none when left out
//! reply    { id, bytes: Uint8Array }   the file; its buffer is transferred
//!      or  { id, error: string }       why not, in English, for the console (the app says it in words)
//! ```
//!
//! To add a kind of file: an arm in `core::export::jobs::run` (tested natively) and a caller in
//! the app; this file does not change.

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use taqrir::core::export::jobs;
    use taqrir::core::export::letterhead::Letterhead;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    pub fn start() {
        console_error_panic_hook::set_once();
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply_to = scope.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let request = event.data();
            let field = |name: &str| Reflect::get(&request, &name.into()).unwrap_or(JsValue::UNDEFINED);
            let (id, kind, document) = (field("id"), field("kind").as_string(), field("document").as_string());
            let carry = field("carry").as_string();
            let letterhead =
                field("letterhead").as_string().map(|json| Letterhead::from_json(&json)).unwrap_or_default();
            let reply = Object::new();
            let _ = Reflect::set(&reply, &"id".into(), &id);
            let transfer = Array::new();
            match (kind, document) {
                (Some(kind), Some(document)) => match jobs::run(&kind, &document, carry.as_deref(), &letterhead) {
                    Ok(bytes) => {
                        let bytes = Uint8Array::from(bytes.as_slice());
                        transfer.push(&bytes.buffer());
                        let _ = Reflect::set(&reply, &"bytes".into(), &bytes);
                    }
                    Err(error) => {
                        let _ = Reflect::set(&reply, &"error".into(), &error.to_string().into());
                    }
                },
                _ => {
                    let _ = Reflect::set(&reply, &"error".into(), &"a request needs a kind and a document".into());
                }
            }
            let _ = reply_to.post_message_with_transfer(&reply, &transfer);
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The worker lives as long as the page keeps it; so does its handler.
        on_message.forget();
        let ready = Object::new();
        let _ = Reflect::set(&ready, &"ready".into(), &true.into());
        let _ = scope.post_message(&ready);
    }
}
