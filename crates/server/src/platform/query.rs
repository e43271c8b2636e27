//! `Query<T>`: axum's query-string extractor with its rejection (a repeated or unreadable
//! parameter) turned into the usual 422 shape under the field `query`, instead of axum's
//! plain-text 400. Values are read as text and parsed by the handler, so a wrong value
//! gets its own field error.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::platform::error::{AppError, FieldErrors};
use crate::platform::i18n::Message;

/// The parsed query string.
#[derive(Debug, Clone, Copy, Default)]
pub struct Query<T>(pub T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(value)| Self(value))
            .map_err(|_| {
                AppError::Validation(FieldErrors::single(
                    "query",
                    Message::server("query_unreadable"),
                ))
            })
    }
}

/// A whole number from a query parameter, within `range`; `default` when absent; `None`
/// when it is not a whole number in range.
pub fn number_in(
    value: Option<&str>,
    range: std::ops::RangeInclusive<u32>,
    default: u32,
) -> Option<u32> {
    match value.map(str::trim) {
        None => Some(default),
        Some(text) => text
            .parse::<u32>()
            .ok()
            .filter(|number| range.contains(number)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_checked_against_their_range() {
        assert_eq!(number_in(None, 1..=50, 10), Some(10));
        assert_eq!(number_in(Some(" 7 "), 1..=50, 10), Some(7));
        for bad in ["0", "51", "-1", "x", "", "1.5", "99999999999"] {
            assert_eq!(number_in(Some(bad), 1..=50, 10), None, "{bad}");
        }
    }
}
