//! `/people`: "People who help you". The victim sees each supporter, what they can do,
//! when their access ends, when they last signed in and what they did; changes what one
//! can do, or removes them at once (their sessions end on the server in the same step).
//! Supporters never reach this page: the server refuses it to them.

mod person;

use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::supporters::SupportersView;

use crate::api;
use crate::components::{Loaded, NotificationBanner, PageTitle, WarningText};
use crate::i18n::*;
use crate::session::session_resource;
use crate::state::use_app_state;
use person::Person;

/// A change just made, for the banner at the top of the page.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Done {
    Invited(String),
    Saved(String),
    Removed(String),
}

#[component]
pub fn PeoplePage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let done = RwSignal::new(state.invited_name.get_untracked().map(Done::Invited));
    state.invited_name.set(None);
    let (supporters, loading) =
        session_resource(|reference| async move { api::get_supporters(&reference).await });
    view! {
        <PageTitle title=t_string!(i18n, people.title) />
        {move || done.get().map(|done| view! { <DoneBanner done /> })}
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, people.title)}</h1>
        <p class="app-body">{t!(i18n, people.intro)}</p>
        <WarningText>{t!(i18n, people.safety)}</WarningText>
        <p class="app-body">
            <A href="/people/invite" attr:class="app-button" attr:id="invite-link">
                {t!(i18n, people.invite_link)}
            </A>
        </p>
        <Loaded
            resource=supporters
            loading
            loading_message=t_string!(i18n, people.loading)
            error_message=t_string!(i18n, people.load_failed)
            render=move |view| view! { <People view done /> }
        />
        <p class="app-body"><A href="/case">{t!(i18n, people.back)}</A></p>
    }
}

#[component]
fn DoneBanner(done: Done) -> impl IntoView {
    let i18n = use_i18n();
    let words = match done {
        Done::Invited(name) => t!(i18n, people.invited, name = move || name.clone()).into_any(),
        Done::Saved(name) => t!(i18n, people.saved, name = move || name.clone()).into_any(),
        Done::Removed(name) => t!(i18n, people.removed, name = move || name.clone()).into_any(),
    };
    view! {
        <NotificationBanner id="people-done" success=true autofocus=true>
            <p class="app-notification-banner__heading">{words}</p>
        </NotificationBanner>
    }
}

#[component]
fn People(view: SupportersView, done: RwSignal<Option<Done>>) -> impl IntoView {
    let i18n = use_i18n();
    let list = RwSignal::new(view.supporters);
    move || {
        let people = list.get();
        if people.is_empty() {
            return view! { <p class="app-body">{t!(i18n, people.none)}</p> }.into_any();
        }
        people
            .into_iter()
            .map(|supporter| view! { <Person supporter list done /> })
            .collect_view()
            .into_any()
    }
}
