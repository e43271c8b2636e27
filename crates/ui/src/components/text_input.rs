//! `TextInput`: a GOV.UK text input with label, optional hint and inline error.
//!
//! Markup contract:
//! - `<label for=id>`; with `label_is_page_heading` the label is wrapped in the page's
//!   `<h1 tabindex="-1">` (GOV.UK one-question pages) so the question is read once;
//! - hint `<div id="<id>-hint">`, error `<p id="<id>-error">` whose text starts with a
//!   visually hidden "Error:"; the input's `aria-describedby` lists the hint id and, while
//!   there is an error, the error id;
//! - `aria-invalid="true"` while there is an error; the red border is backed by the text;
//! - `type="text"` even for codes (GOV.UK: number inputs mangle leading zeros); `inputmode`
//!   brings up the right keyboard. Pasting is never blocked.

use leptos::either::Either;
use leptos::prelude::*;

use crate::components::{described_by, ErrorMessage};

#[component]
pub fn TextInput(
    /// The input's id; error summary links point at it.
    #[prop(into)]
    id: String,
    name: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] label_is_page_heading: bool,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// e.g. `app-input--width-10`.
    #[prop(optional)]
    width_class: &'static str,
    /// `text` unless given (`time`, `tel`, `email`).
    #[prop(optional)]
    input_type: Option<&'static str>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_error = move || error.with(Option::is_some);
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            described_by(&[
                hint.map(|_| hint_id.as_str()),
                has_error().then_some(error_id.as_str()),
            ])
        }
    };

    let label_view = if label_is_page_heading {
        Either::Left(view! {
            <h1 class="app-label-wrapper" tabindex="-1">
                <label class="app-label app-label--l" for=id.clone()>{label}</label>
            </h1>
        })
    } else {
        Either::Right(view! { <label class="app-label" for=id.clone()>{label}</label> })
    };

    view! {
        <div class="app-form-group" class:app-form-group--error=has_error>
            {label_view}
            {hint.map(|hint| view! { <div id=hint_id class="app-hint">{hint}</div> })}
            <ErrorMessage id=error_id.clone() message=error />
            <input
                class=format!("app-input {width_class}")
                class:app-input--error=has_error
                id=id
                name=name
                type=input_type.unwrap_or("text")
                spellcheck="false"
                autocomplete=autocomplete
                inputmode=inputmode
                aria-describedby=described_by
                aria-invalid=move || has_error().then_some("true")
                bind:value=value
            />
        </div>
    }
}
