//! "Who has looked at your case", as the victim is told it: roles, not people, and days,
//! not times. Plain functions over what `store::looks` found, so tests need no database.

use shared::api::audit::{Look, LookerRole};

use super::AuditActorKind;
use crate::platform::stored::enum_from_text;
use crate::platform::uk_time;

/// How far back the victim's list goes.
pub const LOOKS_DAYS: u32 = 90;

/// The role a victim is told about for an actor of `kind`; `None` for those left out:
/// the victim themselves, and the service (messages and imports are not looks).
pub fn looker_role(kind: AuditActorKind, works_the_case: bool) -> Option<LookerRole> {
    match kind {
        AuditActorKind::Officer if works_the_case => Some(LookerRole::YourOfficer),
        AuditActorKind::Officer => Some(LookerRole::AnotherOfficer),
        AuditActorKind::Supervisor => Some(LookerRole::Supervisor),
        AuditActorKind::Supporter => Some(LookerRole::Supporter),
        AuditActorKind::Victim | AuditActorKind::DeliveryWorker | AuditActorKind::ImportClient => {
            None
        }
    }
}

/// One line per role per UK day, newest day first, from `(hour since the epoch, actor
/// kind, works the case)` rows, newest first. A kind this code does not know is left out.
pub fn looks(rows: &[(i64, String, bool)]) -> Vec<Look> {
    let mut lines: Vec<Look> = Vec::new();
    for (hour, kind, works_the_case) in rows {
        let Ok(kind) = enum_from_text::<AuditActorKind>(kind) else {
            continue;
        };
        let Some(role) = looker_role(kind, *works_the_case) else {
            continue;
        };
        let date = uk_time::local(hour * 3600).date.to_string();
        let seen = lines
            .iter()
            .any(|line| line.role == role && line.date == date);
        if !seen {
            lines.push(Look { role, date });
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2 December 2026, 00:00 UTC (GMT: the same in UK time).
    const DEC_2: i64 = 1_796_169_600;

    fn row(at: i64, kind: &str, works: bool) -> (i64, String, bool) {
        (at / 3600, kind.to_owned(), works)
    }

    fn line(role: LookerRole, date: &str) -> Look {
        Look {
            role,
            date: date.to_owned(),
        }
    }

    #[test]
    fn one_line_per_role_per_day_newest_first_without_the_victim_or_the_service() {
        let rows = [
            row(DEC_2 + 15 * 3600, "officer", true),
            row(DEC_2 + 14 * 3600, "victim", false),
            row(DEC_2 + 10 * 3600, "officer", true),
            row(DEC_2 + 9 * 3600, "delivery_worker", false),
            row(DEC_2 + 9 * 3600, "supervisor", false),
            row(DEC_2 - 3600, "officer", true),
            row(DEC_2 - 2 * 3600, "officer", false),
            row(DEC_2 - 3 * 3600, "supporter", false),
            row(DEC_2 - 4 * 3600, "import_client", false),
            row(DEC_2 - 5 * 3600, "someone_new", false),
        ];
        assert_eq!(
            looks(&rows),
            [
                line(LookerRole::YourOfficer, "2026-12-02"),
                line(LookerRole::Supervisor, "2026-12-02"),
                line(LookerRole::YourOfficer, "2026-12-01"),
                line(LookerRole::AnotherOfficer, "2026-12-01"),
                line(LookerRole::Supporter, "2026-12-01"),
            ]
        );
    }

    #[test]
    fn days_are_uk_days() {
        // 1 July 2026, 23:30 UTC is 00:30 on 2 July in UK summer time.
        let late = 1_782_948_600;
        assert_eq!(
            looks(&[row(late, "officer", true)]),
            [line(LookerRole::YourOfficer, "2026-07-02")]
        );
    }
}
