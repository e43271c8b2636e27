//! Slow and greedy clients over raw TCP: a slowloris trickling its headers, or an idle
//! keep-alive connection, is cut off by the header read timeout, a body sent too slowly by
//! the request timeout (408), and at the
//! concurrency limit the next request is shed with a 503. Each server here gets short
//! limits; the trickling pace is what the protocol needs, not a wait for the server.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::extract::ConnectInfo;
use axum::routing::get;
use shared::api::ErrorBody;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::tcp::OwnedWriteHalf;
use tokio::net::TcpStream;

use crate::helpers::{spawn_app_with, Options, TestApp};

const TRICKLE_EVERY: Duration = Duration::from_millis(100);
/// Far longer than any limit under test: a connection still open after it was not cut.
const GIVE_UP_AFTER: Duration = Duration::from_secs(10);

async fn connect(app: &TestApp) -> TcpStream {
    let addr = app.address.trim_start_matches("http://");
    TcpStream::connect(addr).await.expect("connect")
}

/// Writes one byte of `filler` every `TRICKLE_EVERY` until the server hangs up.
fn trickle(mut writer: OwnedWriteHalf, filler: &'static [u8]) {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(TRICKLE_EVERY).await;
            if writer.write_all(filler).await.is_err() {
                break;
            }
        }
    });
}

/// Everything the server sends until it closes the connection, and when it closed it.
async fn read_until_closed(reader: &mut tokio::net::tcp::OwnedReadHalf) -> (String, Instant) {
    let mut received = Vec::new();
    let mut buffer = [0u8; 4096];
    let read_all = async {
        loop {
            match reader.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => received.extend_from_slice(&buffer[..n]),
            }
        }
    };
    tokio::time::timeout(GIVE_UP_AFTER, read_all)
        .await
        .expect("the server never closed the connection");
    (
        String::from_utf8_lossy(&received).into_owned(),
        Instant::now(),
    )
}

#[tokio::test]
async fn a_client_trickling_its_headers_is_disconnected_after_the_header_timeout() {
    let app = spawn_app_with(Options {
        configure: |config| config.header_read_timeout = Duration::from_millis(600),
        ..Options::default()
    })
    .await;
    let (mut reader, mut writer) = connect(&app).await.into_split();
    let started = Instant::now();
    writer
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
        .await
        .unwrap();
    trickle(writer, b"a");
    let (received, closed_at) = read_until_closed(&mut reader).await;
    let took = closed_at - started;
    assert!(
        took >= Duration::from_millis(500) && took < Duration::from_secs(5),
        "closed after {took:?}"
    );
    assert!(!received.contains("200 OK"), "{received}");
}

#[tokio::test]
async fn an_idle_connection_is_closed_after_the_header_timeout() {
    let app = spawn_app_with(Options {
        configure: |config| config.header_read_timeout = Duration::from_millis(600),
        ..Options::default()
    })
    .await;
    let (mut reader, mut writer) = connect(&app).await.into_split();
    writer
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .unwrap();
    let answered = Instant::now();
    // Keep-alive: the answer comes, then the connection waits for a next request that
    // never starts, and is closed.
    let (received, closed_at) = read_until_closed(&mut reader).await;
    assert!(received.starts_with("HTTP/1.1 200"), "{received}");
    let idle = closed_at - answered;
    assert!(
        idle >= Duration::from_millis(500) && idle < Duration::from_secs(5),
        "closed after {idle:?}"
    );
}

#[tokio::test]
async fn a_body_sent_too_slowly_gets_a_408_and_the_connection_is_closed() {
    let app = spawn_app_with(Options {
        configure: |config| config.request_timeout = Duration::from_millis(600),
        ..Options::default()
    })
    .await;
    let (mut reader, mut writer) = connect(&app).await.into_split();
    let started = Instant::now();
    let head = format!(
        "POST /api/sign-in/start HTTP/1.1\r\nHost: {host}\r\nOrigin: {origin}\r\n\
         Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{",
        host = app.address.trim_start_matches("http://"),
        origin = app.address,
    );
    writer.write_all(head.as_bytes()).await.unwrap();
    trickle(writer, b" ");
    let (received, closed_at) = read_until_closed(&mut reader).await;
    let took = closed_at - started;
    assert!(received.starts_with("HTTP/1.1 408"), "{received}");
    assert!(received.contains("The request took too long"), "{received}");
    assert!(
        took >= Duration::from_millis(500) && took < Duration::from_secs(5),
        "closed after {took:?}"
    );
}

#[tokio::test]
async fn at_the_concurrency_limit_the_next_request_is_shed_with_a_503() {
    let app = spawn_app_with(Options {
        configure: |config| config.max_concurrent_requests = 1,
        ..Options::default()
    })
    .await;
    // One request holds the only slot while its body is still on the way.
    let (_reader, mut writer) = connect(&app).await.into_split();
    let head = format!(
        "POST /api/sign-in/start HTTP/1.1\r\nHost: {host}\r\nOrigin: {origin}\r\n\
         Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{",
        host = app.address.trim_start_matches("http://"),
        origin = app.address,
    );
    writer.write_all(head.as_bytes()).await.unwrap();

    // The server takes the slot once it has read that request's headers: ask until then.
    let deadline = Instant::now() + GIVE_UP_AFTER;
    let shed = loop {
        let response = app
            .client
            .get(app.url("/api/health"))
            .header("accept-language", "cy")
            .send()
            .await
            .unwrap();
        if response.status() == 503 {
            break response;
        }
        assert_eq!(response.status(), 200);
        assert!(Instant::now() < deadline, "never shed");
        tokio::task::yield_now().await;
    };
    assert_eq!(shed.headers()["retry-after"], "2");
    assert!(shed.headers().contains_key("x-request-id"));
    let body: ErrorBody = shed.json().await.unwrap();
    assert!(body.message.contains("brysur"), "{}", body.message);

    // Once the slow request is over, the slot is free again.
    drop(writer);
    let deadline = Instant::now() + GIVE_UP_AFTER;
    while app.get("/api/health").await.status() != 200 {
        assert!(Instant::now() < deadline, "the slot was never given back");
        tokio::task::yield_now().await;
    }
}

#[tokio::test]
async fn handlers_see_the_peers_address() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let app = axum::Router::new().route(
        "/peer",
        get(|ConnectInfo(peer): ConnectInfo<SocketAddr>| async move { peer.ip().to_string() }),
    );
    tokio::spawn(server::platform::http_server::serve_until(
        listener,
        app,
        Duration::from_secs(5),
        std::future::pending(),
    ));
    let peer = reqwest::get(format!("http://{address}/peer"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(peer, "127.0.0.1");
}
