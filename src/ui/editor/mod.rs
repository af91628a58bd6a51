//! The report editor: every part of the model, in the order a report is read.

mod fields;
mod photos;
mod rows;

use crate::core::i18n::{activity_name, Msg};
use crate::core::report::*;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::session::Session;
use fields::{field_id, row_field_id, ChoiceField, NumberField, ReportLanguage, TextField, TextKind};
use leptos::prelude::*;
use reactive_stores::{Field, Store};
use rows::row_list;

#[component]
pub fn Editor() -> impl IntoView {
    let session = expect_context::<Session>();
    let report = session.report;
    let i18n = use_i18n();
    provide_context(ReportLanguage(Memo::new(move |_| report.language().try_get().unwrap_or_default())));
    let drawn = RwSignal::new(0usize);
    draw_after_next_frame(drawn);

    view! {
        <form class="editor" on:submit=|ev| ev.prevent_default() novalidate>
            // A draft from a newer version of the app is shown with every control disabled.
            <fieldset class="editor__fields" disabled=move || session.read_only.get().is_some()>
            <legend class="visually-hidden">{i18n.text(Msg::Editor)}</legend>
            {identity(report)}
            {when_and_where(report)}
            {LATER_SECTIONS
                .iter()
                .enumerate()
                .map(|(i, section)| {
                    let is_drawn = move || drawn.get() > i;
                    view! { <Show when=is_drawn>{section(report)}</Show> }
                })
                .collect_view()}
            </fieldset>
        </form>
    }
}

/// The sections below the first screen. They are drawn one per frame once the page has been
/// shown, so the title takes typing sooner on a slow phone, and a long report never holds the
/// page for its whole length at once.
const LATER_SECTIONS: [fn(Store<Report>) -> AnyView; 10] =
    [narrative, objectives, people, participants, agenda, discussion, working_groups, results, attachments, closing];

