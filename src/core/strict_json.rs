//! Reading JSON by the document format's rules (`docs/json-format.md`), so that every refusal can
//! say in words where the problem is:
//!
//! - [`check_structure`] looks at the text before any parser does: nesting deeper than
//!   [`MAX_DEPTH`], a character escape that is half of a surrogate pair, and a key that appears
//!   twice in one object are refused, at every level and in every part of the file alike;
//! - [`from_str`] deserializes through an adapter that reads a struct only from a JSON object
//!   (serde would also take a list of its fields in order) and records the path of the value that
//!   failed and what kind of value was expected there.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::cell::RefCell;
use std::collections::HashSet;

/// The deepest nesting of lists and objects a file may have, its outer braces counting as one.
/// Far below the parser's own limit (128), so that limit is never what refuses a file.
pub const MAX_DEPTH: usize = 64;

/// The name [`crate::core::report::WholeNumber`] gives itself when read, so a refusal can say
/// that a whole number was expected.
pub const WHOLE_NUMBER: &str = "WholeNumber";

/// One step from the top of a document to a value: an object's field or a list's item (from 0).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Field(String),
    Item(usize),
}

/// The kinds of JSON value, as the messages name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonKind {
    Text,
    Number,
    WholeNumber,
    List,
    Group,
    TrueFalse,
    Nothing,
    /// One of a fixed set of codes, such as an activity type.
    Choice,
}

impl JsonKind {
    pub fn of(value: &serde_json::Value) -> JsonKind {
        match value {
            serde_json::Value::Null => JsonKind::Nothing,
            serde_json::Value::Bool(_) => JsonKind::TrueFalse,
            serde_json::Value::Number(_) => JsonKind::Number,
            serde_json::Value::String(_) => JsonKind::Text,
            serde_json::Value::Array(_) => JsonKind::List,
            serde_json::Value::Object(_) => JsonKind::Group,
        }
    }
}

/// What [`check_structure`] refuses. Offsets are in bytes from the start of the text.
#[derive(Debug, PartialEq, Eq)]
pub enum Breach {
    TooDeep { at: usize },
    LoneSurrogate { at: usize },
    DuplicateKey { path: Vec<Step> },
}

enum Frame {
    Object { keys: HashSet<String>, key: Option<String>, awaiting_key: bool },
    List { index: usize },
}

