//! `RadioGroup`: a `Fieldset` of `RadioItem`s for one question whose answer is one of a
//! few values (a method, yes/no, how often).
//!
//! Markup contract: as `Fieldset` and `RadioItem`. Each radio's id is
//! `<id_prefix>-<suffix>`; the first radio's id is where the error summary sends focus
//! (`first_id`), and the group shows the error for that id.

use leptos::prelude::*;

use crate::components::{Fieldset, RadioItem};
use crate::form_errors::FormErrors;

/// The id the error summary links to for a radio group: its first radio.
pub fn first_id<T>(id_prefix: &str, options: &[(T, &str, &str)]) -> String {
    format!(
        "{id_prefix}-{}",
        options.first().map(|option| option.1).unwrap_or_default()
    )
}

#[component]
pub fn RadioGroup<T>(
    id_prefix: &'static str,
    name: &'static str,
    legend: &'static str,
    #[prop(optional_no_strip)] hint: Option<&'static str>,
    #[prop(optional)] large: bool,
    /// (value, id suffix, label) in the order shown. A `Vec` (or a `&'static` slice), so
    /// pages can pass labels in the current language.
    #[prop(into)]
    options: Vec<(T, &'static str, &'static str)>,
    value: RwSignal<Option<T>>,
    #[prop(into)] errors: Signal<FormErrors>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let first = first_id(id_prefix, &options);
    let error = {
        let first = first.clone();
        Signal::derive(move || errors.with(|errors| errors.message_for(&first)))
    };
    view! {
        <Fieldset id=id_prefix legend hint=hint error large>
            {options
                .into_iter()
                .map(|(option, suffix, label)| {
                    view! {
                        <RadioItem
                            id=format!("{id_prefix}-{suffix}")
                            name
                            label
                            checked=Signal::derive(move || value.get() == Some(option))
                            on_select=Callback::new(move |()| value.set(Some(option)))
                        />
                    }
                })
                .collect_view()}
        </Fieldset>
    }
}
