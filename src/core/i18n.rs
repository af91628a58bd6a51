//! The one translation layer. Every string the interface shows, and every heading of the exported
//! report, is a [`Msg`] looked up for a [`Language`].
//!
//! Translations are data files, one per language, in `locales/<code>.txt`: one `Key = text` per
//! line, `{n}`-style placeholders filled by [`format`]. A test checks that every language has
//! every key, so a missing translation fails the build's tests rather than showing a raw key.

use crate::core::report::{ActivityType, Digits, Language};
use std::collections::HashMap;
use std::sync::OnceLock;

macro_rules! messages {
    ($($name:ident),* $(,)?) => {
        /// A translatable string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($name),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];

            /// The key used in the locale files.
            pub fn key(self) -> &'static str {
                match self { $(Msg::$name => stringify!($name)),* }
            }
        }
    };
}

messages! {
    // Application frame (BootLoading and BootFailed: the loading screen, which tools/finish_build.py
    // writes into index.html)
    AppName, AppTagline, BootLoading, BootFailed, NewReport, SaveStatusSaved, SaveStatusSaving, SaveStatusFailed,
    SaveFailedMessage, StorageUnavailableMessage, InterfaceLanguage, UpdateAvailable, ReloadToUpdate, DownloadJson, DownloadRaw, UnreadableDraftMessage,
    ReportActions, ExportHtml, ExportWord, Print, ExportJson, ImportReport, Email, Share, EmailHint,
    ExportWithProblems, ChecksHeading, ChecksNone,
    Reports, Editor, Search, UntitledReport, ActivityDate, LastEdited, Open, Duplicate, Rename, SaveTitle,
    Delete, Undo, Dismiss, ReportDeleted, NoReports, Template, NewFromTemplate, TemplateWorkshopTraining, ShowMoreReports,
    SaveStatusConflict, SaveStatusReadOnly, ConflictMessage, KeepMineAsCopy, LoadSavedVersion, ReadOnlyMessage, UnreadableLabel, UnreadableInList, StorageHeading, StorageUsed, StorageNearlyFull, StoragePersistent, StorageNotPersistent, BackUpAll, Restore, BackupHint, RestoreDone, RestoreAlreadyHere, RestoreToTrash, RestoreStorageFull, TrashHeading, TrashHint, PutBack, ErasedOn,
    // Editor sections
    SectionIdentity, SectionWhenWhere, SectionNarrative, SectionObjectives, SectionPeople,
    SectionParticipants, SectionAgenda, SectionDiscussion, SectionWorkingGroups, SectionResults,
    SectionRecommendations, SectionAttachments, SectionClosing, SectionExtra,
    // Finding one's place in the editor: the Sections list, More sections, Preview, the actions bar
    SectionsNav, SectionStateEmpty, SectionStateFilled, SectionStateChecks, MoreSections, MoreSectionsHint,
    Preview, PreviewFrame, PreviewFailed, MoreActions,
    // Built-in templates
    TplOpening, TplSessionObjectives, TplDialogue, TplBreak, TplDiscussionQuestions, TplRecommendations, TplClosingThanks, TplRegistration, TplSession1, TplSession2, TplLunch, TplSession3, TplPostTest, TplOpeningRemarks, TplProjectResults, TplPanelDiscussion, TplLessonsLearnedGroups, TplConclusionsClosing, TplLessonsLearned, TplWelcomeAgenda, TplPartnerUpdates, TplGapsNeeds, TplActionPointsNext, TplActionPoints,
    // Sign-off
    SectionSignOff, PreparedBy, ReviewedBy, ApprovedBy, Signature, DateSigned,
    // Report fields
    ReportTitle, ActivityType, SessionNumber, ProjectName, Programme, OrganizingOrganization,
    PartnerOrganizations, Donor, ReportLanguage, Date, StartTime, EndTime, Venue, City,
    Governorate, Country, Introduction, Aim, SessionTopic, Conclusion, NextSteps, Moderator,
    TotalParticipants, NewParticipants, NewParticipantsHint, Male, Female, SexNotRecorded, Under18, Age18To24, Age25To59, Age60AndOver,
    WithDisabilities, Guests, GuestsHint, ParticipantsBySex, ParticipantsByAge, ParticipantsByGovernorate, ParticipantsByCategory,
    // Activity types
    ActivityDialogueSession, ActivityWorkshop, ActivityTraining, ActivityClosingSession,
    ActivityMeeting, ActivityOther,
    // Row fields
    Name, Role, Position, Organization, Summary, Start, End, Item, Presenter, Heading, Details,
    Text, Description, Topic, Facilitator, Members, MemberCount, Outcomes, Label, Count,
    // Row kinds (legends, with {n})
    RowFacilitator, RowSpeaker, RowObjective, RowAgendaItem, RowDiscussionPoint, RowResult,
    RowRecommendation, RowAttachment, RowWorkingGroup, RowParticipantCategory, RowGovernorate,
    RowSection,
    // Row actions
    AddFacilitator, AddSpeaker, AddObjective, AddAgendaItem, AddDiscussionPoint, AddResult,
    AddRecommendation, AddAttachment, AddWorkingGroup, AddParticipantCategory, AddGovernorate,
    AddSection, Remove, MoveUp, MoveDown, NoRowsYet, RowRemoved,
    // Keyboard shortcuts of the editor
    KeyboardShortcuts, ShortcutSave, ShortcutPrint, ShortcutMoveRow,
    // Number input
    NotAWholeNumber, NumberTooLarge,
    // A date or time the input cannot show
    StoredValue, ClearStoredValue, Clear,
    // Exported report (add export keys below this line)
    ExportDetails, ExportTime, ExportPlace, ExportFacilitators, ExportSpeakers, ExportCategories, ExportPreparedWith, ExportEmailAttach,
    Digits, DigitsWestern, DigitsArabicIndic,
    ImportNotJson, ImportNotAReport, ImportNewerVersion, ImportTooLarge,
    ImportWrongType, ImportUnknownCode, ImportUnreadableField, ImportDuplicateField, ImportTooDeep, ImportBrokenCharacter,
    ImportFieldItem, ImportFieldPart, KindText, KindNumber, KindWholeNumber, KindList, KindGroup, KindTrueFalse,
    KindNothing, KindChoice,
    // Checks (add check keys below this line)
    CheckRequired, CheckNoObjective, CheckNotWholeNumber, CheckSexBreakdown, CheckAgeBreakdown, CheckGovernorateBreakdown, CheckCategoryBreakdown, CheckEndBeforeStart, CheckAgendaEndsBeforeStart, CheckAgendaOutsideHours, CheckAgendaOverlaps, CheckAgendaOutOfOrder, CheckSessionNumber, CheckSessionOrdinals, CheckWorkingGroups, CheckNewParticipants, CheckDateInvalid, CheckDateTooEarly, CheckDateInFuture,
    CheckStartTimeInvalid, CheckEndTimeInvalid, CheckAgendaStartInvalid, CheckAgendaEndInvalid,
    // Photos
    Photo, PhotoLegend, Caption, RemovePhoto, PhotoAdding, PhotoNoSpace, PhotoStorageUnavailable, PhotoUnreadable,
    PhotoFailed, PhotoMissing, PhotosNotCopied, ImportPhotosTooLarge, StoragePhotos,
    // Exports that wait for the photos, or say which are missing
    ExportPreparing, ExportPreparingWord, ExportPreparingFile, ExportWordFailed, ExportFailed, PhotosLeftOut, PhotoPlace, PhotoPlaceCaptioned,
    // Storage errors
    StoreFull, StoreUnavailable, StoreRefused, StoreDraftExists, StoreDraftUnreadable, DeleteFailed, RestoreFailed,
    // Summary
    SummaryScreen, SummaryHeading, SummaryWhich, SummaryIncludeDrafts, SummaryFrom, SummaryTo, SummaryAllTypes, SummaryAllDates,
    SummaryThisQuarter, SummaryLastQuarter, SummaryThisYear, SummaryCount, SummaryNone, SummaryTotals, SummaryFigure,
    SummaryNumber, SummaryLacking, SummaryActivities, SummaryAttendances, SummaryReached, SummaryAttendancesHint,
    SummaryByType, SummaryByMonth, SummaryMonth, SummaryUndated, SummaryProblems, SummaryReportsIn, SummaryInclude,
    SummaryIncludeReport, SummaryOpenChecks, SummarySource, SummaryDraft, SummaryReceived, SummaryChartPeople,
    SummaryChartMonths, SummaryDownloadCsv, SummaryExportHtml, SummaryPrint, SummaryMadeOn, SummaryByGovernorate,
    SummaryByCategory, SummaryCategory, SummaryLoading, SummaryLoadFailed, TryAgain,
    // The received-reports archive
    ArchiveReplaced, ArchiveAdd, ArchiveCopyToDrafts, ArchiveRemove, ArchiveClose, ArchiveUnavailable,
    ArchiveHint, ArchiveRestoreAdded, ArchiveRestoreAlreadyHere, ArchiveRestoreNewer, ArchiveRestoreOlder,
    ArchiveRestoreRefused, ArchiveRestoreStopped, BackupArchiveUnreadable,
    // Intake: what became of each file that came in
    IntakeAdded, IntakeAlreadyHere, IntakeNewer, IntakeOlder, IntakeRefused, ImportPageWithoutReport, NothingChanged,
    IntakeFile, IntakeReading, IntakeListLabel,
    // The organisation profile and own templates
    Organisation, OrganisationHint, OrganisationName, Logo, RemoveLogo, PartnerLogos, AddPartnerLogo, PartnerLogoN,
    LogoCaption, Footer, FooterAddress, FooterContacts, FooterRegistration, ReportDefaults, FollowInterfaceLanguage,
    UsualDigits, ExportProfile, ImportProfile, ProfileImported, ProfileFileTooLarge, ProfileFileNotAProfile,
    ProfileFileNewer, ProfileNotSaved, ProfileUnreadable, ProfileRestored, TemplatesRestored, SaveAsTemplate,
    TemplateName, TemplateNameNeeded, TemplateSaved, Cancel, DeleteTemplate, TemplateDeleted, BuiltInTemplates,
    OwnTemplates, ChooseLogo, SaveTemplate,
}

