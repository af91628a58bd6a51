//! The interface language, as a context every component reads its strings through.
//!
//! The choice is kept in local storage; without one, the browser's preferred languages decide.
//! `<html lang dir>` follows it, so one stylesheet (written with logical properties) mirrors.

use crate::core::i18n::{self, Msg};
use crate::core::report::Language;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

const CHOICE_KEY: &str = "taqrir.ui_language";

#[derive(Clone, Copy)]
pub struct I18n {
    language: RwSignal<Language>,
}

impl I18n {
    pub fn provide() -> Self {
        let i18n = I18n { language: RwSignal::new(initial_language()) };
        provide_context(i18n);
        Effect::new(move || {
            let language = i18n.language.get();
            if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
                let _ = root.set_attribute("lang", language.code());
                let _ = root.set_attribute("dir", if language.is_rtl() { "rtl" } else { "ltr" });
            }
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                let app = i18n::text(language, Msg::AppName);
                document.set_title(&format!("{app} — {}", i18n::text(language, Msg::AppTagline)));
            }
        });
        i18n
    }

    /// The language of a module loaded into the app's page (the Summary): the page's own, read
    /// from `<html lang>`, which the app's choice sets, and followed while the page lives.
    pub fn provide_following_page() -> Self {
        let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
        let page_language =
            move || root.as_ref().and_then(|r| r.get_attribute("lang")).and_then(|code| Language::from_code(&code));
        let i18n = I18n { language: RwSignal::new(page_language().unwrap_or_else(initial_language)) };
        provide_context(i18n);
        let follow = Closure::<dyn Fn()>::new(move || {
            if let Some(language) = page_language() {
                i18n.language.try_set(language);
            }
        });
        let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
        let Some((observer, root)) = web_sys::MutationObserver::new(follow.as_ref().unchecked_ref()).ok().zip(root)
        else {
            return i18n;
        };
        let options = web_sys::MutationObserverInit::new();
        options.set_attribute_filter(&js_sys::Array::of1(&"lang".into()));
        let _ = observer.observe_with_options(&root, &options);
        // Both go with the module's view.
        let following = StoredValue::new_local(Some((observer, follow)));
        on_cleanup(move || {
            if let Some((observer, _)) = following.try_update_value(Option::take).flatten() {
                observer.disconnect();
            }
        });
        i18n
    }

    pub fn language(self) -> Language {
        self.language.get()
    }

    /// The interface language now, without following it.
    pub fn language_untracked(self) -> Language {
        self.language.get_untracked()
    }

    /// Switches the interface language and remembers the choice.
    pub fn choose(self, language: Language) {
        self.language.set(language);
        if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            // Not being able to remember the choice is harmless: it applies to this visit.
            let _ = storage.set_item(CHOICE_KEY, language.code());
        }
    }

    /// The text of `msg` in the interface language (reactive).
    pub fn t(self, msg: Msg) -> &'static str {
        i18n::text(self.language.get(), msg)
    }

    /// The text of `msg` as a view or attribute value that follows the interface language.
    /// Every text goes through this one function, so the code that draws a text is built once
    /// for all of them instead of once per place (it is most of what a view costs in wasm size).
    pub fn text(self, msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(msg)
    }

    /// The text of `msg` with its placeholders filled (reactive).
    pub fn format(self, msg: Msg, args: &[(&str, &str)]) -> String {
        i18n::format(self.language.get(), msg, args)
    }

    /// The form of the counted message `msg` for `n`, with its placeholders filled (reactive).
    pub fn plural(self, msg: Msg, n: usize, args: &[(&str, &str)]) -> String {
        i18n::plural(self.language.get(), msg, n as u64, args)
    }
}

pub fn use_i18n() -> I18n {
    // Provided by `App` before any component runs.
    expect_context::<I18n>()
}

fn initial_language() -> Language {
    let window = web_sys::window();
    let stored = window
        .as_ref()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(CHOICE_KEY).ok().flatten())
        .and_then(|code| Language::from_code(&code));
    stored
        .or_else(|| {
            let navigator = window?.navigator();
            let preferred: Vec<String> = navigator.languages().iter().filter_map(|l| l.as_string()).collect();
            preferred.into_iter().chain(navigator.language()).find_map(|tag| language_for_tag(&tag))
        })
        .unwrap_or_default()
}

/// The interface language for a BCP 47 tag such as "ar-IQ" or "ckb", if there is one.
fn language_for_tag(tag: &str) -> Option<Language> {
    let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
    match primary.as_str() {
        "en" => Some(Language::English),
        "ar" => Some(Language::Arabic),
        "ckb" | "ku" => Some(Language::Kurdish),
        _ => None,
    }
}
