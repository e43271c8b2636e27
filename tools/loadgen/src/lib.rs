//! Victims writing callback requests over HTTP, for the bench's write load (`loadgen`) and
//! the crash-safety check (`crash-safety`). Each writer is one victim with their own
//! session (a line `crime_reference<TAB>cookie` from `server seed --sessions-out`) who asks
//! for a callback in a window their safe times allow, and cancels it again, so the case
//! never reaches the limit of 3 open requests. Every request carries the server's own
//! address as `Origin`, as a browser's same-origin request does.

use reqwest::header::{HeaderValue, COOKIE, ORIGIN};
use reqwest::{Client, Response, StatusCode};
use shared::api::callbacks::{
    CallbackReason, CallbackView, CallbackWindow, CallbacksView, NewCallbackRequest, Urgency,
};
use shared::{CalendarDate, DayOfWeek};

/// One victim's session and the callback request they make.
pub struct Writer {
    pub reference: String,
    cookie: HeaderValue,
    origin: HeaderValue,
    callbacks_url: String,
    request: NewCallbackRequest,
}

/// Reads `crime_reference<TAB>cookie` lines.
pub fn read_sessions(text: &str) -> Vec<(&str, &str)> {
    text.lines()
        .filter_map(|line| line.split_once('\t'))
        .collect()
}

/// Sets up a writer on the server at `base`: finds a window the victim's safe times allow
/// and cancels any request left open (a cancel that fails here is tried again by the
/// limit: creates answer 422 until it is done).
pub async fn prepare(
    client: &Client,
    base: &str,
    reference: &str,
    cookie: &str,
) -> Result<Writer, String> {
    let cookie = HeaderValue::from_str(cookie).map_err(|e| format!("{reference}: cookie: {e}"))?;
    let origin = HeaderValue::from_str(base).map_err(|e| format!("{base}: {e}"))?;
    let callbacks_url = format!("{base}/api/cases/{}/callbacks", encode(reference));
    let response = client
        .get(&callbacks_url)
        .header(COOKIE, cookie.clone())
        .send()
        .await
        .map_err(|e| format!("{reference}: {e}"))?;
    if !response.status().is_success() {
        return Err(format!("{reference}: GET callbacks: {}", response.status()));
    }
    let view: CallbacksView = response
        .json()
        .await
        .map_err(|e| format!("{reference}: {e}"))?;
    let window = choose_window(&view).ok_or(format!("{reference}: no bookable 1-hour window"))?;
    let writer = Writer {
        reference: reference.to_owned(),
        cookie,
        origin,
        callbacks_url,
        request: NewCallbackRequest {
            reason: CallbackReason::CaseQuestion,
            details: None,
            urgency: Urgency::Routine,
            windows: vec![window],
            one_off_phone: (!view.has_phone_on_file).then(|| "+447700900123".to_owned()),
        },
    };
    for open in view.callbacks.iter().filter(|c| c.status.is_open()) {
        let _ = writer.cancel(client, &open.id).await;
    }
    Ok(writer)
}

impl Writer {
    /// Asks for a callback: the answer, and the new request when it was created (201).
    pub async fn create(
        &self,
        client: &Client,
    ) -> reqwest::Result<(StatusCode, Option<CallbackView>)> {
        let response = self
            .post(client, &self.callbacks_url)
            .json(&self.request)
            .send()
            .await?;
        let status = response.status();
        let body = response.bytes().await?;
        let created = (status == StatusCode::CREATED)
            .then(|| serde_json::from_slice::<CallbackView>(&body).ok())
            .flatten();
        Ok((status, created))
    }

    /// Cancels the request `id`; the answer's status once it is fully read.
    pub async fn cancel(&self, client: &Client, id: &str) -> reqwest::Result<StatusCode> {
        let response: Response = self
            .post(
                client,
                &format!("{}/{}/cancel", self.callbacks_url, encode(id)),
            )
            .send()
            .await?;
        let status = response.status();
        response.bytes().await?;
        Ok(status)
    }

    fn post(&self, client: &Client, url: &str) -> reqwest::RequestBuilder {
        client
            .post(url)
            .header(COOKIE, self.cookie.clone())
            .header(ORIGIN, self.origin.clone())
    }
}

/// The latest bookable date (always after today) and the first of the victim's safe times
/// on that weekday that is at least an hour long: its first hour.
fn choose_window(view: &CallbacksView) -> Option<CallbackWindow> {
    for date in view.bookable_dates.iter().rev() {
        let day = weekday(date)?;
        for safe in view.safe_times.iter().filter(|s| s.days.contains(&day)) {
            let (start, end) = (minutes(&safe.start)?, minutes(&safe.end)?);
            if end >= start + 60 {
                let one_hour_later = start + 60;
                return Some(CallbackWindow {
                    date: date.clone(),
                    start: safe.start.clone(),
                    end: format!("{:02}:{:02}", one_hour_later / 60, one_hour_later % 60),
                });
            }
        }
    }
    None
}

fn minutes(clock: &str) -> Option<u32> {
    let (h, m) = clock.split_once(':')?;
    Some(h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?)
}

/// Day of the week of a `YYYY-MM-DD` date.
fn weekday(date: &str) -> Option<DayOfWeek> {
    CalendarDate::parse(date)
        .ok()
        .map(CalendarDate::day_of_week)
}

/// Percent-encodes a path segment (`CR/100001/25` → `CR%2F100001%2F25`).
fn encode(segment: &str) -> String {
    segment
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays() {
        assert_eq!(weekday("1970-01-01"), Some(DayOfWeek::Thursday));
        assert_eq!(weekday("2025-12-25"), Some(DayOfWeek::Thursday));
        assert_eq!(weekday("2024-02-29"), Some(DayOfWeek::Thursday));
        assert_eq!(weekday("2026-03-02"), Some(DayOfWeek::Monday));
    }

    #[test]
    fn encodes_references() {
        assert_eq!(encode("CR/100001/25"), "CR%2F100001%2F25");
    }
}
