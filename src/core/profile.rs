//! The organisation profile: who the organisation is on paper (its name in each language, its
//! logo, partner and donor logos, the footer), what a new report starts with, and its own
//! templates. It is kept in local storage under one key ([`PROFILE_KEY`]); the logos' bytes are in
//! the photo store, owned by [`LOGO_OWNER`], and the profile holds their ids.

use crate::core::export::letterhead::{Letterhead, PartnerMark};
use crate::core::i18n::{self, Msg};
use crate::core::photos::PhotoData;
use crate::core::report::{Digits, Language, Report};
use crate::core::store::KeyValueStore;
use crate::core::store_error::StoreError;
use crate::core::templates::OwnTemplate;
use serde::{Deserialize, Serialize};

/// Where the profile is kept in local storage.
pub const PROFILE_KEY: &str = "taqrir.profile";
/// Where a stored profile that could not be read is moved before a new one is written.
pub const UNREADABLE_PROFILE_KEY: &str = "taqrir.profile.unreadable";
/// The owner the photo store records for the profile's logos: no draft has this id.
pub const LOGO_OWNER: &str = "organisation-profile";

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// The organisation's name in each language.
    pub name: Names,
    /// Its logo's id in the photo store.
    pub logo: Option<String>,
    pub partner_logos: Vec<PartnerLogo>,
    pub footer: Footer,
    pub defaults: Defaults,
    /// Templates of the organisation's own, by name.
    pub templates: Vec<OwnTemplate>,
}

/// A text in each of the report languages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Names {
    pub en: String,
    pub ar: String,
    pub ckb: String,
}

impl Names {
    pub fn get(&self, lang: Language) -> &str {
        match lang {
            Language::English => &self.en,
            Language::Arabic => &self.ar,
            Language::Kurdish => &self.ckb,
        }
    }

    pub fn get_mut(&mut self, lang: Language) -> &mut String {
        match lang {
            Language::English => &mut self.en,
            Language::Arabic => &mut self.ar,
            Language::Kurdish => &mut self.ckb,
        }
    }

    /// The text in `lang`, else the first one written (English, Arabic, Kurdish).
    pub fn in_language(&self, lang: Language) -> &str {
        std::iter::once(lang)
            .chain(Language::ALL)
            .map(|lang| self.get(lang).trim())
            .find(|text| !text.is_empty())
            .unwrap_or_default()
    }
}

/// A partner's or donor's logo, and what the page says above it ("Funded by").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PartnerLogo {
    /// Its id in the photo store.
    pub logo: String,
    pub caption: String,
}

/// What the foot of every printed page says.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Footer {
    pub address: String,
    pub contacts: String,
    pub registration: String,
}

/// What a new report starts with. Blank text is no default.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Defaults {
    pub organisation: String,
    pub partners: String,
    pub donor: String,
    pub project: String,
    pub programme: String,
    pub governorate: String,
    pub country: String,
    /// The report language; `None` follows the interface language.
    pub language: Option<Language>,
    /// `None` takes the language's usual digits.
    pub digits: Option<Digits>,
}

impl Profile {
    /// A new blank report: in the default language (else `interface`), its digits, and the
    /// organisation's details filled in.
    pub fn new_report(&self, interface: Language) -> Report {
        let mut report = Report::blank_in(self.defaults.language.unwrap_or(interface));
        if let Some(digits) = self.defaults.digits {
            report.digits = digits;
        }
        self.fill(&mut report);
        report
    }

    /// Fills the blank identity and place fields of `report` with the profile's defaults; the
    /// organiser falls back to the organisation's name in the report's language.
    pub fn fill(&self, report: &mut Report) {
        let d = &self.defaults;
        let organisation = match d.organisation.trim() {
            "" => self.name.in_language(report.language),
            named => named,
        };
        for (field, default) in [
            (&mut report.organizing_organization, organisation),
            (&mut report.partner_organizations, d.partners.trim()),
            (&mut report.donor, d.donor.trim()),
            (&mut report.project_name, d.project.trim()),
            (&mut report.programme, d.programme.trim()),
            (&mut report.governorate, d.governorate.trim()),
            (&mut report.country, d.country.trim()),
        ] {
            if field.trim().is_empty() {
                *field = default.to_owned();
            }
        }
    }

