//! `PageTitle`: sets the document title to "<page> – Safe Updates", prefixed "Error: "
//! while the page's form shows errors, so screen reader users hear about errors as soon as
//! the title is read. Every page has a unique title.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PageTitle(
    /// A signal for pages whose heading comes from data (a right's title).
    #[prop(into)]
    title: Signal<String>,
    #[prop(optional, into)] has_errors: Signal<bool>,
) -> impl IntoView {
    view! {
        <Title text=move || {
            let prefix = if has_errors.get() { "Error: " } else { "" };
            format!("{prefix}{} – Safe Updates", title.read())
        } />
    }
}
