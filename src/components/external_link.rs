//! `ContentLinkView`: a link from the content files. App paths (`/support`) are `<A>`
//! router links; anything else is another website, which the link says in visually hidden
//! text ("(on another website)") so nobody is taken off the portal by surprise. Links open
//! in the same tab: new tabs confuse screen reader and phone users and leave the portal
//! open behind.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::*;

#[component]
pub fn ContentLinkView(#[prop(into)] href: String, #[prop(into)] text: String) -> impl IntoView {
    let i18n = use_i18n();
    if href.starts_with('/') {
        Either::Left(view! { <A href=href>{text}</A> })
    } else {
        Either::Right(view! {
            <a href=href rel="noreferrer">
                {text}
                <span class="app-visually-hidden">{t!(i18n, common.on_another_website)}</span>
            </a>
        })
    }
}
