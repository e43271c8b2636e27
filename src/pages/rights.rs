//! `/rights`: "Your rights under the Victims' Code". Public: no sign-in needed. The 12
//! rights load as data (`/content/rights.en.json`); "Easy read" switches every right's
//! text between the standard and easy-read versions, remembered on the device.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::content::{Right, RightText};

use crate::api;
use crate::components::{easy_read_setting, EasyReadToggle, Loaded, PageTitle};
use crate::resource::loading_resource;

const TITLE: &str = "Your rights under the Victims' Code";
pub const RIGHTS_LOAD_FAILED: &str =
    "Sorry, we could not load your rights right now. Check your internet connection and try again.";

/// The version of a right's text to show.
pub fn right_text(right: &Right, easy_read: bool) -> &RightText {
    if easy_read {
        &right.easy_read
    } else {
        &right.standard
    }
}

#[component]
pub fn RightsPage() -> impl IntoView {
    let (rights, loading) = loading_resource(api::get_rights);
    let easy_read = easy_read_setting();
    view! {
        <PageTitle title=TITLE />
        <h1 class="app-heading-xl" tabindex="-1">{TITLE}</h1>
        <p class="app-body-l">
            "The Victims' Code is a law that says what you can expect from the police, courts and other services if you are a victim of crime in England or Wales. It gives you 12 rights."
        </p>
        <EasyReadToggle easy_read />
        <Loaded
            resource=rights
            loading
            loading_message="Loading your rights…"
            error_message=RIGHTS_LOAD_FAILED
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
    let href = format!("/rights/{}", right.id);
    let number = format!("Right {}: ", right.number);
    let right = StoredValue::new(right);
    let text = move |pick: fn(&RightText) -> &String| {
        right.with_value(|right| pick(right_text(right, easy_read.get())).clone())
    };
    view! {
        <li class="app-rights-list__item">
            <h2 class="app-heading-m app-rights-list__title">
                <span class="app-rights-list__number">{number}</span>
                <A href=href>{move || text(|t| &t.title)}</A>
            </h2>
            <p class="app-body">{move || text(|t| &t.summary)}</p>
        </li>
    }
}
