//! Repeatable rows (agenda items, speakers, …): each a `<fieldset>` named by its legend
//! ("Agenda item 3"), with its fields and small Move up / Move down / Remove buttons; an Add
//! button below the list. On wide screens a row is one line (the stylesheet gives each list its
//! columns, `rows--<list>`). A removed row can be put back with Undo for a minute (the
//! message has Dismiss too); Alt+Shift+↑/↓ moves the row holding focus.

use crate::core::field::{FieldPath, List};
use crate::core::i18n::Msg;
use crate::core::new_row::NewRow;
use crate::core::report::RowId;
use crate::ui::i18n::use_i18n;
use crate::ui::session::Session;
use crate::ui::timing::Debounce;
use leptos::prelude::*;
use reactive_stores::Field;
use wasm_bindgen::JsCast;

/// A row type with a stable identity for keyed rendering.
pub trait Row: NewRow + Send + Sync + 'static {
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

/// The row removed last from a list, kept whole (photos included) so Undo can put it back.
struct Removed<T> {
    row: T,
    at: usize,
}

/// Renders `list` (a keyed store field such as `report.agenda()`) as editable rows; `name` names
/// it in field paths (its Add button's id) and in the stylesheet.
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
    let session = expect_context::<Session>();
    let container = NodeRef::<leptos::html::Div>::new();
    let add_button = NodeRef::<leptos::html::Button>::new();
    let count = Memo::new(move |_| list.into_iter().count());
    let removed = RwSignal::new(None::<Removed<T>>);
    let message = NodeRef::<leptos::html::P>::new();
    let forget = Debounce::new();
    // A row can only be put back into the draft it was removed from.
    Effect::watch(
        move || session.draft_id().get(),
        move |_, _, _| {
            forget.cancel();
            removed.set(None);
        },
        false,
    );

    let on_add = move |_| {
        list.update(|rows| rows.push(T::after(rows.last())));
        // Put the person straight into the new row.
        request_animation_frame(move || focus_in_row(container, None));
    };
    let move_row = move |from: usize, up: bool| {
        list.update(|rows| {
            let to = if up { from.checked_sub(1) } else { Some(from + 1) };
            if let Some(to) = to.filter(|to| *to < rows.len()) {
                rows.swap(from, to);
            }
        });
    };
    let undo = move |_| {
        forget.cancel();
        let Some(Removed { row, at }) = removed.try_update(Option::take).flatten() else { return };
        let at = list.try_update(|rows| {
            let at = at.min(rows.len());
            rows.insert(at, row);
            at
        });
        request_animation_frame(move || focus_in_row(container, at));
    };
    let dismiss = move |_| {
        forget.cancel();
        removed.set(None);
        // The message and its buttons are gone: on to the list's Add button, beside where they were.
        if let Some(button) = add_button.get_untracked() {
            let _ = button.focus();
        }
    };
    let removed_message = move || {
        removed.with(|r| r.as_ref().map(|r| r.at)).map(|at| {
            let row = i18n.format(legend, &[("n", &(at + 1).to_string())]);
            view! {
                <span>{i18n.format(Msg::RowRemoved, &[("row", &row)])}</span>
                <button type="button" class="button button--quiet" on:click=undo>{i18n.text(Msg::Undo)}</button>
                <button type="button" class="button button--quiet" on:click=dismiss>{i18n.text(Msg::Dismiss)}</button>
            }
        })
    };

    view! {
        <div class="row-list">
        <div class=format!("rows rows--{}", name.name()) node_ref=container>
            <ForEnumerate
                each=move || list
                key=|row| row.try_with_untracked(|r| r.row_id().0).unwrap_or_default()
                children=move |index, item| {
                    let field: Field<T> = item.into();
                    let fields = row(field, index);
                    let legend_text = move || i18n.format(legend, &[("n", &(index.get() + 1).to_string())]);
                    let move_by = move |ev: leptos::ev::MouseEvent, up: bool| {
                        move_row(index.get_untracked(), up);
                        keep_focus_on(ev);
                    };
                    // Alt+Shift+↑/↓ in any field of the row moves the row; focus stays in that field.
                    let on_key = move |ev: leptos::ev::KeyboardEvent| {
                        if !ev.alt_key() || !ev.shift_key() || ev.ctrl_key() || ev.meta_key() {
                            return;
                        }
                        let up = match ev.key().as_str() {
                            "ArrowUp" => true,
                            "ArrowDown" => false,
                            _ => return,
                        };
                        ev.prevent_default();
                        ev.stop_propagation();
                        let focused = document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                        move_row(index.get_untracked(), up);
                        if let Some(focused) = focused {
                            request_animation_frame(move || {
                                let _ = focused.focus();
                            });
                        }
                    };
                    let is_first = move || index.get() == 0;
                    let is_last = move || index.get() + 1 >= count.get();
                    let remove = move |_| {
                        let at = index.get_untracked();
                        let taken = list.try_update(|rows| (at < rows.len()).then(|| rows.remove(at))).flatten();
                        if let Some(row) = taken {
                            removed.set(Some(Removed { row, at }));
                            forget_later(forget, removed, message);
                        }
                        if let Some(button) = add_button.get_untracked() {
                            let _ = button.focus();
                        }
                    };
                    view! {
                        <fieldset class="row" on:keydown=on_key>
                            <legend class="visually-hidden">{legend_text}</legend>
                            // The legend's number, shown as the row's first column.
                            <div class="row__head" aria-hidden="true">{move || index.get() + 1}</div>
                            <div class="row__fields">{fields}</div>
                            <div class="row__actions">
                                {icon_button(Msg::MoveUp, "↑", Some("up"), is_first, move |ev| move_by(ev, true))}
                                {icon_button(Msg::MoveDown, "↓", Some("down"), is_last, move |ev| move_by(ev, false))}
                                {icon_button(Msg::Remove, "✕", None, || false, remove)}
                            </div>
                        </fieldset>
                    }
                }
            />
        </div>
        // A live region always in the page, so that screen readers announce what appears in it;
        // not role="status", which names the save status alone.
        <p class="rows__removed" aria-live="polite" aria-atomic="true" node_ref=message>{removed_message}</p>
        <button type="button" class="button button--add" id=FieldPath::AddRow(name).id() node_ref=add_button on:click=on_add>
            <span aria-hidden="true" class="icon">"+ "</span>
            {i18n.text(add)}
        </button>
        </div>
    }
}

