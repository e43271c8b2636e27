//! Callback write load for `./x bench`: each writer (`loadgen::Writer`, one victim with
//! their own session) asks for a callback and cancels it again for the given time. Every
//! create and every cancel is one write.
//!
//! Prints throughput (successful writes a second), p50/p99 latency and counts by status;
//! 5xx answers (503 included: the server's answer when SQLite stays busy) are errors.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::Parser;
use loadgen::{prepare, read_sessions, Writer};
use reqwest::{Client, StatusCode};

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
    let sessions = read_sessions(&lines);
    if sessions.len() < args.writers {
        return Err(format!(
            "{} has {} sessions; {} writers need one each",
            args.sessions.display(),
            sessions.len(),
            args.writers
        )
        .into());
    }
    let client = Client::builder()
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

/// Create, then cancel what was created, until the deadline.
async fn write_until(client: &Client, writer: &Writer, deadline: Instant) -> Tally {
    let mut tally = Tally::default();
    while Instant::now() < deadline {
        let sent = Instant::now();
        let created = match writer.create(client).await {
            Ok((status, created)) => {
                tally.record(status, sent.elapsed());
                created
            }
            Err(_) => {
                tally.failed += 1;
                None
            }
        };
        let Some(created) = created else { continue };
        let sent = Instant::now();
        match writer.cancel(client, &created.id).await {
            Ok(status) => tally.record(status, sent.elapsed()),
            Err(_) => tally.failed += 1,
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
