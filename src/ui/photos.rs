//! Photos between the browser and the report: downscaling a chosen image, copying a report's
//! photos when it becomes a new draft (import, duplicate), gathering them as `data:` URLs for the
//! exports, and erasing the photos of drafts that are gone.
//!
//! The bytes are kept by [`crate::ui::photo_store`]; the report holds only [`PhotoRef`]s.

use crate::core::backup::RestoredPhoto;
use crate::core::drafts::StoreError;
use crate::core::i18n::Msg;
use crate::core::ids;
use crate::core::photo_use::PhotoUse;
use crate::core::photos::{data_url, decode_data_url, fitted_within, PhotoData, IMAGE_TYPES, JPEG_QUALITY, MAX_SIDE};
use crate::core::report::{PhotoRef, Report};
use crate::ui::photo_store;
use leptos::prelude::*;
use std::cell::Cell;
use std::collections::{BTreeSet, HashSet};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why a chosen image did not become a photo of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhotoError {
    /// The file is not an image this browser can decode.
    Unreadable,
    /// The image could not be stored.
    Store(StoreError),
}

impl PhotoError {
    pub fn message(&self) -> Msg {
        match self {
            PhotoError::Unreadable => Msg::PhotoUnreadable,
            PhotoError::Store(StoreError::QuotaExceeded) => Msg::PhotoNoSpace,
            PhotoError::Store(StoreError::Unavailable) => Msg::PhotoStorageUnavailable,
            PhotoError::Store(_) => Msg::PhotoFailed,
        }
    }
}

/// What the interface shows about photos beyond one attachment.
#[derive(Clone, Copy)]
pub struct Photos {
    /// Bumped whenever photos are stored, so thumbnails that found nothing look again.
    pub version: RwSignal<u64>,
    /// Photos being copied into the open draft: their thumbnails wait instead of saying "missing".
    pub pending: RwSignal<HashSet<String>>,
    /// How many photos of the report last opened could not be stored.
    pub not_copied: RwSignal<usize>,
}

thread_local! {
    static PHOTOS: Cell<Option<Photos>> = const { Cell::new(None) };
    /// Exports waiting for the photos being copied (see [`all_stored`]).
    static WAITING: std::cell::RefCell<Vec<js_sys::Function>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Resolves once no photo is being copied into a draft any more, so that an export made then
/// has every photo that could be stored.
pub async fn all_stored() {
    let copying = Photos::get().is_some_and(|photos| !photos.pending.with_untracked(HashSet::is_empty));
    if copying {
        let done = js_sys::Promise::new(&mut |resolve, _| WAITING.with(|waiting| waiting.borrow_mut().push(resolve)));
        let _ = JsFuture::from(done).await;
    }
}

impl Photos {
    /// Sets up photo handling, and erases photos nobody can reach any more: `open_draft` is the
    /// open draft's id, `in_use` which photos the drafts refer to, `draft_exists` whether a draft
    /// is stored.
    pub fn install(
        open_draft: ReadSignal<String>,
        in_use: impl Fn() -> PhotoUse + 'static,
        draft_exists: impl Fn(&str) -> bool + 'static,
    ) -> Photos {
        let photos =
            Photos { version: RwSignal::new(0), pending: RwSignal::new(HashSet::new()), not_copied: RwSignal::new(0) };
        PHOTOS.with(|slot| slot.set(Some(photos)));
        provide_context(photos);
        // The sweep waits until the app has settled, so that it never slows down opening.
        let started = js_sys::Date::now();
        set_timeout(
            move || wasm_bindgen_futures::spawn_local(collect_garbage(open_draft, in_use(), draft_exists, started)),
            std::time::Duration::from_secs(3),
        );
        photos
    }

    pub fn get() -> Option<Photos> {
        PHOTOS.with(Cell::get)
    }

    fn stored(self) {
        self.version.update(|v| *v += 1);
    }
}

/// A photo id unique across the drafts of a browser: time plus randomness, in base 36.
pub fn new_photo_id() -> String {
    let random = (js_sys::Math::random() * 2_176_782_336.0) as u64; // 36^6
    ids::photo_id(js_sys::Date::now() as u64, random)
}

/// Decodes the image in `file`, draws it with its longest side at most `max_side` px on a white
/// background, and encodes it as a JPEG of quality 0.8.
pub async fn downscale(file: &web_sys::Blob, max_side: u32) -> Result<web_sys::Blob, PhotoError> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(PhotoError::Unreadable)?;
    let url = web_sys::Url::create_object_url_with_blob(file).map_err(|_| PhotoError::Unreadable)?;
    let result = async {
        let image: web_sys::HtmlImageElement =
            document.create_element("img").ok().and_then(|e| e.dyn_into().ok()).ok_or(PhotoError::Unreadable)?;
        image.set_src(&url);
        // Decoding happens off the main thread; it rejects for anything that is not an image.
        JsFuture::from(image.decode()).await.map_err(|_| PhotoError::Unreadable)?;
        let (width, height) = fitted_within(image.natural_width(), image.natural_height(), max_side);
        let canvas: web_sys::HtmlCanvasElement =
            document.create_element("canvas").ok().and_then(|e| e.dyn_into().ok()).ok_or(PhotoError::Unreadable)?;
        canvas.set_width(width);
        canvas.set_height(height);
        let context: web_sys::CanvasRenderingContext2d =
            canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into().ok()).ok_or(PhotoError::Unreadable)?;
        // A JPEG has no transparency: what was transparent becomes white, not black.
        context.set_fill_style_str("#ffffff");
        context.fill_rect(0.0, 0.0, f64::from(width), f64::from(height));
        context.set_image_smoothing_enabled(true);
        let _ = js_sys::Reflect::set(&context, &"imageSmoothingQuality".into(), &"high".into());
        context
            .draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, f64::from(width), f64::from(height))
            .map_err(|_| PhotoError::Unreadable)?;
        let blob = encode_jpeg(&canvas).await;
        // Let the browser drop the pixels at once.
        canvas.set_width(0);
        canvas.set_height(0);
        blob.ok_or(PhotoError::Unreadable)
    }
    .await;
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}

