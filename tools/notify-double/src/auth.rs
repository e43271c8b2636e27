//! The `Authorization: Bearer <JWT>` check, as Notify makes it: HS256 signed with the API
//! key's secret, `iss` the service id, `iat` within 30 seconds of now. Written apart from
//! the server's token code on purpose, so a mistake in one is caught by the other.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// How far `iat` may be from now, in seconds (Notify's documented limit).
pub const CLOCK_SKEW_SECS: i64 = 30;

/// The parts of an API key `{key_name}-{service_id}-{secret}` the check needs.
#[derive(Clone)]
pub struct ServiceKey {
    pub service_id: String,
    secret: String,
}

impl std::fmt::Debug for ServiceKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServiceKey")
            .field("service_id", &self.service_id)
            .finish_non_exhaustive()
    }
}

impl ServiceKey {
    /// Reads a whole API key: the last 73 characters are two UUIDs joined by `-`.
    pub fn parse(api_key: &str) -> Option<Self> {
        let key = api_key.trim();
        let split = key.len().checked_sub(73)?;
        let (service_id, secret) = (key.get(split..split + 36)?, key.get(split + 37..)?);
        let looks_like_uuid = |text: &str| {
            text.len() == 36
                && text.char_indices().all(|(i, c)| {
                    if [8, 13, 18, 23].contains(&i) {
                        c == '-'
                    } else {
                        c.is_ascii_hexdigit()
                    }
                })
        };
        (looks_like_uuid(service_id)
            && looks_like_uuid(secret)
            && key.get(split + 36..split + 37) == Some("-"))
        .then(|| Self {
            service_id: service_id.to_owned(),
            secret: secret.to_owned(),
        })
    }
}

/// Why a request was refused: Notify's status and message for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal {
    pub status: u16,
    pub message: &'static str,
}

const MISSING: Refusal = Refusal {
    status: 401,
    message: "Unauthorized: authentication token must be provided",
};
const MALFORMED: Refusal = Refusal {
    status: 403,
    message: "Invalid token: signature, api token is not valid",
};
const BAD_SIGNATURE: Refusal = Refusal {
    status: 403,
    message: "Invalid token: API key not found",
};
const WRONG_SERVICE: Refusal = Refusal {
    status: 403,
    message: "Invalid token: service not found",
};
const CLOCK: Refusal = Refusal {
    status: 403,
    message: "Error: Your system clock must be accurate to within 30 seconds",
};

#[derive(Deserialize)]
struct Header {
    alg: String,
    typ: Option<String>,
}

#[derive(Deserialize)]
struct Claims {
    iss: String,
    iat: i64,
}

/// Checks an `Authorization` header value against `key` at `now` (Unix seconds).
pub fn check(authorization: Option<&str>, key: &ServiceKey, now: i64) -> Result<(), Refusal> {
    let token = authorization
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|token| !token.is_empty())
        .ok_or(MISSING)?;
    let mut parts = token.split('.');
    let (Some(header), Some(claims), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(MALFORMED);
    };
    let decode = |part: &str| URL_SAFE_NO_PAD.decode(part).map_err(|_| MALFORMED);
    let header: Header = serde_json::from_slice(&decode(header)?).map_err(|_| MALFORMED)?;
    if header.alg != "HS256" || header.typ.as_deref().is_some_and(|typ| typ != "JWT") {
        return Err(MALFORMED);
    }
    let signed = &token[..token.len() - signature.len() - 1];
    let mut mac = Hmac::<Sha256>::new_from_slice(key.secret.as_bytes()).map_err(|_| MALFORMED)?;
    mac.update(signed.as_bytes());
    let expected = mac.finalize().into_bytes();
    if !bool::from(expected.as_slice().ct_eq(&decode(signature)?)) {
        return Err(BAD_SIGNATURE);
    }
    let claims: Claims = serde_json::from_slice(&decode(claims)?).map_err(|_| MALFORMED)?;
    if claims.iss != key.service_id {
        return Err(WRONG_SERVICE);
    }
    if (now - claims.iat).abs() > CLOCK_SKEW_SECS {
        return Err(CLOCK);
    }
    Ok(())
}

/// A token as a Notify client makes one (for this crate's own tests and for tools that
/// call the double without the server).
pub fn token(key: &ServiceKey, iat: i64) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"typ":"JWT","alg":"HS256"}"#);
    let claims = URL_SAFE_NO_PAD
        .encode(serde_json::json!({ "iss": key.service_id, "iat": iat }).to_string());
    let signed = format!("{header}.{claims}");
    let mut mac = Hmac::<Sha256>::new_from_slice(key.secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
    mac.update(signed.as_bytes());
    format!(
        "{signed}.{}",
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str =
        "test_key-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";

    fn key() -> ServiceKey {
        ServiceKey::parse(KEY).unwrap()
    }

    fn bearer(token: &str) -> String {
        format!("Bearer {token}")
    }

    #[test]
    fn the_key_splits_into_service_and_secret_whatever_the_name() {
        assert_eq!(key().service_id, "26785a09-ab16-4eb0-8407-a37497a57506");
        let dashed = ServiceKey::parse(&KEY.replace("test_key", "my-dashed-key")).unwrap();
        assert_eq!(dashed.service_id, key().service_id);
        assert!(ServiceKey::parse("short").is_none());
        assert!(ServiceKey::parse(&KEY.replace("-3d84", "x3d84")).is_none());
        assert!(!format!("{:?}", key()).contains("3d844edf"));
    }

    #[test]
    fn a_fresh_token_signed_with_the_secret_passes() {
        let now = 1_700_000_000;
        assert_eq!(
            check(Some(&bearer(&token(&key(), now))), &key(), now),
            Ok(())
        );
        assert_eq!(
            check(Some(&bearer(&token(&key(), now - 30))), &key(), now),
            Ok(())
        );
        assert_eq!(
            check(Some(&bearer(&token(&key(), now + 30))), &key(), now),
            Ok(())
        );
    }

    #[test]
    fn stale_forged_and_missing_tokens_are_refused() {
        let now = 1_700_000_000;
        assert_eq!(check(None, &key(), now), Err(MISSING));
        assert_eq!(check(Some("Bearer "), &key(), now), Err(MISSING));
        assert_eq!(
            check(Some(&bearer(&token(&key(), now - 31))), &key(), now),
            Err(CLOCK)
        );
        let other = ServiceKey::parse(&KEY.replace("3d844edf", "00000000")).unwrap();
        assert_eq!(
            check(Some(&bearer(&token(&other, now))), &key(), now),
            Err(BAD_SIGNATURE)
        );
        let other_service = ServiceKey::parse(&KEY.replace("26785a09", "11111111")).unwrap();
        let foreign = token(&other_service, now);
        assert_eq!(
            check(Some(&bearer(&foreign)), &key(), now),
            Err(WRONG_SERVICE)
        );
        assert_eq!(check(Some("Bearer a.b"), &key(), now), Err(MALFORMED));
        let good = token(&key(), now);
        let none_alg = good.replacen(
            &URL_SAFE_NO_PAD.encode(br#"{"typ":"JWT","alg":"HS256"}"#),
            &URL_SAFE_NO_PAD.encode(br#"{"typ":"JWT","alg":"none"}"#),
            1,
        );
        assert_eq!(check(Some(&bearer(&none_alg)), &key(), now), Err(MALFORMED));
    }
}
