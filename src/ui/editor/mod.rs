//! The report editor: every part of the model, in the order a report is read.

mod fields;
mod outline;
mod photos;
mod rows;
mod shortcuts;
mod sign_off;

use crate::core::editor_sections::EditorSection;
use crate::core::field::*;
use crate::core::i18n::{activity_name, Msg};
use crate::core::report::*;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::session::Session;
use crate::ui::workspace::Workspace;
use fields::{in_row, ChoiceField, NumberField, ReportLanguage, TextField, TextKind};
use leptos::prelude::*;
use outline::MoreSections;
pub use outline::SectionsNav;
use reactive_stores::{Field, Store};
use rows::row_list;

#[component]
pub fn Editor() -> impl IntoView {
    let session = expect_context::<Session>();
    let report = session.report();
    let i18n = use_i18n();
    let workspace = expect_context::<Workspace>();
    provide_context(ReportLanguage(Memo::new(move |_| report.language().try_get().unwrap_or_default())));
    let drawn = RwSignal::new(0usize);
    draw_after_next_frame(drawn);
    shortcuts::install();

    view! {
        <form class="editor" on:submit=|ev| ev.prevent_default() novalidate>
            <shortcuts::ShortcutsHelp />
            // A draft from a newer version of the app is shown with every control disabled.
            <fieldset class="editor__fields" disabled=move || session.read_only().get().is_some()>
            <legend class="visually-hidden">{i18n.text(Msg::Editor)}</legend>
            {EditorSection::ALL
                .iter()
                .enumerate()
                .map(|(i, &section)| {
                    let shown = move || {
                        i < AT_ONCE + drawn.get() && !workspace.folded.with(|folded| folded.contains(&section))
                    };
                    view! { <Show when=shown>{draw(section, report)}</Show> }
                })
                .collect_view()}
            <MoreSections />
            </fieldset>
        </form>
    }
}

/// The title's section and the next are drawn at once; the sections below the first screen are
/// drawn one per frame once the page has been shown, so the title takes typing sooner on a slow
/// phone, and a long report never holds the page for its whole length at once.
const AT_ONCE: usize = 2;

fn draw(section: EditorSection, report: Store<Report>) -> AnyView {
    match section {
        EditorSection::Identity => identity(report),
        EditorSection::WhenWhere => when_and_where(report),
        EditorSection::Narrative => narrative(report),
        EditorSection::Objectives => objectives(report),
        EditorSection::People => people(report),
        EditorSection::Participants => participants(report),
        EditorSection::Agenda => agenda(report),
        EditorSection::Discussion => discussion(report),
        EditorSection::WorkingGroups => working_groups(report),
        EditorSection::Results => results(report),
        EditorSection::Recommendations => recommendations(report),
        EditorSection::Attachments => attachments(report),
        EditorSection::Closing => closing(report),
        EditorSection::Extra => extra_sections(report),
        EditorSection::SignOff => sign_off::sign_off(report),
    }
}

/// Draws one more section after each frame, until all are drawn.
fn draw_after_next_frame(drawn: RwSignal<usize>) {
    request_animation_frame(move || {
        set_timeout(
            move || {
                // The editor may be gone by now (another screen was opened): then nothing to do.
                let more = drawn.try_update(|n| {
                    *n += 1;
                    AT_ONCE + *n < EditorSection::ALL.len()
                });
                if more == Some(true) {
                    draw_after_next_frame(drawn);
                }
            },
            std::time::Duration::ZERO,
        );
    });
}

/// A titled card of the form.
fn section(section: EditorSection, body: impl IntoView + 'static) -> AnyView {
    let i18n = use_i18n();
    let heading_id = section.heading_id();
    let labelled_by = heading_id.clone();
    view! {
        <section class="card" aria-labelledby=labelled_by>
            // Focusable, so "Sections" can move focus to it.
            <h2 id=heading_id tabindex="-1">{i18n.text(section.heading())}</h2>
            {body}
        </section>
    }
    .into_any()
}

fn activity_options(i18n: I18n) -> Signal<Vec<(&'static str, String)>> {
    Signal::derive(move || {
        ActivityType::ALL.iter().map(|kind| (kind.code(), i18n.t(activity_name(*kind)).to_owned())).collect()
    })
}

