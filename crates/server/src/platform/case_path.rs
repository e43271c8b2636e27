//! `CasePath`: the crime reference in a `/api/cases/{crime_reference}/…` path, parsed once
//! for every handler. A malformed reference is a 404, the same answer as a case that does
//! not exist or that the caller may not see, so the path reveals nothing.

use std::collections::HashMap;

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use shared::CrimeReference;

use crate::platform::error::AppError;

/// The name of the path parameter every case route uses.
const PARAMETER: &str = "crime_reference";

/// The parsed `{crime_reference}` of the request's path.
#[derive(Debug, Clone)]
pub struct CasePath(pub CrimeReference);

impl<S: Send + Sync> FromRequestParts<S> for CasePath {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::NotFound)?;
        let typed = params.get(PARAMETER).ok_or(AppError::NotFound)?;
        CrimeReference::parse(typed)
            .map(Self)
            .map_err(|_| AppError::NotFound)
    }
}
