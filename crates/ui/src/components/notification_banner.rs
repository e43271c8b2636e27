//! `NotificationBanner`: the GOV.UK notification banner, placed just before the page's h1.
//!
//! Markup contract:
//! - important information: `role="region"` + `aria-labelledby` its title ("Important");
//! - the result of something the person just did (`success`): `role="alert"` so it is
//!   announced at once, title "Success";
//! - `autofocus`: `tabindex="-1"` and `data-autofocus`, so `FocusOnNavigate` focuses it
//!   instead of the h1 (used for notices the person must not miss).
//!
//! Meaning is in the words and the title, never in the colour alone.

use leptos::prelude::*;

use crate::i18n::*;

#[component]
pub fn NotificationBanner(
    /// Unique on the page; the title's id is `<id>-title`.
    id: &'static str,
    children: Children,
    #[prop(optional)] success: bool,
    #[prop(optional)] autofocus: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    view! {
        <div
            id=id
            class="app-notification-banner"
            class:app-notification-banner--success=success
            role=if success { "alert" } else { "region" }
            aria-labelledby=labelled_by
            tabindex=autofocus.then_some("-1")
            data-autofocus=autofocus.then_some("")
        >
            <div class="app-notification-banner__header">
                <h2 class="app-notification-banner__title" id=title_id>
                    {move || {
                        if success {
                            t_string!(i18n, ui.banner_success)
                        } else {
                            t_string!(i18n, ui.banner_important)
                        }
                    }}
                </h2>
            </div>
            <div class="app-notification-banner__content">{children()}</div>
        </div>
    }
}
