//! One person who helps: what they are to the victim, what they can do, when their access
//! ends, their last sign-in and recent activity; then changing what they can do and
//! removing them (for those the victim invited; an officer's are the officer's).

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use shared::api::supporters::{
    ChangeSupporterRequest, Relationship, SupporterActivity, SupporterStatus, SupporterView,
    SupportersView,
};

use super::Done;
use crate::api::{self, ApiError};
use crate::components::{
    after_render, focus_element, permission_words, Button, ButtonVariant, DrawnNext, ErrorSummary,
    PermissionChoices, SummaryList, SummaryRow, Tag,
};
use crate::form_errors::FormErrors;
use crate::format::long_date;
use crate::i18n::*;
use crate::state::use_app_state;

/// What the buttons ask the server to do.
#[derive(Clone)]
enum Change {
    Permissions(ChangeSupporterRequest),
    Remove,
}

#[component]
pub(super) fn Person(
    supporter: SupporterView,
    list: RwSignal<Vec<SupporterView>>,
    done: RwSignal<Option<Done>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let state = use_app_state();
    let SupporterView {
        id,
        name,
        relationship,
        contact,
        permissions,
        status,
        access_ends_on,
        last_signed_in,
        added_by_officer,
        activity,
        ..
    } = supporter;
    let chosen = RwSignal::new(permissions.clone());
    let errors = RwSignal::new(FormErrors::default());
    let heading_id = format!("person-{id}");
    let labelled_by = heading_id.clone();
    let prefix: &'static str = Box::leak(format!("permissions-{id}").into_boxed_str());

    let change = {
        let (id, name) = (id.clone(), name.clone());
        Action::new_local(move |change: &Change| {
            let (id, name, change) = (id.clone(), name.clone(), change.clone());
            async move {
                let reference = state
                    .crime_reference_untracked()
                    .ok_or(ApiError::Unauthorized)?;
                let (view, done): (SupportersView, Done) = match change {
                    Change::Permissions(request) => (
                        api::change_supporter(&reference, &id, &request).await?,
                        Done::Saved(name),
                    ),
                    Change::Remove => (
                        api::remove_supporter(&reference, &id).await?,
                        Done::Removed(name),
                    ),
                };
                Ok::<_, ApiError>((view, done))
            }
        })
    };
    Effect::new(move |_| {
        let result = change.value().get();
        untrack(|| match result {
            Some(Ok((view, made))) => {
                done.set(Some(made));
                list.set(view.supporters);
                after_render(|| focus_element("people-done"));
            }
            Some(Err(error)) => {
                errors.set(FormErrors::from_api(
                    &error,
                    &[("permissions", &first_box(prefix))],
                ));
            }
            None => {}
        });
    });
    let on_save = move |event: SubmitEvent| {
        event.prevent_default();
        let permissions = chosen.get_untracked();
        if permissions.is_empty() {
            errors.set(FormErrors::field(
                first_box(prefix),
                t_string!(i18n, people.permissions_choose),
            ));
        } else if !change.pending().get_untracked() {
            errors.set(FormErrors::default());
            change.dispatch(Change::Permissions(ChangeSupporterRequest { permissions }));
        }
    };
    let on_remove = move |_| {
        if !change.pending().get_untracked() {
            change.dispatch(Change::Remove);
        }
    };
    let can_list = permissions
        .iter()
        .map(|permission| view! { <li>{permission_words(l, *permission)}</li> })
        .collect_view();
    let change_heading = {
        let name = name.clone();
        t_string!(i18n, people.change_heading).replace("{{ name }}", &name)
    };
    let remove_label = t_string!(i18n, people.remove).replace("{{ name }}", &name);

    view! {
        <section class="app-person" aria-labelledby=labelled_by>
            <h2 class="app-heading-m" id=heading_id>{name.clone()}</h2>
            <SummaryList>
                <SummaryRow label=t_string!(i18n, people.status_label)>
                    <Tag text=status_words(l, status) grey=status != SupporterStatus::Active />
                </SummaryRow>
                <SummaryRow label=t_string!(i18n, people.contact_label)>
                    {format!("{contact} ({})", relationship_words(l, relationship))}
                </SummaryRow>
                <SummaryRow label=t_string!(i18n, people.may_label)>
                    <ul class="app-list">{can_list}</ul>
                </SummaryRow>
                <SummaryRow label=t_string!(i18n, people.ends_label)>
                    {long_date(l, &access_ends_on)}
                </SummaryRow>
                <SummaryRow label=t_string!(i18n, people.last_signed_in_label)>
                    {last_signed_in.map_or_else(
                        || t_string!(i18n, people.never_signed_in).to_owned(),
                        |at| signed_in_words(l, &at),
                    )}
                </SummaryRow>
                <SummaryRow label=t_string!(i18n, people.activity_label)>
                    <ActivityLines activity />
                </SummaryRow>
            </SummaryList>
            // What the victim may change, a task after what the person may see (issue 14).
            <DrawnNext>
                {if added_by_officer {
                    view! { <p class="app-body">{t!(i18n, people.added_by_officer)}</p> }.into_any()
                } else {
                    view! {
                        <ErrorSummary errors=errors />
                        <form novalidate on:submit=on_save>
                            <PermissionChoices
                                id_prefix=prefix
                                legend=change_heading
                                chosen
                                error=Signal::derive(move || errors.with(|e| e.message_for(&first_box(prefix))))
                            />
                            <Button submit=true>{t!(i18n, people.save_changes)}</Button>
                        </form>
                        <Button variant=ButtonVariant::Warning on:click=on_remove>{remove_label}</Button>
                    }
                    .into_any()
                }}
            </DrawnNext>
        </section>
    }
}

