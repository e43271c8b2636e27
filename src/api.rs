//! Calls to the Safe Updates API (same origin, cookie session).
//!
//! Every call returns `Result<T, ApiError>`. What a victim reads about a failure comes from
//! [`ApiError::plain_words`] (or a page's own sentence), never from `Display`: that is for
//! developers and must not reach the screen.

use std::collections::BTreeMap;
use std::fmt;

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use shared::api::callbacks::{CallbackView, CallbacksView, NewCallbackRequest};
use shared::api::content::{RightsContent, SupportDirectory};
use shared::api::preferences::{ContactPreferences, PreferencesHistory, PreferencesView};
use shared::api::{
    CaseView, ClientConfig, ErrorBody, SessionView, StartSignInRequest, StartSignInResponse,
    VerifySignInRequest,
};
use shared::{CrimeReference, SignInCode};
use web_sys::RequestCache;

use crate::i18n::*;

/// Why an API call did not give us what we asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// 422: the server did not accept what was typed. Messages by request field name (e.g.
    /// `crime_reference`), already written for the person who typed it.
    Validation(BTreeMap<String, Vec<String>>),
    /// 401: not signed in, or the session ended (30 minutes idle or signed out).
    Unauthorized,
    /// 404: no such thing.
    NotFound,
    /// 409: the request clashes with the current state (e.g. already 3 open callback
    /// requests). The server's message is a plain sentence safe to show.
    Conflict(String),
    /// 429: too many attempts in a short time.
    TooManyRequests,
    /// A 5xx, another unexpected status, or a reply we could not read. `request_id` lets
    /// support find the logged cause; it is kept for logs, not shown.
    Server { request_id: Option<String> },
    /// The request never got an answer: offline, poor signal, server down.
    Network,
}

impl ApiError {
    /// The failure in plain words for a victim, in the current language. Pages with a more
    /// specific sentence (such as "we could not load your case") use their own and keep
    /// this as the general case.
    pub fn plain_words(&self, i18n: I18n) -> &'static str {
        match self {
            Self::Validation(_) => t_string!(i18n, common.api_validation),
            Self::Unauthorized => t_string!(i18n, common.api_unauthorized),
            Self::NotFound => t_string!(i18n, common.api_not_found),
            Self::Conflict(_) => t_string!(i18n, common.api_conflict),
            Self::TooManyRequests => t_string!(i18n, common.api_too_many),
            Self::Server { .. } => t_string!(i18n, common.api_server),
            Self::Network => t_string!(i18n, common.api_network),
        }
    }
}

/// For developers and logs only (never shown to a victim). Carries no personal data.
impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Validation(errors) => write!(f, "422 on fields {:?}", errors.keys()),
            Self::Unauthorized => f.write_str("401 unauthorized"),
            Self::NotFound => f.write_str("404 not found"),
            Self::Conflict(_) => f.write_str("409 conflict"),
            Self::TooManyRequests => f.write_str("429 too many requests"),
            Self::Server { request_id } => write!(f, "server error (request id {request_id:?})"),
            Self::Network => f.write_str("network error"),
        }
    }
}

impl std::error::Error for ApiError {}

/// `POST /api/sign-in/start`: ask for a code. The reply is the same whether or not the
/// reference exists.
pub async fn start_sign_in(reference: &CrimeReference) -> Result<StartSignInResponse, ApiError> {
    let body = StartSignInRequest {
        crime_reference: reference.to_string(),
    };
    json(send(Request::post("/api/sign-in/start").json(&body)).await?).await
}

/// `POST /api/sign-in/verify`: swap the code for a session cookie.
pub async fn verify_sign_in(
    reference: &CrimeReference,
    code: &SignInCode,
) -> Result<SessionView, ApiError> {
    let body = VerifySignInRequest {
        crime_reference: reference.to_string(),
        code: code.as_str().to_owned(),
    };
    json(send(Request::post("/api/sign-in/verify").json(&body)).await?).await
}

/// `GET /api/session`: who is signed in, or `Unauthorized`.
pub async fn get_session() -> Result<SessionView, ApiError> {
    json(send(fresh_get("/api/session").build()).await?).await
}

/// `GET /api/config`: the app's settings, such as where "Exit this page" goes.
pub async fn get_config() -> Result<ClientConfig, ApiError> {
    json(send(fresh_get("/api/config").build()).await?).await
}

