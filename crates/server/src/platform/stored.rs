//! How values are stored as text, one way for the whole server: an enum is stored as its
//! serde name (the snake_case name the API uses too), so the database, the JSON and the
//! code never disagree about a spelling; a moment is shown as RFC 3339 in UTC.

use anyhow::Context as _;
use serde::de::value::{Error as ValueError, StrDeserializer};
use serde::de::{DeserializeOwned, IntoDeserializer};
use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// The stored (serde) name of a unit enum variant, e.g. `ContactMethod::TextMessage` →
/// `"text_message"`.
pub fn enum_text<T: Serialize>(value: &T) -> anyhow::Result<String> {
    match serde_json::to_value(value)? {
        serde_json::Value::String(name) => Ok(name),
        other => anyhow::bail!("not a unit enum variant: {other}"),
    }
}

/// The enum variant stored as `stored`; an error (a 500 where a request reads it) for a
/// name the code does not know, rather than a guess.
pub fn enum_from_text<T: DeserializeOwned>(stored: &str) -> anyhow::Result<T> {
    let deserializer: StrDeserializer<'_, ValueError> = stored.into_deserializer();
    T::deserialize(deserializer).with_context(|| format!("unknown stored value {stored:?}"))
}

/// A Unix time as RFC 3339 in UTC, e.g. `2026-11-30T19:05:37Z`.
pub fn rfc3339(unix: i64) -> anyhow::Result<String> {
    Ok(OffsetDateTime::from_unix_timestamp(unix)?.format(&Rfc3339)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::api::preferences::ContactMethod;

    #[test]
    fn an_enum_is_stored_by_its_serde_name_and_read_back() {
        let stored = enum_text(&ContactMethod::TextMessage).unwrap();
        assert_eq!(stored, "text_message");
        let read: ContactMethod = enum_from_text(&stored).unwrap();
        assert_eq!(read, ContactMethod::TextMessage);
    }

    #[test]
    fn an_unknown_stored_name_is_an_error_not_a_guess() {
        assert!(enum_from_text::<ContactMethod>("text").is_err());
    }

    #[test]
    fn moments_are_rfc3339_in_utc() {
        assert_eq!(rfc3339(0).unwrap(), "1970-01-01T00:00:00Z");
    }
}