/// How long "Agenda item 3 removed" and its Undo stay after the removal: time to notice and think
/// again, then the message goes by itself.
const UNDO_FOR: std::time::Duration = std::time::Duration::from_secs(60);

/// Forgets the removed row after [`UNDO_FOR`], or later while focus is on the message's buttons
/// (someone about to press Undo or Dismiss keeps it).
fn forget_later<T: Row>(forget: Debounce, removed: RwSignal<Option<Removed<T>>>, message: NodeRef<leptos::html::P>) {
    forget.schedule(UNDO_FOR, move || {
        let focus_in_message = message
            .get_untracked()
            .is_some_and(|p| document().active_element().is_some_and(|focused| p.contains(Some(&focused))));
        if focus_in_message {
            forget_later(forget, removed, message);
        } else {
            removed.try_set(None);
        }
    });
}

/// Focuses the first field of row `at` (the last row when `None`).
fn focus_in_row(container: NodeRef<leptos::html::Div>, at: Option<usize>) {
    let Some(div) = container.get_untracked() else { return };
    let row = match at {
        Some(at) => format!(":scope > fieldset:nth-of-type({})", at + 1),
        None => ":scope > fieldset:last-of-type".to_owned(),
    };
    focus_first(&div, &format!("{row} :is(input, textarea, select)"));
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

/// A small row command: an icon, named in words for assistive technology (and as a tooltip);
/// `data-move` lets focus follow the row it moved.
fn icon_button(
    name: Msg,
    icon: &'static str,
    direction: Option<&'static str>,
    disabled: impl Fn() -> bool + Send + Sync + 'static,
    on_click: impl FnMut(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let class = if direction.is_some() { "button row__command" } else { "button row__command row__command--remove" };
    view! {
        <button type="button" class=class title=i18n.text(name) data-move=direction disabled=disabled on:click=on_click>
            <span aria-hidden="true">{icon}</span>
            <span class="visually-hidden">{i18n.text(name)}</span>
        </button>
    }
}
