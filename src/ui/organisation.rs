//! "Organisation": the profile's screen — the organisation's name in each language, its logo,
//! partner and donor logos with captions, the footer, what new reports start with, and moving the
//! whole profile to a colleague (Export profile / Import profile).

use crate::core::i18n::Msg;
use crate::core::profile::{PartnerLogo, Profile};
use crate::core::profile_file::{read_profile_file, write_profile_file, MAX_PROFILE_BYTES};
use crate::core::report::{Digits, Language};
use crate::ui::button::button;
use crate::ui::choose_file::ChooseFiles;
use crate::ui::exports::{download, OutFile};
use crate::ui::file_batch::read;
use crate::ui::i18n::use_i18n;
use crate::ui::photos::new_photo_id;
use crate::ui::profile::OrgProfile;
use leptos::prelude::*;

/// A labelled text box bound to one text of the profile: multi-line for `lines`, in `lang` when
/// it is written in one language.
struct TextBox {
    id: &'static str,
    lines: bool,
    lang: Option<Language>,
    read: fn(&Profile) -> &String,
    write: fn(&mut Profile) -> &mut String,
}

macro_rules! text_box {
    ($id:literal, $($field:ident).+) => {
        text_box!($id, false, None, $($field).+)
    };
    ($id:literal, $lines:expr, $lang:expr, $($field:ident).+) => {
        TextBox { id: $id, lines: $lines, lang: $lang, read: |p| &p.$($field).+, write: |p| &mut p.$($field).+ }
    };
}

impl TextBox {
    fn view(self, org: OrgProfile, label: impl Fn() -> String + Send + Sync + 'static) -> impl IntoView {
        let TextBox { id, lines, lang, read, write } = self;
        let value = move || org.with(|p| read(p).clone());
        let on_input = move |value: String| org.change(|p| *write(p) = value);
        let lang = lang.map(Language::code);
        let input = if lines {
            view! {
                <textarea id=id dir="auto" lang=lang rows="2" prop:value=value
                    on:input:target=move |ev| on_input(ev.target().value())></textarea>
            }
            .into_any()
        } else {
            view! {
                <input id=id type="text" dir="auto" lang=lang prop:value=value
                    on:input:target=move |ev| on_input(ev.target().value()) />
            }
            .into_any()
        };
        view! {
            <div class="field">
                <label for=id>{label}</label>
                {input}
            </div>
        }
    }
}

#[component]
pub fn OrganisationScreen() -> impl IntoView {
    let i18n = use_i18n();
    let org = expect_context::<OrgProfile>();
    // What the last logo or profile file did, in words.
    let message = RwSignal::new(None::<(bool, String)>);

    let export_profile = move |_| {
        let text = org.with_untracked(|p| write_profile_file(p, &org.logos_untracked()));
        download(&OutFile::text("taqrir-profile.json".into(), "application/json", &text));
    };
    let import_profile = move |files: Vec<web_sys::File>| {
        let Some(file) = files.into_iter().next() else { return };
        wasm_bindgen_futures::spawn_local(async move {
            let lang = i18n.language_untracked();
            let name = file.name();
            let read = read(&file, MAX_PROFILE_BYTES)
                .await
                .map_err(|_| crate::core::profile_file::ProfileFileError::TooLarge)
                .and_then(|bytes| read_profile_file(&bytes, new_photo_id));
            match read {
                Ok((profile, logos)) => {
                    let failed = org.replace(profile, logos).await;
                    let mut text = i18n.format(Msg::ProfileImported, &[("file", &name)]);
                    if failed > 0 {
                        text = format!("{text} {}", i18n.plural(Msg::PhotosNotCopied, failed, &[]));
                    }
                    message.set(Some((failed == 0, text)));
                }
                Err(error) => message.set(Some((false, error.message(lang)))),
            }
        });
    };

    view! {
        <section class="card organisation" aria-labelledby="organisation-heading">
            <h2 id="organisation-heading">{i18n.text(Msg::Organisation)}</h2>
            <p class="library__hint">{i18n.text(Msg::OrganisationHint)}</p>
            {move || org.problem(i18n.language()).map(|text| view! {
                <div class="notice notice--error" role="alert">{text}</div>
            })}
            <div class="draft__actions">
                {button("button", Msg::ExportProfile, export_profile)}
                <ChooseFiles label=Msg::ImportProfile accept=".json,application/json" on_chosen=import_profile />
            </div>
            <p aria-live="polite">
                {move || message.get().map(|(fine, text)| {
                    let class = if fine { "notice notice--info" } else { "notice notice--error" };
                    view! { <span class=class>{text}</span> }
                })}
            </p>
            <fieldset class="organisation__group">
                <legend>{i18n.text(Msg::OrganisationName)}</legend>
                // Each name under its language's name in itself, as the language switch has them.
                {text_box!("org-name-en", false, Some(Language::English), name.en).view(org, || Language::English.endonym().into())}
                {text_box!("org-name-ar", false, Some(Language::Arabic), name.ar).view(org, || Language::Arabic.endonym().into())}
                {text_box!("org-name-ckb", false, Some(Language::Kurdish), name.ckb).view(org, || Language::Kurdish.endonym().into())}
            </fieldset>
            <MainLogo />
            <PartnerLogos />
            <fieldset class="organisation__group">
                <legend>{i18n.text(Msg::Footer)}</legend>
                {text_box!("org-address", true, None, footer.address).view(org, label(Msg::FooterAddress))}
                {text_box!("org-contacts", footer.contacts).view(org, label(Msg::FooterContacts))}
                {text_box!("org-registration", footer.registration).view(org, label(Msg::FooterRegistration))}
            </fieldset>
            <NewReportDefaults />
        </section>
    }
}

