//! `PhoneInput`: a `TextInput` for a phone number that is safe to call. Same markup contract
//! as `TextInput`, with `type="tel"`, `inputmode="tel"` (the phone keypad) and
//! `autocomplete="tel"`, 20 characters wide.

use leptos::prelude::*;

use ui::components::text_input::{TextInput, TextInputProps};

#[component]
pub fn PhoneInput(
    /// The input's id; error summary links point at it.
    id: &'static str,
    name: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    TextInput(TextInputProps {
        id: id.into(),
        name,
        label,
        value,
        error,
        label_is_page_heading: false,
        hint,
        autocomplete: Some("tel"),
        inputmode: Some("tel"),
        width_class: "app-input--width-20",
        input_type: Some("tel"),
    })
}
