//! The token each request to Notify carries (`Authorization: Bearer …`): a JWT with header
//! `{"typ":"JWT","alg":"HS256"}` and claims `{"iss": service id, "iat": Unix seconds}`,
//! signed with HMAC-SHA256 under the API key's secret. Notify refuses one whose `iat` is
//! more than 30 seconds from its own clock, so a fresh one is made for every request.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::config::ApiKey;

/// The JWT for `key` issued at `iat` (Unix seconds).
pub fn token(key: &ApiKey, iat: i64) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"typ":"JWT","alg":"HS256"}"#);
    // The service id is a UUID (checked when the key was read): nothing to escape.
    let claims = URL_SAFE_NO_PAD.encode(format!(r#"{{"iss":"{}","iat":{iat}}}"#, key.service_id()));
    let signed = format!("{header}.{claims}");
    let signature = match Hmac::<Sha256>::new_from_slice(key.signing_key()) {
        Ok(mut mac) => {
            mac.update(signed.as_bytes());
            URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
        }
        // HMAC takes a key of any length; this arm cannot run.
        Err(_) => String::new(),
    };
    format!("{signed}.{signature}")
}

/// Now, as the `iat` Notify compares with its clock: the real time, never a test's moved
/// clock.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example from Notify's REST API documentation: its service id, secret and `iat`.
    const KEY: &str =
        "my_test_key-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";

    #[test]
    fn the_token_matches_one_made_independently() {
        // Made with Python's hmac, hashlib and base64 from the same header, claims and key.
        let expected = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.\
            eyJpc3MiOiIyNjc4NWEwOS1hYjE2LTRlYjAtODQwNy1hMzc0OTdhNTc1MDYiLCJpYXQiOjE1Njg4MTg1Nzh9.\
            YT_aQYNif0l3HaPwy62Cj9g0qsYzjnj1K5pLwkELiFw";
        assert_eq!(token(&ApiKey::parse(KEY).unwrap(), 1_568_818_578), expected);
    }

    #[test]
    fn the_token_has_three_unpadded_url_safe_parts() {
        let made = token(&ApiKey::parse(KEY).unwrap(), now());
        let parts: Vec<&str> = made.split('.').collect();
        assert_eq!(parts.len(), 3);
        for part in parts {
            assert!(part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        }
        assert!(now() > 1_700_000_000);
    }
}
