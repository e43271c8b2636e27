//! Staff credentials: passwords hashed with argon2id (OWASP's parameters), refused when
//! short or commonly breached, and second-factor codes by RFC 6238 (TOTP: SHA-1, 6 digits,
//! 30-second steps), each step accepted at most once. Nothing here is ever logged.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm as Argon2Algorithm, Argon2, Params, Version};
use totp_rs::{Algorithm, Secret, TOTP};

/// Shortest password accepted (NIST SP 800-63B: at least 8; 12 for staff accounts that
/// can read special-category data).
pub const MIN_PASSWORD_CHARS: usize = 12;
/// Longest accepted, so hashing cost stays bounded.
pub const MAX_PASSWORD_CHARS: usize = 128;
/// The issuer an authenticator app shows beside the account.
const ISSUER: &str = "Safe Updates";
/// Seconds per TOTP step.
const STEP_SECONDS: u64 = 30;

/// Passwords seen in public breaches most often: refused whatever their length. (A full
/// breached-password check against a k-anonymity service needs the network; this list
/// covers the commonest choices, padded variants included.)
const COMMON_PASSWORDS: &[&str] = &[
    "123456789012",
    "password1234",
    "passwordpassword",
    "qwertyuiopasdf",
    "iloveyou1234",
    "letmein12345",
    "welcome12345",
    "administrator",
    "changeme1234",
    "qwerty123456",
    "password123!",
    "1q2w3e4r5t6y",
    "abc123456789",
    "football1234",
    "monkey123456",
    "safeupdates1",
    "policepolice",
];

/// Why a new password was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    Common,
}

impl PasswordProblem {
    /// Its message's `server.json` key (`new_account::password` fills in the limits).
    pub fn key(self) -> &'static str {
        match self {
            Self::TooShort => "staff.password_too_short",
            Self::TooLong => "staff.password_too_long",
            Self::Common => "staff.password_common",
        }
    }
}

/// A password fit to be set: long enough, not too long, not a common one.
pub fn check_new_password(password: &str) -> Result<(), PasswordProblem> {
    let length = password.chars().count();
    if length < MIN_PASSWORD_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if length > MAX_PASSWORD_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    let lowered = password.to_lowercase();
    if COMMON_PASSWORDS.iter().any(|common| lowered == *common)
        || lowered
            .chars()
            .all(|c| c == lowered.chars().next().unwrap_or(' '))
    {
        return Err(PasswordProblem::Common);
    }
    Ok(())
}

/// argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane).
fn hasher() -> anyhow::Result<Argon2<'static>> {
    let params = Params::new(19 * 1024, 2, 1, None)
        .map_err(|error| anyhow::anyhow!("argon2 parameters: {error}"))?;
    Ok(Argon2::new(
        Argon2Algorithm::Argon2id,
        Version::V0x13,
        params,
    ))
}

/// The PHC string to store for `password`.
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    let hash = hasher()?
        .hash_password(password.as_bytes(), &salt)
        .map_err(|error| anyhow::anyhow!("hashing a password: {error}"))?;
    Ok(hash.to_string())
}

/// Whether `password` matches the stored PHC string. A malformed stored hash never
/// matches.
pub fn password_matches(stored: &str, password: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    hasher().is_ok_and(|argon| argon.verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A well-formed argon2id hash (same parameters as `hasher`) of nothing anybody knows.
const NOBODY: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FmZXVwZGF0ZXNub2JvZHk$3b9Wl3KZ5yb3jc7RZnWqLmm0m6j6f8Xv3Jm2w6bqQ1E";

/// Checks a password against `NOBODY`, when the account does not exist, so that an
/// unknown email costs the same time as a wrong password.
pub fn burn_a_password_check(password: &str) {
    let _ = password_matches(NOBODY, password);
}

/// A new random TOTP secret, base32 (160 bits, as RFC 4226 recommends).
pub fn new_totp_secret() -> anyhow::Result<String> {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).map_err(|error| anyhow::anyhow!("no randomness: {error}"))?;
    Ok(Secret::Raw(bytes.to_vec()).to_encoded().to_string())
}

fn totp(secret_base32: &str, account: &str) -> anyhow::Result<TOTP> {
    let bytes = Secret::Encoded(secret_base32.to_owned())
        .to_bytes()
        .map_err(|error| anyhow::anyhow!("stored TOTP secret: {error:?}"))?;
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        STEP_SECONDS,
        bytes,
        Some(ISSUER.to_owned()),
        account.to_owned(),
    )
    .map_err(|error| anyhow::anyhow!("TOTP: {error}"))
}

