//! Privacy in the logs, end to end: the real server binary, logging JSON at `debug` (more
//! than production's `info`), goes through a whole victim journey and a whole staff
//! journey on the demo data. The test fails if any demo name, phone number, email
//! address, crime reference, crime detail, password, authenticator secret or sign-in
//! code appears anywhere in what the process printed.

use reqwest::header::{HeaderMap, HeaderValue, ORIGIN};
use reqwest::{Client, Response};
use serde_json::{json, Value};
use server::demo::content::CASES;
use server::demo::staff::{DEMO_PASSWORD, DEMO_STAFF};
use server::staff::credentials;
use shared::api::staff::NewOfficerView;
use shared::api::OutboxResponse;

use crate::callbacks::valid as valid_callback;
use crate::helpers::{case_path, fresh_database_url, other_code, EMAIL_VICTIM, TEXT_VICTIM};
use crate::server_process::ServerProcess;

/// What the journeys type in, beside the demo data.
const NEW_OFFICER_NAME: &str = "PC Journey Privacy";
const NEW_OFFICER_EMAIL: &str = "journey.privacy@example.org";
const NEW_OFFICER_PASSWORD: &str = "journey privacy password";
const TYPED_BY_THE_VICTIM: [&str; 6] = [
    "07700 900 456",
    "+447700900456",
    "journey.victim@example.org",
    "12 Journey Lane",
    "JP1 2AB",
    "Journey details about the case",
];

/// The server and a client that keeps cookies and says where it comes from, as a browser
/// on the portal's own pages would.
struct Journey {
    server: ServerProcess,
    client: Client,
    /// Every code the journey was sent or used.
    codes: Vec<String>,
}

impl Journey {
    fn new(server: ServerProcess) -> Self {
        let mut headers = HeaderMap::new();
        let origin = HeaderValue::from_str(&server.address).expect("origin");
        headers.insert(ORIGIN, origin);
        let client = Client::builder()
            .cookie_store(true)
            .default_headers(headers)
            .build()
            .expect("client");
        Self {
            server,
            client,
            codes: Vec::new(),
        }
    }

    async fn get(&self, path: &str) -> Response {
        let response = self.client.get(self.server.url(path)).send().await;
        response.expect("GET")
    }

    async fn send(&self, method: reqwest::Method, path: &str, body: &Value) -> Response {
        let request = self
            .client
            .request(method, self.server.url(path))
            .json(body);
        request.send().await.expect("request")
    }

    async fn post(&self, path: &str, body: &Value) -> u16 {
        self.send(reqwest::Method::POST, path, body)
            .await
            .status()
            .as_u16()
    }

    /// The code in the newest message to `recipient`, from the demo outbox.
    async fn code_sent_to(&mut self, recipient: &str) -> String {
        let outbox: OutboxResponse = self
            .get("/api/dev/outbox")
            .await
            .json()
            .await
            .expect("outbox");
        let message = outbox
            .messages
            .iter()
            .find(|message| message.recipient == recipient)
            .expect("a message to the victim");
        let after = message.body.split("code is ").nth(1).expect("a code");
        let code: String = after.chars().take(6).collect();
        self.codes.push(code.clone());
        code
    }

    async fn victim_signs_in(&mut self, (reference, recipient): (&str, &str)) {
        let start = json!({ "crime_reference": reference });
        assert_eq!(self.post("/api/sign-in/start", &start).await, 202);
        let code = self.code_sent_to(recipient).await;
        let wrong = json!({ "crime_reference": reference, "code": other_code(&code) });
        assert_eq!(self.post("/api/sign-in/verify", &wrong).await, 422);
        let right = json!({ "crime_reference": reference, "code": code });
        assert_eq!(self.post("/api/sign-in/verify", &right).await, 200);
    }

    async fn staff_signs_in(&mut self, email: &str, password: &str, secret: &str) -> u16 {
        let code = credentials::code_at(secret, unix_now()).expect("code");
        self.codes.push(code.clone());
        let body = json!({ "email": email, "password": password, "code": code });
        self.post("/api/staff/sign-in", &body).await
    }
}

