//! `CaseDetails`: the case basics (reference, crime, stage, enhanced rights, next Victims'
//! Code deadline) under the contact choices, as a summary list with an `<h2>`.

use leptos::prelude::*;
use shared::api::staff::StaffCaseView;
use ui::components::{SummaryList, SummaryRow};

use crate::format::long_date;
use crate::i18n::*;

#[component]
pub fn CaseDetails(case: StaffCaseView) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let enhanced = if case.enhanced_rights {
        td_string!(l, case.yes)
    } else {
        td_string!(l, case.no)
    };
    let deadline = case.next_deadline.as_deref().map_or_else(
        || td_string!(l, case.no_deadline).to_owned(),
        |date| long_date(l, date),
    );
    view! {
        <section aria-labelledby="basics-heading">
            <h2 class="app-heading-l" id="basics-heading">{t!(i18n, case.basics_heading)}</h2>
            <SummaryList>
                <SummaryRow label=td_string!(l, case.reference)>{case.crime_reference}</SummaryRow>
                <SummaryRow label=td_string!(l, case.crime)>{case.crime_type}</SummaryRow>
                <SummaryRow label=td_string!(l, case.stage)>{case.stage}</SummaryRow>
                <SummaryRow label=td_string!(l, case.enhanced)>{enhanced}</SummaryRow>
                <SummaryRow label=td_string!(l, case.deadline)>{deadline}</SummaryRow>
            </SummaryList>
        </section>
    }
}
