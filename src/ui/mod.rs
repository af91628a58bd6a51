//! The Leptos interface: a thin layer over `crate::core`.

pub mod archive;
mod autosave;
mod button;
mod checks;
mod choose_file;
mod editor;
mod export_worker;
mod exports;
mod file_batch;
mod header;
mod i18n;
mod library;
pub mod local_store;
mod organisation;
mod own_templates;
mod persistence;
pub mod photo_store;
mod photos;
mod preview;
mod profile;
mod session;
pub mod store_error;
pub mod summary;
pub mod summary_host;
mod timing;
mod updates;
mod workspace;

use header::{Header, Notices};
use leptos::prelude::*;

pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
    // index.html's loading screen has done its job once the app is in the page.
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
}

#[component]
fn App() -> impl IntoView {
    i18n::I18n::provide();
    // New reports start with the profile's defaults, so it is read before the session opens.
    profile::OrgProfile::provide();
    let session = session::Session::open();
    provide_context(session);
    autosave::install(session);
    photos::Photos::install(
        session.draft_id(),
        move || session.photos_in_use(),
        // The profile's logos are owned by no draft, and kept.
        move |id| id == crate::core::profile::LOGO_OWNER || session.raw_draft(id).is_some(),
    );
    persistence::request(move |granted| session.set_persistent(granted));
    let checks = checks::Checks::provide(session);
    exports::ExportProgress::provide();
    file_batch::FileBatch::provide(session);
    let update_ready = RwSignal::new(false);
    // Redrawn only when the screen changes, not each time a screen is asked for again.
    let screen = Memo::new(move |_| session.screen().get());
    updates::register(update_ready);

    view! {
        <Header />
        <main id="main" class="page">
            <updates::UpdatePrompt update_ready />
            <Notices />
            {move || match screen.get() {
                session::Screen::Reports => view! { <library::ReportsScreen /> }.into_any(),
                session::Screen::Summary => view! { <summary_host::SummaryHost /> }.into_any(),
                session::Screen::Organisation => view! { <organisation::OrganisationScreen /> }.into_any(),
                session::Screen::Editor => view! { <workspace::EditorScreen checks /> }.into_any(),
            }}
        </main>
    }
}
