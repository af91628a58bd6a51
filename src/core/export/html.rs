//! The printable report: one self-contained HTML page that lays out a [`ReportView`].
//!
//! What the page shows is decided by the view; this module only writes markup. All text reaches
//! the page through [`HtmlWriter`], which escapes it; the only unescaped text is this module's own
//! markup and stylesheet. The page carries a Content-Security-Policy that allows no script.

use crate::core::export::html_writer::HtmlWriter;
use crate::core::export::letterhead::Letterhead;
use crate::core::export::view::{self, Content, ReportView};
use crate::core::photos::PhotoData;
use crate::core::report::{Digits, Language, Report};
use crate::core::report_file::{json_for_html, DATA_ELEMENT_ID};

/// The whole report as a printable, self-contained HTML document in the report's language.
pub fn report_html(report: &Report) -> String {
    report_html_with_photos(report, &PhotoData::new())
}

/// The printable report with its photos embedded: `photos` maps a photo's id to its image `data:`
/// URL. A photo with no entry, or whose URL is not a JPEG, PNG or WebP base64 `data:` URL, is
/// left out.
pub fn report_html_with_photos(report: &Report, photos: &PhotoData) -> String {
    printable_html(report, photos, &Letterhead::default())
}

/// The printable report on the organisation's `letterhead`, for printing.
pub fn printable_html(report: &Report, photos: &PhotoData, letterhead: &Letterhead) -> String {
    page(report, photos, None, letterhead)
}

/// The printable report as the file that leaves the browser: the page on `letterhead`, carrying
/// `document` (the report's JSON document, as Export JSON writes it) inert, so the page alone
/// can be imported.
pub fn report_file_html(report: &Report, photos: &PhotoData, document: &str, letterhead: &Letterhead) -> String {
    page(report, photos, Some(document), letterhead)
}

