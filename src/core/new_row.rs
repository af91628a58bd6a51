//! What a row added to a list starts with: usually nothing, but a new agenda item starts when
//! the one before it ends, as agendas run on.

use crate::core::checks::hidden_by_time_input;
use crate::core::report::*;

/// A row that can be added at the end of its list.
pub trait NewRow: Default {
    /// The row added after `previous` (the list's last row, if any).
    fn after(previous: Option<&Self>) -> Self {
        let _ = previous;
        Self::default()
    }
}

impl NewRow for AgendaItem {
    fn after(previous: Option<&Self>) -> Self {
        // An end time the time input cannot show ("9am", imported) is not carried over.
        let start = previous.map(|p| p.end.trim()).filter(|end| !hidden_by_time_input(end)).unwrap_or_default();
        AgendaItem { start: start.to_owned(), ..AgendaItem::default() }
    }
}

impl NewRow for Section {}
impl NewRow for Facilitator {}
impl NewRow for Speaker {}
impl NewRow for TextItem {}
impl NewRow for DiscussionPoint {}
impl NewRow for Attachment {}
impl NewRow for WorkingGroup {}
impl NewRow for GovernorateCount {}
impl NewRow for ParticipantCategory {}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(start: &str, end: &str) -> AgendaItem {
        AgendaItem { start: start.into(), end: end.into(), item: "Opening".into(), ..AgendaItem::default() }
    }

    #[test]
    fn a_new_agenda_item_starts_when_the_previous_one_ends() {
        let next = AgendaItem::after(Some(&item("09:00", "09:30")));
        assert_eq!((next.start.as_str(), next.end.as_str(), next.item.as_str()), ("09:30", "", ""));
    }

    #[test]
    fn the_first_agenda_item_and_one_after_an_item_without_an_end_start_empty() {
        assert_eq!(AgendaItem::after(None).start, "");
        assert_eq!(AgendaItem::after(Some(&item("09:00", ""))).start, "");
    }

    #[test]
    fn an_end_the_time_input_cannot_show_is_not_carried_over() {
        assert_eq!(AgendaItem::after(Some(&item("9am", "10am"))).start, "");
    }

    #[test]
    fn a_new_row_gets_an_id_of_its_own() {
        let previous = item("09:00", "09:30");
        assert_ne!(AgendaItem::after(Some(&previous)).id.0, previous.id.0);
        assert_ne!(Speaker::after(Some(&Speaker::default())).id.0, 0);
    }
}
