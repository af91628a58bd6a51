//! "Import report" and "Restore": a button that opens the browser's file chooser and hands over
//! the chosen file's bytes.

use crate::core::document::ReadError;
use crate::core::i18n::Msg;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A real button (named `label`) for a hidden file input: a file input cannot be given a visible
/// name of its own that reads well in every browser. A file larger than `max_bytes` is refused
/// unread, with [`ReadError::TooLarge`].
#[component]
pub fn ChooseJsonFile(
    label: Msg,
    /// The kinds of file offered, as the input's `accept` lists them.
    accept: &'static str,
    max_bytes: usize,
    #[prop(into)] on_chosen: Callback<Result<Vec<u8>, ReadError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let input = NodeRef::<leptos::html::Input>::new();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = target.files().and_then(|files| files.get(0)) else { return };
        // The same file can be chosen again after fixing it.
        target.set_value("");
        if file.size() > max_bytes as f64 {
            on_chosen.try_run(Err(ReadError::TooLarge { bytes: file.size() as usize }));
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => Vec::new(),
            };
            // The screen may have changed meanwhile; then there is no one to hand the file to.
            on_chosen.try_run(Ok(bytes));
        });
    };

    view! {
        <button
            type="button"
            class="button"
            on:click=move |_| {
                if let Some(input) = input.get_untracked() {
                    input.click();
                }
            }
        >
            {i18n.text(label)}
        </button>
        <input
            type="file"
            accept=accept
            class="visually-hidden"
            tabindex="-1"
            aria-hidden="true"
            node_ref=input
            on:change=on_change
        />
    }
}
