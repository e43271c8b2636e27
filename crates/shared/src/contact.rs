//! Validated contact details: `PhoneNumber` (E.164, from `phone`), `EmailAddress`,
//! `UkPostcode` and `ClockTime` (a time of day for safe-time windows).

use serde::{Deserialize, Serialize};

use crate::ParseError;

pub use crate::phone::{PhoneCountry, PhoneNumber};

macro_rules! string_newtype {
    ($name:ident) => {
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl TryFrom<String> for $name {
            type Error = ParseError;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(&value)
            }
        }
        impl From<$name> for String {
            fn from(value: $name) -> Self {
                value.0
            }
        }
    };
}

/// An email address: one `@`, something before it, a domain with a dot after it, no spaces.
/// Deliberately loose (GOV.UK advice): the real check is whether mail arrives.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EmailAddress(String);
string_newtype!(EmailAddress);

impl EmailAddress {
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        const FORMAT: &str = "email_format";
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(ParseError("email_enter"));
        }
        if trimmed.len() > 254 {
            return Err(ParseError("email_too_long"));
        }
        let Some((local, domain)) = trimmed.rsplit_once('@') else {
            return Err(ParseError(FORMAT));
        };
        let domain_ok = domain.contains('.')
            && domain.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.contains('@')
            && !local.chars().any(|c| c.is_whitespace() || c.is_control());
        if !(domain_ok && local_ok) {
            return Err(ParseError(FORMAT));
        }
        Ok(Self(format!("{local}@{}", domain.to_lowercase())))
    }
}

/// A UK postcode, upper case with one space before the inward code ("SW1A 1AA").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct UkPostcode(String);
string_newtype!(UkPostcode);

impl UkPostcode {
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        const FORMAT: &str = "postcode_format";
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if compact.is_empty() {
            return Err(ParseError("postcode_enter"));
        }
        if !(5..=7).contains(&compact.len()) || !compact.is_ascii() {
            return Err(ParseError(FORMAT));
        }
        let (outward, inward) = compact.split_at(compact.len() - 3);
        let inward_ok = {
            let b = inward.as_bytes();
            b[0].is_ascii_digit() && b[1].is_ascii_alphabetic() && b[2].is_ascii_alphabetic()
        };
        // Outward code shapes: A9, A99, AA9, AA99, A9A, AA9A.
        let shape: String = outward
            .bytes()
            .map(|b| {
                if b.is_ascii_digit() {
                    '9'
                } else if b.is_ascii_alphabetic() {
                    'A'
                } else {
                    '?'
                }
            })
            .collect();
        let outward_ok = matches!(
            shape.as_str(),
            "A9" | "A99" | "AA9" | "AA99" | "A9A" | "AA9A"
        );
        if !(inward_ok && outward_ok) {
            return Err(ParseError(FORMAT));
        }
        Ok(Self(format!("{outward} {inward}")))
    }
}

/// A time of day in minutes after midnight, written `HH:MM` (24-hour) on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClockTime(u16);

impl ClockTime {
    pub fn from_minutes(minutes: u16) -> Option<Self> {
        (minutes < 24 * 60).then_some(Self(minutes))
    }

    pub fn parse(input: &str) -> Result<Self, ParseError> {
        const FORMAT: &str = "time_format";
        let (hours, minutes) = input.trim().split_once(':').ok_or(ParseError(FORMAT))?;
        let number = |part: &str, max: u16| -> Result<u16, ParseError> {
            if part.is_empty() || part.len() > 2 || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ParseError(FORMAT));
            }
            let value: u16 = part.parse().map_err(|_| ParseError(FORMAT))?;
            (value <= max).then_some(value).ok_or(ParseError(FORMAT))
        };
        if minutes.len() != 2 {
            return Err(ParseError(FORMAT));
        }
        Ok(Self(number(hours, 23)? * 60 + number(minutes, 59)?))
    }

    pub fn minutes(self) -> u16 {
        self.0
    }

    /// Plain words for people: "9am", "12:30pm", "midnight", "midday".
    pub fn spoken(self) -> String {
        let (hours, minutes) = (self.0 / 60, self.0 % 60);
        match (hours, minutes) {
            (0, 0) => "midnight".into(),
            (12, 0) => "midday".into(),
            _ => {
                let suffix = if hours < 12 { "am" } else { "pm" };
                let hour12 = match hours % 12 {
                    0 => 12,
                    h => h,
                };
                if minutes == 0 {
                    format!("{hour12}{suffix}")
                } else {
                    format!("{hour12}:{minutes:02}{suffix}")
                }
            }
        }
    }
}

impl std::fmt::Display for ClockTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl TryFrom<String> for ClockTime {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<ClockTime> for String {
    fn from(value: ClockTime) -> Self {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_addresses() {
        assert_eq!(
            EmailAddress::parse(" Sam.O'Neil+x@Example.ORG ")
                .unwrap()
                .as_str(),
            "Sam.O'Neil+x@example.org"
        );
        assert_eq!(EmailAddress::parse("").unwrap_err().key(), "email_enter");
        for input in [
            "sam",
            "sam@",
            "@example.org",
            "sam@example",
            "sam smith@example.org",
            "sam@exa mple.org",
            "sam@-example.org",
            "sam@example..org",
        ] {
            assert!(EmailAddress::parse(input).is_err(), "{input}");
        }
        let long_local = format!("{}@example.org", "a".repeat(65));
        assert!(EmailAddress::parse(&long_local).is_err());
        let too_long = format!("a@{}.org", "b".repeat(260));
        assert_eq!(
            EmailAddress::parse(&too_long).unwrap_err().key(),
            "email_too_long"
        );
    }

    #[test]
    fn postcodes_in_every_shape() {
        for (input, expected) in [
            ("sw1a1aa", "SW1A 1AA"),
            ("M1 1AE", "M1 1AE"),
            ("b33 8th", "B33 8TH"),
            ("CR2 6XH", "CR2 6XH"),
            ("DN55 1PT", "DN55 1PT"),
            ("W1A 0AX", "W1A 0AX"),
            ("cf10 1aa", "CF10 1AA"),
        ] {
            assert_eq!(UkPostcode::parse(input).unwrap().as_str(), expected);
        }
    }

    #[test]
    fn bad_postcodes_are_refused() {
        assert_eq!(UkPostcode::parse("  ").unwrap_err().key(), "postcode_enter");
        for input in [
            "SW1A",
            "12345",
            "SW1A 1A1",
            "SWAA 1AA",
            "S 1AA",
            "SW1A1AAA",
            "ŚW1A 1AA",
        ] {
            assert!(UkPostcode::parse(input).is_err(), "{input}");
        }
    }

    #[test]
    fn clock_times() {
        assert_eq!(ClockTime::parse("09:00").unwrap().minutes(), 540);
        assert_eq!(ClockTime::parse("9:30").unwrap().to_string(), "09:30");
        assert_eq!(ClockTime::parse("23:59").unwrap().minutes(), 1439);
        for input in [
            "24:00", "12:60", "12", "12:5", "ab:cd", "", "-1:00", "12:000",
        ] {
            assert!(ClockTime::parse(input).is_err(), "{input}");
        }
    }

    #[test]
    fn clock_times_in_words() {
        let spoken = |t: &str| ClockTime::parse(t).unwrap().spoken();
        assert_eq!(spoken("09:00"), "9am");
        assert_eq!(spoken("12:00"), "midday");
        assert_eq!(spoken("00:00"), "midnight");
        assert_eq!(spoken("17:30"), "5:30pm");
        assert_eq!(spoken("00:15"), "12:15am");
    }
}
