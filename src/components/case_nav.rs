//! `CaseNav`: the signed-in navigation ("Your case", "How we contact you", …), shown in
//! the header while there is a session.
//!
//! Markup contract: `<nav aria-label="Your case">` with a list of `<A>` links; `<A>`
//! sets `aria-current="page"` on the current one, which is also shown by a thick
//! underline (not colour alone). Each link is a 44 px tall target.

use leptos::prelude::*;
use leptos_router::components::A;

const LINKS: [(&str, &str); 5] = [
    ("/case", "Your case"),
    ("/preferences", "How we contact you"),
    ("/callbacks", "Ask for a callback"),
    ("/rights", "Your rights"),
    ("/support", "Support near you"),
];

#[component]
pub fn CaseNav() -> impl IntoView {
    view! {
        <nav class="app-case-nav" aria-label="Your case">
            <div class="app-width-container">
                <ul class="app-case-nav__list">
                    {LINKS
                        .iter()
                        .map(|&(href, text)| {
                            view! {
                                <li class="app-case-nav__item">
                                    <A href=href attr:class="app-case-nav__link">{text}</A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        </nav>
    }
}
