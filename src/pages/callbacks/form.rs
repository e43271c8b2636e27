//! "Ask for a new callback": the request form, in page order. Sending it is the page's
//! `request` action; its answer (banner or errors) is shown by the page.

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use shared::api::callbacks::{CallbackReason, CallbackView, CallbacksView, NewCallbackRequest};

use crate::api::ApiError;
use crate::components::{Button, RadioGroup, Textarea};
use crate::form_errors::{field_message, FormErrors};

use super::choices::{DETAILS_MAX, REASONS, URGENCIES};
use super::form_state::CallbackFields;
use super::sections::{UnsafeNowWarning, WhenWeCanCall, WhichNumber};
use super::PageData;

#[component]
pub(super) fn CallbackForm(
    data: PageData,
    errors: RwSignal<FormErrors>,
    request: Action<NewCallbackRequest, Result<CallbackView, ApiError>>,
) -> impl IntoView {
    let PageData {
        callbacks,
        phone_ending,
    } = data;
    let CallbacksView {
        callbacks: list,
        max_open,
        safe_times,
        bookable_dates,
        has_phone_on_file,
    } = callbacks;
    let open_count = list.iter().filter(|c| c.status.is_open()).count();
    let fields = CallbackFields::new(has_phone_on_file);

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if request.pending().get_untracked() {
            return;
        }
        match fields.check() {
            Ok(body) => {
                errors.set(FormErrors::default());
                request.dispatch(body);
            }
            Err(found) => errors.set(found),
        }
    };
    let errors_signal: Signal<FormErrors> = errors.into();

    view! {
        <h2 class="app-heading-l">"Ask for a new callback"</h2>
        {(open_count >= max_open as usize).then(|| view! {
            <p class="app-body">
                {format!("You already have {open_count} open requests, the most you can have at once. Cancel one, or wait for us to call, before asking again.")}
            </p>
        })}
        <form novalidate on:submit=on_submit>
            <RadioGroup
                id_prefix="reason"
                name="reason"
                legend="Why would you like us to call you?"
                options=REASONS
                value=fields.reason
                errors=errors_signal
            />
            <Show when=move || fields.reason.get() == Some(CallbackReason::FeelUnsafe)>
                <UnsafeNowWarning />
            </Show>
            <Textarea
                id="details"
                name="details"
                label="Tell us more (optional)"
                hint="You must fill this in if you chose \u{201c}Something else\u{201d}. Only write what you are happy for your officer to read."
                value=fields.details
                error=field_message(errors_signal, "details")
                max_chars=DETAILS_MAX
            />
            <RadioGroup
                id_prefix="urgency"
                name="urgency"
                legend="How soon do you need us to call?"
                options=URGENCIES
                value=fields.urgency
                errors=errors_signal
            />
            <WhenWeCanCall windows=fields.windows safe_times bookable_dates errors=errors_signal />
            <WhichNumber
                has_phone_on_file
                phone_ending
                other_number=fields.other_number
                one_off_phone=fields.one_off_phone
                errors=errors_signal
            />
            <Button submit=true>"Request callback"</Button>
        </form>
    }
}
