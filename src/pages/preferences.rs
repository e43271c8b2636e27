//! `/preferences`: "How we contact you". Needs a session. The form starts from the saved
//! version (`GET …/preferences`), is checked here with the same parsers the server uses
//! (`PhoneNumber`, `EmailAddress`, `UkPostcode`, `ClockTime`), and is saved with `PUT`.
//! The server's 422 field errors show exactly like ours: error summary, inline messages,
//! "Error: " in the title. On success a banner (focused) repeats, in sentences, what we
//! will and will not do. "Previous versions" lists the history.

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use shared::api::preferences::{
    ChangedBy, CommunicationNeed, ContactMethod, ContactPreferences, Day, LanguageChoice,
    PreferencesView, SafeTimeWindow, UpdateFrequency,
};
use shared::contact::{EmailAddress, PhoneNumber, UkPostcode};

use crate::api::{self, ApiError};
use crate::components::{
    check_time, first_id, focus_element, Button, CheckboxItem, ErrorSummary, Fieldset, Loaded,
    NotificationBanner, PageTitle, RadioGroup, RadioItem, RepeatList, TextInput, Textarea,
    TimeRange,
};
use crate::form_errors::FormErrors;
use crate::format::{short_date_time, DAYS};
use crate::session::session_resource;
use crate::state::use_app_state;

const TITLE: &str = "How we contact you";
const SAVED_BANNER_ID: &str = "preferences-saved";

const METHODS: &[(ContactMethod, &str, &str)] = &[
    (ContactMethod::PhoneCall, "phone-call", "Phone call"),
    (ContactMethod::TextMessage, "text-message", "Text message"),
    (ContactMethod::Email, "email", "Email"),
    (ContactMethod::Letter, "letter", "Letter"),
    (
        ContactMethod::Visit,
        "visit",
        "A visit arranged by your officer",
    ),
];
const SECOND_METHODS: &[(Option<ContactMethod>, &str, &str)] = &[
    (Some(ContactMethod::PhoneCall), "phone-call", "Phone call"),
    (
        Some(ContactMethod::TextMessage),
        "text-message",
        "Text message",
    ),
    (Some(ContactMethod::Email), "email", "Email"),
    (Some(ContactMethod::Letter), "letter", "Letter"),
    (
        Some(ContactMethod::Visit),
        "visit",
        "A visit arranged by your officer",
    ),
    (None, "none", "No second choice"),
];
const YES_NO: &[(bool, &str, &str)] = &[(true, "yes", "Yes"), (false, "no", "No")];
const FREQUENCIES: &[(UpdateFrequency, &str, &str)] = &[
    (UpdateFrequency::EveryUpdate, "every-update", "Every update"),
    (
        UpdateFrequency::KeyDecisionsOnly,
        "key-decisions",
        "Only key decisions, like a charge or a court date",
    ),
    (
        UpdateFrequency::OnlyWhenIAsk,
        "only-when-i-ask",
        "Only when I ask",
    ),
];
const NEEDS: [(CommunicationNeed, &str, &str); 4] = [
    (
        CommunicationNeed::BslInterpreter,
        "needs-bsl",
        "British Sign Language (BSL) interpreter",
    ),
    (
        CommunicationNeed::LargePrint,
        "needs-large-print",
        "Large print",
    ),
    (CommunicationNeed::EasyRead, "needs-easy-read", "Easy read"),
    (
        CommunicationNeed::HearingLoop,
        "needs-hearing-loop",
        "Hearing loop",
    ),
];

/// One safe-time window being edited. `key` stays with the window when others are removed.
#[derive(Debug, Clone, Copy)]
struct WindowFields {
    days: RwSignal<Vec<Day>>,
    start: RwSignal<String>,
    end: RwSignal<String>,
}

impl WindowFields {
    fn new(window: Option<&SafeTimeWindow>) -> Self {
        Self {
            days: RwSignal::new(window.map(|w| w.days.clone()).unwrap_or_default()),
            start: RwSignal::new(window.map(|w| w.start.clone()).unwrap_or_default()),
            end: RwSignal::new(window.map(|w| w.end.clone()).unwrap_or_default()),
        }
    }
}

/// The id an API error key points at: `safe_times.0.start` → `safe-times-0-start`;
/// groups point at their first input (`safe_times.0.days` → its Monday checkbox).
fn target_id(key: &str) -> String {
    let id = key.replace(['.', '_'], "-");
    match key {
        "preferred_method" => first_id(&id, METHODS),
        "second_method" => first_id(&id, SECOND_METHODS),
        "voicemail_safe" | "letters_safe" | "caller_id_allowed" => first_id(&id, YES_NO),
        "update_frequency" => first_id(&id, FREQUENCIES),
        "language" => "language-english".into(),
        "communication_needs" => NEEDS[0].1.into(),
        "safe_times" => "safe-times-0-days-monday".into(),
        _ if id.ends_with("-days") => format!("{id}-monday"),
        _ => id,
    }
}

