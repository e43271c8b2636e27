//! `spawn_app()`: a real server on 127.0.0.1:0 with a fresh migrated database (demo data
//! loaded), a clock the test can move, and a cookie-keeping client.
//!
//! The database is a SQLite file, or, when `TEST_POSTGRES_URL` names a PostgreSQL server
//! (`./x test` runs the suite a second time that way), a new database on it for each
//! test: the same tests, on both engines.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Once, OnceLock};

use reqwest::{Client, Response};
use serde_json::{json, Value};
use server::delivery::provider::Providers;
use server::platform::data_key::{self, DataKeys};
use server::platform::db::{query, Db};
use server::{AppState, Clock, Config};
use shared::api::preferences::PreferencesView;
use sqlx::{Connection, PgConnection};
use tempfile::TempDir;

/// Demo victims: (crime reference, where their code goes).
pub const TEXT_VICTIM: (&str, &str) = ("CR/100001/25", "+447700900001");
pub const EMAIL_VICTIM: (&str, &str) = ("CR/100002/25", "alex.demo@example.org");
pub const LETTER_ONLY_REFERENCE: &str = "CR/100005/25";
/// Standard rights; the charge was told 2 working days late.
pub const ROBBERY_VICTIM: (&str, &str) = ("CR/100003/25", "+447700900003");
/// Tuesday 10 March 2026 08:00 UTC (= 08:00 GMT, UK time).
pub const TUESDAY_8AM: i64 = 1_773_129_600;

/// Well-formed, but no such case.
pub const UNKNOWN_REFERENCE: &str = "CR/999999/25";

pub struct TestApp {
    pub address: String,
    pub client: Client,
    pub clock: Clock,
    pub db: Db,
    pub database_url: String,
    /// The data key the server seals with (`test_keys`).
    pub keys: Arc<DataKeys>,
    /// The server's state: tests drive its delivery worker a round at a time
    /// (`server::delivery::worker::deliver_due`).
    pub state: AppState,
    _dir: TempDir,
}

/// The data key file every test server uses, in-process or a real process (whose
/// `DATA_KEY_FILE` names it), so every test runs with sealed values, and a database one
/// test process wrote opens in another. Made once, in cargo's folder for test files.
pub fn test_key_file() -> &'static Path {
    static FILE: OnceLock<PathBuf> = OnceLock::new();
    FILE.get_or_init(|| {
        let file = Path::new(env!("CARGO_TARGET_TMPDIR")).join("test-data-key.json");
        // Another test binary may have made it first: then it is used as it is.
        if let Err(error) = data_key::write_new_key_file(&file, None, false) {
            assert!(file.exists(), "could not make the test data key: {error:#}");
        }
        file
    })
}

/// The keys in `test_key_file`.
pub fn test_keys() -> Arc<DataKeys> {
    static KEYS: OnceLock<Arc<DataKeys>> = OnceLock::new();
    KEYS.get_or_init(|| Arc::new(DataKeys::load(test_key_file()).expect("test data key")))
        .clone()
}

/// How to start the server for a test.
pub struct Options {
    pub demo: bool,
    pub static_dir: Option<PathBuf>,
    /// `--exit-url`; the default when `None`.
    pub exit_url: Option<String>,
    /// Any other change to the settings (timeouts, limits, flags).
    pub configure: fn(&mut Config),
    /// Whether the sign-in worker runs (off: code requests stay queued, so a test can
    /// see what the request alone wrote).
    pub sign_in_worker: bool,
    /// `--sign-in-limit-per-ip` and `--sign-in-limit-global`; the defaults when `None`.
    pub sign_in_limits: Option<(i64, i64)>,
    /// Who carries messages; none by default, as without provider settings. The test
    /// runs the delivery worker's rounds itself (`deliver_due`), on its own clock.
    pub providers: Providers,
    /// Whether the delivery worker runs on its own (off: tests run its rounds).
    pub delivery_worker: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            demo: true,
            static_dir: None,
            exit_url: None,
            configure: |_| {},
            sign_in_worker: true,
            sign_in_limits: None,
            providers: Providers::default(),
            delivery_worker: false,
        }
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(Options::default()).await
}

