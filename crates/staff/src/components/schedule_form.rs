//! `ScheduleForm`: book a call for one callback request: which of the victim's windows
//! (radios), and the start time (the call lasts an hour). The server refuses a time
//! outside the windows or the victim's current safe times; its field errors go to the
//! form's error summary and beside the fields (GOV.UK pattern).
//!
//! Markup contract: a `<form novalidate>` with its own `ErrorSummary` first (only one
//! callback form is open on a page at a time), a `Radios` group named
//! `book-<callback id>` and a `TextInput` `book-<callback id>-start`.

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use shared::api::callbacks::CallbackView;
use shared::api::staff_callbacks::ScheduleCallback;
use ui::components::{Button, ButtonVariant, ErrorSummary, TextInput};
use ui::form_errors::{field_message, FormErrors};

use crate::api;
use crate::components::radios::{first_id, Choice, Radios};
use crate::format::window_text;
use crate::i18n::*;

#[component]
pub fn ScheduleForm(
    #[prop(into)] reference: String,
    callback: CallbackView,
    /// Called with the booked request once the server has accepted it.
    on_done: Callback<CallbackView>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let name = format!("book-{}", callback.id);
    let start_id = format!("{name}-start");
    let windows = callback.windows.clone();
    let choices: Vec<Choice> = windows
        .iter()
        .enumerate()
        .map(|(index, window)| {
            Choice::new(
                index.to_string(),
                window_text(l, window, td_string!(l, callbacks.to)),
            )
        })
        .collect();
    let chosen = RwSignal::new(None::<String>);
    let start = RwSignal::new(String::new());
    // Choosing a window starts the call at its start, the usual choice.
    Effect::new(move |_| {
        let index = chosen.get().and_then(|index| index.parse::<usize>().ok());
        if let Some(window) = index.and_then(|index| windows.get(index)) {
            start.set(window.start.clone());
        }
    });
    let errors = RwSignal::new(FormErrors::default());
    let book = Action::new_local(
        move |(reference, id, request): &(String, String, ScheduleCallback)| {
            let (reference, id, request) = (reference.clone(), id.clone(), request.clone());
            async move { api::schedule_callback(&reference, &id, &request).await }
        },
    );
    let (window_target, start_target) = (first_id(&name), start_id.clone());
    Effect::new(move |_| {
        let result = book.value().get();
        untrack(|| match result {
            Some(Ok(view)) => on_done.run(view),
            Some(Err(error)) => errors.set(FormErrors::from_api(
                &error,
                &[
                    ("callback", window_target.as_str()),
                    ("date", window_target.as_str()),
                    ("start", start_target.as_str()),
                ],
            )),
            None => {}
        });
    });
    let dates: Vec<String> = callback.windows.iter().map(|w| w.date.clone()).collect();
    let (id, first) = (callback.id.clone(), first_id(&name));
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if book.pending().get_untracked() {
            return;
        }
        let date = chosen
            .get_untracked()
            .and_then(|index| index.parse::<usize>().ok())
            .and_then(|index| dates.get(index).cloned());
        let Some(date) = date else {
            errors.set(FormErrors::field(
                first.clone(),
                t_string!(i18n, callbacks.choose_time),
            ));
            return;
        };
        let request = ScheduleCallback {
            date,
            start: start.get_untracked(),
        };
        book.dispatch((reference.clone(), id.clone(), request));
    };
    let window_error = field_message(errors.into(), first_id(&name));
    view! {
        <form novalidate class="app-staff-panel" on:submit=on_submit>
            <ErrorSummary errors=errors />
            <Radios
                name=name.clone()
                legend=t_string!(i18n, callbacks.book_legend)
                hint=Some(t_string!(i18n, callbacks.book_hint).to_owned())
                choices=choices
                selected=chosen
                error=window_error
            />
            <TextInput
                id=start_id.clone()
                name="start"
                label=t_string!(i18n, callbacks.start_label)
                hint=t_string!(i18n, callbacks.start_hint)
                value=start
                error=field_message(errors.into(), start_id)
                width_class="app-input--width-10"
            />
            <div class="app-button-group">
                <Button submit=true>{t!(i18n, callbacks.book_submit)}</Button>
                <Button variant=ButtonVariant::Secondary on:click=move |_| on_cancel.run(())>
                    {t!(i18n, callbacks.close_form)}
                </Button>
            </div>
        </form>
    }
}
