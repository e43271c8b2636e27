//! `Fieldset`: a GOV.UK fieldset grouping related inputs (radios, checkboxes, a time
//! range) under one question.
//!
//! Markup contract: `<div class="app-form-group">` around `<fieldset
//! aria-describedby="<id>-hint <id>-error">` whose first child is the `<legend>` (the
//! question, read with every input in the group). Hint `<div id="<id>-hint">`; error
//! `<p id="<id>-error">` starting with a visually hidden "Error:". The error summary links
//! to the first input inside, not to the fieldset.

use leptos::prelude::*;

use crate::components::{described_by, ErrorMessage};

#[component]
pub fn Fieldset(
    /// Prefix for the hint and error ids.
    #[prop(into)]
    id: String,
    #[prop(into)] legend: String,
    /// `Some("…")`: a plain `Option` so groups can pass theirs on.
    #[prop(optional_no_strip)]
    hint: Option<&'static str>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    /// A larger legend for the main question of a section.
    #[prop(optional)]
    large: bool,
    children: Children,
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
    view! {
        <div class="app-form-group" class:app-form-group--error=has_error>
            <fieldset class="app-fieldset" aria-describedby=described_by>
                <legend class="app-fieldset__legend" class:app-fieldset__legend--m=large>
                    {legend}
                </legend>
                {hint.map(|hint| view! { <div id=hint_id class="app-hint">{hint}</div> })}
                <ErrorMessage id=error_id.clone() message=error />
                {children()}
            </fieldset>
        </div>
    }
}