pub async fn spawn_app_with(options: Options) -> TestApp {
    capture_logs();
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = fresh_database_url(&dir).await;
    let db = server::platform::db::connect(&database_url)
        .await
        .expect("database");
    let clock = Clock::system();
    server::demo::load_if_empty(&db, &test_keys(), &clock)
        .await
        .expect("demo data");
    let static_dir = options
        .static_dir
        .unwrap_or_else(|| dir.path().join("no-dist"));
    let mut config = Config::for_tests(database_url, static_dir, options.demo);
    if let Some(exit_url) = options.exit_url {
        config.exit_url = exit_url;
    }
    if let Some((per_ip, global)) = options.sign_in_limits {
        config.sign_in_limit_per_ip = per_ip;
        config.sign_in_limit_global = global;
    }
    (options.configure)(&mut config);
    let workers = Workers {
        sign_in: options.sign_in_worker,
        delivery: options.delivery_worker,
    };
    serve(dir, db, clock, config, workers, options.providers).await
}

/// `spawn_app_with` sending through `providers`, the clock at Tuesday 8am.
pub async fn spawn_app_with_providers(providers: Providers) -> TestApp {
    app_at_8am(Options {
        providers,
        ..Options::default()
    })
    .await
}

/// `spawn_app_with(options)` with the clock at Tuesday 8am: a known moment, so no rate
/// limit's window (a minute, 15 minutes, an hour, a day) ends in the middle of a test.
pub async fn app_at_8am(options: Options) -> TestApp {
    let app = spawn_app_with(options).await;
    app.set_clock_to_tuesday_8am();
    app
}

/// A server on a database that already exists (e.g. one a command-line test filled), not
/// in demo mode, with the system clock.
pub async fn spawn_app_on(dir: TempDir, database_url: String) -> TestApp {
    capture_logs();
    let db = server::platform::db::connect(&database_url)
        .await
        .expect("database");
    let config = Config::for_tests(database_url, dir.path().join("no-dist"), false);
    let workers = Workers {
        sign_in: true,
        delivery: false,
    };
    serve(
        dir,
        db,
        Clock::system(),
        config,
        workers,
        Providers::default(),
    )
    .await
}

/// The PostgreSQL server the suite runs on (`postgres://USER@HOST:PORT`, no database), or
/// `None` for SQLite.
pub fn postgres_server() -> Option<String> {
    std::env::var("TEST_POSTGRES_URL")
        .ok()
        .filter(|url| !url.is_empty())
        .map(|url| url.trim_end_matches('/').to_owned())
}

/// A new, empty database for one test: a SQLite file in `dir`, or a new database on the
/// PostgreSQL server in `TEST_POSTGRES_URL`.
pub async fn fresh_database_url(dir: &TempDir) -> String {
    let Some(server) = postgres_server() else {
        return format!("sqlite://{}/test.db", dir.path().display());
    };
    let name = format!("test_{}", uuid::Uuid::new_v4().simple());
    let mut admin = PgConnection::connect(&format!("{server}/postgres"))
        .await
        .expect("the PostgreSQL server in TEST_POSTGRES_URL");
    // A name made here from hex digits: nothing to escape.
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .expect("create a test database");
    let _ = admin.close().await;
    format!("{server}/{name}")
}

/// Which background workers a test server runs.
struct Workers {
    sign_in: bool,
    delivery: bool,
}

async fn serve(
    dir: TempDir,
    db: Db,
    clock: Clock,
    config: Config,
    workers: Workers,
    providers: Providers,
) -> TestApp {
    let keys = test_keys();
    let database_url = config.database_url.clone();
    let state = AppState::new(db.clone(), config, keys.clone(), clock.clone())
        .expect("app state")
        .with_providers(providers);
    if workers.sign_in {
        server::sign_in::worker::spawn(&state);
    }
    if workers.delivery {
        server::delivery::worker::spawn(&state);
    }

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(server::serve_until(
        listener,
        state.clone(),
        std::future::pending(),
    ));

    let client = same_origin_client(&address);
    TestApp {
        address,
        client,
        clock,
        db,
        database_url,
        keys,
        state,
        _dir: dir,
    }
}

