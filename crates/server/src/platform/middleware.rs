//! Layers and handlers that apply across features: security headers on every response,
//! `no-store` on the API, request ids the server makes itself, error bodies in the
//! request's language, and JSON answers for unknown API paths and methods.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{
    CACHE_CONTROL, CONTENT_LENGTH, CONTENT_SECURITY_POLICY, REFERRER_POLICY,
    STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use shared::Lang;

use crate::platform::error::{AppError, PendingErrorBody};
use crate::platform::i18n;

/// True for paths the API owns (`/api` and below). Everything else is the app.
pub fn is_api_path(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

/// The browser features no page of ours uses, turned off for the page and anything it
/// might embed.
const PERMISSIONS_POLICY: &str = "accelerometer=(), autoplay=(), camera=(), \
     display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), \
     midi=(), payment=(), publickey-credentials-get=(), usb=()";
/// One year. Sent on every response unless `--insecure-local-http`: browsers ignore it
/// over plain HTTP and keep to HTTPS once they have seen it over HTTPS. Without
/// `includeSubDomains`: the force's other sites under the same domain are not ours to
/// decide for.
const HSTS: &str = "max-age=31536000";

/// What `security_headers` sends that depends on the settings.
pub struct SecurityHeaders {
    /// The Content-Security-Policy for the built app (`csp::header_for_dir`).
    pub csp: HeaderValue,
    /// Strict-Transport-Security: off only for plain-HTTP local use.
    pub hsts: bool,
}

/// Adds the security headers to every response, and `Cache-Control: no-store` to API
/// responses, which carry personal data. Cross-origin isolation of the window
/// (`Cross-Origin-Opener-Policy`) keeps a page another site opened from reaching ours,
/// and `Cross-Origin-Resource-Policy` stops other sites loading our responses.
pub async fn security_headers(
    State(settings): State<Arc<SecurityHeaders>>,
    req: Request,
    next: Next,
) -> Response {
    let api = is_api_path(req.uri().path());
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if settings.hsts {
        headers.insert(STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    }
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static(PERMISSIONS_POLICY),
    );
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("same-origin"),
    );
    // A page that brings its own policy (the demo outbox) keeps it.
    if !headers.contains_key(CONTENT_SECURITY_POLICY) {
        headers.insert(CONTENT_SECURITY_POLICY, settings.csp.clone());
    }
    if api {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Removes any `x-request-id` the client sent, so the one `SetRequestIdLayer` adds (and
/// the logs and responses carry) is always made by the server.
pub async fn drop_client_request_id(mut req: Request) -> Request {
    req.headers_mut().remove("x-request-id");
    req
}

/// Writes error bodies again in the language the request asked for (`AppError` writes
/// them in English, leaving a `PendingErrorBody` on the response). Must sit inside any
/// compression layer: it replaces the body it is given.
pub async fn localize_errors(req: Request, next: Next) -> Response {
    let lang = i18n::accepted_lang(req.headers());
    let mut response = next.run(req).await;
    let Some(pending) = response.extensions_mut().remove::<PendingErrorBody>() else {
        return response;
    };
    if lang == Lang::En {
        return response;
    }
    match serde_json::to_vec(&pending.render(lang)) {
        Ok(bytes) => {
            response.headers_mut().remove(CONTENT_LENGTH);
            *response.body_mut() = Body::from(bytes);
        }
        Err(error) => tracing::error!(%error, "could not write an error body in {}", lang.tag()),
    }
    response
}

/// Any `/api/...` path no route matched.
pub async fn api_not_found() -> AppError {
    AppError::NotFound
}

/// A known path with a method it does not take.
pub async fn method_not_allowed() -> AppError {
    AppError::MethodNotAllowed
}
