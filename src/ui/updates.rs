//! Offline and updates: registers the service worker, and offers a new version when one has been
//! downloaded in the background. The new version is never swapped in by itself: the person
//! chooses when to reload, and the draft is saved first.

use crate::core::i18n::Msg;
use crate::ui::button::button;
use crate::ui::i18n::use_i18n;
use crate::ui::session::Session;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The service worker API, where the browser offers it (secure contexts only).
fn service_workers() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let has = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    has.then(|| navigator.service_worker())
}

/// Registers `sw.js` and sets `update_ready` when a new version is waiting.
pub fn register(update_ready: RwSignal<bool>) {
    let Some(container) = service_workers() else { return };
    let registration_promise = container.register("./sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(registration_promise).await else {
            return;
        };
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else { return };
        // A version already waiting from an earlier visit.
        if registration.waiting().is_some() && container.controller().is_some() {
            update_ready.set(true);
        }
        let watched = registration.clone();
        let on_update_found = Closure::<dyn Fn()>::new(move || {
            let Some(worker) = watched.installing() else { return };
            let installing = worker.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                let is_update = service_workers().is_some_and(|c| c.controller().is_some());
                if installing.state() == ServiceWorkerState::Installed && is_update {
                    update_ready.set(true);
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
    });
}

/// Saves the draft, lets the waiting version take over, and reloads once it has.
fn apply_update(session: Session) {
    session.flush();
    let Some(container) = service_workers() else { return };
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let Ok(ready) = container.ready() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(ready).await else {
            return;
        };
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else { return };
        match registration.waiting() {
            Some(waiting) => {
                let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
            }
            None => {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            }
        }
    });
}

/// "New version available — reload", shown while a new version waits.
#[component]
pub fn UpdatePrompt(update_ready: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    view! {
        <Show when=move || update_ready.get()>
            <div class="notice notice--info update-prompt" aria-live="polite">
                <span>{i18n.text(Msg::UpdateAvailable)}</span>
                {button("button button--primary", Msg::ReloadToUpdate, move |_| apply_update(session))}
            </div>
        </Show>
    }
}
