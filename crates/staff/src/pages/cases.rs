//! `/staff/`: "My cases", the officer's caseload, soonest Victims' Code deadline first.
//! Signed out, it sends the officer to sign in.

use leptos::either::Either;
use leptos::prelude::*;
use ui::components::{Loaded, PageTitle};

use crate::api;
use crate::components::CasesTable;
use crate::i18n::*;
use crate::session::staff_resource;

#[component]
pub fn CasesPage() -> impl IntoView {
    let i18n = use_i18n();
    let (cases, loading) = staff_resource(api::get_cases);
    view! {
        <PageTitle title=t_string!(i18n, cases.title).to_owned() />
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, cases.title)}</h1>
        <Loaded
            resource=cases
            loading=loading
            loading_message=t_string!(i18n, cases.loading)
            error_message=t_string!(i18n, cases.load_failed)
            render=move |view| {
                if view.cases.is_empty() {
                    Either::Left(view! { <p class="app-body">{t!(i18n, cases.empty)}</p> })
                } else {
                    Either::Right(view! { <CasesTable cases=view.cases /> })
                }
            }
        />
    }
}
