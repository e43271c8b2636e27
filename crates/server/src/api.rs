//! The API: every feature's router, merged here into one `OpenApiRouter` so each
//! path and its OpenAPI description are registered together; then the answers the layers
//! around every handler can give (lib.rs `app`) are added to each operation's document.

use axum::Router;
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::Operation;
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;

use crate::platform::state::AppState;

use crate::delivery::notify::receipts as notify_receipts;
use crate::outbox::dev as dev_outbox;
use crate::service::{client_config, health, openapi};
use crate::{
    audit, callbacks, case_management, cases, contact_log, delivery, preferences, sessions,
    sign_in, staff, supporters, updates,
};

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
        (name = "supporters", description = "People a victim chooses to help them, and their sign-in"),
        (name = "staff", description = "The staff app: officers and supervisors"),
        (name = "delivery", description = "Delivery receipts from the services that send our messages"),
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
        components.add_security_scheme(
            notify_receipts::RECEIPT_TOKEN_SCHEME,
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "GOV.UK Notify's callback bearer token (--notify-receipt-token-file)",
                    ))
                    .build(),
            ),
        );
    }
}

/// Every API route with its documentation. The dev routes (outbox, fresh cases) exist only
/// in demo mode.
pub fn api(demo: bool) -> OpenApiRouter<AppState> {
    let router = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(health::router())
        .merge(client_config::router())
        .merge(sign_in::router())
        .merge(sessions::router())
        .merge(cases::router())
        .merge(preferences::router())
        .merge(callbacks::router())
        .merge(callbacks::staff::router())
        .merge(contact_log::router())
        .merge(staff::router())
        .merge(updates::router())
        .merge(case_management::router())
        .merge(supporters::router())
        .merge(delivery::router())
        .merge(audit::router())
        .merge(notify_receipts::router())
        .merge(openapi::router());
    if demo {
        router
            .merge(dev_outbox::router())
            .merge(crate::demo::fresh_case::router())
    } else {
        router
    }
}

/// The API's router and its OpenAPI document, with the layers' answers documented.
pub fn api_and_document(demo: bool) -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (router, mut document) = api(demo).split_for_parts();
    document_layer_answers(&mut document);
    (router, document)
}

/// An answer a layer gives rather than a handler: its status, its name under
/// `components/responses`, when it applies, and what it means.
struct LayerAnswer {
    status: &'static str,
    name: &'static str,
    applies: fn(&Operation, bool) -> bool,
    description: &'static str,
    /// Whether it carries `Retry-After`.
    retry_after: bool,
}

const LAYER_ANSWERS: [LayerAnswer; 4] = [
    LayerAnswer {
        status: "403",
        name: "CrossSite",
        applies: |_, writes| writes,
        description: "The request changes something but has no proof that it came from this \
            service's own pages: Sec-Fetch-Site must be same-origin (or none), or without it \
            Origin must be this service's origin",
        retry_after: false,
    },
    LayerAnswer {
        status: "408",
        name: "RequestTimeout",
        applies: |_, _| true,
        description: "The request (its body included) took longer than the server allows",
        retry_after: false,
    },
    LayerAnswer {
        status: "413",
        name: "PayloadTooLarge",
        applies: |operation, _| operation.request_body.is_some(),
        description: "The body is over 16 KB",
        retry_after: false,
    },
    LayerAnswer {
        status: "503",
        name: "Overloaded",
        applies: |_, _| true,
        description: "The server is handling as many requests as it may; try again after \
            Retry-After seconds",
        retry_after: true,
    },
];

/// Adds each `LAYER_ANSWERS` entry to `components/responses` and a reference to it to
/// every operation it applies to.
fn document_layer_answers(document: &mut utoipa::openapi::OpenApi) {
    let components = document.components.get_or_insert_with(Default::default);
    for answer in &LAYER_ANSWERS {
        let body = ContentBuilder::new()
            .schema(Some(Ref::from_schema_name("ErrorBody")))
            .build();
        let mut response = ResponseBuilder::new()
            .description(answer.description)
            .content("application/json", body);
        if answer.retry_after {
            let seconds = HeaderBuilder::new()
                .schema(ObjectBuilder::new().schema_type(Type::Integer))
                .description(Some("Seconds to wait before trying again"))
                .build();
            response = response.header("Retry-After", seconds);
        }
        components
            .responses
            .insert(answer.name.to_owned(), RefOr::T(response.build()));
    }
    for item in document.paths.paths.values_mut() {
        let reads = [
            &mut item.get,
            &mut item.head,
            &mut item.options,
            &mut item.trace,
        ];
        let writes = [
            &mut item.post,
            &mut item.put,
            &mut item.patch,
            &mut item.delete,
        ];
        let operations = reads
            .into_iter()
            .map(|operation| (operation, false))
            .chain(writes.into_iter().map(|operation| (operation, true)));
        for (operation, is_write) in operations {
            let Some(operation) = operation.as_mut() else {
                continue;
            };
            for answer in &LAYER_ANSWERS {
                if (answer.applies)(operation, is_write) {
                    operation
                        .responses
                        .responses
                        .entry(answer.status.to_owned())
                        .or_insert_with(|| RefOr::Ref(Ref::from_response_name(answer.name)));
                }
            }
        }
    }
}
