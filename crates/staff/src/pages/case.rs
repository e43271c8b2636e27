//! `/staff/cases/<crime reference>` (the reference's own slashes included, e.g.
//! `/staff/cases/CR/100001/25`): the victim's safe-contact choices first, then the case
//! basics. A case that does not exist, or is not the officer's, is a plain "not found"
//! page (the API answers 404 for both, so the page cannot tell them apart either).

use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use ui::components::{focus_element, LoadingStatus, PageTitle, RetryableError, WarningText};

use crate::api::{self, ApiError};
use crate::components::{
    CaseAudit, CaseCallbacks, CaseDetails, CaseManagement, CaseMessages, CaseSupporters,
    CaseTimeline, ContactChoices, ContactLog, MESSAGES_HEADING_ID,
};
use crate::i18n::*;
use crate::session::staff_resource;

#[component]
pub fn CasePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let reference = move || params.with(|p| p.get("reference").unwrap_or_default());
    let (case, loading) = staff_resource(move || {
        let reference = reference();
        async move { api::get_case(&reference).await }
    });
    let not_found = move || matches!(case.get(), Some(Err(ApiError::NotFound)));
    // What the last case-management save did; here so it outlives the case's reload.
    let saved_notice = RwSignal::new(None::<String>);
    let title = Signal::derive(move || {
        if not_found() {
            t_string!(i18n, case.not_found_title).to_owned()
        } else {
            format!("{} {}", t_string!(i18n, case.title_prefix), reference())
        }
    });
    view! {
        <PageTitle title=title />
        <p class="app-body"><A href="/staff">{t!(i18n, case.back)}</A></p>
        <h1 class="app-heading-xl" tabindex="-1">{move || title.get()}</h1>
        <LoadingStatus message=t_string!(i18n, case.loading) loading=loading />
        {move || {
            if loading.get() {
                return None;
            }
            Some(match case.get()? {
                Ok(view) => EitherOf3::A(view! {
                    // A message could not be delivered: the section below says how and why.
                    {(view.undelivered_messages > 0).then(|| view! {
                        <WarningText>
                            // The router would treat the fragment as a navigation: move
                            // focus to the section ourselves, as a fragment link does.
                            <a
                                href=format!("#{MESSAGES_HEADING_ID}")
                                on:click=|event| {
                                    event.prevent_default();
                                    focus_element(MESSAGES_HEADING_ID);
                                }
                            >
                                {t!(i18n, messages.case_flag)}
                            </a>
                        </WarningText>
                    })}
                    // Someone entered too many wrong codes for this reference: the victim
                    // cannot sign in by code for now, and may be at risk.
                    {view.sign_in_blocked.then(|| view! {
                        <WarningText>{t!(i18n, case.sign_in_blocked)}</WarningText>
                    })}
                    <ContactChoices preferences=view.preferences.preferences.clone() />
                    <CaseManagement
                        reference=view.crime_reference.clone()
                        notice=saved_notice
                        on_saved=Callback::new(move |()| case.refetch())
                    />
                    <CaseTimeline reference=view.crime_reference.clone() />
                    <CaseCallbacks reference=view.crime_reference.clone() />
                    <ContactLog reference=view.crime_reference.clone() />
                    <CaseSupporters reference=view.crime_reference.clone() />
                    <CaseMessages
                        reference=view.crime_reference.clone()
                        flagged={view.undelivered_messages > 0}
                    />
                    <CaseDetails case=view.clone() />
                    <CaseAudit reference=view.crime_reference />
                }),
                Err(ApiError::NotFound) => EitherOf3::B(view! {
                    <p class="app-body">{t!(i18n, case.not_found_body)}</p>
                    <p class="app-body"><A href="/staff">{t!(i18n, common.go_to_cases)}</A></p>
                }),
                // 401: `staff_resource` is already on its way to the sign-in page.
                Err(ApiError::Unauthorized) => return None,
                Err(_) => EitherOf3::C(view! {
                    <RetryableError
                        message=t_string!(i18n, case.load_failed)
                        on_retry=Callback::new(move |()| case.refetch())
                    />
                }),
            })
        }}
    }
}