/// The first checkbox of a person's permission choices (where an error points).
fn first_box(prefix: &str) -> String {
    format!("{prefix}-read-updates")
}

#[component]
fn ActivityLines(activity: Vec<SupporterActivity>) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    if activity.is_empty() {
        return view! { <span>{t!(i18n, people.no_activity)}</span> }.into_any();
    }
    let lines = activity
        .into_iter()
        .take(5)
        .map(|line| {
            view! { <li>{format!("{}, {}", action_words(l, &line.action), long_date(l, &line.date))}</li> }
        })
        .collect_view();
    view! { <ul class="app-list">{lines}</ul> }.into_any()
}

fn action_words(l: Locale, action: &str) -> &'static str {
    match action {
        "read_case" => td_string!(l, people.actions.read_case),
        "read_preferences" => td_string!(l, people.actions.read_preferences),
        "read_callbacks" => td_string!(l, people.actions.read_callbacks),
        "change_preferences" => td_string!(l, people.actions.change_preferences),
        "request_callback" => td_string!(l, people.actions.request_callback),
        "cancel_callback" => td_string!(l, people.actions.cancel_callback),
        _ => td_string!(l, people.actions.other),
    }
}

fn status_words(l: Locale, status: SupporterStatus) -> &'static str {
    match status {
        SupporterStatus::Invited => td_string!(l, people.status.invited),
        SupporterStatus::InvitationExpired => td_string!(l, people.status.invitation_expired),
        SupporterStatus::Active => td_string!(l, people.status.active),
        SupporterStatus::Expired => td_string!(l, people.status.expired),
    }
}

fn relationship_words(l: Locale, relationship: Relationship) -> &'static str {
    match relationship {
        Relationship::FamilyMember => td_string!(l, people.relationship.family_member),
        Relationship::Partner => td_string!(l, people.relationship.partner),
        Relationship::Friend => td_string!(l, people.relationship.friend),
        Relationship::ParentOrGuardian => td_string!(l, people.relationship.parent_or_guardian),
        Relationship::FamilySpokesperson => td_string!(l, people.relationship.family_spokesperson),
        Relationship::Other => td_string!(l, people.relationship.other),
    }
}

/// "2 December 2026, 14:05" from `YYYY-MM-DD HH:MM`.
fn signed_in_words(l: Locale, at: &str) -> String {
    match at.split_once(' ') {
        Some((date, time)) => format!("{}, {time}", long_date(l, date)),
        None => at.to_owned(),
    }
}
