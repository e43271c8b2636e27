//! `/case`: "Your case". Needs a session (`session_resource`: a 401 sends the person to
//! `/sign-in` with a notice saying why). The stage's title and explanations come from the
//! API in the language asked for; the crime type, officer details and updates are shown as
//! they were written.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::{CaseView, OfficerContact, StageView};

use crate::api;
use crate::components::{Loaded, PageTitle, SummaryList, SummaryRow, Timeline};
use crate::format::long_date;
use crate::i18n::*;
use crate::session::session_resource;
use crate::state::use_app_state;

#[component]
pub fn CasePage() -> impl IntoView {
    let i18n = use_i18n();
    let (case, loading) =
        session_resource(|reference| async move { api::get_case(&reference).await });

    view! {
        <PageTitle title=Signal::derive(move || t_string!(i18n, case.title).to_string()) />
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, case.title)}</h1>
        <Loaded
            resource=case
            loading
            loading_message=t_string!(i18n, case.loading)
            error_message=t_string!(i18n, case.load_failed)
            render=|case| view! { <CaseDetails case /> }
        />
    }
}

#[component]
fn CaseDetails(case: CaseView) -> impl IntoView {
    let i18n = use_i18n();
    let CaseView {
        crime_reference,
        crime_type,
        crime_category: _,
        stage,
        enhanced_rights,
        reported_on,
        officer,
        updates,
    } = case;
    let rights = if enhanced_rights {
        t_string!(i18n, case.rights_enhanced)
    } else {
        t_string!(i18n, case.rights_standard)
    };
    let state = use_app_state();
    let reported_on_words = long_date(i18n.get_locale_untracked(), &reported_on);
    view! {
        <SummaryList>
            <SummaryRow label=t_string!(i18n, case.crime_reference)>{crime_reference}</SummaryRow>
            <SummaryRow label=t_string!(i18n, case.what_happened)>{crime_type}</SummaryRow>
            <SummaryRow label=t_string!(i18n, case.reported_on)>
                <time datetime=reported_on>{reported_on_words}</time>
            </SummaryRow>
            <SummaryRow label=t_string!(i18n, case.your_rights)>{rights}</SummaryRow>
        </SummaryList>
        <CaseStage stage />
        <CaseOfficer officer />
        <h2 class="app-heading-l">{t!(i18n, case.updates_heading)}</h2>
        <Timeline updates />
        // Who looked and who helps are the victim's alone: a supporter sees neither link.
        <Show when=move || state.helping().is_none()>
            <p class="app-body"><A href="/looks">{t!(i18n, looks.title)}</A></p>
            <p class="app-body"><A href="/people">{t!(i18n, people.title)}</A></p>
        </Show>
    }
}

#[component]
fn CaseStage(stage: StageView) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2 class="app-heading-l">{t!(i18n, case.stage_heading)}</h2>
        <div class="app-inset">
            <p class="app-body-l app-inset__title">{stage.title}</p>
            <p class="app-body">{stage.explanation}</p>
        </div>
        <h3 class="app-heading-m">{t!(i18n, case.what_happens_next)}</h3>
        <p class="app-body">{stage.what_happens_next}</p>
    }
}

#[component]
fn CaseOfficer(officer: OfficerContact) -> impl IntoView {
    let i18n = use_i18n();
    let OfficerContact {
        name,
        role,
        phone,
        phone_link,
        email,
        hours,
    } = officer;
    let (tel, mailto) = (format!("tel:{phone_link}"), format!("mailto:{email}"));
    view! {
        <h2 class="app-heading-l">{t!(i18n, case.officer_heading)}</h2>
        <SummaryList>
            <SummaryRow label=t_string!(i18n, case.officer_name)>{name}</SummaryRow>
            <SummaryRow label=t_string!(i18n, case.officer_role)>{role}</SummaryRow>
            <SummaryRow label=t_string!(i18n, case.officer_phone)>
                <a href=tel>{phone}</a>
            </SummaryRow>
            <SummaryRow label=t_string!(i18n, case.officer_email)>
                <a href=mailto>{email}</a>
            </SummaryRow>
            <SummaryRow label=t_string!(i18n, case.officer_hours)>{hours}</SummaryRow>
        </SummaryList>
    }
}
