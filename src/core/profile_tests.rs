use super::*;
use crate::core::report::Report;
use crate::core::store::MemoryStore;
use crate::core::templates::OwnTemplate;

fn profile() -> Profile {
    let mut profile = Profile::default();
    profile.name.en = "Al-Amal Association".into();
    profile.name.ar = "جمعية الأمل".into();
    profile.logo = Some("logo1".into());
    profile.partner_logos = vec![
        PartnerLogo { logo: "logo2".into(), caption: " Funded by ".into() },
        PartnerLogo { logo: "gone".into(), caption: "In partnership with".into() },
    ];
    profile.footer = Footer {
        address: "Street 14, Nasiriyah".into(),
        contacts: "info@example.org".into(),
        registration: " ".into(),
    };
    profile
}

#[test]
fn a_new_report_starts_with_the_profiles_language_digits_and_details() {
    let mut profile = profile();
    profile.defaults = Defaults {
        donor: "NPA".into(),
        governorate: "ذي قار".into(),
        language: Some(Language::Arabic),
        digits: Some(Digits::Western),
        ..Defaults::default()
    };
    let report = profile.new_report(Language::English);
    assert_eq!((report.language, report.digits), (Language::Arabic, Digits::Western));
    assert_eq!(report.donor, "NPA");
    assert_eq!(report.governorate, "ذي قار");
    assert_eq!(report.organizing_organization, "جمعية الأمل", "the name in the report's language");
    assert_eq!(report.project_name, "");

    profile.defaults.language = None;
    profile.defaults.digits = None;
    profile.defaults.organisation = "Amal".into();
    let report = profile.new_report(Language::Kurdish);
    assert_eq!((report.language, report.digits), (Language::Kurdish, Digits::ArabicIndic));
    assert_eq!(report.organizing_organization, "Amal");
    assert_eq!(Profile::default().new_report(Language::Arabic), Report::blank_in(Language::Arabic));
}

#[test]
fn filling_a_report_keeps_what_it_already_says() {
    let mut profile = profile();
    profile.defaults.donor = "NPA".into();
    let mut report = Report { donor: "UNDP".into(), ..Report::default() };
    profile.fill(&mut report);
    assert_eq!(report.donor, "UNDP");
    assert_eq!(report.organizing_organization, "Al-Amal Association");
}

#[test]
fn the_letterhead_has_the_name_in_the_reports_language_the_logos_found_and_the_footer_written() {
    let logos: PhotoData = [
        ("logo1".to_owned(), "data:image/png;base64,AAAA".to_owned()),
        ("logo2".to_owned(), "data:image/jpeg;base64,BBBB".to_owned()),
    ]
    .into();
    let letterhead = profile().letterhead(Language::Arabic, &logos);
    assert_eq!(letterhead.organisation, "جمعية الأمل");
    assert_eq!(letterhead.logo.as_deref(), Some("data:image/png;base64,AAAA"));
    assert_eq!(letterhead.partners.len(), 1, "a logo not in the store is left out");
    assert_eq!(letterhead.partners[0].caption, "Funded by");
    assert_eq!(letterhead.footer, ["Street 14, Nasiriyah", "info@example.org"]);
    assert_eq!(profile().letterhead(Language::Kurdish, &logos).organisation, "Al-Amal Association");
    assert!(!Profile::default().letterhead(Language::English, &logos).has_head());
    assert_eq!(profile().logo_ids().collect::<Vec<_>>(), ["logo1", "logo2", "gone"]);
}

#[test]
fn templates_are_kept_by_name() {
    let mut profile = Profile::default();
    let report = Report { title: "First".into(), ..Report::default() };
    profile.save_template(OwnTemplate::of("Monthly meeting", &report));
    profile.save_template(OwnTemplate::of("Workshop", &report));
    let second = Report { title: "Second".into(), ..Report::default() };
    profile.save_template(OwnTemplate::of("Monthly meeting", &second));
    let names: Vec<&str> = profile.templates.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Monthly meeting", "Workshop"]);
    assert_eq!(profile.templates[0].report.title, "Second", "saved again under its name");
    profile.add_missing_templates(&[OwnTemplate::of("Workshop", &second), OwnTemplate::of("Closing", &second)]);
    assert_eq!(profile.templates.len(), 3);
    assert_eq!(profile.templates[1].report.title, "First", "the one here is kept");
    profile.delete_template("Workshop");
    let names: Vec<&str> = profile.templates.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Monthly meeting", "Closing"]);
}

