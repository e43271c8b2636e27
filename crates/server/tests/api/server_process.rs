//! The real `server` binary as a child process, for tests of how it starts, refuses to
//! start, and copies its database: started on a free loopback port, polled until it
//! answers or exits, killed when dropped.

use std::net::TcpListener;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// How long a server may take to answer, or a refusing one to exit.
const PATIENCE: Duration = Duration::from_secs(30);

/// A port nothing listens on right now (the kernel's pick).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("address")
        .port()
}

/// `server ARGS...` with `env` added and the demo variable removed, so the caller's
/// environment cannot change the test.
pub fn command(args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command
        .args(args)
        .env_remove(server::platform::config::DEMO_ENV)
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "warn")
        .envs(env.iter().copied());
    command
}

/// Runs a subcommand (`backup`, `restore`, `seed`) to the end.
pub fn run(args: &[&str]) -> Output {
    command(args, &[]).output().expect("run the server binary")
}

/// A running server, killed when dropped.
pub struct Running {
    pub base: String,
    child: Child,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What starting the server led to.
pub enum Started {
    Serving(Running),
    /// It exited by itself, with this on stderr.
    Refused(String),
}

/// Starts `server --addr 127.0.0.1:PORT --database-url URL EXTRA...` and waits until it
/// answers /api/health or exits.
pub async fn start(database_url: &str, extra: &[&str], env: &[(&str, &str)]) -> Started {
    let addr = format!("127.0.0.1:{}", free_port());
    let dist = std::env::temp_dir().join("no-dist");
    let dist = dist.to_str().expect("UTF-8 temp dir");
    let args = [
        &[
            "--addr",
            addr.as_str(),
            "--database-url",
            database_url,
            "--static-dir",
            dist,
        ],
        extra,
    ]
    .concat();
    let mut child = command(&args, env)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the server binary");
    let base = format!("http://{addr}");
    let client = reqwest::Client::new();
    let started = Instant::now();
    loop {
        if let Some(_status) = child.try_wait().expect("server status") {
            let output = child.wait_with_output().expect("server output");
            return Started::Refused(String::from_utf8_lossy(&output.stderr).into_owned());
        }
        if client
            .get(format!("{base}/api/health"))
            .send()
            .await
            .is_ok_and(|response| response.status().is_success())
        {
            return Started::Serving(Running { base, child });
        }
        assert!(
            started.elapsed() < PATIENCE,
            "the server neither answered nor exited"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Starts a server that must serve.
pub async fn serving(database_url: &str, extra: &[&str], env: &[(&str, &str)]) -> Running {
    match start(database_url, extra, env).await {
        Started::Serving(running) => running,
        Started::Refused(stderr) => panic!("the server refused to start: {stderr}"),
    }
}

/// Starts a server that must refuse; its error message.
pub async fn refused(database_url: &str, extra: &[&str], env: &[(&str, &str)]) -> String {
    match start(database_url, extra, env).await {
        Started::Serving(running) => panic!("the server started at {}", running.base),
        Started::Refused(stderr) => stderr,
    }
}
