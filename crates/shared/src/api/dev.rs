//! Demo mode only: a fresh case for a browser test or a demonstration, so writes (posting
//! updates, booking callbacks) never touch the demo cases other tests read.

use serde::{Deserialize, Serialize};

use crate::Lang;

/// The language the fresh case's victim reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum DemoLanguage {
    En,
    Cy,
}

impl DemoLanguage {
    pub fn lang(self) -> Lang {
        match self {
            Self::En => Lang::En,
            Self::Cy => Lang::Cy,
        }
    }
}

/// The demo team whose officer works the new case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DemoTeam {
    North,
    South,
}

/// What the fresh case should be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FreshCaseRequest {
    pub enhanced_rights: bool,
    pub team: DemoTeam,
    pub language: DemoLanguage,
}

/// The new case and how its victim signs in (reference and email; the code is in the
/// demo outbox).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FreshCase {
    pub crime_reference: String,
    pub email: String,
}
