//! `Radios`: a GOV.UK radio group for the staff forms: a `<fieldset>` whose `<legend>` is
//! the question, an optional hint, the inline error and one real
//! `<input type="radio">` per choice with its `<label>` (the whole row is the 44 px
//! target). Radios share a `name`, so arrow keys move between them and Tab enters and
//! leaves the group once.
//!
//! Markup contract: each radio's id is `<name>-<index>`; the first (`first_id`) is where
//! the error summary links. The fieldset's `aria-describedby` names the hint and, while
//! there is one, the error; the group gets `app-form-group--error`.

use leptos::prelude::*;
use ui::components::{described_by, ErrorMessage};

/// One choice: the value sent, the label shown and an optional hint under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub hint: Option<String>,
}

impl Choice {
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            label: label.into(),
            hint: None,
        }
    }

    pub fn with_hint(self, hint: impl Into<String>) -> Self {
        Self {
            hint: Some(hint.into()),
            ..self
        }
    }
}

/// The id of the first radio of group `name`: the error summary's link target.
pub fn first_id(name: &str) -> String {
    format!("{name}-0")
}

#[component]
pub fn Radios(
    /// Unique on the page.
    #[prop(into)]
    name: String,
    #[prop(into)] legend: String,
    #[prop(default = None)] hint: Option<String>,
    choices: Vec<Choice>,
    selected: RwSignal<Option<String>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let described = {
        let (hint_id, error_id, has_hint) = (hint_id.clone(), error_id.clone(), hint.is_some());
        move || {
            described_by(&[
                has_hint.then_some(hint_id.as_str()),
                error.with(Option::is_some).then_some(error_id.as_str()),
            ])
        }
    };
    let radios = choices
        .into_iter()
        .enumerate()
        .map(|(index, choice)| {
            let id = format!("{name}-{index}");
            let item_hint_id = format!("{id}-hint");
            let value = choice.value.clone();
            let checked = {
                let value = value.clone();
                move || selected.with(|current| current.as_deref() == Some(value.as_str()))
            };
            view! {
                <div class="app-choice">
                    <input
                        class="app-choice__input"
                        type="radio"
                        id=id.clone()
                        name=name.clone()
                        value=value.clone()
                        prop:checked=checked
                        aria-describedby=choice.hint.as_ref().map(|_| item_hint_id.clone())
                        on:change=move |_| selected.set(Some(value.clone()))
                    />
                    <label class="app-choice__label" for=id>{choice.label}</label>
                    {choice.hint.map(|hint| view! {
                        <div id=item_hint_id class="app-hint app-choice__hint">{hint}</div>
                    })}
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="app-form-group" class:app-form-group--error=move || error.with(Option::is_some)>
            <fieldset class="app-fieldset" aria-describedby=described>
                <legend class="app-fieldset__legend app-fieldset__legend--m">{legend}</legend>
                {hint.map(|hint| view! { <div id=hint_id class="app-hint">{hint}</div> })}
                <ErrorMessage id=error_id message=error />
                {radios}
            </fieldset>
        </div>
    }
}
