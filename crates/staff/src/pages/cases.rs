//! `/staff/`: "My cases", the officer's caseload (or a supervisor's unit), soonest
//! Victims' Code deadline first. Whose cases, the order, the filters and the page are all
//! in the address (`?scope=…&sort=…&stage=…&after=…`), so links, Back and a reload keep
//! them; the API answers with the same parameters. Signed out, it sends the officer to
//! sign in.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::api::case_management::{CaseScope, CaseSort};
use shared::api::staff::StaffCasesView;
use ui::api::encode_path_segment;
use ui::components::{Loaded, PageTitle};

use crate::api;
use crate::components::{CaseFilters, CasesTable, Filters};
use crate::i18n::*;
use crate::session::staff_resource;

/// The list's parameters as the address has them.
#[derive(Debug, Clone, Default, PartialEq)]
struct ListAddress {
    scope: String,
    sort: String,
    filters: Filters,
}

impl ListAddress {
    /// `/staff?…` with `extra` (a cursor) after the scope, order and filters.
    fn href(&self, extra: Option<(&str, &str)>) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.scope.is_empty() {
            pairs.push(("scope", self.scope.clone()));
        }
        if !self.sort.is_empty() {
            pairs.push(("sort", self.sort.clone()));
        }
        pairs.extend(self.filters.pairs());
        if let Some((key, value)) = extra {
            pairs.push((key, value.to_owned()));
        }
        let query: Vec<String> = pairs
            .into_iter()
            .map(|(key, value)| format!("{key}={}", encode_path_segment(&value)))
            .collect();
        if query.is_empty() {
            "/staff".to_owned()
        } else {
            format!("/staff?{}", query.join("&"))
        }
    }
}

#[component]
pub fn CasesPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    let address = Memo::new(move |_| {
        query.with(|q| ListAddress {
            scope: q.get("scope").unwrap_or_default(),
            sort: q.get("sort").unwrap_or_default(),
            filters: Filters {
                stage: q.get("stage").unwrap_or_default(),
                enhanced_rights: q.get("enhanced_rights").unwrap_or_default(),
                open_callbacks: q.get("open_callbacks").as_deref() == Some("yes"),
                undelivered: q.get("undelivered").as_deref() == Some("yes"),
            },
        })
    });
    // The API takes the same parameters as the page's address.
    let api_query = move || {
        let cursor = query.with(|q| {
            q.get("after")
                .map(|c| ("after", c))
                .or_else(|| q.get("before").map(|c| ("before", c)))
        });
        let href = address
            .get()
            .href(cursor.as_ref().map(|(k, v)| (*k, v.as_str())));
        href.split_once('?')
            .map(|(_, q)| q.to_owned())
            .unwrap_or_default()
    };
    let (cases, loading) = staff_resource(move || api::get_cases(api_query()));
    let on_apply = Callback::new(move |filters: Filters| {
        let next = ListAddress {
            filters,
            ..address.get_untracked()
        };
        navigate(&next.href(None), Default::default());
    });
    view! {
        <PageTitle title=t_string!(i18n, cases.title).to_owned() />
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, cases.title)}</h1>
        <Loaded
            resource=cases
            loading=loading
            loading_message=t_string!(i18n, cases.loading)
            error_message=t_string!(i18n, cases.load_failed)
            render=move |view| list(view, address.get_untracked(), on_apply)
        />
    }
}

/// The scope links, the filters, the count, the table and the page links.
fn list(view: StaffCasesView, address: ListAddress, on_apply: Callback<Filters>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let count = match view.total {
        1 => td_string!(locale, cases.results_one).to_owned(),
        n => td_string!(locale, cases.results_many).replace("{{ count }}", &n.to_string()),
    };
    let scopes = (view.scopes.len() > 1).then(|| {
        let links = view
            .scopes
            .iter()
            .map(|&scope| {
                let label = match scope {
                    CaseScope::Mine => td_string!(locale, cases.scope_mine),
                    CaseScope::Team => td_string!(locale, cases.scope_team),
                    CaseScope::Unit => td_string!(locale, cases.scope_unit),
                };
                let target = ListAddress {
                    scope: scope.as_str().to_owned(),
                    ..address.clone()
                };
                let current = (scope == view.scope).then_some("page");
                view! {
                    <li class="app-case-nav__item">
                        <a href=target.href(None) class="app-case-nav__link" aria-current=current>{label}</a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <nav class="app-case-nav" aria-label=td_string!(locale, cases.scope_label)>
                <ul class="app-case-nav__list">{links}</ul>
            </nav>
        }
    });
    let clear = ListAddress {
        filters: Filters::default(),
        ..address.clone()
    };
    let sorted = CaseSort::parse(&address.sort).unwrap_or_default();
    let sort_address = address.clone();
    let sort_href = Callback::new(move |by: CaseSort| {
        ListAddress {
            sort: by.as_str().to_owned(),
            ..sort_address.clone()
        }
        .href(None)
    });
    let pages = (view.previous.is_some() || view.next.is_some()).then(|| {
        let previous = view.previous.as_ref().map(|cursor| {
            view! { <A href=address.href(Some(("before", cursor))) attr:class="app-staff-table__link" attr:rel="prev">{td_string!(locale, cases.previous)}</A> }
        });
        let next = view.next.as_ref().map(|cursor| {
            view! { <A href=address.href(Some(("after", cursor))) attr:class="app-staff-table__link" attr:rel="next">{td_string!(locale, cases.next)}</A> }
        });
        view! {
            <nav class="app-staff-pages" aria-label=td_string!(locale, cases.pages)>
                {previous}
                {next}
            </nav>
        }
    });
    let table = if view.cases.is_empty() {
        let empty = if address.filters == Filters::default() {
            td_string!(locale, cases.empty)
        } else {
            td_string!(locale, cases.no_matches)
        };
        Either::Left(view! { <p class="app-body">{empty}</p> })
    } else {
        Either::Right(view! { <CasesTable cases=view.cases sort=sorted sort_href=sort_href /> })
    };
    view! {
        {scopes}
        <CaseFilters
            current=address.filters.clone()
            stages=view.stages
            clear_href=clear.href(None)
            on_apply=on_apply
        />
        <p class="app-body app-staff-count" role="status">{count}</p>
        {table}
        {pages}
    }
}
