//! The `su_session` cookie: reading it, setting and clearing it, and keeping its
//! `Max-Age` in step with the server's 30-minute idle timeout.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

use crate::platform::config::Config;
use crate::platform::state::AppState;
use crate::sessions::store::IDLE_TIMEOUT_SECS;

pub const SESSION_COOKIE: &str = "su_session";

/// The session token from the request's cookies, if it has the shape of one (43
/// base64url characters). Anything else is ignored without touching the database.
pub fn session_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.trim())
        .filter(|token| {
            token.len() == 43
                && token
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// The `Cookie:` request header value that carries a session token, as a browser sends
/// it. The benchmark seeder writes these for load generators.
pub fn request_cookie(token: &str) -> String {
    format!("{SESSION_COOKIE}={token}")
}

/// Whether cookies must carry `Secure`: configured, or the request came through an HTTPS
/// proxy. (The header can only add `Secure`, never remove it.)
pub fn secure(config: &Config, headers: &HeaderMap) -> bool {
    config.secure_cookies
        || headers
            .get("x-forwarded-proto")
            .and_then(|value| value.to_str().ok())
            .is_some_and(|proto| proto.trim().eq_ignore_ascii_case("https"))
}

/// `Set-Cookie` value that stores a session token for the idle timeout.
pub fn set_session(token: &str, secure: bool) -> HeaderValue {
    cookie(token, IDLE_TIMEOUT_SECS, secure)
}

/// `Set-Cookie` value that deletes the session cookie.
pub fn clear_session(secure: bool) -> HeaderValue {
    cookie("", 0, secure)
}

fn cookie(value: &str, max_age: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let text = format!(
        "{SESSION_COOKIE}={value}; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age}{secure}"
    );
    // Tokens are base64url and the rest is ASCII, so this cannot fail; fall back to
    // clearing rather than panic.
    HeaderValue::from_str(&text).unwrap_or_else(|_| {
        HeaderValue::from_static("su_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0")
    })
}

/// Put in each request's extensions by `refresh_cookie`; `Caller` marks it when the
/// request's session was valid.
#[derive(Clone, Default)]
pub struct SessionSeen(Arc<AtomicBool>);

impl SessionSeen {
    pub fn mark(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    fn was_marked(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Middleware: when a request used a valid session and the handler did not set the cookie
/// itself, send the cookie again so the browser's 30 minutes restart with the server's.
pub async fn refresh_cookie(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let seen = SessionSeen::default();
    req.extensions_mut().insert(seen.clone());
    let token = session_token(req.headers()).map(str::to_owned);
    let secure = secure(&state.config, req.headers());
    let mut response = next.run(req).await;
    if let Some(token) = token {
        if seen.was_marked() && !response.headers().contains_key(SET_COOKIE) {
            response
                .headers_mut()
                .append(SET_COOKIE, set_session(&token, secure));
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "abcdefghijklmnopqrstuvwxyz0123456789-_ABCDE";

    fn headers(cookie: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, HeaderValue::from_str(cookie).unwrap());
        headers
    }

    #[test]
    fn finds_the_session_among_other_cookies() {
        let headers = headers(&format!("theme=dark; su_session={TOKEN}; other=1"));
        assert_eq!(session_token(&headers), Some(TOKEN));
    }

    #[test]
    fn a_request_cookie_is_read_back() {
        assert_eq!(session_token(&headers(&request_cookie(TOKEN))), Some(TOKEN));
    }

    #[test]
    fn ignores_malformed_tokens() {
        assert_eq!(session_token(&headers("su_session=short")), None);
        assert_eq!(
            session_token(&headers(&format!("su_session={TOKEN}!"))),
            None
        );
        assert_eq!(session_token(&HeaderMap::new()), None);
    }

    #[test]
    fn cookie_attributes() {
        let value = set_session(TOKEN, false);
        assert_eq!(
            value.to_str().unwrap(),
            format!("su_session={TOKEN}; HttpOnly; SameSite=Strict; Path=/; Max-Age=1800")
        );
        assert!(clear_session(true)
            .to_str()
            .unwrap()
            .ends_with("Max-Age=0; Secure"));
    }

    #[test]
    fn https_proxy_adds_secure() {
        let config = Config::for_tests(String::new(), "dist".into(), false);
        let mut headers = HeaderMap::new();
        assert!(!secure(&config, &headers));
        headers.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        assert!(secure(&config, &headers));
    }
}
