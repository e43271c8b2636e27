//! `/looks`: "Who has looked at your case". Needs a session. Roles and days only ("Your
//! victim care officer, 2 December 2025"), never names or times, over the last 90 days,
//! with a plain sentence on why people look. The victim's own looks are not listed.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::audit::{LookerRole, LooksView};

use crate::api;
use crate::components::{Loaded, PageTitle};
use crate::format::long_date;
use crate::i18n::*;
use crate::session::session_resource;

#[component]
pub fn LooksPage() -> impl IntoView {
    let i18n = use_i18n();
    let (looks, loading) =
        session_resource(|reference| async move { api::get_looks(&reference).await });
    view! {
        <PageTitle title=Signal::derive(move || t_string!(i18n, looks.title).to_string()) />
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, looks.title)}</h1>
        <p class="app-body">{t!(i18n, looks.intro)}</p>
        <p class="app-body">{t!(i18n, looks.why)}</p>
        <Loaded
            resource=looks
            loading
            loading_message=t_string!(i18n, looks.loading)
            error_message=t_string!(i18n, looks.load_failed)
            render=|view| view! { <LooksList view /> }
        />
        <p class="app-body"><A href="/case">{t!(i18n, looks.back)}</A></p>
    }
}

#[component]
fn LooksList(view: LooksView) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    if view.looks.is_empty() {
        return view! { <p class="app-body">{t!(i18n, looks.none)}</p> }.into_any();
    }
    let lines = view
        .looks
        .into_iter()
        .map(|look| {
            let line = format!("{}, {}", role(l, look.role), long_date(l, &look.date));
            view! { <li>{line}</li> }
        })
        .collect_view();
    view! { <ul class="app-list app-list--bullet">{lines}</ul> }.into_any()
}

fn role(l: Locale, role: LookerRole) -> &'static str {
    match role {
        LookerRole::YourOfficer => td_string!(l, looks.roles.your_officer),
        LookerRole::AnotherOfficer => td_string!(l, looks.roles.another_officer),
        LookerRole::Supervisor => td_string!(l, looks.roles.supervisor),
        LookerRole::Supporter => td_string!(l, looks.roles.supporter),
    }
}