    /// The ids of the logos in the photo store.
    pub fn logo_ids(&self) -> impl Iterator<Item = &str> {
        self.logo.iter().map(String::as_str).chain(self.partner_logos.iter().map(|p| p.logo.as_str()))
    }

    /// The letterhead a report in `lang` prints, with the logos of `logos` (id → `data:` URL);
    /// a logo not found there is left out.
    pub fn letterhead(&self, lang: Language, logos: &PhotoData) -> Letterhead {
        let footer = [&self.footer.address, &self.footer.contacts, &self.footer.registration];
        Letterhead {
            organisation: self.name.in_language(lang).to_owned(),
            logo: self.logo.as_ref().and_then(|id| logos.get(id)).cloned(),
            partners: self
                .partner_logos
                .iter()
                .filter_map(|p| {
                    Some(PartnerMark { caption: p.caption.trim().to_owned(), logo: logos.get(&p.logo)?.clone() })
                })
                .collect(),
            footer: footer.into_iter().filter(|text| !text.trim().is_empty()).cloned().collect(),
        }
    }

    /// Stores `template`, in place of an own template of the same name.
    pub fn save_template(&mut self, template: OwnTemplate) {
        match self.templates.iter_mut().find(|t| t.name == template.name) {
            Some(same) => *same = template,
            None => self.templates.push(template),
        }
    }

    pub fn delete_template(&mut self, name: &str) {
        self.templates.retain(|t| t.name != name);
    }

    /// Adds the templates of `other` whose names are not here yet.
    pub fn add_missing_templates(&mut self, other: &[OwnTemplate]) {
        for template in other {
            if !self.templates.iter().any(|t| t.name == template.name) {
                self.templates.push(template.clone());
            }
        }
    }

    /// Takes in the profile of a restored backup: whole, in a browser that has none; else only
    /// the templates this one lacks, so nothing set here is replaced.
    pub fn take_restored(&mut self, incoming: Profile) -> Restoring {
        if self.is_blank() {
            *self = incoming;
            return Restoring::Whole;
        }
        let before = self.templates.len();
        self.add_missing_templates(&incoming.templates);
        Restoring::Templates(self.templates.len() - before)
    }

    /// Whether nothing was set (a browser that never opened the Organisation screen).
    pub fn is_blank(&self) -> bool {
        *self == Profile::default()
    }
}

/// What restoring a backup's profile did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Restoring {
    /// The browser had no profile and took the backup's.
    Whole,
    /// The browser kept its own and added this many templates.
    Templates(usize),
}

impl Restoring {
    /// What the person is told, in `lang`; nothing when nothing changed.
    pub fn message(self, lang: Language) -> Option<String> {
        match self {
            Restoring::Whole => Some(i18n::text(lang, Msg::ProfileRestored).to_owned()),
            Restoring::Templates(0) => None,
            Restoring::Templates(n) => Some(i18n::plural(lang, Msg::TemplatesRestored, n as u64, &[])),
        }
    }
}

/// The profile as stored: none yet, read, or unreadable (its text kept).
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    Profile(Box<Profile>),
    Unreadable(String),
}

/// Reads the stored profile; a browser without one has a blank profile.
pub fn load(store: &impl KeyValueStore) -> Result<Stored, StoreError> {
    Ok(match store.get(PROFILE_KEY)? {
        None => Stored::Profile(Box::default()),
        Some(text) => match serde_json::from_str(&text) {
            Ok(profile) => Stored::Profile(Box::new(profile)),
            Err(_) => Stored::Unreadable(text),
        },
    })
}

/// Writes `profile`. A stored profile that cannot be read is first moved aside
/// ([`UNREADABLE_PROFILE_KEY`]), never written over.
pub fn save(store: &mut impl KeyValueStore, profile: &Profile) -> Result<(), StoreError> {
    if let Ok(Stored::Unreadable(text)) = load(store) {
        store.set(UNREADABLE_PROFILE_KEY, &text)?;
    }
    store.set(PROFILE_KEY, &serde_json::to_string(profile).unwrap_or_default())
}

#[cfg(test)]
#[path = "profile_tests.rs"]
mod tests;
