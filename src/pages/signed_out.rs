//! `/signed-out`: confirms sign-out and how to get back in.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::PageTitle;

#[component]
pub fn SignedOutPage() -> impl IntoView {
    view! {
        <PageTitle title="You have signed out" />
        <h1 class="app-heading-xl" tabindex="-1">"You have signed out"</h1>
        <p class="app-body">
            "If you're using a phone or computer that other people use, close this browser window now."
        </p>
        <p class="app-body">
            <A href="/sign-in">"Sign in again"</A>
            " to see your case."
        </p>
    }
}
