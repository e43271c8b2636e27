//! The staff app's calls to the API (`/api/staff/…`), on top of the shared HTTP client
//! (`ui::api`). Requests and answers are the shared crate's staff types.

use gloo_net::http::Request;
use shared::api::audit::AuditTrailView;
use shared::api::callbacks::CallbackView;
use shared::api::case_management::{
    AllocationOptionsView, CaseManagementView, ChangeStageRequest, EnhancedRightsRequest,
    ReallocateRequest,
};
use shared::api::staff::{
    StaffCaseMessagesView, StaffCaseView, StaffCasesView, StaffSessionView, StaffSignInRequest,
};
use shared::api::staff_callbacks::{
    CallbackQueueView, CompleteCallback, ContactCheck, ContactCheckDone, ContactLogView,
    ContactView, NewContact, QueueScope, ScheduleCallback, StaffCaseCallbacksView,
};
use shared::api::supporters::{
    StaffAddSupporterRequest, StaffRemoveSupporterRequest, SupportersView,
};
use shared::api::updates::{
    DueListView, DueScope, MarkToldRequest, NewUpdate, StaffUpdateView, StaffUpdatesView,
    TellingMethod,
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

/// `GET /api/staff/cases/{ref}/management`: stage, enhanced rights, allocation, changes.
pub async fn get_case_management(crime_reference: &str) -> Result<CaseManagementView, ApiError> {
    json(send(fresh_get(&case_url(crime_reference, "/management")).build()).await?).await
}

/// `PUT /api/staff/cases/{ref}/stage` (204).
pub async fn change_stage(
    crime_reference: String,
    request: ChangeStageRequest,
) -> Result<(), ApiError> {
    let url = case_url(&crime_reference, "/stage");
    send(Request::put(&url).json(&request)).await.map(drop)
}

/// `PUT /api/staff/cases/{ref}/enhanced-rights` (204); 422 without a reason.
pub async fn set_enhanced_rights(
    crime_reference: String,
    request: EnhancedRightsRequest,
) -> Result<(), ApiError> {
    let url = case_url(&crime_reference, "/enhanced-rights");
    send(Request::put(&url).json(&request)).await.map(drop)
}

/// `GET /api/staff/cases/{ref}/supporters`: who helps the victim.
pub async fn get_case_supporters(crime_reference: &str) -> Result<SupportersView, ApiError> {
    json(send(fresh_get(&case_url(crime_reference, "/supporters")).build()).await?).await
}

/// `POST /api/staff/cases/{ref}/supporters`: add a parent or guardian or a family
/// spokesperson with the reason (201; 422 with field errors).
pub async fn add_case_supporter(
    crime_reference: String,
    request: StaffAddSupporterRequest,
) -> Result<(), ApiError> {
    let url = case_url(&crime_reference, "/supporters");
    send(Request::post(&url).json(&request)).await.map(drop)
}

/// `POST /api/staff/cases/{ref}/supporters/{id}/remove` with the reason.
pub async fn remove_case_supporter(
    crime_reference: String,
    supporter_id: String,
    request: StaffRemoveSupporterRequest,
) -> Result<(), ApiError> {
    let url = case_url(
        &crime_reference,
        &format!("/supporters/{}/remove", encode_path_segment(&supporter_id)),
    );
    send(Request::post(&url).json(&request)).await.map(drop)
}

/// `PUT /api/staff/cases/{ref}/allocation` (supervisors; 204).
pub async fn reallocate(
    crime_reference: String,
    request: ReallocateRequest,
) -> Result<(), ApiError> {
    let url = case_url(&crime_reference, "/allocation");
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

/// `/api/staff/cases/{ref}` and `rest` after it, the reference as one path segment.
fn case_url(crime_reference: &str, rest: &str) -> String {
    format!(
        "/api/staff/cases/{}{rest}",
        encode_path_segment(crime_reference)
    )
}

/// `/api/staff/cases/{ref}/updates`.
fn updates_url(crime_reference: &str) -> String {
    case_url(crime_reference, "/updates")
}

/// `GET /api/staff/cases/{ref}/updates`: the case's updates with their deadlines and
/// telling, and what the "Post an update" form checks. 404 as for `get_case`.
pub async fn get_updates(crime_reference: &str) -> Result<StaffUpdatesView, ApiError> {
    json(send(fresh_get(&updates_url(crime_reference)).build()).await?).await
}

/// `POST /api/staff/cases/{ref}/updates`: publish an update (201); 422 with field errors.
pub async fn post_update(
    crime_reference: &str,
    update: &NewUpdate,
) -> Result<StaffUpdateView, ApiError> {
    json(send(Request::post(&updates_url(crime_reference)).json(update)).await?).await
}

/// `POST /api/staff/cases/{ref}/updates/{id}/told`: the officer told the victim by
/// `method` (call or visit).
pub async fn mark_told(
    crime_reference: &str,
    update_id: &str,
    method: TellingMethod,
) -> Result<StaffUpdateView, ApiError> {
    let url = format!(
        "{}/{}/told",
        updates_url(crime_reference),
        encode_path_segment(update_id)
    );
    json(send(Request::post(&url).json(&MarkToldRequest { method })).await?).await
}

/// `GET /api/staff/due`: a page of the due list, `scope` `mine` or `unit` (the server's
/// default by role when `None`), after `cursor`.
pub async fn get_due(
    scope: Option<DueScope>,
    cursor: Option<&str>,
) -> Result<DueListView, ApiError> {
    let mut query = Vec::new();
    match scope {
        Some(DueScope::Mine) => query.push("scope=mine".to_owned()),
        Some(DueScope::Unit) => query.push("scope=unit".to_owned()),
        None => {}
    }
    if let Some(cursor) = cursor {
        query.push(format!("after={}", encode_path_segment(cursor)));
    }
    let url = if query.is_empty() {
        "/api/staff/due".to_owned()
    } else {
        format!("/api/staff/due?{}", query.join("&"))
    };
    json(send(fresh_get(&url).build()).await?).await
}

/// `GET /api/staff/callbacks?scope=&page=`: open requests, "unsafe now" first.
pub async fn get_callback_queue(
    scope: QueueScope,
    page: u32,
) -> Result<CallbackQueueView, ApiError> {
    let scope = match scope {
        QueueScope::Mine => "mine",
        QueueScope::Unit => "unit",
    };
    let url = format!("/api/staff/callbacks?scope={scope}&page={page}");
    json(send(fresh_get(&url).build()).await?).await
}

/// `GET /api/staff/cases/{ref}/callbacks`: the case's requests, newest first.
pub async fn get_case_callbacks(crime_reference: &str) -> Result<StaffCaseCallbacksView, ApiError> {
    let url = case_url(crime_reference, "/callbacks");
    json(send(fresh_get(&url).build()).await?).await
}

/// `POST …/callbacks/{id}/schedule`: 422 with field errors (`date`, `start`, `callback`)
/// when the time is outside the victim's windows or safe times.
pub async fn schedule_callback(
    crime_reference: &str,
    callback_id: &str,
    request: &ScheduleCallback,
) -> Result<CallbackView, ApiError> {
    let url = case_url(
        crime_reference,
        &format!("/callbacks/{callback_id}/schedule"),
    );
    json(send(Request::post(&url).json(request)).await?).await
}

/// `POST …/callbacks/{id}/complete`.
pub async fn complete_callback(
    crime_reference: &str,
    callback_id: &str,
    request: &CompleteCallback,
) -> Result<CallbackView, ApiError> {
    let url = case_url(
        crime_reference,
        &format!("/callbacks/{callback_id}/complete"),
    );
    json(send(Request::post(&url).json(request)).await?).await
}

/// `GET /api/staff/cases/{ref}/contacts`: the contact log, newest first.
pub async fn get_contacts(crime_reference: &str) -> Result<ContactLogView, ApiError> {
    let url = case_url(crime_reference, "/contacts");
    json(send(fresh_get(&url).build()).await?).await
}

/// `POST /api/staff/cases/{ref}/contacts`: 422 with field errors (`method`, `outcome`,
/// `callback_id`, `note`).
pub async fn record_contact(
    crime_reference: &str,
    request: &NewContact,
) -> Result<ContactView, ApiError> {
    let url = case_url(crime_reference, "/contacts");
    json(send(Request::post(&url).json(request)).await?).await
}

/// `POST /api/staff/cases/{ref}/contact-check`.
pub async fn contact_check(
    crime_reference: &str,
    request: &ContactCheck,
) -> Result<ContactCheckDone, ApiError> {
    let url = case_url(crime_reference, "/contact-check");
    json(send(Request::post(&url).json(request)).await?).await
}
