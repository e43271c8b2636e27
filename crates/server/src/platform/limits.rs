//! Limits on each request: how long it may take (`--request-timeout-secs`, then a 408) and
//! how many run at once (`--max-concurrent-requests`). A request over the limit is shed at
//! once with a 503 and `Retry-After` rather than queued: a queue would only make every
//! waiting visitor slower, while a quick 503 lets a load balancer or the app retry.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use tokio::sync::Semaphore;

use crate::platform::config::Config;
use crate::platform::error::AppError;
use crate::platform::i18n;

/// The shared limits of one server: every route's copy of the layer holds the same slots.
#[derive(Clone)]
pub struct RequestLimits {
    timeout: Duration,
    slots: Arc<Semaphore>,
}

impl RequestLimits {
    pub fn from_config(config: &Config) -> Self {
        let max = usize::try_from(config.max_concurrent_requests).unwrap_or(usize::MAX);
        Self {
            timeout: config.request_timeout,
            slots: Arc::new(Semaphore::new(max.min(Semaphore::MAX_PERMITS))),
        }
    }
}

/// Middleware: takes a slot or sheds the request, then gives the rest of the stack (the
/// handler reading the body included) `timeout` to answer. These answers are made outside
/// `localize_errors`, so they are written in the request's language here.
pub async fn limit_requests(
    State(limits): State<RequestLimits>,
    req: Request,
    next: Next,
) -> Response {
    let lang = i18n::accepted_lang(req.headers());
    let Ok(_slot) = limits.slots.try_acquire_owned() else {
        tracing::warn!("request shed: the server is at its concurrency limit");
        return AppError::Overloaded.response_in(lang);
    };
    match tokio::time::timeout(limits.timeout, next.run(req)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!("request timed out");
            AppError::RequestTimeout.response_in(lang)
        }
    }
}
