//! The interface language, as a context every component reads its strings through.

use crate::core::i18n::{self, Msg};
use crate::core::report::Language;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct I18n {
    language: RwSignal<Language>,
}

impl I18n {
    pub fn provide() -> Self {
        let i18n = I18n { language: RwSignal::new(Language::English) };
        provide_context(i18n);
        i18n
    }

    /// The text of `msg` in the interface language (reactive).
    pub fn t(self, msg: Msg) -> &'static str {
        i18n::text(self.language.get(), msg)
    }

    /// The text of `msg` with its placeholders filled (reactive).
    pub fn format(self, msg: Msg, args: &[(&str, &str)]) -> String {
        i18n::format(self.language.get(), msg, args)
    }
}

pub fn use_i18n() -> I18n {
    // Provided by `App` before any component runs.
    expect_context::<I18n>()
}
