//! `PhoneNumber`: a number we may call or text, in E.164, and `PhoneCountry`: the
//! countries whose numbers the service accepts. Only UK mobile and landline numbers by
//! default, so nobody signed in can make the service text or call premium-rate or
//! international numbers at its cost. The server may accept more countries (its
//! `--phone-countries` flag); the app checks with the default, which is the same.

use serde::{Deserialize, Serialize};

use crate::ParseError;

const FORMAT: &str = "phone_format";
/// A well-formed number we will not call or text (another country, premium rate…).
const COUNTRY: &str = "phone_country";

/// A country whose numbers we may call or text, with the rule for its numbers. Adding a
/// country means adding its calling code and which national numbers are ordinary lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhoneCountry {
    /// The United Kingdom (+44): geographic (01, 02), non-geographic at geographic rates
    /// (03) and mobile (07) numbers. Not 070 (personal numbers), 076 (pagers), 05, 08 or
    /// 09 (special, freephone and premium rates). The Crown Dependencies' numbers are
    /// +44 numbers too and follow the same rule.
    Gb,
}

impl PhoneCountry {
    /// What the service accepts unless configured otherwise.
    pub const DEFAULT: &'static [PhoneCountry] = &[PhoneCountry::Gb];

    /// From an ISO 3166-1 alpha-2 code, any case ("GB", "gb"); `None` for a country
    /// without a rule here.
    pub fn from_iso(code: &str) -> Option<Self> {
        match code.trim().to_ascii_uppercase().as_str() {
            "GB" | "UK" => Some(Self::Gb),
            _ => None,
        }
    }

    pub fn iso(self) -> &'static str {
        match self {
            Self::Gb => "GB",
        }
    }

    fn calling_code(self) -> &'static str {
        match self {
            Self::Gb => "44",
        }
    }

    /// True when `national` (the digits after the calling code) is a line we may use.
    fn accepts(self, national: &str) -> bool {
        match self {
            Self::Gb => {
                let digits = national.len();
                match national.as_bytes() {
                    [b'7', b'0' | b'6', ..] => false,
                    [b'7', ..] => digits == 10,
                    [b'1' | b'2' | b'3', ..] => (9..=10).contains(&digits),
                    _ => false,
                }
            }
        }
    }
}

/// A phone number in E.164 form (`+447700900123`). UK numbers may be typed the usual way
/// ("07700 900 123", "(01632) 960 001"); other countries need their `+` or `00` prefix.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// A number we may contact under the default rule (`PhoneCountry::DEFAULT`).
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        Self::parse_in(input, PhoneCountry::DEFAULT)
    }

    /// A number we may contact in one of `countries`: `phone_format` when it is not a
    /// phone number at all, `phone_country` when it is one we will not call or text.
    pub fn parse_in(input: &str, countries: &[PhoneCountry]) -> Result<Self, ParseError> {
        let number = Self::parse_any_country(input)?;
        let digits = &number.0[1..];
        let accepted = countries.iter().any(|country| {
            digits
                .strip_prefix(country.calling_code())
                .is_some_and(|national| country.accepts(national))
        });
        if accepted {
            Ok(number)
        } else {
            Err(ParseError(COUNTRY))
        }
    }

    /// Any well-formed number, whatever its country or rate: for showing numbers we hold
    /// (an officer's), never for accepting one to contact.
    pub fn parse_any_country(input: &str) -> Result<Self, ParseError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(ParseError("phone_enter"));
        }
        let mut digits = String::new();
        let mut plus = false;
        for (index, c) in trimmed.chars().enumerate() {
            match c {
                '0'..='9' => digits.push(c),
                '+' if index == 0 => plus = true,
                ' ' | '-' | '(' | ')' | '.' => {}
                _ => return Err(ParseError(FORMAT)),
            }
        }
        let international = if plus {
            digits
        } else if let Some(rest) = digits.strip_prefix("00") {
            rest.to_owned()
        } else if let Some(rest) = digits.strip_prefix('0') {
            // A UK national number: 0 and then 9 or 10 digits.
            if !(9..=10).contains(&rest.len()) {
                return Err(ParseError(FORMAT));
            }
            format!("44{rest}")
        } else {
            return Err(ParseError(FORMAT));
        };
        // E.164: a country code that does not start with 0, at most 15 digits in all.
        if international.starts_with('0') || !(8..=15).contains(&international.len()) {
            return Err(ParseError(FORMAT));
        }
        if let Some(national) = international.strip_prefix("44") {
            // Mobile numbers (07…) have 10 digits after the 0; a few others have 9.
            let lengths = if national.starts_with('7') {
                10..=10
            } else {
                9..=10
            };
            if national.starts_with('0') || !lengths.contains(&national.len()) {
                return Err(ParseError(FORMAT));
            }
        }
        Ok(Self(format!("+{international}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for UK numbers, which are shown in national form.
    pub fn is_uk(&self) -> bool {
        self.0.starts_with("+44")
    }
}

impl std::fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Deserialising accepts what `parse` accepts (the default countries).
impl TryFrom<String> for PhoneNumber {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<PhoneNumber> for String {
    fn from(value: PhoneNumber) -> Self {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uk_phone_numbers_become_e164() {
        for (input, expected) in [
            ("07700 900 982", "+447700900982"),
            ("(01632) 960 001", "+441632960001"),
            ("+44 7700 900982", "+447700900982"),
            ("0044 7700 900982", "+447700900982"),
            ("020 7946 0000", "+442079460000"),
            ("0300 123 4567", "+443001234567"),
        ] {
            assert_eq!(
                PhoneNumber::parse(input).unwrap().as_str(),
                expected,
                "{input}"
            );
        }
    }

    #[test]
    fn other_countries_and_charged_uk_numbers_are_refused_by_default() {
        for input in [
            "+33 1 23 45 67 89",
            "00353 1 234 5678",
            "+1 202 555 0100",
            "0909 879 0000",
            "0871 234 5678",
            "0800 123 456",
            "07000 123456",
            "07623 123456",
            "0560 123 4567",
        ] {
            assert_eq!(
                PhoneNumber::parse(input).unwrap_err().key(),
                COUNTRY,
                "{input}"
            );
        }
    }

    #[test]
    fn any_country_still_parses_for_display() {
        let french = PhoneNumber::parse_any_country("+33 1 23 45 67 89").unwrap();
        assert_eq!(french.as_str(), "+33123456789");
        assert!(!french.is_uk());
        assert_eq!(
            PhoneNumber::parse_any_country("0800 123 456")
                .unwrap()
                .as_str(),
            "+44800123456"
        );
    }

    #[test]
    fn bad_phone_numbers_are_refused() {
        assert_eq!(PhoneNumber::parse(" ").unwrap_err().key(), "phone_enter");
        for input in [
            "07700 90098",
            "077009009821",
            "+0 123 456 789",
            "7700 900982",
            "07700 9OO 982",
            "+44 07700 900982",
            "1+2345678",
            "+1234567890123456",
        ] {
            assert_eq!(
                PhoneNumber::parse(input).unwrap_err().key(),
                FORMAT,
                "{input}"
            );
        }
    }

    #[test]
    fn countries_come_from_iso_codes() {
        assert_eq!(PhoneCountry::from_iso(" gb "), Some(PhoneCountry::Gb));
        assert_eq!(PhoneCountry::from_iso("FR"), None);
        assert_eq!(PhoneCountry::Gb.iso(), "GB");
    }
}
