//! The HTTP client both apps call the Safe Updates API with (same origin, cookie session):
//! sending, reading JSON, and turning every other answer into an [`ApiError`]. Each app
//! lists its own endpoints on top of this (`src/api.rs`, `crates/staff/src/api.rs`).
//!
//! Every call returns `Result<T, ApiError>`. What a person reads about a failure comes
//! from [`ApiError::plain_words`] (or a page's own sentence), never from `Display`: that is
//! for developers and must not reach the screen.

use std::collections::BTreeMap;
use std::fmt;

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use shared::api::ErrorBody;
use web_sys::RequestCache;

use crate::i18n::*;

/// Why an API call did not give us what we asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// 422: the server did not accept what was typed. Messages by request field name (e.g.
    /// `crime_reference`), already written for the person who typed it.
    Validation(BTreeMap<String, Vec<String>>),
    /// 401: not signed in, or the session ended (idle too long, or signed out).
    Unauthorized,
    /// 401 for a supporter whose access was removed or ran out: the app says only "This
    /// access is no longer active".
    AccessEnded,
    /// 404: no such thing.
    NotFound,
    /// 409: the request clashes with the current state (e.g. already 3 open callback
    /// requests). The server's message is a plain sentence safe to show.
    Conflict(String),
    /// 429: too many attempts. The server's message is a plain sentence saying when to try
    /// again (or whom to call), safe to show; empty if the body could not be read.
    TooManyRequests(String),
    /// A 5xx, another unexpected status, or a reply we could not read. `request_id` lets
    /// support find the logged cause; it is kept for logs, not shown.
    Server { request_id: Option<String> },
    /// The request never got an answer: offline, poor signal, server down.
    Network,
}

impl ApiError {
    /// The failure in plain words, in the current language. Pages with a more
    /// specific sentence (such as "we could not load your case") use their own and keep
    /// this as the general case.
    pub fn plain_words(&self, i18n: I18n) -> &'static str {
        match self {
            Self::Validation(_) => t_string!(i18n, ui.api_validation),
            Self::Unauthorized => t_string!(i18n, ui.api_unauthorized),
            Self::AccessEnded => t_string!(i18n, ui.api_access_ended),
            Self::NotFound => t_string!(i18n, ui.api_not_found),
            Self::Conflict(_) => t_string!(i18n, ui.api_conflict),
            Self::TooManyRequests(_) => t_string!(i18n, ui.api_too_many),
            Self::Server { .. } => t_string!(i18n, ui.api_server),
            Self::Network => t_string!(i18n, ui.api_network),
        }
    }
}

/// For developers and logs only (never shown on screen). Carries no personal data.
impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Validation(errors) => write!(f, "422 on fields {:?}", errors.keys()),
            Self::Unauthorized => f.write_str("401 unauthorized"),
            Self::AccessEnded => f.write_str("401 access ended"),
            Self::NotFound => f.write_str("404 not found"),
            Self::Conflict(_) => f.write_str("409 conflict"),
            Self::TooManyRequests(_) => f.write_str("429 too many requests"),
            Self::Server { request_id } => write!(f, "server error (request id {request_id:?})"),
            Self::Network => f.write_str("network error"),
        }
    }
}

impl std::error::Error for ApiError {}

/// A GET that neither reads from nor writes to the browser's HTTP cache: case details must
/// not be left on a shared device.
pub fn fresh_get(url: &str) -> RequestBuilder {
    Request::get(url).cache(RequestCache::NoStore)
}

/// Sends the request, asking for the server's messages in the current language (English
/// or Welsh); any status other than 2xx becomes the matching `ApiError`.
pub async fn send(request: Result<Request, gloo_net::Error>) -> Result<Response, ApiError> {
    let request = request.map_err(|_| ApiError::Network)?;
    request.headers().set("Accept-Language", api_language_tag());
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    if response.ok() {
        return Ok(response);
    }
    let body = response.json::<ErrorBody>().await.ok();
    Err(match response.status() {
        401 if body.as_ref().is_some_and(|body| body.access_ended) => ApiError::AccessEnded,
        401 => ApiError::Unauthorized,
        404 => ApiError::NotFound,
        429 => ApiError::TooManyRequests(body.map(|body| body.message).unwrap_or_default()),
        409 => ApiError::Conflict(body.map(|body| body.message).unwrap_or_default()),
        422 => match body {
            Some(body) => ApiError::Validation(body.errors),
            None => ApiError::Server { request_id: None },
        },
        _ => ApiError::Server {
            request_id: body.and_then(|body| body.request_id),
        },
    })
}

/// The body of a successful answer as `T`; a body we cannot read is a `Server` error.
pub async fn json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    response
        .json()
        .await
        .map_err(|_| ApiError::Server { request_id: None })
}

/// Percent-encodes everything except RFC 3986 unreserved characters, so `CR/012345/25`
/// travels as one path segment: `CR%2F012345%2F25`.
pub fn encode_path_segment(segment: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut encoded = String::with_capacity(segment.len() * 3);
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(byte as char);
        } else {
            encoded.push('%');
            encoded.push(HEX[usize::from(byte >> 4)] as char);
            encoded.push(HEX[usize::from(byte & 0xF)] as char);
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_become_one_path_segment() {
        assert_eq!(encode_path_segment("CR/012345/25"), "CR%2F012345%2F25");
        assert_eq!(encode_path_segment("43-123456-25"), "43-123456-25");
        assert_eq!(encode_path_segment("a b?é"), "a%20b%3F%C3%A9");
    }
}