/// A cookie-keeping client whose requests say they come from `address`'s own pages
/// (`Origin`), as a browser's do there: the server refuses state-changing requests
/// without that proof.
pub fn same_origin_client(address: &str) -> Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::ORIGIN,
        address.parse().expect("an origin header"),
    );
    Client::builder()
        .cookie_store(true)
        .default_headers(headers)
        .build()
        .expect("client")
}

/// `/api/cases/{reference}` with the slashes percent-encoded.
pub fn case_path(reference: &str) -> String {
    format!("/api/cases/{}", reference.replace('/', "%2F"))
}

impl TestApp {
    /// The SQLite file of a `spawn_app` server (on SQLite).
    pub fn database_file(&self) -> PathBuf {
        self._dir.path().join("test.db")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// Another browser: a client with cookies of its own, beside `client`.
    pub fn new_client(&self) -> Client {
        same_origin_client(&self.address)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("POST")
    }

    pub async fn put_json(&self, path: &str, body: &Value) -> Response {
        self.client
            .put(self.url(path))
            .json(body)
            .send()
            .await
            .expect("PUT")
    }

    pub async fn put_preferences(&self, reference: &str, body: &Value) -> Response {
        self.put_json(&format!("{}/preferences", case_path(reference)), body)
            .await
    }

    pub async fn post_callback(&self, reference: &str, body: &Value) -> Response {
        self.post_json(&format!("{}/callbacks", case_path(reference)), body)
            .await
    }

    pub async fn cancel_callback(&self, reference: &str, id: &str) -> Response {
        self.post_json(
            &format!("{}/callbacks/{id}/cancel", case_path(reference)),
            &json!({}),
        )
        .await
    }

    /// Sets the server's clock to Tuesday 10 March 2026, 08:00 UK time (GMT), so the
    /// next 10 working days are 10–13, 16–20 and 23 March (no bank holidays).
    pub fn set_clock_to_tuesday_8am(&self) {
        self.clock.set_unix(TUESDAY_8AM);
    }

    /// Asks for a code and waits until the sign-in worker has answered every queued
    /// request, so the code (if any) is in the outbox.
    pub async fn start_sign_in(&self, reference: &str) -> Response {
        let response = self
            .post_json(
                "/api/sign-in/start",
                &json!({ "crime_reference": reference }),
            )
            .await;
        self.wait_for_sign_in_worker().await;
        response
    }

    /// Waits until no code request is queued (the worker answers within milliseconds).
    pub async fn wait_for_sign_in_worker(&self) {
        server::sign_in::worker::wait_for_queue(&self.db)
            .await
            .expect("queue");
        let empty = server::sign_in::worker::queue_is_empty(&self.db).await;
        assert!(
            empty.expect("queue"),
            "the sign-in worker left requests queued"
        );
    }

    pub async fn verify(&self, reference: &str, code: &str) -> Response {
        self.post_json(
            "/api/sign-in/verify",
            &json!({ "crime_reference": reference, "code": code }),
        )
        .await
    }

    /// The code in the newest message to `recipient`, read from the outbox table as the
    /// server reads it (by the recipient's blind index, the body opened).
    pub async fn latest_code_for(&self, recipient: &str) -> Option<String> {
        let body = self.latest_body_for(recipient).await?;
        let after = body.split("code is ").nth(1)?;
        Some(after.chars().take(6).collect())
    }

    /// The newest message to `recipient`, opened.
    pub async fn latest_body_for(&self, recipient: &str) -> Option<String> {
        latest_body_for(&self.db, recipient).await
    }

    pub async fn outbox_count(&self) -> i64 {
        let (count,): (i64,) = query("SELECT COUNT(*) FROM outbox")
            .fetch_one(&mut self.db.conn())
            .await
            .expect("outbox count");
        count
    }

    /// Signs in as a demo victim; returns the session token from the cookie.
    pub async fn sign_in(&self, victim: (&str, &str)) -> String {
        self.sign_in_on(&self.client, victim).await
    }

    /// Signs in as a demo victim on `client` (another browser); returns the session token.
    pub async fn sign_in_on(
        &self,
        client: &Client,
        (reference, recipient): (&str, &str),
    ) -> String {
        let start = json!({ "crime_reference": reference });
        let started = client.post(self.url("/api/sign-in/start")).json(&start);
        assert_eq!(started.send().await.expect("start").status(), 202);
        let code = self
            .latest_code_for(recipient)
            .await
            .expect("a code was sent");
        let verify = json!({ "crime_reference": reference, "code": code });
        let response = client
            .post(self.url("/api/sign-in/verify"))
            .json(&verify)
            .send()
            .await
            .expect("verify");
        assert_eq!(response.status(), 200);
        session_token(&response).expect("session cookie")
    }

    /// `POST …/preferences/confirm-contact` with `code`.
    pub async fn confirm_contact(&self, reference: &str, code: &str) -> Response {
        self.post_json(
            &format!("{}/preferences/confirm-contact", case_path(reference)),
            &json!({ "code": code }),
        )
        .await
    }

    /// Saves preferences and, when they move where sign-in codes go, confirms the change
    /// with the code sent to `code_recipient`. Returns the version then current.
    pub async fn save_and_confirm_preferences(
        &self,
        reference: &str,
        body: &Value,
        code_recipient: &str,
    ) -> PreferencesView {
        let response = self.put_preferences(reference, body).await;
        assert_eq!(response.status(), 200);
        let saved: PreferencesView = response.json().await.expect("view");
        if saved.pending_contact_change.is_none() {
            return saved;
        }
        let code = self
            .latest_code_for(code_recipient)
            .await
            .expect("a confirmation code");
        let response = self.confirm_contact(reference, &code).await;
        assert_eq!(response.status(), 200);
        response.json().await.expect("view")
    }

    pub fn advance_clock(&self, minutes: i64) {
        self.clock.advance_minutes(minutes);
    }
}

/// The `__Host-su_session` value in a response's Set-Cookie, if any.
pub fn session_token(response: &Response) -> Option<String> {
    set_cookie(response)?
        .split(';')
        .next()?
        .strip_prefix("__Host-su_session=")
        .map(str::to_owned)
}

pub fn set_cookie(response: &Response) -> Option<String> {
    response
        .headers()
        .get("set-cookie")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

/// A digit string that differs from `code`.
pub fn other_code(code: &str) -> String {
    code.chars()
        .map(|c| {
            if c == '9' {
                '0'
            } else {
                char::from(c as u8 + 1)
            }
        })
        .collect()
}

// ---- log capture: every test's server logs go to one buffer the logging test reads ----

#[derive(Clone, Default)]
pub struct LogBuffer(Arc<Mutex<Vec<u8>>>);

impl LogBuffer {
    pub fn contents(&self) -> String {
        let bytes = self.0.lock().map(|b| b.clone()).unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

impl Write for LogBuffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut bytes) = self.0.lock() {
            bytes.extend_from_slice(buf);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub fn logs() -> &'static LogBuffer {
    static LOGS: OnceLock<LogBuffer> = OnceLock::new();
    LOGS.get_or_init(LogBuffer::default)
}

/// Sends all tracing output, at every level the server uses, to `logs()`.
fn capture_logs() {
    static INIT: Once = Once::new();
    INIT.call_once(|| {
        let filter = tracing_subscriber::EnvFilter::new(
            "trace,hyper=info,hyper_util=info,h2=info,reqwest=info,tower=info",
        );
        let buffer = logs().clone();
        tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_ansi(false)
            .with_writer(move || buffer.clone())
            .init();
    });
}

/// The number of rows in `table`.
/// The newest message to `recipient` in `db`, opened with the test key.
pub async fn latest_body_for(db: &Db, recipient: &str) -> Option<String> {
    // A code is written by the sign-in worker just after its request is answered.
    server::sign_in::worker::wait_for_queue(db)
        .await
        .expect("queue");
    let messages = server::outbox::latest(db, &test_keys(), Some(recipient), 1)
        .await
        .expect("outbox");
    messages.into_iter().next().map(|message| message.body)
}

/// Every message body in `db`, oldest first, opened (a blanked one as it is stored).
pub async fn outbox_bodies(db: &Db) -> Vec<String> {
    let mut messages = server::outbox::latest(db, &test_keys(), None, i64::MAX)
        .await
        .expect("outbox");
    messages.reverse();
    messages.into_iter().map(|message| message.body).collect()
}

pub async fn count(db: &Db, table: &str) -> i64 {
    let (count,): (i64,) = query(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&mut db.conn())
        .await
        .expect("count");
    count
}
