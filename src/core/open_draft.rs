//! The draft open in the editor, as a state machine over the draft library.
//!
//! It decides when the open draft is written and when it must not be (written by a newer version,
//! in conflict with another tab's save), and what the editor shows after each event: opening,
//! an edit, a save's result, another tab's save, deleting or renaming the open draft, starting a
//! new one. The report itself lives in the UI's reactive store, so that typing never clones it:
//! events that write take it by reference, events that replace it return the one to show.

use crate::core::document::{write_document, Document, ReadError};
use crate::core::drafts::{KeyValueStore, Library, Opened, SaveError, StoreError};
use crate::core::photos::PhotoData;
use crate::core::report::Report;
use serde_json::{Map, Value};

/// Where the open draft's saving stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    /// An edit waits to be written (or is being written).
    Saving,
    /// The last write failed; it is tried again.
    Failed(StoreError),
    /// Another tab saved this draft while this one had changes not yet saved: nothing is written
    /// until the person chooses what to keep.
    Conflict,
}

/// The clock and the ids the open draft needs; the browser's in the app, counters in tests.
pub trait Environment {
    /// Milliseconds since the Unix epoch.
    fn now_ms(&self) -> f64;
    fn new_draft_id(&mut self) -> String;
    fn new_photo_id(&mut self) -> String;
    /// A blank report as this person starts one: in their language and digits.
    fn new_report(&self) -> Report {
        Report::blank()
    }
}

/// A draft that has just become the open one, with what the UI must do for it.
#[derive(Debug, PartialEq)]
pub struct Started {
    /// The report to put in the editor.
    pub report: Report,
    /// Photos to store for the new draft, as `(old id, new id)`: each from `embedded`, or else
    /// copied from the stored photo with the old id.
    pub photo_copies: Vec<(String, String)>,
    /// Photos carried in an imported file, by their old id.
    pub embedded: PhotoData,
}

/// What opening the app found.
#[derive(Debug, PartialEq)]
pub struct Reopened {
    /// The report to put in the editor.
    pub report: Report,
    /// The id of the draft last open, if its stored text could not be read. It stays in storage,
    /// untouched, and a blank draft is open instead.
    pub unreadable: Option<String>,
}

/// What the open draft's document holds besides the report, kept on every save.
#[derive(Debug, Default)]
struct Envelope {
    report_id: String,
    edited_ms: Option<u64>,
    /// Envelope fields this version does not know.
    unknown_fields: Map<String, Value>,
}

impl Envelope {
    /// The envelope of `document` (its report is taken out).
    fn of(document: &mut Document) -> Self {
        Envelope {
            report_id: std::mem::take(&mut document.report_id),
            edited_ms: document.edited_ms,
            unknown_fields: std::mem::take(&mut document.unknown_fields),
        }
    }

    /// The envelope of stored draft `draft_id` (see [`Library::identify`]).
    fn of_stored<S: KeyValueStore>(document: &mut Document, draft_id: &str, library: &Library<S>) -> Self {
        library.identify(draft_id, document);
        Envelope::of(document)
    }

    /// A report started now as draft `draft_id`: the report id is made from the draft's, which
    /// is unique in this browser and made of the time and a random number.
    fn started(draft_id: &str) -> Self {
        Envelope { report_id: draft_id.to_owned(), ..Envelope::default() }
    }
}

/// The open draft and the library it lives in.
pub struct OpenDraft<S: KeyValueStore, E: Environment> {
    library: Library<S>,
    env: E,
    id: String,
    /// The revision this tab last read or wrote.
    rev: u64,
    envelope: Envelope,
    /// The schema version of a draft written by a newer version of the app: shown, never saved.
    read_only: Option<u32>,
    status: SaveStatus,
    /// An edit not yet written.
    pending: bool,
    /// The editor is being given a stored draft: the change it reports next is not an edit.
    replacing: bool,
    /// What this tab last wrote: the draft, the revision it made and the report. Saving the same
    /// report again writes nothing: a second write of an unchanged report would only make a new
    /// revision, and another tab saving its own edit at that moment would be told of a conflict
    /// that is none.
    written: Option<(String, u64, Report)>,
}

