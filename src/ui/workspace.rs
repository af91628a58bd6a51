//! The editor's screen laid out for a working day: the report actions in a bar that stays at
//! hand (under the app bar on wide screens, at the foot of the screen on phones), the
//! "Sections" list beside the form (a menu on phones), and the Preview beside the form (its own
//! view on phones).

use crate::core::editor_sections::{folded, EditorSection, SectionState};
use crate::core::i18n::Msg;
use crate::core::report::ReportStoreFields;
use crate::ui::checks::{Checks, ChecksPanel};
use crate::ui::editor::{Editor, SectionsNav};
use crate::ui::exports::ReportActions;
use crate::ui::i18n::use_i18n;
use crate::ui::preview::Preview;
use crate::ui::session::Session;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// What the editor's screen shows around the form.
#[derive(Clone, Copy)]
pub struct Workspace {
    pub preview_open: RwSignal<bool>,
    /// The "Sections" menu, on narrow screens.
    pub sections_open: RwSignal<bool>,
    /// Sections folded under "More sections" that the person opened, and sections shown for
    /// their content (so emptying one does not fold it away under the cursor).
    pub opened: RwSignal<Vec<EditorSection>>,
    /// The sections under "More sections" now.
    pub folded: Memo<Vec<EditorSection>>,
}

impl Workspace {
    fn provide(session: Session, checks: Checks) -> Self {
        let report = session.report();
        let kind = Memo::new(move |_| report.activity_type().try_get().unwrap_or_default());
        let opened = RwSignal::new(Vec::<EditorSection>::new());
        let folded = Memo::new(move |_| checks.sections.with(|states| opened.with(|o| folded(kind.get(), states, o))));
        Effect::new(move |_| {
            let written: Vec<EditorSection> = checks.sections.with(|states| {
                states.iter().filter(|(_, state)| *state != SectionState::Empty).map(|(section, _)| *section).collect()
            });
            if written.iter().any(|section| !opened.with_untracked(|o| o.contains(section))) {
                opened.update(|o| o.extend(written.into_iter().filter(|s| !o.contains(s)).collect::<Vec<_>>()));
            }
        });
        // Another kind of activity, or another draft: fold again what that one does not use.
        Effect::new(move |previous: Option<()>| {
            kind.track();
            session.draft_id().track();
            if previous.is_some() {
                opened.set(Vec::new());
            }
        });
        let workspace =
            Workspace { preview_open: RwSignal::new(false), sections_open: RwSignal::new(false), opened, folded };
        provide_context(workspace);
        workspace
    }
}

#[component]
pub fn EditorScreen(checks: Checks) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let workspace = Workspace::provide(session, checks);
    let (preview_open, sections_open) = (workspace.preview_open, workspace.sections_open);
    let bar = NodeRef::<leptos::html::Div>::new();
    measure_sticky_bars(bar);
    let place = Place::new();
    view! {
        <div class="report-actions-holder" node_ref=bar>
            <ReportActions confirm_export=move |()| checks.confirm_export()>
                <button
                    type="button"
                    class="button report-actions__sections-toggle"
                    aria-expanded=move || sections_open.get().to_string()
                    aria-controls="sections-nav"
                    on:click=move |_| sections_open.update(|open| *open = !*open)
                >
                    {i18n.text(Msg::SectionsNav)}
                </button>
                <button
                    type="button"
                    class="button"
                    aria-pressed=move || preview_open.get().to_string()
                    on:click=move |_| {
                        sections_open.set(false);
                        place.note();
                        preview_open.update(|open| *open = !*open);
                        place.keep();
                    }
                >
                    {i18n.text(Msg::Preview)}
                </button>
            </ReportActions>
        </div>
        <div class="workspace" class:workspace--preview=move || preview_open.get()>
            <SectionsNav />
            <div class="workspace__form" node_ref=place.form on:focusin=move |ev| place.entered(&ev)>
                <ChecksPanel />
                <Editor />
            </div>
            <Show when=move || preview_open.get()>
                <Preview />
            </Show>
        </div>
    }
}