/// API error keys in page order, so the summary lists problems top to bottom.
fn keys_in_page_order(windows: usize) -> Vec<String> {
    let mut keys: Vec<String> = [
        "preferred_method",
        "second_method",
        "phone",
        "email",
        "address",
        "postcode",
        "safe_times",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    for index in 0..windows.max(1) {
        for part in ["days", "start", "end"] {
            keys.push(format!("safe_times.{index}.{part}"));
        }
    }
    keys.extend(
        [
            "voicemail_safe",
            "letters_safe",
            "caller_id_allowed",
            "language",
            "other_language",
            "communication_needs",
            "other_needs",
            "update_frequency",
        ]
        .map(str::to_owned),
    );
    keys
}

#[component]
pub fn PreferencesPage() -> impl IntoView {
    let (saved, loading) = session_resource(|reference| async move {
        // No saved version yet: start from an empty form.
        match api::get_preferences(&reference).await {
            Err(ApiError::NotFound) => Ok(None),
            other => other.map(Some),
        }
    });
    let errors = RwSignal::new(FormErrors::default());
    let just_saved = RwSignal::new(false);
    let current = RwSignal::new(None::<PreferencesView>);
    view! {
        <PageTitle title=TITLE has_errors=Signal::derive(move || !errors.with(FormErrors::is_empty)) />
        <Show when=move || just_saved.get()>
            <NotificationBanner id=SAVED_BANNER_ID success=true autofocus=true>
                <p class="app-notification-banner__heading">"Your contact preferences are saved"</p>
                {move || {
                    current
                        .get()
                        .map(|view| {
                            view.summary
                                .into_iter()
                                .map(|line| view! { <p class="app-body">{line}</p> })
                                .collect_view()
                        })
                }}
            </NotificationBanner>
        </Show>
        <ErrorSummary errors=errors />
        <h1 class="app-heading-xl" tabindex="-1">{TITLE}</h1>
        <Loaded
            resource=saved
            loading
            loading_message="Loading how we contact you…"
            error_message="Sorry, we could not load how we contact you right now. Check your internet connection and try again."
            render=move |saved| {
                current.set(saved.clone());
                view! { <PreferencesForm saved errors just_saved current /> }
            }
        />
    }
}

#[component]
fn PreferencesForm(
    saved: Option<PreferencesView>,
    errors: RwSignal<FormErrors>,
    just_saved: RwSignal<bool>,
    current: RwSignal<Option<PreferencesView>>,
) -> impl IntoView {
    let state = use_app_state();
    let prefs = saved.map(|view| view.preferences);
    let p = prefs.as_ref();
    let text = |value: Option<&Option<String>>| {
        RwSignal::new(value.cloned().flatten().unwrap_or_default())
    };

    let preferred = RwSignal::new(p.map(|p| p.preferred_method));
    let second = RwSignal::new(p.map(|p| p.second_method));
    let phone = text(p.map(|p| &p.phone));
    let email = text(p.map(|p| &p.email));
    let address = text(p.map(|p| &p.address));
    let postcode = text(p.map(|p| &p.postcode));
    let windows = RwSignal::new(
        p.map(|p| {
            p.safe_times
                .iter()
                .map(|w| WindowFields::new(Some(w)))
                .collect::<Vec<_>>()
        })
        .filter(|windows| !windows.is_empty())
        .unwrap_or_else(|| vec![WindowFields::new(None)]),
    );
    let voicemail = RwSignal::new(p.map(|p| p.voicemail_safe));
    let letters = RwSignal::new(p.map(|p| p.letters_safe));
    let caller_id = RwSignal::new(p.map(|p| p.caller_id_allowed));
    let language = RwSignal::new(p.map(|p| p.language));
    let other_language = text(p.map(|p| &p.other_language));
    let needs = RwSignal::new(p.map(|p| p.communication_needs.clone()).unwrap_or_default());
    let other_needs = text(p.map(|p| &p.other_needs));
    let frequency = RwSignal::new(p.map(|p| p.update_frequency));

    let uses = move |method: ContactMethod| {
        preferred.get() == Some(method) || second.get() == Some(Some(method))
    };
    let needs_phone = move || uses(ContactMethod::PhoneCall) || uses(ContactMethod::TextMessage);

    let save = Action::new_local(move |body: &ContactPreferences| {
        let body = body.clone();
        let reference = state
            .session
            .with_untracked(|session| session.as_ref().map(|s| s.crime_reference.clone()));
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
                let count = windows.with(Vec::len);
                let keys = keys_in_page_order(count);
                let ids: Vec<String> = keys.iter().map(|key| target_id(key)).collect();
                let pairs: Vec<(&str, &str)> = keys
                    .iter()
                    .map(String::as_str)
                    .zip(ids.iter().map(String::as_str))
                    .collect();
                errors.set(FormErrors::from_api(&error, &pairs));
            }
            None => {}
        });
    });

    // Checks what the server checks, so most mistakes are caught without a round trip.
    let check = move || -> Result<ContactPreferences, FormErrors> {
        let mut found = FormErrors::default();
        let preferred_method = preferred.get_untracked();
        if preferred_method.is_none() {
            found.push(
                target_id("preferred_method"),
                "Select how you would like us to contact you",
            );
        }
        let second_method = second.get_untracked().flatten();
        if second_method.is_some() && second_method == preferred_method {
            found.push(
                target_id("second_method"),
                "Choose a different second choice, or select no second choice",
            );
        }
        let chosen = |method| preferred_method == Some(method) || second_method == Some(method);
        let mut optional =
            |wanted: bool,
             value: RwSignal<String>,
             id: &str,
             parse: fn(&str) -> Result<String, &'static str>| {
                let typed = value.get_untracked();
                if wanted || !typed.trim().is_empty() {
                    match parse(&typed) {
                        Ok(parsed) => Some(parsed),
                        Err(message) => {
                            found.push(id.to_owned(), message);
                            None
                        }
                    }
                } else {
                    None
                }
            };
        let phone_value = optional(
            chosen(ContactMethod::PhoneCall) || chosen(ContactMethod::TextMessage),
            phone,
            "phone",
            |s| PhoneNumber::parse(s).map(String::from).map_err(|e| e.0),
        );
        let email_value = optional(chosen(ContactMethod::Email), email, "email", |s| {
            EmailAddress::parse(s).map(String::from).map_err(|e| e.0)
        });
        let address_value = optional(chosen(ContactMethod::Letter), address, "address", |s| {
            let trimmed = s.trim();
            if trimmed.is_empty() {
                Err("Enter your address")
            } else {
                Ok(trimmed.to_owned())
            }
        });
        let postcode_value = optional(chosen(ContactMethod::Letter), postcode, "postcode", |s| {
            UkPostcode::parse(s).map(String::from).map_err(|e| e.0)
        });
        let mut safe_times = Vec::new();
        for (index, window) in windows.get_untracked().iter().enumerate() {
            let (days, start, end) = (
                window.days.get_untracked(),
                window.start.get_untracked(),
                window.end.get_untracked(),
            );
            let blank = days.is_empty() && start.trim().is_empty() && end.trim().is_empty();
            if blank && !chosen(ContactMethod::PhoneCall) {
                continue;
            }
            if days.is_empty() {
                found.push(
                    format!("safe-times-{index}-days-monday"),
                    format!("Select at least one day for safe time {}", index + 1),
                );
            }
            let start_time = check_time(&start, true);
            let end_time = check_time(&end, false);
            if let Err(problem) = start_time {
                found.push(format!("safe-times-{index}-start"), problem);
            }
            if let Err(problem) = end_time {
                found.push(format!("safe-times-{index}-end"), problem);
            }
            if let (Ok(start_time), Ok(end_time)) = (start_time, end_time) {
                if end_time <= start_time {
                    found.push(
                        format!("safe-times-{index}-end"),
                        "The end time must be after the start time",
                    );
                }
                safe_times.push(SafeTimeWindow {
                    days,
                    start: start_time.to_string(),
                    end: end_time.to_string(),
                });
            }
        }
        for (signal, key, message) in [
            (
                voicemail,
                "voicemail_safe",
                "Select yes if it is safe to leave a voicemail",
            ),
            (
                letters,
                "letters_safe",
                "Select yes if it is safe to send letters to this address",
            ),
            (
                caller_id,
                "caller_id_allowed",
                "Select yes if our phone number can show when we call",
            ),
        ] {
            if signal.get_untracked().is_none() {
                found.push(target_id(key), message);
            }
        }
        let language_value = language.get_untracked();
        if language_value.is_none() {
            found.push(
                target_id("language"),
                "Select the language you would like us to use",
            );
        }
        let other_language_value = other_language.get_untracked().trim().to_owned();
        if language_value == Some(LanguageChoice::Other) && other_language_value.is_empty() {
            found.push(
                "other-language",
                "Enter the language you would like us to use",
            );
        }
        let needs_value = needs.get_untracked();
        let other_needs_value = other_needs.get_untracked().trim().to_owned();
        if needs_value.contains(&CommunicationNeed::Other) && other_needs_value.is_empty() {
            found.push("other-needs", "Tell us what would help you");
        }
        let frequency_value = frequency.get_untracked();
        if frequency_value.is_none() {
            found.push(
                target_id("update_frequency"),
                "Select how often you would like updates",
            );
        }
        let (Some(preferred_method), Some(language), Some(update_frequency), true) = (
            preferred_method,
            language_value,
            frequency_value,
            found.is_empty(),
        ) else {
            return Err(found);
        };
        let is_other_language = language == LanguageChoice::Other;
        let has_other_need = needs_value.contains(&CommunicationNeed::Other);
        Ok(ContactPreferences {
            preferred_method,
            second_method,
            phone: phone_value,
            email: email_value,
            address: address_value,
            postcode: postcode_value,
            safe_times,
            voicemail_safe: voicemail.get_untracked().unwrap_or(false),
            letters_safe: letters.get_untracked().unwrap_or(false),
            caller_id_allowed: caller_id.get_untracked().unwrap_or(false),
            language,
            other_language: is_other_language.then_some(other_language_value),
            interpreter_needed: is_other_language
                || needs_value.contains(&CommunicationNeed::BslInterpreter),
            communication_needs: needs_value,
            other_needs: has_other_need.then_some(other_needs_value),
            update_frequency,
        })
    };

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if save.pending().get_untracked() {
            return;
        }
        just_saved.set(false);
        match check() {
            Ok(body) => {
                errors.set(FormErrors::default());
                save.dispatch(body);
            }
            Err(found) => errors.set(found),
        }
    };

    let error_for =
        move |id: &'static str| Signal::derive(move || errors.with(|e| e.message_for(id)));
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
                options=METHODS
                value=preferred
                errors=errors_signal
            />
            <RadioGroup
                id_prefix="second-method"
                name="second_method"
                legend="If we cannot reach you that way, what is your second choice?"
                options=SECOND_METHODS
                value=second
                errors=errors_signal
            />
            <Show when=needs_phone>
                <TextInput
                    id="phone"
                    name="phone"
                    label="Phone number"
                    hint="Only give a number that is safe for us to call or text. For example, 07700 900 982."
                    value=phone
                    error=error_for("phone")
                    autocomplete="tel"
                    inputmode="tel"
                    input_type="tel"
                    width_class="app-input--width-20"
                />
            </Show>
            <Show when=move || uses(ContactMethod::Email)>
                <TextInput
                    id="email"
                    name="email"
                    label="Email address"
                    hint="Only give an email address that nobody else can read."
                    value=email
                    error=error_for("email")
                    autocomplete="email"
                    input_type="email"
                />
            </Show>
            <Show when=move || uses(ContactMethod::Letter)>
                <Textarea
                    id="address"
                    name="address"
                    label="Address"
                    hint="The address where it is safe to send letters. Do not include the postcode."
                    value=address
                    error=error_for("address")
                    autocomplete="street-address"
                />
                <TextInput
                    id="postcode"
                    name="postcode"
                    label="Postcode"
                    value=postcode
                    error=error_for("postcode")
                    autocomplete="postal-code"
                    width_class="app-input--width-10"
                />
            </Show>

            <h2 class="app-heading-l">"Safe times to contact you"</h2>
            <p class="app-body">
                "We will only call you at these times. Add as many as you need. If you choose a phone call, add at least one."
            </p>
            <SafeTimes windows errors=errors_signal />

            <h2 class="app-heading-l">"Keeping you safe"</h2>
            <RadioGroup
                id_prefix="voicemail-safe"
                name="voicemail_safe"
                legend="Is it safe to leave a voicemail?"
                options=YES_NO
                value=voicemail
                errors=errors_signal
            />
            <RadioGroup
                id_prefix="letters-safe"
                name="letters_safe"
                legend="Is it safe to send letters to this address?"
                options=YES_NO
                value=letters
                errors=errors_signal
            />
            <RadioGroup
                id_prefix="caller-id-allowed"
                name="caller_id_allowed"
                legend="Can our phone number show when we call?"
                hint=Some("If you say no, we will call from a withheld number.")
                options=YES_NO
                value=caller_id
                errors=errors_signal
            />

            <h2 class="app-heading-l">"Language and communication"</h2>
            <Fieldset id="language" legend="Which language would you like us to use?" error=error_for("language-english")>
                <RadioItem
                    id="language-english"
                    name="language"
                    label="English"
                    checked=Signal::derive(move || language.get() == Some(LanguageChoice::English))
                    on_select=Callback::new(move |()| language.set(Some(LanguageChoice::English)))
                />
                <RadioItem
                    id="language-welsh"
                    name="language"
                    label="Cymraeg (Welsh)"
                    lang="cy"
                    checked=Signal::derive(move || language.get() == Some(LanguageChoice::Welsh))
                    on_select=Callback::new(move |()| language.set(Some(LanguageChoice::Welsh)))
                />
                <RadioItem
                    id="language-other"
                    name="language"
                    label="Another language"
                    hint="We will arrange a free interpreter."
                    checked=Signal::derive(move || language.get() == Some(LanguageChoice::Other))
                    on_select=Callback::new(move |()| language.set(Some(LanguageChoice::Other)))
                >
                    <TextInput
                        id="other-language"
                        name="other_language"
                        label="Which language?"
                        value=other_language
                        error=error_for("other-language")
                        width_class="app-input--width-20"
                    />
                </RadioItem>
            </Fieldset>
            <Fieldset
                id="communication-needs"
                legend="Is there anything that would help you communicate with us?"
                hint=Some("Select all that apply.")
                error=error_for(NEEDS[0].1)
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
                        error=error_for("other-needs")
                    />
                </CheckboxItem>
            </Fieldset>

            <h2 class="app-heading-l">"How often we update you"</h2>
            <RadioGroup
                id_prefix="update-frequency"
                name="update_frequency"
                legend="How often would you like updates about your case?"
                hint=Some("The Victims' Code lets you choose to get fewer updates. We will always tell you about anything that affects your safety.")
                options=FREQUENCIES
                value=frequency
                errors=errors_signal
            />
            <Button submit=true>"Save"</Button>
        </form>
    }
}