impl<S: KeyValueStore, E: Environment> OpenDraft<S, E> {
    /// Reopens the draft last edited, or starts a blank one (not stored until it is edited).
    pub fn open(mut library: Library<S>, mut env: E) -> (Self, Reopened) {
        let mut unreadable = None;
        let mut read_only = None;
        let last_open = library.last_open().map(str::to_owned);
        let found = last_open.and_then(|id| match library.open_draft(&id) {
            Opened::Draft(document, rev) => Some((id, document, rev)),
            Opened::Newer { document, version } => {
                read_only = Some(version);
                Some((id, document, 0))
            }
            Opened::Unreadable(_) => {
                unreadable = Some(id);
                None
            }
            Opened::Missing => None,
        });
        let (id, mut document, rev) = found.unwrap_or_else(|| {
            let id = env.new_draft_id();
            let document = Document { report_id: id.clone(), report: env.new_report(), ..Document::default() };
            (id, document, 0)
        });
        let envelope = Envelope::of_stored(&mut document, &id, &library);
        let draft = OpenDraft {
            library,
            env,
            id,
            rev,
            envelope,
            read_only,
            status: SaveStatus::Saved,
            pending: false,
            replacing: false,
            written: None,
        };
        (draft, Reopened { report: document.report, unreadable })
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn status(&self) -> &SaveStatus {
        &self.status
    }

    /// The schema version of the open draft, when a newer version of the app wrote it.
    pub fn read_only(&self) -> Option<u32> {
        self.read_only
    }

    pub fn library(&self) -> &Library<S> {
        &self.library
    }

    /// The library, for work on drafts other than the open one (backups, the trash).
    pub fn library_mut(&mut self) -> &mut Library<S> {
        &mut self.library
    }

    /// The report changed in the editor. Returns whether a save should be scheduled.
    pub fn edited(&mut self) -> bool {
        if std::mem::take(&mut self.replacing) {
            return false;
        }
        if self.read_only.is_some() || self.status == SaveStatus::Conflict {
            return false;
        }
        self.pending = true;
        self.envelope.edited_ms = Some(self.env.now_ms() as u64);
        if !matches!(self.status, SaveStatus::Failed(_)) {
            self.status = SaveStatus::Saving;
        }
        true
    }

    /// Writes `report` as the open draft (the save delay has passed, or it must be written now).
    /// Afterwards [`OpenDraft::status`] says how it went; a `Failed` status wants a retry.
    pub fn save(&mut self, report: &Report) {
        if self.read_only.is_some() || self.status == SaveStatus::Conflict {
            return;
        }
        let unchanged =
            |(id, rev, written): &(String, u64, Report)| *id == self.id && *rev == self.rev && written == report;
        if self.written.as_ref().is_some_and(unchanged) {
            self.pending = false;
            self.status = SaveStatus::Saved;
            return;
        }
        let document = self.document(report.clone());
        let now = self.env.now_ms();
        match self.library.save(&self.id, &document, now, self.rev) {
            Ok(rev) => {
                self.rev = rev;
                self.pending = false;
                self.status = SaveStatus::Saved;
                self.written = Some((self.id.clone(), rev, report.clone()));
            }
            Err(SaveError::Conflict) => {
                self.pending = false;
                self.status = SaveStatus::Conflict;
            }
            Err(SaveError::Store(error)) => self.status = SaveStatus::Failed(error),
        }
    }

    /// The tab is being hidden or closed, or another draft is about to be opened: what is not
    /// yet written is written now. A draft in conflict is kept as a copy of its own, so neither
    /// version is lost; the copy is returned to show.
    pub fn flush(&mut self, report: &Report) -> Option<Started> {
        if self.read_only.is_some() {
            return None;
        }
        if self.status == SaveStatus::Conflict {
            return Some(self.keep_mine_as_copy(report));
        }
        if self.pending || matches!(self.status, SaveStatus::Failed(_)) {
            self.save(report);
        }
        None
    }

    /// Starts a blank draft; the open one is written first.
    pub fn new_report(&mut self, current: &Report) -> Started {
        let blank = Document::new(self.env.new_report());
        self.open_document(current, blank)
    }

    /// Opens `document` (an import, a duplicate, a template) as a new draft, never over another
    /// one; the open one is written first. Its photos get ids of their own.
    pub fn open_document(&mut self, current: &Report, document: Document) -> Started {
        let _ = self.flush(current);
        let id = self.env.new_draft_id();
        self.start(id, document)
    }

    /// Resolves a conflict by keeping both: what is on screen becomes a new draft, and the other
    /// tab's version stays as it was saved.
    pub fn keep_mine_as_copy(&mut self, report: &Report) -> Started {
        let document = self.document(report.clone()).as_new_report();
        let id = self.env.new_draft_id();
        self.start(id, document)
    }

    /// Resolves a conflict by showing the version the other tab saved, dropping this tab's
    /// unsaved changes (the person chose to).
    pub fn load_saved_version(&mut self) -> Result<Report, ReadError> {
        self.status = SaveStatus::Saved;
        self.pending = false;
        let id = self.id.clone();
        self.show_stored(&id)
    }

    /// Another tab changed storage. If it saved the open draft, its version is returned to show;
    /// if this tab has changes of its own not yet saved, nothing is replaced and the status
    /// becomes `Conflict`.
    pub fn storage_changed_elsewhere(&mut self) -> Option<Report> {
        let _ = self.library.reload();
        self.library.measure_other_keys();
        let stored_rev = self.library.summary(&self.id)?.rev;
        if stored_rev == self.rev || self.read_only.is_some() {
            return None;
        }
        if self.pending || self.status != SaveStatus::Saved {
            self.pending = false;
            self.status = SaveStatus::Conflict;
            return None;
        }
        let id = self.id.clone();
        self.show_stored(&id).ok()
    }

    /// Opens the stored draft `id`; the open one is written first.
    pub fn open_stored(&mut self, current: &Report, id: &str) -> Result<Report, ReadError> {
        let _ = self.flush(current);
        let report = self.show_stored(id)?;
        // Reopening is not an edit: the stored copy is already this one.
        let _ = self.library.set_last_open(id);
        Ok(report)
    }

    /// Moves draft `id` to the trash. When it is the open draft, its last edits are written
    /// first and the editor moves to the most recently edited other draft, or a new blank one,
    /// which is returned to show: the trashed draft is never written again from the editor, and
    /// putting it back is the only way back.
    pub fn delete(&mut self, current: &Report, id: &str) -> Result<Option<Report>, StoreError> {
        let open = id == self.id;
        if open {
            let _ = self.flush(current);
        }
        let now = self.env.now_ms();
        self.library.delete(id, now)?;
        if !open {
            return Ok(None);
        }
        let next = self.library.search("").iter().find(|d| !d.unreadable).map(|d| d.id.clone());
        if let Some(report) = next.and_then(|next| self.open_stored(current, &next).ok()) {
            return Ok(Some(report));
        }
        // Nothing else to open: a blank draft, stored once it is edited.
        self.id = self.env.new_draft_id();
        self.rev = 0;
        self.read_only = None;
        self.envelope = Envelope::started(&self.id);
        self.pending = false;
        self.status = SaveStatus::Saved;
        self.replacing = true;
        Ok(Some(self.env.new_report()))
    }

    /// Takes draft `id` back out of the trash.
    pub fn put_back(&mut self, id: &str) -> Result<(), StoreError> {
        self.library.restore(id)
    }

    /// Renames draft `id`. The open draft is renamed in the editor (the title returned is to be
    /// set there, and saves like any edit); any other draft in storage. A draft of a newer
    /// version cannot be renamed.
    pub fn rename(&mut self, id: &str, title: &str) -> Result<Option<String>, SaveError> {
        if id == self.id && self.read_only.is_none() {
            return Ok(Some(title.to_owned()));
        }
        let now = self.env.now_ms();
        self.library.rename(id, title, now).map(|()| None)
    }

    /// The open draft as a document (for exporting), with the envelope fields kept.
    pub fn document(&self, report: Report) -> Document {
        Document {
            report_id: self.envelope.report_id.clone(),
            edited_ms: self.envelope.edited_ms,
            report,
            photos: PhotoData::default(),
            unknown_fields: self.envelope.unknown_fields.clone(),
        }
    }

    /// The stored text of the open draft, exactly as it is (a newer version's draft is exported
    /// as it was written).
    pub fn stored_text(&self) -> Option<String> {
        self.library.raw(&self.id)
    }

    /// Makes `document` the open draft under the new `id` and writes it.
    fn start(&mut self, id: String, document: Document) -> Started {
        let (envelope, started) = self.as_new_draft(&id, document);
        let report = started.report;
        self.id = id;
        self.rev = 0;
        self.read_only = None;
        self.envelope = envelope;
        self.status = SaveStatus::Saving;
        self.pending = true;
        self.save(&report);
        Started { report, ..started }
    }

    /// Adds `document` (a report file taken in) as a new draft beside the open one, which stays
    /// open. Returns the new draft's id and its photos to store.
    pub fn add_document(&mut self, document: Document) -> Result<(String, Started), StoreError> {
        let id = self.env.new_draft_id();
        let (envelope, started) = self.as_new_draft(&id, document);
        let Envelope { report_id, edited_ms, unknown_fields } = envelope;
        let stored =
            Document { report_id, edited_ms, report: started.report, photos: PhotoData::new(), unknown_fields };
        let now = self.env.now_ms();
        self.library.add_raw(&id, &write_document(&stored), now, None)?;
        Ok((id, Started { report: stored.report, ..started }))
    }

    /// `document` as new draft `id`: a report with no id (new, a duplicate, a template, a file of
    /// schema 1) is started now, and its photos get ids of their own.
    fn as_new_draft(&mut self, id: &str, mut document: Document) -> (Envelope, Started) {
        let mut envelope = Envelope::of(&mut document);
        if envelope.report_id.is_empty() {
            envelope.report_id = id.to_owned();
            envelope.edited_ms = Some(self.env.now_ms() as u64);
        }
        let Document { mut report, photos, .. } = document;
        let env = &mut self.env;
        let photo_copies = report.reassign_photo_ids(|_| env.new_photo_id());
        (envelope, Started { report, photo_copies, embedded: photos })
    }

    /// Makes the stored draft `id` the open one, without treating it as an edit.
    fn show_stored(&mut self, id: &str) -> Result<Report, ReadError> {
        let (mut document, rev, read_only) = match self.library.open_draft(id) {
            Opened::Draft(document, rev) => (document, rev, None),
            Opened::Newer { document, version } => (document, 0, Some(version)),
            Opened::Unreadable(error) => return Err(error),
            Opened::Missing => return Err(ReadError::NotAReport),
        };
        self.id = id.to_owned();
        self.rev = rev;
        self.read_only = read_only;
        self.envelope = Envelope::of_stored(&mut document, id, &self.library);
        self.pending = false;
        self.status = SaveStatus::Saved;
        self.replacing = true;
        Ok(document.report)
    }
}

#[cfg(test)]
#[path = "open_draft_tests.rs"]
mod tests;
