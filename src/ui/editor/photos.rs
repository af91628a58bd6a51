//! An attachment's photos in the editor: a labelled Photo input, then each photo in its own
//! fieldset ("Photo 1") with its thumbnail, a Caption field and a Remove photo button.

use super::fields::line_input;
use crate::core::field::{AttachmentField, FieldPath, RowField};
use crate::core::i18n::Msg;
use crate::core::report::Report;
use crate::core::report::{Attachment, PhotoRef, ReportStoreFields};
use crate::ui::button::button;
use crate::ui::i18n::use_i18n;
use crate::ui::photo_store;
use crate::ui::photos::{add_photo, forget_photo, set_caption, Photos};
use crate::ui::session::Session;
use leptos::prelude::*;
use reactive_stores::{Field, KeyedSubfield, Store};

type Attachments = KeyedSubfield<Store<Report>, Report, u64, Vec<Attachment>>;

/// One attachment row's photos, found by the row's id in the list of attachments.
///
/// They are read and written through the whole list rather than through the row's keyed field:
/// when the report is replaced (New report, Open), a read through a row that no longer exists
/// must find nothing rather than a stale position.
#[derive(Clone, Copy)]
struct RowPhotos {
    attachments: Attachments,
    row: u64,
    list: Memo<Vec<PhotoRef>>,
}

impl RowPhotos {
    fn new(attachments: Attachments, row: u64) -> Self {
        let list = Memo::new(move |_| {
            attachments
                .try_with(|rows| rows.iter().find(|r| r.id.0 == row).map(|r| r.photos.clone()))
                .flatten()
                .unwrap_or_default()
        });
        RowPhotos { attachments, row, list }
    }

    /// Changes the row's photos; `false` when the row is gone.
    fn update(self, change: impl FnOnce(&mut Vec<PhotoRef>)) -> bool {
        let mut change = Some(change);
        self.attachments
            .try_update(|rows| {
                let found = rows.iter_mut().find(|r| r.id.0 == self.row);
                match (found, change.take()) {
                    (Some(row), Some(change)) => {
                        change(&mut row.photos);
                        true
                    }
                    _ => false,
                }
            })
            .unwrap_or(false)
    }
}

/// The photos of one attachment row; `index` is the row's position (for field ids).
pub fn attachment_photos(row: Field<Attachment>, index: ReadSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let row_id = row.try_with_untracked(|a| a.id.0).unwrap_or_default();
    let photos = RowPhotos::new(session.report().attachments(), row_id);
    let input_id = Signal::derive(move || AttachmentField::Photo.at(index.get()).id());
    let error_id = move || format!("{}-error", input_id.get());
    let error = RwSignal::new(None::<Msg>);
    let adding = RwSignal::new(0usize);
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
        else {
            return;
        };
        let files: Vec<web_sys::File> =
            input.files().map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default();
        // The same file can be chosen again.
        input.set_value("");
        if files.is_empty() {
            return;
        }
        error.set(None);
        let draft = session.draft_id().get_untracked();
        adding.update(|n| *n += files.len());
        wasm_bindgen_futures::spawn_local(async move {
            for file in files {
                let result = add_photo(&file, &draft).await;
                adding.try_update(|n| *n = n.saturating_sub(1));
                match result {
                    Ok(id) => {
                        let added = session.draft_id().get_untracked() == draft
                            && photos.update(|list| list.push(PhotoRef { id: id.clone(), caption: String::new() }));
                        if !added {
                            // The draft or the row went away meanwhile.
                            forget_photo(session.photos_in_use(), id);
                        }
                    }
                    Err(problem) => {
                        error.try_set(Some(problem.message()));
                    }
                }
            }
        });
    };

    let list = move || photos.list.with(|list| list.iter().map(|p| p.id.clone()).collect::<Vec<_>>());

    view! {
        <div class="photos">
            <ForEnumerate
                each=list
                key=|id| id.clone()
                children=move |n, id| photo_card(photos, id, index, n, input_ref)
            />
            <div class="field field--photo" class:field--invalid=move || error.get().is_some()>
                <label for=input_id>{i18n.text(Msg::Photo)}</label>
                <input
                    id=input_id
                    type="file"
                    accept="image/*"
                    multiple
                    node_ref=input_ref
                    on:change=on_change
                    aria-describedby=move || error.get().map(|_| error_id())
                />
                <Show when=move || { adding.get() > 0 }>
                    <p class="field-hint photo-adding" role="status">{i18n.text(Msg::PhotoAdding)}</p>
                </Show>
                {move || error.get().map(|msg| view! {
                    <p class="field-error" id=error_id role="alert">{i18n.text(msg)}</p>
                })}
            </div>
        </div>
    }
}

