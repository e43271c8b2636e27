//! `CaseSupporters`: the people who help the victim, as the victim sees them; adding a
//! child's parent or guardian, or a bereaved family's nominated spokesperson, with the
//! reason recorded; and removing one (the victim asked, or a safeguarding concern), with
//! the reason recorded. The supporter's access and sessions end at once.
//!
//! Markup contract: a `<section>` named by its `<h2>`; the list is a table with a
//! caption; each form's fields have labels or legends, hints and errors in their
//! `aria-describedby`.

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use shared::api::supporters::{
    Relationship, StaffRemoveSupporterRequest, SupporterPermission, SupporterStatus, SupporterView,
};
use ui::components::{LoadingStatus, NotificationBanner};

use super::case_stage::save_error;
use super::case_supporter_add::AddForm;
use super::radios::{Choice, Radios};
use super::reason_field::ReasonField;
use crate::api;
use crate::i18n::*;
use crate::session::staff_resource;

#[component]
pub fn CaseSupporters(#[prop(into)] reference: String) -> impl IntoView {
    let i18n = use_i18n();
    let list_reference = reference.clone();
    let (supporters, loading) = staff_resource(move || {
        let reference = list_reference.clone();
        async move { api::get_case_supporters(&reference).await }
    });
    let notice = RwSignal::new(None::<&'static str>);
    let on_changed = Callback::new(move |text: &'static str| {
        notice.set(Some(text));
        supporters.refetch();
    });
    let remove_reference = reference.clone();
    view! {
        <section class="app-section" aria-labelledby="supporters-heading">
            <h2 class="app-heading-l" id="supporters-heading">{t!(i18n, supporters.heading)}</h2>
            {move || notice.get().map(|text| view! {
                <NotificationBanner id="supporters-notice" success=true>
                    <p class="app-notification-banner__heading">{text}</p>
                </NotificationBanner>
            })}
            <p class="app-body">{t!(i18n, supporters.intro)}</p>
            <LoadingStatus message=t_string!(i18n, supporters.loading) loading=loading />
            {move || {
                if loading.get() {
                    return None;
                }
                Some(match supporters.get()? {
                    Ok(view) if view.supporters.is_empty() => {
                        view! { <p class="app-body">{t!(i18n, supporters.none)}</p> }.into_any()
                    }
                    Ok(view) => view! {
                        <SupportersTable supporters=view.supporters.clone() />
                        <RemoveForm
                            reference=remove_reference.clone()
                            supporters=view.supporters
                            on_changed
                        />
                    }
                    .into_any(),
                    Err(_) => view! { <p class="app-body">{t!(i18n, supporters.load_failed)}</p> }.into_any(),
                })
            }}
            <AddForm reference on_changed />
        </section>
    }
}

pub(super) fn permission_words(l: Locale, permission: SupporterPermission) -> &'static str {
    match permission {
        SupporterPermission::ReadUpdates => td_string!(l, supporters.permission.read_updates),
        SupporterPermission::Callbacks => td_string!(l, supporters.permission.callbacks),
        SupporterPermission::Preferences => td_string!(l, supporters.permission.preferences),
    }
}

fn relationship_words(l: Locale, relationship: Relationship) -> &'static str {
    match relationship {
        Relationship::FamilyMember => td_string!(l, supporters.relationship.family_member),
        Relationship::Partner => td_string!(l, supporters.relationship.partner),
        Relationship::Friend => td_string!(l, supporters.relationship.friend),
        Relationship::ParentOrGuardian => td_string!(l, supporters.relationship.parent_or_guardian),
        Relationship::FamilySpokesperson => {
            td_string!(l, supporters.relationship.family_spokesperson)
        }
        Relationship::Other => td_string!(l, supporters.relationship.other),
    }
}

fn status_words(l: Locale, status: SupporterStatus) -> &'static str {
    match status {
        SupporterStatus::Invited => td_string!(l, supporters.status.invited),
        SupporterStatus::InvitationExpired => td_string!(l, supporters.status.invitation_expired),
        SupporterStatus::Active => td_string!(l, supporters.status.active),
        SupporterStatus::Expired => td_string!(l, supporters.status.expired),
    }
}

