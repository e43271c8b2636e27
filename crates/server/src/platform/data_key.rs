//! The data key file: the secret that keeps victims' contact details and sign-in codes
//! unreadable in a copied database file or backup. It lives outside the database
//! (`--data-key-file`), so the database alone reveals nothing sealed.
//!
//! The file is a small JSON document of named keys, one of them current:
//! `{"current":"20261201-a1b2","keys":{"20261201-a1b2":"<base64 of 32 random bytes>"}}`.
//! The current key seals new values and makes new sign-in code hashes; every listed key
//! still opens what it sealed, which is what makes rotation possible without downtime
//! (`server new-data-key --to NEW --keep-keys-of OLD`, then restart with NEW: start-up
//! re-seals every value under the current key; see README "Data at rest").
//!
//! From each key, HKDF-SHA256 derives three independent keys with distinct labels: one for
//! XChaCha20-Poly1305 (sealed values), one for HMAC-SHA256 of sign-in codes, one for the
//! blind index (HMAC-SHA256 of a value, for lookups). One secret per version keeps the file
//! simple; the labels keep the three uses from ever sharing key material.

use std::collections::BTreeMap;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use anyhow::Context;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chacha20poly1305::{KeyInit, XChaCha20Poly1305};
use hkdf::Hkdf;
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::platform::owner_only;

/// How to make a key file, for error messages.
const HOW_TO_CREATE: &str = "create one with `server new-data-key --to FILE` and pass it \
     with --data-key-file FILE (or DATA_KEY_FILE=FILE); keep it outside the database folder \
     and its backups";

/// The file as stored.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    current: String,
    keys: BTreeMap<String, String>,
}

/// The keys derived from one version of the data key.
pub(crate) struct DerivedKeys {
    pub(crate) cipher: XChaCha20Poly1305,
    pub(crate) code_mac: [u8; 32],
    pub(crate) blind_index: [u8; 32],
}

impl DerivedKeys {
    fn derive(secret: &[u8; 32]) -> Self {
        let hkdf = Hkdf::<Sha256>::new(None, secret);
        let expand = |label: &str| {
            let mut out = [0u8; 32];
            // 32 bytes is far below HKDF-SHA256's limit (8160): this cannot fail.
            if hkdf.expand(label.as_bytes(), &mut out).is_err() {
                unreachable!("HKDF output of 32 bytes is always valid");
            }
            out
        };
        Self {
            cipher: XChaCha20Poly1305::new(&expand("safe-updates/v1/seal").into()),
            code_mac: expand("safe-updates/v1/sign-in-code"),
            blind_index: expand("safe-updates/v1/blind-index"),
        }
    }
}

/// Every version of the data key, derived and ready, and which one is current.
pub struct DataKeys {
    pub(crate) current: String,
    pub(crate) keys: BTreeMap<String, DerivedKeys>,
}

