//! What a report shows on paper, decided once for every writer.
//!
//! [`ReportView::new`] reads a report and decides what a reader sees: which sections appear and in
//! which order, their headings in the report's language, names joined with their roles, time
//! ranges, the title of an untitled report, dates and figures in the report's digits, the photos
//! that can be shown. A writer (the HTML page today; Word, CSV and a summary later) only lays
//! these strings out in its format. Free text stays as typed, line breaks included: how lines and
//! paragraphs are marked up is the writer's business.

use crate::core::i18n::{self, activity_name, long_date, Msg};
use crate::core::photos::{is_image_data_url, PhotoData};
use crate::core::report::{Digits, Language, Report, WholeNumber};
pub use crate::core::sign_off::{SignOffView, SignatureBlock};

/// A report as it is shown: every string ready to write, sections in reading order.
pub struct ReportView<'a> {
    pub language: Language,
    /// The digits its figures are written in; numbered lists follow them.
    pub digits: Digits,
    /// The activity type and session number: "Dialogue session · 4".
    pub kind: String,
    /// The title, or "Untitled report" in the report's language.
    pub title: String,
    /// The organiser, project and donor that are given, joined with " · ".
    pub byline: Option<String>,
    /// Only the sections that have something to show.
    pub sections: Vec<Section<'a>>,
    /// Prepared, reviewed and approved by, after the sections; `None` when not given.
    pub sign_off: Option<SignOffView>,
    /// "Prepared with Taqrir."
    pub footer: &'static str,
}

pub struct Section<'a> {
    pub heading: String,
    pub content: Content<'a>,
}

pub enum Content<'a> {
    /// Label and value rows (the activity's details); values may hold addresses.
    Details(Vec<Detail>),
    /// Free text: paragraphs separated by blank lines, line breaks within them.
    Text(String),
    /// Objectives, results, recommendations: each item free text.
    List {
        numbered: bool,
        items: Vec<String>,
    },
    Participants(Participants),
    Agenda(Agenda),
    Speakers(Vec<Speaker>),
    Discussion(Vec<DiscussionPoint>),
    WorkingGroups(Vec<WorkingGroup>),
    Attachments(Vec<Attachment<'a>>),
}

pub struct Detail {
    /// In the report's digits ("18–24" in Arabic-Indic digits is "١٨–٢٤").
    pub label: String,
    pub value: String,
    /// Whether the value is the report's own writing (a date, a time range), set in the report's
    /// direction; else it is typed text, whose direction is its own.
    pub in_report_direction: bool,
}

pub struct Participants {
    /// The figures that were given, in the form's order.
    pub figures: Vec<Detail>,
    /// Says how guests are counted, when guests are given.
    pub note: Option<&'static str>,
    /// By governorate, by category: those with a named row.
    pub breakdowns: Vec<Breakdown>,
}

pub struct Breakdown {
    pub heading: &'static str,
    /// Each row's name and count (when it has one).
    pub rows: Vec<(String, Option<String>)>,
}

pub struct Agenda {
    pub time_heading: &'static str,
    pub item_heading: &'static str,
    /// `None` when no row names a presenter.
    pub presenter_heading: Option<&'static str>,
    pub rows: Vec<AgendaRow>,
}

pub struct AgendaRow {
    /// "09:00 – 09:15", or the one time given.
    pub time: String,
    /// Free text.
    pub item: String,
    pub presenter: String,
}

pub struct Speaker {
    pub name: String,
    /// Position and organisation, joined with the language's separator; empty when neither is given.
    pub role: String,
    /// Free text.
    pub summary: String,
}

pub struct DiscussionPoint {
    /// Empty when the point has only details.
    pub heading: String,
    /// Free text.
    pub details: String,
}

pub struct WorkingGroup {
    pub topic: String,
    /// "Facilitator: name".
    pub facilitator: Option<String>,
    /// "Members (5): name, name".
    pub members: Option<String>,
    /// Free text.
    pub outcomes: String,
}

pub struct Attachment<'a> {
    /// One line; may hold addresses.
    pub description: String,
    /// The photos whose image data is at hand, in order.
    pub photos: Vec<Photo<'a>>,
}

pub struct Photo<'a> {
    /// A JPEG, PNG or WebP `data:` URL.
    pub src: &'a str,
    /// The caption, or "Photo 2" (its place among the attachment's photos shown).
    pub alt: String,
    /// Empty when none was written.
    pub caption: String,
}