#[test]
fn the_profile_is_stored_under_its_key_and_an_unreadable_one_is_moved_aside_not_lost() {
    let mut store = MemoryStore::new();
    assert_eq!(load(&store), Ok(Stored::Profile(Box::default())));
    save(&mut store, &profile()).expect("saved");
    assert_eq!(load(&store), Ok(Stored::Profile(Box::new(profile()))));

    store.set(PROFILE_KEY, "{broken").expect("set");
    assert_eq!(load(&store), Ok(Stored::Unreadable("{broken".into())));
    save(&mut store, &Profile::default()).expect("saved");
    assert_eq!(store.get(UNREADABLE_PROFILE_KEY), Ok(Some("{broken".into())));
    assert_eq!(load(&store), Ok(Stored::Profile(Box::default())));

    let mut full = MemoryStore::with_quota(10);
    assert_eq!(save(&mut full, &profile()), Err(StoreError::QuotaExceeded));
}

#[test]
fn a_restored_profile_is_taken_whole_by_a_browser_without_one_else_only_its_new_templates() {
    let mut incoming = profile();
    incoming.save_template(OwnTemplate::of("Workshop", &Report::default()));
    incoming.save_template(OwnTemplate::of("Monthly", &Report::default()));

    let mut blank = Profile::default();
    assert_eq!(blank.take_restored(incoming.clone()), Restoring::Whole);
    assert_eq!(blank, incoming);

    let mut here = Profile::default();
    here.name.en = "Here".into();
    here.save_template(OwnTemplate::of("Monthly", &Report { title: "ours".into(), ..Report::default() }));
    assert_eq!(here.take_restored(incoming), Restoring::Templates(1));
    assert_eq!(here.name.en, "Here", "the profile here is kept");
    assert_eq!(here.templates[0].report.title, "ours");
    assert_eq!(here.templates[1].name, "Workshop");
}

fn library_with_a_draft() -> crate::core::drafts::Library<MemoryStore> {
    let mut library = crate::core::drafts::Library::open(MemoryStore::new());
    library.save("a", &crate::core::test_support::titled("A draft"), 0.0, 0).expect("saved");
    library
}

fn ids() -> String {
    "logo-id".into()
}

#[test]
fn back_up_all_carries_the_organisation_profile_with_its_logos_and_templates() {
    use crate::core::backup::{restore_backup, write_backup, write_backup_with, BackupExtras};
    use crate::core::drafts::Library;
    use crate::core::profile_file::{read_profile_file, write_profile_file};
    use crate::core::test_support::titled;
    let mut profile = Profile::default();
    profile.name.en = "Al-Amal Association".into();
    profile.logo = Some("logo".into());
    profile.save_template(OwnTemplate::of("Monthly meeting", &titled("Coordination").report));
    let logos: PhotoData = [("logo".to_owned(), "data:image/png;base64,iVBORw0K".to_owned())].into();
    let extras = BackupExtras { profile: Some(write_profile_file(&profile, &logos)), ..BackupExtras::default() };
    let backup = write_backup_with(&library_with_a_draft(), 9.0, &extras);

    let mut target = Library::open(MemoryStore::new());
    let restored = restore_backup(&mut target, backup.as_bytes(), 10.0, ids).unwrap();
    let text = restored.profile.expect("the profile comes back");
    let (read, read_logos) = read_profile_file(text.as_bytes(), ids).expect("a profile file");
    assert_eq!((read.name.en.as_str(), read.templates.len()), ("Al-Amal Association", 1));
    assert_eq!(read_logos.values().collect::<Vec<_>>(), logos.values().collect::<Vec<_>>());
    let without = write_backup(&library_with_a_draft(), 9.0);
    assert!(!without.contains("profile"), "no profile, no field");
    let restored = restore_backup(&mut Library::open(MemoryStore::new()), without.as_bytes(), 10.0, ids).unwrap();
    assert_eq!(restored.profile, None);
}
