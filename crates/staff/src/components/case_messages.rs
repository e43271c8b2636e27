//! `CaseMessages`: "Messages to the victim" on a case: every text, email and letter sent
//! (or waiting) for the case, newest first, with what became of each; never where it went
//! or what it said. When the case is flagged (a message could not be delivered since the
//! victim last changed their preferences), a warning says by which channel and what to do
//! ("We could not reach the victim by text: the number may be wrong").
//!
//! Markup contract: a `<section>` named by its `<h2 id="messages-heading">` (the case
//! page's flag links to it, and focuses it). The table follows `CasesTable`'s: it scrolls
//! sideways inside a focusable `role="region"`; region and table share a name of their
//! own ("Messages, newest first"), so the section's name stays unique; `<th scope="col">`.
//! Statuses are words, never colours alone.

use leptos::prelude::*;
use shared::api::messages::{DeliveryStatus, MessageChannel, MessageKind};
use shared::api::staff::StaffCaseMessage;
use ui::components::{LoadingStatus, RetryableError, WarningText};

use crate::api;
use crate::format::{long_date, short_date_time};
use crate::i18n::*;
use crate::session::staff_resource;

pub const MESSAGES_HEADING_ID: &str = "messages-heading";

#[component]
pub fn CaseMessages(
    #[prop(into)] reference: String,
    /// Whether the case counts undelivered messages (`undelivered_messages`: since the
    /// victim last changed their preferences). Older failures are listed but not warned
    /// about: the victim has given new details since.
    flagged: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let (messages, loading) = staff_resource(move || {
        let reference = reference.clone();
        async move { api::get_case_messages(&reference).await }
    });
    view! {
        <section aria-labelledby=MESSAGES_HEADING_ID>
            <h2 class="app-heading-l" id=MESSAGES_HEADING_ID tabindex="-1">{t!(i18n, messages.heading)}</h2>
            <p class="app-body">{t!(i18n, messages.intro)}</p>
            <LoadingStatus message=t_string!(i18n, messages.loading) loading=loading />
            {move || {
                if loading.get() {
                    return None;
                }
                Some(match messages.get()? {
                    Ok(view) if view.messages.is_empty() => {
                        view! { <p class="app-body">{t!(i18n, messages.empty)}</p> }.into_any()
                    }
                    Ok(view) => view! {
                        {flagged
                            .then(|| unreachable_warning(i18n.get_locale_untracked(), &view.messages))
                            .flatten()
                            .map(|text| view! { <WarningText>{text}</WarningText> })}
                        <MessagesTable messages=view.messages />
                    }
                    .into_any(),
                    Err(_) => view! {
                        <RetryableError
                            message=t_string!(i18n, messages.load_failed)
                            on_retry=Callback::new(move |()| messages.refetch())
                        />
                    }
                    .into_any(),
                })
            }}
        </section>
    }
}

#[component]
fn MessagesTable(messages: Vec<StaffCaseMessage>) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let rows = messages
        .into_iter()
        .map(|message| {
            let channel = message.channel.map_or_else(
                || td_string!(l, messages.channels.not_chosen),
                |channel| channel_name(l, channel),
            );
            // The moment that goes with the status: delivered, else sent.
            let when = message
                .delivered_at
                .as_deref()
                .or(message.sent_at.as_deref())
                .map(|at| short_date_time(l, at));
            let reason = message
                .failure_reason
                .filter(|_| message.status.is_undelivered())
                .map(|reason| format!("{}: {reason}", td_string!(l, messages.reason)));
            // A case update names the update and the Victims' Code deadline it served.
            let update = message.update_title.map(|title| view! { ": " {title} });
            let deadline = message.vcop_deadline.map(|date| {
                let shown = format!(
                    "{}: {}",
                    td_string!(l, messages.deadline),
                    long_date(l, &date)
                );
                view! { <br />{shown} }
            });
            view! {
                <tr>
                    <td class="app-table__cell">{kind_name(l, message.kind)}{update}{deadline}</td>
                    <td class="app-table__cell">{channel}</td>
                    <td class="app-table__cell">{short_date_time(l, &message.queued_at)}</td>
                    <td class="app-table__cell">
                        {status_name(l, message.status)}
                        {when.map(|when| view! { <br />{when} })}
                        {reason.map(|reason| view! { <br />{reason} })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="app-table-container" role="region" tabindex="0" aria-label=td_string!(l, messages.table_label)>
            <table class="app-table app-staff-table" aria-label=td_string!(l, messages.table_label)>
                <thead>
                    <tr>
                        <th scope="col" class="app-table__header">{t!(i18n, messages.what)}</th>
                        <th scope="col" class="app-table__header">{t!(i18n, messages.how)}</th>
                        <th scope="col" class="app-table__header">{t!(i18n, messages.created)}</th>
                        <th scope="col" class="app-table__header">{t!(i18n, messages.outcome)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The warning for the newest message that could not be delivered, by its channel; none
/// when every message arrived or is still on its way. A sign-in code that was not sent
/// because it expired is not a delivery problem, so only a case update without a safe
/// written method counts among the messages not sent on purpose.
fn unreachable_warning(l: Locale, messages: &[StaffCaseMessage]) -> Option<&'static str> {
    let failed = messages.iter().find(|message| match message.status {
        DeliveryStatus::PermanentFailure => true,
        DeliveryStatus::Cancelled => {
            message.kind == MessageKind::CaseUpdate && message.channel.is_none()
        }
        _ => false,
    })?;
    Some(match failed.channel {
        Some(MessageChannel::Sms) => td_string!(l, messages.unreachable.sms),
        Some(MessageChannel::Email) => td_string!(l, messages.unreachable.email),
        Some(MessageChannel::Letter) => td_string!(l, messages.unreachable.letter),
        None => td_string!(l, messages.unreachable.no_method),
    })
}

fn kind_name(l: Locale, kind: MessageKind) -> &'static str {
    match kind {
        MessageKind::SignInCode => td_string!(l, messages.kinds.sign_in_code),
        MessageKind::ContactChangeCode => td_string!(l, messages.kinds.contact_change_code),
        MessageKind::ContactChangeNotice => td_string!(l, messages.kinds.contact_change_notice),
        MessageKind::CaseUpdate => td_string!(l, messages.kinds.case_update),
        MessageKind::SupporterInvitation => td_string!(l, messages.kinds.supporter_invitation),
        MessageKind::SupporterSignInCode => td_string!(l, messages.kinds.supporter_sign_in_code),
    }
}

fn channel_name(l: Locale, channel: MessageChannel) -> &'static str {
    match channel {
        MessageChannel::Sms => td_string!(l, messages.channels.sms),
        MessageChannel::Email => td_string!(l, messages.channels.email),
        MessageChannel::Letter => td_string!(l, messages.channels.letter),
    }
}

fn status_name(l: Locale, status: DeliveryStatus) -> &'static str {
    match status {
        DeliveryStatus::Queued => td_string!(l, messages.statuses.queued),
        DeliveryStatus::Sending => td_string!(l, messages.statuses.sending),
        DeliveryStatus::Sent => td_string!(l, messages.statuses.sent),
        DeliveryStatus::Delivered => td_string!(l, messages.statuses.delivered),
        DeliveryStatus::TemporaryFailure => td_string!(l, messages.statuses.temporary_failure),
        DeliveryStatus::PermanentFailure => td_string!(l, messages.statuses.permanent_failure),
        DeliveryStatus::Cancelled => td_string!(l, messages.statuses.cancelled),
    }
}
