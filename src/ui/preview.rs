//! "Preview": the printed report beside the form (its own view on a phone), made by the one
//! writer the export uses ([`printable_html`]) once typing pauses, never per keystroke.

use crate::core::i18n::Msg;
use crate::core::photos::PhotoData;
use crate::core::report::Report;
use crate::ui::exports::printable_html;
use crate::ui::i18n::use_i18n;
use crate::ui::photos::photo_data;
use crate::ui::profile::OrgProfile;
use crate::ui::session::Session;
use crate::ui::timing::Debounce;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::time::Duration;

const PREVIEW_DELAY: Duration = Duration::from_millis(400);

/// The photos of the last page made, by the set of photo ids it had: reading them from the
/// photo store again on every pause would cost more than the page itself.
type PhotoCache = StoredValue<(BTreeSet<String>, PhotoData)>;

#[component]
pub fn Preview() -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    // The page as Print shows it: on the organisation's letterhead.
    let org = expect_context::<OrgProfile>();
    let page = RwSignal::new(String::new());
    let failed = RwSignal::new(false);
    let frame = NodeRef::<leptos::html::Iframe>::new();
    // Where the person had scrolled the page to: a new page starts at its top otherwise.
    let scrolled = StoredValue::new(0.0_f64);
    let photos: PhotoCache = StoredValue::new(Default::default());
    // Only the latest page is shown, whichever finishes first.
    let latest = StoredValue::new(0_u64);

    let make = move || {
        let Some(report) = session.report().try_read_untracked().map(|r| r.clone()) else { return };
        let Some(this) = latest.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        let letterhead = org.letterhead(report.language);
        wasm_bindgen_futures::spawn_local(async move {
            let photos = photos_of(&report, photos).await;
            let made = printable_html(report, photos, letterhead).await;
            if latest.try_get_value() != Some(this) {
                return;
            }
            if let Some(window) = frame.get_untracked().and_then(|f| f.content_window()) {
                scrolled.set_value(window.scroll_y().unwrap_or(0.0));
            }
            match made {
                Ok(html) => {
                    failed.try_set(false);
                    page.try_set(html);
                }
                Err(error) => {
                    web_sys::console::warn_1(&error.into());
                    failed.try_set(true);
                }
            }
        });
    };
    let pending = Debounce::new();
    Effect::new(move |previous: Option<()>| {
        session.report().track();
        if previous.is_none() {
            make();
        } else {
            pending.schedule(PREVIEW_DELAY, make);
        }
    });
    on_cleanup(move || pending.cancel());

    let restore_scroll = move |_| {
        if let Some(window) = frame.get_untracked().and_then(|f| f.content_window()) {
            window.scroll_to_with_x_and_y(0.0, scrolled.get_value());
        }
    };
    view! {
        <section class="preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading" class="preview__heading">{i18n.text(Msg::Preview)}</h2>
            {move || failed.get().then(|| view! {
                <p class="notice notice--error" role="alert">{i18n.text(Msg::PreviewFailed)}</p>
            })}
            // No script runs in the page (it has none, and the frame would not run it).
            <iframe
                class="preview__page"
                title=move || i18n.t(Msg::PreviewFrame)
                sandbox="allow-same-origin"
                srcdoc=move || page.get()
                node_ref=frame
                on:load=restore_scroll
            ></iframe>
        </section>
    }
}

/// The photos of `report` as `data:` URLs, read from the photo store only when its photos changed.
async fn photos_of(report: &Report, cache: PhotoCache) -> PhotoData {
    let ids: BTreeSet<String> = report.photos().map(|p| p.id.clone()).collect();
    if ids.is_empty() {
        return PhotoData::new();
    }
    if let Some(photos) = cache.try_with_value(|(cached, photos)| (*cached == ids).then(|| photos.clone())).flatten() {
        return photos;
    }
    crate::ui::photos::all_stored().await;
    let photos = photo_data(report).await;
    // A photo this browser lacks is asked for again next time, in case it arrives.
    if photos.len() == ids.len() {
        cache.try_set_value((ids, photos.clone()));
    }
    photos
}
