//! `/settings`: accessibility settings (text size, contrast, reading style, motion, easy
//! read), each remembered on the device and applied before first paint.

use leptos::prelude::*;

use crate::components::PageTitle;
use crate::i18n::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle title=Signal::derive(move || t_string!(i18n, common.settings_link).to_string()) />
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, common.settings_link)}</h1>
    }
}
