//! "Export profile" / "Import profile": the organisation profile as one file to hand to a
//! colleague, its logos embedded and its own templates included. "Back up all" carries the same
//! object.
//!
//! ```json
//! { "format": "taqrir-profile", "version": 1,
//!   "profile": { "name": { "en": "…", "ar": "…", "ckb": "…" }, "logo": "id", "partner_logos": [ … ],
//!                "footer": { … }, "defaults": { … }, "templates": [ { "name": "…", "report": { … } } ] },
//!   "logos": { "id": "data:image/jpeg;base64,…" } }
//! ```

use crate::core::i18n::{self, Msg};
use crate::core::photos::{valid_photos, PhotoData};
use crate::core::profile::Profile;
use crate::core::report::Language;
use serde::{Deserialize, Serialize};

pub const PROFILE_FORMAT: &str = "taqrir-profile";
const PROFILE_VERSION: u32 = 1;
/// The largest profile file read: a few logos and templates take far less.
pub const MAX_PROFILE_BYTES: usize = 16 * 1024 * 1024;

#[derive(Serialize, Deserialize)]
struct ProfileFile {
    format: String,
    version: u32,
    #[serde(default)]
    profile: Profile,
    #[serde(default)]
    logos: PhotoData,
}

/// Why a file is not taken as a profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileFileError {
    TooLarge,
    /// Not a profile file (another file, or one that cannot be read).
    NotAProfile,
    /// Written by a newer version of Taqrir.
    NewerVersion {
        found: u32,
    },
}

impl ProfileFileError {
    /// What the person is told, in `lang`.
    pub fn message(&self, lang: Language) -> String {
        match self {
            ProfileFileError::TooLarge => i18n::text(lang, Msg::ProfileFileTooLarge).to_owned(),
            ProfileFileError::NotAProfile => i18n::text(lang, Msg::ProfileFileNotAProfile).to_owned(),
            ProfileFileError::NewerVersion { found } => {
                i18n::format(lang, Msg::ProfileFileNewer, &[("version", &found.to_string())])
            }
        }
    }
}

/// `profile` as a file, with the logos of `logos` it refers to.
pub fn write_profile_file(profile: &Profile, logos: &PhotoData) -> String {
    serde_json::to_string(&file_of(profile, logos)).unwrap_or_default()
}

/// The profile file as a JSON value, for a backup.
pub fn profile_file_value(profile: &Profile, logos: &PhotoData) -> serde_json::Value {
    serde_json::to_value(file_of(profile, logos)).unwrap_or_default()
}

fn file_of(profile: &Profile, logos: &PhotoData) -> ProfileFile {
    let logos = profile.logo_ids().filter_map(|id| Some((id.to_owned(), logos.get(id)?.clone()))).collect();
    ProfileFile { format: PROFILE_FORMAT.into(), version: PROFILE_VERSION, profile: profile.clone(), logos }
}

/// Reads a profile file: the profile, and its logos under ids of their own (made by `new_id`),
/// so they never meet a photo stored here. A logo the file lacks, or that is not an image, is
/// taken out of the profile.
pub fn read_profile_file(
    bytes: &[u8],
    mut new_id: impl FnMut() -> String,
) -> Result<(Profile, PhotoData), ProfileFileError> {
    if bytes.len() > MAX_PROFILE_BYTES {
        return Err(ProfileFileError::TooLarge);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(bytes);
    // Read as text, as every other file is: `from_slice` would add a second copy of the report's
    // reader (own templates hold reports) to the app.
    let text = std::str::from_utf8(bytes).map_err(|_| ProfileFileError::NotAProfile)?;
    let file: ProfileFile = serde_json::from_str(text).map_err(|_| ProfileFileError::NotAProfile)?;
    if file.format != PROFILE_FORMAT {
        return Err(ProfileFileError::NotAProfile);
    }
    if file.version > PROFILE_VERSION {
        return Err(ProfileFileError::NewerVersion { found: file.version });
    }
    let found = valid_photos(file.logos);
    let mut profile = file.profile;
    let mut logos = PhotoData::new();
    let mut rekey = |id: &str| -> Option<String> {
        let url = found.get(id)?.clone();
        let own = new_id();
        logos.insert(own.clone(), url);
        Some(own)
    };
    profile.logo = profile.logo.as_deref().and_then(&mut rekey);
    profile.partner_logos.retain_mut(|partner| match rekey(&partner.logo) {
        Some(own) => {
            partner.logo = own;
            true
        }
        None => false,
    });
    Ok((profile, logos))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::profile::PartnerLogo;
    use crate::core::templates::OwnTemplate;

    const PNG: &str = "data:image/png;base64,iVBORw0K";

    fn counter() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("new{n}")
        }
    }

    #[test]
    fn a_profile_travels_with_its_logos_and_templates_and_gets_logo_ids_of_its_own() {
        let mut profile = Profile::default();
        profile.name.ar = "جمعية الأمل".into();
        profile.logo = Some("a".into());
        profile.partner_logos = vec![
            PartnerLogo { logo: "b".into(), caption: "بتمويل من".into() },
            PartnerLogo { logo: "missing".into(), caption: "x".into() },
        ];
        profile.save_template(OwnTemplate::of("Monthly", &crate::core::report::Report::default()));
        let logos: PhotoData =
            [("a", PNG), ("b", PNG), ("other", PNG)].map(|(id, url)| (id.to_owned(), url.to_owned())).into();
        let file = write_profile_file(&profile, &logos);
        assert!(!file.contains("other"), "only the profile's logos");

        let (read, read_logos) = read_profile_file(file.as_bytes(), counter()).expect("reads");
        assert_eq!(read.name.ar, "جمعية الأمل");
        assert_eq!(read.templates, profile.templates);
        assert_eq!(read.logo.as_deref(), Some("new1"));
        assert_eq!(read.partner_logos, [PartnerLogo { logo: "new2".into(), caption: "بتمويل من".into() }]);
        assert_eq!(read_logos.keys().collect::<Vec<_>>(), ["new1", "new2"]);
    }

    #[test]
    fn other_files_are_refused_with_a_reason() {
        let read = |text: &str| read_profile_file(text.as_bytes(), counter()).map(|_| ());
        assert_eq!(read("not json"), Err(ProfileFileError::NotAProfile));
        assert_eq!(read(r#"{"format":"taqrir-backup","version":1}"#), Err(ProfileFileError::NotAProfile));
        assert_eq!(
            read(r#"{"format":"taqrir-profile","version":1,"profile":"text"}"#),
            Err(ProfileFileError::NotAProfile)
        );
        assert_eq!(
            read(r#"{"format":"taqrir-profile","version":7}"#),
            Err(ProfileFileError::NewerVersion { found: 7 })
        );
        let huge = vec![b' '; MAX_PROFILE_BYTES + 1];
        assert_eq!(read_profile_file(&huge, counter()).map(|_| ()), Err(ProfileFileError::TooLarge));
        let bad_logo = r#"{"format":"taqrir-profile","version":1,"profile":{"logo":"a"},"logos":{"a":"data:text/html;base64,PHA+"}}"#;
        let (profile, logos) = read_profile_file(bad_logo.as_bytes(), counter()).expect("reads");
        assert_eq!((profile.logo, logos.len()), (None, 0), "a logo that is not an image is left out");
        assert_eq!(
            ProfileFileError::NewerVersion { found: 7 }.message(Language::English),
            "This profile was made by a newer version of Taqrir (version 7). Update Taqrir to import it."
        );
    }
}
