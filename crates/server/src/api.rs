//! The API: every feature's router, merged here into one `OpenApiRouter` so each
//! path and its OpenAPI description are registered together.

use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;

use crate::platform::state::AppState;

use crate::outbox::dev as dev_outbox;
use crate::service::{client_config, health, openapi};
use crate::{callbacks, cases, preferences, sessions, sign_in, staff};

/// Name of the cookie security scheme in the OpenAPI document.
pub const SESSION_COOKIE_SCHEME: &str = "session_cookie";
/// Name of the staff cookie security scheme.
pub const STAFF_SESSION_COOKIE_SCHEME: &str = "staff_session_cookie";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Safe Updates API",
        description = "Self-service portal for victims of crime: sign in with a one-time \
            code, then read your case. Every error has the ErrorBody shape."
    ),
    modifiers(&SessionCookie),
    tags(
        (name = "health", description = "Is the service up"),
        (name = "sign-in", description = "One-time codes and sessions"),
        (name = "cases", description = "A victim's case"),
        (name = "preferences", description = "How and when a victim may be contacted safely"),
        (name = "callbacks", description = "Asking an officer to call back"),
        (name = "staff", description = "The staff app: officers and supervisors"),
        (name = "dev", description = "Demo mode only"),
        (name = "meta", description = "This document"),
    )
)]
struct ApiDoc;

/// Declares the session cookies as the API's authentication.
struct SessionCookie;

impl Modify for SessionCookie {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        // utoipa copies the crate's licence, which is unset: leave the field out.
        openapi.info.license = None;
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            SESSION_COOKIE_SCHEME,
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::sessions::cookies::SESSION_COOKIE,
                "Set by POST /api/sign-in/verify. HttpOnly; ends after 30 idle minutes.",
            ))),
        );
        components.add_security_scheme(
            STAFF_SESSION_COOKIE_SCHEME,
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::sessions::cookies::STAFF_COOKIE,
                "Set by POST /api/staff/sign-in. HttpOnly; ends after 15 idle minutes.",
            ))),
        );
    }
}

/// Every API route with its documentation. The dev outbox exists only in demo mode.
pub fn api(demo: bool) -> OpenApiRouter<AppState> {
    let router = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(health::router())
        .merge(client_config::router())
        .merge(sign_in::router())
        .merge(sessions::router())
        .merge(cases::router())
        .merge(preferences::router())
        .merge(callbacks::router())
        .merge(staff::router())
        .merge(openapi::router());
    if demo {
        router.merge(dev_outbox::router())
    } else {
        router
    }
}
