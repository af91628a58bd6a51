use super::*;

#[test]
fn every_language_has_every_key_and_no_stray_ones() {
    for lang in Language::ALL {
        let table = parse(source(lang));
        let missing: Vec<_> = Msg::ALL.iter().map(|m| m.key()).filter(|k| !table.contains_key(k)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
        let stray: Vec<_> = table.keys().filter(|k| !Msg::ALL.iter().any(|m| m.key() == **k)).collect();
        assert!(stray.is_empty(), "{} has unknown keys {stray:?}", lang.code());
    }
}

#[test]
fn every_line_of_a_locale_file_is_a_key_and_a_text() {
    for lang in Language::ALL {
        for line in source(lang).lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (_, value) =
                line.split_once(" = ").unwrap_or_else(|| panic!("{}: malformed line {line:?}", lang.code()));
            assert!(!value.trim().is_empty(), "{}: empty text in {line:?}", lang.code());
        }
    }
}

/// Whether `text` is written in Arabic script, as Arabic and Sorani both are.
fn in_arabic_script(text: &str) -> bool {
    text.chars().any(|c| ('\u{0621}'..='\u{06D5}').contains(&c))
}

#[test]
fn every_message_comes_back_through_text_in_its_own_language() {
    for lang in Language::ALL {
        let file = parse(source(lang));
        for &msg in Msg::ALL {
            assert_eq!(Some(&text(lang, msg)), file.get(msg.key()), "{}: {msg:?}", lang.code());
        }
    }
}

/// How many plural forms `lang` writes.
fn plural_forms(lang: Language) -> usize {
    match lang {
        Language::Arabic => 6,
        Language::English | Language::Kurdish => 2,
    }
}

#[test]
fn counted_messages_have_every_plural_form_of_each_language_and_others_none() {
    for lang in Language::ALL {
        let table = parse(source(lang));
        for msg in Msg::ALL {
            let forms = table.get(msg.key()).map_or(0, |text| text.split(" | ").count());
            let expected = if PLURALS.contains(msg) { plural_forms(lang) } else { 1 };
            assert_eq!(forms, expected, "{} {}", lang.code(), msg.key());
        }
    }
}

#[test]
fn arabic_and_kurdish_messages_are_in_arabic_script() {
    for lang in [Language::Arabic, Language::Kurdish] {
        for &msg in Msg::ALL {
            // Figures such as "18–24", and texts that only join placeholders ("{outer}, {inner}"),
            // read the same in every language.
            let words: String = text(Language::English, msg)
                .split('{')
                .map(|part| part.split_once('}').map_or(part, |(_, rest)| rest))
                .collect();
            if words.chars().any(char::is_alphabetic) {
                let shown = format(lang, msg, &[]);
                assert!(in_arabic_script(&shown), "{}: {msg:?} is {shown:?}", lang.code());
            }
        }
    }
    assert_eq!(text(Language::Arabic, Msg::ExportDetails), "تفاصيل النشاط");
    assert_eq!(text(Language::Kurdish, Msg::ExportDetails), "وردەکاریی چالاکی");
    assert_eq!(format(Language::Kurdish, Msg::RowAgendaItem, &[("n", "2")]), "بڕگەی بەرنامە 2");
}

#[test]
fn dates_are_written_in_the_reports_language_and_digits() {
    assert_eq!(long_date("2024-03-07", Language::English, Digits::Western), "7 March 2024");
    assert_eq!(long_date("2024-03-07", Language::Arabic, Digits::ArabicIndic), "٧ آذار ٢٠٢٤");
    assert_eq!(long_date("2024-11-07", Language::Kurdish, Digits::Western), "7 تشرینی دووەم 2024");
    assert_eq!(long_date("next week", Language::English, Digits::Western), "next week");
    assert_eq!(month_and_year("2024-03", Language::English), "March 2024");
    assert_eq!(month_and_year("2024-11", Language::Kurdish), "تشرینی دووەم 2024");
    assert_eq!(month_and_year("2024-13", Language::Arabic), "2024-13");
}

#[test]
fn a_count_picks_its_plural_form() {
    let restored = |lang, n| plural(lang, Msg::RestoreDone, n, &[]);
    assert_eq!(restored(Language::English, 1), "Restored 1 draft.");
    assert_eq!(restored(Language::English, 0), "Restored 0 drafts.");
    assert_eq!(restored(Language::English, 2), "Restored 2 drafts.");
    let arabic = |n| restored(Language::Arabic, n);
    assert_eq!(arabic(0), "لم تُستعد أي مسودة.");
    assert_eq!(arabic(1), "استُعيدت مسودة واحدة.");
    assert_eq!(arabic(2), "استُعيدت مسودتان.");
    assert_eq!(arabic(103), "استُعيدت 103 مسودات.");
    assert_eq!(arabic(100), "استُعيدت 100 مسودة.");
    assert_eq!(arabic(3), "استُعيدت 3 مسودات.");
    assert_eq!(arabic(11), "استُعيدت 11 مسودة.");
    assert_eq!(restored(Language::Kurdish, 1), "1 ڕەشنووس گەڕێنرایەوە.");
}

