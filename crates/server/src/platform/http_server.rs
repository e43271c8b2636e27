//! The accept loop: HTTP/1.1 connections served with hyper directly rather than through
//! `axum::serve`, which cannot limit how long a client takes to send its headers. A client
//! that trickles its headers (a "slowloris") or keeps an idle connection open is
//! disconnected after `--header-read-timeout-secs`; the whole request is bounded by
//! `limits`. Each request carries `ConnectInfo<SocketAddr>` (the peer's address), as with
//! `into_make_service_with_connect_info`.

use std::future::Future;
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tower::Service;

/// Serves `app` on `listener` until `shutdown` completes, then stops accepting and waits
/// for the requests in progress (each bounded by the request timeout) to finish.
pub async fn serve_until(
    listener: TcpListener,
    app: Router,
    header_read_timeout: Duration,
    shutdown: impl Future<Output = ()>,
) {
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(header_read_timeout);
    let connections = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let (stream, peer) = match accepted {
            Ok(connection) => connection,
            Err(error) => {
                pause_after_accept_error(&error).await;
                continue;
            }
        };
        let app = app.clone();
        let service = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
            req.extensions_mut().insert(ConnectInfo(peer));
            app.clone().call(req)
        });
        let connection = connections.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            // Timeouts and clients going away end up here: normal, and nothing to act on.
            if let Err(error) = connection.await {
                tracing::debug!(%error, "connection closed with an error");
            }
        });
    }
    drop(listener);
    connections.shutdown().await;
}

/// A failed accept is usually one client giving up (carry on at once); anything else,
/// such as running out of file descriptors, gets a pause so the loop does not spin.
async fn pause_after_accept_error(error: &std::io::Error) {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(
        error.kind(),
        ConnectionAborted | ConnectionRefused | ConnectionReset
    ) {
        return;
    }
    tracing::error!(%error, "could not accept a connection");
    tokio::time::sleep(Duration::from_millis(100)).await;
}