/// The next `count` weekdays after today (UTC), as `YYYY-MM-DD`.
fn weekdays_from_tomorrow(count: usize) -> Vec<String> {
    let today = time::OffsetDateTime::now_utc().date();
    (1..=count * 2)
        .filter_map(|days| today.checked_add(time::Duration::days(i64::try_from(days).ok()?)))
        .filter(|date| {
            !matches!(
                date.weekday(),
                time::Weekday::Saturday | time::Weekday::Sunday
            )
        })
        .take(count)
        .map(|date| {
            format!(
                "{}-{:02}-{:02}",
                date.year(),
                u8::from(date.month()),
                date.day()
            )
        })
        .collect()
}

fn unix_now() -> i64 {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    i64::try_from(now.expect("clock").as_secs()).expect("time")
}

/// A victim reads everything, asks for a callback, changes how they are contacted, and
/// signs out; a second victim signs in and reads their case.
async fn victim_journey(journey: &mut Journey) {
    journey.victim_signs_in(TEXT_VICTIM).await;
    let case = case_path(TEXT_VICTIM.0);
    let reads = [
        "/api/session".to_owned(),
        case.clone(),
        format!("{case}/callbacks"),
        format!("{case}/preferences"),
    ];
    for path in &reads {
        assert_eq!(journey.get(path).await.status(), 200, "{path}");
    }
    // The real clock: the next weekday that is not a bank holiday takes the request.
    let mut callback = valid_callback();
    callback["details"] = json!(TYPED_BY_THE_VICTIM[5]);
    callback["one_off_phone"] = json!(TYPED_BY_THE_VICTIM[0]);
    let mut asked = Vec::new();
    for date in weekdays_from_tomorrow(6) {
        callback["windows"][0]["date"] = json!(date);
        asked.push(journey.post(&format!("{case}/callbacks"), &callback).await);
        if asked.last() == Some(&201) {
            break;
        }
    }
    assert_eq!(asked.last(), Some(&201), "callback answers: {asked:?}");
    let mut preferences = crate::preferences::valid();
    preferences["phone"] = json!(TYPED_BY_THE_VICTIM[0]);
    preferences["email"] = json!(TYPED_BY_THE_VICTIM[2]);
    preferences["address"] = json!(TYPED_BY_THE_VICTIM[3]);
    preferences["postcode"] = json!(TYPED_BY_THE_VICTIM[4]);
    let preferences_path = format!("{case}/preferences");
    let saved = journey.send(reqwest::Method::PUT, &preferences_path, &preferences);
    assert_eq!(saved.await.status(), 200);
    let history = journey.get(&format!("{case}/preferences/history")).await;
    assert_eq!(history.status(), 200);
    assert_eq!(journey.post("/api/sign-out", &json!({})).await, 204);

    journey.victim_signs_in(EMAIL_VICTIM).await;
    assert_eq!(journey.get(&case_path(EMAIL_VICTIM.0)).await.status(), 200);
    assert_eq!(journey.post("/api/sign-out", &json!({})).await, 204);
}

