//! Crime references for seeded cases, `CR/nnnnnn/yy`, numbered 1, 2, 3…: serials 000001 to
//! 999999 within a year part, starting at `/25` and going back a year every 999,999
//! cases, so 26 million fit. The demo cases (`CR/10000n/25`) follow the same pattern, so
//! a seed after them carries on from CR/100006/25.

/// The two-digit year of the first 999,999 references.
pub const FIRST_YEAR: u64 = 25;
const SERIALS_PER_YEAR: u64 = 999_999;

/// The highest number a reference can have (year part `/00`).
pub const LAST_NUMBER: u64 = (FIRST_YEAR + 1) * SERIALS_PER_YEAR;

/// The reference numbered `number` (1 to `LAST_NUMBER`).
pub fn reference(number: u64) -> Option<String> {
    if !(1..=LAST_NUMBER).contains(&number) {
        return None;
    }
    let (year, serial) = year_and_serial(number);
    Some(format!("CR/{serial:06}/{year:02}"))
}

/// The calendar year (e.g. 2025) of reference `number`'s year part.
pub fn full_year(number: u64) -> i32 {
    let (year, _) = year_and_serial(number);
    2000 + i32::try_from(year).unwrap_or(0)
}

fn year_and_serial(number: u64) -> (u64, u64) {
    let index = number.saturating_sub(1);
    (
        FIRST_YEAR.saturating_sub(index / SERIALS_PER_YEAR),
        index % SERIALS_PER_YEAR + 1,
    )
}

/// The number of a reference in this pattern; `None` for any other reference.
pub fn number(reference: &str) -> Option<u64> {
    let rest = reference.strip_prefix("CR/")?;
    let (serial, year) = rest.split_once('/')?;
    let all_digits =
        |text: &str, len: usize| text.len() == len && text.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(serial, 6) || !all_digits(year, 2) {
        return None;
    }
    let (serial, year): (u64, u64) = (serial.parse().ok()?, year.parse().ok()?);
    if serial == 0 || year > FIRST_YEAR {
        return None;
    }
    Some((FIRST_YEAR - year) * SERIALS_PER_YEAR + serial)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_references_round_trip() {
        for n in [1, 2, 999_999, 1_000_000, 1_999_998, 1_999_999, LAST_NUMBER] {
            let text = reference(n).unwrap();
            assert!(shared::CrimeReference::parse(&text).is_ok(), "{text}");
            assert_eq!(number(&text), Some(n), "{text}");
        }
        assert_eq!(reference(1).unwrap(), "CR/000001/25");
        assert_eq!(reference(1_000_000).unwrap(), "CR/000001/24");
        assert_eq!(full_year(1_000_000), 2024);
        assert_eq!(reference(0), None);
        assert_eq!(reference(LAST_NUMBER + 1), None);
    }

    #[test]
    fn other_references_have_no_number() {
        for other in [
            "CR/100001/26",
            "43-123456-25",
            "CR/000000/25",
            "CR/12345/25",
            "CR/1234567/25",
        ] {
            assert_eq!(number(other), None, "{other}");
        }
        assert_eq!(number("CR/100005/25"), Some(100_005));
    }
}
