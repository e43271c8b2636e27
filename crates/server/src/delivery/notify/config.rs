//! GOV.UK Notify's settings: flags and variables, flattened into the server's `Config`.
//! The API key and the receipt token are read from files, never given on the command
//! line (flags show in `ps` and in shell history), and never printed (`Debug` hides them).

use std::path::Path;

use clap::Args;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Notify's API.
pub const DEFAULT_BASE_URL: &str = "https://api.notifications.service.gov.uk";

/// The shortest receipt token accepted: long enough that guessing it is hopeless.
pub const MIN_RECEIPT_TOKEN_CHARS: usize = 32;

/// GOV.UK Notify, for texts, emails and letters. Without an API key nothing is sent
/// through Notify.
#[derive(Debug, Clone, Args)]
pub struct NotifyConfig {
    /// File holding the GOV.UK Notify API key ({key_name}-{service_id}-{secret}, as
    /// Notify shows it once when the key is made); owner-only, outside the web root.
    /// Without it, nothing is sent through Notify.
    #[arg(long = "notify-api-key-file", env = "NOTIFY_API_KEY_FILE", value_name = "FILE",
          value_parser = api_key_file)]
    pub notify_api_key: Option<ApiKey>,

    /// Notify's API address. Only changed to point at a local stand-in (tools/notify-double).
    #[arg(long, env = "NOTIFY_BASE_URL", default_value = DEFAULT_BASE_URL, value_parser = base_url)]
    pub notify_base_url: String,

    /// The id of the Notify text message template whose whole content is ((body)).
    /// Unset: texts are not sent through Notify.
    #[arg(long, env = "NOTIFY_SMS_TEMPLATE", value_name = "UUID", value_parser = template_id)]
    pub notify_sms_template: Option<String>,

    /// The id of the Notify email template with subject ((subject)) and content ((body)).
    /// Unset: emails are not sent through Notify.
    #[arg(long, env = "NOTIFY_EMAIL_TEMPLATE", value_name = "UUID", value_parser = template_id)]
    pub notify_email_template: Option<String>,

    /// The id of the Notify letter template with heading ((subject)) and content ((body)).
    /// Unset: letters are not sent.
    #[arg(long, env = "NOTIFY_LETTER_TEMPLATE", value_name = "UUID", value_parser = template_id)]
    pub notify_letter_template: Option<String>,

    /// File holding the bearer token Notify sends with delivery receipts (set the same
    /// token in Notify's callback settings, with the URL
    /// https://YOUR-HOST/api/delivery/notify-receipts). At least 32 characters, e.g.
    /// `openssl rand -hex 32`. Unset: every receipt is refused.
    #[arg(long = "notify-receipt-token-file", env = "NOTIFY_RECEIPT_TOKEN_FILE",
          value_name = "FILE", value_parser = receipt_token_file)]
    pub notify_receipt_token: Option<ReceiptToken>,
}

impl Default for NotifyConfig {
    /// Notify off: no key, no templates, no receipt token.
    fn default() -> Self {
        Self {
            notify_api_key: None,
            notify_base_url: DEFAULT_BASE_URL.to_owned(),
            notify_sms_template: None,
            notify_email_template: None,
            notify_letter_template: None,
            notify_receipt_token: None,
        }
    }
}

/// A Notify API key: its service id (the JWT's `iss`) and its secret (the signing key).
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey {
    service_id: String,
    secret: String,
}

impl std::fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiKey")
            .field("service_id", &self.service_id)
            .finish_non_exhaustive()
    }
}

impl ApiKey {
    /// `{key_name}-{service_id}-{secret}`: the name may hold dashes, so the two UUIDs are
    /// taken from the end (36 characters each, joined by a dash).
    pub fn parse(text: &str) -> Result<Self, &'static str> {
        const WRONG: &str = "is not a Notify API key ({key_name}-{service_id}-{secret})";
        let key = text.trim();
        let start = key.len().checked_sub(73).ok_or(WRONG)?;
        let service_id = key.get(start..start + 36).ok_or(WRONG)?;
        let secret = key.get(start + 37..).ok_or(WRONG)?;
        let joined = key.get(start + 36..start + 37) == Some("-");
        if !joined
            || uuid::Uuid::try_parse(service_id).is_err()
            || uuid::Uuid::try_parse(secret).is_err()
        {
            return Err(WRONG);
        }
        Ok(Self {
            service_id: service_id.to_owned(),
            secret: secret.to_owned(),
        })
    }

    pub fn service_id(&self) -> &str {
        &self.service_id
    }

    /// The HMAC key the JWT is signed with: the secret's text, as Notify's clients use it.
    pub(super) fn signing_key(&self) -> &[u8] {
        self.secret.as_bytes()
    }
}

/// The bearer token Notify's receipts must carry. Kept as its SHA-256, so comparing in
/// constant time does not even leak its length.
#[derive(Clone)]
pub struct ReceiptToken([u8; 32]);

impl std::fmt::Debug for ReceiptToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReceiptToken(..)")
    }
}

impl ReceiptToken {
    pub fn new(token: &str) -> Result<Self, String> {
        let token = token.trim();
        if token.chars().count() < MIN_RECEIPT_TOKEN_CHARS {
            return Err(format!(
                "is shorter than {MIN_RECEIPT_TOKEN_CHARS} characters (make one with `openssl rand -hex 32`)"
            ));
        }
        Ok(Self(Sha256::digest(token.as_bytes()).into()))
    }

