//! The session cookies, the victim portal's (`__Host-su_session`) and the staff app's
//! (`__Host-su_staff_session`): reading, setting and clearing them, and keeping their
//! `Max-Age` in step with the server's idle timeouts (30 minutes for victims, 15 for staff).
//!
//! Both are `__Host-` cookies: always `Secure`, `Path=/` and without `Domain`, so the
//! browser sends them only over HTTPS (or to loopback, which browsers trust), and no
//! other site or subdomain can set or overwrite them (no session fixation).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use axum::extract::Request;
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

use crate::sessions::store::idle_timeout_secs;

pub const SESSION_COOKIE: &str = "__Host-su_session";
/// The staff app's session cookie: a different name, so signing in on one side never
/// replaces or reveals the other's session in a shared browser.
pub const STAFF_COOKIE: &str = "__Host-su_staff_session";

/// Which app's session a request carries: the staff app's under `/api/staff/`, the victim
/// portal's everywhere else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionCookie {
    Victim,
    Staff,
}

impl SessionCookie {
    pub fn for_path(path: &str) -> Self {
        if path.starts_with("/api/staff/") {
            Self::Staff
        } else {
            Self::Victim
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Victim => SESSION_COOKIE,
            Self::Staff => STAFF_COOKIE,
        }
    }

    /// This cookie's session token from the request, if it has the shape of one (43
    /// base64url characters). Anything else is ignored without touching the database.
    pub fn token(self, headers: &HeaderMap) -> Option<&str> {
        headers
            .get_all(COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == self.name())
            .map(|(_, value)| value.trim())
            .filter(|token| {
                token.len() == 43
                    && token
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            })
    }

    /// `Set-Cookie` value that stores `token` for this cookie's idle timeout.
    pub fn set(self, token: &str) -> HeaderValue {
        cookie(self.name(), token, idle_timeout_secs(self == Self::Staff))
    }

    /// `Set-Cookie` value that deletes this cookie.
    pub fn clear(self) -> HeaderValue {
        cookie(self.name(), "", 0)
    }
}

/// The victim portal's session token from the request's cookies.
pub fn session_token(headers: &HeaderMap) -> Option<&str> {
    SessionCookie::Victim.token(headers)
}

/// The staff app's session token from the request's cookies.
pub fn staff_token(headers: &HeaderMap) -> Option<&str> {
    SessionCookie::Staff.token(headers)
}

/// The `Cookie:` request header value that carries a session token, as a browser sends
/// it. The benchmark seeder writes these for load generators.
pub fn request_cookie(token: &str) -> String {
    format!("{SESSION_COOKIE}={token}")
}

/// `Set-Cookie` value that stores a victim's session token for the idle timeout.
pub fn set_session(token: &str) -> HeaderValue {
    SessionCookie::Victim.set(token)
}

/// `Set-Cookie` value that deletes the victim's session cookie.
pub fn clear_session() -> HeaderValue {
    SessionCookie::Victim.clear()
}

/// `Set-Cookie` value that stores a staff session token for the staff idle timeout.
pub fn set_staff_session(token: &str) -> HeaderValue {
    SessionCookie::Staff.set(token)
}

/// `Set-Cookie` value that deletes the staff session cookie.
pub fn clear_staff_session() -> HeaderValue {
    SessionCookie::Staff.clear()
}

fn cookie(name: &str, value: &str, max_age: i64) -> HeaderValue {
    let text =
        format!("{name}={value}; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age}; Secure");
    // Tokens are base64url and the rest is ASCII, so this cannot fail; fall back to
    // clearing rather than panic.
    HeaderValue::from_str(&text).unwrap_or_else(|_| {
        HeaderValue::from_static(
            "__Host-su_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0; Secure",
        )
    })
}

/// Put in each request's extensions by `refresh_cookie`; the `Actor` extractor marks it
/// when the request's session was valid.
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
/// itself, send the cookie again so the browser's timeout restarts with the server's.
pub async fn refresh_cookie(mut req: Request, next: Next) -> Response {
    let seen = SessionSeen::default();
    req.extensions_mut().insert(seen.clone());
    let kind = SessionCookie::for_path(req.uri().path());
    let token = kind.token(req.headers()).map(str::to_owned);
    let mut response = next.run(req).await;
    if let Some(token) = token {
        if seen.was_marked() && !response.headers().contains_key(SET_COOKIE) {
            response.headers_mut().append(SET_COOKIE, kind.set(&token));
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
        let headers = headers(&format!(
            "theme=dark; su_session=x; __Host-su_session={TOKEN}; other=1"
        ));
        assert_eq!(session_token(&headers), Some(TOKEN));
    }

    #[test]
    fn a_request_cookie_is_read_back() {
        assert_eq!(session_token(&headers(&request_cookie(TOKEN))), Some(TOKEN));
    }

    #[test]
    fn ignores_malformed_tokens_and_unprefixed_names() {
        assert_eq!(session_token(&headers("__Host-su_session=short")), None);
        assert_eq!(
            session_token(&headers(&format!("__Host-su_session={TOKEN}!"))),
            None
        );
        // A cookie without the prefix could have been set by another site: never read.
        assert_eq!(
            session_token(&headers(&format!("su_session={TOKEN}"))),
            None
        );
        assert_eq!(session_token(&HeaderMap::new()), None);
    }

    #[test]
    fn cookie_attributes() {
        let value = set_session(TOKEN);
        assert_eq!(
            value.to_str().unwrap(),
            format!(
                "__Host-su_session={TOKEN}; HttpOnly; SameSite=Strict; Path=/; Max-Age=1800; Secure"
            )
        );
        assert!(clear_session()
            .to_str()
            .unwrap()
            .ends_with("Max-Age=0; Secure"));
        assert!(set_staff_session(TOKEN)
            .to_str()
            .unwrap()
            .starts_with("__Host-su_staff_session="));
        assert!(set_staff_session(TOKEN)
            .to_str()
            .unwrap()
            .contains("Max-Age=900; Secure"));
    }
}
