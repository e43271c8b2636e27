//! The victim app's calls to the Safe Updates API (same origin, cookie session), on top of
//! the shared HTTP client (`ui::api`: sending, errors, path encoding).
//!
//! Every call returns `Result<T, ApiError>`. What a victim reads about a failure comes from
//! [`ApiError::plain_words`] (or a page's own sentence), never from `Display`: that is for
//! developers and must not reach the screen.

use gloo_net::http::Request;
use shared::api::audit::LooksView;
use shared::api::callbacks::{CallbackView, CallbacksView, NewCallbackRequest};
use shared::api::content::{RightsContent, SupportDirectory};
use shared::api::preferences::{
    ConfirmContactRequest, ContactPreferences, PreferencesHistory, PreferencesView,
};
use shared::api::supporters::{
    ChangeSupporterRequest, CheckInvitationRequest, InviteSupporterRequest,
    StartSupporterSignInRequest, SupportersView, VerifySupporterSignInRequest,
};
use shared::api::{
    CaseView, ClientConfig, SessionView, StartSignInRequest, StartSignInResponse,
    VerifySignInRequest,
};
use shared::{CrimeReference, SignInCode};
pub use ui::api::{encode_path_segment, ApiError};
use ui::api::{fresh_get, json, send};

use crate::i18n::Locale;

/// `POST /api/sign-in/start`: ask for a code. The reply is the same whether or not the
/// reference exists.
pub async fn start_sign_in(reference: &CrimeReference) -> Result<StartSignInResponse, ApiError> {
    let body = StartSignInRequest {
        crime_reference: reference.to_string(),
    };
    json(send(Request::post("/api/sign-in/start").json(&body)).await?).await
}

/// `POST /api/sign-in/verify`: swap the code for a session cookie.
pub async fn verify_sign_in(
    reference: &CrimeReference,
    code: &SignInCode,
) -> Result<SessionView, ApiError> {
    let body = VerifySignInRequest {
        crime_reference: reference.to_string(),
        code: code.as_str().to_owned(),
    };
    json(send(Request::post("/api/sign-in/verify").json(&body)).await?).await
}

/// `GET /api/session`: who is signed in, or `Unauthorized`.
pub async fn get_session() -> Result<SessionView, ApiError> {
    json(send(fresh_get("/api/session").build()).await?).await
}

/// `GET /api/config`: the app's settings, such as where "Exit this page" goes.
pub async fn get_config() -> Result<ClientConfig, ApiError> {
    json(send(fresh_get("/api/config").build()).await?).await
}

/// `POST /api/sign-out`: end the session (204).
pub async fn sign_out() -> Result<(), ApiError> {
    send(Request::post("/api/sign-out").build()).await.map(drop)
}

/// `POST /api/sign-out-everywhere`: end every session of this victim, on every device
/// (204), or `Unauthorized` when this session has already ended.
pub async fn sign_out_everywhere() -> Result<(), ApiError> {
    send(Request::post("/api/sign-out-everywhere").build())
        .await
        .map(drop)
}

/// `GET /api/cases/{crime_reference}`. References contain slashes, so the path segment is
/// percent-encoded.
pub async fn get_case(crime_reference: &str) -> Result<CaseView, ApiError> {
    let url = format!("/api/cases/{}", encode_path_segment(crime_reference));
    json(send(fresh_get(&url).build()).await?).await
}

/// `/api/cases/{ref}/…`, with the reference percent-encoded as one segment.
fn case_url(crime_reference: &str, rest: &str) -> String {
    format!("/api/cases/{}/{rest}", encode_path_segment(crime_reference))
}

/// `GET /api/cases/{ref}/preferences`.
pub async fn get_preferences(crime_reference: &str) -> Result<PreferencesView, ApiError> {
    json(send(fresh_get(&case_url(crime_reference, "preferences")).build()).await?).await
}

/// `PUT /api/cases/{ref}/preferences`: save a new version (422 with field errors).
pub async fn put_preferences(
    crime_reference: &str,
    preferences: &ContactPreferences,
) -> Result<PreferencesView, ApiError> {
    let url = case_url(crime_reference, "preferences");
    json(send(Request::put(&url).json(preferences)).await?).await
}

/// `POST /api/cases/{ref}/preferences/confirm-contact`: confirm new contact details with
/// the code sent to them (422 on the field `code` when it is not accepted).
pub async fn confirm_contact_change(
    crime_reference: &str,
    code: &SignInCode,
) -> Result<PreferencesView, ApiError> {
    let url = case_url(crime_reference, "preferences/confirm-contact");
    let body = ConfirmContactRequest {
        code: code.as_str().to_owned(),
    };
    json(send(Request::post(&url).json(&body)).await?).await
}

/// `GET /api/cases/{ref}/preferences/history`: a page of versions, newest first; the
/// newest page, or the one older than version `before` (a page's `next_before`).
pub async fn get_preferences_history(
    crime_reference: &str,
    before: Option<u32>,
) -> Result<PreferencesHistory, ApiError> {
    let page = before.map_or(String::new(), |before| format!("?before={before}"));
    let url = case_url(crime_reference, &format!("preferences/history{page}"));
    json(send(fresh_get(&url).build()).await?).await
}

