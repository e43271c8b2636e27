//! Callback write load for `./x bench`. Each writer is one victim with their own session
//! (a line `crime_reference<TAB>cookie` from `server seed --sessions-out`) and, for the
//! given time, asks for a callback and cancels it again, so the case never reaches the
//! limit of 3 open requests. Every create and every cancel is one write.
//!
//! Prints throughput (successful writes a second), p50/p99 latency and counts by status;
//! 5xx answers (503 included: the server's answer when SQLite stays busy) are errors.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::Parser;
use reqwest::header::{HeaderMap, HeaderValue, COOKIE, ORIGIN};
use reqwest::{Client, StatusCode};
use shared::api::callbacks::{
    CallbackReason, CallbackView, CallbackWindow, CallbacksView, NewCallbackRequest, Urgency,
};
use shared::{CalendarDate, DayOfWeek};

#[derive(Debug, Parser)]
#[command(about = "Callback write load: N victims creating and cancelling callback requests")]
struct Args {
    /// The server, e.g. http://127.0.0.1:8080.
    #[arg(long)]
    base: String,
    /// Lines `crime_reference<TAB>cookie header value`, one per writer.
    #[arg(long)]
    sessions: PathBuf,
    /// Concurrent writers (each uses its own session and case).
    #[arg(long, default_value_t = 200)]
    writers: usize,
    /// How long to write, in seconds.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// Print one tab-separated line for scripts: writes/s, p50 ms, p99 ms, 5xx count,
    /// counts by status (`201=…,200=…`).
    #[arg(long)]
    tsv: bool,
}

struct Writer {
    cookie: HeaderValue,
    callbacks_url: String,
    request: NewCallbackRequest,
}

#[derive(Default)]
struct Tally {
    latencies_us: Vec<u64>,
    statuses: BTreeMap<u16, u64>,
    /// Connection failures and timeouts (no status).
    failed: u64,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let lines = std::fs::read_to_string(&args.sessions)?;
    let sessions: Vec<(&str, &str)> = lines
        .lines()
        .filter_map(|line| line.split_once('\t'))
        .collect();
    if sessions.len() < args.writers {
        return Err(format!(
            "{} has {} sessions; {} writers need one each",
            args.sessions.display(),
            sessions.len(),
            args.writers
        )
        .into());
    }
    // The server refuses writes without same-origin proof; a browser on the app's pages
    // sends its origin, so the load generator does too.
    let origin = HeaderValue::from_str(args.base.trim_end_matches('/'))?;
    let client = Client::builder()
        .default_headers(HeaderMap::from_iter([(ORIGIN, origin)]))
        .pool_max_idle_per_host(args.writers)
        .timeout(Duration::from_secs(30))
        .build()?;

    // Set-up, not timed: each writer finds a valid window for its victim and cancels any
    // open requests left over.
    let mut setups = Vec::new();
    for (reference, cookie) in sessions.into_iter().take(args.writers) {
        let client = client.clone();
        let base = args.base.clone();
        let (reference, cookie) = (reference.to_owned(), cookie.to_owned());
        setups.push(tokio::spawn(async move {
            prepare(&client, &base, &reference, &cookie).await
        }));
    }
    let mut writers = Vec::new();
    for setup in setups {
        writers.push(setup.await??);
    }

    let started = Instant::now();
    let deadline = started + Duration::from_secs(args.seconds);
    let mut tasks = Vec::new();
    for writer in writers {
        let client = client.clone();
        tasks.push(tokio::spawn(async move {
            write_until(&client, &writer, deadline).await
        }));
    }
    let mut total = Tally::default();
    for task in tasks {
        let tally = task.await?;
        total.latencies_us.extend(tally.latencies_us);
        for (status, count) in tally.statuses {
            *total.statuses.entry(status).or_default() += count;
        }
        total.failed += tally.failed;
    }
    let elapsed = started.elapsed().as_secs_f64();
    report(&args, &mut total, elapsed);
    Ok(())
}

