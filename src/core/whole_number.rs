//! Counts as the person typed them: the typed text is kept, the value read from it in Western or
//! Arabic-Indic digits.

use serde::de::{self, Unexpected, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A whole number as the person typed it.
///
/// The raw text is kept so that a mistyped value ("1O", "12.5") is neither lost nor silently
/// changed: the editor shows it with a message beside the field. In JSON a whole number is written
/// as a number whatever digits it was typed in ("٢٠", "09" → `20`, `9`), a blank one as `null`, and
/// anything else as the string that was typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WholeNumber(String);

/// Why a [`WholeNumber`]'s text is not a usable count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberError {
    NotWhole,
    TooLarge,
}

impl WholeNumber {
    pub fn new(raw: impl Into<String>) -> Self {
        WholeNumber(raw.into())
    }

    pub fn from_value(value: u32) -> Self {
        WholeNumber(value.to_string())
    }

    pub fn raw(&self) -> &str {
        &self.0
    }

    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }

    /// `Ok(None)` when blank, `Ok(Some(n))` for a whole number written in Western or
    /// Arabic-Indic digits, an error otherwise.
    pub fn parse(&self) -> Result<Option<u32>, NumberError> {
        let text = self.0.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let mut value: u64 = 0;
        for ch in text.chars() {
            let digit = digit_value(ch).ok_or(NumberError::NotWhole)?;
            value = value * 10 + u64::from(digit);
            if value > u64::from(u32::MAX) {
                return Err(NumberError::TooLarge);
            }
        }
        Ok(Some(value as u32))
    }

    /// The same count as JSON writes it: a whole number in Western digits without leading zeros,
    /// blank as empty, anything else exactly as typed.
    pub fn normalised(&self) -> WholeNumber {
        match self.parse() {
            Ok(Some(n)) => WholeNumber::from_value(n),
            Ok(None) => WholeNumber::default(),
            Err(_) => self.clone(),
        }
    }

    /// The value when it is a valid whole number, `None` when blank or invalid.
    pub fn value(&self) -> Option<u32> {
        self.parse().ok().flatten()
    }
}

/// Western (0-9), Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹, used in Kurdish) digits.
fn digit_value(ch: char) -> Option<u32> {
    match ch {
        '0'..='9' => ch.to_digit(10),
        '\u{0660}'..='\u{0669}' => Some(ch as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(ch as u32 - 0x06F0),
        _ => None,
    }
}

impl Serialize for WholeNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Which digits were typed is a display matter: spreadsheets add up numbers, not texts.
        match self.parse() {
            Ok(None) => serializer.serialize_none(),
            Ok(Some(n)) => serializer.serialize_u32(n),
            Err(_) => serializer.serialize_str(&self.0),
        }
    }
}

impl<'de> Deserialize<'de> for WholeNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Named, so that a refusal can say a whole number was expected here.
        deserializer.deserialize_newtype_struct(crate::core::strict_json::WHOLE_NUMBER, WholeNumberVisitor)
    }
}

struct WholeNumberVisitor;

impl<'de> Visitor<'de> for WholeNumberVisitor {
    type Value = WholeNumber;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a whole number, its text, or null")
    }

    // Read as the raw JSON text, so a number is kept digit for digit as the file writes it, however
    // large (`99999999999999999999`, `1e3`, `12.50`): nothing is rounded or respelled.
    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<WholeNumber, D::Error> {
        let raw = Box::<serde_json::value::RawValue>::deserialize(deserializer)?;
        let text = raw.get();
        match text.as_bytes().first() {
            Some(b'"') => serde_json::from_str(text).map(WholeNumber).map_err(de::Error::custom),
            Some(b'n') => Ok(WholeNumber::default()),
            Some(b'-' | b'0'..=b'9') => Ok(WholeNumber(text.to_owned())),
            Some(b'[') => Err(de::Error::invalid_type(Unexpected::Seq, &self)),
            Some(b'{') => Err(de::Error::invalid_type(Unexpected::Map, &self)),
            _ => Err(de::Error::invalid_type(Unexpected::Bool(text == "true"), &self)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_number_accepts_western_and_arabic_digits() {
        assert_eq!(WholeNumber::new("15").parse(), Ok(Some(15)));
        assert_eq!(WholeNumber::new(" 09 ").parse(), Ok(Some(9)));
        assert_eq!(WholeNumber::new("١٥").parse(), Ok(Some(15)));
        assert_eq!(WholeNumber::new("۱۵").parse(), Ok(Some(15)));
        assert_eq!(WholeNumber::new("").parse(), Ok(None));
    }

    #[test]
    fn whole_number_rejects_what_is_not_a_whole_number() {
        for bad in ["12.5", "-3", "1O", "fifteen", "1 5", "+4"] {
            assert_eq!(WholeNumber::new(bad).parse(), Err(NumberError::NotWhole), "{bad}");
        }
        assert_eq!(WholeNumber::new("99999999999").parse(), Err(NumberError::TooLarge));
    }

    #[test]
    fn whole_numbers_are_written_as_json_numbers_whatever_digits_were_typed() {
        for (typed, json) in
            [("15", "15"), ("٢٠", "20"), ("۲۰", "20"), ("09", "9"), (" 7 ", "7"), ("", "null"), ("  ", "null")]
        {
            assert_eq!(serde_json::to_string(&WholeNumber::new(typed)).unwrap(), json, "{typed:?}");
        }
    }

    #[test]
    fn text_that_is_not_a_whole_number_is_kept_as_typed_through_json() {
        for raw in ["12.5", "abc", "1O", "-3", "99999999999"] {
            let json = serde_json::to_string(&WholeNumber::new(raw)).unwrap();
            let back: WholeNumber = serde_json::from_str(&json).unwrap();
            assert_eq!(back.raw(), raw, "through {json}");
        }
    }
}
