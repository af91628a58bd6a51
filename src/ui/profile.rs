//! The organisation profile in the browser: the core's [`Profile`] in local storage (saved on
//! every change), its logos downscaled into the photo store, and the letterhead the exports are
//! made on, handed to the export worker as data.

use crate::core::i18n::{self, Msg};
use crate::core::photos::{decode_data_url, PhotoData, LOGO_MAX_SIDE};
use crate::core::profile::{self, Profile, Restoring, Stored, LOGO_OWNER};
use crate::core::profile_file::read_profile_file;
use crate::core::report::Language;
use crate::core::store_error::StoreError;
use crate::ui::local_store::LocalStore;
use crate::ui::photo_store;
use crate::ui::photos::{as_data_url, downscale, new_photo_id, PhotoError};
use leptos::prelude::*;

/// The profile, its logos as `data:` URLs (for the screen's previews and the letterhead), and
/// what went wrong keeping it.
#[derive(Clone, Copy)]
pub struct OrgProfile {
    profile: RwSignal<Profile>,
    logos: RwSignal<PhotoData>,
    /// Why the profile could not be saved, when it could not.
    not_saved: RwSignal<Option<StoreError>>,
    /// The stored profile could not be read (it is moved aside at the next save).
    unreadable: RwSignal<bool>,
}

impl OrgProfile {
    /// Reads the stored profile and its logos; made once, by the app.
    pub fn provide() -> Self {
        let store = LocalStore::open();
        let (stored, not_saved) = match store.as_ref().map(profile::load) {
            Some(Ok(stored)) => (stored, None),
            Some(Err(error)) => (Stored::Profile(Box::default()), Some(error)),
            None => (Stored::Profile(Box::default()), Some(StoreError::Unavailable)),
        };
        let (profile, unreadable) = match stored {
            Stored::Profile(profile) => (*profile, false),
            Stored::Unreadable(_) => (Profile::default(), true),
        };
        let org = OrgProfile {
            profile: RwSignal::new(profile),
            logos: RwSignal::new(PhotoData::new()),
            not_saved: RwSignal::new(not_saved),
            unreadable: RwSignal::new(unreadable),
        };
        provide_context(org);
        org.load_logos();
        org
    }

    /// The stored logos as `data:` URLs.
    fn load_logos(self) {
        let ids: Vec<String> = self.profile.with_untracked(|p| p.logo_ids().map(str::to_owned).collect());
        wasm_bindgen_futures::spawn_local(async move {
            let mut logos = PhotoData::new();
            for id in ids {
                let Ok(Some(stored)) = photo_store::get(&id).await else { continue };
                if let Some(url) = as_data_url(&stored.blob).await {
                    logos.insert(id, url);
                }
            }
            self.logos.try_set(logos);
        });
    }

    pub fn with<T>(self, read: impl FnOnce(&Profile) -> T) -> T {
        self.profile.with(read)
    }

    pub fn with_untracked<T>(self, read: impl FnOnce(&Profile) -> T) -> T {
        self.profile.with_untracked(read)
    }

    /// The logo `id` as a `data:` URL, once it is loaded.
    pub fn logo_url(self, id: &str) -> Option<String> {
        self.logos.with(|logos| logos.get(id).cloned())
    }

    /// Changes the profile and saves it.
    pub fn change(self, change: impl FnOnce(&mut Profile)) {
        self.profile.update(change);
        self.save();
    }

    fn save(self) {
        let saved = match LocalStore::open() {
            Some(mut store) => self.profile.with_untracked(|p| profile::save(&mut store, p)),
            None => Err(StoreError::Unavailable),
        };
        match saved {
            Ok(()) => {
                self.not_saved.set(None);
                self.unreadable.set(false);
            }
            Err(error) => self.not_saved.set(Some(error)),
        }
    }

    /// What the screen says about keeping the profile, in `lang`; `None` when all is well.
    pub fn problem(self, lang: Language) -> Option<String> {
        if let Some(error) = self.not_saved.get() {
            let reason = error.reason(lang);
            return Some(i18n::format(lang, Msg::ProfileNotSaved, &[("reason", &reason)]));
        }
        self.unreadable.get().then(|| i18n::text(lang, Msg::ProfileUnreadable).to_owned())
    }

    /// Downscales the image in `file` and stores it as a logo; its id.
    pub async fn add_logo(self, file: &web_sys::Blob) -> Result<String, PhotoError> {
        let blob = downscale(file, LOGO_MAX_SIDE).await?;
        let id = new_photo_id();
        photo_store::put(&id, LOGO_OWNER, &blob).await.map_err(PhotoError::Store)?;
        if let Some(url) = as_data_url(&blob).await {
            self.logos.update(|logos| {
                logos.insert(id.clone(), url);
            });
        }
        Ok(id)
    }

    /// Erases the logo `id` from the photo store (taken out of the profile, or replaced).
    pub fn forget_logo(self, id: String) {
        self.logos.update(|logos| {
            logos.remove(&id);
        });
        wasm_bindgen_futures::spawn_local(async move {
            let _ = photo_store::delete(&[id]).await;
        });
    }

    /// Puts `incoming` (read from a profile file) in place of the profile, its `logos` stored;
    /// the templates here that it lacks are kept. Returns how many logos could not be stored.
    pub async fn replace(self, mut incoming: Profile, logos: PhotoData) -> usize {
        let failed = store_logos(&logos).await;
        let old: Vec<String> = self.profile.with_untracked(|p| {
            incoming.add_missing_templates(&p.templates);
            p.logo_ids().map(str::to_owned).collect()
        });
        self.logos.set(logos);
        self.change(|profile| *profile = incoming);
        let _ = photo_store::delete(&old).await;
        failed
    }

    /// Takes in the profile file `text` of a restored backup (see [`Profile::take_restored`]);
    /// what was done, in `lang`.
    pub async fn restore(self, text: &str, lang: Language) -> Option<String> {
        let (incoming, logos) = read_profile_file(text.as_bytes(), new_photo_id).ok()?;
        let mut restoring = Restoring::Templates(0);
        self.change(|profile| restoring = profile.take_restored(incoming));
        if restoring == Restoring::Whole {
            store_logos(&logos).await;
            self.logos.set(logos);
        }
        restoring.message(lang)
    }

    /// The letterhead a report in `lang` is exported on, as JSON for the export worker; `None`
    /// when the profile has nothing to print.
    pub fn letterhead(self, lang: Language) -> Option<String> {
        let letterhead = self.logos.with_untracked(|logos| self.with_untracked(|p| p.letterhead(lang, logos)));
        (letterhead.has_head() || letterhead.footer_lines().next().is_some()).then(|| letterhead.to_json())
    }

    /// The profile's logos as `data:` URLs (for a profile file or a backup).
    pub fn logos_untracked(self) -> PhotoData {
        self.logos.get_untracked()
    }
}

/// Stores `logos` (id → `data:` URL) as the profile's; how many could not be stored.
async fn store_logos(logos: &PhotoData) -> usize {
    let mut failed = 0;
    for (id, url) in logos {
        let stored = match decode_data_url(url).and_then(|(mime, bytes)| photo_store::blob_from(&bytes, mime)) {
            Some(blob) => photo_store::put(id, LOGO_OWNER, &blob).await.is_ok(),
            None => false,
        };
        failed += usize::from(!stored);
    }
    failed
}
