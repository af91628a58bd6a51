//! The open draft, as the views see it: a reactive handle over the core's [`OpenDraft`].
//!
//! The core decides what happens to the open draft; this handle carries it out in the browser
//! (timers, the report's reactive store, the photos to copy) and mirrors the outcome in signals.
//! Views read those signals and call methods; none of them writes a signal of the session.

pub use crate::core::open_draft::SaveStatus;

use crate::core::document::{Document, ReadError};
use crate::core::drafts::{KeyValueStore, Library, MemoryStore, StoreError};
use crate::core::ids;
use crate::core::open_draft::{Environment, OpenDraft, Started};
use crate::core::photo_use::PhotoUse;
use crate::core::report::{Report, ReportStoreFields};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::local_store::LocalStore;
use crate::ui::photos;
use crate::ui::profile::OrgProfile;
use crate::ui::timing::{measured, Debounce};
use leptos::prelude::*;
use reactive_stores::Store;
use std::time::Duration;

/// How long typing must pause before the draft is written.
const SAVE_DELAY: Duration = Duration::from_millis(500);
/// How often a failed save is tried again.
const RETRY_DELAY: Duration = Duration::from_secs(3);

/// Something the person must know about their drafts' storage.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Notice {
    /// The browser refuses storage: drafts live only in this tab.
    StorageUnavailable,
    /// The draft last open could not be read; it is kept, untouched, under its key.
    UnreadableDraft,
}

/// Which screen is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Editor,
    Reports,
    Summary,
    Organisation,
}

/// The browser's clock and random ids, and what new reports start with: the organisation
/// profile's defaults, else the interface language.
pub struct Browser {
    i18n: I18n,
    profile: OrgProfile,
}

impl Environment for Browser {
    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }
    fn new_draft_id(&mut self) -> String {
        new_draft_id()
    }
    fn new_photo_id(&mut self) -> String {
        photos::new_photo_id()
    }
    fn new_report(&self) -> Report {
        self.profile.with_untracked(|profile| profile.new_report(self.i18n.language_untracked()))
    }
}

pub type DraftLibrary = Library<Box<dyn KeyValueStore>>;
type Draft = OpenDraft<Box<dyn KeyValueStore>, Browser>;

/// A signal views read, and the half that only the session writes.
type Shared<T> = (ReadSignal<T>, WriteSignal<T>);

#[derive(Clone, Copy)]
pub struct Session {
    report: Store<Report>,
    status: Shared<SaveStatus>,
    notice: ReadSignal<Option<Notice>>,
    /// The id of a stored draft that could not be read, offered for download as it is.
    unreadable: ReadSignal<Option<String>>,
    screen: Shared<Screen>,
    /// Set (to the schema version found) when the open draft was written by a newer version of
    /// the app: it is shown, never saved.
    read_only: Shared<Option<u32>>,
    draft_id: Shared<String>,
    /// Bumped whenever the library changes (here or in another tab), so lists read it again.
    library_version: Shared<u32>,
    /// Local storage in use, in UTF-16 code units (what the quota counts).
    used: Shared<u64>,
    /// Whether the browser promised to keep this site's storage (`navigator.storage.persist()`);
    /// `None` until it answers, or where it cannot.
    persistent: Shared<Option<bool>>,
    draft: StoredValue<Draft, LocalStorage>,
    pending_save: Debounce,
}

impl Session {
    /// Opens the draft last edited, or a blank one on a first visit.
    pub fn open() -> Self {
        let (store, notice): (Box<dyn KeyValueStore>, _) = match LocalStore::open() {
            Some(local) => (Box::new(local), None),
            None => (Box::new(MemoryStore::new()), Some(Notice::StorageUnavailable)),
        };
        let (draft, reopened) =
            OpenDraft::open(Library::open(store), Browser { i18n: use_i18n(), profile: expect_context() });
        let notice = if reopened.unreadable.is_some() { Some(Notice::UnreadableDraft) } else { notice };
        Session {
            report: Store::new(reopened.report.counts_in_its_digits()),
            status: signal(draft.status().clone()),
            notice: signal(notice).0,
            unreadable: signal(reopened.unreadable).0,
            screen: signal(Screen::Editor),
            read_only: signal(draft.read_only()),
            draft_id: signal(draft.id().to_owned()),
            library_version: signal(0),
            used: signal(draft.library().used()),
            persistent: signal(None),
            draft: StoredValue::new_local(draft),
            pending_save: Debounce::new(),
        }
    }

    /// The open report: the editor binds its fields to this store.
    pub fn report(self) -> Store<Report> {
        self.report
    }

    pub fn status(self) -> ReadSignal<SaveStatus> {
        self.status.0
    }

    pub fn notice(self) -> ReadSignal<Option<Notice>> {
        self.notice
    }

    pub fn unreadable(self) -> ReadSignal<Option<String>> {
        self.unreadable
    }

    pub fn screen(self) -> ReadSignal<Screen> {
        self.screen.0
    }

    pub fn read_only(self) -> ReadSignal<Option<u32>> {
        self.read_only.0
    }

