//! The open draft: its reactive store, where it is saved, and how saving is going.

use crate::core::document::{Document, ReadError};
use crate::core::drafts::{KeyValueStore, Library, MemoryStore, Opened, SaveError, StoreError};
use crate::core::report::Report;
use crate::ui::local_store::LocalStore;
use crate::ui::photos;
use crate::ui::timing::measured;
use leptos::prelude::*;
use reactive_stores::Store;
use std::time::Duration;

/// How long typing must pause before the draft is written.
const SAVE_DELAY: Duration = Duration::from_millis(500);
/// How often a failed save is tried again.
const RETRY_DELAY: Duration = Duration::from_secs(3);

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    Saving,
    Failed(StoreError),
    /// Another tab saved this draft while this one had changes not yet saved: nothing is written
    /// until the person chooses what to keep.
    Conflict,
}

/// Something the person must know about their drafts' storage.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Notice {
    /// The browser refuses storage: drafts live only in this tab.
    StorageUnavailable,
    /// The draft last open could not be read; it is kept, untouched, under its key.
    UnreadableDraft,
}

pub type DraftLibrary = Library<Box<dyn KeyValueStore>>;

/// Which screen is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Editor,
    Reports,
}

#[derive(Clone, Copy)]
pub struct Session {
    pub report: Store<Report>,
    pub status: RwSignal<SaveStatus>,
    pub notice: RwSignal<Option<Notice>>,
    /// The id of a stored draft that could not be read, offered for download as it is.
    pub unreadable: RwSignal<Option<String>>,
    pub screen: RwSignal<Screen>,
    /// Set (to the schema version found) when the open draft was written by a newer version of
    /// the app: it is shown, never saved.
    pub read_only: RwSignal<Option<u32>>,
    /// Bumped whenever the library changes (here or in another tab), so lists read it again.
    pub library_version: RwSignal<u32>,
    /// Local storage in use, in UTF-16 code units (what the quota counts).
    pub used: RwSignal<u64>,
    /// Whether the browser promised to keep this site's storage (`navigator.storage.persist()`);
    /// `None` until it answers, or where it cannot.
    pub persistent: RwSignal<Option<bool>>,
    draft_id: StoredValue<String>,
    /// The revision of the open draft this tab last read or wrote.
    rev: StoredValue<u64>,
    /// Envelope fields of the open document this version does not know, kept on save.
    unknown_fields: StoredValue<serde_json::Map<String, serde_json::Value>>,
    library: StoredValue<DraftLibrary, LocalStorage>,
    pending_save: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// Set when the store is replaced by a stored draft, so that reopening is not taken for an
    /// edit by autosave.
    reopened: StoredValue<bool>,
}

impl Session {
    /// Opens the draft last edited, or a blank one on a first visit.
    pub fn open() -> Self {
        let (store, notice): (Box<dyn KeyValueStore>, _) = match LocalStore::open() {
            Some(local) => (Box::new(local), None),
            None => (Box::new(MemoryStore::new()), Some(Notice::StorageUnavailable)),
        };
        let mut library = Library::open(store);
        let mut notice = notice;
        let mut unreadable = None;
        let mut read_only = None;
        let last_open = library.last_open().map(str::to_owned);
        let reopened = last_open.and_then(|id| match library.open_draft(&id) {
            Opened::Draft(document, rev) => Some((id, document, rev)),
            Opened::Newer { document, version } => {
                read_only = Some(version);
                Some((id, document, 0))
            }
            // An unreadable draft stays where it is, untouched; the person starts a new one
            // and can download the stored text.
            Opened::Unreadable(_) => {
                notice = Some(Notice::UnreadableDraft);
                unreadable = Some(id);
                None
            }
            Opened::Missing => None,
        });
        let (id, document, rev) = reopened.unwrap_or_else(|| (new_draft_id(), Document::default(), 0));
        let used = library.used();

        Session {
            report: Store::new(document.report),
            status: RwSignal::new(SaveStatus::Saved),
            notice: RwSignal::new(notice),
            unreadable: RwSignal::new(unreadable),
            screen: RwSignal::new(Screen::Editor),
            read_only: RwSignal::new(read_only),
            library_version: RwSignal::new(0),
            used: RwSignal::new(used),
            persistent: RwSignal::new(None),
            draft_id: StoredValue::new(id),
            rev: StoredValue::new(rev),
            unknown_fields: StoredValue::new(document.unknown_fields),
            library: StoredValue::new_local(library),
            pending_save: StoredValue::new_local(None),
            reopened: StoredValue::new(false),
        }
    }

