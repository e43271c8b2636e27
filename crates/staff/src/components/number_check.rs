//! `NumberCheck`: the warning after someone else answered the victim's phone, and the
//! officer's record of what the victim said when asked another safe way ("it is safe" lets
//! texts and calls go again; "not safe any more" stops the number for good).
//!
//! Markup contract: `WarningText` for each flagged number (words, not colour), then a
//! `<form novalidate>` with its own `ErrorSummary` and a `Radios` group `number-check`.

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use shared::api::staff_callbacks::{CheckOutcome, ContactCheck, NumberCheck as Flagged};
use ui::components::{Button, ErrorSummary, WarningText};
use ui::form_errors::{field_message, FormErrors};

use crate::api;
use crate::components::radios::{first_id, Choice, Radios};
use crate::format::{fill, short_date_time};
use crate::i18n::*;

const OUTCOMES: [CheckOutcome; 2] = [CheckOutcome::ConfirmedSafe, CheckOutcome::Changed];

#[component]
pub fn NumberCheck(
    #[prop(into)] reference: String,
    flagged: Vec<Flagged>,
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let warnings = flagged
        .iter()
        .map(|number| {
            let text = fill(
                td_string!(l, callbacks.number_warning),
                &[
                    ("ending", &number.phone_ending),
                    ("when", &short_date_time(l, &number.flagged_at)),
                ],
            );
            view! { <WarningText>{text}</WarningText> }
        })
        .collect_view();
    let choices = vec![
        Choice::new("0", td_string!(l, callbacks.check_confirmed_safe)),
        Choice::new("1", td_string!(l, callbacks.check_changed)),
    ];
    let chosen = RwSignal::new(None::<String>);
    let errors = RwSignal::new(FormErrors::default());
    let check = Action::new_local(move |(reference, outcome): &(String, CheckOutcome)| {
        let reference = reference.clone();
        let request = ContactCheck { outcome: *outcome };
        async move { api::contact_check(&reference, &request).await }
    });
    Effect::new(move |_| {
        let result = check.value().get();
        untrack(|| match result {
            Some(Ok(_)) => on_done.run(()),
            Some(Err(error)) => {
                errors.set(FormErrors::from_api(
                    &error,
                    &[("outcome", "number-check-0")],
                ));
            }
            None => {}
        });
    });
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if check.pending().get_untracked() {
            return;
        }
        let outcome = chosen
            .get_untracked()
            .and_then(|index| index.parse::<usize>().ok())
            .and_then(|index| OUTCOMES.get(index).copied());
        match outcome {
            Some(outcome) => {
                check.dispatch((reference.clone(), outcome));
            }
            None => errors.set(FormErrors::field(
                first_id("number-check"),
                t_string!(i18n, callbacks.check_choose),
            )),
        }
    };
    view! {
        {warnings}
        <form novalidate class="app-staff-panel" on:submit=on_submit>
            <ErrorSummary errors=errors />
            <Radios
                name="number-check"
                legend=t_string!(i18n, callbacks.check_legend)
                choices=choices
                selected=chosen
                error=field_message(errors.into(), first_id("number-check"))
            />
            <Button submit=true>{t!(i18n, callbacks.check_submit)}</Button>
        </form>
    }
}
