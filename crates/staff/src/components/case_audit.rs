//! `CaseAudit`: "Audit trail" on a case, for supervisors only (nothing at all for an
//! officer, whose API answer would be 404): everyone who looked at or changed the victim's
//! data, when and what, newest first; "Show older entries" adds the next page below.
//!
//! Markup contract: a `<section>` named by its `<h2 id="audit-heading">`. The table follows
//! `CaseMessages`': it scrolls sideways inside a focusable `role="region"`; region and
//! table share a name of their own ("Audit trail, newest first"); `<th scope="col">`.
//! Loading older entries is announced by a `LoadingStatus` (a polite live region); then
//! focus moves to the first entry added (its row has `tabindex="-1"`), so it is not lost
//! when the button is drawn again or goes.

use leptos::prelude::*;
use shared::api::audit::{AuditEvent, AuditTrailView, AuditWhat, AuditWho};
use shared::api::staff::StaffRole;
use ui::components::{focus_element, Button, ButtonVariant, LoadingStatus, RetryableError};

use crate::api::{self, ApiError};
use crate::format::short_date_time;
use crate::i18n::*;
use crate::session::staff_resource;
use crate::state::use_staff_state;

pub const AUDIT_HEADING_ID: &str = "audit-heading";

#[component]
pub fn CaseAudit(#[prop(into)] reference: String) -> impl IntoView {
    let state = use_staff_state();
    // A memo, so the section is made again only if the role changes: every load sets the
    // session again (the section's own too), which would otherwise remake it for ever.
    let supervisor = Memo::new(move |_| {
        state.session.with(|session| {
            session
                .as_ref()
                .is_some_and(|session| session.role == StaffRole::Supervisor)
        })
    });
    move || {
        supervisor
            .get()
            .then(|| view! { <AuditSection reference=reference.clone() /> })
    }
}

#[component]
fn AuditSection(reference: String) -> impl IntoView {
    let i18n = use_i18n();
    let reference = StoredValue::new(reference);
    let (first, loading) = staff_resource(move || {
        let reference = reference.get_value();
        async move { api::get_case_audit(&reference, None).await }
    });
    let older = RwSignal::new(Vec::<AuditEvent>::new());
    // `Some` once an older page has come: its `next_before`.
    let older_next = RwSignal::new(None::<Option<String>>);
    let more = Action::new_local(move |before: &String| {
        let (reference, before) = (reference.get_value(), before.clone());
        async move { api::get_case_audit(&reference, Some(&before)).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(page)) = more.value().get() {
            let first_new = older.with_untracked(Vec::len);
            older.update(|events| events.extend(page.events));
            older_next.set(Some(page.next_before));
            // The button is drawn again (or goes, with no older page left): focus moves to
            // the first entry it added, once that is drawn, so reading carries on there.
            request_animation_frame(move || focus_element(&older_row_id(first_new)));
        }
    });
    let more_failed = move || matches!(more.value().get(), Some(Err(_)));
    view! {
        <section aria-labelledby=AUDIT_HEADING_ID>
            <h2 class="app-heading-l" id=AUDIT_HEADING_ID tabindex="-1">{t!(i18n, audit.heading)}</h2>
            <p class="app-body">{t!(i18n, audit.intro)}</p>
            <LoadingStatus message=t_string!(i18n, audit.loading) loading=loading />
            {move || {
                if loading.get() {
                    return None;
                }
                Some(match first.get()? {
                    Ok(page) if page.events.is_empty() => {
                        view! { <p class="app-body">{t!(i18n, audit.empty)}</p> }.into_any()
                    }
                    Ok(AuditTrailView { events, next_before }) => {
                        let next = move || older_next.get().unwrap_or_else(|| next_before.clone());
                        view! {
                            <AuditTable events older />
                            <LoadingStatus message=t_string!(i18n, audit.loading_older) loading=more.pending() />
                            {move || more_failed().then(|| view! {
                                <p class="app-body">{t!(i18n, audit.more_failed)}</p>
                            })}
                            {move || next().map(|before| view! {
                                <Button
                                    variant=ButtonVariant::Secondary
                                    on:click=move |_| { more.dispatch(before.clone()); }
                                >
                                    {t!(i18n, audit.show_older)}
                                </Button>
                            })}
                        }
                        .into_any()
                    }
                    Err(ApiError::Unauthorized) => return None,
                    Err(_) => view! {
                        <RetryableError
                            message=t_string!(i18n, audit.load_failed)
                            on_retry=Callback::new(move |()| first.refetch())
                        />
                    }
                    .into_any(),
                })
            }}
        </section>
    }
}

