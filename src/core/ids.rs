//! Ids for drafts and photos: the time and a random number in base 36, unique enough for one
//! browser and short enough for storage keys.

/// `n` in base 36, with lower-case letters.
pub fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.iter().rev().map(|&digit| char::from(digit)).collect()
}

/// A draft id: `<time>-<random>`.
pub fn draft_id(time_ms: u64, random: u64) -> String {
    format!("{}-{}", base36(time_ms), base36(random))
}

/// A photo id: `p<time>-<random>`.
pub fn photo_id(time_ms: u64, random: u64) -> String {
    format!("p{}", draft_id(time_ms, random))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_in_base_36() {
        assert_eq!(base36(0), "0");
        assert_eq!(base36(35), "z");
        assert_eq!(base36(36), "10");
        assert_eq!(base36(1_679_615), "zzzz");
        assert_eq!(base36(u64::MAX), "3w5e11264sgsf");
    }

    #[test]
    fn draft_and_photo_ids_are_time_and_randomness() {
        assert_eq!(draft_id(1_764_000_000_000, 46_655), "midc1z40-zzz");
        assert_eq!(photo_id(36, 0), "p10-0");
    }
}
