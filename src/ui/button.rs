//! The app's plain action button: a real `<button>` named by its text in the interface language.

use crate::core::i18n::Msg;
use crate::ui::i18n::use_i18n;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

/// `<button type="button" class=… on:click=…>` with `label` as its visible text and name.
pub fn button(class: &'static str, label: Msg, on_click: impl FnMut(MouseEvent) + 'static) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="button" class=class on:click=on_click>
            {i18n.text(label)}
        </button>
    }
}
