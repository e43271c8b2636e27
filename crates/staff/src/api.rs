//! The staff app's calls to the API (`/api/staff/…`), on top of the shared HTTP client
//! (`ui::api`). Requests and answers are the shared crate's staff types.

use gloo_net::http::Request;
use shared::api::case_management::{
    AllocationOptionsView, CaseManagementView, ChangeStageRequest, EnhancedRightsRequest,
    ReallocateRequest,
};
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

/// `GET /api/staff/cases?…`: one page of "My cases"; `query` is the page address's own
/// query string (scope, sort, filters, cursor), passed on as it is.
pub async fn get_cases(query: String) -> Result<StaffCasesView, ApiError> {
    let url = if query.is_empty() {
        "/api/staff/cases".to_owned()
    } else {
        format!("/api/staff/cases?{query}")
    };
    json(send(fresh_get(&url).build()).await?).await
}

fn case_url(crime_reference: &str, tail: &str) -> String {
    format!(
        "/api/staff/cases/{}/{tail}",
        encode_path_segment(crime_reference)
    )
}

/// `GET /api/staff/cases/{ref}/management`: stage, enhanced rights, allocation, changes.
pub async fn get_case_management(crime_reference: &str) -> Result<CaseManagementView, ApiError> {
    json(send(fresh_get(&case_url(crime_reference, "management")).build()).await?).await
}

/// `PUT /api/staff/cases/{ref}/stage` (204).
pub async fn change_stage(
    crime_reference: String,
    request: ChangeStageRequest,
) -> Result<(), ApiError> {
    let url = case_url(&crime_reference, "stage");
    send(Request::put(&url).json(&request)).await.map(drop)
}

/// `PUT /api/staff/cases/{ref}/enhanced-rights` (204); 422 without a reason.
pub async fn set_enhanced_rights(
    crime_reference: String,
    request: EnhancedRightsRequest,
) -> Result<(), ApiError> {
    let url = case_url(&crime_reference, "enhanced-rights");
    send(Request::put(&url).json(&request)).await.map(drop)
}

/// `PUT /api/staff/cases/{ref}/allocation` (supervisors; 204).
pub async fn reallocate(
    crime_reference: String,
    request: ReallocateRequest,
) -> Result<(), ApiError> {
    let url = case_url(&crime_reference, "allocation");
    send(Request::put(&url).json(&request)).await.map(drop)
}

/// `GET /api/staff/unit/allocation-options` (supervisors): the unit's officers and teams.
pub async fn get_allocation_options() -> Result<AllocationOptionsView, ApiError> {
    json(send(fresh_get("/api/staff/unit/allocation-options").build()).await?).await
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
