//! The printable report: one self-contained HTML file written from the model.
//!
//! All user text reaches the output through [`HtmlWriter`], which escapes it for its context;
//! the only unescaped text is this module's own markup and stylesheet. The file carries a
//! Content-Security-Policy that allows no script, and links only for http, https and mailto.

use crate::core::i18n::{self, activity_name, Msg};
use crate::core::photos::{is_image_data_url, PhotoData};
use crate::core::report::{Attachment, Digits, Language, Report, WholeNumber};

/// Builds HTML, escaping every piece of text it is given.
pub struct HtmlWriter {
    out: String,
}

impl HtmlWriter {
    pub fn new() -> Self {
        HtmlWriter { out: String::with_capacity(16 * 1024) }
    }

    pub fn finish(self) -> String {
        self.out
    }

    /// This module's own markup: never user text.
    fn markup(&mut self, markup: &'static str) {
        self.out.push_str(markup);
    }

    /// `<tag a="v" …>`; attribute values are escaped.
    pub fn open(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attributes {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value);
            self.out.push('"');
        }
        self.out.push('>');
    }

    pub fn close(&mut self, tag: &'static str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
    }

    pub fn text(&mut self, text: &str) {
        escape_into(&mut self.out, text);
    }

    /// `<tag …>text</tag>`
    pub fn element(&mut self, tag: &'static str, attributes: &[(&'static str, &str)], text: &str) {
        self.open(tag, attributes);
        self.text(text);
        self.close(tag);
    }

    /// `<img src alt>` for a photo. Only an image `data:` URL (JPEG, PNG or WebP, base64) is
    /// accepted as `src`; for anything else nothing is written and `false` returned.
    pub fn image(&mut self, src: &str, alt: &str) -> bool {
        if !is_image_data_url(src) {
            return false;
        }
        self.open("img", &[("src", src), ("alt", alt)]);
        true
    }

    /// Text that may hold web and mail addresses: those with a safe scheme become links. A link
    /// shows exactly where it goes: bidi controls are taken out of it, and it is set left to right
    /// in isolation (`dir` isolates), so neither its own text nor an override before it reorders it.
    pub fn text_with_links(&mut self, text: &str) {
        let mut rest = text;
        while !rest.is_empty() {
            let split = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let (word, after) = rest.split_at(split);
            let trimmed = word.trim_end_matches(['.', ',', ';', ')', '،']);
            let address: String = trimmed.chars().filter(|&c| !is_bidi_control(c)).collect();
            match safe_href(&address) {
                Some(href) => {
                    self.element("a", &[("href", href), ("dir", "ltr")], href);
                    self.text(&word[trimmed.len()..]);
                }
                None => self.text(word),
            }
            let spaces = after.len() - after.trim_start().len();
            self.text(&after[..spaces]);
            rest = &after[spaces..];
        }
    }

    /// Multi-line text in one block: every line break kept as `<br>`, addresses as links.
    pub fn lines(&mut self, text: &str) {
        let text = unify_line_ends(text);
        for (i, line) in text.trim().split('\n').enumerate() {
            if i > 0 {
                self.markup("<br>");
            }
            self.text_with_links(line);
        }
    }

    /// Multi-line text: a paragraph per blank-line-separated block, line breaks kept.
    pub fn paragraphs(&mut self, text: &str) {
        let text = unify_line_ends(text);
        for block in text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
            self.open("p", &[("dir", "auto")]);
            self.lines(block);
            self.close("p");
        }
    }
}

impl Default for HtmlWriter {
    fn default() -> Self {
        Self::new()
    }
}

/// Escapes text for HTML text and quoted attribute values alike. Line ends of any system (`\r\n`,
/// a lone `\r`) become `\n`; characters HTML does not allow in text (controls other than tab and
/// newline, noncharacters) are dropped, so an imported file never prints as "�".
pub fn escape_into(out: &mut String, text: &str) {
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' => out.push('\n'),
            c if !allowed_in_html(c) => {}
            c => out.push(c),
        }
    }
}

