//! `Select`: a GOV.UK select (`<label for>` + `<select>`), with hint and error as
//! `TextInput`. Options are `(value, text)` pairs; the first is chosen if `value` is empty.

use leptos::prelude::*;

use crate::components::ErrorMessage;

#[component]
pub fn Select(
    #[prop(into)] id: String,
    name: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let has_error = move || error.with(Option::is_some);
    let described_by = {
        let error_id = error_id.clone();
        move || has_error().then(|| error_id.clone())
    };
    view! {
        <div class="app-form-group" class:app-form-group--error=has_error>
            <label class="app-label" for=id.clone()>{label}</label>
            <ErrorMessage id=error_id.clone() message=error />
            <select
                class="app-select"
                class:app-input--error=has_error
                id=id
                name=name
                aria-describedby=described_by
                aria-invalid=move || has_error().then_some("true")
                on:change=move |event| value.set(event_target_value(&event))
            >
                {options
                    .into_iter()
                    .map(|(option, text)| {
                        let selected = {
                            let option = option.clone();
                            move || value.with(|value| *value == option)
                        };
                        view! { <option value=option prop:selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
