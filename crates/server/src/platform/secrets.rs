//! Random secrets: one-time sign-in codes (their keyed hashes are in `platform::sealed`)
//! and session tokens, stored as plain SHA-256: a token is 256 random bits, so unlike a
//! 6-digit code its hash cannot be reversed by trying every value, and needs no key.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};

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

/// A new random salt for a sign-in code's row (hex of 16 bytes). The code's hash is keyed
/// (`DataKeys::code_hash`, in `platform::sealed`): the salt makes equal codes hash apart.
pub fn new_salt() -> anyhow::Result<String> {
    Ok(hex(&random_bytes::<16>()?))
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
    fn salts_are_random_hex() {
        let (a, b) = (new_salt().unwrap(), new_salt().unwrap());
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
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
}
