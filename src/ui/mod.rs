//! The Leptos interface: a thin layer over `crate::core`.

mod autosave;
mod editor;
mod header;
mod i18n;
mod local_store;
mod session;

use editor::Editor;
use header::{Header, Notices};
use leptos::prelude::*;

pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    i18n::I18n::provide();
    let session = session::Session::open();
    provide_context(session);
    autosave::install(session);

    view! {
        <Header />
        <main id="main" class="page">
            <Notices />
            <Editor />
        </main>
    }
}
