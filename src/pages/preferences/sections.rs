//! Parts of the preferences form with more than one control each: the safe-time windows,
//! and the "Language and communication" questions.

use leptos::prelude::*;
use shared::api::preferences::{CommunicationNeed, LanguageChoice};

use crate::components::{
    CheckboxItem, Fieldset, RadioItem, RepeatList, TextInput, Textarea, TimeRange,
};
use crate::form_errors::{field_message, FormErrors};
use crate::format::DAYS;

use super::choices::NEEDS;
use super::form_state::{toggle, PreferencesFields, WindowFields};

/// The safe-time windows ("Safe time 1", …): day checkboxes and From/To each.
#[component]
pub(super) fn SafeTimes(
    windows: RwSignal<Vec<WindowFields>>,
    errors: Signal<FormErrors>,
) -> impl IntoView {
    view! {
        <RepeatList
            items=windows
            id_prefix="safe-times"
            legend="Safe time"
            add_label="Add another safe time"
            first_field="days-monday"
            new_item=|| WindowFields::new(None)
            render=move |prefix, window: WindowFields| {
                let days_error = field_message(errors, format!("{prefix}-days-monday"));
                let days_prefix = prefix.clone();
                view! {
                    <Fieldset id=format!("{prefix}-days") legend="Days" error=days_error>
                        {DAYS
                            .iter()
                            .map(|&(day, suffix, name)| {
                                view! {
                                    <CheckboxItem
                                        id=format!("{days_prefix}-days-{suffix}")
                                        name="days"
                                        label=name
                                        checked=Signal::derive(move || window.days.with(|d| d.contains(&day)))
                                        on_toggle=Callback::new(move |on| toggle(window.days, day, on))
                                    />
                                }
                            })
                            .collect_view()}
                    </Fieldset>
                    <TimeRange prefix start=window.start end=window.end errors />
                }
            }
        />
    }
}

/// "Language and communication": which language (another one reveals a text box), and the
/// communication needs checkboxes ("Something else" reveals a text box).
#[component]
pub(super) fn LanguageAndCommunication(
    fields: PreferencesFields,
    errors: Signal<FormErrors>,
) -> impl IntoView {
    let PreferencesFields {
        language,
        other_language,
        needs,
        other_needs,
        ..
    } = fields;
    let language_is = move |choice| Signal::derive(move || language.get() == Some(choice));
    let choose_language = move |choice| Callback::new(move |()| language.set(Some(choice)));
    view! {
        <h2 class="app-heading-l">"Language and communication"</h2>
        <Fieldset id="language" legend="Which language would you like us to use?" error=field_message(errors, "language-english")>
            <RadioItem
                id="language-english"
                name="language"
                label="English"
                checked=language_is(LanguageChoice::English)
                on_select=choose_language(LanguageChoice::English)
            />
            <RadioItem
                id="language-welsh"
                name="language"
                label="Cymraeg (Welsh)"
                lang="cy"
                checked=language_is(LanguageChoice::Welsh)
                on_select=choose_language(LanguageChoice::Welsh)
            />
            <RadioItem
                id="language-other"
                name="language"
                label="Another language"
                hint="We will arrange a free interpreter."
                checked=language_is(LanguageChoice::Other)
                on_select=choose_language(LanguageChoice::Other)
            >
                <TextInput
                    id="other-language"
                    name="other_language"
                    label="Which language?"
                    value=other_language
                    error=field_message(errors, "other-language")
                    width_class="app-input--width-20"
                />
            </RadioItem>
        </Fieldset>
        <Fieldset
            id="communication-needs"
            legend="Is there anything that would help you communicate with us?"
            hint=Some("Select all that apply.")
            error=field_message(errors, NEEDS[0].1)
        >
            {NEEDS
                .iter()
                .map(|&(need, id, label)| view! { <NeedCheckbox need id label needs /> })
                .collect_view()}
            <CheckboxItem
                id="needs-other"
                name="communication_needs"
                label="Something else"
                checked=Signal::derive(move || needs.with(|n| n.contains(&CommunicationNeed::Other)))
                on_toggle=Callback::new(move |on| toggle(needs, CommunicationNeed::Other, on))
            >
                <Textarea
                    id="other-needs"
                    name="other_needs"
                    label="What would help you?"
                    value=other_needs
                    error=field_message(errors, "other-needs")
                />
            </CheckboxItem>
        </Fieldset>
    }
}

/// One communication need's checkbox, kept in step with the list of needs.
#[component]
fn NeedCheckbox(
    need: CommunicationNeed,
    id: &'static str,
    label: &'static str,
    needs: RwSignal<Vec<CommunicationNeed>>,
) -> impl IntoView {
    view! {
        <CheckboxItem
            id
            name="communication_needs"
            label
            checked=Signal::derive(move || needs.with(|n| n.contains(&need)))
            on_toggle=Callback::new(move |on| toggle(needs, need, on))
        />
    }
}
