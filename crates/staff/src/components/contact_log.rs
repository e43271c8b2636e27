//! `ContactLog`: "Contact log" on a case: the warning and check when someone else
//! answered the victim's phone (`NumberCheck`), every contact attempt newest first, and
//! "Record a contact" (`ContactForm`). After a record or a check, a success banner says
//! so and the section reloads.
//!
//! Markup contract: a `<section>` named by its `<h2 id="contacts-heading">`. The table
//! follows `CaseMessages`': it scrolls sideways inside a focusable `role="region"` named
//! like the table ("Contacts, newest first"); `<th scope="col">`. Notes are shown as typed.

use leptos::prelude::*;
use shared::api::staff_callbacks::{ContactLogView, StaffCaseCallbacksView};
use ui::components::{LoadingStatus, NotificationBanner, RetryableError};

use crate::api::{self, ApiError};
use crate::components::contact_form::{method_words, outcome_words, ContactForm};
use crate::components::NumberCheck;
use crate::format::{short_date_time, window_text};
use crate::i18n::*;
use crate::session::staff_resource;

#[component]
pub fn ContactLog(#[prop(into)] reference: String) -> impl IntoView {
    let i18n = use_i18n();
    let fetch_reference = reference.clone();
    let (log, loading) = staff_resource(move || {
        let reference = fetch_reference.clone();
        async move {
            let log = api::get_contacts(&reference).await?;
            let callbacks = api::get_case_callbacks(&reference).await?;
            Ok::<_, ApiError>((log, callbacks))
        }
    });
    let notice = RwSignal::new(None::<&'static str>);
    let done = move |text: &'static str| {
        Callback::new(move |()| {
            notice.set(Some(text));
            log.refetch();
        })
    };
    let l = i18n.get_locale_untracked();
    let (recorded, checked) = (
        done(td_string!(l, callbacks.record_notice)),
        done(td_string!(l, callbacks.check_notice)),
    );
    view! {
        <section aria-labelledby="contacts-heading">
            <h2 class="app-heading-l" id="contacts-heading">{t!(i18n, callbacks.log_heading)}</h2>
            {move || notice.get().map(|text| view! {
                <NotificationBanner id="contacts-notice" success=true>
                    <p class="app-notification-banner__heading">{text}</p>
                </NotificationBanner>
            })}
            <p class="app-body">{t!(i18n, callbacks.log_intro)}</p>
            <LoadingStatus message=t_string!(i18n, callbacks.log_loading) loading=loading />
            {move || {
                if loading.get() {
                    return None;
                }
                let reference = reference.clone();
                Some(match log.get()? {
                    Ok((view, callbacks)) => loaded(reference, view, callbacks, recorded, checked),
                    Err(_) => view! {
                        <RetryableError
                            message=t_string!(i18n, callbacks.log_load_failed)
                            on_retry=Callback::new(move |()| log.refetch())
                        />
                    }
                    .into_any(),
                })
            }}
        </section>
    }
}

fn loaded(
    reference: String,
    view: ContactLogView,
    callbacks: StaffCaseCallbacksView,
    recorded: Callback<()>,
    checked: Callback<()>,
) -> AnyView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let to = td_string!(l, callbacks.to);
    let open: Vec<(String, String)> = callbacks
        .callbacks
        .iter()
        .filter(|item| item.callback.status.is_open())
        .map(|item| {
            let first = item.callback.windows.first();
            let when = first.map(|w| window_text(l, w, to)).unwrap_or_default();
            (item.callback.id.clone(), when)
        })
        .collect();
    let check = (!view.number_checks.is_empty()).then(|| {
        view! { <NumberCheck reference=reference.clone() flagged=view.number_checks.clone() on_done=checked /> }
    });
    let table = if view.contacts.is_empty() {
        view! { <p class="app-body">{t!(i18n, callbacks.log_empty)}</p> }.into_any()
    } else {
        let rows = view
            .contacts
            .into_iter()
            .map(|contact| {
                view! {
                    <tr>
                        <td class="app-table__cell">{short_date_time(l, &contact.recorded_at)}</td>
                        <td class="app-table__cell">{method_words(l, contact.method)}</td>
                        <td class="app-table__cell">{outcome_words(l, contact.outcome)}</td>
                        <td class="app-table__cell">{contact.note}</td>
                        <td class="app-table__cell">{contact.recorded_by}</td>
                    </tr>
                }
            })
            .collect_view();
        let label = td_string!(l, callbacks.log_label);
        view! {
            <div class="app-table-container" role="region" tabindex="0" aria-label=label>
                <table class="app-table app-staff-table" aria-label=label>
                    <thead>
                        <tr>
                            <th scope="col" class="app-table__header">{t!(i18n, callbacks.when)}</th>
                            <th scope="col" class="app-table__header">{t!(i18n, callbacks.how)}</th>
                            <th scope="col" class="app-table__header">{t!(i18n, callbacks.result)}</th>
                            <th scope="col" class="app-table__header">{t!(i18n, callbacks.note)}</th>
                            <th scope="col" class="app-table__header">{t!(i18n, callbacks.by)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        {check}
        {table}
        <ContactForm reference voicemail_safe=view.voicemail_safe callbacks=open on_done=recorded />
    }
    .into_any()
}