/// Draws one more of [`LATER_SECTIONS`] after each frame, until all are drawn.
fn draw_after_next_frame(drawn: RwSignal<usize>) {
    request_animation_frame(move || {
        set_timeout(
            move || {
                // The editor may be gone by now (another screen was opened): then nothing to do.
                let more = drawn.try_update(|n| {
                    *n += 1;
                    *n < LATER_SECTIONS.len()
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
fn section(heading: Msg, name: &'static str, body: impl IntoView + 'static) -> AnyView {
    let i18n = use_i18n();
    let heading_id = format!("section-{name}");
    let labelled_by = heading_id.clone();
    view! {
        <section class="card" aria-labelledby=labelled_by>
            <h2 id=heading_id>{i18n.text(heading)}</h2>
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
        Msg::SectionIdentity,
        "identity",
        view! {
            <div class="grid">
                <TextField field=report.title() label=Msg::ReportTitle id=field_id("title") />
                <ChoiceField
                    label=Msg::ActivityType
                    id=field_id("activity_type")
                    options=activity_options(i18n)
                    selected=Signal::derive(move || activity.try_get().unwrap_or_default().code())
                    on_change=move |code| {
                        if let Some(kind) = ActivityType::from_code(&code) {
                            activity.set(kind);
                        }
                    }
                />
                <NumberField field=report.session_number() label=Msg::SessionNumber id=field_id("session_number") />
                <TextField field=report.project_name() label=Msg::ProjectName id=field_id("project_name") />
                <TextField field=report.programme() label=Msg::Programme id=field_id("programme") />
                <TextField field=report.organizing_organization() label=Msg::OrganizingOrganization id=field_id("organizing_organization") />
                <TextField field=report.partner_organizations() label=Msg::PartnerOrganizations id=field_id("partner_organizations") />
                <TextField field=report.donor() label=Msg::Donor id=field_id("donor") />
                <ChoiceField
                    label=Msg::Digits
                    id=field_id("digits")
                    options=digit_options(i18n)
                    selected=Signal::derive(move || digits.try_get().unwrap_or_default().code())
                    on_change=move |code| {
                        if let Some(choice) = Digits::from_code(&code) {
                            digits.set(choice);
                        }
                    }
                />
                <ChoiceField
                    label=Msg::ReportLanguage
                    id=field_id("language")
                    options=languages
                    selected=Signal::derive(move || language.try_get().unwrap_or_default().code())
                    on_change=move |code| {
                        if let Some(lang) = Language::from_code(&code) {
                            language.set(lang);
                        }
                    }
                />
            </div>
        },
    )
}

fn when_and_where(report: Store<Report>) -> AnyView {
    section(
        Msg::SectionWhenWhere,
        "when-where",
        view! {
            <div class="grid">
                <TextField field=report.date() label=Msg::Date id=field_id("date") kind=TextKind::Date />
                <TextField field=report.start_time() label=Msg::StartTime id=field_id("start_time") kind=TextKind::Time />
                <TextField field=report.end_time() label=Msg::EndTime id=field_id("end_time") kind=TextKind::Time />
                <TextField field=report.venue() label=Msg::Venue id=field_id("venue") />
                <TextField field=report.city() label=Msg::City id=field_id("city") />
                <TextField field=report.governorate() label=Msg::Governorate id=field_id("governorate") />
                <TextField field=report.country() label=Msg::Country id=field_id("country") />
            </div>
        },
    )
}

fn narrative(report: Store<Report>) -> AnyView {
    section(
        Msg::SectionNarrative,
        "narrative",
        view! {
            <div class="stack">
                <TextField field=report.introduction() label=Msg::Introduction id=field_id("introduction") kind=TextKind::Paragraph />
                <TextField field=report.aim() label=Msg::Aim id=field_id("aim") kind=TextKind::Paragraph />
                <TextField field=report.session_topic() label=Msg::SessionTopic id=field_id("session_topic") kind=TextKind::Paragraph />
            </div>
        },
    )
}

/// A list of one-line texts (objectives, results, recommendations).
fn text_items<L>(list: L, name: &'static str, legend: Msg, add: Msg) -> impl IntoView
where
    L: IntoIterator + Update<Value = Vec<TextItem>> + Copy + Send + Sync + 'static,
    L::Item: Into<Field<TextItem>> + WithUntracked<Value = TextItem> + Send + 'static,
    L::IntoIter: Send,
{
    row_list(list, name, legend, add, move |row: Field<TextItem>, i| {
        view! { <TextField field=row.text() label=Msg::Text id=row_field_id(name, i, "text") kind=TextKind::Paragraph /> }
    })
}

fn objectives(report: Store<Report>) -> AnyView {
    section(
        Msg::SectionObjectives,
        "objectives",
        text_items(report.objectives(), "objectives", Msg::RowObjective, Msg::AddObjective),
    )
}

fn people(report: Store<Report>) -> AnyView {
    let facilitators = row_list(
        report.facilitators(),
        "facilitators",
        Msg::RowFacilitator,
        Msg::AddFacilitator,
        |row: Field<Facilitator>, i| {
            view! {
                <TextField field=row.name() label=Msg::Name id=row_field_id("facilitators", i, "name") />
                <TextField field=row.role() label=Msg::Role id=row_field_id("facilitators", i, "role") />
            }
        },
    );
    let speakers = row_list(
        report.speakers(),
        "speakers",
        Msg::RowSpeaker,
        Msg::AddSpeaker,
        |row: Field<Speaker>, i| {
            view! {
                <TextField field=row.name() label=Msg::Name id=row_field_id("speakers", i, "name") />
                <TextField field=row.position() label=Msg::Position id=row_field_id("speakers", i, "position") />
                <TextField field=row.organization() label=Msg::Organization id=row_field_id("speakers", i, "organization") />
                <TextField field=row.summary() label=Msg::Summary id=row_field_id("speakers", i, "summary") kind=TextKind::Paragraph />
            }
        },
    );
    section(
        Msg::SectionPeople,
        "people",
        view! {
            <div class="stack">
                {facilitators}
                <div class="grid">
                    <TextField field=report.moderator() label=Msg::Moderator id=field_id("moderator") />
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
        "participants-governorates",
        Msg::RowGovernorate,
        Msg::AddGovernorate,
        |row: Field<GovernorateCount>, i| {
            view! {
                <TextField field=row.name() label=Msg::Name id=row_field_id("participants-governorates", i, "name") />
                <NumberField field=row.count() label=Msg::Count id=row_field_id("participants-governorates", i, "count") />
            }
        },
    );
    let categories = row_list(
        p.categories(),
        "participants-categories",
        Msg::RowParticipantCategory,
        Msg::AddParticipantCategory,
        |row: Field<ParticipantCategory>, i| {
            view! {
                <TextField field=row.label() label=Msg::Label id=row_field_id("participants-categories", i, "label") />
                <NumberField field=row.count() label=Msg::Count id=row_field_id("participants-categories", i, "count") />
            }
        },
    );
    section(
        Msg::SectionParticipants,
        "participants",
        view! {
            <div class="grid">
                <NumberField field=p.total() label=Msg::TotalParticipants id=field_id("participants-total") />
                <NumberField field=p.guests() label=Msg::Guests id=field_id("participants-guests") hint=Msg::GuestsHint />
            </div>
            <h3>{i18n.text(Msg::ParticipantsBySex)}</h3>
            <div class="grid grid--numbers">
                <NumberField field=p.male() label=Msg::Male id=field_id("participants-male") />
                <NumberField field=p.female() label=Msg::Female id=field_id("participants-female") />
                <NumberField field=p.sex_not_recorded() label=Msg::SexNotRecorded id=field_id("participants-sex_not_recorded") />
            </div>
            <h3>{i18n.text(Msg::ParticipantsByAge)}</h3>
            <div class="grid grid--numbers">
                <NumberField field=p.under_18() label=Msg::Under18 id=field_id("participants-under_18") />
                <NumberField field=p.age_18_to_24() label=Msg::Age18To24 id=field_id("participants-age_18_to_24") />
                <NumberField field=p.age_25_to_59() label=Msg::Age25To59 id=field_id("participants-age_25_to_59") />
                <NumberField field=p.age_60_and_over() label=Msg::Age60AndOver id=field_id("participants-age_60_and_over") />
                <NumberField field=p.with_disabilities() label=Msg::WithDisabilities id=field_id("participants-with_disabilities") />
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
        Msg::SectionAgenda,
        "agenda",
        row_list(report.agenda(), "agenda", Msg::RowAgendaItem, Msg::AddAgendaItem, |row: Field<AgendaItem>, i| {
            view! {
                <div class="grid grid--times">
                    <TextField field=row.start() label=Msg::Start id=row_field_id("agenda", i, "start") kind=TextKind::Time />
                    <TextField field=row.end() label=Msg::End id=row_field_id("agenda", i, "end") kind=TextKind::Time />
                </div>
                <TextField field=row.item() label=Msg::Item id=row_field_id("agenda", i, "item") kind=TextKind::Paragraph />
                <TextField field=row.presenter() label=Msg::Presenter id=row_field_id("agenda", i, "presenter") />
            }
        }),
    )
}

fn discussion(report: Store<Report>) -> AnyView {
    section(
        Msg::SectionDiscussion,
        "discussion",
        row_list(
            report.discussion_points(),
            "discussion_points",
            Msg::RowDiscussionPoint,
            Msg::AddDiscussionPoint,
            |row: Field<DiscussionPoint>, i| {
                view! {
                    <TextField field=row.heading() label=Msg::Heading id=row_field_id("discussion_points", i, "heading") />
                    <TextField field=row.details() label=Msg::Details id=row_field_id("discussion_points", i, "details") kind=TextKind::Paragraph />
                }
            },
        ),
    )
}

fn working_groups(report: Store<Report>) -> AnyView {
    section(
        Msg::SectionWorkingGroups,
        "working-groups",
        row_list(
            report.working_groups(),
            "working_groups",
            Msg::RowWorkingGroup,
            Msg::AddWorkingGroup,
            |row: Field<WorkingGroup>, i| {
                view! {
                    <TextField field=row.topic() label=Msg::Topic id=row_field_id("working_groups", i, "topic") />
                    <TextField field=row.facilitator() label=Msg::Facilitator id=row_field_id("working_groups", i, "facilitator") />
                    <TextField field=row.members() label=Msg::Members id=row_field_id("working_groups", i, "members") kind=TextKind::Paragraph />
                    <NumberField field=row.member_count() label=Msg::MemberCount id=row_field_id("working_groups", i, "member_count") />
                    <TextField field=row.outcomes() label=Msg::Outcomes id=row_field_id("working_groups", i, "outcomes") kind=TextKind::Paragraph />
                }
            },
        ),
    )
}

fn results(report: Store<Report>) -> AnyView {
    view! {
        {section(
            Msg::SectionResults,
            "results",
            text_items(report.results(), "results", Msg::RowResult, Msg::AddResult),
        )}
        {section(
            Msg::SectionRecommendations,
            "recommendations",
            text_items(report.recommendations(), "recommendations", Msg::RowRecommendation, Msg::AddRecommendation),
        )}
    }
    .into_any()
}

fn attachments(report: Store<Report>) -> AnyView {
    section(
        Msg::SectionAttachments,
        "attachments",
        view! {
            {photos::copy_notice()}
            {row_list(report.attachments(), "attachments", Msg::RowAttachment, Msg::AddAttachment, |row: Field<Attachment>, i| {
                view! {
                    <TextField field=row.description() label=Msg::Description id=row_field_id("attachments", i, "description") />
                    {photos::attachment_photos(row, i)}
                }
            })}
        },
    )
}

fn closing(report: Store<Report>) -> AnyView {
    let sections = row_list(
        report.extra_sections(),
        "extra_sections",
        Msg::RowSection,
        Msg::AddSection,
        |row: Field<Section>, i| {
            view! {
                <TextField field=row.heading() label=Msg::Heading id=row_field_id("extra_sections", i, "heading") />
                <TextField field=row.text() label=Msg::Text id=row_field_id("extra_sections", i, "text") kind=TextKind::Paragraph />
            }
        },
    );
    view! {
        {section(
            Msg::SectionClosing,
            "closing",
            view! {
                <div class="stack">
                    <TextField field=report.conclusion() label=Msg::Conclusion id=field_id("conclusion") kind=TextKind::Paragraph />
                    <TextField field=report.next_steps() label=Msg::NextSteps id=field_id("next_steps") kind=TextKind::Paragraph />
                </div>
            },
        )}
        {section(Msg::SectionExtra, "extra", sections)}
    }
    .into_any()
}
