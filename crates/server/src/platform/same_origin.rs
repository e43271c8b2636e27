//! Same-origin proof for API requests that change something (POST, PUT, PATCH, DELETE), on
//! top of the `SameSite=Strict` session cookies: another site cannot make a visitor's
//! browser sign them out, send a callback request or change their preferences.
//!
//! Browsers say where a request came from in `Sec-Fetch-Site`; when it is there it
//! decides: `same-origin`, or `none` (the person did it themselves, e.g. from the address
//! bar), is accepted, anything else refused. Older browsers send only `Origin`, which must
//! then be our own. A request with neither is refused too: every browser sends one of them
//! on such requests, so only other programs lack both, and they can send `Origin`. The
//! app's "Exit this page" beacon (`navigator.sendBeacon`) is a same-origin POST and passes.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{HOST, ORIGIN};
use axum::http::{HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::platform::error::AppError;

/// Where our own pages live, for comparing with `Origin`.
#[derive(Debug, Clone, Default)]
pub struct OwnOrigin {
    /// `--public-origin` (e.g. `https://updates.example.police.uk`), without a trailing
    /// slash; `None` to compare with the request's `Host` instead.
    configured: Option<String>,
}

impl OwnOrigin {
    pub fn new(configured: Option<&str>) -> Self {
        Self {
            configured: configured.map(|origin| origin.trim_end_matches('/').to_owned()),
        }
    }

    /// Whether `origin` (an `Origin` header value) is ours. Without a configured origin
    /// only the host and port are compared with `Host`: behind a proxy that ends TLS the
    /// server cannot tell the scheme, and a different scheme on the same host and port is
    /// the same server anyway.
    fn is_ours(&self, origin: &str, host: Option<&str>) -> bool {
        if let Some(configured) = &self.configured {
            return origin.eq_ignore_ascii_case(configured);
        }
        let authority = origin
            .strip_prefix("https://")
            .or_else(|| origin.strip_prefix("http://"));
        matches!((authority, host), (Some(authority), Some(host)) if authority.eq_ignore_ascii_case(host))
    }
}

/// Whether a request may go on: any request that changes nothing, and a state-changing
/// one with proof that it came from our own pages.
pub fn is_allowed(method: &Method, headers: &HeaderMap, own: &OwnOrigin) -> bool {
    if matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    ) {
        return true;
    }
    let text = |name| headers.get(name).and_then(|value| value.to_str().ok());
    if let Some(site) = text("sec-fetch-site") {
        return site.eq_ignore_ascii_case("same-origin") || site.eq_ignore_ascii_case("none");
    }
    match text(ORIGIN.as_str()) {
        Some(origin) => own.is_ours(origin, text(HOST.as_str())),
        None => false,
    }
}

/// Paths that another service calls, never a browser: such a caller sends no `Origin`, and
/// proves itself another way. Only GOV.UK Notify's delivery receipts (`POST`, with the
/// bearer token set in Notify, compared in constant time: `delivery::notify::receipts`).
/// Matched exactly; no session cookie is read there, so a forged cross-site request to it
/// has nothing of the visitor's to use.
const MACHINE_CALLER_PATHS: [&str; 1] = ["/api/delivery/notify-receipts"];

/// Whether `path` is called by another service rather than a browser (see
/// `MACHINE_CALLER_PATHS`), and so not checked here.
pub fn is_exempt(path: &str) -> bool {
    MACHINE_CALLER_PATHS.contains(&path)
}

/// Middleware for the API: refuses a state-changing request without same-origin proof
/// with a 403 in the usual error shape.
pub async fn same_origin_writes(
    State(own): State<Arc<OwnOrigin>>,
    req: Request,
    next: Next,
) -> Response {
    if is_allowed(req.method(), req.headers(), &own) || is_exempt(req.uri().path()) {
        return next.run(req).await;
    }
    // The path is not logged: it can hold a crime reference.
    tracing::warn!(method = %req.method(), "refused a state-changing request from another site");
    AppError::CrossSite.into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.insert(*name, HeaderValue::from_static(value));
        }
        headers
    }

    fn post_allowed(pairs: &[(&'static str, &'static str)], own: &OwnOrigin) -> bool {
        is_allowed(&Method::POST, &headers(pairs), own)
    }

    #[test]
    fn reads_are_never_checked() {
        let cross = headers(&[("sec-fetch-site", "cross-site")]);
        assert!(is_allowed(&Method::GET, &cross, &OwnOrigin::default()));
        assert!(is_allowed(
            &Method::HEAD,
            &HeaderMap::new(),
            &OwnOrigin::default()
        ));
    }

    #[test]
    fn sec_fetch_site_decides_when_present() {
        let own = OwnOrigin::default();
        assert!(post_allowed(&[("sec-fetch-site", "same-origin")], &own));
        assert!(post_allowed(&[("sec-fetch-site", "none")], &own));
        for site in ["same-site", "cross-site", "nonsense"] {
            let pairs = [
                ("sec-fetch-site", site),
                ("origin", "http://a.test"),
                ("host", "a.test"),
            ];
            assert!(!post_allowed(&pairs, &own), "{site}");
        }
    }

    #[test]
    fn without_sec_fetch_site_the_origin_must_be_ours() {
        let own = OwnOrigin::default();
        for method in [Method::POST, Method::PUT, Method::PATCH, Method::DELETE] {
            let ours = headers(&[
                ("origin", "http://127.0.0.1:8080"),
                ("host", "127.0.0.1:8080"),
            ]);
            assert!(is_allowed(&method, &ours, &own));
            let theirs = headers(&[
                ("origin", "https://evil.example"),
                ("host", "127.0.0.1:8080"),
            ]);
            assert!(!is_allowed(&method, &theirs, &own));
        }
        assert!(post_allowed(
            &[
                ("origin", "https://Updates.Example"),
                ("host", "updates.example")
            ],
            &own
        ));
        assert!(!post_allowed(
            &[("origin", "null"), ("host", "a.test")],
            &own
        ));
        assert!(!post_allowed(
            &[("origin", "http://a.test:81"), ("host", "a.test")],
            &own
        ));
        assert!(!post_allowed(&[("origin", "http://a.test")], &own));
        assert!(!post_allowed(&[("host", "a.test")], &own));
        assert!(!post_allowed(&[], &own));
    }

    #[test]
    fn a_configured_origin_replaces_the_host() {
        let own = OwnOrigin::new(Some("https://updates.example/"));
        assert!(post_allowed(
            &[
                ("origin", "https://updates.example"),
                ("host", "10.0.0.5:8080")
            ],
            &own
        ));
        assert!(!post_allowed(
            &[
                ("origin", "http://updates.example"),
                ("host", "updates.example")
            ],
            &own
        ));
        assert!(!post_allowed(
            &[
                ("origin", "http://10.0.0.5:8080"),
                ("host", "10.0.0.5:8080")
            ],
            &own
        ));
    }
}