fn digit_options(i18n: I18n) -> Signal<Vec<(&'static str, String)>> {
    Signal::derive(move || {
        vec![
            (Digits::Western.code(), i18n.t(Msg::DigitsWestern).to_owned()),
            (Digits::ArabicIndic.code(), i18n.t(Msg::DigitsArabicIndic).to_owned()),
        ]
    })
}

fn identity(report: Store<Report>) -> AnyView {
    let i18n = use_i18n();
    let activity = report.activity_type();
    let language = report.language();
    let digits = report.digits();
    let languages = Language::ALL.iter().map(|l| (l.code(), l.endonym().to_owned())).collect::<Vec<_>>();
    section(
        EditorSection::Identity,
        view! {
            <div class="grid">
                <ChoiceField
                    label=Msg::ReportLanguage
                    path=ReportField::Language
                    options=languages
                    selected=Signal::derive(move || language.try_get().unwrap_or_default().code())
                    on_change=move |code| {
                        if let Some(lang) = Language::from_code(&code) {
                            language.set(lang);
                        }
                    }
                />
                <ChoiceField
                    label=Msg::Digits
                    path=ReportField::Digits
                    options=digit_options(i18n)
                    selected=Signal::derive(move || digits.try_get().unwrap_or_default().code())
                    on_change=move |code| {
                        if let Some(choice) = Digits::from_code(&code) {
                            digits.set(choice);
                        }
                    }
                />
                <TextField field=report.title() label=Msg::ReportTitle path=ReportField::Title />
                <ChoiceField
                    label=Msg::ActivityType
                    path=ReportField::ActivityType
                    options=activity_options(i18n)
                    selected=Signal::derive(move || activity.try_get().unwrap_or_default().code())
                    on_change=move |code| {
                        if let Some(kind) = ActivityType::from_code(&code) {
                            activity.set(kind);
                        }
                    }
                />
                <NumberField field=report.session_number() label=Msg::SessionNumber path=ReportField::SessionNumber />
                <TextField field=report.project_name() label=Msg::ProjectName path=ReportField::ProjectName />
                <TextField field=report.programme() label=Msg::Programme path=ReportField::Programme />
                <TextField field=report.organizing_organization() label=Msg::OrganizingOrganization path=ReportField::OrganizingOrganization />
                <TextField field=report.partner_organizations() label=Msg::PartnerOrganizations path=ReportField::PartnerOrganizations />
                <TextField field=report.donor() label=Msg::Donor path=ReportField::Donor />
            </div>
        },
    )
}

fn when_and_where(report: Store<Report>) -> AnyView {
    section(
        EditorSection::WhenWhere,
        view! {
            <div class="grid">
                <TextField field=report.date() label=Msg::Date path=ReportField::Date kind=TextKind::Date />
                <TextField field=report.start_time() label=Msg::StartTime path=ReportField::StartTime kind=TextKind::Time />
                <TextField field=report.end_time() label=Msg::EndTime path=ReportField::EndTime kind=TextKind::Time />
                <TextField field=report.venue() label=Msg::Venue path=ReportField::Venue />
                <TextField field=report.city() label=Msg::City path=ReportField::City />
                <TextField field=report.governorate() label=Msg::Governorate path=ReportField::Governorate />
                <TextField field=report.country() label=Msg::Country path=ReportField::Country />
            </div>
        },
    )
}

fn narrative(report: Store<Report>) -> AnyView {
    section(
        EditorSection::Narrative,
        view! {
            <div class="stack">
                <TextField field=report.introduction() label=Msg::Introduction path=ReportField::Introduction kind=TextKind::Paragraph />
                <TextField field=report.aim() label=Msg::Aim path=ReportField::Aim kind=TextKind::Paragraph />
                <TextField field=report.session_topic() label=Msg::SessionTopic path=ReportField::SessionTopic kind=TextKind::Paragraph />
            </div>
        },
    )
}

/// A list of one-line texts (objectives, results, recommendations).
fn text_items<L>(list: L, name: TextList, legend: Msg, add: Msg) -> impl IntoView
where
    L: IntoIterator + Update<Value = Vec<TextItem>> + Copy + Send + Sync + 'static,
    L::Item: Into<Field<TextItem>> + WithUntracked<Value = TextItem> + Send + 'static,
    L::IntoIter: Send,
{
    row_list(list, name.list(), legend, add, move |row: Field<TextItem>, i| {
        view! { <TextField field=row.text() label=Msg::Text path=in_row(i, name) kind=TextKind::ShortParagraph /> }
    })
}

