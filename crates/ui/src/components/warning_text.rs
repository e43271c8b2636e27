//! `WarningText`: GOV.UK warning text, for something the person must not miss (e.g. "If
//! you are in danger now, call 999").
//!
//! Markup contract: the "!" icon is decorative (`aria-hidden`); the text starts with a
//! visually hidden "Warning" so it is announced as one. `<strong>` keeps it bold in every
//! mode. Not a live region: pages put it in the flow where it appears.

use leptos::prelude::*;

use crate::i18n::*;

#[component]
pub fn WarningText(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="app-warning-text">
            <span class="app-warning-text__icon" aria-hidden="true">"!"</span>
            <strong class="app-warning-text__text">
                <span class="app-visually-hidden">{t!(i18n, ui.warning_prefix)}</span>
                {children()}
            </strong>
        </div>
    }
}