/// `canvas.toBlob` as a future.
async fn encode_jpeg(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::Blob> {
    let mut callback = None;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        callback = Some(wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        }));
    });
    let callback = callback?;
    canvas
        .to_blob_with_type_and_encoder_options(
            callback.as_ref().unchecked_ref(),
            "image/jpeg",
            &JsValue::from(JPEG_QUALITY),
        )
        .ok()?;
    let blob = JsFuture::from(promise).await.ok()?;
    drop(callback);
    blob.dyn_into().ok()
}

/// Downscales `file` and stores it as a new photo of draft `draft`; its id.
pub async fn add_photo(file: &web_sys::Blob, draft: &str) -> Result<String, PhotoError> {
    // Recorded for the bench and DevTools, like the app's other heavy operations.
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = "taqrir:photo-downscale:start";
    if let Some(performance) = &performance {
        let _ = performance.mark(start);
    }
    let blob = downscale(file, MAX_SIDE).await?;
    if let Some(performance) = &performance {
        let _ = performance.measure_with_start_mark("taqrir:photo-downscale", start);
        performance.clear_marks_with_mark_name(start);
    }
    let id = new_photo_id();
    photo_store::put(&id, draft, &blob).await.map_err(PhotoError::Store)?;
    if let Some(photos) = Photos::get() {
        photos.stored();
    }
    Ok(id)
}

/// A stored photo as a `data:` URL, if it is of a type a file may carry.
pub async fn as_data_url(blob: &web_sys::Blob) -> Option<String> {
    let mime = blob.type_();
    let mime = IMAGE_TYPES.into_iter().find(|t| *t == mime)?;
    Some(data_url(mime, &photo_store::blob_bytes(blob).await?))
}

/// The photos of `report` as `data:` URLs, for an export. Photos that are not stored in this
/// browser are left out.
pub async fn photo_data(report: &Report) -> PhotoData {
    let ids: BTreeSet<&str> = report.photos().map(|p| p.id.as_str()).collect();
    let mut data = PhotoData::new();
    for id in ids {
        let Ok(Some(photo)) = photo_store::get(id).await else { continue };
        if let Some(url) = as_data_url(&photo.blob).await {
            data.insert(id.to_owned(), url);
        }
    }
    data
}

/// Every stored photo of the drafts `keep` accepts (by draft id), as `data:` URLs: for a backup.
pub async fn photos_of_drafts(keep: impl Fn(&str) -> bool) -> PhotoData {
    let mut data = PhotoData::new();
    for photo in photo_store::list_all().await.unwrap_or_default() {
        if !keep(&photo.draft) {
            continue;
        }
        if let Some(url) = as_data_url(&photo.blob).await {
            data.insert(photo.id, url);
        }
    }
    data
}