/// `POST /api/sign-out`: end the session (204).
pub async fn sign_out() -> Result<(), ApiError> {
    send(Request::post("/api/sign-out").build()).await.map(drop)
}

/// `GET /api/cases/{crime_reference}`. References contain slashes, so the path segment is
/// percent-encoded.
pub async fn get_case(crime_reference: &str) -> Result<CaseView, ApiError> {
    let url = format!("/api/cases/{}", encode_path_segment(crime_reference));
    json(send(fresh_get(&url).build()).await?).await
}

/// `/api/cases/{ref}/…`, with the reference percent-encoded as one segment.
fn case_url(crime_reference: &str, rest: &str) -> String {
    format!("/api/cases/{}/{rest}", encode_path_segment(crime_reference))
}

/// `GET /api/cases/{ref}/preferences`.
pub async fn get_preferences(crime_reference: &str) -> Result<PreferencesView, ApiError> {
    json(send(fresh_get(&case_url(crime_reference, "preferences")).build()).await?).await
}

/// `PUT /api/cases/{ref}/preferences`: save a new version (422 with field errors).
pub async fn put_preferences(
    crime_reference: &str,
    preferences: &ContactPreferences,
) -> Result<PreferencesView, ApiError> {
    let url = case_url(crime_reference, "preferences");
    json(send(Request::put(&url).json(preferences)).await?).await
}

/// `GET /api/cases/{ref}/preferences/history`: every version, newest first.
pub async fn get_preferences_history(
    crime_reference: &str,
) -> Result<PreferencesHistory, ApiError> {
    let url = case_url(crime_reference, "preferences/history");
    json(send(fresh_get(&url).build()).await?).await
}

/// `GET /api/cases/{ref}/callbacks`.
pub async fn get_callbacks(crime_reference: &str) -> Result<CallbacksView, ApiError> {
    json(send(fresh_get(&case_url(crime_reference, "callbacks")).build()).await?).await
}

/// `POST /api/cases/{ref}/callbacks` (201; 409 `Conflict` when 3 are open).
pub async fn request_callback(
    crime_reference: &str,
    request: &NewCallbackRequest,
) -> Result<CallbackView, ApiError> {
    let url = case_url(crime_reference, "callbacks");
    json(send(Request::post(&url).json(request)).await?).await
}

/// `POST /api/cases/{ref}/callbacks/{id}/cancel` (409 if already cancelled).
pub async fn cancel_callback(crime_reference: &str, id: &str) -> Result<CallbackView, ApiError> {
    let url = case_url(
        crime_reference,
        &format!("callbacks/{}/cancel", encode_path_segment(id)),
    );
    json(send(Request::post(&url).build()).await?).await
}

/// `/content/rights.<lang>.json`: the Victims' Code rights in `language` (static data,
/// cacheable). Pages pass the language they are built in: they are rebuilt when it changes.
pub async fn get_rights(language: Locale) -> Result<RightsContent, ApiError> {
    let url = format!("/content/rights.{}.json", language.as_str());
    json(send(Request::get(&url).build()).await?).await
}

/// `/content/support.<lang>.json`: the support directory in `language` (static data,
/// cacheable).
pub async fn get_support(language: Locale) -> Result<SupportDirectory, ApiError> {
    let url = format!("/content/support.{}.json", language.as_str());
    json(send(Request::get(&url).build()).await?).await
}

/// A GET that neither reads from nor writes to the browser's HTTP cache: case details must
/// not be left on a shared device.
fn fresh_get(url: &str) -> RequestBuilder {
    Request::get(url).cache(RequestCache::NoStore)
}

/// Sends the request, asking for the server's messages in the current language (English
/// or Welsh); any status other than 2xx becomes the matching `ApiError`.
async fn send(request: Result<Request, gloo_net::Error>) -> Result<Response, ApiError> {
    let request = request.map_err(|_| ApiError::Network)?;
    request.headers().set("Accept-Language", api_language_tag());
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    if response.ok() {
        return Ok(response);
    }
    let body = response.json::<ErrorBody>().await.ok();
    Err(match response.status() {
        401 => ApiError::Unauthorized,
        404 => ApiError::NotFound,
        429 => ApiError::TooManyRequests,
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

async fn json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
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
