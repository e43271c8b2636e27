//! `ContactForm`: "Record a contact": how (phone call, text, email, letter, visit), what
//! happened, optionally which callback request it was about, and a short note.
//! "Voicemail left" is offered only where the victim said voicemail is safe (the server
//! refuses it otherwise); "Someone else answered" says that it stops texts and calls to
//! the number until checked.
//!
//! Markup contract: a `<form novalidate>` with its own `ErrorSummary` first; `Radios`
//! groups `contact-method` and `contact-outcome`; a labelled `<select id="contact-callback">`
//! and `<textarea id="contact-note">` whose `aria-describedby` names the hint and error.

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use shared::api::preferences::ContactMethod;
use shared::api::staff_callbacks::{ContactOutcome, NewContact};
use ui::components::{described_by, Button, ErrorMessage, ErrorSummary};
use ui::form_errors::{field_message, FormErrors};

use crate::api;
use crate::components::radios::{first_id, Choice, Radios};
use crate::i18n::*;

const METHODS: [ContactMethod; 5] = [
    ContactMethod::PhoneCall,
    ContactMethod::TextMessage,
    ContactMethod::Email,
    ContactMethod::Letter,
    ContactMethod::Visit,
];

#[component]
pub fn ContactForm(
    #[prop(into)] reference: String,
    voicemail_safe: bool,
    /// The case's open callback requests: (id, how the list names it).
    callbacks: Vec<(String, String)>,
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let outcomes: Vec<ContactOutcome> = [
        ContactOutcome::SpokeToVictim,
        ContactOutcome::NoAnswer,
        ContactOutcome::VoicemailLeft,
        ContactOutcome::SomeoneElseAnswered,
    ]
    .into_iter()
    .filter(|outcome| voicemail_safe || *outcome != ContactOutcome::VoicemailLeft)
    .collect();
    let method_choices = METHODS
        .iter()
        .enumerate()
        .map(|(i, method)| Choice::new(i.to_string(), method_words(l, *method)))
        .collect();
    let outcome_choices = outcomes
        .iter()
        .enumerate()
        .map(|(i, outcome)| {
            let choice = Choice::new(i.to_string(), outcome_words(l, *outcome));
            match outcome {
                ContactOutcome::SomeoneElseAnswered => {
                    choice.with_hint(td_string!(l, callbacks.someone_else_hint))
                }
                _ => choice,
            }
        })
        .collect();
    let (method, outcome) = (RwSignal::new(None::<String>), RwSignal::new(None::<String>));
    let (callback, note) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let errors = RwSignal::new(FormErrors::default());
    let record = Action::new_local(move |(reference, request): &(String, NewContact)| {
        let (reference, request) = (reference.clone(), request.clone());
        async move { api::record_contact(&reference, &request).await }
    });
    let (method_id, outcome_id) = (first_id("contact-method"), first_id("contact-outcome"));
    Effect::new(move |_| {
        let result = record.value().get();
        untrack(|| match result {
            Some(Ok(_)) => on_done.run(()),
            Some(Err(error)) => errors.set(FormErrors::from_api(
                &error,
                &[
                    ("method", "contact-method-0"),
                    ("outcome", "contact-outcome-0"),
                    ("callback_id", "contact-callback"),
                    ("note", "contact-note"),
                ],
            )),
            None => {}
        });
    });
    let picked = |signal: RwSignal<Option<String>>| {
        signal
            .get_untracked()
            .and_then(|index| index.parse::<usize>().ok())
    };
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if record.pending().get_untracked() {
            return;
        }
        let chosen_method = picked(method).and_then(|i| METHODS.get(i).copied());
        let chosen_outcome = picked(outcome).and_then(|i| outcomes.get(i).copied());
        let mut problems = FormErrors::default();
        if chosen_method.is_none() {
            problems.push(method_id.clone(), t_string!(i18n, callbacks.choose_method));
        }
        if chosen_outcome.is_none() {
            problems.push(
                outcome_id.clone(),
                t_string!(i18n, callbacks.choose_contact_outcome),
            );
        }
        let (Some(method), Some(outcome)) = (chosen_method, chosen_outcome) else {
            errors.set(problems);
            return;
        };
        let callback_id = Some(callback.get_untracked()).filter(|id| !id.is_empty());
        let note = Some(note.get_untracked()).filter(|text| !text.trim().is_empty());
        let request = NewContact {
            method,
            outcome,
            callback_id,
            case_update_id: None,
            note,
        };
        record.dispatch((reference.clone(), request));
    };
    let note_error = field_message(errors.into(), "contact-note");
    let note_described = move || {
        described_by(&[
            Some("contact-note-hint"),
            note_error
                .with(Option::is_some)
                .then_some("contact-note-error"),
        ])
    };
    let options = callbacks
        .into_iter()
        .map(|(id, label)| view! { <option value=id>{label}</option> })
        .collect_view();
    view! {
        <form novalidate class="app-staff-panel" on:submit=on_submit>
            <h3 class="app-heading-m">{t!(i18n, callbacks.record_heading)}</h3>
            <ErrorSummary errors=errors />
            <Radios
                name="contact-method"
                legend=t_string!(i18n, callbacks.method_legend)
                choices=method_choices
                selected=method
                error=field_message(errors.into(), "contact-method-0")
            />
            <Radios
                name="contact-outcome"
                legend=t_string!(i18n, callbacks.outcome_legend)
                hint=(!voicemail_safe).then(|| td_string!(l, callbacks.voicemail_unsafe_hint).to_owned())
                choices=outcome_choices
                selected=outcome
                error=field_message(errors.into(), "contact-outcome-0")
            />
            <div class="app-form-group">
                <label class="app-label" for="contact-callback">{t!(i18n, callbacks.callback_label)}</label>
                <ErrorMessage id="contact-callback-error".to_owned() message=field_message(errors.into(), "contact-callback") />
                <select
                    class="app-select"
                    id="contact-callback"
                    name="callback_id"
                    on:change=move |event| callback.set(event_target_value(&event))
                >
                    <option value="">{t!(i18n, callbacks.callback_none)}</option>
                    {options}
                </select>
            </div>
            <div class="app-form-group" class:app-form-group--error=move || note_error.with(Option::is_some)>
                <label class="app-label" for="contact-note">{t!(i18n, callbacks.note_label)}</label>
                <div id="contact-note-hint" class="app-hint">{t!(i18n, callbacks.note_hint)}</div>
                <ErrorMessage id="contact-note-error".to_owned() message=note_error />
                <textarea
                    class="app-textarea"
                    id="contact-note"
                    name="note"
                    rows="3"
                    aria-describedby=note_described
                    prop:value=note
                    on:input=move |event| note.set(event_target_value(&event))
                ></textarea>
            </div>
            <Button submit=true>{t!(i18n, callbacks.record_submit)}</Button>
        </form>
    }
}

pub fn method_words(l: Locale, method: ContactMethod) -> &'static str {
    match method {
        ContactMethod::PhoneCall => td_string!(l, callbacks.method.phone_call),
        ContactMethod::TextMessage => td_string!(l, callbacks.method.text_message),
        ContactMethod::Email => td_string!(l, callbacks.method.email),
        ContactMethod::Letter => td_string!(l, callbacks.method.letter),
        ContactMethod::Visit => td_string!(l, callbacks.method.visit),
    }
}

pub fn outcome_words(l: Locale, outcome: ContactOutcome) -> &'static str {
    match outcome {
        ContactOutcome::SpokeToVictim => td_string!(l, callbacks.contact_outcome.spoke_to_victim),
        ContactOutcome::NoAnswer => td_string!(l, callbacks.contact_outcome.no_answer),
        ContactOutcome::VoicemailLeft => td_string!(l, callbacks.contact_outcome.voicemail_left),
        ContactOutcome::SomeoneElseAnswered => {
            td_string!(l, callbacks.contact_outcome.someone_else_answered)
        }
    }
}