/// Checks what the parser does not (or checks differently in different places). Text that is not
/// JSON passes as far as it can be followed; the parser then says where it breaks.
pub fn check_structure(text: &str) -> Result<(), Breach> {
    let bytes = text.as_bytes();
    let mut frames: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let Some(end) = string_end(bytes, i)? else { return Ok(()) };
                if matches!(frames.last(), Some(Frame::Object { awaiting_key: true, .. })) {
                    let raw = &text[i..=end];
                    // Keys are compared as read, so `"b"` and `"\u0062"` are the same key.
                    let name = match raw.contains('\\') {
                        true => serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.to_owned()),
                        false => raw[1..raw.len() - 1].to_owned(),
                    };
                    let duplicate = match frames.last_mut() {
                        Some(Frame::Object { keys, key, awaiting_key }) => {
                            *awaiting_key = false;
                            *key = Some(name.clone());
                            !keys.insert(name)
                        }
                        _ => false,
                    };
                    if duplicate {
                        return Err(Breach::DuplicateKey { path: path_of(&frames) });
                    }
                }
                i = end + 1;
                continue;
            }
            b'{' => frames.push(Frame::Object { keys: HashSet::new(), key: None, awaiting_key: true }),
            b'[' => frames.push(Frame::List { index: 0 }),
            b'}' | b']' => {
                frames.pop();
            }
            b',' => match frames.last_mut() {
                Some(Frame::Object { awaiting_key, .. }) => *awaiting_key = true,
                Some(Frame::List { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        if frames.len() > MAX_DEPTH {
            return Err(Breach::TooDeep { at: i });
        }
        i += 1;
    }
    Ok(())
}

fn path_of(frames: &[Frame]) -> Vec<Step> {
    frames
        .iter()
        .filter_map(|frame| match frame {
            Frame::Object { key, .. } => key.clone().map(Step::Field),
            Frame::List { index } => Some(Step::Item(*index)),
        })
        .collect()
}

/// The offset of the quote that closes the string opening at `start`, checking that every
/// `\uD800`–`\uDBFF` escape is followed by a `\uDC00`–`\uDFFF` one and that no low half stands
/// alone. `None` when the string is not closed or an escape is not JSON.
fn string_end(bytes: &[u8], start: usize) -> Result<Option<usize>, Breach> {
    let mut high_half: Option<usize> = None;
    let mut i = start + 1;
    while i < bytes.len() {
        let code = match bytes[i] {
            b'\\' if bytes.get(i + 1) == Some(&b'u') => {
                let hex = bytes.get(i + 2..i + 6).and_then(|hex| std::str::from_utf8(hex).ok());
                match hex.filter(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit())) {
                    Some(hex) => u16::from_str_radix(hex, 16).ok(),
                    None => return Ok(None),
                }
            }
            _ => None,
        };
        match (code, high_half) {
            (Some(0xD800..=0xDBFF), None) => high_half = Some(i),
            (Some(0xDC00..=0xDFFF), Some(_)) => high_half = None,
            (Some(0xDC00..=0xDFFF), None) => return Err(Breach::LoneSurrogate { at: i }),
            (_, Some(at)) => return Err(Breach::LoneSurrogate { at }),
            (_, None) => {}
        }
        match bytes[i] {
            b'"' => return Ok(Some(i)),
            b'\\' if code.is_some() => i += 6,
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    Ok(None)
}

/// A value that could not be read: where it is, what was expected there, and the parser's error.
#[derive(Debug)]
pub struct Failure {
    pub path: Vec<Step>,
    pub expected: Option<JsonKind>,
    pub error: serde_json::Error,
}

/// Deserializes `text` by the format's rules (see the module's notes).
pub fn from_str<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, Failure> {
    let track = Track::default();
    let mut json = serde_json::Deserializer::from_str(text);
    let read = T::deserialize(Strict { inner: &mut json, track: &track }).and_then(|value| {
        json.end()?;
        Ok(value)
    });
    read.map_err(|error| {
        let (path, expected) = track.failure.take().unwrap_or_default();
        Failure { path, expected, error }
    })
}

/// The path being read, and the first (innermost) place that failed.
#[derive(Default)]
struct Track {
    path: RefCell<Vec<Step>>,
    failure: RefCell<Option<(Vec<Step>, Option<JsonKind>)>>,
}

impl Track {
    fn within<T>(&self, step: Step, read: impl FnOnce() -> T) -> T {
        self.path.borrow_mut().push(step);
        let value = read();
        self.path.borrow_mut().pop();
        value
    }

    fn note<T, E>(&self, expected: Option<JsonKind>, result: Result<T, E>) -> Result<T, E> {
        if result.is_err() {
            let mut failure = self.failure.borrow_mut();
            if failure.is_none() {
                *failure = Some((self.path.borrow().clone(), expected));
            }
        }
        result
    }
}

struct Strict<'t, D> {
    inner: D,
    track: &'t Track,
}

struct Wrap<'t, V> {
    inner: V,
    track: &'t Track,
}

