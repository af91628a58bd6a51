//! Repeatable rows (agenda items, speakers, …): each a `<fieldset>` with a numbered legend, its
//! own fields, and Remove / Move up / Move down; an Add button below the list.

use crate::core::field::{FieldPath, List};
use crate::core::i18n::Msg;
use crate::core::report::RowId;
use crate::ui::button::button;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use reactive_stores::Field;
use wasm_bindgen::JsCast;

/// A row type with a stable identity for keyed rendering.
pub trait Row: Default + Send + Sync + 'static {
    fn row_id(&self) -> RowId;
}

macro_rules! rows {
    ($($ty:ty),*) => { $(impl Row for $ty { fn row_id(&self) -> RowId { self.id } })* };
}
use crate::core::report::*;
rows!(
    Section,
    Facilitator,
    Speaker,
    TextItem,
    AgendaItem,
    DiscussionPoint,
    Attachment,
    WorkingGroup,
    GovernorateCount,
    ParticipantCategory
);

/// Renders `list` (a keyed store field such as `report.agenda()`) as editable rows; `name` names
/// it in field paths (its Add button's id).
///
/// `row` draws one row's fields from the row's store field and its current position.
pub fn row_list<T, L, V>(
    list: L,
    name: List,
    legend: Msg,
    add: Msg,
    row: impl Fn(Field<T>, ReadSignal<usize>) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Row,
    L: IntoIterator + Update<Value = Vec<T>> + Copy + Send + Sync + 'static,
    L::Item: Into<Field<T>> + WithUntracked<Value = T> + Send + 'static,
    L::IntoIter: Send,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let container = NodeRef::<leptos::html::Div>::new();
    let add_button = NodeRef::<leptos::html::Button>::new();
    let count = Memo::new(move |_| list.into_iter().count());

    let on_add = move |_| {
        list.update(|rows| rows.push(T::default()));
        // Put the person straight into the new row.
        request_animation_frame(move || {
            if let Some(div) = container.get_untracked() {
                focus_first(&div, ":scope > fieldset:last-of-type :is(input, textarea, select)");
            }
        });
    };

    view! {
        <div class="rows" node_ref=container>
            <ForEnumerate
                each=move || list
                key=|row| row.try_with_untracked(|r| r.row_id().0).unwrap_or_default()
                children=move |index, item| {
                    let field: Field<T> = item.into();
                    let fields = row(field, index);
                    let legend_text = move || {
                        i18n.format(legend, &[("n", &(index.get() + 1).to_string())])
                    };
                    let move_by = move |ev: leptos::ev::MouseEvent, up: bool| {
                        let from = index.get_untracked();
                        list.update(|rows| {
                            let to = if up { from.checked_sub(1) } else { Some(from + 1) };
                            if let Some(to) = to.filter(|to| *to < rows.len()) {
                                rows.swap(from, to);
                            }
                        });
                        keep_focus_on(ev);
                    };
                    let is_first = move || index.get() == 0;
                    let is_last = move || index.get() + 1 >= count.get();
                    let remove = move |_| {
                        let at = index.get_untracked();
                        list.update(|rows| {
                            if at < rows.len() {
                                rows.remove(at);
                            }
                        });
                        if let Some(button) = add_button.get_untracked() {
                            let _ = button.focus();
                        }
                    };
                    view! {
                        <fieldset class="row">
                            <legend>{legend_text}</legend>
                            <div class="row__fields">{fields}</div>
                            <div class="row__actions">
                                {move_button(true, is_first, move |ev| move_by(ev, true))}
                                {move_button(false, is_last, move |ev| move_by(ev, false))}
                                {button("button button--danger", Msg::Remove, remove)}
                            </div>
                        </fieldset>
                    }
                }
            />
        </div>
        <button type="button" class="button button--add" id=FieldPath::AddRow(name).id() node_ref=add_button on:click=on_add>
            <span aria-hidden="true" class="icon">"+ "</span>
            {i18n.text(add)}
        </button>
    }
}

/// Moving a row moves its DOM node, which drops focus; put it back on the button that was
/// pressed, or on its sibling when the row reached the end and the button became disabled.
fn keep_focus_on(ev: leptos::ev::MouseEvent) {
    let Some(button) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::HtmlButtonElement>().ok()) else {
        return;
    };
    request_animation_frame(move || {
        if !button.disabled() {
            let _ = button.focus();
            return;
        }
        if let Some(actions) = button.parent_element() {
            focus_first(&actions, "button:not([disabled])");
        }
    });
}

fn focus_first(root: &web_sys::Element, selector: &str) {
    if let Some(element) =
        root.query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// "Move up" or "Move down" for a row; `data-move` lets focus follow the row it moved.
fn move_button(
    up: bool,
    disabled: impl Fn() -> bool + Send + Sync + 'static,
    on_click: impl FnMut(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let (direction, icon, name) = if up { ("up", "↑ ", Msg::MoveUp) } else { ("down", "↓ ", Msg::MoveDown) };
    view! {
        <button type="button" class="button button--quiet" data-move=direction disabled=disabled on:click=on_click>
            <span aria-hidden="true" class="icon">{icon}</span>
            {i18n.text(name)}
        </button>
    }
}