    /// The id of the open draft.
    pub fn draft_id(self) -> ReadSignal<String> {
        self.draft_id.0
    }

    pub fn library_version(self) -> ReadSignal<u32> {
        self.library_version.0
    }

    pub fn used(self) -> ReadSignal<u64> {
        self.used.0
    }

    pub fn persistent(self) -> ReadSignal<Option<bool>> {
        self.persistent.0
    }

    /// Records the browser's answer to the request to keep this site's storage.
    pub fn set_persistent(self, granted: Option<bool>) {
        self.persistent.1.set(granted);
    }

    pub fn show_editor(self) {
        self.screen.1.set(Screen::Editor);
    }

    /// Shows the Reports screen; the open draft is written first, so the list shows it as it is.
    pub fn show_reports(self) {
        self.flush();
        self.screen.1.set(Screen::Reports);
    }

    /// Shows the organisation profile; the open draft is written first.
    pub fn show_organisation(self) {
        self.flush();
        self.screen.1.set(Screen::Organisation);
    }

    /// Shows the Summary; the open draft is written first, so the summary counts it as it is.
    pub fn show_summary(self) {
        self.flush();
        self.screen.1.set(Screen::Summary);
    }

    /// Called on every change of the report: the draft is written once typing pauses.
    pub fn edited(self) {
        if self.with_draft(Draft::edited) != Some(true) {
            return;
        }
        self.sync();
        self.pending_save.schedule(SAVE_DELAY, move || self.save_now());
    }

    /// Writes what is not yet written (the tab is being hidden or closed).
    pub fn flush(self) {
        if let Some(started) = self.write(Draft::flush).flatten() {
            self.show_started(started);
        }
    }

    /// Writes the open draft now.
    pub fn save_now(self) {
        self.write(|draft, report| measured("autosave", || draft.save(report)));
    }

    /// Starts a blank draft in the editor; the current one is written first.
    pub fn new_report(self) {
        if let Some(started) = self.write(Draft::new_report) {
            self.show_started(started);
        }
        self.screen.1.set(Screen::Editor);
    }

    /// Opens `document` (an import, a template, a duplicate) as a new draft in the editor; it
    /// never overwrites another draft. Its photos get new ids and are stored for the new draft,
    /// from the file's embedded photos or else copied from the draft it came from; the text does
    /// not wait for them.
    pub fn open_document(self, document: Document) {
        if let Some(started) = self.write(|draft, report| draft.open_document(report, document)) {
            self.show_started(started);
        }
        self.screen.1.set(Screen::Editor);
    }

    /// Adds `document` (a report file taken in) as a new draft beside the open one, which stays
    /// open, and stores its photos. Returns the new draft's id.
    pub fn add_document(self, document: Document) -> Result<String, StoreError> {
        let added = self.with_draft(|draft| draft.add_document(document)).unwrap_or(Err(StoreError::Unavailable));
        let (id, started) = added?;
        photos::copy_photos(id.clone(), self.draft_id.0, started.photo_copies, started.embedded);
        Ok(id)
    }

    /// Opens a copy of stored draft `id` as a new draft.
    pub fn duplicate(self, id: &str) {
        if let Some(document) = self.with_library(|library| library.duplicate(id)).flatten() {
            self.open_document(document);
        }
    }

    /// Opens the stored draft `id` in the editor; the current one is written first.
    pub fn open_stored(self, id: &str) -> Result<(), ReadError> {
        let opened = self.write(|draft, report| draft.open_stored(report, id)).unwrap_or(Err(ReadError::NotAReport));
        self.show(opened?);
        self.screen.1.set(Screen::Editor);
        Ok(())
    }

    /// Resolves a conflict by keeping both: what is on screen becomes a new draft, and the
    /// other tab's version stays as it was saved.
    pub fn keep_mine_as_copy(self) {
        if let Some(started) = self.write(Draft::keep_mine_as_copy) {
            self.show_started(started);
        }
    }

    /// Resolves a conflict by showing the version the other tab saved, dropping this tab's
    /// unsaved changes (the person chose to).
    pub fn load_saved_version(self) {
        if let Some(Ok(report)) = self.write(|draft, _| draft.load_saved_version()) {
            self.show(report);
        }
    }

    /// Another tab changed storage: follow the open draft if it was saved there, or show the
    /// conflict if this tab has changes of its own not yet saved.
    pub fn storage_changed_elsewhere(self) {
        let shown = self.with_draft(Draft::storage_changed_elsewhere).flatten();
        if let Some(report) = shown {
            self.show(report);
        }
        self.sync();
        if self.status.0.get_untracked() == SaveStatus::Conflict {
            self.pending_save.cancel();
        }
        self.library_changed();
    }

    /// Moves draft `id` to the trash. Deleting the open draft moves the editor to another draft
    /// (see [`OpenDraft::delete`]).
    pub fn delete(self, id: &str) -> Result<(), StoreError> {
        let deleted = self.write(|draft, report| draft.delete(report, id)).unwrap_or(Err(StoreError::Unavailable));
        if let Some(report) = deleted? {
            self.show(report);
        }
        Ok(())
    }