impl<'a> ReportView<'a> {
    /// The view of `report`, with the photos of `photos` (a photo's id to its image `data:` URL)
    /// that are valid images; a photo without one is left out.
    pub fn new(report: &'a Report, photos: &'a PhotoData) -> Self {
        let r = report;
        let b = Builder { report, lang: report.language, digits: report.digits };
        let kind = match number(&r.session_number, r.digits) {
            Some(n) => format!("{} · {n}", b.t(activity_name(r.activity_type))),
            None => b.t(activity_name(r.activity_type)).to_owned(),
        };
        let byline = joined([&r.organizing_organization, &r.project_name, &r.donor], " · ");
        let items = |list: &[crate::core::report::TextItem]| list.iter().map(|o| o.text.clone()).collect();
        let mut sections = vec![b.details()];
        sections.push(b.text(Msg::Introduction, &r.introduction));
        sections.push(b.text(Msg::Aim, &r.aim));
        sections.push(b.text(Msg::SessionTopic, &r.session_topic));
        sections.push(b.list(Msg::SectionObjectives, true, items(&r.objectives)));
        sections.extend([b.participants(), b.agenda(), b.speakers(), b.discussion(), b.working_groups()]);
        sections.push(b.list(Msg::SectionResults, true, items(&r.results)));
        sections.push(b.list(Msg::SectionRecommendations, false, items(&r.recommendations)));
        sections.extend(
            r.extra_sections.iter().filter(|s| has(&s.heading) || has(&s.text)).map(|s| {
                Some(Section { heading: s.heading.trim().to_owned(), content: Content::Text(s.text.clone()) })
            }),
        );
        sections.push(b.text(Msg::Conclusion, &r.conclusion));
        sections.push(b.text(Msg::NextSteps, &r.next_steps));
        sections.push(b.attachments(photos));
        ReportView {
            language: r.language,
            digits: r.digits,
            kind,
            title: title(r),
            byline,
            sections: sections.into_iter().flatten().collect(),
            sign_off: SignOffView::of(r),
            footer: b.t(Msg::ExportPreparedWith),
        }
    }
}

/// The report's title, or "Untitled report" in its language.
pub fn title(report: &Report) -> String {
    match report.title.trim() {
        "" => i18n::text(report.language, Msg::UntitledReport).to_owned(),
        title => title.to_owned(),
    }
}

/// "09:00 – 13:00" from a start and an end, isolated in `lang`'s direction so that it reads from
/// its start in that language whatever its digits and surroundings; the one time given when the
/// other is not.
pub fn time_range(start: &str, end: &str, lang: Language, digits: Digits) -> String {
    match (has(start), has(end)) {
        (true, true) => i18n::isolate(lang, &format!("{} – {}", digits.apply(start), digits.apply(end))),
        (true, false) => digits.apply(start),
        (false, true) => digits.apply(end),
        (false, false) => String::new(),
    }
}

/// "Name (Role)", or the name alone when no role is given.
pub fn name_with_role(name: &str, role: &str) -> String {
    match role.trim() {
        "" => name.trim().to_owned(),
        role => format!("{} ({role})", name.trim()),
    }
}

/// A whole number in the report's digits; `None` when it is not one.
pub fn number(n: &WholeNumber, digits: Digits) -> Option<String> {
    n.value().map(|v| digits.apply(&v.to_string()))
}

/// Whether `text` has anything but spaces.
pub(super) fn has(text: &str) -> bool {
    !text.trim().is_empty()
}

/// The texts that are not blank, joined with `separator`; `None` when all are blank.
pub(super) fn joined<'t>(texts: impl IntoIterator<Item = &'t String>, separator: &str) -> Option<String> {
    let given: Vec<&str> = texts.into_iter().map(String::as_str).filter(|s| has(s)).collect();
    (!given.is_empty()).then(|| given.join(separator))
}

/// Decides each section; a section with nothing to show is `None`.
struct Builder<'a> {
    report: &'a Report,
    lang: Language,
    digits: Digits,
}

