//! What a report is called outside the page: the name of its files (HTML and JSON) and the
//! email that sends it.

use crate::core::export::view::{has, joined, number, title};
use crate::core::i18n::{self, activity_name, long_date, Msg};
use crate::core::report::Report;

/// `2024-03-07-fourth-dialogue-session.html`: the date and the title, safe as a file name.
pub fn file_name(report: &Report, extension: &str) -> String {
    let mut slug = String::new();
    for ch in report.title.trim().chars().flat_map(char::to_lowercase) {
        if ch.is_alphanumeric() {
            slug.push(ch);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.chars().count() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "report" } else { slug };
    let date = report.date.trim();
    let valid_date = date.len() == 10 && date.chars().all(|c| c.is_ascii_digit() || c == '-');
    if valid_date {
        format!("{date}-{slug}.{extension}")
    } else {
        format!("{slug}.{extension}")
    }
}

/// The subject and body of the email that sends the report.
pub fn email_summary(report: &Report) -> (String, String) {
    let lang = report.language;
    let t = |msg| i18n::text(lang, msg);
    let subject = title(report);
    let mut lines = vec![subject.clone(), String::new()];
    let facts = [
        (Msg::ActivityType, t(activity_name(report.activity_type)).to_owned()),
        (Msg::Date, long_date(&report.date, lang, report.digits)),
        (Msg::ExportPlace, joined([&report.venue, &report.city], i18n::list_separator(lang)).unwrap_or_default()),
        (Msg::OrganizingOrganization, report.organizing_organization.trim().to_owned()),
        (Msg::TotalParticipants, number(&report.participants.total, report.digits).unwrap_or_default()),
    ];
    for (label, value) in facts {
        if has(&value) {
            lines.push(format!("{}: {}", t(label), value));
        }
    }
    lines.push(String::new());
    lines.push(t(Msg::ExportEmailAttach).to_owned());
    (subject, lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_the_date_and_title() {
        let mut report =
            Report { title: "Fourth Dialogue Session".into(), date: "2024-03-07".into(), ..Report::blank() };
        assert_eq!(file_name(&report, "html"), "2024-03-07-fourth-dialogue-session.html");
        report.title = "الجلسة الحوارية / الرابعة".into();
        assert_eq!(file_name(&report, "json"), "2024-03-07-الجلسة-الحوارية-الرابعة.json");
        report.title = "../..\\con".into();
        report.date = String::new();
        assert_eq!(file_name(&report, "html"), "con.html");
        report.title = String::new();
        assert_eq!(file_name(&report, "html"), "report.html");
    }

    #[test]
    fn the_email_names_the_report_and_asks_for_the_attachments() {
        let report = Report { title: "Fourth Dialogue Session".into(), date: "2024-03-07".into(), ..Report::blank() };
        let (subject, body) = email_summary(&report);
        assert_eq!(subject, "Fourth Dialogue Session");
        assert!(body.contains("Date: 7 March 2024"), "{body}");
        assert!(body.contains("attach"), "{body}");
        assert!(body.contains("Word file"), "the email names the Word file: {body}");
    }
}