/// The `otpauth://` link an authenticator app enrols from.
pub fn enrolment_link(secret_base32: &str, account: &str) -> anyhow::Result<String> {
    Ok(totp(secret_base32, account)?.get_url())
}

/// The code for the step containing `unix` (the demo outbox page shows it).
pub fn code_at(secret_base32: &str, unix: i64) -> anyhow::Result<String> {
    Ok(totp(secret_base32, "")?.generate(u64::try_from(unix)?))
}

/// The step `code` is valid for at `unix` (one step of clock drift either way), if it is
/// valid and later than `last_step` (each step is accepted once: no replay).
pub fn accepted_step(
    secret_base32: &str,
    code: &str,
    unix: i64,
    last_step: Option<i64>,
) -> Option<i64> {
    let totp = totp(secret_base32, "").ok()?;
    let now_step = unix.div_euclid(STEP_SECONDS as i64);
    (now_step - 1..=now_step + 1)
        .filter(|step| last_step.is_none_or(|last| *step > last))
        .find(|step| {
            let at = u64::try_from(step * STEP_SECONDS as i64).unwrap_or(0);
            let expected = totp.generate(at);
            subtle::ConstantTimeEq::ct_eq(expected.as_bytes(), code.as_bytes()).into()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_common_and_repeated_passwords_are_refused() {
        assert_eq!(check_new_password("short"), Err(PasswordProblem::TooShort));
        assert_eq!(
            check_new_password("Password1234"),
            Err(PasswordProblem::Common)
        );
        assert_eq!(
            check_new_password("aaaaaaaaaaaaaa"),
            Err(PasswordProblem::Common)
        );
        assert_eq!(
            check_new_password(&"x".repeat(129)),
            Err(PasswordProblem::TooLong)
        );
        assert_eq!(check_new_password("correct horse battery"), Ok(()));
    }

    #[test]
    fn the_unknown_account_hash_is_real_work_with_the_same_parameters() {
        // A hash that failed to parse would return at once and give unknown emails away.
        let parsed = PasswordHash::new(NOBODY).unwrap();
        let ours = hash_password("anything at all").unwrap();
        let ours = PasswordHash::new(&ours).unwrap();
        assert_eq!(parsed.algorithm, ours.algorithm);
        assert_eq!(parsed.params, ours.params);
        assert!(parsed.hash.is_some());
    }

    #[test]
    fn a_hashed_password_matches_only_itself() {
        let stored = hash_password("correct horse battery").unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(password_matches(&stored, "correct horse battery"));
        assert!(!password_matches(&stored, "correct horse batterY"));
        assert!(!password_matches("not a hash", "anything"));
    }

    #[test]
    fn totp_matches_the_rfc_6238_test_vector() {
        // RFC 6238 appendix B: SHA-1 secret "12345678901234567890" at 59 s → 94287082,
        // whose last 6 digits are the 6-digit code.
        let secret = Secret::Raw(b"12345678901234567890".to_vec())
            .to_encoded()
            .to_string();
        assert_eq!(code_at(&secret, 59).unwrap(), "287082");
        assert_eq!(code_at(&secret, 1_111_111_109).unwrap(), "081804");
    }

    #[test]
    fn a_code_is_accepted_once_within_a_step_of_drift() {
        let secret = new_totp_secret().unwrap();
        let now = 1_800_000_000;
        let code = code_at(&secret, now).unwrap();
        let step = accepted_step(&secret, &code, now, None).unwrap();
        assert_eq!(step, now / 30);
        assert_eq!(
            accepted_step(&secret, &code, now + 30, None),
            Some(step),
            "drift"
        );
        assert_eq!(
            accepted_step(&secret, &code, now, Some(step)),
            None,
            "replayed"
        );
        assert_eq!(
            accepted_step(&secret, &code, now + 120, None),
            None,
            "too old"
        );
        assert_eq!(accepted_step(&secret, "000000x", now, None), None);
        let link = enrolment_link(&secret, "officer@example.org").unwrap();
        assert!(link.starts_with("otpauth://totp/Safe%20Updates:officer%40example.org?secret="));
    }
}
