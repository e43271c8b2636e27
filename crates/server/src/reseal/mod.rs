//! The re-sealing pass: at start-up, every value in a sealed column that is not sealed
//! with the current data key is sealed with it. That one pass does two jobs:
//!
//! - migration 0011: SQL cannot encrypt, so rows written before values were sealed are
//!   sealed here, in Rust (a value not in the sealed format is plain text);
//! - key rotation: after a new current key is added to the key file, values sealed with an
//!   older key are opened with it and sealed again with the new one, after which the old
//!   key can be dropped from the file.
//!
//! It is idempotent (values sealed with the current key are never selected), works in
//! batches of `BATCH` rows, each a short write transaction, and changes a row only if its
//! value is still the one read, so it is safe while other servers serve. A value in the
//! sealed format that does not open stops it with an error naming the column: that is a
//! missing old key or damage, and guessing would lose data.

pub mod store;

use crate::outbox::BLANKED_BODY;
use crate::platform::config::ResealArgs;
use crate::platform::data_key::DataKeys;
use crate::platform::db::Db;
use crate::platform::sealed::{self, Column};
use store::SealedColumn;

/// Rows per transaction: short enough never to hold SQLite's write lock for long.
const BATCH: i64 = 500;

/// Every sealed column, with the `Column` its values are bound to.
pub const SEALED: &[(Column, SealedColumn)] = &[
    (sealed::VICTIMS_PHONE, by_id("victims", "phone")),
    (sealed::VICTIMS_EMAIL, by_id("victims", "email")),
    (
        sealed::PREFERENCES_BODY,
        by_id("contact_preferences", "body"),
    ),
    (sealed::CALLBACK_PHONE, by_id("callback_requests", "phone")),
    (sealed::WINDOW_DATE, window("window_date")),
    (sealed::WINDOW_START, window("start_time")),
    (sealed::WINDOW_END, window("end_time")),
    (
        sealed::OUTBOX_RECIPIENT,
        SealedColumn {
            blind_index: Some("recipient_index"),
            ..by_id("outbox", "recipient")
        },
    ),
    (
        sealed::OUTBOX_BODY,
        SealedColumn {
            left_plain: Some(BLANKED_BODY),
            ..by_id("outbox", "body")
        },
    ),
    (sealed::STAFF_TOTP_SECRET, by_id("staff", "totp_secret")),
    (
        sealed::FLAGGED_PHONE,
        SealedColumn {
            blind_index: Some("phone_index"),
            ..by_id("flagged_numbers", "phone")
        },
    ),
    (sealed::SUPPORTERS_NAME, by_id("supporters", "name")),
    (
        sealed::SUPPORTERS_CONTACT,
        SealedColumn {
            blind_index: Some("contact_index"),
            ..by_id("supporters", "contact")
        },
    ),
    (sealed::SUPPORTERS_REASON, by_id("supporters", "reason")),
    (
        sealed::SUPPORTERS_REMOVAL_REASON,
        by_id("supporters", "removal_reason"),
    ),
    (
        sealed::CONTACT_CHANGE_REQUESTED,
        by_id("contact_changes", "requested"),
    ),
    (
        sealed::CONTACT_CHANGE_RECIPIENT,
        by_id("contact_changes", "code_recipient"),
    ),
];

/// A column of a table whose primary key is `id`.
const fn by_id(table: &'static str, column: &'static str) -> SealedColumn {
    SealedColumn {
        table,
        column,
        key: ("id", None),
        blind_index: None,
        left_plain: None,
    }
}

/// A column of `callback_windows`, whose primary key is (callback_id, position).
const fn window(column: &'static str) -> SealedColumn {
    SealedColumn {
        table: "callback_windows",
        column,
        key: ("callback_id", Some("CAST(position AS TEXT)")),
        blind_index: None,
        left_plain: None,
    }
}

/// `server reseal`: the pass on the named database with the named key file, without
/// starting a server. Returns a one-line summary.
pub async fn run_command(args: &ResealArgs) -> anyhow::Result<String> {
    let keys = DataKeys::load(&args.data_key_file)?;
    let db = crate::platform::db::connect(&args.database_url).await?;
    let sealed = run(&db, &keys).await;
    db.close().await;
    Ok(format!(
        "sealed {} value(s) with key {}",
        sealed?,
        keys.current_id()
    ))
}

/// Seals every value not yet sealed with the current key. Returns how many it sealed.
pub async fn run(db: &Db, keys: &DataKeys) -> anyhow::Result<u64> {
    let mut sealed = 0;
    for (column, target) in SEALED {
        sealed += reseal_column(db, keys, *column, target).await?;
    }
    if sealed > 0 {
        tracing::info!(
            sealed,
            key = keys.current_id(),
            "stored values sealed with the current data key"
        );
    }
    Ok(sealed)
}

async fn reseal_column(
    db: &Db,
    keys: &DataKeys,
    column: Column,
    target: &SealedColumn,
) -> anyhow::Result<u64> {
    let prefix = format!("v1.{}.", keys.current_id());
    let mut sealed = 0;
    loop {
        let mut tx = db.begin_write().await?;
        let mut conn = tx.conn();
        let rows = store::not_sealed_with(&mut conn, target, &prefix, BATCH).await?;
        let mut changed = 0;
        for row in &rows {
            let old = &row.2;
            let plain = if sealed::looks_sealed(old) {
                keys.open(column, old)?
            } else {
                old.clone()
            };
            let new = keys.seal(column, &plain)?;
            let index = target.blind_index.map(|_| keys.blind_index(column, &plain));
            if store::replace(&mut conn, target, row, &new, index.as_deref()).await? {
                changed += 1;
            }
        }
        tx.commit().await?;
        sealed += changed;
        // Fewer than a batch: that was the last. None changed: every row read was changed
        // by a request meanwhile, which seals with the current key, so none is left.
        if rows.len() < BATCH as usize || changed == 0 {
            return Ok(sealed);
        }
    }
}
