//! The Content-Security-Policy header, fitted to the built app.
//!
//! trunk 0.21 starts the app with an inline `<script type="module">` in index.html. Rather
//! than allow every inline script ('unsafe-inline'), the server reads index.html at start
//! and allows exactly the inline scripts in it by their SHA-256 hash. Restart the server
//! after deploying a new build.

use std::path::Path;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// The policy for an app whose index.html is `index_html` (empty if there is none).
pub fn policy(index_html: &str) -> String {
    // Browsers hash the script text after the HTML parser has turned CR LF and lone CR
    // into LF, so do the same first.
    let index_html = index_html.replace("\r\n", "\n").replace('\r', "\n");
    let hashes: String = inline_scripts(&index_html)
        .map(|script| {
            format!(
                " 'sha256-{}'",
                STANDARD.encode(Sha256::digest(script.as_bytes()))
            )
        })
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; \
         form-action 'self'"
    )
}

/// The policy for the app in `static_dir`.
pub fn policy_for_dir(static_dir: &Path) -> String {
    let index = std::fs::read_to_string(static_dir.join("index.html")).unwrap_or_default();
    policy(&index)
}

/// The text of each `<script>` element that has no `src`, exactly as a browser hashes it.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find("<script").map(|i| i + from) {
        let Some(tag_end) = lower[start..].find('>').map(|i| i + start) else {
            break;
        };
        let Some(close) = lower[tag_end..].find("</script").map(|i| i + tag_end) else {
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
