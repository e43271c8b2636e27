//! Types both the Safe Updates app (wasm) and the API server compile: validated newtypes and
//! the JSON request/response bodies of every endpoint.

pub mod api;
pub mod contact;
pub mod crime_reference;
pub mod date;
pub mod sign_in_code;
pub mod working_days;

pub use crime_reference::CrimeReference;
pub use date::{CalendarDate, DayOfWeek};
pub use sign_in_code::SignInCode;

/// Why a value could not be parsed: a message written for the person who typed it, in the
/// GOV.UK error-message style ("Enter your crime reference number").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError(pub &'static str);

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for ParseError {}
