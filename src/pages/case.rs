//! `/case`: "Your case". Needs a session (`session_resource`: a 401 sends the person to
//! `/sign-in` with a notice saying why).

use leptos::prelude::*;
use shared::api::{CaseView, OfficerContact, StageView};

use crate::api;
use crate::components::{Loaded, PageTitle, SummaryList, SummaryRow, Timeline};
use crate::format::long_date;
use crate::session::session_resource;

const LOAD_FAILED: &str =
    "Sorry, we could not load your case right now. Check your internet connection and try again.";

#[component]
pub fn CasePage() -> impl IntoView {
    let (case, loading) =
        session_resource(|reference| async move { api::get_case(&reference).await });

    view! {
        <PageTitle title="Your case" />
        <h1 class="app-heading-xl" tabindex="-1">"Your case"</h1>
        <Loaded
            resource=case
            loading
            loading_message="Loading your case…"
            error_message=LOAD_FAILED
            render=|case| view! { <CaseDetails case /> }
        />
    }
}

#[component]
fn CaseDetails(case: CaseView) -> impl IntoView {
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
        "Enhanced rights under the Victims' Code: we'll update you within 1 working day of key events"
    } else {
        "Standard rights under the Victims' Code: we'll update you within 5 working days of key events"
    };
    let reported_on_words = long_date(&reported_on);
    view! {
        <SummaryList>
            <SummaryRow label="Crime reference">{crime_reference}</SummaryRow>
            <SummaryRow label="What happened">{crime_type}</SummaryRow>
            <SummaryRow label="Reported on">
                <time datetime=reported_on>{reported_on_words}</time>
            </SummaryRow>
            <SummaryRow label="Your rights">{rights}</SummaryRow>
        </SummaryList>
        <CaseStage stage />
        <CaseOfficer officer />
        <h2 class="app-heading-l">"Updates"</h2>
        <Timeline updates />
    }
}

#[component]
fn CaseStage(stage: StageView) -> impl IntoView {
    view! {
        <h2 class="app-heading-l">"Where your case is now"</h2>
        <div class="app-inset">
            <p class="app-body-l app-inset__title">{stage.title}</p>
            <p class="app-body">{stage.explanation}</p>
        </div>
        <h3 class="app-heading-m">"What happens next"</h3>
        <p class="app-body">{stage.what_happens_next}</p>
    }
}

#[component]
fn CaseOfficer(officer: OfficerContact) -> impl IntoView {
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
        <h2 class="app-heading-l">"Who is looking after your case"</h2>
        <SummaryList>
            <SummaryRow label="Name">{name}</SummaryRow>
            <SummaryRow label="Role">{role}</SummaryRow>
            <SummaryRow label="Phone">
                <a href=tel>{phone}</a>
            </SummaryRow>
            <SummaryRow label="Email">
                <a href=mailto>{email}</a>
            </SummaryRow>
            <SummaryRow label="When you can contact them">{hours}</SummaryRow>
        </SummaryList>
    }
}
