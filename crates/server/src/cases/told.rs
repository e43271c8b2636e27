//! When and how a victim was told of an update (its Victims' Code "told" date): by the
//! portal when they open their case, by a delivered message, or by a call or visit an
//! officer records. Only the first telling counts; later ones change nothing.

use shared::api::updates::TellingMethod;
use shared::CalendarDate;

use super::store;
use crate::platform::db::Conn;

/// Records that the victim was told of update `update_id` of case `case_id` on `on` by
/// `method`, unless they were told of it already. True when this marked it. Call inside
/// the write job that records the telling (e.g. a contact log entry), with its audit row.
pub async fn mark_told(
    conn: &mut Conn<'_>,
    case_id: &str,
    update_id: &str,
    method: TellingMethod,
    on: CalendarDate,
) -> anyhow::Result<bool> {
    store::mark_told(conn, case_id, update_id, method, on).await
}

/// Records every untold Victims' Code event of `case_id` as told on `on` by the portal:
/// the victim has just opened their case and is reading them. The number marked.
pub async fn mark_told_by_portal(
    conn: &mut Conn<'_>,
    case_id: &str,
    on: CalendarDate,
) -> anyhow::Result<u64> {
    store::mark_all_told(conn, case_id, TellingMethod::Portal, on).await
}