/// The supervisor reads the unit's cases and one case in full, adds an officer and
/// disables them; an officer gets their password wrong, then signs in and reads a case.
async fn staff_journey(journey: &mut Journey) {
    let supervisor = &DEMO_STAFF[0];
    let signed_in = journey.staff_signs_in(supervisor.email, DEMO_PASSWORD, supervisor.totp_secret);
    assert_eq!(signed_in.await, 200);
    for path in [
        "/api/staff/session",
        "/api/staff/cases",
        "/api/staff/officers",
    ] {
        assert_eq!(journey.get(path).await.status(), 200, "{path}");
    }
    for case in CASES {
        let path = format!(
            "/api/staff/cases/{}",
            case.crime_reference.replace('/', "%2F")
        );
        assert_eq!(journey.get(&path).await.status(), 200, "{path}");
    }
    let officer = json!({
        "email": NEW_OFFICER_EMAIL,
        "display_name": NEW_OFFICER_NAME,
        "team_id": "demo-team-north",
        "password": NEW_OFFICER_PASSWORD,
    });
    let created = journey
        .send(reqwest::Method::POST, "/api/staff/officers", &officer)
        .await;
    assert_eq!(created.status(), 201);
    let created: NewOfficerView = created.json().await.expect("the new officer");
    let disable = format!("/api/staff/officers/{}/disable", created.id);
    let disabled = journey.post(&disable, &json!({})).await;
    assert!((200..300).contains(&disabled), "disable: {disabled}");
    journey.codes.push(created.totp_secret);
    assert_eq!(journey.post("/api/staff/sign-out", &json!({})).await, 204);

    let officer = &DEMO_STAFF[1];
    let wrong = journey.staff_signs_in(officer.email, NEW_OFFICER_PASSWORD, officer.totp_secret);
    assert_eq!(wrong.await, 422);
    let right = journey.staff_signs_in(officer.email, DEMO_PASSWORD, officer.totp_secret);
    assert_eq!(right.await, 200);
    let case = format!("/api/staff/cases/{}", TEXT_VICTIM.0.replace('/', "%2F"));
    assert_eq!(journey.get(&case).await.status(), 200);
    assert_eq!(journey.post("/api/staff/sign-out", &json!({})).await, 204);
}

/// Everything the logs must never show.
fn never_logged(codes: &[String]) -> Vec<String> {
    let mut values: Vec<String> = Vec::new();
    for case in CASES {
        values.push(case.crime_reference.to_owned());
        values.push(case.crime_reference.replace('/', "%2F"));
        values.push(case.crime_type.to_owned());
        values.push(case.victim.name.to_owned());
        values.extend(case.victim.phone.map(str::to_owned));
        values.extend(case.victim.email.map(str::to_owned));
        values.extend(
            [
                case.officer.name,
                case.officer.phone,
                case.officer.phone_link,
                case.officer.email,
            ]
            .map(str::to_owned),
        );
        values.extend(
            case.updates
                .iter()
                .map(|update| update.what_happened.to_owned()),
        );
    }
    for account in &DEMO_STAFF {
        values.extend([account.email, account.name, account.totp_secret].map(str::to_owned));
    }
    values.extend(
        [
            DEMO_PASSWORD,
            NEW_OFFICER_NAME,
            NEW_OFFICER_EMAIL,
            NEW_OFFICER_PASSWORD,
        ]
        .map(str::to_owned),
    );
    values.extend(TYPED_BY_THE_VICTIM.map(str::to_owned));
    values.extend(codes.iter().cloned());
    values
}

/// `value` in `line` as a whole token: a six-digit code inside a longer number (a
/// timestamp's microseconds) is not that code.
fn contains_token(line: &str, value: &str) -> bool {
    line.match_indices(value).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + value.len()..].chars().next();
        let joined = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        !(joined(before) || joined(after))
    })
}

#[tokio::test]
async fn a_whole_victim_and_staff_journey_logs_no_personal_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = fresh_database_url(&dir).await;
    // sqlx's debug lines are the fixed SQL text (values are always bound, never spliced
    // in), including the migrations' comments with their made-up examples.
    let server = ServerProcess::start_with(&database_url, "debug,sqlx=info", true);
    let mut journey = Journey::new(server);
    victim_journey(&mut journey).await;
    staff_journey(&mut journey).await;

    let Journey {
        server,
        client,
        codes,
    } = journey;
    drop(client);
    let lines = server.stop();
    let printed = lines.join("\n");
    assert!(
        printed.contains("sign-in code issued"),
        "the logs were captured"
    );
    assert!(
        printed.contains("/api/staff/cases/{crime_reference}"),
        "every request was logged, by its route"
    );
    let mut found = Vec::new();
    for value in never_logged(&codes) {
        for line in lines.iter().filter(|line| contains_token(line, &value)) {
            found.push(format!("{value:?} in: {line}"));
        }
    }
    assert!(
        found.is_empty(),
        "personal data in the logs:\n{}",
        found.join("\n")
    );
}