impl<'a> Builder<'a> {
    fn t(&self, msg: Msg) -> &'static str {
        i18n::text(self.lang, msg)
    }

    fn section(&self, heading: Msg, content: Content<'a>) -> Option<Section<'a>> {
        Some(Section { heading: self.t(heading).to_owned(), content })
    }

    /// A section of `rows`, or none when there are none.
    fn rows<T>(&self, heading: Msg, rows: Vec<T>, content: fn(Vec<T>) -> Content<'a>) -> Option<Section<'a>> {
        if rows.is_empty() {
            return None;
        }
        self.section(heading, content(rows))
    }

    fn details(&self) -> Option<Section<'a>> {
        let r = self.report;
        let facilitators: Vec<String> =
            r.facilitators.iter().filter(|f| has(&f.name)).map(|f| name_with_role(&f.name, &f.role)).collect();
        let place = joined([&r.venue, &r.city, &r.governorate, &r.country], i18n::list_separator(self.lang));
        let rows = [
            (Msg::Date, long_date(&r.date, self.lang, self.digits)),
            (Msg::ExportTime, time_range(&r.start_time, &r.end_time, self.lang, self.digits)),
            (Msg::ExportPlace, place.unwrap_or_default()),
            (Msg::ProjectName, r.project_name.clone()),
            (Msg::Programme, r.programme.clone()),
            (Msg::OrganizingOrganization, r.organizing_organization.clone()),
            (Msg::PartnerOrganizations, r.partner_organizations.clone()),
            (Msg::Donor, r.donor.clone()),
            (Msg::ExportFacilitators, facilitators.join(i18n::strong_separator(self.lang))),
            (Msg::Moderator, r.moderator.clone()),
        ];
        let rows: Vec<Detail> = rows
            .into_iter()
            .filter(|(_, v)| has(v))
            .map(|(label, value)| Detail {
                label: self.t(label).to_owned(),
                value,
                in_report_direction: matches!(label, Msg::Date | Msg::ExportTime),
            })
            .collect();
        if rows.is_empty() {
            return None;
        }
        self.section(Msg::ExportDetails, Content::Details(rows))
    }

    fn text(&self, heading: Msg, text: &str) -> Option<Section<'a>> {
        if !has(text) {
            return None;
        }
        self.section(heading, Content::Text(text.to_owned()))
    }

    fn list(&self, heading: Msg, numbered: bool, items: Vec<String>) -> Option<Section<'a>> {
        let items: Vec<String> = items.into_iter().filter(|s| has(s)).collect();
        if items.is_empty() {
            return None;
        }
        self.section(heading, Content::List { numbered, items })
    }

    fn participants(&self) -> Option<Section<'a>> {
        let p = &self.report.participants;
        let figures: Vec<Detail> = [
            (Msg::TotalParticipants, &p.total),
            (Msg::NewParticipants, &p.new_participants),
            (Msg::Male, &p.male),
            (Msg::Female, &p.female),
            (Msg::SexNotRecorded, &p.sex_not_recorded),
            (Msg::Under18, &p.under_18),
            (Msg::Age18To24, &p.age_18_to_24),
            (Msg::Age25To59, &p.age_25_to_59),
            (Msg::Age60AndOver, &p.age_60_and_over),
            (Msg::WithDisabilities, &p.with_disabilities),
            (Msg::Guests, &p.guests),
        ]
        .into_iter()
        .filter_map(|(label, n)| {
            let label = self.digits.apply(self.t(label));
            Some(Detail { label, value: number(n, self.digits)?, in_report_direction: true })
        })
        .collect();
        let breakdown = |heading, rows: Vec<(String, Option<String>)>| {
            (!rows.is_empty()).then(|| Breakdown { heading: self.t(heading), rows })
        };
        let count = |n| number(n, self.digits);
        let governorates = p.governorates.iter().filter(|g| has(&g.name)).map(|g| (g.name.clone(), count(&g.count)));
        let categories = p.categories.iter().filter(|c| has(&c.label)).map(|c| (c.label.clone(), count(&c.count)));
        let breakdowns: Vec<Breakdown> = [
            breakdown(Msg::ParticipantsByGovernorate, governorates.collect()),
            breakdown(Msg::ExportCategories, categories.collect()),
        ]
        .into_iter()
        .flatten()
        .collect();
        if figures.is_empty() && breakdowns.is_empty() {
            return None;
        }
        let note = p.guests.value().map(|_| self.t(Msg::GuestsHint));
        self.section(Msg::SectionParticipants, Content::Participants(Participants { figures, note, breakdowns }))
    }

    fn agenda(&self) -> Option<Section<'a>> {
        let items: Vec<_> = self.report.agenda.iter().filter(|a| has(&a.item) || has(&a.start)).collect();
        if items.is_empty() {
            return None;
        }
        let any_presenter = items.iter().any(|a| has(&a.presenter));
        let rows = items
            .into_iter()
            .map(|a| AgendaRow {
                time: time_range(&a.start, &a.end, self.lang, self.digits),
                item: a.item.clone(),
                presenter: a.presenter.clone(),
            })
            .collect();
        let agenda = Agenda {
            time_heading: self.t(Msg::ExportTime),
            item_heading: self.t(Msg::Item),
            presenter_heading: any_presenter.then(|| self.t(Msg::Presenter)),
            rows,
        };
        self.section(Msg::SectionAgenda, Content::Agenda(agenda))
    }

    fn speakers(&self) -> Option<Section<'a>> {
        let speakers: Vec<Speaker> = self
            .report
            .speakers
            .iter()
            .filter(|s| has(&s.name) || has(&s.summary))
            .map(|s| Speaker {
                name: s.name.trim().to_owned(),
                role: [s.position.trim(), s.organization.trim()]
                    .into_iter()
                    .filter(|x| !x.is_empty())
                    .collect::<Vec<_>>()
                    .join(i18n::list_separator(self.lang)),
                summary: s.summary.clone(),
            })
            .collect();
        self.rows(Msg::ExportSpeakers, speakers, Content::Speakers)
    }

    fn discussion(&self) -> Option<Section<'a>> {
        let points: Vec<DiscussionPoint> = self
            .report
            .discussion_points
            .iter()
            .filter(|d| has(&d.heading) || has(&d.details))
            .map(|d| DiscussionPoint { heading: d.heading.trim().to_owned(), details: d.details.clone() })
            .collect();
        self.rows(Msg::SectionDiscussion, points, Content::Discussion)
    }

    fn working_groups(&self) -> Option<Section<'a>> {
        let groups: Vec<WorkingGroup> = self
            .report
            .working_groups
            .iter()
            .filter(|g| has(&g.topic) || has(&g.outcomes))
            .map(|g| {
                let facilitator =
                    has(&g.facilitator).then(|| format!("{}: {}", self.t(Msg::Facilitator), g.facilitator.trim()));
                let count = number(&g.member_count, self.digits);
                let members = (has(&g.members) || count.is_some()).then(|| {
                    let count = count.map(|n| format!(" ({n})")).unwrap_or_default();
                    // One name a line, whatever line ends the text came with.
                    let names: Vec<&str> =
                        g.members.split(['\n', '\r']).map(str::trim).filter(|m| !m.is_empty()).collect();
                    format!("{}{count}: {}", self.t(Msg::Members), names.join(i18n::list_separator(self.lang)))
                });
                WorkingGroup { topic: g.topic.trim().to_owned(), facilitator, members, outcomes: g.outcomes.clone() }
            })
            .collect();
        self.rows(Msg::SectionWorkingGroups, groups, Content::WorkingGroups)
    }

    fn attachments(&self, photos: &'a PhotoData) -> Option<Section<'a>> {
        let attachments: Vec<Attachment<'a>> = self
            .report
            .attachments
            .iter()
            .map(|a| {
                let with_data = a.photos.iter().filter_map(|p| {
                    photos.get(&p.id).filter(|url| is_image_data_url(url)).map(|url| (p, url.as_str()))
                });
                let photos = with_data
                    .enumerate()
                    .map(|(n, (photo, src))| {
                        let caption = photo.caption.trim().to_owned();
                        let alt = if caption.is_empty() {
                            let n = self.digits.apply(&(n + 1).to_string());
                            i18n::format(self.lang, Msg::PhotoLegend, &[("n", &n)])
                        } else {
                            caption.clone()
                        };
                        Photo { src, alt, caption }
                    })
                    .collect();
                Attachment { description: a.description.trim().to_owned(), photos }
            })
            .filter(|a| has(&a.description) || !a.photos.is_empty())
            .collect();
        self.rows(Msg::SectionAttachments, attachments, Content::Attachments)
    }
}
