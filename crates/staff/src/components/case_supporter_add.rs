//! The staff form that adds a supporter to a case: a child's parent or guardian, or a
//! bereaved family's nominated spokesperson, with what they may do, how to reach them
//! and the reason, which is recorded. Used by `CaseSupporters`.

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use shared::api::supporters::{
    Relationship, StaffAddSupporterRequest, SupporterChannel, SupporterPermission,
};
use ui::components::{ErrorMessage, TextInput};

use super::case_stage::save_error;
use super::case_supporters::permission_words;
use super::radios::{Choice, Radios};
use super::reason_field::ReasonField;
use crate::api;
use crate::i18n::*;

/// Add a parent or guardian, or a family spokesperson, with the reason.
#[component]
pub(super) fn AddForm(reference: String, on_changed: Callback<&'static str>) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let name = RwSignal::new(String::new());
    let channel = RwSignal::new(None::<String>);
    let contact = RwSignal::new(String::new());
    let relationship = RwSignal::new(None::<String>);
    let permissions: Vec<(SupporterPermission, RwSignal<bool>)> = SupporterPermission::ALL
        .into_iter()
        .map(|p| (p, RwSignal::new(p == SupporterPermission::ReadUpdates)))
        .collect();
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(std::collections::BTreeMap::<String, Vec<String>>::new());
    let error_for = move |field: &'static str| {
        Signal::derive(move || errors.with(|e| e.get(field).and_then(|m| m.first().cloned())))
    };
    let add = Action::new_local(move |request: &StaffAddSupporterRequest| {
        api::add_case_supporter(reference.clone(), request.clone())
    });
    Effect::new(move |_| {
        if let Some(result) = add.value().get() {
            untrack(|| match result {
                Ok(()) => {
                    errors.set(Default::default());
                    name.set(String::new());
                    contact.set(String::new());
                    reason.set(String::new());
                    on_changed.run(t_string!(i18n, supporters.added));
                }
                Err(api::ApiError::Validation(fields)) => errors.set(fields),
                Err(failure) => errors.set(
                    [(
                        "reason".to_owned(),
                        vec![save_error(i18n, &failure, "reason")],
                    )]
                    .into(),
                ),
            });
        }
    });
    let boxes = permissions.clone();
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let mut found = std::collections::BTreeMap::new();
        let mut pick = |value: Option<String>, field: &str, key: &'static str| {
            if value.is_none() {
                found.insert(field.to_owned(), vec![key.to_owned()]);
            }
            value
        };
        let channel = match pick(
            channel.get_untracked(),
            "channel",
            t_string!(i18n, supporters.channel_choose),
        )
        .as_deref()
        {
            Some("email") => Some(SupporterChannel::Email),
            Some(_) => Some(SupporterChannel::TextMessage),
            None => None,
        };
        let relationship = match pick(
            relationship.get_untracked(),
            "relationship",
            t_string!(i18n, supporters.relationship_choose),
        )
        .as_deref()
        {
            Some("spokesperson") => Some(Relationship::FamilySpokesperson),
            Some(_) => Some(Relationship::ParentOrGuardian),
            None => None,
        };
        let (Some(channel), Some(relationship)) = (channel, relationship) else {
            errors.set(found);
            return;
        };
        add.dispatch(StaffAddSupporterRequest {
            name: name.get_untracked(),
            channel,
            contact: contact.get_untracked(),
            relationship,
            permissions: boxes
                .iter()
                .filter(|(_, on)| on.get_untracked())
                .map(|(p, _)| *p)
                .collect(),
            reason: reason.get_untracked(),
        });
    };
    let checkboxes = permissions
        .into_iter()
        .map(|(permission, on)| {
            let id = format!("add-permission-{}", permission_id(permission));
            view! {
                <div class="app-choice">
                    <input
                        class="app-choice__input app-choice__input--checkbox"
                        type="checkbox"
                        id=id.clone()
                        name="permissions"
                        prop:checked=move || on.get()
                        on:change=move |event| on.set(event_target_checked(&event))
                    />
                    <label class="app-choice__label" for=id>{permission_words(l, permission)}</label>
                </div>
            }
        })
        .collect_view();
    let permissions_error = error_for("permissions");
    view! {
        <h3 class="app-heading-m" id="add-supporter-heading">{t!(i18n, supporters.add_heading)}</h3>
        <p class="app-body">{t!(i18n, supporters.add_intro)}</p>
        <form novalidate on:submit=on_submit aria-labelledby="add-supporter-heading">
            <Radios
                name="add-relationship"
                legend=t_string!(i18n, supporters.relationship_legend)
                choices=vec![
                    Choice::new("guardian", td_string!(l, supporters.relationship.parent_or_guardian)),
                    Choice::new("spokesperson", td_string!(l, supporters.relationship.family_spokesperson)),
                ]
                selected=relationship
                error=error_for("relationship")
            />
            <TextInput id="add-name" name="name" label=t_string!(i18n, supporters.name_label) value=name error=error_for("name") autocomplete="off" width_class="app-input--width-20" />
            <Radios
                name="add-channel"
                legend=t_string!(i18n, supporters.channel_legend)
                choices=vec![
                    Choice::new("text", td_string!(l, supporters.channel_text)),
                    Choice::new("email", td_string!(l, supporters.channel_email)),
                ]
                selected=channel
                error=error_for("channel")
            />
            <TextInput id="add-contact" name="contact" label=t_string!(i18n, supporters.contact_label) value=contact error=error_for("contact") autocomplete="off" width_class="app-input--width-20" />
            <div class="app-form-group" class:app-form-group--error=move || permissions_error.with(Option::is_some)>
                <fieldset class="app-fieldset" aria-describedby=move || permissions_error.with(Option::is_some).then_some("add-permissions-error")>
                    <legend class="app-fieldset__legend">{t!(i18n, supporters.permissions_legend)}</legend>
                    <ErrorMessage id="add-permissions-error".to_owned() message=permissions_error />
                    {checkboxes}
                </fieldset>
            </div>
            <ReasonField
                id="add-reason"
                label=t_string!(i18n, supporters.add_reason)
                hint=t_string!(i18n, supporters.add_reason_hint)
                value=reason
                error=error_for("reason")
            />
            <button type="submit" class="app-button">{t!(i18n, supporters.add_button)}</button>
        </form>
    }
}

fn permission_id(permission: SupporterPermission) -> &'static str {
    match permission {
        SupporterPermission::ReadUpdates => "read-updates",
        SupporterPermission::Callbacks => "callbacks",
        SupporterPermission::Preferences => "preferences",
    }
}
