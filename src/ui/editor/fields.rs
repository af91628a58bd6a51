//! Labelled inputs bound to one store field each: typing writes that field and nothing else.
//!
//! Each input's id is its [`FieldPath`]'s, so a check can move focus to the field it is about.

use crate::core::checks::{hidden_by_date_input, hidden_by_time_input};
use crate::core::field::{FieldPath, Figure, ReportField, RowField};
use crate::core::i18n::Msg;
use crate::core::report::{Language, NumberError, WholeNumber};
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use reactive_stores::Field;

/// The report's own language, for `lang` and spellchecking on every text input.
#[derive(Clone, Copy)]
pub struct ReportLanguage(pub Memo<Language>);

fn report_language() -> Memo<Language> {
    expect_context::<ReportLanguage>().0
}

#[derive(Clone, Copy, Default, PartialEq)]
pub enum TextKind {
    #[default]
    Line,
    /// Long text: a textarea that grows with its content.
    Paragraph,
    /// Text of a line or two that may run on (an agenda item, a recommendation): a textarea one
    /// line high that grows with its content, in a column of its row.
    ShortParagraph,
    Date,
    Time,
}

/// A text, date or time field with its visible label.
#[component]
pub fn TextField(
    #[prop(into)] field: Field<String>,
    label: Msg,
    #[prop(into)] path: At,
    #[prop(optional)] kind: TextKind,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = path.id();
    let lang = report_language();
    let value = move || field.try_get().unwrap_or_default();
    let short = kind == TextKind::ShortParagraph;
    let input = match kind {
        TextKind::Paragraph | TextKind::ShortParagraph => view! {
            <textarea
                id=id
                rows=if short { "1" } else { "3" }
                class:textarea--short=short
                dir="auto"
                lang=move || lang.get().code()
                spellcheck="true"
                prop:value=value
                on:input:target=move |ev| {
                    let area = ev.target();
                    field.set(area.value());
                    grow(&area);
                }
            ></textarea>
        }
        .into_any(),
        TextKind::Line => line_input(id, value, move |text| field.set(text)),
        TextKind::Date | TextKind::Time => return date_or_time(field, label, id, kind).into_any(),
    };
    let class = if kind == TextKind::Paragraph { "field field--wide" } else { "field" };
    view! {
        <div class=class>
            <label for=id>{i18n.text(label)}</label>
            {input}
        </div>
    }
    .into_any()
}

/// A date or time input. A stored value the input cannot show (an imported "9am" or "7 March
/// 2024") would look empty yet be printed, so it is shown as text beside the input, with a
/// button that clears it; the checks name it too.
fn date_or_time(field: Field<String>, label: Msg, id: Signal<String>, kind: TextKind) -> impl IntoView {
    let i18n = use_i18n();
    let hidden = if kind == TextKind::Date { hidden_by_date_input } else { hidden_by_time_input };
    let stored = Memo::new(move |_| field.try_with(|value| hidden(value).then(|| value.clone())).flatten());
    let stored_id = move || format!("{}-stored", id.get());
    let input = NodeRef::<leptos::html::Input>::new();
    let clear = move |_| {
        field.set(String::new());
        // The button goes away with the value: keep the person where they were.
        if let Some(input) = input.get_untracked() {
            let _ = input.focus();
        }
    };
    view! {
        <div class="field" class:field--invalid=move || stored.get().is_some()>
            <label for=id>{i18n.text(label)}</label>
            <input
                id=id
                node_ref=input
                type=if kind == TextKind::Date { "date" } else { "time" }
                prop:value=move || field.try_get().unwrap_or_default()
                on:input:target=move |ev| field.set(ev.target().value())
                aria-describedby=move || stored.get().is_some().then(stored_id)
            />
            {move || {
                stored
                    .get()
                    .map(|value| {
                        let clear_name = i18n.format(Msg::ClearStoredValue, &[("field", i18n.t(label))]);
                        view! {
                            <p class="field-stored" id=stored_id>
                                {i18n.text(Msg::StoredValue)}
                                " "
                                <bdi>{value}</bdi>
                            </p>
                            <button type="button" class="button button--quiet field-clear" aria-label=clear_name on:click=clear>
                                {i18n.text(Msg::Clear)}
                            </button>
                        }
                    })
            }}
        </div>
    }
}

