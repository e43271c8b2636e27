//! The session cookies, the victim portal's (`__Host-su_session`) and the staff app's
//! (`__Host-su_staff_session`): reading, setting and clearing them, and keeping their
//! `Max-Age` in step with the server's idle timeouts (30 minutes for victims, 15 for staff).
//!
//! Both are `__Host-` cookies: always `Secure`, `Path=/` and without `Domain`, so the
//! browser sends them only over HTTPS (or to loopback, which browsers trust), and no
//! other site or subdomain can set or overwrite them (no session fixation). Only with
//! `--insecure-local-http` (plain HTTP on a development machine) are they sent without
//! `Secure`, and so under names without the prefix, which browsers reserve for `Secure`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

use crate::platform::config::Config;
use crate::sessions::store::idle_timeout_secs;

pub const SESSION_COOKIE: &str = "__Host-su_session";
/// The staff app's session cookie: a different name, so signing in on one side never
/// replaces or reveals the other's session in a shared browser.
pub const STAFF_COOKIE: &str = "__Host-su_staff_session";

/// Whether the cookies are `Secure` (always, unless `--insecure-local-http`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CookieSecurity {
    Secure,
    /// Plain HTTP on a development machine: no `Secure`, no `__Host-` prefix.
    PlainHttp,
}

impl CookieSecurity {
    pub fn of(config: &Config) -> Self {
        if config.insecure_local_http {
            Self::PlainHttp
        } else {
            Self::Secure
        }
    }
}

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

    fn name(self, security: CookieSecurity) -> &'static str {
        let name = match self {
            Self::Victim => SESSION_COOKIE,
            Self::Staff => STAFF_COOKIE,
        };
        match security {
            CookieSecurity::Secure => name,
            CookieSecurity::PlainHttp => name.trim_start_matches("__Host-"),
        }
    }

    /// This cookie's session token from the request, if it has the shape of one (43
    /// base64url characters). Anything else is ignored without touching the database.
    pub fn token(self, security: CookieSecurity, headers: &HeaderMap) -> Option<&str> {
        let name = self.name(security);
        headers
            .get_all(COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(found, _)| *found == name)
            .map(|(_, value)| value.trim())
            .filter(|token| {
                token.len() == 43
                    && token
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            })
    }

    /// `Set-Cookie` value that stores `token` for this cookie's idle timeout.
    pub fn set(self, security: CookieSecurity, token: &str) -> HeaderValue {
        let max_age = idle_timeout_secs(self == Self::Staff);
        cookie(self.name(security), token, max_age, security)
    }

    /// `Set-Cookie` value that deletes this cookie.
    pub fn clear(self, security: CookieSecurity) -> HeaderValue {
        cookie(self.name(security), "", 0, security)
    }
}

/// The `Cookie:` request header value that carries a victim's session token, as a browser
/// sends it to a server with the default (`Secure`) cookies. The benchmark seeder writes
/// these for load generators.
pub fn request_cookie(token: &str) -> String {
    format!("{SESSION_COOKIE}={token}")
}

fn cookie(name: &str, value: &str, max_age: i64, security: CookieSecurity) -> HeaderValue {
    let secure = match security {
        CookieSecurity::Secure => "; Secure",
        CookieSecurity::PlainHttp => "",
    };
    let text =
        format!("{name}={value}; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age}{secure}");
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
pub async fn refresh_cookie(
    State(security): State<CookieSecurity>,
    mut req: Request,
    next: Next,
) -> Response {
    let seen = SessionSeen::default();
    req.extensions_mut().insert(seen.clone());
    let kind = SessionCookie::for_path(req.uri().path());
    let token = kind.token(security, req.headers()).map(str::to_owned);
    let mut response = next.run(req).await;
    if let Some(token) = token {
        if seen.was_marked() && !response.headers().contains_key(SET_COOKIE) {
            response
                .headers_mut()
                .append(SET_COOKIE, kind.set(security, &token));
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "abcdefghijklmnopqrstuvwxyz0123456789-_ABCDE";
    const SECURE: CookieSecurity = CookieSecurity::Secure;
    const PLAIN: CookieSecurity = CookieSecurity::PlainHttp;

    fn headers(cookie: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, HeaderValue::from_str(cookie).unwrap());
        headers
    }

    fn victim_token(security: CookieSecurity, cookie: &str) -> Option<String> {
        SessionCookie::Victim
            .token(security, &headers(cookie))
            .map(str::to_owned)
    }

    #[test]
    fn finds_the_session_among_other_cookies() {
        let cookie = format!("theme=dark; su_session=x; __Host-su_session={TOKEN}; other=1");
        assert_eq!(victim_token(SECURE, &cookie).as_deref(), Some(TOKEN));
    }

    #[test]
    fn a_request_cookie_is_read_back() {
        let cookie = request_cookie(TOKEN);
        assert_eq!(victim_token(SECURE, &cookie).as_deref(), Some(TOKEN));
    }

    #[test]
    fn ignores_malformed_tokens_and_unprefixed_names() {
        assert_eq!(victim_token(SECURE, "__Host-su_session=short"), None);
        assert_eq!(
            victim_token(SECURE, &format!("__Host-su_session={TOKEN}!")),
            None
        );
        // A cookie without the prefix could have been set by another site: never read.
        assert_eq!(victim_token(SECURE, &format!("su_session={TOKEN}")), None);
        assert_eq!(SessionCookie::Victim.token(SECURE, &HeaderMap::new()), None);
    }

    #[test]
    fn cookie_attributes() {
        let value = SessionCookie::Victim.set(SECURE, TOKEN);
        assert_eq!(
            value.to_str().unwrap(),
            format!(
                "__Host-su_session={TOKEN}; HttpOnly; SameSite=Strict; Path=/; Max-Age=1800; Secure"
            )
        );
        let cleared = SessionCookie::Victim.clear(SECURE);
        assert!(cleared.to_str().unwrap().ends_with("Max-Age=0; Secure"));
        let staff = SessionCookie::Staff.set(SECURE, TOKEN);
        let staff = staff.to_str().unwrap();
        assert!(staff.starts_with("__Host-su_staff_session="));
        assert!(staff.contains("Max-Age=900; Secure"));
    }

    #[test]
    fn plain_http_cookies_drop_secure_and_the_prefix() {
        let value = SessionCookie::Staff.set(PLAIN, TOKEN);
        assert_eq!(
            value.to_str().unwrap(),
            format!("su_staff_session={TOKEN}; HttpOnly; SameSite=Strict; Path=/; Max-Age=900")
        );
        assert_eq!(
            victim_token(PLAIN, &format!("su_session={TOKEN}")).as_deref(),
            Some(TOKEN)
        );
        // Each mode reads only its own name.
        assert_eq!(victim_token(PLAIN, &request_cookie(TOKEN)), None);
    }
}