/// Where a thumbnail is.
#[derive(Clone, PartialEq)]
enum Thumbnail {
    Loading,
    Ready(String),
    Missing,
}

fn photo_card(
    photos: RowPhotos,
    id: String,
    row: ReadSignal<usize>,
    n: ReadSignal<usize>,
    input_ref: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shared = Photos::get();
    let session = expect_context::<Session>();
    let thumbnail = RwSignal::new(Thumbnail::Loading);

    // The thumbnail is an object URL for the stored blob, revoked when the card goes. It is
    // looked for again when photos are stored, until found.
    let load_id = id.clone();
    Effect::new(move |_| {
        if let Some(shared) = shared {
            shared.version.track();
            if shared.pending.with(|p| p.contains(&load_id)) {
                return;
            }
        }
        if matches!(thumbnail.get_untracked(), Thumbnail::Ready(_)) {
            return;
        }
        let id = load_id.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let found = match photo_store::get(&id).await {
                Ok(Some(photo)) => web_sys::Url::create_object_url_with_blob(&photo.blob).ok(),
                _ => None,
            };
            // A thumbnail already shown (an earlier look finished first) or a card already gone
            // does not need this URL.
            let shown = matches!(thumbnail.try_get_untracked(), Some(Thumbnail::Ready(_)));
            let unused = match found {
                Some(url) if shown => Some(url),
                Some(url) => match thumbnail.try_set(Thumbnail::Ready(url)) {
                    Some(Thumbnail::Ready(url)) => Some(url),
                    _ => None,
                },
                None => {
                    if !shown {
                        thumbnail.try_set(Thumbnail::Missing);
                    }
                    None
                }
            };
            if let Some(url) = unused {
                let _ = web_sys::Url::revoke_object_url(&url);
            }
        });
    });
    on_cleanup(move || {
        if let Some(Thumbnail::Ready(url)) = thumbnail.try_get_untracked() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    });

    let caption_id = Signal::derive(move || FieldPath::PhotoCaption { attachment: row.get(), photo: n.get() }.id());
    let caption = {
        let id = id.clone();
        move || photos.list.with(|list| list.iter().find(|p| p.id == id).map(|p| p.caption.clone())).unwrap_or_default()
    };
    let legend = move || i18n.format(Msg::PhotoLegend, &[("n", &(n.get() + 1).to_string())]);
    let alt = {
        let caption = caption.clone();
        move || {
            let text = caption();
            if text.trim().is_empty() {
                legend()
            } else {
                text
            }
        }
    };
    let on_caption = {
        let id = id.clone();
        move |value: String| {
            photos.update(|list| set_caption(list, &id, value));
        }
    };
    let remove = move |_| {
        photos.update(|list| list.retain(|p| p.id != id));
        forget_photo(session.photos_in_use(), id.clone());
        if let Some(input) = input_ref.get_untracked() {
            let _ = input.focus();
        }
    };

    view! {
        <fieldset class="photo">
            <legend>{legend}</legend>
            <div class="photo__frame">
                {move || match thumbnail.get() {
                    Thumbnail::Ready(url) => view! { <img class="photo__thumb" src=url alt=alt.clone() /> }.into_any(),
                    Thumbnail::Loading => view! { <span class="photo__placeholder" aria-hidden="true"></span> }.into_any(),
                    Thumbnail::Missing => view! { <p class="photo__missing">{i18n.text(Msg::PhotoMissing)}</p> }.into_any(),
                }}
            </div>
            <div class="photo__fields">
                <div class="field">
                    <label for=caption_id>{i18n.text(Msg::Caption)}</label>
                    {line_input(caption_id, caption, on_caption)}
                </div>
                {button("button button--danger", Msg::RemovePhoto, remove)}
            </div>
        </fieldset>
    }
}

/// Says so when photos of the report just opened (imported or duplicated) could not be stored.
pub fn copy_notice() -> impl IntoView {
    let i18n = use_i18n();
    let not_copied = Photos::get().map(|p| p.not_copied);
    move || {
        let n = not_copied.map(|s| s.get()).unwrap_or(0);
        (n > 0).then(|| {
            view! {
                <div class="notice notice--warning" role="alert">
                    {move || i18n.plural(Msg::PhotosNotCopied, n, &[])}
                </div>
            }
        })
    }
}
