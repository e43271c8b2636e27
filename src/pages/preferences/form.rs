//! The preferences form: its questions in page order, saving with `PUT`, and showing the
//! server's answer (the saved banner, or its field errors mapped onto this page).

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use shared::api::preferences::{
    ContactMethod, ContactPreferences, PendingContactChange, PreferencesView,
};

use crate::api;
use crate::components::{
    after_render, focus_element, Button, DrawnNext, PhoneInput, RadioGroup, TextInput, Textarea,
};
use crate::form_errors::{field_message, FormErrors};
use crate::i18n::*;
use crate::state::use_app_state;

use super::choices::{
    frequency_label, labelled, method_label, second_method_label, yes_no_label, FREQUENCIES,
    METHODS, SECOND_METHODS, YES_NO,
};
use super::field_ids::{keys_in_page_order, target_id};
use super::form_state::PreferencesFields;
use super::history::{LastChanged, PreviousVersions};
use super::sections::{LanguageAndCommunication, SafeTimes};
use super::SAVED_BANNER_ID;

#[component]
pub(super) fn PreferencesForm(
    saved: Option<PreferencesView>,
    errors: RwSignal<FormErrors>,
    just_saved: RwSignal<bool>,
    /// Whether the last success confirmed new contact details; a save clears it.
    confirmed: RwSignal<bool>,
    current: RwSignal<Option<PreferencesView>>,
    /// Set when the save left new contact details waiting for a code.
    pending: RwSignal<Option<PendingContactChange>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let state = use_app_state();
    let prefs = saved.map(|view| view.preferences);
    let fields = PreferencesFields::from_saved(prefs.as_ref());
    let needs_phone =
        move || fields.uses(ContactMethod::PhoneCall) || fields.uses(ContactMethod::TextMessage);

    let save = Action::new_local(move |body: &ContactPreferences| {
        let body = body.clone();
        let reference = state.crime_reference_untracked();
        async move { api::put_preferences(&reference.unwrap_or_default(), &body).await }
    });
    Effect::new(move |_| {
        let result = save.value().get();
        untrack(|| match result {
            Some(Ok(view)) => {
                errors.set(FormErrors::default());
                confirmed.set(false);
                let waiting = view.pending_contact_change.clone();
                current.set(Some(view));
                match waiting {
                    // The panel that asks for the code focuses its own heading.
                    Some(change) => pending.set(Some(change)),
                    None => {
                        just_saved.set(true);
                        after_render(|| focus_element(SAVED_BANNER_ID));
                    }
                }
            }
            Some(Err(error)) => {
                just_saved.set(false);
                let keys = keys_in_page_order(fields.windows.with(Vec::len));
                errors.set(FormErrors::from_api_keys(&error, &keys, target_id));
            }
            None => {}
        });
    });

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if save.pending().get_untracked() {
            return;
        }
        just_saved.set(false);
        match fields.check(i18n) {
            Ok(body) => {
                errors.set(FormErrors::default());
                save.dispatch(body);
            }
            Err(found) => errors.set(found),
        }
    };

    let errors_signal: Signal<FormErrors> = errors.into();

    view! {
        {move || current.get().map(|view| view! { <LastChanged view /> })}
        <PreviousVersions version=Signal::derive(move || current.with(|c| c.as_ref().map(|v| v.version))) />
        <form novalidate on:submit=on_submit>
            <h2 class="app-heading-l">{t!(i18n, preferences.how_to_contact_heading)}</h2>
            // The form's questions in parts, each drawn as a task of its own after the one
            // before (issue 14: one task for the whole form was a long task on a phone).
            <DrawnNext>
                <RadioGroup
                    id_prefix="preferred-method"
                    name="preferred_method"
                    legend=t_string!(i18n, preferences.preferred_legend)
                    hint=Some(t_string!(i18n, preferences.preferred_hint))
                    options=labelled(locale, METHODS, method_label)
                    value=fields.preferred
                    errors=errors_signal
                />
            </DrawnNext>
            <DrawnNext>
                <RadioGroup
                    id_prefix="second-method"
                    name="second_method"
                    legend=t_string!(i18n, preferences.second_legend)
                    options=labelled(locale, SECOND_METHODS, second_method_label)
                    value=fields.second
                    errors=errors_signal
                />
                <Show when=needs_phone>
                    <PhoneInput
                        id="phone"
                        name="phone"
                        label=t_string!(i18n, preferences.phone_label)
                        hint=t_string!(i18n, preferences.phone_hint)
                        value=fields.phone
                        error=field_message(errors_signal, "phone")
                    />
                </Show>
                <Show when=move || fields.uses(ContactMethod::Email)>
                    <TextInput
                        id="email"
                        name="email"
                        label=t_string!(i18n, preferences.email_label)
                        hint=t_string!(i18n, preferences.email_hint)
                        value=fields.email
                        error=field_message(errors_signal, "email")
                        autocomplete="email"
                        input_type="email"
                    />
                </Show>
                <Show when=move || fields.uses(ContactMethod::Letter)>
                    <Textarea
                        id="address"
                        name="address"
                        label=t_string!(i18n, preferences.address_label)
                        hint=t_string!(i18n, preferences.address_hint)
                        value=fields.address
                        error=field_message(errors_signal, "address")
                        autocomplete="street-address"
                    />
                    <TextInput
                        id="postcode"
                        name="postcode"
                        label=t_string!(i18n, preferences.postcode_label)
                        value=fields.postcode
                        error=field_message(errors_signal, "postcode")
                        autocomplete="postal-code"
                        width_class="app-input--width-10"
                    />
                </Show>
            </DrawnNext>
            <DrawnNext>
                <h2 class="app-heading-l">{t!(i18n, preferences.safe_times_heading)}</h2>
                <p class="app-body">{t!(i18n, preferences.safe_times_intro)}</p>
                <SafeTimes windows=fields.windows errors=errors_signal />
            </DrawnNext>
            <DrawnNext>
                <h2 class="app-heading-l">{t!(i18n, preferences.keeping_safe_heading)}</h2>
                <RadioGroup
                    id_prefix="voicemail-safe"
                    name="voicemail_safe"
                    legend=t_string!(i18n, preferences.voicemail_legend)
                    options=labelled(locale, YES_NO, yes_no_label)
                    value=fields.voicemail
                    errors=errors_signal
                />
                <RadioGroup
                    id_prefix="letters-safe"
                    name="letters_safe"
                    legend=t_string!(i18n, preferences.letters_legend)
                    options=labelled(locale, YES_NO, yes_no_label)
                    value=fields.letters
                    errors=errors_signal
                />
                <RadioGroup
                    id_prefix="caller-id-allowed"
                    name="caller_id_allowed"
                    legend=t_string!(i18n, preferences.caller_id_legend)
                    hint=Some(t_string!(i18n, preferences.caller_id_hint))
                    options=labelled(locale, YES_NO, yes_no_label)
                    value=fields.caller_id
                    errors=errors_signal
                />
            </DrawnNext>
            <DrawnNext>
                <LanguageAndCommunication fields errors=errors_signal />
            </DrawnNext>
            <DrawnNext>
                <h2 class="app-heading-l">{t!(i18n, preferences.frequency_heading)}</h2>
                <RadioGroup
                    id_prefix="update-frequency"
                    name="update_frequency"
                    legend=t_string!(i18n, preferences.frequency_legend)
                    hint=Some(t_string!(i18n, preferences.frequency_hint))
                    options=labelled(locale, FREQUENCIES, frequency_label)
                    value=fields.frequency
                    errors=errors_signal
                />
                <Button submit=true>{t!(i18n, preferences.save_button)}</Button>
            </DrawnNext>
        </form>
    }
}