fn objectives(report: Store<Report>) -> AnyView {
    section(
        EditorSection::Objectives,
        text_items(report.objectives(), TextList::Objectives, Msg::RowObjective, Msg::AddObjective),
    )
}

fn people(report: Store<Report>) -> AnyView {
    let facilitators = row_list(
        report.facilitators(),
        List::Facilitators,
        Msg::RowFacilitator,
        Msg::AddFacilitator,
        |row: Field<Facilitator>, i| {
            view! {
                <TextField field=row.name() label=Msg::Name path=in_row(i, FacilitatorField::Name) />
                <TextField field=row.role() label=Msg::Role path=in_row(i, FacilitatorField::Role) />
            }
        },
    );
    let speakers = row_list(
        report.speakers(),
        List::Speakers,
        Msg::RowSpeaker,
        Msg::AddSpeaker,
        |row: Field<Speaker>, i| {
            view! {
                <TextField field=row.name() label=Msg::Name path=in_row(i, SpeakerField::Name) />
                <TextField field=row.position() label=Msg::Position path=in_row(i, SpeakerField::Position) />
                <TextField field=row.organization() label=Msg::Organization path=in_row(i, SpeakerField::Organization) />
                <TextField field=row.summary() label=Msg::Summary path=in_row(i, SpeakerField::Summary) kind=TextKind::Paragraph />
            }
        },
    );
    section(
        EditorSection::People,
        view! {
            <div class="stack">
                {facilitators}
                <div class="grid">
                    <TextField field=report.moderator() label=Msg::Moderator path=ReportField::Moderator />
                </div>
                {speakers}
            </div>
        },
    )
}

fn participants(report: Store<Report>) -> AnyView {
    let i18n = use_i18n();
    let p = report.participants();
    let governorates = row_list(
        p.governorates(),
        List::Governorates,
        Msg::RowGovernorate,
        Msg::AddGovernorate,
        |row: Field<GovernorateCount>, i| {
            view! {
                <TextField field=row.name() label=Msg::Name path=in_row(i, GovernorateField::Name) />
                <NumberField field=row.count() label=Msg::Count path=in_row(i, GovernorateField::Count) />
            }
        },
    );
    let categories = row_list(
        p.categories(),
        List::Categories,
        Msg::RowParticipantCategory,
        Msg::AddParticipantCategory,
        |row: Field<ParticipantCategory>, i| {
            view! {
                <TextField field=row.label() label=Msg::Label path=in_row(i, CategoryField::Label) />
                <NumberField field=row.count() label=Msg::Count path=in_row(i, CategoryField::Count) />
            }
        },
    );
    section(
        EditorSection::Participants,
        view! {
            <div class="grid">
                <NumberField field=p.total() label=Msg::TotalParticipants path=Figure::Total />
                <NumberField
                    field=p.new_participants()
                    label=Msg::NewParticipants
                    path=Figure::NewParticipants
                    hint=Msg::NewParticipantsHint
                />
                <NumberField field=p.guests() label=Msg::Guests path=Figure::Guests hint=Msg::GuestsHint />
            </div>
            <h3>{i18n.text(Msg::ParticipantsBySex)}</h3>
            <div class="grid grid--numbers">
                <NumberField field=p.male() label=Msg::Male path=Figure::Male />
                <NumberField field=p.female() label=Msg::Female path=Figure::Female />
                <NumberField field=p.sex_not_recorded() label=Msg::SexNotRecorded path=Figure::SexNotRecorded />
            </div>
            <h3>{i18n.text(Msg::ParticipantsByAge)}</h3>
            <div class="grid grid--numbers">
                <NumberField field=p.under_18() label=Msg::Under18 path=Figure::Under18 />
                <NumberField field=p.age_18_to_24() label=Msg::Age18To24 path=Figure::Age18To24 />
                <NumberField field=p.age_25_to_59() label=Msg::Age25To59 path=Figure::Age25To59 />
                <NumberField field=p.age_60_and_over() label=Msg::Age60AndOver path=Figure::Age60AndOver />
                <NumberField field=p.with_disabilities() label=Msg::WithDisabilities path=Figure::WithDisabilities />
            </div>
            <h3>{i18n.text(Msg::ParticipantsByGovernorate)}</h3>
            {governorates}
            <h3>{i18n.text(Msg::ParticipantsByCategory)}</h3>
            {categories}
        },
    )
}