/// The name of an activity type.
pub fn activity_name(kind: ActivityType) -> Msg {
    match kind {
        ActivityType::DialogueSession => Msg::ActivityDialogueSession,
        ActivityType::Workshop => Msg::ActivityWorkshop,
        ActivityType::Training => Msg::ActivityTraining,
        ActivityType::ClosingSession => Msg::ActivityClosingSession,
        ActivityType::Meeting => Msg::ActivityMeeting,
        ActivityType::Other => Msg::ActivityOther,
    }
}

/// The text of `msg` in `lang`, falling back to English (and then to the key) so that a missing
/// translation never blanks the interface.
pub fn text(lang: Language, msg: Msg) -> &'static str {
    table(lang).get(msg.key()).or_else(|| table(Language::English).get(msg.key())).copied().unwrap_or(msg.key())
}

/// The text of `msg` with each `{name}` replaced by its value. The text is read once, so a value
/// that itself contains `{name}` (a person's typing) is never filled in again.
pub fn format(lang: Language, msg: Msg, args: &[(&str, &str)]) -> String {
    fill(text(lang, msg), args)
}

/// `text` with each `{name}` replaced by its value, read once.
fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut rest = text;
    let mut out = String::with_capacity(rest.len());
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter().find(|(n, _)| *n == name).map(|(_, value)| (*value, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

const MONTHS: [[&str; 12]; 3] = [
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    // The Levantine month names used in Iraq.
    [
        "كانون الثاني",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين الأول",
        "تشرين الثاني",
        "كانون الأول",
    ],
    [
        "کانوونی دووەم",
        "شوبات",
        "ئازار",
        "نیسان",
        "ئایار",
        "حوزەیران",
        "تەممووز",
        "ئاب",
        "ئەیلوول",
        "تشرینی یەکەم",
        "تشرینی دووەم",
        "کانوونی یەکەم",
    ],
];

/// A YYYY-MM-DD date written out in `lang` (Gregorian): "7 March 2024", "7 آذار 2024".
/// Anything else is returned as it was typed.
pub fn long_date(date: &str, lang: Language, digits: Digits) -> String {
    let mut parts = date.trim().splitn(3, '-');
    let parsed = (|| {
        let year: u32 = parts.next()?.parse().ok()?;
        let month: usize = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        let names = &MONTHS[lang as usize];
        Some(format!("{day} {} {year}", names.get(month.checked_sub(1)?)?))
    })();
    digits.apply(&parsed.unwrap_or_else(|| date.to_owned()))
}

/// A month (YYYY-MM) written out in `lang`: "March 2024", "آذار 2024". Anything else is returned
/// as it is.
pub fn month_and_year(month: &str, lang: Language) -> String {
    let named = month.split_once('-').and_then(|(year, m)| {
        let index = m.parse::<usize>().ok()?.checked_sub(1)?;
        Some(format!("{} {year}", MONTHS[lang as usize].get(index)?))
    });
    named.unwrap_or_else(|| month.to_owned())
}

/// Messages that depend on a count: their text has one form per plural category of the language,
/// separated by ` | ` (English and Sorani: one, other; Arabic: zero, one, two, few, many, other).
/// The count is `{n}`.
pub const PLURALS: &[Msg] = &[
    Msg::TemplatesRestored,
    Msg::RestoreDone,
    Msg::RestoreAlreadyHere,
    Msg::RestoreToTrash,
    Msg::RestoreStorageFull,
    Msg::RestoreFailed,
    Msg::ArchiveRestoreAdded,
    Msg::ArchiveRestoreAlreadyHere,
    Msg::ArchiveRestoreNewer,
    Msg::ArchiveRestoreOlder,
    Msg::ArchiveRestoreRefused,
    Msg::ArchiveRestoreStopped,
    Msg::SummaryCount,
    Msg::SummaryProblems,
    Msg::ExportWithProblems,
    Msg::ShowMoreReports,
    Msg::PhotosNotCopied,
    Msg::PhotosLeftOut,
    Msg::CheckWorkingGroups,
    Msg::SectionStateChecks,
];

/// What separates the items of a list in `lang`: "، " in Arabic and Sorani, ", " in English.
pub fn list_separator(lang: Language) -> &'static str {
    if lang.is_rtl() {
        "، "
    } else {
        ", "
    }
}

/// What separates items that may hold commas themselves ("name (role); name"): "؛ " in Arabic and
/// Sorani.
pub fn strong_separator(lang: Language) -> &'static str {
    if lang.is_rtl() {
        "؛ "
    } else {
        "; "
    }
}

