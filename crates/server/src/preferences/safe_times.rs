//! The safe times that apply when a victim has given none: working days, 9am to 5pm. Both
//! callbacks (which windows can be booked) and the plain-language summary use them.

use shared::api::preferences::SafeTimeWindow;
use shared::DayOfWeek;

/// The safe times used when a victim has given none: working days, 9am to 5pm.
pub fn office_hours() -> Vec<SafeTimeWindow> {
    vec![SafeTimeWindow {
        days: vec![
            DayOfWeek::Monday,
            DayOfWeek::Tuesday,
            DayOfWeek::Wednesday,
            DayOfWeek::Thursday,
            DayOfWeek::Friday,
        ],
        start: "09:00".into(),
        end: "17:00".into(),
    }]
}

/// The victim's safe times, or office hours if they have none.
pub fn safe_times_or_office_hours(safe_times: &[SafeTimeWindow]) -> Vec<SafeTimeWindow> {
    if safe_times.is_empty() {
        office_hours()
    } else {
        safe_times.to_vec()
    }
}
