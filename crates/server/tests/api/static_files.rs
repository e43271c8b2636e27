//! The built apps: SPA fallback (the victim app's, and the staff app's under /staff/),
//! caching by file name, precompressed files, CSP hashes per app.

use std::path::Path;

use crate::helpers::{spawn_app, spawn_app_with, Options};

const HASHED_JS: &str = "safe-updates-1a2b3c4d5e6f7a8b.js";
const LOADER: &str = "\nimport init from '/safe-updates-1a2b3c4d5e6f7a8b.js';\nawait init();\n";
const STAFF_JS: &str = "staff-0f1e2d3c4b5a6978.js";
const STAFF_LOADER: &str =
    "\nimport init from '/staff/staff-0f1e2d3c4b5a6978.js';\nawait init();\n";

fn write_dist(dir: &Path) {
    let index = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Safe Updates</title>\
         <script type=\"module\">{LOADER}</script></head><body></body></html>"
    );
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("index.html"), index).unwrap();
    std::fs::write(dir.join(HASHED_JS), "export default function init() {}").unwrap();
    std::fs::write(dir.join(format!("{HASHED_JS}.br")), b"pretend-brotli").unwrap();
    std::fs::write(dir.join("robots.txt"), "User-agent: *\n").unwrap();
    std::fs::write(
        dir.join("sw.js"),
        "self.addEventListener('fetch', () => {});",
    )
    .unwrap();
    let staff = dir.join("staff");
    std::fs::create_dir_all(&staff).unwrap();
    let staff_index = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Safe Updates — staff</title>\
         <script type=\"module\">{STAFF_LOADER}</script></head><body></body></html>"
    );
    std::fs::write(staff.join("index.html"), staff_index).unwrap();
    std::fs::write(staff.join(STAFF_JS), "export default function init() {}").unwrap();
}

fn sha256_source(text: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text));
    format!("'sha256-{hash}'")
}

/// The page's title, its CSP, and its Cache-Control.
async fn page(app: &crate::helpers::TestApp, path: &str) -> (String, String, String) {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    let header = |name: &str| response.headers()[name].to_str().unwrap().to_owned();
    let (csp, cache) = (header("content-security-policy"), header("cache-control"));
    let html = response.text().await.unwrap();
    let title = html
        .split("<title>")
        .nth(1)
        .and_then(|rest| rest.split("</title>").next())
        .unwrap_or_default()
        .to_owned();
    (title, csp, cache)
}

#[tokio::test]
async fn paths_under_staff_get_the_staff_index_with_the_staff_policy() {
    let (app, _dist) = app_with_dist().await;
    for path in [
        "/staff",
        "/staff/",
        "/staff/sign-in",
        "/staff/cases/CR/100001/25",
        "/staff/cases/x",
    ] {
        let (title, csp, cache) = page(&app, path).await;
        assert_eq!(title, "Safe Updates — staff", "{path}");
        assert!(csp.contains(&sha256_source(STAFF_LOADER)), "{path}: {csp}");
        assert!(!csp.contains(&sha256_source(LOADER)), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(cache, "no-cache", "{path}");
    }
}

#[tokio::test]
async fn every_other_path_gets_the_victim_index_never_the_staff_one() {
    let (app, _dist) = app_with_dist().await;
    for path in [
        "/",
        "/anything",
        "/case",
        "/staffing",
        "/sign-in/staff",
        "/cases/staff/x",
    ] {
        let (title, csp, _) = page(&app, path).await;
        assert_eq!(title, "Safe Updates", "{path}");
        assert!(csp.contains(&sha256_source(LOADER)), "{path}: {csp}");
        assert!(!csp.contains(&sha256_source(STAFF_LOADER)), "{path}: {csp}");
    }
}

#[tokio::test]
async fn staff_files_are_served_from_their_own_folder() {
    let (app, _dist) = app_with_dist().await;
    let response = app.get(&format!("/staff/{STAFF_JS}")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    // The victim's files are not reachable under /staff/, nor the staff's at the root.
    let (title, _, _) = page(&app, &format!("/staff/{HASHED_JS}")).await;
    assert_eq!(title, "Safe Updates — staff");
    let (title, _, _) = page(&app, &format!("/{STAFF_JS}")).await;
    assert_eq!(title, "Safe Updates");
}

async fn app_with_dist() -> (crate::helpers::TestApp, tempfile::TempDir) {
    let dist = tempfile::tempdir().unwrap();
    write_dist(dist.path());
    let app = spawn_app_with(Options {
        static_dir: Some(dist.path().to_owned()),
        ..Options::default()
    })
    .await;
    (app, dist)
}

#[tokio::test]
async fn unknown_app_paths_get_index_html_uncached() {
    let (app, _dist) = app_with_dist().await;
    for path in ["/", "/case", "/sign-in/code"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-cache", "{path}");
        assert!(response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        assert!(response
            .text()
            .await
            .unwrap()
            .contains("<title>Safe Updates</title>"));
    }
}

#[tokio::test]
async fn hashed_assets_are_cached_for_a_year() {
    let (app, _dist) = app_with_dist().await;
    let response = app.get(&format!("/{HASHED_JS}")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(
        app.get("/robots.txt").await.headers()["cache-control"],
        "public, max-age=3600"
    );
}

#[tokio::test]
async fn the_service_worker_is_javascript_checked_on_every_visit() {
    let (app, _dist) = app_with_dist().await;
    let response = app.get("/sw.js").await;
    assert_eq!(response.status(), 200);
    // Browsers refuse a worker script served with any other type.
    let content_type = response.headers()["content-type"].to_str().unwrap();
    assert!(
        content_type.starts_with("text/javascript")
            || content_type.starts_with("application/javascript"),
        "{content_type}"
    );
    // A new release must replace the worker (and its cache) on the next visit.
    assert_eq!(response.headers()["cache-control"], "no-cache");
    // Same strict policy as the app: the worker loads under script-src 'self'.
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("worker-src"),
        "{csp}"
    );
}

#[tokio::test]
async fn precompressed_files_are_served_when_accepted() {
    let (app, _dist) = app_with_dist().await;
    let response = app
        .client
        .get(app.url(&format!("/{HASHED_JS}")))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["content-encoding"], "br");
    assert_eq!(response.bytes().await.unwrap().as_ref(), b"pretend-brotli");
}

#[tokio::test]
async fn the_csp_allows_exactly_the_inline_loader() {
    use base64::Engine;
    use sha2::Digest;
    let (app, _dist) = app_with_dist().await;
    let response = app.get("/").await;
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(LOADER));
    assert!(csp.contains(&format!("'sha256-{hash}'")), "{csp}");
    assert!(!csp.contains("unsafe-inline"));
}

#[tokio::test]
async fn api_paths_never_fall_back_to_the_app() {
    let (app, _dist) = app_with_dist().await;
    let response = app.get("/api/no-such-thing").await;
    assert_eq!(response.status(), 404);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
}

#[tokio::test]
async fn without_a_static_folder_the_api_still_works() {
    let app = spawn_app().await;
    assert_eq!(app.get("/api/health").await.status(), 200);
    assert_eq!(app.get("/").await.status(), 404);
}
