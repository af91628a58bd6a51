//! "Save as template" among the report actions: the open report, without its dates, numbers and
//! photos, kept in the organisation profile under a name (core::templates::OwnTemplate); the
//! Reports screen offers it beside the built-in templates.

use crate::core::i18n::Msg;
use crate::core::templates::OwnTemplate;
use crate::ui::button::button;
use crate::ui::i18n::use_i18n;
use crate::ui::profile::OrgProfile;
use crate::ui::session::Session;
use leptos::prelude::*;

/// The state of saving a template: whether the name is being asked for, the name typed, and
/// what the last save did.
#[derive(Clone, Copy)]
pub struct SaveAsTemplate {
    asking: RwSignal<bool>,
    name: RwSignal<String>,
    /// The name was left blank.
    blank: RwSignal<bool>,
    saved: RwSignal<Option<String>>,
}

impl SaveAsTemplate {
    /// Made once by the report actions.
    pub fn new() -> Self {
        SaveAsTemplate {
            asking: RwSignal::new(false),
            name: RwSignal::new(String::new()),
            blank: RwSignal::new(false),
            saved: RwSignal::new(None),
        }
    }

    /// "Save as template": asks for a name, the report's title to start with.
    pub fn button(self) -> impl IntoView {
        let session = expect_context::<Session>();
        button("button", Msg::SaveAsTemplate, move |_| {
            self.name.set(session.report().read_untracked().title.trim().to_owned());
            self.blank.set(false);
            self.saved.set(None);
            self.asking.set(true);
        })
    }

    /// The name asked for, Save template and Cancel; then what was saved.
    pub fn form(self) -> impl IntoView {
        let i18n = use_i18n();
        let session = expect_context::<Session>();
        let org = expect_context::<OrgProfile>();
        let save = move || {
            let name = self.name.get_untracked().trim().to_owned();
            if name.is_empty() {
                self.blank.set(true);
                return;
            }
            let template = OwnTemplate::of(&name, &session.report().read_untracked());
            org.change(|profile| profile.save_template(template));
            self.asking.set(false);
            self.saved.set(Some(name));
        };
        view! {
            <Show when=move || self.asking.get()>
                <form class="save-template" on:submit=move |ev| {
                    ev.prevent_default();
                    save();
                }>
                    <div class="field" class:field--invalid=move || self.blank.get()>
                        <label for="template-name">{i18n.text(Msg::TemplateName)}</label>
                        <input
                            id="template-name"
                            type="text"
                            dir="auto"
                            autofocus
                            aria-describedby="template-name-error"
                            prop:value=move || self.name.get()
                            on:input:target=move |ev| self.name.set(ev.target().value())
                        />
                        <p id="template-name-error" class="field-error" role="alert">
                            {move || self.blank.get().then(|| i18n.t(Msg::TemplateNameNeeded))}
                        </p>
                    </div>
                    <div class="draft__actions">
                        <button type="submit" class="button button--primary">{i18n.text(Msg::SaveTemplate)}</button>
                        {button("button", Msg::Cancel, move |_| self.asking.set(false))}
                    </div>
                </form>
            </Show>
            {move || self.saved.get().map(|name| view! {
                <p class="notice notice--info" role="status">
                    {move || i18n.format(Msg::TemplateSaved, &[("name", &name)])}
                </p>
            })}
        }
    }
}
