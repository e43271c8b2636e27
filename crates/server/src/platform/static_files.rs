//! The two built apps from STATIC_DIR: the victim app (STATIC_DIR itself, at `/`) and the
//! staff app (STATIC_DIR/staff, at `/staff/`). Each has precompressed files (`.br`, `.gz`
//! beside each file), its own SPA fallback to its own index.html for unknown paths (so an
//! unknown path under `/staff/` gets the staff index.html and every other one the
//! victim's: the staff index is never served for a victim path), and caching fitted to
//! trunk's hashed file names. The staff app answers under its own Content-Security-Policy
//! (the hashes of its own inline scripts); the victim's is set for everything else by
//! `middleware::security_headers`. The service worker (`/sw.js`, written by
//! tools/service-worker.mjs) is checked on every visit, so a new release replaces it (and
//! its cache) at once.

use std::convert::Infallible;
use std::path::Path;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use tower::util::BoxCloneSyncService;
use tower::{Layer, ServiceExt};
use tower_http::services::{ServeDir, ServeFile};

use crate::platform::csp;

/// The service worker's script. Browsers cap its HTTP caching at 24 hours anyway; `no-cache`
/// makes every update check reach the server.
const SERVICE_WORKER: &str = "/sw.js";
/// Changes with every build, so browsers must check it each time.
const NO_CACHE: &str = "no-cache";
/// Hashed names never change content.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Anything else (icons, robots.txt).
const ONE_HOUR: &str = "public, max-age=3600";

/// Where the staff app is served, and its folder inside STATIC_DIR.
pub const STAFF_PREFIX: &str = "/staff";
const STAFF_DIR: &str = "staff";

/// The victim app: the service for every path no API route, page or the staff app matched.
pub fn service(static_dir: &Path) -> BoxCloneSyncService<Request, Response, Infallible> {
    if !static_dir.is_dir() {
        tracing::warn!(
            static_dir = %static_dir.display(),
            "static folder not found: serving the API only (build the app with trunk)"
        );
    }
    single_page_app(static_dir)
}

/// The staff app, nested at [`STAFF_PREFIX`] (so it sees paths with the prefix taken off):
/// its files and index.html from STATIC_DIR/staff, under its own policy.
pub fn staff_service(static_dir: &Path) -> BoxCloneSyncService<Request, Response, Infallible> {
    let dir = static_dir.join(STAFF_DIR);
    let policy = Arc::new(csp::header_for_dir(&dir));
    let app = single_page_app(&dir);
    BoxCloneSyncService::new(middleware::from_fn_with_state(policy, staff_policy).layer(app))
}

async fn staff_policy(
    State(policy): State<Arc<HeaderValue>>,
    req: Request,
    next: Next,
) -> Response {
    let mut response = next.run(req).await;
    response
        .headers_mut()
        .insert(CONTENT_SECURITY_POLICY, HeaderValue::clone(&policy));
    response
}

/// One app's folder: its files, and its index.html for any path that is not one.
fn single_page_app(static_dir: &Path) -> BoxCloneSyncService<Request, Response, Infallible> {
    let index = ServeFile::new(static_dir.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    let files = ServeDir::new(static_dir)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    let files = ServiceExt::<Request>::map_response(files, IntoResponse::into_response);
    BoxCloneSyncService::new(middleware::from_fn(cache_headers).layer(files))
}

async fn cache_headers(req: Request, next: Next) -> Response {
    let is_worker = req.uri().path() == SERVICE_WORKER;
    let file_name = req
        .uri()
        .path()
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let mut response = next.run(req).await;
    let is_html = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    let ok = response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED;
    let policy = if !ok || is_html || is_worker {
        NO_CACHE
    } else if has_build_hash(&file_name) {
        IMMUTABLE
    } else {
        ONE_HOUR
    };
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

/// True when the name has a 16-hex-digit part, as trunk writes: `app-1a2b3c4d5e6f7a8b.js`,
/// `app-1a2b3c4d5e6f7a8b_bg.wasm`, `main-1a2b3c4d5e6f7a8b.css`.
fn has_build_hash(file_name: &str) -> bool {
    file_name
        .split(['-', '_', '.'])
        .any(|part| part.len() == 16 && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_trunk_hashes() {
        assert!(has_build_hash("safe-updates-1a2b3c4d5e6f7a8b.js"));
        assert!(has_build_hash("safe-updates-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(has_build_hash("main-1a2b3c4d5e6f7a8b.css"));
        assert!(has_build_hash("main-1a2b3c4d5e6f7a8b.css.br"));
        assert!(!has_build_hash("favicon.ico"));
        assert!(!has_build_hash("index.html"));
        assert!(!has_build_hash("app-1a2b3c4d5e6f7a8.js"));
        assert!(!has_build_hash("app-1a2b3c4d5e6f7a8g.js"));
    }
}
