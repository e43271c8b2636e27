//! Types both the Safe Updates app (wasm) and the API server compile: validated newtypes and
//! the JSON request/response bodies of every endpoint.

pub mod api;
pub mod contact;
pub mod crime_reference;
pub mod date;
pub mod lang;
pub mod phone;
pub mod sign_in_code;
pub mod working_days;

pub use crime_reference::CrimeReference;
pub use date::{CalendarDate, DayOfWeek};
pub use lang::Lang;
pub use sign_in_code::SignInCode;

/// Why a value could not be parsed: the key of its message in `locales/{lang}/errors.json`
/// (e.g. `"phone_enter"` → "Enter a phone number"), so the app and the server can each
/// show it in the person's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseError(pub &'static str);

impl ParseError {
    /// The message's key in `errors.json`.
    pub fn key(&self) -> &'static str {
        self.0
    }
}

/// Writes the key: the words are chosen by language where the error is shown.
impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for ParseError {}

/// Every key a `parse` in this crate can return. Each must be in `errors.json` for every
/// language (checked by the test below and by `tests/locales.rs`).
pub const ALL_PARSE_ERROR_KEYS: &[&str] = &[
    "crime_reference_enter",
    "crime_reference_characters",
    "crime_reference_length",
    "crime_reference_as_shown",
    "sign_in_code_enter",
    "sign_in_code_digits",
    "sign_in_code_length",
    "phone_enter",
    "phone_format",
    "phone_country",
    "email_enter",
    "email_too_long",
    "email_format",
    "postcode_enter",
    "postcode_format",
    "time_format",
    "date_format",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parse_error_key_has_an_english_message() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../locales/en/errors.json");
        let text = std::fs::read_to_string(path).expect("locales/en/errors.json is readable");
        let messages: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&text).expect("errors.json is a JSON object");
        let missing: Vec<&str> = ALL_PARSE_ERROR_KEYS
            .iter()
            .copied()
            .filter(|key| !messages.get(*key).is_some_and(serde_json::Value::is_string))
            .collect();
        assert!(missing.is_empty(), "not in errors.json: {missing:?}");
    }
}
