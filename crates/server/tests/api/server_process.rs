//! `ServerProcess`: the real `server` binary on a free port, for tests that need whole
//! processes (several servers on one database, the logs a deployment would write).

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// A `server` process in demo mode, killed when dropped. Everything it prints is kept.
pub struct ServerProcess {
    child: Child,
    pub address: String,
    output: Arc<Mutex<Vec<String>>>,
    readers: Vec<JoinHandle<()>>,
}

impl ServerProcess {
    /// Starts the server on a free port with readable logs at `info`.
    pub fn start(database_url: &str) -> Self {
        Self::start_with(database_url, "info", false)
    }

    /// Starts the server binary on a free port in demo mode, logging at `log_level`
    /// (`RUST_LOG`), as JSON lines when `json`, and waits for its "listening" line, which
    /// carries the address (no polling, no sleeping).
    pub fn start_with(database_url: &str, log_level: &str, json: bool) -> Self {
        let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
        command
            .args([
                "--addr",
                "127.0.0.1:0",
                "--database-url",
                database_url,
                "--demo",
            ])
            .env("RUST_LOG", log_level)
            .env_remove("LOG_JSON")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if json {
            command.arg("--log-json");
        }
        let mut child = command.spawn().expect("start the server binary");
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
            assert!(read > 0, "the server stopped before listening");
            let line = line.trim_end().to_owned();
            let found = listening_address(&line);
            push(&output, line);
            if let Some(addr) = found {
                break format!("http://{addr}");
            }
        };
        // Keep reading so the server never blocks on a full pipe.
        readers.push(keep_lines(stdout, Arc::clone(&output)));
        Self {
            child,
            address,
            output,
            readers,
        }
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
        self.output
            .lock()
            .map(|lines| lines.clone())
            .unwrap_or_default()
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
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