/// A label in the interface language.
fn label(msg: Msg) -> impl Fn() -> String + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.t(msg).to_owned()
}

/// Says why a chosen image did not become a logo, beside the control that chose it.
fn logo_problem(problem: RwSignal<Option<Msg>>) -> impl IntoView {
    let i18n = use_i18n();
    move || problem.get().map(|msg| view! { <p class="field-error" role="alert">{i18n.t(msg)}</p> })
}

/// The organisation's own logo: a preview, Choose logo, Remove logo.
#[component]
fn MainLogo() -> impl IntoView {
    let i18n = use_i18n();
    let org = expect_context::<OrgProfile>();
    let problem = RwSignal::new(None::<Msg>);
    let choose = move |files: Vec<web_sys::File>| {
        let Some(file) = files.into_iter().next() else { return };
        wasm_bindgen_futures::spawn_local(async move {
            match org.add_logo(&file).await {
                Ok(id) => {
                    problem.set(None);
                    let old = org.with_untracked(|p| p.logo.clone());
                    org.change(|p| p.logo = Some(id));
                    if let Some(old) = old {
                        org.forget_logo(old);
                    }
                }
                Err(error) => problem.set(Some(error.message())),
            }
        });
    };
    let remove = move |_| {
        if let Some(old) = org.with_untracked(|p| p.logo.clone()) {
            org.change(|p| p.logo = None);
            org.forget_logo(old);
        }
    };
    let name = move || org.with(|p| p.name.in_language(i18n.language()).to_owned());
    view! {
        <fieldset class="organisation__group">
            <legend>{i18n.text(Msg::Logo)}</legend>
            {move || org.with(|p| p.logo.clone()).and_then(|id| org.logo_url(&id)).map(|src| view! {
                <img class="organisation__logo" src=src alt=name />
            })}
            <div class="draft__actions">
                <ChooseFiles label=Msg::ChooseLogo accept="image/*" on_chosen=choose />
                <Show when=move || org.with(|p| p.logo.is_some())>
                    {button("button", Msg::RemoveLogo, remove)}
                </Show>
            </div>
            {logo_problem(problem)}
        </fieldset>
    }
}

/// Partner and donor logos, each with its caption and Remove; "Add a partner or donor logo".
#[component]
fn PartnerLogos() -> impl IntoView {
    let i18n = use_i18n();
    let org = expect_context::<OrgProfile>();
    let problem = RwSignal::new(None::<Msg>);
    let add = move |files: Vec<web_sys::File>| {
        wasm_bindgen_futures::spawn_local(async move {
            for file in files {
                match org.add_logo(&file).await {
                    Ok(id) => {
                        problem.set(None);
                        org.change(|p| p.partner_logos.push(PartnerLogo { logo: id, caption: String::new() }));
                    }
                    Err(error) => problem.set(Some(error.message())),
                }
            }
        });
    };
    let count = move || org.with(|p| p.partner_logos.len());
    view! {
        <fieldset class="organisation__group">
            <legend>{i18n.text(Msg::PartnerLogos)}</legend>
            <For each=move || 0..count() key=|n| *n let:n>
                <PartnerLogoRow n />
            </For>
            <div class="draft__actions">
                <ChooseFiles label=Msg::AddPartnerLogo accept="image/*" on_chosen=add />
            </div>
            {logo_problem(problem)}
        </fieldset>
    }
}

