//! The "Checks" panel: the core's consistency checks, kept up to date as the person types.
//!
//! Checks read the whole report, so they run when typing pauses briefly, never per keystroke.

use crate::core::checks::{problems_to_show, Problem};
use crate::core::editor_sections::{section_states, EditorSection, SectionState};
use crate::core::i18n::Msg;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::session::Session;
use crate::ui::timing::Debounce;
use leptos::prelude::*;
use std::time::Duration;

const CHECK_DELAY: Duration = Duration::from_millis(250);

/// The problems found in the open draft, and what the "Sections" list says of each section
/// (worked out in the same pass, as it counts the problems of each).
#[derive(Clone, Copy)]
pub struct Checks {
    pub problems: RwSignal<Vec<Problem>>,
    pub sections: RwSignal<Vec<(EditorSection, SectionState)>>,
    /// An export was asked for: missing fields are listed even on a blank page.
    asked_to_export: RwSignal<bool>,
    i18n: I18n,
    session: Session,
}

impl Checks {
    pub fn provide(session: Session) -> Self {
        let checks = Checks {
            problems: RwSignal::new(Vec::new()),
            sections: RwSignal::new(Vec::new()),
            asked_to_export: RwSignal::new(false),
            i18n: use_i18n(),
            session,
        };
        let run = move || {
            checks.run();
        };
        let pending = Debounce::new();
        Effect::new(move |previous: Option<()>| {
            session.report().track();
            if previous.is_none() {
                run();
                return;
            }
            pending.schedule(CHECK_DELAY, run);
        });
        // Another draft opened: its blank page is not nagged about because this one was exported.
        Effect::new(move |previous: Option<()>| {
            session.draft_id().track();
            if previous.is_some() {
                checks.asked_to_export.set(false);
            }
        });
        provide_context(checks);
        checks
    }

    /// Checks the report as it is now; how many problems it has.
    fn run(self) -> usize {
        let report = self.session.report().read_untracked();
        let found = problems_to_show(&report, &today(), self.asked_to_export.get_untracked());
        let sections = section_states(&report, &found);
        drop(report);
        let count = found.len();
        if self.problems.with_untracked(|current| *current != found) {
            self.problems.set(found);
        }
        if self.sections.with_untracked(|current| *current != sections) {
            self.sections.set(sections);
        }
        count
    }

    /// Asks before a file leaves with open problems; `true` when it may go. The report is
    /// checked again at the click: the panel's count may be waiting for typing to pause.
    pub fn confirm_export(self) -> bool {
        self.asked_to_export.set(true);
        let count = self.run();
        if count == 0 {
            return true;
        }
        let question = self.i18n.plural(Msg::ExportWithProblems, count, &[]);
        web_sys::window().and_then(|w| w.confirm_with_message(&question).ok()).unwrap_or(true)
    }
}

/// Today's local date as YYYY-MM-DD.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

fn focus_field(id: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(element) = document.get_element_by_id(id) {
        element.scroll_into_view_with_bool(false);
        if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
            let _ = element.focus();
        }
    }
}

#[component]
pub fn ChecksPanel() -> impl IntoView {
    let i18n = use_i18n();
    let checks = expect_context::<Checks>();
    let count = move || checks.problems.with(Vec::len);
    let any = move || count() != 0;
    view! {
        <section class="card checks" aria-labelledby="checks-heading">
            <h2 id="checks-heading">
                {i18n.text(Msg::ChecksHeading)}
                <span class="checks__count" class:checks__count--ok=move || count() == 0>
                    {move || count().to_string()}
                </span>
            </h2>
            <Show
                when=any
                fallback=move || view! { <p class="checks__none">{i18n.text(Msg::ChecksNone)}</p> }
            >
                <ul class="checks__list">
                    {move || {
                        let lang = i18n.language();
                        checks
                            .problems
                            .get()
                            .into_iter()
                            .map(|problem| {
                                let id = problem.field.id();
                                let href = format!("#{id}");
                                view! {
                                    <li>
                                        <a
                                            href=href
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                focus_field(&id);
                                            }
                                        >
                                            {problem.message(lang)}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </section>
    }
}
