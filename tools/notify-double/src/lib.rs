//! A local stand-in for GOV.UK Notify's REST API: the parts Safe Updates uses, checked as
//! Notify checks them, for contract tests and the bench. Never a way to send anything.
//!
//! - `POST /v2/notifications/{sms,email,letter}` and `GET /v2/notifications[/{id}]`, behind
//!   Notify's JWT check (`auth`), with Notify's request checks (`validate`) and error bodies.
//! - Outcomes as a Notify *test* key gives them: 07700900003 / temp-fail@simulator.notify
//!   end in `temporary-failure`, 07700900002 / perm-fail@simulator.notify in
//!   `permanent-failure`, anyone else `delivered`. The smoke-test recipients (07700900000,
//!   07700900111, 07700900222, simulate-delivered[-2|-3]@notifications.service.gov.uk)
//!   are answered with a made-up id and neither stored nor receipted, as Notify documents.
//! - Delivery receipts (sms and email) posted to the callback URL with the bearer token.
//! - Test controls, no authentication: `POST /_test/script`, `POST /_test/release`,
//!   `POST /_test/send-receipts`, `POST /_test/reset`, `GET /_test/notifications`,
//!   `GET /_test/receipts` (see `api`).
//!
//! Rust tests start it in-process with `spawn(config)` on port 0.

pub mod api;
pub mod auth;
mod receipts;
mod send;
pub mod store;
pub mod validate;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use auth::ServiceKey;
pub use store::{Kind, Notification, Outcome, ReceiptRecord, Script};

/// The template ids the double knows unless told others (`Config::templates`).
pub const SMS_TEMPLATE: &str = "5a1c0000-0000-4000-8000-00000000000a";
pub const EMAIL_TEMPLATE: &str = "5a1c0000-0000-4000-8000-00000000000b";
pub const LETTER_TEMPLATE: &str = "5a1c0000-0000-4000-8000-00000000000c";

/// An API key the double accepts unless told another (a made-up test key).
pub const TEST_API_KEY: &str =
    "safe_updates_local-5a1c0000-0000-4000-8000-000000000001-5a1c0000-0000-4000-8000-000000000002";

/// A template, as set up in Notify's web interface.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub id: String,
    pub kind: Kind,
    /// Emails and letters; texts have none.
    pub subject: Option<String>,
    pub body: String,
}

impl Template {
    /// Safe Updates' templates: the whole message is ours (`((body))`, subject
    /// `((subject))`), so Notify only carries it.
    pub fn ours(kind: Kind, id: &str) -> Self {
        Self {
            id: id.to_owned(),
            kind,
            subject: (kind != Kind::Sms).then(|| "((subject))".to_owned()),
            body: "((body))".to_owned(),
        }
    }
}

/// Where delivery receipts go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Callback {
    pub url: String,
    pub bearer_token: String,
}

/// When receipts are posted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Receipts {
    /// This long after the send is answered.
    After(Duration),
    /// Only when asked (`POST /_test/send-receipts`, `Handle::send_receipts`): tests that
    /// must know the sender recorded the send before its receipt arrives.
    WhenAsked,
}

#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on (port 0: any free port).
    pub addr: SocketAddr,
    /// The whole API key clients sign with: `{name}-{service_id}-{secret}`.
    pub api_key: String,
    pub templates: Vec<Template>,
    pub callback: Option<Callback>,
    pub receipts: Receipts,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            api_key: TEST_API_KEY.to_owned(),
            templates: vec![
                Template::ours(Kind::Sms, SMS_TEMPLATE),
                Template::ours(Kind::Email, EMAIL_TEMPLATE),
                Template::ours(Kind::Letter, LETTER_TEMPLATE),
            ],
            callback: None,
            receipts: Receipts::After(Duration::from_millis(200)),
        }
    }
}

/// What every handler shares.
pub struct Shared {
    pub key: ServiceKey,
    pub config: Config,
    pub store: store::Store,
    /// Where receipts go: `config.callback` at first, changed by `Handle::set_callback`.
    pub callback: std::sync::Mutex<Option<Callback>>,
    /// Bumped by each release; held answers wait for it to move.
    pub release: watch::Sender<u64>,
    pub http: reqwest::Client,
}

/// A running double. Dropping it stops it.
pub struct Handle {
    pub address: SocketAddr,
    shared: Arc<Shared>,
    task: JoinHandle<()>,
}

/// Starts the double on `config.addr`. Fails on a key that is not `{name}-{uuid}-{uuid}`
/// or an address it cannot listen on.
pub async fn spawn(config: Config) -> std::io::Result<Handle> {
    let key = ServiceKey::parse(&config.api_key).ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the API key is not {name}-{uuid}-{uuid}",
        )
    })?;
    let listener = TcpListener::bind(config.addr).await?;
    let address = listener.local_addr()?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .map_err(std::io::Error::other)?;
    let shared = Arc::new(Shared {
        key,
        callback: std::sync::Mutex::new(config.callback.clone()),
        config,
        store: store::Store::default(),
        release: watch::channel(0).0,
        http,
    });
    let app = api::router(shared.clone());
    let task = tokio::spawn(async move {
        if let Err(error) = axum::serve(listener, app).await {
            eprintln!("notify-double stopped: {error}");
        }
    });
    Ok(Handle {
        address,
        shared,
        task,
    })
}

impl Handle {
    /// `http://127.0.0.1:PORT`: what the server's `--notify-base-url` is set to.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Every notification taken, oldest first.
    pub fn notifications(&self) -> Vec<Notification> {
        self.shared.store.notifications()
    }

    /// Every receipt posted, in order.
    pub fn receipts(&self) -> Vec<ReceiptRecord> {
        self.shared.store.receipts()
    }

    pub fn script(&self, recipient: &str, outcome: Outcome, times: u32) {
        self.shared.store.add_script(Script {
            recipient: recipient.to_owned(),
            outcome,
            times,
        });
    }

    /// Sends receipts to `callback` from now on: for a test whose server (the callback)
    /// starts after the double it is given.
    pub fn set_callback(&self, callback: Callback) {
        *self
            .shared
            .callback
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(callback);
    }

    /// Lets every held answer go.
    pub fn release(&self) {
        api::release(&self.shared);
    }

    /// Posts every receipt not yet posted (`Receipts::WhenAsked`); returns how many.
    pub async fn send_receipts(&self) -> usize {
        receipts::send_pending(&self.shared).await
    }

    /// Stops the double (as dropping it does).
    pub fn stop(self) {}
}

impl Drop for Handle {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Now as Unix seconds.
pub(crate) fn unix_now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// Now as Notify writes times: `2026-03-10T08:00:00.123456Z`.
pub(crate) fn notify_time() -> String {
    let now = time::OffsetDateTime::now_utc();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second(),
        now.microsecond()
    )
}