fn agenda(report: Store<Report>) -> AnyView {
    section(
        EditorSection::Agenda,
        row_list(report.agenda(), List::Agenda, Msg::RowAgendaItem, Msg::AddAgendaItem, |row: Field<AgendaItem>, i| {
            view! {
                <div class="grid grid--times">
                    <TextField field=row.start() label=Msg::Start path=in_row(i, AgendaField::Start) kind=TextKind::Time />
                    <TextField field=row.end() label=Msg::End path=in_row(i, AgendaField::End) kind=TextKind::Time />
                </div>
                <TextField field=row.item() label=Msg::Item path=in_row(i, AgendaField::Item) kind=TextKind::ShortParagraph />
                <TextField field=row.presenter() label=Msg::Presenter path=in_row(i, AgendaField::Presenter) />
            }
        }),
    )
}

fn discussion(report: Store<Report>) -> AnyView {
    section(
        EditorSection::Discussion,
        row_list(
            report.discussion_points(),
            List::DiscussionPoints,
            Msg::RowDiscussionPoint,
            Msg::AddDiscussionPoint,
            |row: Field<DiscussionPoint>, i| {
                view! {
                    <TextField field=row.heading() label=Msg::Heading path=in_row(i, DiscussionPointField::Heading) />
                    <TextField field=row.details() label=Msg::Details path=in_row(i, DiscussionPointField::Details) kind=TextKind::Paragraph />
                }
            },
        ),
    )
}

fn working_groups(report: Store<Report>) -> AnyView {
    section(
        EditorSection::WorkingGroups,
        row_list(
            report.working_groups(),
            List::WorkingGroups,
            Msg::RowWorkingGroup,
            Msg::AddWorkingGroup,
            |row: Field<WorkingGroup>, i| {
                view! {
                    <TextField field=row.topic() label=Msg::Topic path=in_row(i, WorkingGroupField::Topic) />
                    <TextField field=row.facilitator() label=Msg::Facilitator path=in_row(i, WorkingGroupField::Facilitator) />
                    <TextField field=row.members() label=Msg::Members path=in_row(i, WorkingGroupField::Members) kind=TextKind::Paragraph />
                    <NumberField field=row.member_count() label=Msg::MemberCount path=in_row(i, WorkingGroupField::MemberCount) />
                    <TextField field=row.outcomes() label=Msg::Outcomes path=in_row(i, WorkingGroupField::Outcomes) kind=TextKind::Paragraph />
                }
            },
        ),
    )
}

fn results(report: Store<Report>) -> AnyView {
    section(EditorSection::Results, text_items(report.results(), TextList::Results, Msg::RowResult, Msg::AddResult))
}

fn recommendations(report: Store<Report>) -> AnyView {
    section(
        EditorSection::Recommendations,
        text_items(report.recommendations(), TextList::Recommendations, Msg::RowRecommendation, Msg::AddRecommendation),
    )
}

fn attachments(report: Store<Report>) -> AnyView {
    section(
        EditorSection::Attachments,
        view! {
            {photos::copy_notice()}
            {row_list(report.attachments(), List::Attachments, Msg::RowAttachment, Msg::AddAttachment, |row: Field<Attachment>, i| {
                view! {
                    <TextField field=row.description() label=Msg::Description path=in_row(i, AttachmentField::Description) />
                    {photos::attachment_photos(row, i)}
                }
            })}
        },
    )
}

fn closing(report: Store<Report>) -> AnyView {
    section(
        EditorSection::Closing,
        view! {
            <div class="stack">
                <TextField field=report.conclusion() label=Msg::Conclusion path=ReportField::Conclusion kind=TextKind::Paragraph />
                <TextField field=report.next_steps() label=Msg::NextSteps path=ReportField::NextSteps kind=TextKind::Paragraph />
            </div>
        },
    )
}

fn extra_sections(report: Store<Report>) -> AnyView {
    let sections = row_list(
        report.extra_sections(),
        List::ExtraSections,
        Msg::RowSection,
        Msg::AddSection,
        |row: Field<Section>, i| {
            view! {
                <TextField field=row.heading() label=Msg::Heading path=in_row(i, SectionField::Heading) />
                <TextField field=row.text() label=Msg::Text path=in_row(i, SectionField::Text) kind=TextKind::Paragraph />
            }
        },
    );
    section(EditorSection::Extra, sections)
}
