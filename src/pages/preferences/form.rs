//! The preferences form: its questions in page order, saving with `PUT`, and showing the
//! server's answer (the saved banner, or its field errors mapped onto this page).

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use shared::api::preferences::{ContactMethod, ContactPreferences, PreferencesView};

use crate::api;
use crate::components::{focus_element, Button, PhoneInput, RadioGroup, TextInput, Textarea};
use crate::form_errors::{field_message, FormErrors};
use crate::state::use_app_state;

use super::choices::{FREQUENCIES, METHODS, SECOND_METHODS, YES_NO};
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
    current: RwSignal<Option<PreferencesView>>,
) -> impl IntoView {
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
                current.set(Some(view));
                just_saved.set(true);
                request_animation_frame(|| focus_element(SAVED_BANNER_ID));
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
        match fields.check() {
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
            <h2 class="app-heading-l">"How to contact you"</h2>
            <RadioGroup
                id_prefix="preferred-method"
                name="preferred_method"
                legend="How would you like us to contact you?"
                hint=Some(
                    "We send the code to sign in to Safe Updates by text message or email. If neither is your first or second choice, call your officer or 101 for updates.",
                )
                options=METHODS
                value=fields.preferred
                errors=errors_signal
            />
            <RadioGroup
                id_prefix="second-method"
                name="second_method"
                legend="If we cannot reach you that way, what is your second choice?"
                options=SECOND_METHODS
                value=fields.second
                errors=errors_signal
            />
            <Show when=needs_phone>
                <PhoneInput
                    id="phone"
                    name="phone"
                    label="Phone number"
                    hint="Only give a number that is safe for us to call or text. For example, 07700 900 982."
                    value=fields.phone
                    error=field_message(errors_signal, "phone")
                />
            </Show>
            <Show when=move || fields.uses(ContactMethod::Email)>
                <TextInput
                    id="email"
                    name="email"
                    label="Email address"
                    hint="Only give an email address that nobody else can read."
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
                    label="Address"
                    hint="The address where it is safe to send letters. Do not include the postcode."
                    value=fields.address
                    error=field_message(errors_signal, "address")
                    autocomplete="street-address"
                />
                <TextInput
                    id="postcode"
                    name="postcode"
                    label="Postcode"
                    value=fields.postcode
                    error=field_message(errors_signal, "postcode")
                    autocomplete="postal-code"
                    width_class="app-input--width-10"
                />
            </Show>

            <h2 class="app-heading-l">"Safe times to contact you"</h2>
            <p class="app-body">
                "We will only call you at these times. Add as many as you need. If you choose a phone call, add at least one."
            </p>
            <SafeTimes windows=fields.windows errors=errors_signal />

            <h2 class="app-heading-l">"Keeping you safe"</h2>
            <RadioGroup
                id_prefix="voicemail-safe"
                name="voicemail_safe"
                legend="Is it safe to leave a voicemail?"
                options=YES_NO
                value=fields.voicemail
                errors=errors_signal
            />
            <RadioGroup
                id_prefix="letters-safe"
                name="letters_safe"
                legend="Is it safe to send letters to this address?"
                options=YES_NO
                value=fields.letters
                errors=errors_signal
            />
            <RadioGroup
                id_prefix="caller-id-allowed"
                name="caller_id_allowed"
                legend="Can our phone number show when we call?"
                hint=Some("If you say no, we will call from a withheld number.")
                options=YES_NO
                value=fields.caller_id
                errors=errors_signal
            />

            <LanguageAndCommunication fields errors=errors_signal />

            <h2 class="app-heading-l">"How often we update you"</h2>
            <RadioGroup
                id_prefix="update-frequency"
                name="update_frequency"
                legend="How often would you like updates about your case?"
                hint=Some("The Victims' Code lets you choose to get fewer updates. We will always tell you about anything that affects your safety.")
                options=FREQUENCIES
                value=fields.frequency
                errors=errors_signal
            />
            <Button submit=true>"Save"</Button>
        </form>
    }
}