/// Browsers without `field-sizing: content` get their textareas grown by hand.
fn grow(area: &web_sys::HtmlTextAreaElement) {
    let sizes_itself = web_sys::window()
        .and_then(|w| w.get_computed_style(area).ok().flatten())
        .and_then(|computed| computed.get_property_value("field-sizing").ok())
        .is_some_and(|value| value == "content");
    if sizes_itself {
        return;
    }
    let style = web_sys::HtmlElement::style(area);
    let _ = style.set_property("height", "auto");
    let _ = style.set_property("height", &format!("{}px", area.scroll_height() + 2));
}

/// A whole-number field. What was typed always stays; if it is not a whole number, a message
/// beside the field says so.
#[component]
pub fn NumberField(
    #[prop(into)] field: Field<WholeNumber>,
    label: Msg,
    #[prop(into)] path: At,
    #[prop(optional)] hint: Option<Msg>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = path.id();
    let error = Memo::new(move |_| field.try_with(|n| n.parse().err()).flatten());
    let error_id = move || format!("{}-error", id.get());
    let hint_id = move || format!("{}-hint", id.get());
    let described_by = move || {
        let mut ids = Vec::new();
        if hint.is_some() {
            ids.push(hint_id());
        }
        if error.get().is_some() {
            ids.push(error_id());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    view! {
        <div class="field field--number" class:field--invalid=move || error.get().is_some()>
            <label for=id>{i18n.text(label)}</label>
            <input
                id=id
                type="text"
                inputmode="numeric"
                autocomplete="off"
                prop:value=move || field.try_with(|n| n.raw().to_owned()).unwrap_or_default()
                on:input:target=move |ev| field.set(WholeNumber::new(ev.target().value()))
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
            />
            {hint.map(|hint| view! { <p class="field-hint" id=hint_id>{i18n.text(hint)}</p> })}
            {move || {
                error
                    .get()
                    .map(|e| {
                        let msg = match e {
                            NumberError::NotWhole => Msg::NotAWholeNumber,
                            NumberError::TooLarge => Msg::NumberTooLarge,
                        };
                        view! {
                            <p class="field-error" id=error_id>
                                {i18n.text(msg)}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// A choice among fixed options (`value`, shown text).
#[component]
pub fn ChoiceField(
    label: Msg,
    #[prop(into)] path: At,
    #[prop(into)] options: Signal<Vec<(&'static str, String)>>,
    #[prop(into)] selected: Signal<&'static str>,
    on_change: impl Fn(String) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = path.id();
    view! {
        <div class="field">
            <label for=id>{i18n.text(label)}</label>
            <select id=id prop:value=move || selected.get() on:change:target=move |ev| on_change(ev.target().value())>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(value, text)| {
                            view! {
                                <option value=value selected=move || selected.get() == value>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// Which field an input is: a report field or figure, or a field of a row that may move.
#[derive(Clone, Copy)]
pub struct At(Signal<FieldPath>);

impl At {
    /// The input's id, following its row's position.
    pub fn id(self) -> Signal<String> {
        Memo::new(move |_| self.0.get().id()).into()
    }
}

impl From<ReportField> for At {
    fn from(field: ReportField) -> Self {
        At(Signal::stored(FieldPath::Report(field)))
    }
}

impl From<Figure> for At {
    fn from(figure: Figure) -> Self {
        At(Signal::stored(FieldPath::Participants(figure)))
    }
}

impl From<Signal<FieldPath>> for At {
    fn from(path: Signal<FieldPath>) -> Self {
        At(path)
    }
}

/// A field of a repeatable row at the row's current position.
pub fn in_row(index: ReadSignal<usize>, field: impl RowField) -> Signal<FieldPath> {
    Signal::derive(move || field.at(index.get()))
}

/// A one-line text box written in the report's language; `on_input` gets each new text.
pub fn line_input(
    id: Signal<String>,
    value: impl Fn() -> String + Send + Sync + 'static,
    on_input: impl Fn(String) + 'static,
) -> AnyView {
    let lang = report_language();
    view! {
        <input
            id=id
            type="text"
            dir="auto"
            lang=move || lang.get().code()
            spellcheck="true"
            prop:value=value
            on:input:target=move |ev| on_input(ev.target().value())
        />
    }
    .into_any()
}
