//! `/`: what the service does, what you need, and "Start now".

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{DrawnNext, PageTitle};
use crate::i18n::*;

#[component]
pub fn StartPage() -> impl IntoView {
    let i18n = use_i18n();
    let help_line = || view! { <a href="tel:101">"101"</a> };
    view! {
        <PageTitle title=t_string!(i18n, start.title) />
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, start.title)}</h1>
        <p class="app-body-l">{t!(i18n, start.lead)}</p>
        <p class="app-body">{t!(i18n, start.you_can)}</p>
        <ul class="app-list app-list--bullet">
            <li>{t!(i18n, start.can_see_stage)}</li>
            <li>{t!(i18n, start.can_read_updates)}</li>
            <li>{t!(i18n, start.can_find_officer)}</li>
            <li>{t!(i18n, start.can_choose_contact)}</li>
            <li>{t!(i18n, start.can_ask_callback)}</li>
        </ul>
        <p class="app-body">{t!(i18n, start.no_sign_in_needed)}</p>
        <ul class="app-list app-list--bullet">
            <li><A href="/rights">{t!(i18n, start.read_rights)}</A></li>
            <li><A href="/support">{t!(i18n, start.find_support)}</A></li>
        </ul>

        // The rest a task later (issue 14); the app takes the static shell's place only
        // once it is drawn (`static_shell`).
        <DrawnNext>
            <h2 class="app-heading-m">{t!(i18n, start.before_heading)}</h2>
            <p class="app-body">{t!(i18n, start.you_need)}</p>
            <ul class="app-list app-list--bullet">
                <li>{t!(i18n, start.need_reference)}</li>
                <li>{t!(i18n, start.need_phone_or_email)}</li>
            </ul>

            <A href="/sign-in" attr:class="app-button app-button--start" attr:draggable="false">
                {t!(i18n, start.start_now)}
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

            <h2 class="app-heading-m">{t!(i18n, start.cannot_use_heading)}</h2>
            <p class="app-body">{t!(i18n, start.cannot_use_body, number = help_line)}</p>
        </DrawnNext>
    }
}