    /// Called on every change: the draft is written once typing pauses.
    pub fn schedule_save(self) {
        if self.reopened.try_update_value(std::mem::take).unwrap_or(false) {
            return;
        }
        if self.read_only.get_untracked().is_some() || self.status.get_untracked() == SaveStatus::Conflict {
            return;
        }
        self.cancel_pending_save();
        if !matches!(self.status.get_untracked(), SaveStatus::Failed(_)) {
            self.status.set(SaveStatus::Saving);
        }
        let handle = set_timeout_with_handle(move || self.save_now(), SAVE_DELAY).ok();
        self.pending_save.set_value(handle);
    }

    /// Writes the draft now if a save is pending (the tab is being hidden or closed).
    pub fn flush(self) {
        if self.read_only.get_untracked().is_some() {
            return;
        }
        // Leaving a draft in conflict (another draft opened, the tab closed) keeps both versions:
        // what is on screen becomes a draft of its own rather than being lost.
        if self.status.get_untracked() == SaveStatus::Conflict {
            self.keep_mine_as_copy();
            return;
        }
        let pending = self.pending_save.with_value(Option::is_some);
        if pending || matches!(self.status.get_untracked(), SaveStatus::Failed(_)) {
            self.save_now();
        }
    }

    pub fn save_now(self) {
        self.cancel_pending_save();
        if self.read_only.get_untracked().is_some() || self.status.get_untracked() == SaveStatus::Conflict {
            return;
        }
        let result = measured("autosave", || {
            let document = self.document_untracked();
            let id = self.draft_id.get_value();
            let rev = self.rev.get_value();
            self.library
                .try_update_value(|library| library.save(&id, &document, js_sys::Date::now(), rev))
                .unwrap_or(Err(SaveError::Store(StoreError::Unavailable)))
        });
        match result {
            Ok(rev) => {
                self.rev.set_value(rev);
                self.status.set(SaveStatus::Saved);
                self.library_changed();
            }
            Err(SaveError::Conflict) => self.status.set(SaveStatus::Conflict),
            Err(SaveError::Store(error)) => {
                self.status.set(SaveStatus::Failed(error));
                // Space may be freed elsewhere (another tab, the person deleting drafts): retry.
                let retry = set_timeout_with_handle(move || self.save_now(), RETRY_DELAY).ok();
                self.pending_save.set_value(retry);
            }
        }
    }

    /// Starts a blank draft; the current one is saved first.
    pub fn new_report(self) {
        self.open_document(Document::default());
    }

    /// Opens `document` as a new draft (an import never overwrites another draft); the current
    /// one is saved first.
    ///
    /// Its photos get new ids and are stored for the new draft, from the file's embedded photos
    /// or else copied from the draft it was duplicated from; the text does not wait for them.
    pub fn open_document(self, document: Document) {
        self.flush();
        self.start_draft(new_draft_id(), document);
    }

    /// Makes `document` the open draft under `id` (new, so revision 0) and saves it. Its photos
    /// get new ids and are stored for the new draft (see [`Session::open_document`]).
    fn start_draft(self, id: String, document: Document) {
        self.draft_id.set_value(id.clone());
        self.rev.set_value(0);
        self.read_only.set(None);
        self.status.set(SaveStatus::Saving);
        self.unknown_fields.set_value(document.unknown_fields);
        let mut report = document.report;
        let copies = photos::reassign_ids(&mut report);
        self.report.set(report);
        self.save_now();
        photos::copy_photos(self, id, copies, document.photos);
    }

    /// Resolves a conflict by keeping both: what is on screen becomes a new draft, and the
    /// other tab's version stays as it was saved.
    pub fn keep_mine_as_copy(self) {
        let document = self.document_untracked();
        self.start_draft(new_draft_id(), document);
    }

    /// Resolves a conflict by showing the version the other tab saved, dropping this tab's
    /// unsaved changes (the person chose to).
    pub fn load_saved_version(self) {
        let id = self.draft_id.get_value();
        self.status.set(SaveStatus::Saved);
        let _ = self.show_stored(&id);
    }

    /// Another tab changed storage: read the index again, and follow the open draft if it was
    /// saved there. If this tab has changes of its own not yet saved, nothing is replaced: the
    /// conflict is shown instead.
    pub fn storage_changed_elsewhere(self) {
        let id = self.draft_id.get_value();
        let stored_rev = self.with_library(|library| {
            let _ = library.reload();
            library.measure_other_keys();
            library.summary(&id).map(|d| d.rev)
        });
        self.library_changed();
        let Some(Some(stored_rev)) = stored_rev else { return };
        if stored_rev == self.rev.get_value() || self.read_only.get_untracked().is_some() {
            return;
        }
        let unsaved =
            self.pending_save.with_value(Option::is_some) || !matches!(self.status.get_untracked(), SaveStatus::Saved);
        if unsaved {
            self.cancel_pending_save();
            self.status.set(SaveStatus::Conflict);
        } else {
            let _ = self.show_stored(&id);
        }
    }

