//! Any path without a route.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::PageTitle;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <PageTitle title="Page not found" />
        <h1 class="app-heading-xl" tabindex="-1">"Page not found"</h1>
        <p class="app-body">"If you typed the web address, check it is correct."</p>
        <p class="app-body">
            "If you pasted the web address, check you copied the whole address."
        </p>
        <p class="app-body">
            <A href="/" exact=true>"Go to the start page"</A>
        </p>
    }
}
