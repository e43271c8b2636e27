//! Logging: the subscriber for the binary, and the per-request span.
//!
//! Spans and events carry ids only (request, session, case, code, message). They never
//! carry bodies, names, contact details, dates of birth, crime details or URLs: the span
//! names the route *template* (`/api/cases/{crime_reference}`), never the path.

use std::io::IsTerminal;
use std::time::Duration;

use axum::extract::{MatchedPath, Request};
use axum::response::Response;
use tracing::Span;
use tracing_subscriber::EnvFilter;

use crate::platform::middleware::is_api_path;

/// Installs the global subscriber: readable text, or JSON lines with `json`. `RUST_LOG`
/// filters (default `info`).
pub fn init(json: bool) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stdout().is_terminal());
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

/// The span for one request.
pub fn request_span(req: &Request) -> Span {
    let route = match req.extensions().get::<MatchedPath>() {
        Some(matched) => matched.as_str(),
        None if is_api_path(req.uri().path()) => "/api (no route)",
        None => "static",
    };
    let request_id = req
        .headers()
        .get("x-request-id")
        .and_then(|value| value.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!(
        "request",
        method = %req.method(),
        route,
        request_id,
        session_id = tracing::field::Empty,
        case_id = tracing::field::Empty,
    )
}

/// Logs one line per response, inside the request span.
pub fn on_response(response: &Response, latency: Duration, _span: &Span) {
    let status = response.status().as_u16();
    let latency_ms = u64::try_from(latency.as_millis()).unwrap_or(u64::MAX);
    tracing::info!(status, latency_ms, "response");
}
