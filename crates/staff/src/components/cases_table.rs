//! `CasesTable`: "My cases" as a GOV.UK-style table: crime reference (a link to the case),
//! crime, stage, enhanced rights, next Victims' Code deadline.
//!
//! Markup contract: an `<h2>` names both the table (`aria-labelledby`, in place of a
//! `<caption>`, which would be as wide as the table and cut off on a phone) and the
//! `<div role="region" tabindex="0">` around it: on a narrow screen (320 px) the table
//! scrolls sideways inside that region, which a keyboard user can focus and scroll, and a
//! screen reader names by the heading. The page itself never scrolls sideways. Headers are
//! `<th scope="col">`; the crime reference comes first and never wraps. "Yes"/"No" are
//! words, not colours or icons; so are the "Sign-in blocked" tag under a reference whose
//! victim cannot sign in by code for now (too many wrong codes: call them) and the
//! "Message not delivered" tag where a message to the victim could not be delivered.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::staff::StaffCaseSummary;

use ui::components::Tag;

use crate::format::long_date;
use crate::i18n::*;

const CAPTION_ID: &str = "cases-caption";

#[component]
pub fn CasesTable(cases: Vec<StaffCaseSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let rows = cases
        .into_iter()
        .map(|case| {
            let href = format!("/staff/cases/{}", case.crime_reference);
            let enhanced = if case.enhanced_rights {
                td_string!(locale, cases.yes)
            } else {
                td_string!(locale, cases.no)
            };
            let deadline = case.next_deadline.as_deref().map_or_else(
                || td_string!(locale, cases.no_deadline).to_owned(),
                |date| long_date(locale, date),
            );
            let blocked = case
                .sign_in_blocked
                .then(|| view! { " " <Tag text=td_string!(locale, cases.sign_in_blocked) /> });
            let undelivered = (case.undelivered_messages > 0)
                .then(|| view! { " " <Tag text=td_string!(locale, messages.tag_undelivered) /> });
            view! {
                <tr>
                    <td class="app-table__cell app-table__cell--nowrap">
                        <A href=href attr:class="app-staff-table__link">{case.crime_reference}</A>
                        {blocked}
                        {undelivered}
                    </td>
                    <td class="app-table__cell">{case.crime_type}</td>
                    <td class="app-table__cell">{case.stage}</td>
                    <td class="app-table__cell">{enhanced}</td>
                    <td class="app-table__cell">{deadline}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 id=CAPTION_ID class="app-heading-m">{t!(i18n, cases.caption)}</h2>
        <div class="app-table-container" role="region" tabindex="0" aria-labelledby=CAPTION_ID>
            <table class="app-table app-staff-table" aria-labelledby=CAPTION_ID>
                <thead>
                    <tr>
                        <th scope="col" class="app-table__header">{t!(i18n, cases.reference)}</th>
                        <th scope="col" class="app-table__header">{t!(i18n, cases.crime)}</th>
                        <th scope="col" class="app-table__header">{t!(i18n, cases.stage)}</th>
                        <th scope="col" class="app-table__header">{t!(i18n, cases.enhanced)}</th>
                        <th scope="col" class="app-table__header">{t!(i18n, cases.deadline)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