    /// Puts the stored draft `id` on screen without treating it as an edit.
    fn show_stored(self, id: &str) -> Result<(), ReadError> {
        let opened = self.with_library(|library| library.open_draft(id));
        let (document, rev, read_only) = match opened {
            Some(Opened::Draft(document, rev)) => (document, rev, None),
            Some(Opened::Newer { document, version }) => (document, 0, Some(version)),
            Some(Opened::Unreadable(error)) => {
                self.library_changed();
                return Err(error);
            }
            Some(Opened::Missing) | None => return Err(ReadError::NotAReport),
        };
        self.cancel_pending_save();
        self.draft_id.set_value(id.to_owned());
        self.rev.set_value(rev);
        self.read_only.set(read_only);
        self.unknown_fields.set_value(document.unknown_fields);
        self.reopened.set_value(true);
        self.report.set(document.report);
        self.status.set(SaveStatus::Saved);
        Ok(())
    }

    /// Moves draft `id` to the trash. When it is the open draft, the editor moves to the draft
    /// edited most recently, or to a new one, so that typing never takes it out of the trash
    /// again: "Put back" is the only way back.
    pub fn delete_draft(self, id: &str) -> Result<(), StoreError> {
        if id == self.draft_id() {
            self.flush();
        }
        let now = js_sys::Date::now();
        let result = self.with_library(|library| library.delete(id, now)).unwrap_or(Err(StoreError::Unavailable));
        // Leaving a draft in conflict saved it as a copy, which is open now.
        if result.is_ok() && id == self.draft_id() {
            self.open_another_draft();
        }
        self.library_changed();
        result
    }

    /// Puts the most recently edited draft that can be read on screen, or else a new one (saved
    /// once something is typed).
    fn open_another_draft(self) {
        let others = self
            .with_library(|library| {
                library.search("").iter().filter(|d| !d.unreadable).map(|d| d.id.clone()).collect::<Vec<_>>()
            })
            .unwrap_or_default();
        for id in others {
            if self.show_stored(&id).is_ok() {
                let _ = self.with_library(|library| library.set_last_open(&id));
                return;
            }
        }
        self.cancel_pending_save();
        self.draft_id.set_value(new_draft_id());
        self.rev.set_value(0);
        self.read_only.set(None);
        self.unknown_fields.set_value(Default::default());
        self.reopened.set_value(true);
        self.report.set(Report::blank());
        self.status.set(SaveStatus::Saved);
    }

    /// Tells lists that the library changed, and measures storage again.
    pub fn library_changed(self) {
        if let Some(used) = self.with_library(|library| library.used()) {
            self.used.set(used);
        }
        self.library_version.update(|n| *n += 1);
    }

    /// Opens the stored draft `id` in the editor; the current one is saved first.
    pub fn open_stored(self, id: &str) -> Result<(), ReadError> {
        self.flush();
        self.show_stored(id)?;
        // Reopening is not an edit: the stored copy is already this one.
        let _ = self.with_library(|library| library.set_last_open(id));
        self.screen.set(Screen::Editor);
        Ok(())
    }

    /// The stored text of draft `id`, exactly as it is in storage.
    pub fn raw_draft(self, id: &str) -> Option<String> {
        self.with_library(|library| library.raw(id)).flatten()
    }

    pub fn draft_id(self) -> String {
        self.draft_id.get_value()
    }

    /// Runs `work` on the draft library.
    pub fn with_library<R>(self, work: impl FnOnce(&mut DraftLibrary) -> R) -> Option<R> {
        self.library.try_update_value(work)
    }

    /// The open draft as a document, for exporting.
    pub fn document_untracked(self) -> Document {
        Document {
            report: self.report.read_untracked().clone(),
            photos: Default::default(),
            unknown_fields: self.unknown_fields.get_value(),
        }
    }

    fn cancel_pending_save(self) {
        if let Some(handle) = self.pending_save.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }
}

/// A draft id unique enough for one browser: time plus randomness, in base 36.
pub fn new_draft_id() -> String {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1_679_616.0) as u64; // 36^4
    format!("{}-{}", to_base36(time), to_base36(random))
}

fn to_base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}
