//! `SignInCode`: the 6-digit one-time code sent to a victim to sign in.

use serde::{Deserialize, Serialize};

use crate::ParseError;

/// Six ASCII digits. Spaces and hyphens are ignored so "123 456" or "123-456" pasted from
/// a message still work.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SignInCode(String);

impl SignInCode {
    pub const LEN: usize = 6;

    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let digits: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if digits.is_empty() {
            return Err(ParseError("sign_in_code_enter"));
        }
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(ParseError("sign_in_code_digits"));
        }
        if digits.len() != Self::LEN {
            return Err(ParseError("sign_in_code_length"));
        }
        Ok(Self(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Never print a code, even in debug output: it is a credential.
impl std::fmt::Debug for SignInCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SignInCode(******)")
    }
}

impl TryFrom<String> for SignInCode {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<SignInCode> for String {
    fn from(value: SignInCode) -> Self {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_six_digits() {
        assert_eq!(SignInCode::parse("012345").unwrap().as_str(), "012345");
    }

    #[test]
    fn ignores_spaces_and_hyphens_from_pasting() {
        assert_eq!(SignInCode::parse(" 123 456 ").unwrap().as_str(), "123456");
        assert_eq!(SignInCode::parse("123-456").unwrap().as_str(), "123456");
    }

    #[test]
    fn empty_asks_for_the_code() {
        assert_eq!(
            SignInCode::parse("  ").unwrap_err().key(),
            "sign_in_code_enter"
        );
    }

    #[test]
    fn rejects_letters_and_other_digits() {
        assert_eq!(
            SignInCode::parse("12345a").unwrap_err().key(),
            "sign_in_code_digits"
        );
        // Non-ASCII digits (Arabic-Indic) are not accepted as code digits.
        assert!(SignInCode::parse("١٢٣٤٥٦").is_err());
    }

    #[test]
    fn rejects_wrong_length() {
        assert_eq!(
            SignInCode::parse("12345").unwrap_err().key(),
            "sign_in_code_length"
        );
        assert_eq!(
            SignInCode::parse("1234567").unwrap_err().key(),
            "sign_in_code_length"
        );
    }

    #[test]
    fn debug_output_hides_the_code() {
        let code = SignInCode::parse("123456").unwrap();
        assert!(!format!("{code:?}").contains("123456"));
    }
}
