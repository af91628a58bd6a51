//! Asks the browser to keep this site's storage (`navigator.storage.persist()`), so drafts are
//! not evicted when the device runs short of space.

use wasm_bindgen_futures::JsFuture;

/// Asks once at start; `persistent` gets the browser's answer.
pub fn request(answered: impl Fn(Option<bool>) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let navigator = window.navigator();
    // `navigator.storage` is missing outside secure contexts and in old browsers.
    let has_storage = js_sys::Reflect::get(&navigator, &"storage".into()).is_ok_and(|v| !v.is_undefined());
    if !has_storage {
        return;
    }
    let storage = navigator.storage();
    wasm_bindgen_futures::spawn_local(async move {
        let already = match storage.persisted() {
            Ok(promise) => JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()),
            Err(_) => None,
        };
        let granted = match already {
            Some(true) => Some(true),
            _ => match storage.persist() {
                Ok(promise) => JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()),
                Err(_) => already,
            },
        };
        answered(granted);
    });
}
