//! `DoneForm`: close a callback request with how it ended ("I spoke to the victim" is
//! logged as a call too). Markup contract as `ScheduleForm`: its own `ErrorSummary`, one
//! `Radios` group named `done-<callback id>`.

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use shared::api::callbacks::CallbackView;
use shared::api::staff_callbacks::{CallbackOutcome, CompleteCallback};
use ui::components::{Button, ButtonVariant, ErrorSummary};
use ui::form_errors::{field_message, FormErrors};

use crate::api;
use crate::components::radios::{first_id, Choice, Radios};
use crate::i18n::*;

const OUTCOMES: [CallbackOutcome; 3] = [
    CallbackOutcome::SpokeToVictim,
    CallbackOutcome::NoLongerNeeded,
    CallbackOutcome::CouldNotReach,
];

#[component]
pub fn DoneForm(
    #[prop(into)] reference: String,
    #[prop(into)] callback_id: String,
    on_done: Callback<CallbackView>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let name = format!("done-{callback_id}");
    let choices = OUTCOMES
        .iter()
        .enumerate()
        .map(|(index, outcome)| Choice::new(index.to_string(), outcome_words(l, *outcome)))
        .collect();
    let chosen = RwSignal::new(None::<String>);
    let errors = RwSignal::new(FormErrors::default());
    let close = Action::new_local(
        move |(reference, id, outcome): &(String, String, CallbackOutcome)| {
            let (reference, id) = (reference.clone(), id.clone());
            let request = CompleteCallback { outcome: *outcome };
            async move { api::complete_callback(&reference, &id, &request).await }
        },
    );
    let target = first_id(&name);
    Effect::new(move |_| {
        let result = close.value().get();
        untrack(|| match result {
            Some(Ok(view)) => on_done.run(view),
            Some(Err(error)) => errors.set(FormErrors::from_api(
                &error,
                &[("callback", target.as_str()), ("outcome", target.as_str())],
            )),
            None => {}
        });
    });
    let first = first_id(&name);
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if close.pending().get_untracked() {
            return;
        }
        let outcome = chosen
            .get_untracked()
            .and_then(|index| index.parse::<usize>().ok())
            .and_then(|index| OUTCOMES.get(index).copied());
        match outcome {
            Some(outcome) => {
                close.dispatch((reference.clone(), callback_id.clone(), outcome));
            }
            None => errors.set(FormErrors::field(
                first.clone(),
                t_string!(i18n, callbacks.choose_outcome),
            )),
        }
    };
    view! {
        <form novalidate class="app-staff-panel" on:submit=on_submit>
            <ErrorSummary errors=errors />
            <Radios
                name=name.clone()
                legend=t_string!(i18n, callbacks.done_legend)
                choices=choices
                selected=chosen
                error=field_message(errors.into(), first_id(&name))
            />
            <div class="app-button-group">
                <Button submit=true>{t!(i18n, callbacks.done_submit)}</Button>
                <Button variant=ButtonVariant::Secondary on:click=move |_| on_cancel.run(())>
                    {t!(i18n, callbacks.close_form)}
                </Button>
            </div>
        </form>
    }
}

fn outcome_words(l: Locale, outcome: CallbackOutcome) -> &'static str {
    match outcome {
        CallbackOutcome::SpokeToVictim => td_string!(l, callbacks.outcome.spoke_to_victim),
        CallbackOutcome::NoLongerNeeded => td_string!(l, callbacks.outcome.no_longer_needed),
        CallbackOutcome::CouldNotReach => td_string!(l, callbacks.outcome.could_not_reach),
    }
}
