//! "Ask for a new callback": the request form, in page order. Sending it is the page's
//! `request` action; its answer (banner or errors) is shown by the page.

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use shared::api::callbacks::{CallbackReason, CallbackView, CallbacksView, NewCallbackRequest};

use crate::api::ApiError;
use crate::components::{Button, DrawnNext, RadioGroup, Textarea};
use crate::form_errors::{field_message, FormErrors};
use crate::i18n::*;

use shared::api::callbacks::MAX_DETAILS_CHARS;

use super::choices::{reasons, urgencies};
use super::form_state::CallbackFields;
use super::sections::{UnsafeNowWarning, WhenWeCanCall, WhichNumber};
use super::PageData;

#[component]
pub(super) fn CallbackForm(
    data: PageData,
    errors: RwSignal<FormErrors>,
    request: Action<NewCallbackRequest, Result<CallbackView, ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
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
        match fields.check(i18n) {
            Ok(body) => {
                errors.set(FormErrors::default());
                request.dispatch(body);
            }
            Err(found) => errors.set(found),
        }
    };
    let errors_signal: Signal<FormErrors> = errors.into();

    view! {
        <h2 class="app-heading-l">{t!(i18n, callbacks.form_heading)}</h2>
        {(open_count >= max_open as usize).then(|| view! {
            <p class="app-body">
                {t!(i18n, callbacks.too_many_open, open = open_count)}
            </p>
        })}
        <form novalidate on:submit=on_submit>
            <RadioGroup
                id_prefix="reason"
                name="reason"
                legend=t_string!(i18n, callbacks.reason_legend)
                options=reasons(locale)
                value=fields.reason
                errors=errors_signal
            />
            <Show when=move || fields.reason.get() == Some(CallbackReason::FeelUnsafe)>
                <UnsafeNowWarning />
            </Show>
            <Textarea
                id="details"
                name="details"
                label=t_string!(i18n, callbacks.details_label)
                hint=t_string!(i18n, callbacks.details_hint)
                value=fields.details
                error=field_message(errors_signal, "details")
                max_chars=MAX_DETAILS_CHARS
            />
            // The rest in parts, each drawn as a task of its own after the one before
            // (issue 14: one task for the whole form was a long task on a phone).
            <DrawnNext>
                <RadioGroup
                    id_prefix="urgency"
                    name="urgency"
                    legend=t_string!(i18n, callbacks.urgency_legend)
                    options=urgencies(locale)
                    value=fields.urgency
                    errors=errors_signal
                />
            </DrawnNext>
            <DrawnNext>
                <WhenWeCanCall windows=fields.windows safe_times bookable_dates errors=errors_signal />
            </DrawnNext>
            <DrawnNext>
                <WhichNumber
                    has_phone_on_file
                    phone_ending
                    other_number=fields.other_number
                    one_off_phone=fields.one_off_phone
                    errors=errors_signal
                />
                <Button submit=true>{t!(i18n, callbacks.submit)}</Button>
            </DrawnNext>
        </form>
    }
}