    /// Takes draft `id` back out of the trash.
    pub fn put_back(self, id: &str) -> Result<(), StoreError> {
        let result = self.with_draft(|draft| draft.put_back(id)).unwrap_or(Err(StoreError::Unavailable));
        self.library_changed();
        result
    }

    /// Renames draft `id`; the open draft's new title goes through the editor like any edit.
    pub fn rename(self, id: &str, title: &str) {
        match self.with_draft(|draft| draft.rename(id, title)) {
            Some(Ok(Some(title))) => {
                self.report.title().set(title);
                self.save_now();
            }
            _ => self.library_changed(),
        }
    }

    /// Which photos the drafts of this browser refer to: every stored draft, trash included, with
    /// the open draft as it is on screen (its stored copy may lag behind).
    pub fn photos_in_use(self) -> PhotoUse {
        let mut usage = self.with_library(PhotoUse::of_library).unwrap_or_default();
        let open = self.draft_id.0.get_untracked();
        usage.remove_draft(&open);
        self.report.with_untracked(|report| usage.add(&open, report));
        usage
    }

    /// The stored text of draft `id`, exactly as it is in storage.
    pub fn raw_draft(self, id: &str) -> Option<String> {
        self.with_library(|library| library.raw(id)).flatten()
    }

    /// The open draft's text exactly as it is stored (a newer version's draft is exported so).
    pub fn stored_text(self) -> Option<String> {
        self.draft.try_with_value(|draft| draft.stored_text()).flatten()
    }

    /// The open draft as a document, for exporting.
    pub fn document_untracked(self) -> Document {
        let report = self.report.read_untracked().clone();
        self.draft.with_value(|draft| draft.document(report))
    }

    /// Reads the draft library (the lists).
    pub fn with_library<R>(self, read: impl FnOnce(&DraftLibrary) -> R) -> Option<R> {
        self.draft.try_with_value(|draft| read(draft.library()))
    }

    /// Changes drafts other than the open one (backups, emptying the trash); lists follow.
    pub fn change_library<R>(self, change: impl FnOnce(&mut DraftLibrary) -> R) -> Option<R> {
        let result = self.with_draft(|draft| change(draft.library_mut()));
        self.library_changed();
        result
    }

    /// Erases the drafts that have been in the trash for longer than 30 days, and the photos no
    /// other draft uses. Lists are told only when something was erased: this runs each time the
    /// Reports screen opens.
    pub fn empty_trash(self) {
        let erased = self.with_draft(|draft| draft.library_mut().empty_trash(js_sys::Date::now()));
        let Some(Ok(erased)) = erased else { return };
        if erased.is_empty() {
            return;
        }
        self.library_changed();
        photos::forget_drafts(self.photos_in_use(), erased);
    }

    /// Tells lists that the library changed, and measures storage again.
    pub fn library_changed(self) {
        if let Some(used) = self.with_library(|library| library.used()) {
            self.used.1.set(used);
        }
        self.library_version.1.update(|n| *n += 1);
    }

    fn with_draft<R>(self, work: impl FnOnce(&mut Draft) -> R) -> Option<R> {
        self.draft.try_update_value(work)
    }

    /// Mirrors the open draft's state in the signals views read.
    fn sync(self) {
        let Some((status, read_only, id)) =
            self.draft.try_with_value(|d| (d.status().clone(), d.read_only(), d.id().to_owned()))
        else {
            return;
        };
        if self.status.0.get_untracked() != status {
            self.status.1.set(status);
        }
        if self.read_only.0.get_untracked() != read_only {
            self.read_only.1.set(read_only);
        }
        if self.draft_id.0.get_untracked() != id {
            self.draft_id.1.set(id);
        }
    }

    /// Runs an event of the open draft that may write it, with the report as it is on screen;
    /// then mirrors the outcome, retries a failed write, and refreshes the lists.
    fn write<R>(self, event: impl FnOnce(&mut Draft, &Report) -> R) -> Option<R> {
        self.pending_save.cancel();
        let result = self.report.with_untracked(|report| self.with_draft(|draft| event(draft, report)));
        self.sync();
        if matches!(self.status.0.get_untracked(), SaveStatus::Failed(_)) {
            // Space may be freed elsewhere (another tab, the person deleting drafts): retry.
            self.pending_save.schedule(RETRY_DELAY, move || self.save_now());
        }
        self.library_changed();
        result
    }

    /// Puts `report` in the editor.
    fn show(self, report: Report) {
        self.report.set(report.counts_in_its_digits());
        self.sync();
    }

    /// Puts a new draft in the editor and stores its photos.
    fn show_started(self, started: Started) {
        let Started { report, photo_copies, embedded } = started;
        self.show(report);
        photos::copy_photos(self.draft_id.0.get_untracked(), self.draft_id.0, photo_copies, embedded);
    }
}

/// A draft id unique enough for one browser: time plus randomness, in base 36.
pub fn new_draft_id() -> String {
    let random = (js_sys::Math::random() * 1_679_616.0) as u64; // 36^4
    ids::draft_id(js_sys::Date::now() as u64, random)
}
