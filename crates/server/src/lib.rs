//! Safe Updates API server: one-time-code sign-in for victims of crime, their case as
//! they see it, and hosting of the built app.
//!
//! `app` builds the whole router (tests drive it in-process or on a real port); `run`
//! opens the database, loads demo data if asked (only into a database demo mode created),
//! purges old rows on a schedule, and serves until Ctrl-C or SIGTERM.

use std::sync::Arc;

use anyhow::Context;
use axum::extract::DefaultBodyLimit;
use axum::http::HeaderName;
use axum::routing::any;
use axum::{middleware as axum_middleware, Extension, Router};
use tokio::net::TcpListener;
use tower_http::compression::predicate::{DefaultPredicate, Predicate, SizeAbove};
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

pub mod access;
pub mod api;
pub mod audit;
pub mod backup;
pub mod callbacks;
pub mod case_list;
pub mod case_management;
pub mod cases;
pub mod contact_log;
pub mod delivery;
pub mod demo;
pub mod origin;
pub mod outbox;
pub mod platform;
pub mod preferences;
#[cfg(test)]
mod query_plans;
pub mod reseal;
pub mod retention;
pub mod seed;
pub mod service;
pub mod sessions;
pub mod sign_in;
pub mod staff;
pub mod supporters;
pub mod updates;

pub use platform::clock::Clock;
pub use platform::config::Config;
pub use platform::state::AppState;

/// API answers smaller than this are sent uncompressed (see `app`).
const COMPRESS_ABOVE_BYTES: u16 = 4096;
/// The largest request body the API reads. Its largest bodies (contact preferences, a
/// callback request with 2,000 characters of details) are 2–9 KB; anything bigger is
/// refused with a 413 before it is buffered.
pub const BODY_LIMIT_BYTES: usize = 16 * 1024;

/// The whole HTTP surface: the API under /api, the app for everything else.
pub fn app(state: AppState) -> Router {
    let (api, openapi) = api::api_and_document(state.config.demo);
    let api = api
        .route("/api", any(platform::middleware::api_not_found))
        .route("/api/{*rest}", any(platform::middleware::api_not_found))
        // Set before the layers so 405s pass through them too (a fallback set later on
        // the whole router would bypass them, and stay in English).
        .method_not_allowed_fallback(platform::middleware::method_not_allowed)
        // Inside `localize_errors`, so a refusal is written in the request's language.
        .layer(axum_middleware::from_fn_with_state(
            Arc::new(platform::same_origin::OwnOrigin::new(
                state.config.public_origin.as_deref(),
            )),
            platform::same_origin::same_origin_writes,
        ))
        // Inside compression: it rewrites error bodies before they are compressed.
        .layer(axum_middleware::from_fn(
            platform::middleware::localize_errors,
        ))
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(Extension(Arc::new(service::openapi::Document::new(
            &openapi,
        ))))
        .layer(axum_middleware::from_fn_with_state(
            sessions::cookies::CookieSecurity::of(&state.config),
            sessions::cookies::refresh_cookie,
        ))
        // Small answers (a case, a list of callbacks: 1–3 KB) go uncompressed: they fit in
        // TCP's first round trip (about 14 KB) either way, so compressing them would cost
        // CPU on every request and save the victim no time. The app's files are
        // precompressed (static_files.rs).
        .layer(
            CompressionLayer::new()
                .compress_when(DefaultPredicate::new().and(SizeAbove::new(COMPRESS_ABOVE_BYTES))),
        );

    let security_headers = platform::middleware::SecurityHeaders {
        csp: platform::csp::header_for_dir(&state.config.static_dir),
        hsts: !state.config.insecure_local_http,
    };
    let request_id = HeaderName::from_static("x-request-id");

    let pages = if state.config.demo {
        outbox::demo_page::router()
    } else {
        Router::new()
    };
    Router::new()
        .merge(api)
        .merge(pages)
        // Each app its own files and SPA fallback: /staff and below the staff app's, under
        // its own CSP; everything else the victim app's.
        .nest_service(
            platform::static_files::STAFF_PREFIX,
            platform::static_files::staff_service(&state.config.static_dir),
        )
        .fallback_service(platform::static_files::service(&state.config.static_dir))
        .method_not_allowed_fallback(platform::middleware::method_not_allowed)
        // Around everything a request does, but inside the security headers and the
        // request log, so a 408 or 503 carries the headers and is logged with its id.
        .layer(axum_middleware::from_fn_with_state(
            platform::limits::RequestLimits::from_config(&state.config),
            platform::limits::limit_requests,
        ))
        .layer(axum_middleware::from_fn_with_state(
            Arc::new(security_headers),
            platform::middleware::security_headers,
        ))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(platform::telemetry::request_span)
                .on_request(())
                .on_response(platform::telemetry::on_response),
        )
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
        // Outermost: the id is always ours, never one a client sent (which could forge or
        // collide with another request's id in the logs).
        .layer(axum_middleware::map_request(
            platform::middleware::drop_client_request_id,
        ))
        .with_state(state)
}

/// Serves `app(state)` on `listener` until the process is asked to stop.
pub async fn serve(listener: TcpListener, state: AppState) {
    serve_until(listener, state, shutdown_signal()).await;
}

/// Serves `app(state)` on `listener` until `shutdown` completes (tests pass a future
/// that never does).
pub async fn serve_until(
    listener: TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()>,
) {
    let header_read_timeout = state.config.header_read_timeout;
    platform::http_server::serve_until(listener, app(state), header_read_timeout, shutdown).await;
}

/// Checks the settings, opens the database, refuses demo mode on a database demo mode did
/// not create, loads demo data if configured, starts the retention job, and serves.
pub async fn run(config: Config) -> anyhow::Result<()> {
    config.check()?;
    // Before anything else: a half-configured provider (a relay host without a sender, an
    // unreadable password or key file) stops the server before it listens.
    let providers = delivery::providers::from_config(&config)?;
    let keys = platform::data_key::for_server(
        config.data_key_file.as_deref(),
        config.demo,
        &config.database_url,
    )?;
    let db = platform::db::connect(&config.database_url).await?;
    let clock = Clock::system();
    let opener = if config.demo {
        origin::Opener::Demo
    } else {
        origin::Opener::Server
    };
    origin::claim(&db, opener, clock.unix()).await?;
    reseal::run(&db, &keys)
        .await
        .context("could not seal the stored personal details with the current data key")?;
    if config.demo {
        let loaded = demo::load_if_empty(&db, &keys, &clock)
            .await
            .context("could not load the demo data")?;
        if loaded.is_some() {
            demo::messages::insert_undelivered_letter(&db, clock.unix())
                .await
                .context("could not load the demo's undelivered message")?;
            let today =
                shared::CalendarDate::from_days_since_epoch(clock.unix().div_euclid(86_400));
            demo::caseloads::insert(&db, &keys, today, clock.unix())
                .await
                .context("could not load the demo officers' caseloads")?;
        }
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
    retention::spawn(db.clone(), clock.clone(), config.retention_interval());
    let state = AppState::new(db, config, Arc::new(keys), clock)?.with_providers(providers);
    sign_in::worker::spawn(&state);
    if state.providers.is_empty() {
        tracing::info!("no message provider configured: messages stay in the outbox");
    } else {
        delivery::worker::spawn(&state);
    }
    serve(listener, state).await;
    Ok(())
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
