//! Dates and times exactly as the browser's date and time inputs hold them. A value these do not
//! accept is one the input would show as empty, so the checks and the editor both use them to
//! tell what is stored but not shown.

/// Two to four ASCII digits as a number; `None` for anything else (signs, spaces, other digits).
fn digits(text: &str, len: usize) -> Option<u32> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
}

/// (year, month, day) of a `YYYY-MM-DD` date that exists.
pub fn parse_date(date: &str) -> Option<(u32, u32, u32)> {
    let mut parts = date.split('-');
    let year = digits(parts.next()?, 4)?;
    let month = digits(parts.next()?, 2)?;
    let day = digits(parts.next()?, 2)?;
    if parts.next().is_some() || year == 0 {
        return None;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (day >= 1 && day <= days).then_some((year, month, day))
}

/// Minutes since midnight of a 24-hour `HH:MM`, `HH:MM:SS` or `HH:MM:SS.sss` (seconds ignored).
pub fn minutes(time: &str) -> Option<u32> {
    let (hours, rest) = time.split_once(':')?;
    let (mins, seconds) = match rest.split_once(':') {
        Some((mins, seconds)) => (mins, Some(seconds)),
        None => (rest, None),
    };
    let (hours, mins) = (digits(hours, 2)?, digits(mins, 2)?);
    if let Some(seconds) = seconds {
        let (whole, fraction) = seconds.split_once('.').map_or((seconds, None), |(w, f)| (w, Some(f)));
        let fraction_ok = fraction.is_none_or(|f| (1..=3).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit()));
        if !(digits(whole, 2).is_some_and(|s| s < 60) && fraction_ok) {
            return None;
        }
    }
    (hours < 24 && mins < 60).then_some(hours * 60 + mins)
}

/// A date stored in the report that a date input would show as empty (blank values aside).
pub fn hidden_by_date_input(value: &str) -> bool {
    !value.trim().is_empty() && parse_date(value).is_none()
}

/// A time stored in the report that a time input would show as empty (blank values aside).
pub fn hidden_by_time_input(value: &str) -> bool {
    !value.trim().is_empty() && minutes(value).is_none()
}
