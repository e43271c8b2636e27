//! Safe Updates API server: one-time-code sign-in for victims of crime, their case as
//! they see it, and hosting of the built app.
//!
//! `app` builds the whole router (tests drive it in-process or on a real port); `run`
//! opens the database, loads demo data if asked, and serves until Ctrl-C or SIGTERM.

use std::sync::Arc;

use anyhow::Context;
use axum::http::{HeaderName, HeaderValue};
use axum::routing::any;
use axum::{middleware as axum_middleware, Extension, Router};
use tokio::net::TcpListener;
use tower_http::compression::predicate::{DefaultPredicate, Predicate, SizeAbove};
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

pub mod callbacks;
pub mod clock;
pub mod codes;
pub mod config;
pub mod cookies;
mod csp;
pub mod db;
pub mod demo;
mod demo_content;
pub mod due_list;
pub mod error;
pub mod extract;
pub mod i18n;
mod middleware;
pub mod outbox;
pub mod preferences;
#[cfg(test)]
mod query_plans;
pub mod routes;
mod secrets;
pub mod seed;
pub mod sessions;
pub mod stages;
pub mod state;
mod static_files;
pub mod telemetry;
pub mod uk_time;
pub mod vcop;
pub mod write_batcher;

pub use clock::Clock;
pub use config::Config;
pub use state::AppState;

/// API answers smaller than this are sent uncompressed (see `app`).
const COMPRESS_ABOVE_BYTES: u16 = 4096;

/// The whole HTTP surface: the API under /api, the app for everything else.
pub fn app(state: AppState) -> Router {
    let (api, openapi) = routes::api(state.config.demo).split_for_parts();
    let api = api
        .route("/api", any(middleware::api_not_found))
        .route("/api/{*rest}", any(middleware::api_not_found))
        // Set before the layers so 405s pass through them too (a fallback set later on
        // the whole router would bypass them, and stay in English).
        .method_not_allowed_fallback(middleware::method_not_allowed)
        // Inside compression: it rewrites error bodies before they are compressed.
        .layer(axum_middleware::from_fn(middleware::localize_errors))
        .layer(Extension(Arc::new(openapi)))
        .layer(axum_middleware::from_fn_with_state(
            state.clone(),
            cookies::refresh_cookie,
        ))
        // Small answers (a case, a list of callbacks: 1–3 KB) go uncompressed: they fit in
        // TCP's first round trip (about 14 KB) either way, so compressing them would cost
        // CPU on every request and save the victim no time. The app's files are
        // precompressed (static_files.rs).
        .layer(
            CompressionLayer::new()
                .compress_when(DefaultPredicate::new().and(SizeAbove::new(COMPRESS_ABOVE_BYTES))),
        );

    let csp = HeaderValue::from_str(&csp::policy_for_dir(&state.config.static_dir))
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"));
    let request_id = HeaderName::from_static("x-request-id");

    Router::new()
        .merge(api)
        .fallback_service(static_files::service(&state.config.static_dir))
        .method_not_allowed_fallback(middleware::method_not_allowed)
        .layer(axum_middleware::from_fn_with_state(
            Arc::new(csp),
            middleware::security_headers,
        ))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(telemetry::request_span)
                .on_request(())
                .on_response(telemetry::on_response),
        )
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
        .with_state(state)
}

/// Serves `app(state)` on `listener` until the process is asked to stop.
pub async fn serve(listener: TcpListener, state: AppState) -> std::io::Result<()> {
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
}

/// Opens the database, loads demo data if configured, and serves.
pub async fn run(config: Config) -> anyhow::Result<()> {
    let db = db::connect(&config.database_url).await?;
    let clock = Clock::system();
    if config.demo {
        demo::load_if_empty(&db, &clock)
            .await
            .context("could not load the demo data")?;
    }
    let listener = TcpListener::bind(config.addr).await.with_context(|| {
        format!(
            "could not listen on {} (is another program using that port?)",
            config.addr
        )
    })?;
    let addr = listener
        .local_addr()
        .context("could not read the listening address")?;
    tracing::info!(%addr, demo = config.demo, "listening");
    serve(listener, AppState::new(db, config, clock))
        .await
        .context("the server stopped with an error")
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::warn!(%error, "could not listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::warn!(%error, "could not listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