#[component]
fn AuditTable(events: Vec<AuditEvent>, older: RwSignal<Vec<AuditEvent>>) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let first = events
        .into_iter()
        .map(move |event| row(l, event, None))
        .collect_view();
    let more = move || {
        older
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, event)| row(l, event, Some(older_row_id(i))))
            .collect_view()
    };
    view! {
        <div class="app-table-container" role="region" tabindex="0" aria-label=td_string!(l, audit.table_label)>
            <table class="app-table app-staff-table" aria-label=td_string!(l, audit.table_label)>
                <thead>
                    <tr>
                        <th scope="col" class="app-table__header">{t!(i18n, audit.when)}</th>
                        <th scope="col" class="app-table__header">{t!(i18n, audit.who)}</th>
                        <th scope="col" class="app-table__header">{t!(i18n, audit.what)}</th>
                    </tr>
                </thead>
                <tbody>{first}{more}</tbody>
            </table>
        </div>
    }
}

/// The id of the `i`th older entry's row (counting from the first older one); focus
/// moves to the first of each page that is added.
fn older_row_id(i: usize) -> String {
    format!("audit-older-{i}")
}

fn row(l: Locale, event: AuditEvent, id: Option<String>) -> impl IntoView {
    let tabindex = id.as_ref().map(|_| "-1");
    view! {
        <tr id=id tabindex=tabindex>
            <td class="app-table__cell">{short_date_time(l, &event.at)}</td>
            <td class="app-table__cell">{who(l, event.who, event.staff_name)}</td>
            <td class="app-table__cell">{what(l, event.what)}</td>
        </tr>
    }
}

/// A staff member by name and role ("PC Sam Jones, officer"); anyone else by kind.
fn who(l: Locale, who: AuditWho, staff_name: Option<String>) -> String {
    let (role, without_name) = match who {
        AuditWho::Officer => (
            td_string!(l, audit.roles.officer),
            td_string!(l, audit.actors.former_officer),
        ),
        AuditWho::Supervisor => (
            td_string!(l, audit.roles.supervisor),
            td_string!(l, audit.actors.former_supervisor),
        ),
        AuditWho::Victim => return td_string!(l, audit.actors.victim).to_owned(),
        AuditWho::Supporter => return td_string!(l, audit.actors.supporter).to_owned(),
        AuditWho::DeliveryWorker => return td_string!(l, audit.actors.delivery_worker).to_owned(),
        AuditWho::ImportClient => return td_string!(l, audit.actors.import_client).to_owned(),
    };
    staff_name.map_or_else(|| without_name.to_owned(), |name| format!("{name}, {role}"))
}

fn what(l: Locale, what: AuditWhat) -> &'static str {
    match what {
        AuditWhat::ReadCase => td_string!(l, audit.actions.read_case),
        AuditWhat::ReadPreferences => td_string!(l, audit.actions.read_preferences),
        AuditWhat::ReadCallbacks => td_string!(l, audit.actions.read_callbacks),
        AuditWhat::ReadMessages => td_string!(l, audit.actions.read_messages),
        AuditWhat::ReadContactLog => td_string!(l, audit.actions.read_contact_log),
        AuditWhat::ReadAuditTrail => td_string!(l, audit.actions.read_audit_trail),
        AuditWhat::ReadSupporters => td_string!(l, audit.actions.read_supporters),
        AuditWhat::InviteSupporter => td_string!(l, audit.actions.invite_supporter),
        AuditWhat::ChangeSupporter => td_string!(l, audit.actions.change_supporter),
        AuditWhat::RemoveSupporter => td_string!(l, audit.actions.remove_supporter),
        AuditWhat::ChangePreferences => td_string!(l, audit.actions.change_preferences),
        AuditWhat::ConfirmContactChange => td_string!(l, audit.actions.confirm_contact_change),
        AuditWhat::RequestCallback => td_string!(l, audit.actions.request_callback),
        AuditWhat::CancelCallback => td_string!(l, audit.actions.cancel_callback),
        AuditWhat::PostUpdate => td_string!(l, audit.actions.post_update),
        AuditWhat::ChangeStage => td_string!(l, audit.actions.change_stage),
        AuditWhat::SetEnhancedRights => td_string!(l, audit.actions.set_enhanced_rights),
        AuditWhat::ReallocateCase => td_string!(l, audit.actions.reallocate_case),
        AuditWhat::ScheduleCallback => td_string!(l, audit.actions.schedule_callback),
        AuditWhat::CompleteCallback => td_string!(l, audit.actions.complete_callback),
        AuditWhat::RecordContactAttempt => td_string!(l, audit.actions.record_contact_attempt),
        AuditWhat::ConfirmNumberSafe => td_string!(l, audit.actions.confirm_number_safe),
        AuditWhat::MarkTold => td_string!(l, audit.actions.mark_told),
        AuditWhat::SendMessage => td_string!(l, audit.actions.send_message),
        AuditWhat::Other => td_string!(l, audit.actions.other),
    }
}
