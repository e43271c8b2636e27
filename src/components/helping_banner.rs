//! `HelpingBanner`: for a supporter, on every page, "You are helping Sam. Sam chose what
//! you can see." A plain paragraph in an inset (not a live region): it is there from the
//! first paint of each page and must not be announced again on every change.

use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_app_state;

#[component]
pub fn HelpingBanner() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    move || {
        state.helping().map(|helping| {
            // The name is in the sentence twice, so it is put in as text.
            let words =
                t_string!(i18n, helping.banner).replace("{{ name }}", &helping.victim_first_name);
            view! { <p class="app-inset app-helping-banner" id="helping-banner">{words}</p> }
        })
    }
}
