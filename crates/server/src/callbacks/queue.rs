//! The officer's callback queue: "I feel unsafe now" requests (reason `feel_unsafe`, or
//! urgency `urgent`) first, then the soonest call: the booked time if there is one, else
//! the earliest window the victim chose; then the oldest request. The windows are sealed
//! at rest, so the order is made here after opening them, over the open requests of the
//! caller's cases only (an index-driven read, `staff_store::QUEUE_SQL`).

use shared::api::callbacks::{CallbackReason, CallbackView, Urgency};
use shared::contact::ClockTime;
use shared::CalendarDate;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::platform::uk_time;

/// Whether a request is "I feel unsafe now": listed first and flagged.
pub fn unsafe_now(view: &CallbackView) -> bool {
    view.reason == CallbackReason::FeelUnsafe || view.urgency == Urgency::Urgent
}

/// When the call should happen, as Unix seconds: the booked start, else the earliest
/// window's start; `i64::MAX` if neither reads.
pub fn soonest(view: &CallbackView) -> i64 {
    if let Some(booked) = view.scheduled_for.as_deref().and_then(unix_of) {
        return booked;
    }
    view.windows
        .iter()
        .filter_map(|window| {
            let date = CalendarDate::parse(&window.date).ok()?;
            let start = ClockTime::parse(&window.start).ok()?;
            Some(uk_time::to_unix(date, start.minutes()))
        })
        .min()
        .unwrap_or(i64::MAX)
}

/// Unix seconds of an RFC 3339 time.
fn unix_of(text: &str) -> Option<i64> {
    OffsetDateTime::parse(text, &Rfc3339)
        .ok()
        .map(OffsetDateTime::unix_timestamp)
}

/// The queue's order: the key each request sorts by.
pub fn order_key(view: &CallbackView) -> (bool, i64, String) {
    (!unsafe_now(view), soonest(view), view.requested_at.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::api::callbacks::{CallbackStatus, CallbackWindow};

    fn request(id: &str, reason: CallbackReason, urgency: Urgency, date: &str) -> CallbackView {
        CallbackView {
            id: id.into(),
            reason,
            details: None,
            urgency,
            windows: vec![CallbackWindow {
                date: date.into(),
                start: "10:00".into(),
                end: "11:00".into(),
            }],
            phone_ending: "001".into(),
            status: CallbackStatus::Requested,
            scheduled_for: None,
            booked: None,
            requested_at: "2026-03-10T08:00:00Z".into(),
        }
    }

    #[test]
    fn unsafe_now_first_then_the_soonest_call() {
        use CallbackReason::*;
        let mut booked = request("booked", CaseQuestion, Urgency::Routine, "2026-03-20");
        booked.scheduled_for = Some("2026-03-11T09:00:00Z".into());
        let mut queue = [
            request("later", CaseQuestion, Urgency::Routine, "2026-03-13"),
            request("sooner", SupportNeeds, Urgency::Soon, "2026-03-12"),
            booked,
            request("unsafe", FeelUnsafe, Urgency::Routine, "2026-03-19"),
            request("urgent", CaseQuestion, Urgency::Urgent, "2026-03-18"),
        ];
        queue.sort_by_key(order_key);
        let ids: Vec<&str> = queue.iter().map(|view| view.id.as_str()).collect();
        assert_eq!(ids, ["urgent", "unsafe", "booked", "sooner", "later"]);
    }

    #[test]
    fn stored_times_read_back() {
        assert_eq!(unix_of("1970-01-02T00:00:01Z"), Some(86_401));
        assert_eq!(unix_of("not a time"), None);
    }
}
