//! `CallbackItem`: one callback request as an officer works it: "Unsafe now" (a red tag
//! whose words carry the meaning), its status, what the victim asked about and when they
//! can be called, and the actions "Book a time" and "Mark as done", each opening its form
//! in place (one form open at a time on the page: `open`). A number someone else answered
//! gets a warning and no "Book a time".
//!
//! Markup contract: an `<li>` with an `<h3>` (the reference links to the case when the
//! list spans cases); details in a summary list. The action buttons name their request
//! for screen readers ("Book a time for the request from Tue 10 Mar…").

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::callbacks::{CallbackReason, CallbackStatus, CallbackView};
use shared::api::staff_callbacks::StaffCallbackView;
use ui::components::{Button, ButtonVariant, SummaryList, SummaryRow, WarningText};

use crate::components::{DoneForm, ScheduleForm};
use crate::format::{fill, short_date_time, window_text};
use crate::i18n::*;

/// Which form is open, and for which request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenForm {
    Book(String),
    Done(String),
}

#[component]
pub fn CallbackItem(
    item: StaffCallbackView,
    /// Link the reference to its case (the queue); the case page leaves it out.
    show_reference: bool,
    open: RwSignal<Option<OpenForm>>,
    /// After a booking or closing: the notice to show, and the list refetches.
    on_changed: Callback<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let callback = item.callback.clone();
    let reference = item.crime_reference.clone();
    let is_open = callback.status.is_open();
    let to = td_string!(l, callbacks.to);
    let windows = callback
        .windows
        .iter()
        .map(|window| view! { <span class="app-staff-line">{window_text(l, window, to)}</span> })
        .collect_view();
    let booked = callback
        .booked
        .as_ref()
        .filter(|_| callback.status == CallbackStatus::Scheduled)
        .map(|call| window_text(l, call, to));
    let asked = short_date_time(l, &callback.requested_at);
    let about = fill(td_string!(l, callbacks.book_about), &[("time", &asked)]);
    let heading = reason_words(l, callback.reason);
    let link = show_reference.then(|| {
        let href = format!("/staff/cases/{reference}");
        let text = fill(
            td_string!(l, callbacks.case_link),
            &[("reference", &reference)],
        );
        view! { <A href=href>{text}</A>": " }
    });
    let id = callback.id.clone();
    let (book_id, done_id) = (id.clone(), id.clone());
    let can_book = is_open && !item.number_flagged;
    let (ending, details) = (callback.phone_ending.clone(), callback.details.clone());
    view! {
        <li class="app-staff-callback">
            <h3 class="app-heading-m">{link}{heading}</h3>
            <p class="app-body">
                {item.unsafe_now.then(|| view! {
                    <strong class="app-tag app-tag--red">{t!(i18n, callbacks.unsafe_now)}</strong>
                })}
                <span class="app-visually-hidden">{t!(i18n, callbacks.status_prefix)}": "</span>
                <strong class="app-tag" class:app-tag--grey=!is_open>{status_words(l, callback.status)}</strong>
            </p>
            {item.number_flagged.then(|| view! { <WarningText>{t!(i18n, callbacks.number_flagged)}</WarningText> })}
            <SummaryList>
                {booked.map(|booked| view! { <SummaryRow label=td_string!(l, callbacks.booked_prefix)>{booked}</SummaryRow> })}
                <SummaryRow label=td_string!(l, callbacks.windows_prefix)>{windows}</SummaryRow>
                {details.map(|details| view! {
                    <SummaryRow label=td_string!(l, callbacks.details_prefix)>{details}</SummaryRow>
                })}
                <SummaryRow label=td_string!(l, callbacks.number_prefix)>{ending}</SummaryRow>
                <SummaryRow label=td_string!(l, callbacks.asked_prefix)>{asked.clone()}</SummaryRow>
            </SummaryList>
            {move || actions(open, &item_state(&id, is_open, can_book), about.clone())}
            {move || match open.get() {
                Some(OpenForm::Book(open_id)) if open_id == book_id => Some(Either::Left(view! {
                    <ScheduleForm
                        reference=reference.clone()
                        callback=callback.clone()
                        on_done=Callback::new(move |_: CallbackView| {
                            open.set(None);
                            on_changed.run(td_string!(l, callbacks.booked_notice));
                        })
                        on_cancel=Callback::new(move |()| open.set(None))
                    />
                })),
                Some(OpenForm::Done(open_id)) if open_id == done_id => Some(Either::Right(view! {
                    <DoneForm
                        reference=reference.clone()
                        callback_id=done_id.clone()
                        on_done=Callback::new(move |_: CallbackView| {
                            open.set(None);
                            on_changed.run(td_string!(l, callbacks.done_notice));
                        })
                        on_cancel=Callback::new(move |()| open.set(None))
                    />
                })),
                _ => None,
            }}
        </li>
    }
}

/// What an item's buttons need: its id, whether it is open, whether it may be booked.
struct ItemState {
    id: String,
    is_open: bool,
    can_book: bool,
}

fn item_state(id: &str, is_open: bool, can_book: bool) -> ItemState {
    ItemState {
        id: id.to_owned(),
        is_open,
        can_book,
    }
}

/// "Book a time" and "Mark as done", while no form of this request is open.
fn actions(open: RwSignal<Option<OpenForm>>, state: &ItemState, about: String) -> Option<AnyView> {
    let showing = open.with(|form| match form {
        Some(OpenForm::Book(id) | OpenForm::Done(id)) => *id == state.id,
        None => false,
    });
    if !state.is_open || showing {
        return None;
    }
    let i18n = use_i18n();
    let (book, done) = (state.id.clone(), state.id.clone());
    let book_about = about.clone();
    Some(
        view! {
            <div class="app-button-group">
                {state.can_book.then(|| view! {
                    <Button variant=ButtonVariant::Secondary on:click=move |_| open.set(Some(OpenForm::Book(book.clone())))>
                        {t!(i18n, callbacks.book_button)}
                        <span class="app-visually-hidden">{book_about}</span>
                    </Button>
                })}
                <Button variant=ButtonVariant::Secondary on:click=move |_| open.set(Some(OpenForm::Done(done.clone())))>
                    {t!(i18n, callbacks.done_button)}
                    <span class="app-visually-hidden">{about}</span>
                </Button>
            </div>
        }
        .into_any(),
    )
}

fn reason_words(l: Locale, reason: CallbackReason) -> &'static str {
    match reason {
        CallbackReason::CaseQuestion => td_string!(l, callbacks.reason.case_question),
        CallbackReason::FeelUnsafe => td_string!(l, callbacks.reason.feel_unsafe),
        CallbackReason::ChangeDetails => td_string!(l, callbacks.reason.change_details),
        CallbackReason::SupportNeeds => td_string!(l, callbacks.reason.support_needs),
        CallbackReason::SomethingElse => td_string!(l, callbacks.reason.something_else),
    }
}

fn status_words(l: Locale, status: CallbackStatus) -> &'static str {
    match status {
        CallbackStatus::Requested => td_string!(l, callbacks.status.requested),
        CallbackStatus::Scheduled => td_string!(l, callbacks.status.scheduled),
        CallbackStatus::Done => td_string!(l, callbacks.status.done),
        CallbackStatus::Cancelled => td_string!(l, callbacks.status.cancelled),
    }
}
