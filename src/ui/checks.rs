//! The "Checks" panel: the core's consistency checks, kept up to date as the person types.
//!
//! Checks read the whole report, so they run when typing pauses briefly, never per keystroke.

use crate::core::checks::{check_report, Problem};
use crate::core::i18n::Msg;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::session::Session;
use crate::ui::timing::Debounce;
use leptos::prelude::*;
use std::time::Duration;

const CHECK_DELAY: Duration = Duration::from_millis(250);

/// The problems found in the open draft.
#[derive(Clone, Copy)]
pub struct Checks {
    pub problems: RwSignal<Vec<Problem>>,
    i18n: I18n,
    session: Session,
}

impl Checks {
    pub fn provide(session: Session) -> Self {
        let checks = Checks { problems: RwSignal::new(Vec::new()), i18n: use_i18n(), session };
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
        provide_context(checks);
        checks
    }

    /// Checks the report as it is now; how many problems it has.
    fn run(self) -> usize {
        let found = check_report(&self.session.report().read_untracked(), &today());
        let count = found.len();
        if self.problems.with_untracked(|current| *current != found) {
            self.problems.set(found);
        }
        count
    }

    /// Asks before a file leaves with open problems; `true` when it may go. The report is
    /// checked again at the click: the panel's count may be waiting for typing to pause.
    pub fn confirm_export(self) -> bool {
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
