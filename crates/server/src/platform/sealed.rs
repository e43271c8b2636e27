//! Sealed values: how a personal detail is stored so the database alone cannot reveal it.
//!
//! A sealed value is the text `v1.<key id>.<base64url(nonce ‖ ciphertext ‖ tag)>`:
//! XChaCha20-Poly1305 (RustCrypto's `chacha20poly1305`) with a random 24-byte nonce per
//! value — long enough that random nonces never repeat in practice, so no counter has to
//! be kept in step across servers. The associated data is the version, key id and the
//! column (`victims.phone`), so a value copied into another column, or relabelled with
//! another key id, fails to open instead of being shown in the wrong place.
//!
//! Also here, because they use the same keys: the HMAC of a sign-in code (so a copied
//! `sign_in_codes` table cannot be brute-forced offline: 10⁶ codes are nothing against a
//! plain hash, but need the key under HMAC), and the blind index (an HMAC of a
//! normalised value) for the few lookups by a sealed value.
//!
//! Session token hashes stay plain SHA-256 (`secrets::token_hash`): a token is 256 random
//! bits, so its hash cannot be reversed by guessing, key or no key.

use anyhow::Context;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::XNonce;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use super::data_key::{valid_key_id, DataKeys};

/// The format version every sealed value starts with.
const PREFIX: &str = "v1.";
/// The same for sign-in code hashes.
const CODE_PREFIX: &str = "h1.";
const NONCE_BYTES: usize = 24;
const TAG_BYTES: usize = 16;

/// A column that holds sealed values; its name is bound into every value it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column(pub &'static str);

pub const VICTIMS_PHONE: Column = Column("victims.phone");
pub const VICTIMS_EMAIL: Column = Column("victims.email");
/// The whole preferences JSON: phone, email, address, postcode, safe times and the rest.
pub const PREFERENCES_BODY: Column = Column("contact_preferences.body");
pub const CALLBACK_PHONE: Column = Column("callback_requests.phone");
/// When a victim asked to be called: inside their safe times, so sealed like them.
pub const WINDOW_DATE: Column = Column("callback_windows.window_date");
pub const WINDOW_START: Column = Column("callback_windows.start_time");
pub const WINDOW_END: Column = Column("callback_windows.end_time");
pub const OUTBOX_RECIPIENT: Column = Column("outbox.recipient");
/// A contact change waiting for its code: the new methods, phone and email (JSON).
pub const CONTACT_CHANGE_REQUESTED: Column = Column("contact_changes.requested");
/// Where that change's code went: a phone number or an email address.
pub const CONTACT_CHANGE_RECIPIENT: Column = Column("contact_changes.code_recipient");
/// Sign-in codes are written in it: sealed, then blanked by retention once spent.
pub const OUTBOX_BODY: Column = Column("outbox.body");
/// A number someone else answered (`contact_log`); found by its blind index.
pub const FLAGGED_PHONE: Column = Column("flagged_numbers.phone");
pub const STAFF_TOTP_SECRET: Column = Column("staff.totp_secret");
/// A supporter's name, their mobile number or email address (found by its blind index
/// at sign-in), and an officer's reason for adding or removing them.
pub const SUPPORTERS_NAME: Column = Column("supporters.name");
pub const SUPPORTERS_CONTACT: Column = Column("supporters.contact");
pub const SUPPORTERS_REASON: Column = Column("supporters.reason");
pub const SUPPORTERS_REMOVAL_REASON: Column = Column("supporters.removal_reason");

fn associated_data(key_id: &str, column: Column) -> Vec<u8> {
    format!("{PREFIX}{key_id}|{}", column.0).into_bytes()
}

/// The parts of a value in the sealed format, or `None` for anything else. Strict (no
/// dots in the key id, base64url only after it, at least a nonce and a tag long), so no
/// phone number (`+44…`), email address (has `@`), JSON (`{…`), message or base32 secret
/// can be mistaken for one.
fn parse(stored: &str) -> Option<(&str, Vec<u8>)> {
    let rest = stored.strip_prefix(PREFIX)?;
    let (key_id, encoded) = rest.split_once('.')?;
    if !valid_key_id(key_id) {
        return None;
    }
    let bytes = URL_SAFE_NO_PAD.decode(encoded).ok()?;
    (bytes.len() >= NONCE_BYTES + TAG_BYTES).then_some((key_id, bytes))
}

/// Whether `stored` is in the sealed format (it may still fail to open).
pub fn looks_sealed(stored: &str) -> bool {
    parse(stored).is_some()
}

/// Whether `stored` is sealed with the current key (nothing to re-seal).
pub fn sealed_with_current(keys: &DataKeys, stored: &str) -> bool {
    parse(stored).is_some_and(|(key_id, _)| key_id == keys.current_id())
}