#[component]
fn SupportersTable(supporters: Vec<SupporterView>) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let rows = supporters
        .into_iter()
        .map(|supporter| {
            let may = supporter
                .permissions
                .iter()
                .map(|p| permission_words(l, *p))
                .collect::<Vec<_>>()
                .join("; ");
            let added_by = if supporter.added_by_officer {
                td_string!(l, supporters.added_by_officer)
            } else {
                td_string!(l, supporters.added_by_victim)
            };
            view! {
                <tr>
                    <td class="app-table__cell">{supporter.name}</td>
                    <td class="app-table__cell">{relationship_words(l, supporter.relationship)}</td>
                    <td class="app-table__cell">{supporter.contact}</td>
                    <td class="app-table__cell app-table__cell--wrap">{may}</td>
                    <td class="app-table__cell">{status_words(l, supporter.status)}</td>
                    <td class="app-table__cell">{added_by}</td>
                    <td class="app-table__cell">{supporter.last_signed_in.unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="app-table-container" role="region" tabindex="0" aria-labelledby="supporters-caption">
            <table class="app-table">
                <caption id="supporters-caption" class="app-table__caption">{t!(i18n, supporters.caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="app-table__header">{t!(i18n, supporters.col_name)}</th>
                        <th scope="col" class="app-table__header">{t!(i18n, supporters.col_relationship)}</th>
                        <th scope="col" class="app-table__header">{t!(i18n, supporters.col_contact)}</th>
                        <th scope="col" class="app-table__header">{t!(i18n, supporters.col_may)}</th>
                        <th scope="col" class="app-table__header">{t!(i18n, supporters.col_status)}</th>
                        <th scope="col" class="app-table__header">{t!(i18n, supporters.col_added_by)}</th>
                        <th scope="col" class="app-table__header">{t!(i18n, supporters.col_last_signed_in)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// Remove one supporter, with the reason.
#[component]
fn RemoveForm(
    reference: String,
    supporters: Vec<SupporterView>,
    on_changed: Callback<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new(None::<String>);
    let reason = RwSignal::new(String::new());
    let which_error = RwSignal::new(None::<String>);
    let reason_error = RwSignal::new(None::<String>);
    let remove = Action::new_local(move |(id, reason): &(String, String)| {
        api::remove_case_supporter(
            reference.clone(),
            id.clone(),
            StaffRemoveSupporterRequest {
                reason: reason.clone(),
            },
        )
    });
    Effect::new(move |_| {
        if let Some(result) = remove.value().get() {
            untrack(|| match result {
                Ok(()) => {
                    reason.set(String::new());
                    chosen.set(None);
                    on_changed.run(t_string!(i18n, supporters.removed));
                }
                Err(failure) => reason_error.set(Some(save_error(i18n, &failure, "reason"))),
            });
        }
    });
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        which_error.set(None);
        reason_error.set(None);
        let Some(id) = chosen.get_untracked() else {
            which_error.set(Some(t_string!(i18n, supporters.remove_choose).to_owned()));
            return;
        };
        remove.dispatch((id, reason.get_untracked()));
    };
    let choices = supporters
        .into_iter()
        .map(|supporter| Choice::new(supporter.id, supporter.name))
        .collect();
    view! {
        <h3 class="app-heading-m" id="remove-supporter-heading">{t!(i18n, supporters.remove_heading)}</h3>
        <form novalidate on:submit=on_submit aria-labelledby="remove-supporter-heading">
            <Radios
                name="remove-supporter"
                legend=t_string!(i18n, supporters.remove_which)
                choices
                selected=chosen
                error=which_error
            />
            <ReasonField
                id="remove-reason"
                label=t_string!(i18n, supporters.remove_reason)
                hint=t_string!(i18n, supporters.remove_reason_hint)
                value=reason
                error=reason_error
            />
            <button type="submit" class="app-button app-button--warning">{t!(i18n, supporters.remove_button)}</button>
        </form>
    }
}
