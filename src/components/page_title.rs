//! `PageTitle`: sets the document title to "<page> – Safe Updates", prefixed "Error: "
//! while the page's form shows errors, so screen reader users hear about errors as soon as
//! the title is read. Every page has a unique title.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::*;

#[component]
pub fn PageTitle(
    /// A signal for pages whose heading comes from data (a right's title).
    #[prop(into)]
    title: Signal<String>,
    #[prop(optional, into)] has_errors: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || {
            let prefix = if has_errors.get() { t_string!(i18n, common.error_prefix) } else { "" };
            let service = t_string!(i18n, common.service_name);
            format!("{prefix}{} – {service}", title.read())
        } />
    }
}