/// Adds or removes one value from a list held in a signal.
fn toggle<T: PartialEq + Send + Sync + 'static>(list: RwSignal<Vec<T>>, value: T, on: bool) {
    list.update(|list| {
        let present = list.contains(&value);
        if on && !present {
            list.push(value);
        } else if !on && present {
            list.retain(|other| *other != value);
        }
    });
}

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

/// The safe-time windows ("Safe time 1", …): day checkboxes and From/To each.
#[component]
fn SafeTimes(windows: RwSignal<Vec<WindowFields>>, errors: Signal<FormErrors>) -> impl IntoView {
    view! {
        <RepeatList
            items=windows
            id_prefix="safe-times"
            legend="Safe time"
            add_label="Add another safe time"
            first_field="days-monday"
            new_item=|| WindowFields::new(None)
            render=move |prefix, window: WindowFields| {
                let days_first = format!("{prefix}-days-monday");
                let days_error = Signal::derive(move || errors.with(|e| e.message_for(&days_first)));
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

#[component]
fn LastChanged(view: PreferencesView) -> impl IntoView {
    let by = match view.changed_by {
        ChangedBy::Victim => "you",
        ChangedBy::Supporter => "your supporter",
        ChangedBy::Officer => "your officer",
    };
    view! {
        <p class="app-body">
            {format!("Last changed {} by {by}.", short_date_time(&view.changed_at))}
        </p>
    }
}

/// "Previous versions": a `<details>` (keyboard and screen reader support built in) with
/// each saved version's date, who saved it and what it said. Reloads after each save.
#[component]
fn PreviousVersions(version: Signal<Option<u32>>) -> impl IntoView {
    let state = use_app_state();
    let history = LocalResource::new(move || {
        version.track();
        let reference = state
            .session
            .with_untracked(|session| session.as_ref().map(|s| s.crime_reference.clone()));
        async move { api::get_preferences_history(&reference?).await.ok() }
    });
    view! {
        {move || {
            let versions = history.get().flatten()?.versions;
            (versions.len() > 1).then(|| view! {
                <details class="app-details">
                    <summary class="app-details__summary">"Previous versions"</summary>
                    <div class="app-details__text">
                        {versions
                            .into_iter()
                            .skip(1)
                            .map(|version| {
                                let by = match version.changed_by {
                                    ChangedBy::Victim => "you",
                                    ChangedBy::Supporter => "your supporter",
                                    ChangedBy::Officer => "your officer",
                                };
                                view! {
                                    <h3 class="app-heading-s">
                                        {format!("Version {}: {} by {by}", version.version, short_date_time(&version.changed_at))}
                                    </h3>
                                    <ul class="app-list app-list--bullet">
                                        {version.summary.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                                    </ul>
                                }
                            })
                            .collect_view()}
                    </div>
                </details>
            })
        }}
    }
}
