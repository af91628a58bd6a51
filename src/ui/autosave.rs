//! Autosave: every change schedules a save; hiding or closing the tab writes at once; changes
//! saved by another tab are followed.

use crate::core::drafts::DRAFT_KEY_PREFIX;
use crate::ui::session::{SaveStatus, Session};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub fn install(session: Session) {
    // Tracks the whole store but only (re)starts a timer: serialising waits for the pause.
    Effect::new(move |previous: Option<()>| {
        session.report().track();
        if previous.is_some() {
            session.edited();
        }
    });

    let flush = move || session.flush();
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        let on_visibility = Closure::<dyn Fn()>::new(move || {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
            if hidden {
                flush();
            }
        });
        let _ = document.add_event_listener_with_callback("visibilitychange", on_visibility.as_ref().unchecked_ref());
        // Lives as long as the page.
        on_visibility.forget();
    }
    let _ = window_event_listener_untyped("pagehide", move |_| flush());

    // Another tab saved: follow it, or show the conflict (see `Session::storage_changed_elsewhere`).
    // Drafts are written before the index, so a draft's own change waits for the index's.
    let _ = window_event_listener(leptos::ev::storage, move |event| {
        if !event.key().is_some_and(|key| key.starts_with(DRAFT_KEY_PREFIX)) {
            session.storage_changed_elsewhere();
        }
    });

    // While saving fails, closing the tab would lose what is only on screen: ask first.
    let _ = window_event_listener_untyped("beforeunload", move |event| {
        session.flush();
        if matches!(session.status().get_untracked(), SaveStatus::Failed(_) | SaveStatus::Conflict) {
            event.prevent_default();
            if let Some(event) = event.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                event.set_return_value("unsaved");
            }
        }
    });
}
