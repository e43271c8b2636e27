//! The staff side of the API, under `/api/staff/`: officers and supervisors sign in with
//! a password and a second factor (`sign_in`), see the cases they work (`cases`), and
//! supervisors manage their unit's officer accounts (`officers`). The first supervisor of
//! a unit is created on the command line (`create_supervisor`).
//! Staff sessions have a cookie of their own (`sessions::cookies::STAFF_COOKIE`) and a
//! 15-minute idle timeout; a staff session never works on victim routes, nor the reverse.

pub mod cases;
pub mod create_supervisor;
pub mod credentials;
pub mod new_account;
pub mod officers;
pub mod sign_in;
pub mod store;

use utoipa_axum::router::OpenApiRouter;

use crate::platform::state::AppState;

/// Every staff route.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(sign_in::router())
        .merge(cases::router())
        .merge(officers::router())
}
