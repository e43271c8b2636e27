//! Parts of the preferences form with more than one control each: the safe-time windows,
//! and the "Language and communication" questions.

use leptos::prelude::*;
use shared::api::preferences::{CommunicationNeed, LanguageChoice};

use crate::components::{
    CheckboxItem, Fieldset, RadioItem, RepeatList, TextInput, Textarea, TimeRange,
};
use crate::form_errors::{field_message, FormErrors};
use crate::format::{day_name, DAY_IDS};
use crate::i18n::*;

use super::choices::{need_label, NEEDS};
use super::form_state::{toggle, PreferencesFields, WindowFields};

/// The safe-time windows ("Safe time 1", …): day checkboxes and From/To each.
#[component]
pub(super) fn SafeTimes(
    windows: RwSignal<Vec<WindowFields>>,
    errors: Signal<FormErrors>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let days_legend = t_string!(i18n, preferences.days_legend);
    view! {
        <RepeatList
            items=windows
            id_prefix="safe-times"
            legend=t_string!(i18n, preferences.safe_time_legend)
            add_label=t_string!(i18n, preferences.add_safe_time)
            first_field="days-monday"
            new_item=|| WindowFields::new(None)
            render=move |prefix, window: WindowFields| {
                let days_error = field_message(errors, format!("{prefix}-days-monday"));
                let days_prefix = prefix.clone();
                view! {
                    <Fieldset id=format!("{prefix}-days") legend=days_legend error=days_error>
                        {DAY_IDS
                            .iter()
                            .map(|&(day, suffix)| {
                                view! {
                                    <CheckboxItem
                                        id=format!("{days_prefix}-days-{suffix}")
                                        name="days"
                                        label=day_name(locale, day)
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
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let language_is = move |choice| Signal::derive(move || language.get() == Some(choice));
    let choose_language = move |choice| Callback::new(move |()| language.set(Some(choice)));
    view! {
        <h2 class="app-heading-l">{t!(i18n, preferences.language_heading)}</h2>
        <Fieldset id="language" legend=t_string!(i18n, preferences.language_legend) error=field_message(errors, "language-english")>
            <RadioItem
                id="language-english"
                name="language"
                label=t_string!(i18n, preferences.language_english)
                checked=language_is(LanguageChoice::English)
                on_select=choose_language(LanguageChoice::English)
            />
            <RadioItem
                id="language-welsh"
                name="language"
                label=t_string!(i18n, preferences.language_welsh)
                lang="cy"
                checked=language_is(LanguageChoice::Welsh)
                on_select=choose_language(LanguageChoice::Welsh)
            />
            <RadioItem
                id="language-other"
                name="language"
                label=t_string!(i18n, preferences.language_other)
                hint=t_string!(i18n, preferences.language_other_hint)
                checked=language_is(LanguageChoice::Other)
                on_select=choose_language(LanguageChoice::Other)
            >
                <TextInput
                    id="other-language"
                    name="other_language"
                    label=t_string!(i18n, preferences.other_language_label)
                    value=other_language
                    error=field_message(errors, "other-language")
                    width_class="app-input--width-20"
                />
            </RadioItem>
        </Fieldset>
        <Fieldset
            id="communication-needs"
            legend=t_string!(i18n, preferences.needs_legend)
            hint=Some(t_string!(i18n, preferences.needs_hint))
            error=field_message(errors, NEEDS[0].1)
        >
            {NEEDS
                .iter()
                .map(|&(need, id)| view! { <NeedCheckbox need id label=need_label(locale, need) needs /> })
                .collect_view()}
            <CheckboxItem
                id="needs-other"
                name="communication_needs"
                label=need_label(locale, CommunicationNeed::Other)
                checked=Signal::derive(move || needs.with(|n| n.contains(&CommunicationNeed::Other)))
                on_toggle=Callback::new(move |on| toggle(needs, CommunicationNeed::Other, on))
            >
                <Textarea
                    id="other-needs"
                    name="other_needs"
                    label=t_string!(i18n, preferences.other_needs_label)
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
