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
//! The reference, stage and deadline headers are links that sort by them (ascending; the
//! sorted column's `<th>` carries `aria-sort="ascending"`, the others `aria-sort="none"`).

use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::case_management::CaseSort;
use shared::api::staff::StaffCaseSummary;

use ui::components::Tag;

use crate::format::long_date;
use crate::i18n::*;

const CAPTION_ID: &str = "cases-caption";

#[component]
pub fn CasesTable(
    cases: Vec<StaffCaseSummary>,
    /// The order shown, and the address that sorts by each order.
    sort: CaseSort,
    sort_href: Callback<CaseSort, String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let header = move |by: CaseSort, label: &'static str| {
        let aria_sort = if by == sort { "ascending" } else { "none" };
        view! {
            <th scope="col" class="app-table__header" aria-sort=aria_sort>
                <A href=sort_href.run(by) attr:class="app-staff-table__link">{label}</A>
            </th>
        }
    };
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
                    <td class="app-table__cell">{case.open_callbacks}</td>
                    <td class="app-table__cell">
                        {case.officer_name}
                        {case.team_name.map(|team| view! { <span class="app-staff-line">{team}</span> })}
                    </td>
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
                        {header(CaseSort::Reference, td_string!(locale, cases.reference))}
                        <th scope="col" class="app-table__header">{t!(i18n, cases.crime)}</th>
                        {header(CaseSort::Stage, td_string!(locale, cases.stage))}
                        <th scope="col" class="app-table__header">{t!(i18n, cases.enhanced)}</th>
                        {header(CaseSort::NextDeadline, td_string!(locale, cases.deadline))}
                        <th scope="col" class="app-table__header">{t!(i18n, cases.callbacks)}</th>
                        <th scope="col" class="app-table__header">{t!(i18n, cases.allocated)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
