//! `GET /api/openapi.json`: the OpenAPI 3.1 document, built from the same router that
//! serves the API, with the rules between fields added (`openapi_rules`).

use std::sync::Arc;

use axum::Extension;
use serde_json::Value;
use utoipa::openapi::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::platform::json::Json;
use crate::platform::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(openapi_json))
}

/// This document.
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    operation_id = "openapi_document",
    tag = "meta",
    responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json"))
)]
async fn openapi_json(Extension(doc): Extension<Arc<Document>>) -> Json<Value> {
    Json(doc.0.clone())
}

/// The document as served, made once at start-up.
#[derive(Debug)]
pub struct Document(Value);

impl Document {
    pub fn new(openapi: &OpenApi) -> Self {
        // utoipa's types are maps with string keys and plain values: serialising cannot fail.
        let mut doc = serde_json::to_value(openapi).expect("the OpenAPI document serialises");
        super::openapi_rules::add(&mut doc);
        Self(doc)
    }
}
