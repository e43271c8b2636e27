//! `/`: what the service does, what you need, and "Start now".

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::PageTitle;

#[component]
pub fn StartPage() -> impl IntoView {
    view! {
        <PageTitle title="Get updates about your crime report" />
        <h1 class="app-heading-xl" tabindex="-1">"Get updates about your crime report"</h1>
        <p class="app-body-l">
            "If you reported a crime in England or Wales, you can use this service to check for updates on your case."
        </p>
        <p class="app-body">"You can:"</p>
        <ul class="app-list app-list--bullet">
            <li>"see where your case is now and what happens next"</li>
            <li>"read the updates we've added about your case"</li>
            <li>"find out who is looking after your case and how to contact them"</li>
            <li>"choose how and when we contact you"</li>
            <li>"ask us to call you back at a time that is safe for you"</li>
        </ul>
        <p class="app-body">"You do not need to sign in to:"</p>
        <ul class="app-list app-list--bullet">
            <li><A href="/rights">"read about your rights under the Victims' Code"</A></li>
            <li><A href="/support">"find support services and helplines"</A></li>
        </ul>

        <h2 class="app-heading-m">"Before you start"</h2>
        <p class="app-body">"You'll need:"</p>
        <ul class="app-list app-list--bullet">
            <li>
                "your crime reference number – it's on the letter, email or text we sent when you reported the crime"
            </li>
            <li>"the mobile phone or email address we have for you, so we can send you a code"</li>
        </ul>

        <A href="/sign-in" attr:class="app-button app-button--start" attr:draggable="false">
            "Start now"
            <svg
                class="app-button__start-icon"
                xmlns="http://www.w3.org/2000/svg"
                width="17.5"
                height="19"
                viewBox="0 0 33 40"
                aria-hidden="true"
                focusable="false"
            >
                <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"></path>
            </svg>
        </A>

        <h2 class="app-heading-m">"If you cannot use this service"</h2>
        <p class="app-body">
            "Call your officer, or call "
            <a href="tel:101">"101"</a>
            " and ask for the victims' care team."
        </p>
    }
}
