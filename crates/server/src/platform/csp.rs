//! The Content-Security-Policy header, fitted to each built app (the victim app's
//! index.html for every response but the staff app's, which get one from its own).
//!
//! index.html has inline scripts (trunk's loader, the display-settings script) and, after
//! `tools/paint-first.mjs`, the stylesheet inline. Rather than allow every inline script or
//! style ('unsafe-inline'), the server reads index.html at start and allows exactly the
//! inline `<script>` and `<style>` elements in it by their SHA-256 hash. Restart the server
//! after deploying a new build.

use std::path::Path;

use axum::http::HeaderValue;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// The policy for an app whose index.html is `index_html` (empty if there is none).
pub fn policy(index_html: &str) -> String {
    // Browsers hash the script text after the HTML parser has turned CR LF and lone CR
    // into LF, so do the same first.
    let index_html = index_html.replace("\r\n", "\n").replace('\r', "\n");
    let script_hashes = hashes(inline_elements(&index_html, "script"));
    let style_hashes = hashes(inline_elements(&index_html, "style"));
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{script_hashes}; \
         style-src 'self'{style_hashes}; \
         img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; \
         form-action 'self'"
    )
}

/// The policy for the app in `static_dir`.
pub fn policy_for_dir(static_dir: &Path) -> String {
    let index = std::fs::read_to_string(static_dir.join("index.html")).unwrap_or_default();
    policy(&index)
}

/// [`policy_for_dir`] as a header value (a bare `default-src 'self'` should it not be one).
pub fn header_for_dir(static_dir: &Path) -> HeaderValue {
    HeaderValue::from_str(&policy_for_dir(static_dir))
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"))
}

/// `" 'sha256-…'"` for each text, in order.
fn hashes<'a>(texts: impl Iterator<Item = &'a str>) -> String {
    texts
        .map(|text| {
            format!(
                " 'sha256-{}'",
                STANDARD.encode(Sha256::digest(text.as_bytes()))
            )
        })
        .collect()
}

/// The text of each `<script>` (or `<style>`) element that has no `src`, exactly as a
/// browser hashes it.
fn inline_elements<'a>(html: &'a str, element: &str) -> impl Iterator<Item = &'a str> {
    let lower = html.to_ascii_lowercase();
    let (open_tag, close_tag) = (format!("<{element}"), format!("</{element}"));
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find(&open_tag).map(|i| i + from) {
        let Some(tag_end) = lower[start..].find('>').map(|i| i + start) else {
            break;
        };
        let Some(close) = lower[tag_end..].find(&close_tag).map(|i| i + tag_end) else {
            break;
        };
        let tag = &lower[start..tag_end];
        let has_src = tag.split_whitespace().any(|attr| attr.starts_with("src="));
        let body = &html[tag_end + 1..close];
        if !has_src && !body.is_empty() {
            found.push(body);
        }
        from = close;
    }
    found.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_INDEX: &str = r#"<!DOCTYPE html><html><head>
<link rel="modulepreload" href="/app-0123456789abcdef.js" crossorigin="anonymous">
<script type="module">
import init from '/app-0123456789abcdef.js';
const wasm = await init({ module_or_path: '/app-0123456789abcdef_bg.wasm' });
</script>
<script src="/other.js"></script>
</head><body></body></html>"#;

    #[test]
    fn allows_only_the_inline_loader_by_hash() {
        let policy = policy(TRUNK_INDEX);
        let loader = "\nimport init from '/app-0123456789abcdef.js';\nconst wasm = await init({ module_or_path: '/app-0123456789abcdef_bg.wasm' });\n";
        let expected = format!(
            "'sha256-{}'",
            STANDARD.encode(Sha256::digest(loader.as_bytes()))
        );
        assert!(policy.contains(&format!("script-src 'self' 'wasm-unsafe-eval' {expected};")));
        assert_eq!(policy.matches("'sha256-").count(), 1);
        assert!(!policy.contains("unsafe-inline"));
    }

    #[test]
    fn allows_the_inline_stylesheet_by_hash() {
        let index = TRUNK_INDEX.replace("</head>", "<style>body{margin:0}</style></head>");
        let expected = STANDARD.encode(Sha256::digest(b"body{margin:0}"));
        let policy = policy(&index);
        assert!(policy.contains(&format!("style-src 'self' 'sha256-{expected}';")));
        assert_eq!(policy.matches("'sha256-").count(), 2);
    }

    #[test]
    fn line_endings_are_normalised_as_browsers_do() {
        assert_eq!(
            policy(&TRUNK_INDEX.replace('\n', "\r\n")),
            policy(TRUNK_INDEX)
        );
    }

    #[test]
    fn without_an_app_the_policy_has_no_hashes() {
        assert!(policy("").starts_with(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';"
        ));
    }
}
