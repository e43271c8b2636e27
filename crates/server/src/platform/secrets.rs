//! Random secrets and their hashes: one-time sign-in codes and session tokens. Only hashes
//! are stored; comparisons run in constant time.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Fills `buf` from the operating system's CSPRNG.
fn random_bytes<const N: usize>() -> anyhow::Result<[u8; N]> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|e| anyhow::anyhow!("no OS randomness: {e}"))?;
    Ok(buf)
}

/// A new 6-digit code, uniformly distributed (leading zeros kept).
pub fn new_code() -> anyhow::Result<String> {
    // 4_294_000_000 is the largest multiple of 1_000_000 below 2^32: rejecting draws above
    // it keeps every code equally likely.
    const LIMIT: u32 = 4_294_000_000;
    loop {
        let draw = u32::from_le_bytes(random_bytes::<4>()?);
        if draw < LIMIT {
            return Ok(format!("{:06}", draw % 1_000_000));
        }
    }
}

/// A stored code: a random salt and SHA-256(salt || code), both hex.
pub struct HashedCode {
    pub salt: String,
    pub hash: String,
}

/// Salts and hashes a code for storage.
pub fn hash_new_code(code: &str) -> anyhow::Result<HashedCode> {
    let salt = hex(&random_bytes::<16>()?);
    let hash = code_hash(&salt, code);
    Ok(HashedCode { salt, hash })
}

/// hex(SHA-256(salt bytes || code)). A salt that is not valid hex is hashed as text, which
/// never matches a stored hash.
pub fn code_hash(salt_hex: &str, code: &str) -> String {
    let mut hasher = Sha256::new();
    match unhex(salt_hex) {
        Some(salt) => hasher.update(salt),
        None => hasher.update(salt_hex.as_bytes()),
    }
    hasher.update(code.as_bytes());
    hex(&hasher.finalize())
}

/// True when `code` hashes to `expected_hash` under `salt`; constant time in the content.
pub fn code_matches(salt_hex: &str, expected_hash: &str, code: &str) -> bool {
    let actual = code_hash(salt_hex, code);
    actual.as_bytes().ct_eq(expected_hash.as_bytes()).into()
}

/// A new session token (32 random bytes, base64url) for the cookie.
pub fn new_session_token() -> anyhow::Result<String> {
    Ok(URL_SAFE_NO_PAD.encode(random_bytes::<32>()?))
}

/// What the sessions table stores for a token: hex(SHA-256(token)).
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits() {
        for _ in 0..200 {
            let code = new_code().unwrap();
            assert_eq!(code.len(), 6);
            assert!(code.chars().all(|c| c.is_ascii_digit()));
        }
    }

    #[test]
    fn a_hashed_code_matches_only_itself() {
        let stored = hash_new_code("123456").unwrap();
        assert!(code_matches(&stored.salt, &stored.hash, "123456"));
        assert!(!code_matches(&stored.salt, &stored.hash, "123457"));
        assert_ne!(stored.hash, code_hash("00", "123456"));
    }

    #[test]
    fn salts_differ_so_equal_codes_hash_differently() {
        let a = hash_new_code("111111").unwrap();
        let b = hash_new_code("111111").unwrap();
        assert_ne!(a.salt, b.salt);
        assert_ne!(a.hash, b.hash);
    }

    #[test]
    fn session_tokens_are_43_url_safe_characters() {
        let token = new_session_token().unwrap();
        assert_eq!(token.len(), 43);
        assert!(token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_eq!(token_hash(&token).len(), 64);
    }

    #[test]
    fn hex_round_trips() {
        assert_eq!(unhex(&hex(&[0, 15, 255])), Some(vec![0, 15, 255]));
        assert_eq!(unhex("zz"), None);
        assert_eq!(unhex("abc"), None);
    }
}