async fn prepare(
    client: &Client,
    base: &str,
    reference: &str,
    cookie: &str,
) -> Result<Writer, String> {
    let cookie = HeaderValue::from_str(cookie).map_err(|e| format!("{reference}: cookie: {e}"))?;
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
    for open in view.callbacks.iter().filter(|c| c.status.is_open()) {
        cancel(client, &callbacks_url, &cookie, &open.id).await;
    }
    let window = choose_window(&view).ok_or(format!("{reference}: no bookable 1-hour window"))?;
    let request = NewCallbackRequest {
        reason: CallbackReason::CaseQuestion,
        details: None,
        urgency: Urgency::Routine,
        windows: vec![window],
        one_off_phone: (!view.has_phone_on_file).then(|| "+447700900123".to_owned()),
    };
    Ok(Writer {
        cookie,
        callbacks_url,
        request,
    })
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

async fn cancel(
    client: &Client,
    callbacks_url: &str,
    cookie: &HeaderValue,
    id: &str,
) -> Option<StatusCode> {
    client
        .post(format!("{callbacks_url}/{}/cancel", encode(id)))
        .header(COOKIE, cookie.clone())
        .send()
        .await
        .ok()
        .map(|r| r.status())
}

/// Create, then cancel what was created, until the deadline.
async fn write_until(client: &Client, writer: &Writer, deadline: Instant) -> Tally {
    let mut tally = Tally::default();
    while Instant::now() < deadline {
        let sent = Instant::now();
        let created = client
            .post(&writer.callbacks_url)
            .header(COOKIE, writer.cookie.clone())
            .json(&writer.request)
            .send()
            .await;
        let created = match created {
            Ok(response) => {
                let status = response.status();
                let body = response.bytes().await;
                tally.record(status, sent.elapsed());
                match (status, body) {
                    (StatusCode::CREATED, Ok(body)) => {
                        serde_json::from_slice::<CallbackView>(&body).ok()
                    }
                    _ => None,
                }
            }
            Err(_) => {
                tally.failed += 1;
                None
            }
        };
        let Some(created) = created else { continue };
        let sent = Instant::now();
        match cancel(client, &writer.callbacks_url, &writer.cookie, &created.id).await {
            Some(status) => tally.record(status, sent.elapsed()),
            None => tally.failed += 1,
        }
    }
    tally
}

impl Tally {
    fn record(&mut self, status: StatusCode, took: Duration) {
        self.latencies_us.push(took.as_micros() as u64);
        *self.statuses.entry(status.as_u16()).or_default() += 1;
    }
}

fn report(args: &Args, total: &mut Tally, elapsed: f64) {
    total.latencies_us.sort_unstable();
    let percentile = |p: f64| -> f64 {
        if total.latencies_us.is_empty() {
            return 0.0;
        }
        let index = ((total.latencies_us.len() as f64 - 1.0) * p).round() as usize;
        total.latencies_us[index] as f64 / 1000.0
    };
    let ok: u64 = total
        .statuses
        .iter()
        .filter(|(s, _)| (200..300).contains(*s))
        .map(|(_, n)| n)
        .sum();
    let server_errors: u64 = total
        .statuses
        .iter()
        .filter(|(s, _)| **s >= 500)
        .map(|(_, n)| n)
        .sum();
    let per_second = ok as f64 / elapsed;
    let statuses = total
        .statuses
        .iter()
        .map(|(s, n)| format!("{s}={n}"))
        .chain((total.failed > 0).then(|| format!("no-answer={}", total.failed)))
        .collect::<Vec<_>>()
        .join(",");
    eprintln!(
        "{} writers for {elapsed:.1}s: {ok} successful writes ({per_second:.0}/s), p50 {:.1} ms, p99 {:.1} ms, by status: {statuses}",
        args.writers,
        percentile(0.50),
        percentile(0.99),
    );
    if args.tsv {
        println!(
            "{per_second:.0}\t{:.1}\t{:.1}\t{}\t{statuses}",
            percentile(0.50),
            percentile(0.99),
            server_errors + total.failed
        );
    }
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
