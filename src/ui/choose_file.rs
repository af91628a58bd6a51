//! "Import report" and "Restore": a button that opens the browser's file chooser, where several
//! files can be chosen at once, and hands over the chosen files.

use crate::core::i18n::Msg;
use crate::ui::file_batch::chosen_files;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// A real button (named `label`) for a hidden file input: a file input cannot be given a visible
/// name of its own that reads well in every browser.
#[component]
pub fn ChooseFiles(
    label: Msg,
    /// The kinds of file offered, as the input's `accept` lists them.
    accept: &'static str,
    #[prop(into)] on_chosen: Callback<Vec<web_sys::File>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let input = NodeRef::<leptos::html::Input>::new();
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
            multiple
            accept=accept
            class="visually-hidden"
            tabindex="-1"
            aria-hidden="true"
            node_ref=input
            on:change=move |ev| on_chosen.run(chosen_files(&ev))
        />
    }
}
