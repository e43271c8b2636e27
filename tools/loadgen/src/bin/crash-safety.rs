//! Crash safety (`./x test`): victims write callback requests (create, then cancel) to a
//! real server while it is killed with SIGKILL at random moments, again and again, and
//! restarted each time. Afterwards every write the client saw acknowledged must be in the
//! database (a created request exists; a cancelled one says cancelled), and on SQLite
//! `PRAGMA integrity_check` must say ok. Prints the counts; exits 1 on any loss.
//!
//! usage: crash-safety --server target/debug/server --database-url URL --work-dir DIR
//! (a new, empty database: it is seeded here; on PostgreSQL the server process is killed,
//! the database server keeps running).

use std::collections::HashMap;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use clap::Parser;
use loadgen::{prepare, read_sessions, Writer};
use reqwest::{Client, StatusCode};
use server::platform::db::{self, query, Engine};

#[derive(Debug, Parser)]
#[command(
    about = "Kill a writing server with SIGKILL again and again; check no acknowledged write is lost"
)]
struct Args {
    /// The server binary.
    #[arg(long)]
    server: PathBuf,
    /// A new, empty database (sqlite://PATH or postgres://…).
    #[arg(long)]
    database_url: String,
    /// For the sessions file and the server's log.
    #[arg(long)]
    work_dir: PathBuf,
    /// How many times the server is killed.
    #[arg(long, default_value_t = 20)]
    kills: u32,
    /// Concurrent writers, each a victim with their own case.
    #[arg(long, default_value_t = 8)]
    writers: usize,
}

/// A write the server acknowledged (a 2xx answer read in full).
#[derive(Debug, Clone)]
enum Acknowledged {
    Created(String),
    Cancelled(String),
}

