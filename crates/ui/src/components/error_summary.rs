//! `ErrorSummary`: the GOV.UK error summary, shown at the top of `<main>` when a form has
//! errors.
//!
//! Markup contract:
//! - outer `<div class="app-error-summary" tabindex="-1">` is focused each time errors are
//!   shown, so keyboard and screen reader users land on it;
//! - an inner `<div role="alert">` makes screen readers announce it;
//! - `<h2>There is a problem</h2>`, then a general message if any, then one link per field
//!   error (`href="#<input id>"`) that moves focus to that input and scrolls its form group
//!   (with the label) into view, without adding a history entry.

use leptos::html;
use leptos::prelude::*;

use crate::components::focus_element;
use crate::form_errors::FormErrors;
use crate::i18n::*;

#[component]
pub fn ErrorSummary(#[prop(into)] errors: Signal<FormErrors>) -> impl IntoView {
    let i18n = use_i18n();
    let summary = NodeRef::<html::Div>::new();

    // Runs after each submission that produced errors (setting the signal notifies even when
    // the errors are the same as last time) and once the summary element exists.
    Effect::new(move |_| {
        let has_errors = errors.with(|errors| !errors.is_empty());
        if let (true, Some(element)) = (has_errors, summary.get()) {
            _ = element.focus();
        }
    });

    view! {
        <Show when=move || errors.with(|errors| !errors.is_empty())>
            <div class="app-error-summary" tabindex="-1" node_ref=summary>
                <div role="alert">
                    <h2 class="app-error-summary__title">{t!(i18n, ui.there_is_a_problem)}</h2>
                    <div class="app-error-summary__body">
                        {move || {
                            let general = errors.with(|errors| errors.general.clone())?;
                            let message = general.words(i18n);
                            Some(view! { <p class="app-error-summary__message">{message}</p> })
                        }}
                        <ul class="app-error-summary__list">
                            {move || {
                                errors
                                    .get()
                                    .fields
                                    .into_iter()
                                    .map(|error| {
                                        let target = error.target_id;
                                        let href = format!("#{target}");
                                        view! {
                                            <li>
                                                <a
                                                    class="app-error-summary__link"
                                                    href=href
                                                    on:click=move |event| {
                                                        event.prevent_default();
                                                        focus_element(&target);
                                                    }
                                                >
                                                    {error.message}
                                                </a>
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </ul>
                    </div>
                </div>
            </div>
        </Show>
    }
}
