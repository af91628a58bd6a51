//! The app's side of the export worker (src/bin/exporter.rs, where its protocol is described):
//! started on the first export that needs it, then kept for the session. Its files are named by
//! content; the page's `<meta name="taqrir-exporter">` says where its loader is.

use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// Each request waiting for its reply: how to resolve or reject its promise.
type Pending = Rc<RefCell<HashMap<u32, (Function, Function)>>>;

struct Connection {
    worker: Worker,
    pending: Pending,
    /// Requests made before the worker said it is ready; `None` once it has.
    held: Rc<RefCell<Option<Vec<JsValue>>>>,
    next_id: u32,
    /// Set when the worker could not load or failed: the next request starts a new one.
    broken: Rc<Cell<bool>>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

thread_local! {
    static CONNECTION: RefCell<Option<Connection>> = const { RefCell::new(None) };
}

/// The file of `kind` (see `core::export::jobs`) made from `document`, a report as JSON with its
/// photos embedded (a report file carries `carry` instead, when given), on the organisation's
/// `letterhead` (as JSON) when given; an error in English (for the console) when the worker
/// cannot make it.
pub async fn make(
    kind: &str,
    document: String,
    carry: Option<String>,
    letterhead: Option<String>,
) -> Result<Uint8Array, String> {
    let promise = CONNECTION.with(|cell| -> Result<Promise, String> {
        let mut slot = cell.borrow_mut();
        started(&mut slot)?;
        let connection = slot.as_mut().ok_or("no export worker")?;
        let id = connection.next_id;
        connection.next_id += 1;
        let pending = connection.pending.clone();
        let promise = Promise::new(&mut |resolve, reject| {
            pending.borrow_mut().insert(id, (resolve, reject));
        });
        let request = Object::new();
        let set = |name: &str, value: &JsValue| Reflect::set(&request, &name.into(), value).map(|_| ());
        set("id", &id.into()).and(set("kind", &kind.into())).and(set("document", &document.into())).map_err(text)?;
        if let Some(carry) = &carry {
            set("carry", &carry.into()).map_err(text)?;
        }
        if let Some(letterhead) = &letterhead {
            set("letterhead", &letterhead.into()).map_err(text)?;
        }
        if let Some(held) = connection.held.borrow_mut().as_mut() {
            held.push(request.into());
        } else {
            connection.worker.post_message(&request).map_err(text)?;
        }
        Ok(promise)
    })?;
    let reply = JsFuture::from(promise).await.map_err(text)?;
    reply.dyn_into::<Uint8Array>().map_err(text)
}

/// Starts the export worker unless it is running (or starting): a screen whose buttons will need
/// it soon (the Summary) has it loaded before the first click.
pub fn start() {
    CONNECTION.with(|cell| {
        let _ = started(&mut cell.borrow_mut());
    });
}

fn started(slot: &mut Option<Connection>) -> Result<(), String> {
    if slot.as_ref().is_none_or(|c| c.broken.get()) {
        if let Some(old) = slot.take() {
            old.worker.terminate();
        }
        *slot = Some(connect()?);
    }
    Ok(())
}

/// Whether the export worker is loaded and ready: a file asked of it now is made without waiting
/// for anything to load.
pub fn is_running() -> bool {
    CONNECTION.with(|cell| {
        cell.borrow().as_ref().is_some_and(|connection| !connection.broken.get() && connection.held.borrow().is_none())
    })
}

fn connect() -> Result<Connection, String> {
    let url = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=\"taqrir-exporter\"]").ok().flatten())
        .and_then(|meta| meta.get_attribute("content"))
        .ok_or("the page does not say where the export worker is")?;
    let worker = Worker::new(&url).map_err(text)?;
    let pending: Pending = Rc::default();
    let broken = Rc::new(Cell::new(false));
    let held: Rc<RefCell<Option<Vec<JsValue>>>> = Rc::new(RefCell::new(Some(Vec::new())));
    let (replies, waiting, sender) = (pending.clone(), held.clone(), worker.clone());
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let reply = event.data();
        let field = |name: &str| Reflect::get(&reply, &name.into()).unwrap_or(JsValue::UNDEFINED);
        if field("ready").is_truthy() {
            for request in waiting.borrow_mut().take().unwrap_or_default() {
                let _ = sender.post_message(&request);
            }
            return;
        }
        let Some(id) = field("id").as_f64() else { return };
        let Some((resolve, reject)) = replies.borrow_mut().remove(&(id as u32)) else { return };
        let _ = match field("error") {
            error if error.is_undefined() => resolve.call1(&JsValue::NULL, &field("bytes")),
            error => reject.call1(&JsValue::NULL, &error),
        };
    });
    // Not loaded (offline before it was ever cached, a missing file) or crashed: every waiting
    // request fails, and the next one tries a new worker.
    let (failed, is_broken) = (pending.clone(), broken.clone());
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
        is_broken.set(true);
        for (_, (_, reject)) in failed.borrow_mut().drain() {
            let _ = reject.call1(&JsValue::NULL, &"the export worker did not load".into());
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Connection { worker, pending, held, next_id: 0, broken, _on_message: on_message, _on_error: on_error })
}

fn text(error: JsValue) -> String {
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}
