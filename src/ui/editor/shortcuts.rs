//! Keyboard shortcuts of the editor — Ctrl/⌘+S saves now, Ctrl/⌘+P prints the report (not the
//! editor) — and the "Keyboard shortcuts" list that names them with the rows' Alt+Shift+↑/↓.

use crate::core::i18n::Msg;
use crate::ui::checks::Checks;
use crate::ui::exports::{print_report, ExportProgress};
use crate::ui::i18n::use_i18n;
use crate::ui::profile::OrgProfile;
use crate::ui::session::Session;
use leptos::prelude::*;

/// Listens for the shortcuts while the editor is shown.
pub fn install() {
    let session = expect_context::<Session>();
    let progress = expect_context::<ExportProgress>();
    let checks = expect_context::<Checks>();
    let org = expect_context::<OrgProfile>();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() || ev.shift_key() || ev.repeat() {
            return;
        }
        match letter(&ev.key(), &ev.code()).as_deref() {
            Some("s") => {
                ev.prevent_default();
                session.save_now();
            }
            Some("p") => {
                ev.prevent_default();
                print_report(session, progress, org, move || checks.confirm_export());
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}

/// The letter of a shortcut: the key's own letter on a Latin layout; on another (Arabic,
/// Kurdish) the letter of the key's place on a US keyboard, where Ctrl+S is found there too.
fn letter(key: &str, code: &str) -> Option<String> {
    let mut chars = key.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => Some(c.to_ascii_lowercase().to_string()),
        _ => code.strip_prefix("Key").map(str::to_ascii_lowercase),
    }
}

/// The keys, as printed on keyboards, and what they do.
const SHORTCUTS: [(&str, Msg); 3] = [
    ("Ctrl+S / ⌘S", Msg::ShortcutSave),
    ("Ctrl+P / ⌘P", Msg::ShortcutPrint),
    ("Alt+Shift+↑ / ↓", Msg::ShortcutMoveRow),
];

/// A "Keyboard shortcuts" button that shows or hides the list of shortcuts.
#[component]
pub fn ShortcutsHelp() -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    // Escape closes the list from anywhere in it, and the person is back on the button.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(button) = button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    view! {
        <div class="shortcuts" on:keydown=on_key>
            <button
                type="button"
                class="button button--quiet shortcuts__toggle"
                node_ref=button
                aria-expanded=move || open.get().to_string()
                aria-controls="keyboard-shortcuts"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span aria-hidden="true" class="icon">"⌨ "</span>
                {i18n.text(Msg::KeyboardShortcuts)}
            </button>
            <dl class="shortcuts__list" id="keyboard-shortcuts" hidden=move || !open.get()>
                {SHORTCUTS
                    .iter()
                    .map(|(keys, what)| {
                        view! {
                            <div class="shortcuts__item">
                                <dt><kbd dir="ltr">{*keys}</kbd></dt>
                                <dd>{i18n.text(*what)}</dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
        </div>
    }
}