/// `text` isolated in `lang`'s direction (a right-to-left or left-to-right isolate, closed by a
/// pop), so that a range such as "09:00 – 13:00" reads from its start in that language's reading
/// order wherever it stands: alone in a cell, beside text in another script, in either digits.
pub fn isolate(lang: Language, text: &str) -> String {
    let open = if lang.is_rtl() { '\u{2067}' } else { '\u{2066}' };
    format!("{open}{text}\u{2069}")
}

/// Which of `lang`'s plural forms a count of `n` takes (the CLDR rules for cardinals).
fn plural_form(lang: Language, n: u64) -> usize {
    match lang {
        Language::Arabic => match (n, n % 100) {
            (0, _) => 0,
            (1, _) => 1,
            (2, _) => 2,
            (_, 3..=10) => 3,
            (_, 11..=99) => 4,
            _ => 5,
        },
        Language::English | Language::Kurdish => usize::from(n != 1),
    }
}

/// The form of the plural message `msg` for the count `n`, with `{n}` and `args` filled.
pub fn plural(lang: Language, msg: Msg, n: u64, args: &[(&str, &str)]) -> String {
    let forms: Vec<&str> = text(lang, msg).split(" | ").collect();
    let form = forms.get(plural_form(lang, n)).or(forms.last()).copied().unwrap_or_default();
    let count = n.to_string();
    let args: Vec<(&str, &str)> = [("n", count.as_str())].into_iter().chain(args.iter().copied()).collect();
    fill(form, &args)
}

fn source(lang: Language) -> &'static str {
    match lang {
        Language::English => include_str!("../../locales/en.txt"),
        Language::Arabic => include_str!("../../locales/ar.txt"),
        Language::Kurdish => include_str!("../../locales/ckb.txt"),
    }
}

fn table(lang: Language) -> &'static HashMap<&'static str, &'static str> {
    static TABLES: [OnceLock<HashMap<&'static str, &'static str>>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = match lang {
        Language::English => 0,
        Language::Arabic => 1,
        Language::Kurdish => 2,
    };
    TABLES[slot].get_or_init(|| parse(source(lang)))
}

/// Parses `Key = text` lines; blank lines and lines starting with `#` are ignored.
pub fn parse(source: &'static str) -> HashMap<&'static str, &'static str> {
    source
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .filter_map(|line| line.split_once(" = "))
        .map(|(key, value)| (key.trim(), value.trim()))
        .collect()
}

#[cfg(test)]
#[path = "i18n_tests.rs"]
mod tests;