#[test]
fn every_counted_message_takes_the_cldr_form_of_0_1_2_3_11_and_100_in_each_language() {
    let found = |lang, n| plural(lang, Msg::ExportWithProblems, n, &[]);
    let counts = [0, 1, 2, 3, 11, 100];
    let english: Vec<String> = counts.iter().map(|&n| found(Language::English, n)).collect();
    assert_eq!(
        english,
        [
            "0 problems found — export anyway?",
            "1 problem found — export anyway?",
            "2 problems found — export anyway?",
            "3 problems found — export anyway?",
            "11 problems found — export anyway?",
            "100 problems found — export anyway?",
        ]
    );
    let arabic: Vec<String> = counts.iter().map(|&n| found(Language::Arabic, n)).collect();
    assert_eq!(
        arabic,
        [
            "لم يُعثر على مشكلات — هل تريد التصدير؟",
            "وُجدت مشكلة واحدة — هل تريد التصدير على أي حال؟",
            "وُجدت مشكلتان — هل تريد التصدير على أي حال؟",
            "وُجدت 3 مشكلات — هل تريد التصدير على أي حال؟",
            "وُجدت 11 مشكلةً — هل تريد التصدير على أي حال؟",
            "وُجدت 100 مشكلة — هل تريد التصدير على أي حال؟",
        ]
    );
    let kurdish: Vec<String> = counts.iter().map(|&n| found(Language::Kurdish, n)).collect();
    assert_eq!(
        kurdish,
        [
            "0 کێشە دۆزرانەوە — هەر هەناردە بکرێت؟",
            "1 کێشە دۆزرایەوە — هەر هەناردە بکرێت؟",
            "2 کێشە دۆزرانەوە — هەر هەناردە بکرێت؟",
            "3 کێشە دۆزرانەوە — هەر هەناردە بکرێت؟",
            "11 کێشە دۆزرانەوە — هەر هەناردە بکرێت؟",
            "100 کێشە دۆزرانەوە — هەر هەناردە بکرێت؟",
        ]
    );
    // The CLDR categories: Arabic 0 zero, 1 one, 2 two, 3–10 few, 11–99 many, 100–102 other
    // (and 103 few again); English and Sorani 1 one, else other.
    let forms = |lang| counts.iter().chain(&[103, 111, 1000]).map(|&n| plural_form(lang, n)).collect::<Vec<_>>();
    assert_eq!(forms(Language::Arabic), [0, 1, 2, 3, 4, 5, 3, 4, 5]);
    assert_eq!(forms(Language::English), [1, 0, 1, 1, 1, 1, 1, 1, 1]);
    assert_eq!(forms(Language::Kurdish), [1, 0, 1, 1, 1, 1, 1, 1, 1]);
    // Every counted message fills its count and leaves no placeholder, in every form.
    for lang in Language::ALL {
        for &msg in PLURALS {
            for n in counts {
                let shown = plural(lang, msg, n, &[("total", "5"), ("reason", "x")]);
                assert!(!shown.contains('{') && !shown.contains(" | "), "{} {msg:?} {n}: {shown}", lang.code());
            }
        }
    }
}

#[test]
fn lists_are_joined_and_ranges_isolated_in_the_languages_own_way() {
    assert_eq!(list_separator(Language::English), ", ");
    assert_eq!(list_separator(Language::Arabic), "، ");
    assert_eq!(list_separator(Language::Kurdish), "، ");
    assert_eq!(strong_separator(Language::Arabic), "؛ ");
    assert_eq!(isolate(Language::Arabic, "09:00 – 13:00"), "\u{2067}09:00 – 13:00\u{2069}");
    assert_eq!(isolate(Language::Kurdish, "١–٢"), "\u{2067}١–٢\u{2069}");
    assert_eq!(isolate(Language::English, "09:00 – 13:00"), "\u{2066}09:00 – 13:00\u{2069}");
}

#[test]
fn format_fills_placeholders() {
    assert_eq!(format(Language::English, Msg::RowAgendaItem, &[("n", "2")]), "Agenda item 2");
}

#[test]
fn a_value_with_braces_is_kept_as_it_is() {
    let args = [("start", "{to}"), ("end", "{x"), ("n", "1"), ("from", "09:00"), ("to", "13:00")];
    assert_eq!(
        format(Language::English, Msg::CheckAgendaOutsideHours, &args),
        "Agenda item 1 ({to}–{x) is outside the activity's hours (09:00–13:00)."
    );
}
