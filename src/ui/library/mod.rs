//! "Reports": every draft in this browser, with search, open, duplicate, rename, delete (with
//! undo; deleted drafts stay in the trash for 30 days) and new reports from templates; the trash;
//! storage and backups.

mod backups;
mod draft_row;
mod trash;

use crate::core::document::Document;
use crate::core::i18n::long_date;
use crate::core::i18n::Msg;
use crate::core::report::{ActivityType, Digits, Language};
use crate::core::templates::{from_template, TEMPLATES};
use crate::ui::button::button;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::profile::OrgProfile;
use crate::ui::session::Session;
use backups::StorageAndBackups;
use draft_row::DraftRow;
use leptos::prelude::*;
use trash::Trash;

/// The template chosen: a built-in one, or one of the organisation's own, by name.
#[derive(Clone, Debug, PartialEq)]
enum Chosen {
    BuiltIn(ActivityType),
    Own(String),
}

/// How the template list's value marks an own template.
const OWN: &str = "own:";

/// How many drafts are drawn at first, and added by "Show more".
const PAGE: usize = 40;

fn template_name(kind: ActivityType) -> Msg {
    match kind {
        ActivityType::DialogueSession => Msg::ActivityDialogueSession,
        ActivityType::Workshop | ActivityType::Training => Msg::TemplateWorkshopTraining,
        ActivityType::ClosingSession => Msg::ActivityClosingSession,
        ActivityType::Meeting | ActivityType::Other => Msg::ActivityMeeting,
    }
}

/// A moment (ms since the epoch) as the local day written out in `language` ("27 November 2026",
/// with the Iraqi month names in Arabic and Sorani ones in Kurdish, which the browser's own date
/// formatting lacks), and the local time of day.
fn local_day_and_time(ms: f64, language: Language) -> (String, String) {
    let moment = js_sys::Date::new(&ms.into());
    let day = format!("{:04}-{:02}-{:02}", moment.get_full_year(), moment.get_month() + 1, moment.get_date());
    let time = format!("{:02}:{:02}", moment.get_hours(), moment.get_minutes());
    (long_date(&day, language, Digits::Western), time)
}

/// A draft's title as a list shows it: "Untitled report" when it has none (follows the language).
fn list_title(i18n: I18n, title: String) -> impl Fn() -> String + Send + Sync + 'static {
    move || if title.trim().is_empty() { i18n.t(Msg::UntitledReport).to_owned() } else { title.clone() }
}

/// What the list says above the drafts: the draft just deleted (with Undo), or what went wrong.
#[derive(Clone, Copy)]
struct ListNotices {
    /// Id and title of the draft last deleted.
    deleted: RwSignal<Option<(String, String)>>,
    error: RwSignal<Option<String>>,
}

impl ListNotices {
    /// Moves draft `id` to the trash (the editor leaves it if it is open) and offers Undo, or
    /// says why it could not.
    fn delete(self, session: Session, lang: Language, id: String, title: String) {
        match session.delete(&id) {
            Ok(()) => {
                self.error.set(None);
                self.deleted.set(Some((id, title)));
            }
            Err(problem) => {
                self.deleted.set(None);
                self.error.set(Some(problem.delete_failed(lang, &title)));
            }
        }
    }

    /// Takes the draft last deleted out of the trash again.
    fn undo(self, session: Session) {
        if let Some((id, _)) = self.deleted.get_untracked() {
            let _ = session.put_back(&id);
            self.deleted.set(None);
        }
    }
}

