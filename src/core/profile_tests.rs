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
