//! `/people/invite`: invite someone to help. Name, how to send the invitation (text or
//! email) and where, who they are, what they may do (contact preferences off unless
//! ticked, with a warning) and for how long. Checked here for what can be checked without
//! the server; the server's field errors come back to the same fields.

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use shared::api::supporters::{
    AccessLength, InviteSupporterRequest, Relationship, SupporterChannel, SupporterPermission,
};

use crate::api::{self, ApiError};
use crate::components::{
    first_id, permission_suffix, Button, ErrorSummary, PageTitle, PermissionChoices, RadioGroup,
    TextInput,
};
use crate::form_errors::{field_message, FormErrors};
use crate::i18n::*;
use crate::state::use_app_state;

const NAME_ID: &str = "name";
const CONTACT_ID: &str = "contact";

/// The invitation's fields as typed.
#[derive(Clone, Copy)]
struct Fields {
    name: RwSignal<String>,
    channel: RwSignal<Option<SupporterChannel>>,
    contact: RwSignal<String>,
    relationship: RwSignal<Option<Relationship>>,
    permissions: RwSignal<Vec<SupporterPermission>>,
    length: RwSignal<Option<AccessLength>>,
}

fn channels(l: Locale) -> Vec<(SupporterChannel, &'static str, &'static str)> {
    vec![
        (
            SupporterChannel::TextMessage,
            "text",
            td_string!(l, people.channel_text),
        ),
        (
            SupporterChannel::Email,
            "email",
            td_string!(l, people.channel_email),
        ),
    ]
}

fn relationships(l: Locale) -> Vec<(Relationship, &'static str, &'static str)> {
    vec![
        (
            Relationship::FamilyMember,
            "family",
            td_string!(l, people.relationship.family_member),
        ),
        (
            Relationship::Partner,
            "partner",
            td_string!(l, people.relationship.partner),
        ),
        (
            Relationship::Friend,
            "friend",
            td_string!(l, people.relationship.friend),
        ),
        (
            Relationship::Other,
            "other",
            td_string!(l, people.relationship.other),
        ),
    ]
}

fn lengths(l: Locale) -> Vec<(AccessLength, &'static str, &'static str)> {
    vec![
        (
            AccessLength::OneMonth,
            "1m",
            td_string!(l, people.length.one_month),
        ),
        (
            AccessLength::ThreeMonths,
            "3m",
            td_string!(l, people.length.three_months),
        ),
        (
            AccessLength::SixMonths,
            "6m",
            td_string!(l, people.length.six_months),
        ),
        (
            AccessLength::OneYear,
            "1y",
            td_string!(l, people.length.one_year),
        ),
    ]
}

impl Fields {
    /// The request, or every field's problem in page order.
    fn check(self, l: Locale) -> Result<InviteSupporterRequest, FormErrors> {
        let mut errors = FormErrors::default();
        let name = self.name.get_untracked().trim().to_owned();
        if name.is_empty() {
            errors.push(NAME_ID, td_string!(l, people.name_enter));
        }
        let channel = self.channel.get_untracked();
        if channel.is_none() {
            errors.push(
                first_id("channel", &channels(l)),
                td_string!(l, people.channel_choose),
            );
        }
        let contact = self.contact.get_untracked().trim().to_owned();
        if channel.is_some() && contact.is_empty() {
            errors.push(CONTACT_ID, td_string!(l, people.contact_enter));
        }
        let relationship = self.relationship.get_untracked();
        if relationship.is_none() {
            errors.push(
                first_id("relationship", &relationships(l)),
                td_string!(l, people.relationship_choose),
            );
        }
        let permissions = self.permissions.get_untracked();
        if permissions.is_empty() {
            errors.push(permissions_id(), td_string!(l, people.permissions_choose));
        }
        let length = self.length.get_untracked();
        if length.is_none() {
            errors.push(
                first_id("length", &lengths(l)),
                td_string!(l, people.length_choose),
            );
        }
        match (channel, relationship, length) {
            (Some(channel), Some(relationship), Some(access_length)) if errors.is_empty() => {
                Ok(InviteSupporterRequest {
                    name,
                    channel,
                    contact,
                    relationship,
                    permissions,
                    access_length,
                })
            }
            _ => Err(errors),
        }
    }
}

fn permissions_id() -> String {
    format!(
        "permissions-{}",
        permission_suffix(SupporterPermission::ReadUpdates)
    )
}

