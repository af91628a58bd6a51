//! The report's sign-off: who prepared, reviewed and approved it, each with a name, a position
//! and a date, printed at the end of the report with room to sign.

use crate::core::i18n::{self, long_date, Msg};
use crate::core::report::Report;
use serde::{Deserialize, Serialize};

/// One of the three people who sign a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Signer {
    PreparedBy,
    ReviewedBy,
    ApprovedBy,
}

impl Signer {
    pub const ALL: [Signer; 3] = [Signer::PreparedBy, Signer::ReviewedBy, Signer::ApprovedBy];

    /// The name in JSON and in the editor's ids.
    pub fn name(self) -> &'static str {
        match self {
            Signer::PreparedBy => "prepared_by",
            Signer::ReviewedBy => "reviewed_by",
            Signer::ApprovedBy => "approved_by",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }

    /// "Prepared by", "Reviewed by", "Approved by".
    pub fn label(self) -> Msg {
        match self {
            Signer::PreparedBy => Msg::PreparedBy,
            Signer::ReviewedBy => Msg::ReviewedBy,
            Signer::ApprovedBy => Msg::ApprovedBy,
        }
    }
}

/// Who signs the report. Each part is optional in the JSON document (schema 2).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(reactive_stores::Store))]
#[serde(default)]
pub struct SignOff {
    #[serde(skip_serializing_if = "Signatory::is_blank")]
    pub prepared_by: Signatory,
    #[serde(skip_serializing_if = "Signatory::is_blank")]
    pub reviewed_by: Signatory,
    #[serde(skip_serializing_if = "Signatory::is_blank")]
    pub approved_by: Signatory,
}

/// A person who signs: name, position, and the date they sign (YYYY-MM-DD, as typed).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(reactive_stores::Store))]
#[serde(default)]
pub struct Signatory {
    pub name: String,
    pub position: String,
    pub date: String,
}

impl Signatory {
    /// Whether nothing but spaces was written.
    pub fn is_blank(&self) -> bool {
        [&self.name, &self.position, &self.date].iter().all(|text| text.trim().is_empty())
    }
}

impl SignOff {
    pub fn is_blank(&self) -> bool {
        Signer::ALL.iter().all(|&signer| self.of(signer).is_blank())
    }

    pub fn of(&self, signer: Signer) -> &Signatory {
        match signer {
            Signer::PreparedBy => &self.prepared_by,
            Signer::ReviewedBy => &self.reviewed_by,
            Signer::ApprovedBy => &self.approved_by,
        }
    }
}

/// The sign-off as it is printed: a block for each signatory something was written for.
pub struct SignOffView {
    /// "Sign-off", in the report's language.
    pub heading: &'static str,
    /// Written under the line left to sign on.
    pub signature: &'static str,
    pub blocks: Vec<SignatureBlock>,
}

pub struct SignatureBlock {
    /// "Prepared by".
    pub role: &'static str,
    pub name: String,
    pub position: String,
    /// Written out in the report's language and digits; empty when not given.
    pub date: String,
}

impl SignOffView {
    /// What `report`'s sign-off prints; `None` when nothing was written in it.
    pub fn of(report: &Report) -> Option<Self> {
        let lang = report.language;
        let blocks: Vec<SignatureBlock> = Signer::ALL
            .into_iter()
            .map(|signer| (signer, report.sign_off.of(signer)))
            .filter(|(_, who)| !who.is_blank())
            .map(|(signer, who)| SignatureBlock {
                role: i18n::text(lang, signer.label()),
                name: who.name.trim().to_owned(),
                position: who.position.trim().to_owned(),
                date: match who.date.trim() {
                    "" => String::new(),
                    date => long_date(date, lang, report.digits),
                },
            })
            .collect();
        (!blocks.is_empty()).then(|| SignOffView {
            heading: i18n::text(lang, Msg::SectionSignOff),
            signature: i18n::text(lang, Msg::Signature),
            blocks,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::report::{Digits, Language};

    #[test]
    fn the_printed_sign_off_has_a_block_for_each_signatory_written_in_the_reports_language() {
        let mut report = Report::blank_in(Language::Arabic);
        assert!(SignOffView::of(&report).is_none(), "a report without a sign-off prints none");
        report.sign_off.prepared_by =
            Signatory { name: " سارة ".into(), position: "منسقة".into(), date: "2026-11-15".into() };
        report.sign_off.approved_by.name = "هدى".into();
        let view = SignOffView::of(&report).expect("a sign-off");
        assert_eq!(view.heading, "الإعداد والاعتماد");
        let shown: Vec<(&str, &str, &str)> =
            view.blocks.iter().map(|b| (b.role, b.name.as_str(), b.date.as_str())).collect();
        assert_eq!(shown, [("أعدّه", "سارة", "١٥ تشرين الثاني ٢٠٢٦"), ("اعتمده", "هدى", "")]);
        report.digits = Digits::Western;
        assert_eq!(SignOffView::of(&report).expect("a sign-off").blocks[0].date, "15 تشرين الثاني 2026");
    }

    #[test]
    fn a_report_without_a_sign_off_writes_none_and_reads_one_that_is_given() {
        let blank = serde_json::to_value(Report::blank()).expect("writes");
        assert!(blank.get("sign_off").is_none(), "{blank}");
        let json = r#"{"sign_off":{"approved_by":{"name":"Huda","position":"Director"}}}"#;
        let report: Report = serde_json::from_str(json).expect("reads");
        assert_eq!(report.sign_off.approved_by.name, "Huda");
        assert!(report.sign_off.prepared_by.is_blank());
        let back = serde_json::to_value(&report).expect("writes");
        assert_eq!(
            back["sign_off"],
            serde_json::json!({"approved_by":{"name":"Huda","position":"Director","date":""}})
        );
    }
}