/// Partner logo `n`: its preview, caption and Remove.
#[component]
fn PartnerLogoRow(n: usize) -> impl IntoView {
    let i18n = use_i18n();
    let org = expect_context::<OrgProfile>();
    let partner = move || org.with(|p| p.partner_logos.get(n).cloned()).unwrap_or_default();
    let caption_id = format!("partner-caption-{n}");
    let legend = move || i18n.format(Msg::PartnerLogoN, &[("n", &(n + 1).to_string())]);
    let remove = move |_| {
        let removed = org.with_untracked(|p| p.partner_logos.get(n).map(|p| p.logo.clone()));
        if let Some(id) = removed {
            org.change(|p| {
                p.partner_logos.remove(n);
            });
            org.forget_logo(id);
        }
    };
    view! {
        <fieldset class="photo organisation__partner">
            <legend>{legend}</legend>
            {move || org.logo_url(&partner().logo).map(|src| view! {
                <img class="organisation__logo" src=src alt=move || partner().caption />
            })}
            <div class="field">
                <label for=caption_id.clone()>{i18n.text(Msg::LogoCaption)}</label>
                <input id=caption_id type="text" dir="auto" prop:value=move || partner().caption
                    on:input:target=move |ev| {
                        let value = ev.target().value();
                        org.change(|p| {
                            if let Some(partner) = p.partner_logos.get_mut(n) {
                                partner.caption = value;
                            }
                        });
                    } />
            </div>
            {button("button", Msg::Remove, remove)}
        </fieldset>
    }
}

/// What a new report starts with.
#[component]
fn NewReportDefaults() -> impl IntoView {
    let i18n = use_i18n();
    let org = expect_context::<OrgProfile>();
    let language = move || org.with(|p| p.defaults.language.map_or("", Language::code));
    let digits = move || org.with(|p| p.defaults.digits.map_or("", Digits::code));
    view! {
        <fieldset class="organisation__group">
            <legend>{i18n.text(Msg::ReportDefaults)}</legend>
            <div class="field">
                <label for="default-language">{i18n.text(Msg::ReportLanguage)}</label>
                <select id="default-language" prop:value=language on:change:target=move |ev| {
                    let chosen = Language::from_code(&ev.target().value());
                    org.change(|p| p.defaults.language = chosen);
                }>
                    <option value="" selected=move || language().is_empty()>{move || i18n.t(Msg::FollowInterfaceLanguage)}</option>
                    {Language::ALL.map(|l| view! {
                        <option value=l.code() lang=l.code() selected=move || language() == l.code()>{l.endonym()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="default-digits">{i18n.text(Msg::Digits)}</label>
                <select id="default-digits" prop:value=digits on:change:target=move |ev| {
                    let chosen = Digits::from_code(&ev.target().value());
                    org.change(|p| p.defaults.digits = chosen);
                }>
                    <option value="" selected=move || digits().is_empty()>{move || i18n.t(Msg::UsualDigits)}</option>
                    <option value="western" selected=move || digits() == "western">{move || i18n.t(Msg::DigitsWestern)}</option>
                    <option value="arabic_indic" selected=move || digits() == "arabic_indic">{move || i18n.t(Msg::DigitsArabicIndic)}</option>
                </select>
            </div>
            {text_box!("default-organisation", defaults.organisation).view(org, label(Msg::OrganizingOrganization))}
            {text_box!("default-partners", defaults.partners).view(org, label(Msg::PartnerOrganizations))}
            {text_box!("default-donor", defaults.donor).view(org, label(Msg::Donor))}
            {text_box!("default-project", defaults.project).view(org, label(Msg::ProjectName))}
            {text_box!("default-programme", defaults.programme).view(org, label(Msg::Programme))}
            {text_box!("default-governorate", defaults.governorate).view(org, label(Msg::Governorate))}
            {text_box!("default-country", defaults.country).view(org, label(Msg::Country))}
        </fieldset>
    }
}