#[component]
pub fn InvitePage() -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let state = use_app_state();
    let navigate = use_navigate();
    let errors = RwSignal::new(FormErrors::default());
    let fields = Fields {
        name: RwSignal::new(String::new()),
        channel: RwSignal::new(None),
        contact: RwSignal::new(String::new()),
        relationship: RwSignal::new(None),
        permissions: RwSignal::new(Vec::new()),
        length: RwSignal::new(None),
    };
    let invite = Action::new_local(move |request: &InviteSupporterRequest| {
        let request = request.clone();
        async move {
            let reference = state
                .crime_reference_untracked()
                .ok_or(ApiError::Unauthorized)?;
            api::invite_supporter(&reference, &request).await?;
            Ok::<_, ApiError>(request.name)
        }
    });
    Effect::new(move |_| {
        let result = invite.value().get();
        untrack(|| match result {
            Some(Ok(name)) => {
                state.invited_name.set(Some(name));
                navigate("/people", Default::default());
            }
            Some(Err(ApiError::Unauthorized)) => navigate("/sign-in", Default::default()),
            Some(Err(error)) => {
                let fields = [
                    ("name".to_owned(), NAME_ID.to_owned()),
                    ("contact".to_owned(), CONTACT_ID.to_owned()),
                    ("permissions".to_owned(), permissions_id()),
                ];
                let pairs: Vec<(&str, &str)> = fields
                    .iter()
                    .map(|(a, b)| (a.as_str(), b.as_str()))
                    .collect();
                errors.set(FormErrors::from_api(&error, &pairs));
            }
            None => {}
        });
    });
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if invite.pending().get_untracked() {
            return;
        }
        match fields.check(l) {
            Ok(request) => {
                errors.set(FormErrors::default());
                invite.dispatch(request);
            }
            Err(found) => errors.set(found),
        }
    };
    let errors_signal: Signal<FormErrors> = errors.into();
    let contact_label = move || match fields.channel.get() {
        Some(SupporterChannel::Email) => t_string!(i18n, people.contact_label_email),
        _ => t_string!(i18n, people.contact_label_phone),
    };

    view! {
        <PageTitle
            title=t_string!(i18n, people.invite_title)
            has_errors=Signal::derive(move || !errors.with(FormErrors::is_empty))
        />
        <ErrorSummary errors=errors />
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, people.invite_title)}</h1>
        <p class="app-body">{t!(i18n, people.invite_note)}</p>
        <form novalidate on:submit=on_submit>
            <TextInput
                id=NAME_ID
                name="name"
                label=t_string!(i18n, people.name_label)
                hint=t_string!(i18n, people.name_hint)
                value=fields.name
                error=field_message(errors_signal, NAME_ID)
                autocomplete="off"
                width_class="app-input--width-20"
            />
            <RadioGroup
                id_prefix="channel"
                name="channel"
                legend=t_string!(i18n, people.channel_legend)
                options=channels(l)
                value=fields.channel
                errors=errors_signal
            />
            <Show when=move || fields.channel.with(Option::is_some)>
                {move || view! {
                    <TextInput
                        id=CONTACT_ID
                        name="contact"
                        label=contact_label()
                        value=fields.contact
                        error=field_message(errors_signal, CONTACT_ID)
                        autocomplete="off"
                        inputmode=if fields.channel.get() == Some(SupporterChannel::Email) { "email" } else { "tel" }
                        width_class="app-input--width-20"
                    />
                }}
            </Show>
            <RadioGroup
                id_prefix="relationship"
                name="relationship"
                legend=t_string!(i18n, people.relationship_legend)
                options=relationships(l)
                value=fields.relationship
                errors=errors_signal
            />
            <PermissionChoices
                id_prefix="permissions"
                legend=t_string!(i18n, people.permissions_legend).to_owned()
                chosen=fields.permissions
                error=field_message(errors_signal, permissions_id())
            />
            <RadioGroup
                id_prefix="length"
                name="access_length"
                legend=t_string!(i18n, people.length_legend)
                options=lengths(l)
                value=fields.length
                errors=errors_signal
            />
            <Button submit=true>{t!(i18n, people.invite_button)}</Button>
        </form>
        <p class="app-body"><A href="/people">{t!(i18n, people.cancel)}</A></p>
    }
}
