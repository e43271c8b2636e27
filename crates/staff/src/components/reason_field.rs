//! `ReasonField`: a labelled `<textarea>` for a recorded reason (adding or removing a
//! supporter), with its hint and its error in `aria-describedby`, in a GOV.UK form group.

use leptos::prelude::*;
use ui::components::{described_by, ErrorMessage};

#[component]
pub fn ReasonField(
    /// The textarea's id; the hint and error ids are `<id>-hint` and `<id>-error`.
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            described_by(&[
                Some(hint_id.as_str()),
                error.with(Option::is_some).then_some(error_id.as_str()),
            ])
        }
    };
    view! {
        <div class="app-form-group" class:app-form-group--error=move || error.with(Option::is_some)>
            <label class="app-label" for=id>{label}</label>
            <div id=hint_id class="app-hint">{hint}</div>
            <ErrorMessage id=error_id message=error />
            <textarea
                id=id
                name=id
                class="app-textarea"
                rows="3"
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
            ></textarea>
        </div>
    }
}