type Log = Arc<Mutex<Vec<Acknowledged>>>;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run(Args::parse()).await {
        Ok(summary) => {
            println!("{summary}");
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("crash-safety: FAILED: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<String, String> {
    let sessions_file = args.work_dir.join("crash-sessions.tsv");
    new_data_key(&args)?;
    seed(&args, &sessions_file)?;
    let lines = std::fs::read_to_string(&sessions_file).map_err(|e| e.to_string())?;
    let sessions = read_sessions(&lines);
    let client = Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .map_err(|e| e.to_string())?;
    let log: Log = Arc::default();
    let mut random = XorShift::from_clock();
    for round in 1..=args.kills {
        let (mut child, base) = start_server(&args).await?;
        let writers = prepare_all(&client, &base, &sessions).await?;
        let tasks: Vec<_> = writers
            .into_iter()
            .map(|writer| tokio::spawn(write_forever(client.clone(), writer, log.clone())))
            .collect();
        // A random moment 0.2–1.2 s into the writes.
        tokio::time::sleep(Duration::from_millis(200 + random.below(1000))).await;
        child
            .kill()
            .map_err(|e| format!("round {round}: SIGKILL: {e}"))?;
        child.wait().map_err(|e| e.to_string())?;
        for task in tasks {
            task.abort();
        }
    }
    // A clean start after the last kill: recovery works and the server serves again.
    let (mut child, _) = start_server(&args).await?;
    let _ = child.kill();
    let _ = child.wait();
    let acknowledged = log.lock().map_err(|e| e.to_string())?.clone();
    verify(&args, &acknowledged).await
}

/// The data key file the seeder and the server share (they refuse to run without one).
fn data_key_file(args: &Args) -> PathBuf {
    args.work_dir.join("crash-data-key.json")
}

/// `server new-data-key`, over any left from an earlier run.
fn new_data_key(args: &Args) -> Result<(), String> {
    let file = data_key_file(args);
    let _ = std::fs::remove_file(&file);
    let output = Command::new(&args.server)
        .arg("new-data-key")
        .arg("--to")
        .arg(&file)
        .output()
        .map_err(|e| format!("server new-data-key: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "server new-data-key: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(())
}

/// `server seed`: cases and one session per writer.
fn seed(args: &Args, sessions_file: &std::path::Path) -> Result<(), String> {
    let output = Command::new(&args.server)
        .args([
            "seed",
            "--database-url",
            &args.database_url,
            "--cases",
            "200",
        ])
        .args(["--sessions", &args.writers.to_string(), "--sessions-out"])
        .arg(sessions_file)
        .env("DATA_KEY_FILE", data_key_file(args))
        .output()
        .map_err(|e| format!("server seed: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "server seed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(())
}

async fn start_server(args: &Args) -> Result<(Child, String), String> {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(args.work_dir.join("crash-server.log"))
        .map_err(|e| e.to_string())?;
    let mut child = Command::new(&args.server)
        .args([
            "--addr",
            &format!("127.0.0.1:{port}"),
            "--database-url",
            &args.database_url,
        ])
        .args(["--static-dir", "/nonexistent"])
        .env("DATA_KEY_FILE", data_key_file(args))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map_err(|e| format!("start {}: {e}", args.server.display()))?;
    let base = format!("http://127.0.0.1:{port}");
    let client = Client::new();
    let started = Instant::now();
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!(
                "the server exited at start-up ({status}); see crash-server.log"
            ));
        }
        let health = client.get(format!("{base}/api/health")).send().await;
        if health.is_ok_and(|response| response.status().is_success()) {
            return Ok((child, base));
        }
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            return Err("the server did not answer within 30 s of a restart".to_owned());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn prepare_all(
    client: &Client,
    base: &str,
    sessions: &[(&str, &str)],
) -> Result<Vec<Writer>, String> {
    let mut writers = Vec::with_capacity(sessions.len());
    for (reference, cookie) in sessions {
        writers.push(prepare(client, base, reference, cookie).await?);
    }
    Ok(writers)
}

/// Create, cancel, again, until aborted; records each acknowledged write.
async fn write_forever(client: Client, writer: Writer, log: Log) {
    loop {
        let Ok((_, Some(created))) = writer.create(&client).await else {
            tokio::time::sleep(Duration::from_millis(5)).await;
            continue;
        };
        record(&log, Acknowledged::Created(created.id.clone()));
        if matches!(
            writer.cancel(&client, &created.id).await,
            Ok(StatusCode::OK)
        ) {
            record(&log, Acknowledged::Cancelled(created.id));
        }
    }
}

fn record(log: &Log, write: Acknowledged) {
    if let Ok(mut log) = log.lock() {
        log.push(write);
    }
}

/// Every acknowledged write is in the database, and SQLite finds the file sound.
async fn verify(args: &Args, acknowledged: &[Acknowledged]) -> Result<String, String> {
    let db = db::connect(&args.database_url)
        .await
        .map_err(|e| format!("{e:#}"))?;
    let rows: Vec<(String, String)> = query("SELECT id, status FROM callback_requests")
        .fetch_all(&mut db.conn())
        .await
        .map_err(|e| e.to_string())?;
    let status: HashMap<String, String> = rows.into_iter().collect();
    let (mut creates, mut cancels, mut lost) = (0, 0, Vec::new());
    for write in acknowledged {
        match write {
            Acknowledged::Created(id) => {
                creates += 1;
                if !status.contains_key(id) {
                    lost.push(format!("created {id}: missing"));
                }
            }
            Acknowledged::Cancelled(id) => {
                cancels += 1;
                if status.get(id).map(String::as_str) != Some("cancelled") {
                    lost.push(format!("cancelled {id}: {:?}", status.get(id)));
                }
            }
        }
    }
    let integrity = if db.engine() == Engine::Sqlite {
        let lines: Vec<(String,)> = query("PRAGMA integrity_check")
            .fetch_all(&mut db.conn())
            .await
            .map_err(|e| e.to_string())?;
        let lines: Vec<String> = lines.into_iter().map(|(line,)| line).collect();
        if lines != ["ok"] {
            return Err(format!("PRAGMA integrity_check: {}", lines.join("; ")));
        }
        "; PRAGMA integrity_check: ok"
    } else {
        ""
    };
    db.close().await;
    let engine = if db.engine() == Engine::Sqlite {
        "SQLite"
    } else {
        "PostgreSQL"
    };
    if creates == 0 || cancels == 0 {
        return Err(format!(
            "{creates} creates and {cancels} cancels acknowledged: the writers never got going"
        ));
    }
    if !lost.is_empty() {
        return Err(format!(
            "{} acknowledged writes lost: {}",
            lost.len(),
            lost.join(", ")
        ));
    }
    Ok(format!(
        "crash safety ({engine}): {} SIGKILLs while {} writers wrote; {} acknowledged writes \
         ({creates} creates, {cancels} cancels), all {} present{integrity}",
        args.kills,
        args.writers,
        creates + cancels,
        creates + cancels
    ))
}

/// Where each kill lands: xorshift64 from the clock (the moments differ run to run).
struct XorShift(u64);

impl XorShift {
    fn from_clock() -> Self {
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(1, |since| since.subsec_nanos());
        Self(u64::from(nanos) | 1)
    }

    fn below(&mut self, limit: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % limit
    }
}