/// Where the person was in the form, so that opening or closing Preview (which narrows the form,
/// or hides it on a phone) leaves it where it stood on the screen: the field or heading they were
/// last in when it is on the screen, else what is in the middle of the screen.
#[derive(Clone, Copy)]
struct Place {
    form: NodeRef<leptos::html::Div>,
    focused: StoredValue<Option<web_sys::Element>, LocalStorage>,
    anchor: StoredValue<Option<(web_sys::Element, f64)>, LocalStorage>,
}

impl Place {
    fn new() -> Self {
        Place { form: NodeRef::new(), focused: StoredValue::new_local(None), anchor: StoredValue::new_local(None) }
    }

    fn entered(self, ev: &leptos::ev::FocusEvent) {
        self.focused.set_value(ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()));
    }

    /// Notes the place. With the form hidden (behind the phone's Preview), the place noted when
    /// it was last seen stays.
    fn note(self) {
        let Some(form) = self.form.get_untracked() else { return };
        if form.offset_height() == 0 {
            return;
        }
        let screen = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
        let on_screen = |element: &web_sys::Element| {
            let shown = element.get_bounding_client_rect();
            element.is_connected() && shown.height() > 0.0 && shown.bottom() > 0.0 && shown.top() < screen
        };
        let middle = || {
            let shown = form.get_bounding_client_rect();
            document()
                .element_from_point((shown.left() + shown.right()) as f32 / 2.0, screen as f32 / 2.0)
                .filter(|element| form.contains(Some(element)))
        };
        let anchor = self.focused.get_value().filter(on_screen).or_else(middle);
        self.anchor.set_value(anchor.map(|anchor| {
            let top = anchor.get_bounding_client_rect().top();
            (anchor, top)
        }));
    }

    /// Once the new layout is drawn, scrolls the page so the place noted stands where it stood;
    /// with the form hidden behind Preview (on a phone), brings the Preview into view instead.
    fn keep(self) {
        request_animation_frame(move || {
            let Some(form) = self.form.get_untracked() else { return };
            if form.offset_height() == 0 {
                if let Some(preview) = document().query_selector(".preview").ok().flatten() {
                    preview.scroll_into_view();
                }
                return;
            }
            if let Some((anchor, top)) = self.anchor.get_value().filter(|(anchor, _)| anchor.is_connected()) {
                window().scroll_by_with_x_and_y(0.0, anchor.get_bounding_client_rect().top() - top);
            }
        });
    }
}

/// Keeps `--app-bar-size` and `--actions-size` (on the root element, passed down only to what
/// uses them: style/main.css) at the heights of the app bar and the report actions, so the sticky
/// parts of the page, and a heading or field scrolled to, sit clear of them whatever their texts
/// wrap to.
fn measure_sticky_bars(bar: NodeRef<leptos::html::Div>) {
    let observer = StoredValue::new_local(None::<(web_sys::ResizeObserver, Closure<dyn Fn()>)>);
    bar.on_load(move |bar| {
        let Some(root) = document().document_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
            return;
        };
        let app_bar = document().query_selector(".app-bar").ok().flatten();
        let held: web_sys::HtmlElement = bar.clone().into();
        let written = std::cell::Cell::new(None);
        let measure = Closure::<dyn Fn()>::new(move || {
            let height = |element: Option<&web_sys::Element>| {
                element.and_then(|e| e.dyn_ref::<web_sys::HtmlElement>()).map_or(0, |e| e.offset_height())
            };
            // Both read before either is written: a write between them would make the browser
            // lay the page out again to answer the second read.
            let heights = (height(app_bar.as_ref()), height(Some(&held)));
            if written.replace(Some(heights)) == Some(heights) {
                return;
            }
            let style = root.style();
            let _ = style.set_property("--app-bar-size", &format!("{}px", heights.0));
            let _ = style.set_property("--actions-size", &format!("{}px", heights.1));
        });
        let Ok(resize) = web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()) else { return };
        if let Some(app_bar) = document().query_selector(".app-bar").ok().flatten() {
            resize.observe(&app_bar);
        }
        resize.observe(&bar);
        observer.set_value(Some((resize, measure)));
    });
    on_cleanup(move || {
        if let Some((resize, _)) = observer.try_update_value(Option::take).flatten() {
            resize.disconnect();
        }
        if let Some(root) = document().document_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = root.style().remove_property("--actions-size");
        }
    });
}