fn page(report: &Report, photos: &PhotoData, document: Option<&str>, letterhead: &Letterhead) -> String {
    let view = ReportView::new(report, photos);
    let dir = if view.language.is_rtl() { "rtl" } else { "ltr" };
    Page { w: HtmlWriter::new(), dir }.write(&view, document, letterhead)
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
.arabic-indic ol { list-style-type: arabic-indic; }
.sign-off { break-inside: avoid; page-break-inside: avoid; }
.signatures { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 1rem 1.5rem; margin-top: 0.6rem; }
.signatory p { margin: 0 0 0.15rem; }
.signer { font-weight: 600; color: #1c5d84; }
.name { font-weight: 600; }
.signature-line { margin-top: 3rem !important; padding-top: 0.25rem; border-top: 1px solid #1d2430; color: #4a5466; font-size: 9pt; }
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
@page { size: A4; margin: 18mm 16mm 20mm; font-family: "Segoe UI", "Noto Sans", "Noto Naskh Arabic", "Noto Sans Arabic", Tahoma, Arial, sans-serif; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #4a5466; } }
@media print { main { max-width: none; padding: 0; } a { color: inherit; } main > footer { display: none; } }
"#;
/// The letterhead's rules, only in a page that has one.
const LETTERHEAD_STYLE: &str = r#"
.letterhead { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.8rem 2rem; margin-bottom: 1rem; padding-bottom: 0.7rem; border-bottom: 1px solid #d5dae2; }
.organisation { display: flex; align-items: center; gap: 0.9rem; }
.organisation img { display: block; max-height: 22mm; max-width: 55mm; width: auto; height: auto; }
.organisation-name { margin: 0; font-size: 13pt; font-weight: 600; line-height: 1.3; }
.partners { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.6rem 1.4rem; }
figure.partner { margin: 0; text-align: center; }
figure.partner figcaption { margin-bottom: 0.2rem; color: #4a5466; font-size: 8pt; }
figure.partner img { display: block; max-height: 15mm; max-width: 40mm; width: auto; height: auto; margin: 0 auto; }
.page-footer { margin: 0; }
"#;
/// A page's start, up to its stylesheet, left open for the page's own rules: language and
/// direction, a policy that allows no script, the title and the shared styles.
pub(super) fn begin_page(w: &mut HtmlWriter, language: Language, title: &str) {
    w.markup("<!DOCTYPE html>\n");
    w.open("html", &[("lang", language.code()), ("dir", if language.is_rtl() { "rtl" } else { "ltr" })]);
    w.markup(concat!(
        "<head><meta charset=\"utf-8\">",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        "<meta name=\"generator\" content=\"Taqrir\">"
    ));
    w.element("title", &[], title);
    w.markup("<style>");
    w.markup(STYLE);
}

struct Page {
    w: HtmlWriter,
    /// The report's direction: for the labels and figures, which are in its language.
    dir: &'static str,
}

impl Page {
    fn write(mut self, view: &ReportView, document: Option<&str>, letterhead: &Letterhead) -> String {
        begin_page(&mut self.w, view.language, &view.title);
        // On paper the closing line sits in the page's bottom margin, at the reading start, so it
        // never takes a page of its own; on screen it is the <footer> below.
        self.w.markup(if self.dir == "rtl" { "@page { @bottom-right { " } else { "@page { @bottom-left { " });
        self.w.markup("content: ");
        self.w.css_string(view.footer);
        self.w.markup("; font-size: 9pt; color: #4a5466; } }\n");
        if letterhead.has_head() || letterhead.footer_lines().next().is_some() {
            self.w.markup(LETTERHEAD_STYLE);
            self.page_footer(letterhead);
        }
        self.w.markup("</style></head><body>");
        // Numbered lists count in the report's digits.
        match view.digits {
            Digits::Western => self.w.markup("<main>"),
            Digits::ArabicIndic => self.w.markup("<main class=\"arabic-indic\">"),
        }
        self.letterhead(letterhead);
        self.w.markup("<header class=\"title-block\">");
        self.w.element("p", &[("class", "kind"), ("dir", "auto")], &view.kind);
        self.w.element("h1", &[("dir", "auto")], &view.title);
        if let Some(byline) = &view.byline {
            self.w.element("p", &[("class", "byline"), ("dir", "auto")], byline);
        }
        self.w.markup("</header>");
        for section in &view.sections {
            self.w.element("h2", &[("dir", "auto")], &section.heading);
            self.content(&section.content);
        }
        if let Some(sign_off) = &view.sign_off {
            self.sign_off(sign_off);
        }
        let lines: Vec<&str> = letterhead.footer_lines().collect();
        if lines.is_empty() {
            self.w.element("footer", &[("dir", "auto")], view.footer);
        } else {
            // On screen the organisation's footer, then the closing line.
            self.w.markup("<footer>");
            self.w.open("p", &[("class", "page-footer"), ("dir", "auto")]);
            self.w.lines(&lines.join("\n"));
            self.w.close("p");
            self.w.element("p", &[("class", "page-footer"), ("dir", "auto")], view.footer);
            self.w.markup("</footer>");
        }
        self.w.markup("</main>");
        if let Some(document) = document {
            // Escaped text in a template: never shown, printed nor run.
            self.w.element("template", &[("id", DATA_ELEMENT_ID)], &json_for_html(document));
        }
        self.w.markup("</body></html>\n");
        self.w.finish()
    }

    /// The organisation's name and logo, and the partners' logos with their captions, at the top
    /// of the first page.
    fn letterhead(&mut self, letterhead: &Letterhead) {
        if !letterhead.has_head() {
            return;
        }
        self.w.markup("<header class=\"letterhead\"><div class=\"organisation\">");
        if let Some(logo) = letterhead.logo() {
            self.w.image(logo, &letterhead.organisation);
        }
        if !letterhead.organisation.trim().is_empty() {
            self.w.element("p", &[("class", "organisation-name"), ("dir", "auto")], letterhead.organisation.trim());
        }
        self.w.markup("</div>");
        if letterhead.partners().next().is_some() {
            self.w.markup("<div class=\"partners\">");
            for partner in letterhead.partners() {
                self.w.markup("<figure class=\"partner\">");
                if !partner.caption.trim().is_empty() {
                    self.w.element("figcaption", &[("dir", "auto")], partner.caption.trim());
                }
                self.w.image(&partner.logo, partner.caption.trim());
                self.w.markup("</figure>");
            }
            self.w.markup("</div>");
        }
        self.w.markup("</header>");
    }

    /// The letterhead's footer in the middle of every printed page's bottom margin, one line
    /// under another; the page numbers then move to the margin's end corner.
    fn page_footer(&mut self, letterhead: &Letterhead) {
        let lines: Vec<&str> = letterhead.footer_lines().collect();
        if lines.is_empty() {
            return;
        }
        self.w.markup("@page { @bottom-center { content: ");
        for (n, line) in lines.iter().enumerate() {
            if n > 0 {
                self.w.markup(" \"\\A\" ");
            }
            // Each line isolated, reading in the direction of its first letter (an address in
            // Latin letters in an Arabic report), as `dir="auto"` does in the page.
            self.w.markup("\"\\2068\" ");
            self.w.css_string(line);
            self.w.markup(" \"\\2069\"");
        }
        let rtl = self.dir == "rtl";
        self.w.markup(if rtl { "; direction: rtl" } else { "; direction: ltr" });
        self.w.markup("; white-space: pre; text-align: center; font-size: 8pt; line-height: 1.35; color: #4a5466; }\n");
        self.w.markup(if rtl { "@bottom-left" } else { "@bottom-right" });
        self.w.markup(" { content: counter(page) \" / \" counter(pages); font-size: 9pt; color: #4a5466; } }\n");
    }

    fn content(&mut self, content: &Content) {
        match content {
            Content::Details(rows) => {
                self.w.markup("<table class=\"details\"><tbody>");
                for row in rows {
                    self.w.markup("<tr>");
                    self.w.element("th", &[("scope", "row"), ("dir", self.dir)], &row.label);
                    self.w.open("td", &[("dir", if row.in_report_direction { self.dir } else { "auto" })]);
                    self.w.text_with_links(&row.value);
                    self.w.close("td");
                    self.w.markup("</tr>");
                }
                self.w.markup("</tbody></table>");
            }
            Content::Text(text) => self.w.paragraphs(text),
            Content::List { numbered, items } => {
                let tag = if *numbered { "ol" } else { "ul" };
                self.w.open(tag, &[]);
                for item in items {
                    self.w.open("li", &[("dir", "auto")]);
                    self.w.lines(item);
                    self.w.close("li");
                }
                self.w.close(tag);
            }
            Content::Participants(participants) => self.participants(participants),
            Content::Agenda(agenda) => self.agenda(agenda),
            Content::Speakers(speakers) => {
                for s in speakers {
                    self.w.markup("<div class=\"speaker\">");
                    self.w.element("h3", &[("dir", "auto")], &s.name);
                    if !s.role.is_empty() {
                        self.w.element("p", &[("class", "role"), ("dir", "auto")], &s.role);
                    }
                    self.w.paragraphs(&s.summary);
                    self.w.markup("</div>");
                }
            }
            Content::Discussion(points) => {
                self.w.markup("<ol class=\"discussion\">");
                for point in points {
                    self.w.markup("<li>");
                    if !point.heading.is_empty() {
                        self.w.element("h3", &[("dir", "auto")], &point.heading);
                    }
                    self.w.paragraphs(&point.details);
                    self.w.markup("</li>");
                }
                self.w.markup("</ol>");
            }
            Content::WorkingGroups(groups) => {
                for g in groups {
                    self.w.markup("<div class=\"group\">");
                    self.w.element("h3", &[("dir", "auto")], &g.topic);
                    if let Some(facilitator) = &g.facilitator {
                        self.w.element("p", &[("class", "role"), ("dir", "auto")], facilitator);
                    }
                    if let Some(members) = &g.members {
                        self.w.element("p", &[("dir", "auto")], members);
                    }
                    self.w.paragraphs(&g.outcomes);
                    self.w.markup("</div>");
                }
            }
            Content::Attachments(attachments) => self.attachments(attachments),
        }
    }

    fn participants(&mut self, p: &view::Participants) {
        if !p.figures.is_empty() {
            self.w.markup("<table class=\"figures\"><tbody>");
            for figure in &p.figures {
                self.w.markup("<tr>");
                self.w.element("th", &[("scope", "row"), ("dir", self.dir)], &figure.label);
                self.w.element("td", &[("class", "num"), ("dir", self.dir)], &figure.value);
                self.w.markup("</tr>");
            }
            self.w.markup("</tbody></table>");
            if let Some(note) = p.note {
                self.w.element("p", &[("class", "note"), ("dir", "auto")], note);
            }
        }
        for breakdown in &p.breakdowns {
            self.w.element("h3", &[("dir", "auto")], breakdown.heading);
            // Names without counts read better as a list than as a half-empty table.
            if breakdown.rows.iter().all(|(_, count)| count.is_none()) {
                self.w.markup("<ul>");
                for (name, _) in &breakdown.rows {
                    self.w.element("li", &[("dir", "auto")], name);
                }
                self.w.markup("</ul>");
                continue;
            }
            self.w.markup("<table class=\"figures\"><tbody>");
            for (name, count) in &breakdown.rows {
                self.w.markup("<tr>");
                self.w.element("td", &[("dir", "auto")], name);
                self.w.element("td", &[("class", "num"), ("dir", self.dir)], count.as_deref().unwrap_or(""));
                self.w.markup("</tr>");
            }
            self.w.markup("</tbody></table>");
        }
    }

    fn agenda(&mut self, agenda: &view::Agenda) {
        self.w.markup("<table class=\"agenda\"><thead><tr>");
        self.w.element("th", &[("scope", "col"), ("dir", self.dir)], agenda.time_heading);
        self.w.element("th", &[("scope", "col"), ("dir", self.dir)], agenda.item_heading);
        if let Some(presenter) = agenda.presenter_heading {
            self.w.element("th", &[("scope", "col"), ("dir", self.dir)], presenter);
        }
        self.w.markup("</tr></thead><tbody>");
        for row in &agenda.rows {
            self.w.markup("<tr>");
            self.w.element("td", &[("class", "time"), ("dir", self.dir)], &row.time);
            self.w.open("td", &[("dir", "auto")]);
            self.w.lines(&row.item);
            self.w.close("td");
            if agenda.presenter_heading.is_some() {
                self.w.element("td", &[("dir", "auto")], &row.presenter);
            }
            self.w.markup("</tr>");
        }
        self.w.markup("</tbody></table>");
    }

    /// A block for each signatory, side by side, each with a line to sign on.
    fn sign_off(&mut self, sign_off: &view::SignOffView) {
        self.w.markup("<section class=\"sign-off\">");
        self.w.element("h2", &[("dir", "auto")], sign_off.heading);
        self.w.markup("<div class=\"signatures\">");
        for block in &sign_off.blocks {
            self.w.markup("<div class=\"signatory\">");
            self.w.element("p", &[("class", "signer"), ("dir", self.dir)], block.role);
            for (class, text) in [("name", &block.name), ("role", &block.position)] {
                if !text.is_empty() {
                    self.w.element("p", &[("class", class), ("dir", "auto")], text);
                }
            }
            if !block.date.is_empty() {
                self.w.element("p", &[("class", "role"), ("dir", self.dir)], &block.date);
            }
            self.w.element("p", &[("class", "signature-line"), ("dir", self.dir)], sign_off.signature);
            self.w.markup("</div>");
        }
        self.w.markup("</div></section>");
    }

    /// The attachments, each with its photos, two to a row.
    fn attachments(&mut self, attachments: &[view::Attachment]) {
        if attachments.iter().any(|a| !a.photos.is_empty()) {
            self.w.markup("<ol class=\"attachments\">");
        } else {
            self.w.markup("<ol>");
        }
        for attachment in attachments {
            self.w.open("li", &[("dir", "auto")]);
            self.w.text_with_links(&attachment.description);
            if !attachment.photos.is_empty() {
                self.w.markup("<div class=\"photos\">");
                for photo in &attachment.photos {
                    self.w.markup("<figure class=\"photo\">");
                    self.w.image(photo.src, &photo.alt);
                    if !photo.caption.is_empty() {
                        self.w.element("figcaption", &[("dir", "auto")], &photo.caption);
                    }
                    self.w.markup("</figure>");
                }
                self.w.markup("</div>");
            }
            self.w.close("li");
        }
        self.w.markup("</ol>");
    }
}
