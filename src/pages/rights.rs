//! `/rights`: "Your rights under the Victims' Code". Public: no sign-in needed. The 12
//! rights load as data in the current language (`/content/rights.<lang>.json`); "Easy
//! read" switches every right's text between the standard and easy-read versions,
//! remembered on the device.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::content::{Right, RightText};

use crate::api;
use crate::components::{easy_read_setting, EasyReadToggle, Loaded, PageTitle};
use crate::content::right_text;
use crate::i18n::*;
use crate::resource::loading_resource;

#[component]
pub fn RightsPage() -> impl IntoView {
    let i18n = use_i18n();
    let language = i18n.get_locale_untracked();
    let (rights, loading) = loading_resource(move || api::get_rights(language));
    let easy_read = easy_read_setting();
    view! {
        <PageTitle title=t_string!(i18n, rights.title) />
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, rights.title)}</h1>
        <p class="app-body-l">{t!(i18n, rights.lead)}</p>
        <EasyReadToggle easy_read />
        <Loaded
            resource=rights
            loading
            loading_message=t_string!(i18n, rights.loading)
            error_message=t_string!(i18n, rights.load_failed)
            render=move |content| {
                view! {
                    <ol class="app-rights-list">
                        {content
                            .rights
                            .into_iter()
                            .map(|right| view! { <RightSummary right easy_read /> })
                            .collect_view()}
                    </ol>
                }
            }
        />
    }
}

#[component]
fn RightSummary(right: Right, easy_read: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/rights/{}", right.id);
    let number = right.number;
    let right = StoredValue::new(right);
    let text = move |pick: fn(&RightText) -> &String| {
        right.with_value(|right| pick(right_text(right, easy_read.get())).clone())
    };
    view! {
        <li class="app-rights-list__item">
            <h2 class="app-heading-m app-rights-list__title">
                <span class="app-rights-list__number">
                    {t!(i18n, rights.right_number, number = move || number)}
                </span>
                <A href=href>{move || text(|t| &t.title)}</A>
            </h2>
            <p class="app-body">{move || text(|t| &t.summary)}</p>
        </li>
    }
}
