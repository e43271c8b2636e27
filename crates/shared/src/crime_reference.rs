//! `CrimeReference`: the crime reference number a victim is given when they report a crime.

use serde::{Deserialize, Serialize};

use crate::ParseError;

/// A crime reference number, normalised to upper case without spaces.
///
/// Forces in England and Wales format references differently ("CR/012345/25",
/// "43-123456-25", "MP2500123456"), so this accepts letters, digits, `/` and `-`, 5 to 20
/// characters with at least 3 digits, rather than one force's pattern. Spaces people type
/// or paste from a letter are removed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CrimeReference(String);

impl CrimeReference {
    pub const MIN_LEN: usize = 5;
    pub const MAX_LEN: usize = 20;

    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let normalised: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if normalised.is_empty() {
            return Err(ParseError("crime_reference_enter"));
        }
        if !normalised
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '/' || c == '-')
        {
            return Err(ParseError("crime_reference_characters"));
        }
        let length = normalised.chars().count();
        if !(Self::MIN_LEN..=Self::MAX_LEN).contains(&length) {
            return Err(ParseError("crime_reference_length"));
        }
        if normalised.chars().filter(char::is_ascii_digit).count() < 3 {
            return Err(ParseError("crime_reference_as_shown"));
        }
        Ok(Self(normalised))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for CrimeReference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for CrimeReference {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<CrimeReference> for String {
    fn from(value: CrimeReference) -> Self {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_common_force_formats() {
        for input in ["CR/012345/25", "43-123456-25", "MP2500123456", "ABC123"] {
            assert_eq!(CrimeReference::parse(input).unwrap().as_str(), input);
        }
    }

    #[test]
    fn normalises_case_and_spaces() {
        let parsed = CrimeReference::parse("  cr / 012345 / 25 ").unwrap();
        assert_eq!(parsed.as_str(), "CR/012345/25");
    }

    #[test]
    fn empty_or_blank_asks_for_a_reference() {
        for input in ["", "   ", "\t\n"] {
            assert_eq!(
                CrimeReference::parse(input).unwrap_err().key(),
                "crime_reference_enter"
            );
        }
    }

    #[test]
    fn rejects_other_characters() {
        for input in ["CR_012345", "CR.012345", "CR#123456", "<script>123"] {
            assert_eq!(
                CrimeReference::parse(input).unwrap_err().key(),
                "crime_reference_characters"
            );
        }
    }

    #[test]
    fn rejects_non_ascii_letters() {
        assert!(CrimeReference::parse("ÉCR123456").is_err());
    }

    #[test]
    fn length_limits_are_inclusive() {
        assert!(CrimeReference::parse("A1234").is_ok());
        assert!(CrimeReference::parse("A123").is_err());
        assert!(CrimeReference::parse(&"1".repeat(20)).is_ok());
        assert_eq!(
            CrimeReference::parse(&"1".repeat(21)).unwrap_err().key(),
            "crime_reference_length"
        );
    }

    #[test]
    fn needs_at_least_three_digits() {
        assert!(CrimeReference::parse("ABCDE12").is_err());
        assert!(CrimeReference::parse("ABCDE123").is_ok());
    }

    #[test]
    fn deserialising_runs_parse() {
        let parsed: CrimeReference = serde_json::from_str("\"cr/012345/25\"").unwrap();
        assert_eq!(parsed.as_str(), "CR/012345/25");
        assert!(serde_json::from_str::<CrimeReference>("\"??\"").is_err());
    }
}
