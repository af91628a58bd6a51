//! Session ordinals in English and Arabic text ("the fourth dialogue session", "الجلسة الرابعة"),
//! and the check that they agree with the session number and with each other.

use super::{problem, FieldName, Problem, ProblemKind};
use crate::core::field::{DiscussionPointField, FieldPath, ReportField, RowField};
use crate::core::i18n::Msg;
use crate::core::report::Report;

const ENGLISH_ORDINALS: [(&str, u32); 21] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("forth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("1st", 1),
    ("2nd", 2),
    ("3rd", 3),
    ("4th", 4),
    ("5th", 5),
    ("6th", 6),
    ("7th", 7),
    ("8th", 8),
];
const ENGLISH_EVENTS: [&str; 5] = ["session", "workshop", "training", "meeting", "sessions"];
const ARABIC_ORDINALS: [(&str, u32); 10] = [
    ("اولى", 1),
    ("ثانية", 2),
    ("ثالثة", 3),
    ("رابعة", 4),
    ("خامسة", 5),
    ("سادسة", 6),
    ("سابعة", 7),
    ("ثامنة", 8),
    ("تاسعة", 9),
    ("عاشرة", 10),
];
const ARABIC_ORDINALS_MASCULINE: [(&str, u32); 10] = [
    ("اول", 1),
    ("ثاني", 2),
    ("ثالث", 3),
    ("رابع", 4),
    ("خامس", 5),
    ("سادس", 6),
    ("سابع", 7),
    ("ثامن", 8),
    ("تاسع", 9),
    ("عاشر", 10),
];
const ARABIC_EVENTS: [&str; 6] = ["جلسة", "ورشة", "اجتماع", "تدريب", "دورة", "لقاء"];

/// An Arabic word without the article and with alef forms unified (الأولى → اولى).
fn arabic_stem(word: &str) -> String {
    let unified: String = word
        .chars()
        .filter(|c| !('\u{064B}'..='\u{0652}').contains(c))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' => 'ا',
            other => other,
        })
        .collect();
    let stem = unified.strip_prefix("ال").unwrap_or(&unified);
    stem.to_owned()
}

/// The session ordinals `text` uses for its event: "fourth dialogue session", "3rd workshop",
/// "الجلسة الحوارية الرابعة".
pub fn ordinals_in(text: &str) -> Vec<u32> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let mut found = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if let Some((_, n)) = ENGLISH_ORDINALS.iter().find(|(w, _)| w == word) {
            let event_follows = words.iter().skip(i + 1).take(3).any(|w| ENGLISH_EVENTS.contains(w));
            if event_follows {
                found.push(*n);
            }
            continue;
        }
        let stem = arabic_stem(word);
        let feminine = ARABIC_ORDINALS.iter().find(|(w, _)| *w == stem);
        let masculine = ARABIC_ORDINALS_MASCULINE.iter().find(|(w, _)| *w == stem);
        if let Some((_, n)) = feminine.or(masculine) {
            let event_precedes =
                words[i.saturating_sub(3)..i].iter().any(|w| ARABIC_EVENTS.contains(&arabic_stem(w).as_str()));
            if event_precedes {
                found.push(*n);
            }
        }
    }
    found
}

pub fn session_ordinals(report: &Report, out: &mut Vec<Problem>) {
    let mut texts: Vec<(&str, FieldName, FieldPath)> = vec![
        (&report.title, FieldName::Label(Msg::ReportTitle), FieldPath::Report(ReportField::Title)),
        (&report.introduction, FieldName::Label(Msg::Introduction), FieldPath::Report(ReportField::Introduction)),
        (&report.aim, FieldName::Label(Msg::Aim), FieldPath::Report(ReportField::Aim)),
        (&report.session_topic, FieldName::Label(Msg::SessionTopic), FieldPath::Report(ReportField::SessionTopic)),
    ];
    for (index, point) in report.discussion_points.iter().enumerate() {
        let name = FieldName::Row(Msg::RowDiscussionPoint, index);
        texts.push((&point.heading, name, DiscussionPointField::Heading.at(index)));
        texts.push((&point.details, name, DiscussionPointField::Details.at(index)));
    }
    texts.push((&report.conclusion, FieldName::Label(Msg::Conclusion), FieldPath::Report(ReportField::Conclusion)));
    texts.push((&report.next_steps, FieldName::Label(Msg::NextSteps), FieldPath::Report(ReportField::NextSteps)));

    let mentions: Vec<(u32, FieldName, FieldPath)> = texts
        .into_iter()
        .flat_map(|(text, name, path)| ordinals_in(text).into_iter().map(move |n| (n, name, path)))
        .collect();
    match report.session_number.value() {
        Some(number) => {
            for (ordinal, field, path) in mentions.into_iter().filter(|(n, ..)| *n != number) {
                out.push(problem(ProblemKind::SessionNumberMismatch { field, ordinal, number }, path));
            }
        }
        None => {
            let Some((first, first_field, _)) = mentions.first().cloned() else { return };
            for (ordinal, field, path) in mentions.into_iter().filter(|(n, ..)| *n != first) {
                out.push(problem(
                    ProblemKind::SessionOrdinalsDisagree { field, ordinal, other_field: first_field, other: first },
                    path,
                ));
            }
        }
    }
}
