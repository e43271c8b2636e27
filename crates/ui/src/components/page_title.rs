//! `PageTitle`: sets the document title to "<page> – <service name>", prefixed "Error: "
//! while the page's form shows errors, so screen reader users hear about errors as soon as
//! the title is read. Every page has a unique title.
//!
//! The service name is each app's own ("Safe Updates", "Safe Updates — staff"): the app
//! provides it once as a [`ServiceName`] context.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::*;

/// The app's service name in a given language, provided as context by each app's `App`.
#[derive(Clone, Copy)]
pub struct ServiceName(pub fn(Locale) -> &'static str);

#[component]
pub fn PageTitle(
    /// A signal for pages whose heading comes from data (a right's title).
    #[prop(into)]
    title: Signal<String>,
    #[prop(optional, into)] has_errors: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ServiceName(service_name) = expect_context();
    view! {
        <Title text=move || {
            let prefix = if has_errors.get() { t_string!(i18n, ui.error_prefix) } else { "" };
            let service = service_name(i18n.get_locale());
            format!("{prefix}{} – {service}", title.read())
        } />
    }
}