/// Stores the photos of restored drafts, each for the draft that refers to it, unless it is
/// stored for that draft already. Returns how many could not be stored.
pub async fn store_restored(photos: Vec<RestoredPhoto>) -> usize {
    let mut failed = 0;
    for photo in photos {
        if matches!(photo_store::get(&photo.id).await, Ok(Some(stored)) if stored.draft == photo.draft) {
            continue;
        }
        let stored = match decode_data_url(&photo.url).and_then(|(mime, bytes)| photo_store::blob_from(&bytes, mime)) {
            Some(blob) => photo_store::put(&photo.id, &photo.draft, &blob).await.is_ok(),
            None => false,
        };
        if !stored {
            failed += 1;
        }
    }
    if let Some(photos) = Photos::get() {
        photos.stored();
    }
    failed
}

/// Stores the photos of the new draft `draft`: each from `embedded` (an imported file's photos)
/// or else from the stored photo with the old id (a duplicated draft).
pub fn copy_photos(draft: String, open_draft: ReadSignal<String>, copies: Vec<(String, String)>, embedded: PhotoData) {
    if copies.is_empty() {
        return;
    }
    let photos = Photos::get();
    if let Some(photos) = photos {
        photos.not_copied.set(0);
        photos.pending.update(|pending| pending.extend(copies.iter().map(|(_, new)| new.clone())));
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut failed = 0;
        for (old, new) in &copies {
            let blob = match embedded.get(old).and_then(|url| decode_data_url(url)) {
                Some((mime, bytes)) => photo_store::blob_from(&bytes, mime),
                None => photo_store::get(old).await.ok().flatten().map(|photo| photo.blob),
            };
            let Some(blob) = blob else {
                // Neither in the file nor in this browser: nothing to store.
                continue;
            };
            if photo_store::put(new, &draft, &blob).await.is_err() {
                failed += 1;
            }
        }
        if let Some(photos) = photos {
            photos.pending.update(|pending| {
                for (_, new) in &copies {
                    pending.remove(new);
                }
            });
            if open_draft.get_untracked() == draft {
                photos.not_copied.set(failed);
            }
            photos.stored();
            if photos.pending.with_untracked(HashSet::is_empty) {
                for resolve in WAITING.with(|waiting| waiting.take()) {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            }
        }
    });
}

/// Erases the photos of drafts erased for good (the trash), except any another draft refers to.
pub fn forget_drafts(usage: PhotoUse, drafts: Vec<String>) {
    if drafts.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut ids = Vec::new();
        for draft in &drafts {
            ids.extend(photo_store::list_by_draft(draft).await.unwrap_or_default().into_iter().map(|photo| photo.id));
        }
        ids.retain(|id| !usage.is_used(id));
        let _ = photo_store::delete(&ids).await;
    });
}

/// Erases the photo `id` (removed from the open draft), unless a draft still refers to it.
pub fn forget_photo(usage: PhotoUse, id: String) {
    if usage.is_used(&id) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let _ = photo_store::delete(&[id]).await;
    });
}

/// Erases stored photos nobody can reach: those of drafts that no longer exist (erased from the
/// trash, or never saved), and those the open draft no longer refers to (removed with their
/// attachment) — never one that any draft, trash included, refers to. Only photos stored before
/// `started` are considered, so nothing being added now is touched.
async fn collect_garbage(
    open_draft: ReadSignal<String>,
    usage: PhotoUse,
    draft_exists: impl Fn(&str) -> bool,
    started: f64,
) {
    let Ok(stored) = photo_store::list_all().await else { return };
    let open = open_draft.get_untracked();
    let mut exists = std::collections::HashMap::<String, bool>::new();
    let mut orphans = Vec::new();
    for photo in stored.into_iter().filter(|p| p.added_ms < started && !usage.is_used(&p.id)) {
        let unreachable =
            photo.draft == open || !*exists.entry(photo.draft.clone()).or_insert_with(|| draft_exists(&photo.draft));
        if unreachable {
            orphans.push(photo.id);
        }
    }
    let _ = photo_store::delete(&orphans).await;
}

/// The references of `photos` with `id`'s caption set to `caption`.
pub fn set_caption(photos: &mut [PhotoRef], id: &str, caption: String) {
    if let Some(photo) = photos.iter_mut().find(|p| p.id == id) {
        photo.caption = caption;
    }
}