macro_rules! forward {
    ($($method:ident => $kind:expr),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
                let track = self.track;
                track.note($kind, self.inner.$method(Wrap { inner: visitor, track }))
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<'_, D> {
    type Error = D::Error;

    forward! {
        deserialize_any => None,
        deserialize_bool => Some(JsonKind::TrueFalse),
        deserialize_i8 => Some(JsonKind::Number),
        deserialize_i16 => Some(JsonKind::Number),
        deserialize_i32 => Some(JsonKind::Number),
        deserialize_i64 => Some(JsonKind::Number),
        deserialize_u8 => Some(JsonKind::Number),
        deserialize_u16 => Some(JsonKind::Number),
        deserialize_u32 => Some(JsonKind::Number),
        deserialize_u64 => Some(JsonKind::Number),
        deserialize_f32 => Some(JsonKind::Number),
        deserialize_f64 => Some(JsonKind::Number),
        deserialize_char => Some(JsonKind::Text),
        deserialize_str => Some(JsonKind::Text),
        deserialize_string => Some(JsonKind::Text),
        deserialize_bytes => None,
        deserialize_byte_buf => None,
        deserialize_option => None,
        deserialize_unit => Some(JsonKind::Nothing),
        deserialize_seq => Some(JsonKind::List),
        deserialize_map => Some(JsonKind::Group),
        deserialize_identifier => Some(JsonKind::Text),
        deserialize_ignored_any => None,
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, D::Error> {
        let track = self.track;
        track.note(None, self.inner.deserialize_unit_struct(name, Wrap { inner: visitor, track }))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, D::Error> {
        let track = self.track;
        let expected = (name == WHOLE_NUMBER).then_some(JsonKind::WholeNumber);
        track.note(expected, self.inner.deserialize_newtype_struct(name, Wrap { inner: visitor, track }))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, D::Error> {
        let track = self.track;
        track.note(Some(JsonKind::List), self.inner.deserialize_tuple(len, Wrap { inner: visitor, track }))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let track = self.track;
        let read = self.inner.deserialize_tuple_struct(name, len, Wrap { inner: visitor, track });
        track.note(Some(JsonKind::List), read)
    }

    /// A struct is read only from an object: a list of its fields in order is refused like any
    /// other value of the wrong kind.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let track = self.track;
        track.note(Some(JsonKind::Group), self.inner.deserialize_map(Wrap { inner: visitor, track }))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let track = self.track;
        let read = self.inner.deserialize_enum(name, variants, Wrap { inner: visitor, track });
        track.note(Some(JsonKind::Choice), read)
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

macro_rules! pass {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(
            fn $method<E: de::Error>(self, value: $ty) -> Result<V::Value, E> {
                self.inner.$method(value)
            }
        )*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<'_, V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.inner.expecting(formatter)
    }

    pass! {
        visit_bool(bool), visit_i64(i64), visit_u64(u64), visit_i128(i128), visit_u128(u128), visit_f64(f64),
        visit_char(char), visit_str(&str), visit_borrowed_str(&'de str), visit_string(String),
        visit_bytes(&[u8]), visit_borrowed_bytes(&'de [u8]), visit_byte_buf(Vec<u8>),
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<V::Value, D::Error> {
        self.inner.visit_some(Strict { inner, track: self.track })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, inner: D) -> Result<V::Value, D::Error> {
        self.inner.visit_newtype_struct(Strict { inner, track: self.track })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, inner: A) -> Result<V::Value, A::Error> {
        self.inner.visit_seq(StrictSeq { inner, track: self.track, index: 0 })
    }

    fn visit_map<A: MapAccess<'de>>(self, inner: A) -> Result<V::Value, A::Error> {
        self.inner.visit_map(StrictMap { inner, track: self.track, key: None })
    }

    // The format's enums are plain codes (strings), with no values inside to follow.
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.inner.visit_enum(data)
    }
}

struct Seed<'t, S> {
    inner: S,
    track: &'t Track,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, inner: D) -> Result<S::Value, D::Error> {
        self.inner.deserialize(Strict { inner, track: self.track })
    }
}

struct StrictSeq<'t, A> {
    inner: A,
    track: &'t Track,
    index: usize,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for StrictSeq<'_, A> {
    type Error = A::Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>, A::Error> {
        let track = self.track;
        let index = self.index;
        self.index += 1;
        track.within(Step::Item(index), || self.inner.next_element_seed(Seed { inner: seed, track }))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

struct StrictMap<'t, A> {
    inner: A,
    track: &'t Track,
    key: Option<String>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for StrictMap<'_, A> {
    type Error = A::Error;

    // Keys are read as strings first, to know the path; JSON keys are always strings.
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        let Some(key) = self.inner.next_key::<String>()? else { return Ok(None) };
        let value = seed.deserialize(de::value::StringDeserializer::<A::Error>::new(key.clone()))?;
        self.key = Some(key);
        Ok(Some(value))
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        let track = self.track;
        let step = Step::Field(self.key.take().unwrap_or_default());
        track.within(step, || self.inner.next_value_seed(Seed { inner: seed, track }))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_outside_strings_only() {
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(check_structure(&deep), Err(Breach::TooDeep { at: MAX_DEPTH }));
        let quoted = format!(r#"{{"a":"{}"}}"#, "[".repeat(200));
        assert_eq!(check_structure(&quoted), Ok(()));
    }

    #[test]
    fn text_that_is_not_json_is_left_to_the_parser() {
        for text in ["", "\"open", r#"{"a":"\u12"}"#, "}}]]", r#"{"a":"\"#] {
            assert_eq!(check_structure(text), Ok(()), "{text}");
        }
    }

    #[test]
    fn escaped_quotes_and_backslashes_do_not_end_a_string() {
        assert!(check_structure(r#"{"a":"\\","a":1}"#).is_err());
        assert_eq!(check_structure(r#"{"a":"\"","b":"\\\""}"#), Ok(()));
    }
}