    /// Whether `presented` is the token, compared in constant time.
    pub fn matches(&self, presented: &str) -> bool {
        let digest: [u8; 32] = Sha256::digest(presented.as_bytes()).into();
        digest.ct_eq(&self.0).into()
    }
}

/// The trimmed contents of a secret's file; errors name the file, never its contents.
fn read_secret(file: &str) -> Result<String, String> {
    std::fs::read_to_string(Path::new(file))
        .map(|text| text.trim().to_owned())
        .map_err(|error| format!("could not read {file}: {error}"))
}

fn api_key_file(file: &str) -> Result<ApiKey, String> {
    ApiKey::parse(&read_secret(file)?)
        .map_err(|problem| format!("the contents of {file} {problem}"))
}

fn receipt_token_file(file: &str) -> Result<ReceiptToken, String> {
    ReceiptToken::new(&read_secret(file)?)
        .map_err(|problem| format!("the token in {file} {problem}"))
}

fn template_id(text: &str) -> Result<String, String> {
    uuid::Uuid::try_parse(text.trim())
        .map(|id| id.to_string())
        .map_err(|_| {
            format!("{text:?} is not a template id (a UUID from the template's page in Notify)")
        })
}

/// `https://…` (or `http://` for a local stand-in), without a trailing slash.
fn base_url(text: &str) -> Result<String, String> {
    let url = text.trim().trim_end_matches('/');
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("{text:?} does not start with https://"))?;
    if rest.is_empty() || rest.contains(['?', '#', ' ', '@']) {
        return Err(format!(
            "{text:?} is not a base URL like {DEFAULT_BASE_URL}"
        ));
    }
    Ok(url.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    pub const KEY: &str =
        "my-test_key-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";

    #[derive(Parser)]
    struct Flags {
        #[command(flatten)]
        notify: NotifyConfig,
    }

    #[test]
    fn an_api_key_splits_from_the_end_and_never_prints_its_secret() {
        let key = ApiKey::parse(&format!("  {KEY}\n")).unwrap();
        assert_eq!(key.service_id(), "26785a09-ab16-4eb0-8407-a37497a57506");
        assert_eq!(key.signing_key(), b"3d844edf-8d35-48ac-975b-e847b4f122b0");
        assert!(!format!("{key:?}").contains("3d844edf"));
        for bad in [
            "",
            "key",
            &KEY[..KEY.len() - 1],
            &KEY.replace("-3d84", "_3d84"),
        ] {
            assert!(ApiKey::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn secrets_come_from_files_and_errors_do_not_quote_them() {
        let dir = tempfile::tempdir().unwrap();
        let key_file = dir.path().join("key");
        let token_file = dir.path().join("token");
        std::fs::write(&key_file, format!("{KEY}\n")).unwrap();
        std::fs::write(&token_file, "a".repeat(40)).unwrap();
        let flags = Flags::try_parse_from([
            "server",
            "--notify-api-key-file",
            key_file.to_str().unwrap(),
            "--notify-receipt-token-file",
            token_file.to_str().unwrap(),
            "--notify-sms-template",
            "5A1C0000-0000-4000-8000-00000000000A",
        ])
        .unwrap();
        let notify = flags.notify;
        assert_eq!(notify.notify_api_key, Some(ApiKey::parse(KEY).unwrap()));
        assert!(notify
            .notify_receipt_token
            .unwrap()
            .matches(&"a".repeat(40)));
        assert_eq!(
            notify.notify_sms_template.as_deref(),
            Some("5a1c0000-0000-4000-8000-00000000000a")
        );
        assert_eq!(notify.notify_base_url, DEFAULT_BASE_URL);

        // The error for a flag, which must not quote what the file holds.
        let refusal = |flag: &str, file: &std::path::Path| {
            let parsed = Flags::try_parse_from(["server", flag, file.to_str().unwrap()]);
            parsed.err().unwrap().to_string()
        };
        std::fs::write(&token_file, "short-secret-token").unwrap();
        let message = refusal("--notify-receipt-token-file", &token_file);
        assert!(message.contains("32 characters"), "{message}");
        assert!(!message.contains("short-secret-token"), "{message}");
        std::fs::write(&key_file, "not-a-key-secret-words").unwrap();
        let message = refusal("--notify-api-key-file", &key_file);
        assert!(!message.contains("secret-words"), "{message}");
        let missing = refusal(
            "--notify-api-key-file",
            std::path::Path::new("/no/such/file"),
        );
        assert!(missing.contains("/no/such/file"), "{missing}");
    }

    #[test]
    fn a_receipt_token_matches_only_itself() {
        let token = ReceiptToken::new(&"t".repeat(32)).unwrap();
        assert!(token.matches(&"t".repeat(32)));
        assert!(!token.matches(&"t".repeat(31)));
        assert!(!token.matches(""));
        assert_eq!(format!("{token:?}"), "ReceiptToken(..)");
    }

    #[test]
    fn base_urls_and_template_ids() {
        assert_eq!(
            base_url("http://127.0.0.1:6011/").as_deref(),
            Ok("http://127.0.0.1:6011")
        );
        assert!(base_url("api.notifications.service.gov.uk").is_err());
        assert!(base_url("https://").is_err());
        assert!(template_id("not-a-uuid").is_err());
    }
}