impl DataKeys {
    /// Seals `plain` for `column` with the current key.
    pub fn seal(&self, column: Column, plain: &str) -> anyhow::Result<String> {
        let mut nonce = [0u8; NONCE_BYTES];
        getrandom::fill(&mut nonce).map_err(|e| anyhow::anyhow!("no OS randomness: {e}"))?;
        let aad = associated_data(&self.current, column);
        let ciphertext = self
            .current_keys()
            .cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plain.as_bytes(),
                    aad: &aad,
                },
            )
            .map_err(|_| anyhow::anyhow!("could not seal a value for {}", column.0))?;
        let mut bytes = nonce.to_vec();
        bytes.extend_from_slice(&ciphertext);
        Ok(format!(
            "{PREFIX}{}.{}",
            self.current,
            URL_SAFE_NO_PAD.encode(bytes)
        ))
    }

    /// Opens a value sealed for `column` with any listed key. Fails (never guesses) on a
    /// value not in the sealed format, one sealed with a key the file no longer lists, and
    /// one altered or moved from another column. The error names the column, not the value.
    pub fn open(&self, column: Column, stored: &str) -> anyhow::Result<String> {
        let (key_id, bytes) = parse(stored)
            .with_context(|| format!("{} holds a value that is not sealed", column.0))?;
        let keys = self.keys.get(key_id).with_context(|| {
            format!(
                "{} holds a value sealed with key {key_id}, which the data key file does not list",
                column.0
            )
        })?;
        let (nonce, ciphertext) = bytes.split_at(NONCE_BYTES);
        let aad = associated_data(key_id, column);
        let plain = keys
            .cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad: &aad,
                },
            )
            .map_err(|_| anyhow::anyhow!("a sealed value in {} does not open", column.0))?;
        String::from_utf8(plain)
            .with_context(|| format!("a sealed value in {} is not text", column.0))
    }

    /// `seal` for a column that may be NULL.
    pub fn seal_optional(
        &self,
        column: Column,
        plain: Option<&str>,
    ) -> anyhow::Result<Option<String>> {
        plain.map(|plain| self.seal(column, plain)).transpose()
    }

    /// `open` for a column that may be NULL.
    pub fn open_optional(
        &self,
        column: Column,
        stored: Option<&str>,
    ) -> anyhow::Result<Option<String>> {
        stored.map(|stored| self.open(column, stored)).transpose()
    }

    /// What `sign_in_codes.code_hash` stores for `code` with its row's random salt:
    /// `h1.<key id>.<hex HMAC-SHA256(code key, salt ‖ 0 ‖ code)>`.
    pub fn code_hash(&self, salt: &str, code: &str) -> String {
        let mac = code_mac(&self.current_keys().code_mac, salt, code);
        format!("{CODE_PREFIX}{}.{}", self.current, hex(&mac))
    }

    /// True when `code` is the one `stored` was made from; constant time in the content.
    /// A hash in another format (made before codes were keyed) or by an unlisted key never
    /// matches, but still costs one HMAC, so timing does not tell them apart.
    pub fn code_matches(&self, salt: &str, stored: &str, code: &str) -> bool {
        let parsed = stored
            .strip_prefix(CODE_PREFIX)
            .and_then(|rest| rest.split_once('.'))
            .and_then(|(key_id, hash)| Some((self.keys.get(key_id)?, hash)));
        let (key, expected) = match parsed {
            Some((keys, hash)) => (&keys.code_mac, hash),
            None => (&self.current_keys().code_mac, ""),
        };
        let actual = hex(&code_mac(key, salt, code));
        parsed.is_some() && bool::from(actual.as_bytes().ct_eq(expected.as_bytes()))
    }

    /// The blind index of `value` in `column` under the current key: equal values give
    /// equal indexes, so a lookup can match without the value being stored readable.
    /// Values are compared trimmed and in lower case (email addresses are case-blind in
    /// practice; phone numbers are E.164 already).
    pub fn blind_index(&self, column: Column, value: &str) -> String {
        let mut mac = new_mac(&self.current_keys().blind_index);
        mac.update(column.0.as_bytes());
        mac.update(&[0]);
        mac.update(value.trim().to_lowercase().as_bytes());
        hex(&mac.finalize().into_bytes())
    }
}

fn new_mac(key: &[u8; 32]) -> Hmac<Sha256> {
    // HMAC takes a key of any length: this cannot fail.
    match Hmac::<Sha256>::new_from_slice(key) {
        Ok(mac) => mac,
        Err(_) => unreachable!("HMAC accepts 32-byte keys"),
    }
}

fn code_mac(key: &[u8; 32], salt: &str, code: &str) -> Vec<u8> {
    let mut mac = new_mac(key);
    mac.update(salt.as_bytes());
    mac.update(&[0]);
    mac.update(code.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
#[path = "sealed_tests.rs"]
mod tests;
