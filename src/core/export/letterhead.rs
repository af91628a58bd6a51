//! The organisation's letterhead as the writers print it: the name and logo at the top of the
//! first page, partner and donor logos with their captions beside them, and the footer lines at
//! the foot of every page. It is plain data, made from the organisation profile when a file is
//! asked for ([`crate::core::profile::Profile::letterhead`]) and handed to the writers with the
//! report, so they never read storage; it travels to the export worker as JSON.

use crate::core::photos::is_image_data_url;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Letterhead {
    /// The organisation's name in the report's language.
    pub organisation: String,
    /// Its logo, an image `data:` URL.
    pub logo: Option<String>,
    /// Partner and donor logos, in order.
    pub partners: Vec<PartnerMark>,
    /// Address, contacts, registration: each line as typed, blank ones left out.
    pub footer: Vec<String>,
}

/// A partner's or donor's logo and what it says about them ("Funded by").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PartnerMark {
    pub caption: String,
    /// An image `data:` URL.
    pub logo: String,
}

impl Letterhead {
    /// Whether there is nothing to print at the top of the first page.
    pub fn has_head(&self) -> bool {
        !self.organisation.trim().is_empty() || self.logo().is_some() || self.partners().next().is_some()
    }

    /// The logo, when it is an image a page may show.
    pub fn logo(&self) -> Option<&str> {
        self.logo.as_deref().filter(|url| is_image_data_url(url))
    }

    /// The partner logos a page may show.
    pub fn partners(&self) -> impl Iterator<Item = &PartnerMark> {
        self.partners.iter().filter(|mark| is_image_data_url(&mark.logo))
    }

    /// The footer's lines, blank ones left out.
    pub fn footer_lines(&self) -> impl Iterator<Item = &str> {
        self.footer.iter().flat_map(|text| text.lines()).map(str::trim).filter(|line| !line.is_empty())
    }

    /// Reads a letterhead sent as JSON; anything unreadable is no letterhead, so the report
    /// still prints (as it would with no profile).
    pub fn from_json(text: &str) -> Self {
        serde_json::from_str(text).unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_images_and_written_lines_are_printed() {
        let letterhead = Letterhead {
            organisation: "  ".into(),
            logo: Some("javascript:alert(1)".into()),
            partners: vec![PartnerMark { caption: "Funded by".into(), logo: "data:text/html;base64,PHA+".into() }],
            footer: vec!["Street 1\n\n  Nasiriyah ".into(), "".into()],
        };
        assert!(!letterhead.has_head());
        assert_eq!(letterhead.footer_lines().collect::<Vec<_>>(), ["Street 1", "Nasiriyah"]);
        assert_eq!(Letterhead::from_json("{not json"), Letterhead::default());
        assert_eq!(Letterhead::from_json(&letterhead.to_json()), letterhead);
    }
}