impl std::fmt::Debug for DataKeys {
    /// Key ids only: the keys themselves never reach a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DataKeys")
            .field("current", &self.current)
            .field("ids", &self.keys.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl DataKeys {
    /// Reads and checks a key file. Refuses a file others may read (like ssh does), a
    /// current key that is not listed, and keys that are not 32 bytes.
    pub fn load(path: &Path) -> anyhow::Result<Self> {
        let mode = std::fs::metadata(path)
            .with_context(|| format!("no data key file at {}; {HOW_TO_CREATE}", path.display()))?
            .permissions()
            .mode();
        if mode & 0o077 != 0 {
            anyhow::bail!(
                "the data key file {} may be read by other users (mode {:o}); make it \
                 owner-only: chmod 600 {}",
                path.display(),
                mode & 0o777,
                path.display()
            );
        }
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("could not read the data key file {}", path.display()))?;
        let file: KeyFile = serde_json::from_str(&text).with_context(|| {
            format!(
                "the data key file {} is not a key file ({{\"current\":ID,\"keys\":{{ID:BASE64}}}})",
                path.display()
            )
        })?;
        Self::from_file(file).with_context(|| format!("data key file {}", path.display()))
    }

    fn from_file(file: KeyFile) -> anyhow::Result<Self> {
        let mut keys = BTreeMap::new();
        for (id, encoded) in &file.keys {
            anyhow::ensure!(
                valid_key_id(id),
                "key id {id:?}: use 1-40 of A-Z a-z 0-9 - _"
            );
            let bytes = STANDARD
                .decode(encoded.trim())
                .ok()
                .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
                .with_context(|| format!("key {id:?} is not base64 of 32 bytes"))?;
            keys.insert(id.clone(), DerivedKeys::derive(&bytes));
        }
        anyhow::ensure!(
            keys.contains_key(&file.current),
            "the current key {:?} is not among the keys",
            file.current
        );
        Ok(Self {
            current: file.current,
            keys,
        })
    }

    /// Fresh keys with one random current key, held in memory only (tests).
    pub fn generate() -> anyhow::Result<Self> {
        Self::from_file(new_key_file(None, false)?.0)
    }

    /// The id of the key that seals new values.
    pub fn current_id(&self) -> &str {
        &self.current
    }

    /// The current key's derived keys.
    pub(crate) fn current_keys(&self) -> &DerivedKeys {
        // `from_file` checked that the current id is listed.
        &self.keys[&self.current]
    }
}

/// A key id as the sealed format can carry it: no dots, nothing to escape.
pub(crate) fn valid_key_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A key file with one new random key, made current, plus every key of `keep` (so values
/// they sealed still open).
/// Returns the file and the new key's id.
fn new_key_file(keep: Option<KeyFile>, keep_current: bool) -> anyhow::Result<(KeyFile, String)> {
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret).map_err(|e| anyhow::anyhow!("no OS randomness: {e}"))?;
    let mut suffix = [0u8; 2];
    getrandom::fill(&mut suffix).map_err(|e| anyhow::anyhow!("no OS randomness: {e}"))?;
    let today = time::OffsetDateTime::now_utc().date();
    // The date says how old a key is; the random suffix keeps two made the same day apart.
    let id = format!(
        "{:04}{:02}{:02}-{:02x}{:02x}",
        today.year(),
        u8::from(today.month()),
        today.day(),
        suffix[0],
        suffix[1]
    );
    let (kept_current, mut keys) = match keep {
        Some(file) => (Some(file.current), file.keys),
        None => (None, BTreeMap::new()),
    };
    keys.insert(id.clone(), STANDARD.encode(secret));
    let current = match kept_current {
        Some(old) if keep_current => old,
        _ => id.clone(),
    };
    Ok((KeyFile { current, keys }, id))
}

/// `server new-data-key --to FILE [--keep-keys-of OLD [--keep-current]]`: writes a new key
/// file (owner-only, never over an existing file) with a new key, made current unless
/// `keep_current`; with OLD, it also keeps OLD's keys, for rotation. Returns a one-line
/// summary naming the current key.
pub fn write_new_key_file(
    to: &Path,
    keep_keys_of: Option<&Path>,
    keep_current: bool,
) -> anyhow::Result<String> {
    let keep = match keep_keys_of {
        Some(old) => {
            // Loading checks the old file fully before anything is written.
            DataKeys::load(old)?;
            let text = std::fs::read_to_string(old)?;
            Some(serde_json::from_str::<KeyFile>(&text)?)
        }
        None => None,
    };
    let (file, new_id) = new_key_file(keep, keep_current)?;
    let mut out = owner_only::create_new_file(to)
        .with_context(|| format!("could not create {} (it must not exist yet)", to.display()))?;
    out.write_all(serde_json::to_string_pretty(&file)?.as_bytes())?;
    out.write_all(b"\n")?;
    out.sync_all()?;
    Ok(format!(
        "created {} with new key {new_id}; current key {}; {} key(s) in all",
        to.display(),
        file.current,
        file.keys.len()
    ))
}

/// The server's keys: from `--data-key-file`; in demo mode without one, from a file beside
/// the SQLite database (made on first use, so a demo needs no set-up). Anything else stops
/// the server with how to make a key file: sealing with no key, or a made-up one, would
/// lose the data or protect nothing.
pub fn for_server(file: Option<&Path>, demo: bool, database_url: &str) -> anyhow::Result<DataKeys> {
    if let Some(file) = file {
        return DataKeys::load(file);
    }
    if demo {
        if let Ok(Some(database_file)) = crate::platform::db::sqlite_file(database_url) {
            return demo_keys_beside(&database_file);
        }
    }
    anyhow::bail!("no data key file named (--data-key-file); {HOW_TO_CREATE}")
}

/// The key file demo mode uses when none is named: beside the SQLite database, made on
/// first use.
fn demo_keys_beside(database_file: &Path) -> anyhow::Result<DataKeys> {
    let mut name = database_file.as_os_str().to_owned();
    name.push(".data-key.json");
    let path = std::path::PathBuf::from(name);
    if !path.exists() {
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            owner_only::create_folder_all(folder)?;
        }
        write_new_key_file(&path, None, false)?;
    }
    DataKeys::load(&path)
}

#[cfg(test)]
#[path = "data_key_tests.rs"]
mod tests;