/// `GET /api/cases/{ref}/callbacks`.
pub async fn get_callbacks(crime_reference: &str) -> Result<CallbacksView, ApiError> {
    json(send(fresh_get(&case_url(crime_reference, "callbacks")).build()).await?).await
}

/// `GET /api/cases/{ref}/looks`: who has looked at the case, as roles and days.
pub async fn get_looks(crime_reference: &str) -> Result<LooksView, ApiError> {
    json(send(fresh_get(&case_url(crime_reference, "looks")).build()).await?).await
}

/// `POST /api/cases/{ref}/callbacks` (201; 409 `Conflict` when 3 are open).
pub async fn request_callback(
    crime_reference: &str,
    request: &NewCallbackRequest,
) -> Result<CallbackView, ApiError> {
    let url = case_url(crime_reference, "callbacks");
    json(send(Request::post(&url).json(request)).await?).await
}

/// `POST /api/cases/{ref}/callbacks/{id}/cancel` (409 if already cancelled).
pub async fn cancel_callback(crime_reference: &str, id: &str) -> Result<CallbackView, ApiError> {
    let url = case_url(
        crime_reference,
        &format!("callbacks/{}/cancel", encode_path_segment(id)),
    );
    json(send(Request::post(&url).build()).await?).await
}

/// `/content/rights.<lang>.json`: the Victims' Code rights in `language` (static data,
/// cacheable). Pages pass the language they are built in: they are rebuilt when it changes.
pub async fn get_rights(language: Locale) -> Result<RightsContent, ApiError> {
    let url = format!("/content/rights.{}.json", language.as_str());
    json(send(Request::get(&url).build()).await?).await
}

/// `/content/support.<lang>.json`: the support directory in `language` (static data,
/// cacheable).
pub async fn get_support(language: Locale) -> Result<SupportDirectory, ApiError> {
    let url = format!("/content/support.{}.json", language.as_str());
    json(send(Request::get(&url).build()).await?).await
}

/// `GET /api/cases/{ref}/supporters`: the people who help the victim.
pub async fn get_supporters(crime_reference: &str) -> Result<SupportersView, ApiError> {
    json(send(fresh_get(&case_url(crime_reference, "supporters")).build()).await?).await
}

/// `POST /api/cases/{ref}/supporters`: invite someone (201; 422 with field errors).
pub async fn invite_supporter(
    crime_reference: &str,
    request: &InviteSupporterRequest,
) -> Result<SupportersView, ApiError> {
    let url = case_url(crime_reference, "supporters");
    json(send(Request::post(&url).json(request)).await?).await
}

/// `PUT /api/cases/{ref}/supporters/{id}`: what they may do from now on.
pub async fn change_supporter(
    crime_reference: &str,
    id: &str,
    request: &ChangeSupporterRequest,
) -> Result<SupportersView, ApiError> {
    let url = case_url(
        crime_reference,
        &format!("supporters/{}", encode_path_segment(id)),
    );
    json(send(Request::put(&url).json(request)).await?).await
}

/// `POST /api/cases/{ref}/supporters/{id}/remove`: their access ends at once.
pub async fn remove_supporter(crime_reference: &str, id: &str) -> Result<SupportersView, ApiError> {
    let url = case_url(
        crime_reference,
        &format!("supporters/{}/remove", encode_path_segment(id)),
    );
    json(send(Request::post(&url).build()).await?).await
}

/// `POST /api/supporter-sign-in/invitation`: whether an invitation link can be used
/// (204; 422 on `invitation` if not).
pub async fn check_invitation(invitation: &str) -> Result<(), ApiError> {
    let body = CheckInvitationRequest {
        invitation: invitation.to_owned(),
    };
    send(Request::post("/api/supporter-sign-in/invitation").json(&body))
        .await
        .map(drop)
}

/// `POST /api/supporter-sign-in/start`: send a supporter a code (202 whoever they are).
pub async fn start_supporter_sign_in(
    contact: &str,
    invitation: Option<&str>,
) -> Result<StartSignInResponse, ApiError> {
    let body = StartSupporterSignInRequest {
        contact: contact.to_owned(),
        invitation: invitation.map(str::to_owned),
    };
    json(send(Request::post("/api/supporter-sign-in/start").json(&body)).await?).await
}

/// `POST /api/supporter-sign-in/verify`: swap a supporter's code for a session cookie.
pub async fn verify_supporter_sign_in(
    contact: &str,
    code: &SignInCode,
    invitation: Option<&str>,
) -> Result<SessionView, ApiError> {
    let body = VerifySupporterSignInRequest {
        contact: contact.to_owned(),
        code: code.as_str().to_owned(),
        invitation: invitation.map(str::to_owned),
    };
    json(send(Request::post("/api/supporter-sign-in/verify").json(&body)).await?).await
}
