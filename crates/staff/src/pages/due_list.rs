//! `/staff/due`: the Victims' Code due list, what officers open first in the morning.
//! Every event on my cases (a supervisor: the unit's, or their own with `?scope=mine`) the
//! victim has not been told about yet, soonest deadline first, a page at a time
//! (`?after=<cursor>`), each with a status tag in words: "Overdue by 2 working days"
//! (red), "Due today" (orange), "Due tomorrow" and "Due in N working days" (grey). The
//! scope and page are in the address, so Back and a bookmark keep them.
//!
//! Markup contract: the table follows `CasesTable` (a focusable `role="region"` that
//! scrolls sideways, named like the table; `<th scope="col">`). Supervisors get two
//! links to switch scope; the current one carries `aria-current="page"`. Tags are
//! `<strong>` words; the colour only repeats them.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shared::api::staff::StaffRole;
use shared::api::updates::{DueItem, DueScope};
use ui::components::{Loaded, PageTitle};

use crate::api;
use crate::components::case_href;
use crate::format::long_date;
use crate::i18n::*;
use crate::session::staff_resource;
use crate::state::use_staff_state;
use crate::updates_words::{event_name, status_class, status_words};

const TABLE_ID: &str = "due-table-label";

#[component]
pub fn DueListPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_staff_state();
    let query = use_query_map();
    let scope = move || match query.with(|q| q.get("scope")).as_deref() {
        Some("mine") => Some(DueScope::Mine),
        Some("unit") => Some(DueScope::Unit),
        _ => None,
    };
    let after = move || query.with(|q| q.get("after"));
    let (due, loading) = staff_resource(move || {
        let (scope, after) = (scope(), after());
        async move { api::get_due(scope, after.as_deref()).await }
    });
    let supervisor = move || {
        state
            .session
            .with(|s| s.as_ref().is_some_and(|s| s.role == StaffRole::Supervisor))
    };
    // A supervisor's list is the unit's unless they ask for their own.
    let showing_unit = move || supervisor() && scope() != Some(DueScope::Mine);
    view! {
        <PageTitle title=t_string!(i18n, updates.due_title).to_owned() />
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, updates.due_title)}</h1>
        <p class="app-body">{t!(i18n, updates.due_intro)}</p>
        {move || supervisor().then(|| view! {
            <nav class="app-staff-scope" aria-label=t_string!(i18n, updates.scope_label)>
                <ul class="app-list app-staff-scope__list">
                    <li>
                        <a href="/staff/due?scope=unit" class="app-staff-table__link"
                            aria-current=move || showing_unit().then_some("page")>
                            {t!(i18n, updates.scope_unit)}
                        </a>
                    </li>
                    <li>
                        <a href="/staff/due?scope=mine" class="app-staff-table__link"
                            aria-current=move || (!showing_unit()).then_some("page")>
                            {t!(i18n, updates.scope_mine)}
                        </a>
                    </li>
                </ul>
            </nav>
        })}
        <Loaded
            resource=due
            loading=loading
            loading_message=t_string!(i18n, updates.due_loading)
            error_message=t_string!(i18n, updates.due_load_failed)
            render=move |view| {
                let scope_param = scope().map_or("", |s| match s {
                    DueScope::Mine => "scope=mine&",
                    DueScope::Unit => "scope=unit&",
                });
                let next = view.next_cursor.map(|cursor| {
                    let href = format!("/staff/due?{scope_param}after={cursor}");
                    view! { <A href=href attr:class="app-staff-table__link">{t!(i18n, updates.next_page)}</A> }
                });
                let first = after().map(|_| {
                    let href = format!("/staff/due?{}", scope_param.trim_end_matches('&'));
                    view! { <A href=href attr:class="app-staff-table__link">{t!(i18n, updates.first_page)}</A> }
                });
                view! {
                    {if view.items.is_empty() {
                        view! { <p class="app-body">{t!(i18n, updates.due_empty)}</p> }.into_any()
                    } else {
                        view! { <DueTable items=view.items /> }.into_any()
                    }}
                    <p class="app-body app-staff-pages">{first}" "{next}</p>
                }
            }
        />
    }
}

#[component]
fn DueTable(items: Vec<DueItem>) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let rows = items
        .into_iter()
        .map(|item| {
            view! {
                <tr>
                    <td class="app-table__cell app-table__cell--nowrap">
                        <A href=case_href(&item.crime_reference) attr:class="app-staff-table__link">
                            {item.crime_reference.clone()}
                        </A>
                    </td>
                    <td class="app-table__cell">{event_name(l, item.event)}</td>
                    <td class="app-table__cell">{long_date(l, &item.event_date)}</td>
                    <td class="app-table__cell">{long_date(l, &item.deadline)}</td>
                    <td class="app-table__cell">
                        <strong class=status_class(item.status)>
                            {status_words(l, item.status, item.working_days)}
                        </strong>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 id=TABLE_ID class="app-heading-m">{t!(i18n, updates.due_table_label)}</h2>
        <div class="app-table-container" role="region" tabindex="0" aria-labelledby=TABLE_ID>
            <table class="app-table app-staff-table" aria-labelledby=TABLE_ID>
                <thead>
                    <tr>
                        <th scope="col" class="app-table__header">{t!(i18n, updates.reference)}</th>
                        <th scope="col" class="app-table__header">{t!(i18n, updates.event)}</th>
                        <th scope="col" class="app-table__header">{t!(i18n, updates.event_date)}</th>
                        <th scope="col" class="app-table__header">{t!(i18n, updates.deadline)}</th>
                        <th scope="col" class="app-table__header">{t!(i18n, updates.status)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
