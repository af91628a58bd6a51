//! Taqrir: activity reports for civil-society organisations, written in the browser.
//!
//! `core` is plain Rust (model, translations, exporters, checks, storage logic) and is tested
//! natively; `ui` is the thin Leptos layer over it and exists only on wasm32.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod ui;
