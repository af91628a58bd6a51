//! Finding one's place in the form: the "Sections" list (one link per section, with what it
//! holds in words), and "More sections", where the sections this kind of activity does not
//! usually need wait, folded, until opened.

use crate::core::editor_sections::{EditorSection, SectionState};
use crate::core::i18n::Msg;
use crate::ui::checks::Checks;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::workspace::Workspace;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the "More sections" heading.
const MORE_SECTIONS: &str = "more-sections";

/// Puts the heading with id `id` at the top of the screen, below any bar that stays in view (the
/// headings' scroll margin), and moves focus to it.
fn go_to(id: &str) {
    let Some(heading) = document().get_element_by_id(id) else { return };
    if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
        let _ = heading.focus();
        heading.scroll_into_view();
    }
}

fn state_text(i18n: I18n, state: SectionState) -> String {
    match state {
        SectionState::Empty => i18n.t(Msg::SectionStateEmpty).to_owned(),
        SectionState::Filled => i18n.t(Msg::SectionStateFilled).to_owned(),
        SectionState::OpenChecks(n) => i18n.plural(Msg::SectionStateChecks, n, &[]),
    }
}

fn state_class(state: SectionState) -> &'static str {
    match state {
        SectionState::Empty => "sections__item sections__item--empty",
        SectionState::Filled => "sections__item sections__item--filled",
        SectionState::OpenChecks(_) => "sections__item sections__item--checks",
    }
}

/// The "Sections" landmark: beside the form on wide screens, a menu on narrow ones.
#[component]
pub fn SectionsNav() -> impl IntoView {
    let i18n = use_i18n();
    let checks = expect_context::<Checks>();
    let workspace = expect_context::<Workspace>();
    let follow = move |id: String| {
        workspace.sections_open.set(false);
        // Once the menu is closed the page has its full height again.
        request_animation_frame(move || go_to(&id));
    };
    let items = move || {
        let folded = workspace.folded.get();
        let mut items: Vec<_> = checks
            .sections
            .get()
            .into_iter()
            .filter(|(section, _)| !folded.contains(section))
            .map(|(section, state)| {
                let id = section.heading_id();
                let state_id = format!("{id}-state");
                let href = format!("#{id}");
                view! {
                    <li class=state_class(state)>
                        <a
                            href=href
                            aria-describedby=state_id.clone()
                            on:click=move |ev| {
                                ev.prevent_default();
                                follow(id.clone());
                            }
                        >
                            {i18n.t(section.heading())}
                        </a>
                        <span class="sections__state" id=state_id>{state_text(i18n, state)}</span>
                    </li>
                }
                .into_any()
            })
            .collect();
        if !folded.is_empty() {
            items.push(
                view! {
                    <li class="sections__item sections__item--more">
                        <a
                            href=format!("#{MORE_SECTIONS}")
                            on:click=move |ev| {
                                ev.prevent_default();
                                follow(MORE_SECTIONS.to_owned());
                            }
                        >
                            {i18n.t(Msg::MoreSections)}
                        </a>
                        <span class="sections__state">{folded.len().to_string()}</span>
                    </li>
                }
                .into_any(),
            );
        }
        items
    };
    view! {
        <nav
            id="sections-nav"
            class="sections"
            class:sections--open=move || workspace.sections_open.get()
            aria-labelledby="sections-heading"
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    workspace.sections_open.set(false);
                }
            }
        >
            <h2 class="sections__heading" id="sections-heading">{i18n.text(Msg::SectionsNav)}</h2>
            <ul class="sections__list">{items}</ul>
        </nav>
    }
}

/// The sections folded away for this kind of activity, each opened with one click.
#[component]
pub fn MoreSections() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = expect_context::<Workspace>();
    let open = move |section: EditorSection| {
        workspace.opened.update(|opened| opened.push(section));
        request_animation_frame(move || go_to(&section.heading_id()));
    };
    view! {
        <Show when=move || !workspace.folded.with(Vec::is_empty)>
            <section class="card more-sections" aria-labelledby=MORE_SECTIONS>
                <h2 id=MORE_SECTIONS tabindex="-1">{i18n.text(Msg::MoreSections)}</h2>
                <p class="field-hint">{i18n.text(Msg::MoreSectionsHint)}</p>
                <ul class="more-sections__list">
                    {move || {
                        workspace
                            .folded
                            .get()
                            .into_iter()
                            .map(|section| view! {
                                <li>
                                    <button type="button" class="button button--add" on:click=move |_| open(section)>
                                        <span aria-hidden="true" class="icon">"+ "</span>
                                        {i18n.text(section.heading())}
                                    </button>
                                </li>
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
        </Show>
    }
}
