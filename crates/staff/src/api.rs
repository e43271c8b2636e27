//! The staff app's calls to the API (`/api/staff/…`), on top of the shared HTTP client
//! (`ui::api`). Requests and answers are the shared crate's staff types.

use gloo_net::http::Request;
use shared::api::audit::AuditTrailView;
use shared::api::staff::{
    StaffCaseMessagesView, StaffCaseView, StaffCasesView, StaffSessionView, StaffSignInRequest,
};
pub use ui::api::ApiError;
use ui::api::{encode_path_segment, fresh_get, json, send};

/// `POST /api/staff/sign-in`: email, password and code in one step; 422 with field
/// errors (a refused sign-in is one message on `email`).
pub async fn sign_in(request: StaffSignInRequest) -> Result<StaffSessionView, ApiError> {
    json(send(Request::post("/api/staff/sign-in").json(&request)).await?).await
}

/// `GET /api/staff/session`: who is signed in, or `Unauthorized`.
pub async fn get_session() -> Result<StaffSessionView, ApiError> {
    json(send(fresh_get("/api/staff/session").build()).await?).await
}

/// `POST /api/staff/sign-out` (204, whether or not a session was open).
pub async fn sign_out() -> Result<(), ApiError> {
    send(Request::post("/api/staff/sign-out").build())
        .await
        .map(drop)
}

/// `POST /api/staff/sign-out-everywhere`: end every session of this account, on every
/// device (204), or `Unauthorized` when this session has already ended.
pub async fn sign_out_everywhere() -> Result<(), ApiError> {
    send(Request::post("/api/staff/sign-out-everywhere").build())
        .await
        .map(drop)
}

/// `GET /api/staff/cases`: "My cases", soonest deadline first.
pub async fn get_cases() -> Result<StaffCasesView, ApiError> {
    json(send(fresh_get("/api/staff/cases").build()).await?).await
}

/// `GET /api/staff/cases/{ref}`, the reference percent-encoded as one path segment as the
/// victim app does (`CR/100001/25` → `CR%2F100001%2F25`). 404 when it is not one of theirs.
pub async fn get_case(crime_reference: &str) -> Result<StaffCaseView, ApiError> {
    let url = format!("/api/staff/cases/{}", encode_path_segment(crime_reference));
    json(send(fresh_get(&url).build()).await?).await
}

/// `GET /api/staff/cases/{ref}/messages`: the case's messages, newest first, with what
/// became of each (never where they went or what they said). 404 as for `get_case`.
pub async fn get_case_messages(crime_reference: &str) -> Result<StaffCaseMessagesView, ApiError> {
    let url = format!(
        "/api/staff/cases/{}/messages",
        encode_path_segment(crime_reference)
    );
    json(send(fresh_get(&url).build()).await?).await
}

/// `GET /api/staff/cases/{ref}/audit`: a page of the case's audit trail, newest first;
/// `before` (a page's `next_before`) asks for the older entries. Supervisors only: 404
/// for an officer, as for a case that is not theirs.
pub async fn get_case_audit(
    crime_reference: &str,
    before: Option<&str>,
) -> Result<AuditTrailView, ApiError> {
    let mut url = format!(
        "/api/staff/cases/{}/audit",
        encode_path_segment(crime_reference)
    );
    if let Some(before) = before {
        url.push_str(&format!("?before={}", encode_path_segment(before)));
    }
    json(send(fresh_get(&url).build()).await?).await
}
