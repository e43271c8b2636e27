//! `ServerProcess`: the real `server` binary on a free port, for tests that need whole
//! processes (several servers on one database, the logs a deployment would write, how it
//! starts and refuses to start, its subcommands).

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// A `server` process, killed when dropped. Everything it prints is kept.
pub struct ServerProcess {
    child: Child,
    pub address: String,
    output: Arc<Mutex<Vec<String>>>,
    readers: Vec<JoinHandle<()>>,
}

/// `server ARGS...` with `env` added, the tests' data key file (`DATA_KEY_FILE`), and the
/// variables that would change what a test
/// means (demo mode, the database, JSON logs) removed from the caller's environment.
pub fn command(args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command
        .args(args)
        .env_remove(server::platform::config::DEMO_ENV)
        .env_remove("DATABASE_URL")
        .env_remove("LOG_JSON")
        // The "listening" line is logged at info.
        .env("RUST_LOG", "info")
        .env("DATA_KEY_FILE", crate::helpers::test_key_file())
        .envs(env.iter().copied());
    command
}

/// Runs a subcommand (`backup`, `restore`, `seed`) to its end.
pub fn run(args: &[&str]) -> Output {
    command(args, &[]).output().expect("run the server binary")
}

/// `server seed` of `cases` cases with `codes` sign-in code messages queued
/// (`--queue-codes`), and any `extra` flags, run to its end.
pub fn seed_queued_codes(database_url: &str, cases: u64, codes: u64, extra: &[&str]) -> Output {
    let (cases, codes) = (cases.to_string(), codes.to_string());
    let args = [
        "seed",
        "--database-url",
        database_url,
        "--cases",
        &cases,
        "--queue-codes",
        &codes,
    ];
    run(&[&args, extra].concat())
}

impl ServerProcess {
    /// Starts the server in demo mode on a free port with readable logs at `info`.
    pub fn start(database_url: &str) -> Self {
        Self::start_with(database_url, "info", false)
    }

    /// Starts the server binary on a free port in demo mode, logging at `log_level`
    /// (`RUST_LOG`), as JSON lines when `json`.
    pub fn start_with(database_url: &str, log_level: &str, json: bool) -> Self {
        let mut extra = vec!["--demo"];
        if json {
            extra.push("--log-json");
        }
        Self::try_start(database_url, &extra, &[("RUST_LOG", log_level)])
            .unwrap_or_else(|output| panic!("the server stopped before listening: {output}"))
    }

    /// Starts `server --addr 127.0.0.1:0 --database-url URL EXTRA...` and waits for its
    /// "listening" line, which carries the address (no polling, no sleeping). When it
    /// exits instead, everything it printed.
    pub fn try_start(
        database_url: &str,
        extra: &[&str],
        env: &[(&str, &str)],
    ) -> Result<Self, String> {
        let args = [
            &["--addr", "127.0.0.1:0", "--database-url", database_url],
            extra,
        ]
        .concat();
        let mut child = command(&args, env)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the server binary");
        let output = Arc::new(Mutex::new(Vec::new()));
        let stderr = child.stderr.take().expect("stderr");
        let mut readers = vec![keep_lines(stderr, Arc::clone(&output))];
        let stdout = child.stdout.take().expect("stdout");
        let mut stdout = BufReader::new(stdout);
        let address = loop {
            let mut line = String::new();
            let read = stdout
                .read_line(&mut line)
                .expect("read the server's output");
            if read == 0 {
                // It exited: stderr holds why.
                let _ = child.wait();
                for reader in readers {
                    let _ = reader.join();
                }
                return Err(lines(&output).join("\n"));
            }
            let line = line.trim_end().to_owned();
            let found = listening_address(&line);
            push(&output, line);
            if let Some(addr) = found {
                break format!("http://{addr}");
            }
        };
        // Keep reading so the server never blocks on a full pipe.
        readers.push(keep_lines(stdout, Arc::clone(&output)));
        Ok(Self {
            child,
            address,
            output,
            readers,
        })
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// Asks the server to stop as an operator would (SIGTERM), waits for it, and returns
    /// every line it printed on stdout and stderr.
    pub fn stop(mut self) -> Vec<String> {
        let terminated = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        if !terminated.is_ok_and(|status| status.success()) {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
        // The readers end when the pipes close, having read everything.
        for reader in std::mem::take(&mut self.readers) {
            let _ = reader.join();
        }
        lines(&self.output)
    }
}

impl ServerProcess {
    /// Kills the server with SIGKILL, as a crash or an out-of-memory kill would: no
    /// shutdown, whatever it was doing left half done. Returns what it printed.
    pub fn kill(mut self) -> Vec<String> {
        // `Child::kill` sends SIGKILL on Unix.
        let _ = self.child.kill();
        let _ = self.child.wait();
        for reader in std::mem::take(&mut self.readers) {
            let _ = reader.join();
        }
        lines(&self.output)
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts a server that must serve (`try_start`).
pub fn serving(database_url: &str, extra: &[&str], env: &[(&str, &str)]) -> ServerProcess {
    ServerProcess::try_start(database_url, extra, env)
        .unwrap_or_else(|output| panic!("the server refused to start: {output}"))
}

/// Starts a server that must refuse to start; what it printed.
pub fn refused(database_url: &str, extra: &[&str], env: &[(&str, &str)]) -> String {
    match ServerProcess::try_start(database_url, extra, env) {
        Ok(server) => panic!("the server started at {}", server.address),
        Err(output) => output,
    }
}

/// The address in a "listening" line, readable (`listening addr=…`) or JSON (`"addr":"…"`).
fn listening_address(line: &str) -> Option<String> {
    if !line.contains("listening") {
        return None;
    }
    let after = line
        .split("listening addr=")
        .nth(1)
        .or_else(|| line.split("\"addr\":\"").nth(1))?;
    let addr: String = after
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ':')
        .collect();
    (!addr.is_empty()).then_some(addr)
}

fn lines(output: &Mutex<Vec<String>>) -> Vec<String> {
    output.lock().map(|lines| lines.clone()).unwrap_or_default()
}

fn push(output: &Mutex<Vec<String>>, line: String) {
    if let Ok(mut lines) = output.lock() {
        lines.push(line);
    }
}

fn keep_lines(
    stream: impl Read + Send + 'static,
    output: Arc<Mutex<Vec<String>>>,
) -> JoinHandle<()> {
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            push(&output, line);
        }
    })
}