/// Whether HTML allows `c` in text: no controls but tab and newline, no noncharacters.
fn allowed_in_html(c: char) -> bool {
    let code = c as u32;
    let noncharacter = (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE;
    !noncharacter && (!c.is_control() || c == '\n' || c == '\t')
}

/// `text` with `\r\n` and lone `\r` as `\n`, so line breaks from any system are seen as such.
fn unify_line_ends(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    }
}

/// The bidi embeddings, overrides, isolates and marks: in a link's text they could make it show
/// another address than the one it goes to.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// `text` as a link target, when it is a plain http, https or mailto address.
pub fn safe_href(text: &str) -> Option<&str> {
    let lower = text.to_ascii_lowercase();
    let scheme_ok = ["https://", "http://", "mailto:"].iter().any(|s| lower.starts_with(s) && lower.len() > s.len());
    let clean = !text.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`'));
    (scheme_ok && clean).then_some(text)
}

const MONTHS: [[&str; 12]; 3] = [
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    // The Levantine month names used in Iraq.
    [
        "كانون الثاني",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين الأول",
        "تشرين الثاني",
        "كانون الأول",
    ],
    [
        "کانوونی دووەم",
        "شوبات",
        "ئازار",
        "نیسان",
        "ئایار",
        "حوزەیران",
        "تەممووز",
        "ئاب",
        "ئەیلوول",
        "تشرینی یەکەم",
        "تشرینی دووەم",
        "کانوونی یەکەم",
    ],
];

/// A YYYY-MM-DD date written out in `lang` (Gregorian): "7 March 2024", "7 آذار 2024".
/// Anything else is returned as it was typed.
pub fn long_date(date: &str, lang: Language, digits: Digits) -> String {
    let mut parts = date.trim().splitn(3, '-');
    let parsed = (|| {
        let year: u32 = parts.next()?.parse().ok()?;
        let month: usize = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        let names = &MONTHS[lang as usize];
        Some(format!("{day} {} {year}", names.get(month.checked_sub(1)?)?))
    })();
    digits.apply(&parsed.unwrap_or_else(|| date.to_owned()))
}

fn has(text: &str) -> bool {
    !text.trim().is_empty()
}

const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1d2430; font: 11pt/1.5 "Segoe UI", "Noto Sans", "Noto Naskh Arabic", "Noto Sans Arabic", Tahoma, Arial, sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
header.title-block { border-bottom: 3px solid #1c5d84; padding-bottom: 0.75rem; margin-bottom: 1.25rem; }
.kind { margin: 0; color: #1c5d84; font-weight: 600; font-size: 10pt; letter-spacing: 0.03em; text-transform: uppercase; }
h1 { margin: 0.2rem 0 0.4rem; font-size: 20pt; line-height: 1.25; }
.byline { margin: 0; color: #4a5466; }
h2 { font-size: 13pt; color: #1c5d84; margin: 1.6rem 0 0.5rem; padding-bottom: 0.2rem; border-bottom: 1px solid #d5dae2; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 0.9rem 0 0.2rem; break-after: avoid; page-break-after: avoid; }
p { margin: 0.3rem 0 0.6rem; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 0.8rem; }
th, td { border: 1px solid #d5dae2; padding: 0.35rem 0.55rem; text-align: start; vertical-align: top; }
th { background: #f0f4f8; font-weight: 600; }
table.details th { width: 28%; }
table.figures { width: auto; min-width: 55%; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
tr, li, .speaker, .group { break-inside: avoid; page-break-inside: avoid; }
ol, ul { margin: 0.3rem 0 0.8rem; padding-inline-start: 1.5rem; }
li { margin: 0.2rem 0; }
.speaker, .group { margin: 0.6rem 0; padding: 0.2rem 0 0.2rem 0.8rem; border-inline-start: 3px solid #d5dae2; padding-inline-start: 0.8rem; padding-left: 0; }
.role { color: #4a5466; }
.note { color: #4a5466; font-size: 9.5pt; }
footer { margin-top: 2rem; padding-top: 0.5rem; border-top: 1px solid #d5dae2; color: #4a5466; font-size: 9pt; }
a { color: #1c5d84; }
ol.attachments > li { break-inside: auto; page-break-inside: auto; }
.photos { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.9rem 1rem; margin: 0.5rem 0 1rem; }
figure.photo { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figure.photo img { display: block; max-width: 100%; max-height: 95mm; width: auto; height: auto; border: 1px solid #d5dae2; }
figure.photo figcaption { margin-top: 0.3rem; color: #4a5466; font-size: 9.5pt; }
@media screen and (max-width: 30rem) { .photos { grid-template-columns: minmax(0, 1fr); } }
@page { size: A4; margin: 18mm 16mm 20mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #4a5466; } }
@media print { main { max-width: none; padding: 0; } a { color: inherit; } }
"#;

struct Export<'a> {
    report: &'a Report,
    photos: &'a PhotoData,
    lang: Language,
    /// The report's direction: for the labels and figures, which are in its language.
    dir: &'static str,
    w: HtmlWriter,
}

impl<'a> Export<'a> {
    fn t(&self, msg: Msg) -> &'static str {
        i18n::text(self.lang, msg)
    }

    fn number(&self, n: &WholeNumber) -> Option<String> {
        n.value().map(|v| self.report.digits.apply(&v.to_string()))
    }

    fn time(&self, time: &str) -> String {
        self.report.digits.apply(time)
    }

    fn heading(&mut self, msg: Msg) {
        let text = self.t(msg);
        self.w.element("h2", &[("dir", "auto")], text);
    }

    fn detail_row(&mut self, label: Msg, value: &str) {
        if !has(value) {
            return;
        }
        let label = self.t(label);
        self.w.markup("<tr>");
        self.w.element("th", &[("scope", "row"), ("dir", self.dir)], label);
        self.w.open("td", &[("dir", "auto")]);
        self.w.text_with_links(value);
        self.w.close("td");
        self.w.markup("</tr>");
    }

    fn title_block(&mut self) {
        let r = self.report;
        self.w.markup("<header class=\"title-block\">");
        let kind = self.t(activity_name(r.activity_type));
        let kind = match self.number(&r.session_number) {
            Some(n) => format!("{kind} · {n}"),
            None => kind.to_owned(),
        };
        self.w.element("p", &[("class", "kind"), ("dir", "auto")], &kind);
        let title = if has(&r.title) { r.title.as_str() } else { self.t(Msg::UntitledReport) };
        self.w.element("h1", &[("dir", "auto")], title);
        let byline: Vec<&str> = [&r.organizing_organization, &r.project_name, &r.donor]
            .into_iter()
            .map(String::as_str)
            .filter(|s| has(s))
            .collect();
        if !byline.is_empty() {
            self.w.element("p", &[("class", "byline"), ("dir", "auto")], &byline.join(" · "));
        }
        self.w.markup("</header>");
    }

    fn details(&mut self) {
        let r = self.report;
        let place: Vec<&str> = [&r.venue, &r.city, &r.governorate, &r.country]
            .into_iter()
            .map(String::as_str)
            .filter(|s| has(s))
            .collect();
        let time = match (has(&r.start_time), has(&r.end_time)) {
            (true, true) => format!("{} – {}", self.time(&r.start_time), self.time(&r.end_time)),
            (true, false) => self.time(&r.start_time),
            (false, true) => self.time(&r.end_time),
            (false, false) => String::new(),
        };
        let facilitators: Vec<String> =
            r.facilitators
                .iter()
                .filter(|f| has(&f.name))
                .map(|f| {
                    if has(&f.role) {
                        format!("{} ({})", f.name.trim(), f.role.trim())
                    } else {
                        f.name.trim().to_owned()
                    }
                })
                .collect();
        let rows = [
            (Msg::Date, long_date(&r.date, self.lang, r.digits)),
            (Msg::ExportTime, time),
            (Msg::ExportPlace, place.join(", ")),
            (Msg::ProjectName, r.project_name.clone()),
            (Msg::Programme, r.programme.clone()),
            (Msg::OrganizingOrganization, r.organizing_organization.clone()),
            (Msg::PartnerOrganizations, r.partner_organizations.clone()),
            (Msg::Donor, r.donor.clone()),
            (Msg::ExportFacilitators, facilitators.join("; ")),
            (Msg::Moderator, r.moderator.clone()),
        ];
        if rows.iter().all(|(_, v)| !has(v)) {
            return;
        }
        self.heading(Msg::ExportDetails);
        self.w.markup("<table class=\"details\"><tbody>");
        for (label, value) in rows {
            self.detail_row(label, &value);
        }
        self.w.markup("</tbody></table>");
    }

    fn narrative(&mut self, heading: Msg, text: &str) {
        if has(text) {
            self.heading(heading);
            self.w.paragraphs(text);
        }
    }

    fn plain_list(&mut self, heading: Msg, tag: &'static str, items: Vec<&str>) {
        let items: Vec<&str> = items.into_iter().filter(|s| has(s)).collect();
        if items.is_empty() {
            return;
        }
        self.heading(heading);
        self.w.open(tag, &[]);
        for item in items {
            self.w.open("li", &[("dir", "auto")]);
            self.w.lines(item);
            self.w.close("li");
        }
        self.w.close(tag);
    }

    fn participants(&mut self) {
        let p = &self.report.participants;
        let figures: Vec<(Msg, Option<String>)> = vec![
            (Msg::TotalParticipants, self.number(&p.total)),
            (Msg::Male, self.number(&p.male)),
            (Msg::Female, self.number(&p.female)),
            (Msg::SexNotRecorded, self.number(&p.sex_not_recorded)),
            (Msg::Under18, self.number(&p.under_18)),
            (Msg::Age18To24, self.number(&p.age_18_to_24)),
            (Msg::Age25To59, self.number(&p.age_25_to_59)),
            (Msg::Age60AndOver, self.number(&p.age_60_and_over)),
            (Msg::WithDisabilities, self.number(&p.with_disabilities)),
            (Msg::Guests, self.number(&p.guests)),
        ];
        let governorates: Vec<(&str, Option<String>)> =
            p.governorates.iter().filter(|g| has(&g.name)).map(|g| (g.name.as_str(), self.number(&g.count))).collect();
        let categories: Vec<(&str, Option<String>)> =
            p.categories.iter().filter(|c| has(&c.label)).map(|c| (c.label.as_str(), self.number(&c.count))).collect();
        if figures.iter().all(|(_, v)| v.is_none()) && governorates.is_empty() && categories.is_empty() {
            return;
        }
        self.heading(Msg::SectionParticipants);
        if figures.iter().any(|(_, v)| v.is_some()) {
            self.w.markup("<table class=\"figures\"><tbody>");
            for (label, value) in figures {
                if let Some(value) = value {
                    let label = self.t(label);
                    self.w.markup("<tr>");
                    self.w.element("th", &[("scope", "row"), ("dir", self.dir)], label);
                    self.w.element("td", &[("class", "num"), ("dir", self.dir)], &value);
                    self.w.markup("</tr>");
                }
            }
            self.w.markup("</tbody></table>");
            if p.guests.value().is_some() {
                let hint = self.t(Msg::GuestsHint);
                self.w.element("p", &[("class", "note"), ("dir", "auto")], hint);
            }
        }
        for (heading, rows) in [(Msg::ParticipantsByGovernorate, governorates), (Msg::ExportCategories, categories)] {
            if rows.is_empty() {
                continue;
            }
            let heading = self.t(heading);
            self.w.element("h3", &[("dir", "auto")], heading);
            if rows.iter().all(|(_, count)| count.is_none()) {
                self.w.markup("<ul>");
                for (name, _) in rows {
                    self.w.element("li", &[("dir", "auto")], name);
                }
                self.w.markup("</ul>");
                continue;
            }
            self.w.markup("<table class=\"figures\"><tbody>");
            for (name, count) in rows {
                self.w.markup("<tr>");
                self.w.element("td", &[("dir", "auto")], name);
                self.w.element("td", &[("class", "num"), ("dir", self.dir)], count.as_deref().unwrap_or(""));
                self.w.markup("</tr>");
            }
            self.w.markup("</tbody></table>");
        }
    }

    fn agenda(&mut self) {
        let items: Vec<_> = self.report.agenda.iter().filter(|a| has(&a.item) || has(&a.start)).collect();
        if items.is_empty() {
            return;
        }
        self.heading(Msg::SectionAgenda);
        let (time, item, presenter) = (self.t(Msg::ExportTime), self.t(Msg::Item), self.t(Msg::Presenter));
        let any_presenter = items.iter().any(|a| has(&a.presenter));
        self.w.markup("<table class=\"agenda\"><thead><tr>");
        self.w.element("th", &[("scope", "col"), ("dir", self.dir)], time);
        self.w.element("th", &[("scope", "col"), ("dir", self.dir)], item);
        if any_presenter {
            self.w.element("th", &[("scope", "col"), ("dir", self.dir)], presenter);
        }
        self.w.markup("</tr></thead><tbody>");
        for a in items {
            let when = match (has(&a.start), has(&a.end)) {
                (true, true) => format!("{} – {}", self.time(&a.start), self.time(&a.end)),
                _ => self.time(if has(&a.start) { &a.start } else { &a.end }),
            };
            self.w.markup("<tr>");
            self.w.element("td", &[("class", "time"), ("dir", self.dir)], &when);
            self.w.open("td", &[("dir", "auto")]);
            self.w.lines(&a.item);
            self.w.close("td");
            if any_presenter {
                self.w.element("td", &[("dir", "auto")], &a.presenter);
            }
            self.w.markup("</tr>");
        }
        self.w.markup("</tbody></table>");
    }

    fn discussion(&mut self) {
        let points: Vec<_> =
            self.report.discussion_points.iter().filter(|d| has(&d.heading) || has(&d.details)).collect();
        if points.is_empty() {
            return;
        }
        self.heading(Msg::SectionDiscussion);
        self.w.markup("<ol class=\"discussion\">");
        for point in points {
            self.w.markup("<li>");
            if has(&point.heading) {
                self.w.element("h3", &[("dir", "auto")], point.heading.trim());
            }
            self.w.paragraphs(&point.details);
            self.w.markup("</li>");
        }
        self.w.markup("</ol>");
    }

    fn speakers(&mut self) {
        let speakers: Vec<_> = self.report.speakers.iter().filter(|s| has(&s.name) || has(&s.summary)).collect();
        if speakers.is_empty() {
            return;
        }
        self.heading(Msg::ExportSpeakers);
        for s in speakers {
            self.w.markup("<div class=\"speaker\">");
            self.w.element("h3", &[("dir", "auto")], s.name.trim());
            let role: Vec<&str> =
                [s.position.trim(), s.organization.trim()].into_iter().filter(|x| !x.is_empty()).collect();
            if !role.is_empty() {
                self.w.element("p", &[("class", "role"), ("dir", "auto")], &role.join(", "));
            }
            self.w.paragraphs(&s.summary);
            self.w.markup("</div>");
        }
    }

    fn working_groups(&mut self) {
        let groups: Vec<_> = self.report.working_groups.iter().filter(|g| has(&g.topic) || has(&g.outcomes)).collect();
        if groups.is_empty() {
            return;
        }
        self.heading(Msg::SectionWorkingGroups);
        for g in groups {
            self.w.markup("<div class=\"group\">");
            self.w.element("h3", &[("dir", "auto")], g.topic.trim());
            let facilitator = g.facilitator.trim();
            if !facilitator.is_empty() {
                let label = self.t(Msg::Facilitator);
                self.w.element("p", &[("class", "role"), ("dir", "auto")], &format!("{label}: {facilitator}"));
            }
            if has(&g.members) || g.member_count.value().is_some() {
                let label = self.t(Msg::Members);
                let count = self.number(&g.member_count).map(|n| format!(" ({n})")).unwrap_or_default();
                let names = unify_line_ends(&g.members)
                    .split('\n')
                    .map(str::trim)
                    .filter(|m| !m.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                self.w.element("p", &[("dir", "auto")], &format!("{label}{count}: {names}"));
            }
            self.w.paragraphs(&g.outcomes);
            self.w.markup("</div>");
        }
    }

    /// The attachments, each with its photos (those whose data is a valid image), two to a row.
    fn attachments(&mut self) {
        let photos = self.photos;
        let with_data = |a: &'a Attachment| photos_with_data(a, photos);
        let items: Vec<&Attachment> =
            self.report.attachments.iter().filter(|a| has(&a.description) || with_data(a).next().is_some()).collect();
        if items.is_empty() {
            return;
        }
        self.heading(Msg::SectionAttachments);
        if items.iter().any(|a| with_data(a).next().is_some()) {
            self.w.markup("<ol class=\"attachments\">");
        } else {
            self.w.markup("<ol>");
        }
        for attachment in items {
            self.w.open("li", &[("dir", "auto")]);
            self.w.text_with_links(attachment.description.trim());
            let mut figures = with_data(attachment).peekable();
            if figures.peek().is_some() {
                self.w.markup("<div class=\"photos\">");
                for (n, (photo, url)) in figures.enumerate() {
                    let caption = photo.caption.trim();
                    let alt = if caption.is_empty() {
                        i18n::format(
                            self.lang,
                            Msg::PhotoLegend,
                            &[("n", &self.report.digits.apply(&(n + 1).to_string()))],
                        )
                    } else {
                        caption.to_owned()
                    };
                    self.w.markup("<figure class=\"photo\">");
                    self.w.image(url, &alt);
                    if !caption.is_empty() {
                        self.w.element("figcaption", &[("dir", "auto")], caption);
                    }
                    self.w.markup("</figure>");
                }
                self.w.markup("</div>");
            }
            self.w.close("li");
        }
        self.w.markup("</ol>");
    }

    fn write(mut self) -> String {
        let r = self.report;
        let (lang, dir) = (self.lang.code(), self.dir);
        self.w.markup("<!DOCTYPE html>\n");
        self.w.open("html", &[("lang", lang), ("dir", dir)]);
        self.w.markup(concat!(
            "<head><meta charset=\"utf-8\">",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta name=\"generator\" content=\"Taqrir\">"
        ));
        let title = if has(&r.title) { r.title.as_str() } else { self.t(Msg::UntitledReport) };
        self.w.element("title", &[], title);
        self.w.markup("<style>");
        self.w.markup(STYLE);
        self.w.markup("</style></head><body><main>");
        self.title_block();
        self.details();
        self.narrative(Msg::Introduction, &r.introduction);
        self.narrative(Msg::Aim, &r.aim);
        self.narrative(Msg::SessionTopic, &r.session_topic);
        self.plain_list(Msg::SectionObjectives, "ol", r.objectives.iter().map(|o| o.text.as_str()).collect());
        self.participants();
        self.agenda();
        self.speakers();
        self.discussion();
        self.working_groups();
        self.plain_list(Msg::SectionResults, "ol", r.results.iter().map(|o| o.text.as_str()).collect());
        self.plain_list(Msg::SectionRecommendations, "ul", r.recommendations.iter().map(|o| o.text.as_str()).collect());
        for section in r.extra_sections.iter().filter(|s| has(&s.heading) || has(&s.text)) {
            self.w.element("h2", &[("dir", "auto")], section.heading.trim());
            self.w.paragraphs(&section.text);
        }
        self.narrative(Msg::Conclusion, &r.conclusion);
        self.narrative(Msg::NextSteps, &r.next_steps);
        self.attachments();
        let footer = self.t(Msg::ExportPreparedWith);
        self.w.element("footer", &[("dir", "auto")], footer);
        self.w.markup("</main></body></html>\n");
        self.w.finish()
    }
}

/// `attachment`'s photos that have valid image data in `photos`, with that data.
fn photos_with_data<'a>(
    attachment: &'a Attachment,
    photos: &'a PhotoData,
) -> impl Iterator<Item = (&'a crate::core::report::PhotoRef, &'a String)> + 'a {
    attachment
        .photos
        .iter()
        .filter_map(move |p| photos.get(&p.id).filter(|url| is_image_data_url(url)).map(|url| (p, url)))
}

/// The whole report as a printable, self-contained HTML document in the report's language.
pub fn report_html(report: &Report) -> String {
    report_html_with_photos(report, &PhotoData::new())
}

/// The printable report with its photos embedded: `photos` maps a photo's id to its image `data:`
/// URL. A photo with no entry, or whose URL is not a JPEG, PNG or WebP base64 `data:` URL, is
/// left out.
pub fn report_html_with_photos(report: &Report, photos: &PhotoData) -> String {
    let dir = if report.language.is_rtl() { "rtl" } else { "ltr" };
    Export { report, photos, lang: report.language, dir, w: HtmlWriter::new() }.write()
}

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
    let subject = if has(&report.title) { report.title.trim().to_owned() } else { t(Msg::UntitledReport).to_owned() };
    let mut lines = vec![subject.clone(), String::new()];
    let place: Vec<&str> = [&report.venue, &report.city].into_iter().map(String::as_str).filter(|s| has(s)).collect();
    let facts = [
        (Msg::ActivityType, t(activity_name(report.activity_type)).to_owned()),
        (Msg::Date, long_date(&report.date, lang, report.digits)),
        (Msg::ExportPlace, place.join(", ")),
        (Msg::OrganizingOrganization, report.organizing_organization.trim().to_owned()),
        (
            Msg::TotalParticipants,
            report.participants.total.value().map(|n| report.digits.apply(&n.to_string())).unwrap_or_default(),
        ),
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
    fn escaping_covers_text_and_attributes() {
        let mut out = String::new();
        escape_into(&mut out, r#"<a href="x" onclick='y'>&"#);
        assert_eq!(out, "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;");
    }

    #[test]
    fn escaping_makes_every_line_end_a_newline() {
        let mut out = String::new();
        escape_into(&mut out, "a\r\nb\rc\nd\r\r\ne");
        assert_eq!(out, "a\nb\nc\nd\n\ne");
    }

    #[test]
    fn escaping_drops_what_html_forbids_in_text() {
        let mut out = String::new();
        escape_into(
            &mut out,
            "a\u{0}\u{8}\u{b}\u{c}\u{1b}\u{7f}\u{85}\u{9f}b\u{FDD0}\u{FDEF}\u{FFFE}\u{FFFF}\u{1FFFE}\u{10FFFF}c\td",
        );
        assert_eq!(out, "abc\td");
        let mut out = String::new();
        escape_into(&mut out, "\u{FDCF}\u{FFFD}\u{FFFC}\u{202E}");
        assert_eq!(out, "\u{FDCF}\u{FFFD}\u{FFFC}\u{202E}", "only forbidden characters go");
    }

    #[test]
    fn a_multi_line_text_keeps_its_line_breaks_in_one_block() {
        let mut w = HtmlWriter::new();
        w.lines(" Opening\r\nWelcome & tea\rLunch \n");
        assert_eq!(w.finish(), "Opening<br>Welcome &amp; tea<br>Lunch");
        let mut w = HtmlWriter::new();
        w.paragraphs("One\r\ntwo\r\n\r\nThree\r\rFour");
        assert_eq!(w.finish(), "<p dir=\"auto\">One<br>two</p><p dir=\"auto\">Three</p><p dir=\"auto\">Four</p>");
    }

    #[test]
    fn a_link_shows_its_address_without_bidi_controls_and_isolated() {
        let mut w = HtmlWriter::new();
        w.text_with_links("\u{202E} https://example.org/\u{202E}fdp.exe.");
        assert_eq!(
            w.finish(),
            "\u{202E} <a href=\"https://example.org/fdp.exe\" dir=\"ltr\">https://example.org/fdp.exe</a>."
        );
    }

    #[test]
    fn only_http_https_and_mailto_become_links() {
        assert_eq!(safe_href("https://example.org/a"), Some("https://example.org/a"));
        assert_eq!(safe_href("mailto:info@nbh.org"), Some("mailto:info@nbh.org"));
        for bad in
            ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "https://", "//evil", "https://a\"onmouseover=x"]
        {
            assert_eq!(safe_href(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_are_written_in_the_reports_language_and_digits() {
        assert_eq!(long_date("2024-03-07", Language::English, Digits::Western), "7 March 2024");
        assert_eq!(long_date("2024-03-07", Language::Arabic, Digits::ArabicIndic), "٧ آذار ٢٠٢٤");
        assert_eq!(long_date("2024-11-07", Language::Kurdish, Digits::Western), "7 تشرینی دووەم 2024");
        assert_eq!(long_date("next week", Language::English, Digits::Western), "next week");
    }

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
    }
}