#[component]
pub fn ReportsScreen() -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let query = RwSignal::new(String::new());
    let notices = ListNotices { deleted: RwSignal::new(None), error: RwSignal::new(None) };
    let org = expect_context::<OrgProfile>();
    let template = RwSignal::new(Chosen::BuiltIn(TEMPLATES[0]));
    let template_deleted = RwSignal::new(None::<String>);
    // A long list is drawn a page at a time, so the screen opens at once; search finds the rest.
    let shown = RwSignal::new(PAGE);

    let drafts = Memo::new(move |_| {
        session.library_version().track();
        let query = query.get();
        session
            .with_library(|library| library.search(&query).into_iter().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let hidden = move || drafts.with(Vec::len).saturating_sub(shown.get());

    // A template starts with the profile's details where it leaves them blank.
    let new_from_template = move |_| {
        let mut report = match template.get_untracked() {
            Chosen::BuiltIn(kind) => from_template(kind, i18n.language_untracked()),
            Chosen::Own(name) => {
                match org.with_untracked(|p| p.templates.iter().find(|t| t.name == name).map(|t| t.start())) {
                    Some(report) => report,
                    None => return,
                }
            }
        };
        org.with_untracked(|profile| profile.fill(&mut report));
        session.open_document(Document::new(report));
    };
    let delete_template = move |_| {
        if let Chosen::Own(name) = template.get_untracked() {
            org.change(|profile| profile.delete_template(&name));
            template.set(Chosen::BuiltIn(TEMPLATES[0]));
            template_deleted.set(Some(name));
        }
    };
    let new_blank = move |_| {
        session.new_report();
    };
    // Drafts erased from the trash take their photos with them.
    session.empty_trash();

    view! {
        <section class="card library" aria-labelledby="library-heading">
            <h2 id="library-heading">{i18n.text(Msg::Reports)}</h2>
            <div class="library__new">
                {button("button button--primary", Msg::NewReport, new_blank)}
                <div class="field">
                    <label for="template">{i18n.text(Msg::Template)}</label>
                    <select
                        id="template"
                        on:change:target=move |ev| {
                            let value = ev.target().value();
                            let chosen = match value.strip_prefix(OWN) {
                                Some(name) => Some(Chosen::Own(name.to_owned())),
                                None => ActivityType::from_code(&value).map(Chosen::BuiltIn),
                            };
                            if let Some(chosen) = chosen {
                                template.set(chosen);
                            }
                        }
                    >
                        <optgroup label=move || i18n.t(Msg::BuiltInTemplates)>
                            {TEMPLATES
                                .iter()
                                .map(|kind| {
                                    let kind = *kind;
                                    view! {
                                        <option value=kind.code() selected=move || template.get() == Chosen::BuiltIn(kind)>
                                            {move || i18n.t(template_name(kind))}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </optgroup>
                        {move || {
                            let names: Vec<String> = org.with(|p| p.templates.iter().map(|t| t.name.clone()).collect());
                            (!names.is_empty()).then(|| view! {
                                <optgroup label=move || i18n.t(Msg::OwnTemplates)>
                                    {names.into_iter().map(|name| {
                                        let chosen = Chosen::Own(name.clone());
                                        let value = format!("{OWN}{name}");
                                        view! {
                                            <option value=value selected=move || template.get() == chosen>
                                                {name}
                                            </option>
                                        }
                                    }).collect_view()}
                                </optgroup>
                            })
                        }}
                    </select>
                </div>
                {button("button", Msg::NewFromTemplate, new_from_template)}
                <Show when=move || matches!(template.get(), Chosen::Own(_))>
                    {button("button button--danger", Msg::DeleteTemplate, delete_template)}
                </Show>
            </div>
            {move || template_deleted.get().map(|name| view! {
                <div class="notice notice--info" role="status">
                    {move || i18n.format(Msg::TemplateDeleted, &[("name", &name)])}
                </div>
            })}
            <div class="field library__search">
                <label for="library-search">{i18n.text(Msg::Search)}</label>
                <input
                    id="library-search"
                    type="search"
                    dir="auto"
                    prop:value=move || query.get()
                    on:input:target=move |ev| query.set(ev.target().value())
                />
            </div>
            {move || {
                notices
                    .deleted
                    .get()
                    .map(|(_, title)| {
                        view! {
                            <div class="notice notice--info" role="status">
                                <span>{move || i18n.format(Msg::ReportDeleted, &[("title", &title)])}</span>
                                {button("button", Msg::Undo, move |_| notices.undo(session))}
                            </div>
                        }
                    })
            }}
            {move || {
                notices.error.get().map(|message| view! { <div class="notice notice--error" role="alert">{message}</div> })
            }}
            <Show
                when=move || !drafts.with(Vec::is_empty)
                fallback=move || view! { <p>{i18n.text(Msg::NoReports)}</p> }
            >
                <ul class="library__list">
                    <For
                        each=move || drafts.get().into_iter().take(shown.get())
                        key=|d| (d.id.clone(), d.title.clone(), d.updated_ms.to_bits())
                        children=move |summary| view! { <DraftRow summary notices /> }
                    />
                </ul>
                <Show when=move || hidden() != 0>
                    <button type="button" class="button button--add" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {move || i18n.plural(Msg::ShowMoreReports, hidden(), &[])}
                    </button>
                </Show>
            </Show>
        </section>
        <Trash />
        <StorageAndBackups />
    }
}
