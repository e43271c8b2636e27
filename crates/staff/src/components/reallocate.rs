//! `Reallocate` (supervisors): move the case to another officer or team of the unit. Shows
//! who it is allocated to now, then two selects ("Keep as it is" first) and a button.
//!
//! Markup contract: a `<section>` named by its `<h2>`; each select has a `<label>`; a
//! refused save shows the server's sentence under the officer select
//! (`aria-describedby`).

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use shared::api::case_management::{AllocationOptionsView, CaseManagementView, ReallocateRequest};
use ui::components::{described_by, ErrorMessage};

use super::case_stage::save_error;
use crate::api;
use crate::i18n::*;

#[component]
pub fn Reallocate(
    reference: String,
    management: CaseManagementView,
    options: AllocationOptionsView,
    /// Called with the sentence to show after a save.
    on_saved: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let officer = RwSignal::new(String::new());
    let team = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let save = Action::new_local(move |request: &ReallocateRequest| {
        api::reallocate(reference.clone(), request.clone())
    });
    Effect::new(move |_| {
        if let Some(result) = save.value().get() {
            untrack(|| match result {
                Ok(()) => {
                    error.set(None);
                    on_saved.run(t_string!(i18n, case_management.reallocated).to_owned());
                }
                Err(failure) => error.set(Some(save_error(i18n, &failure, "officer_id"))),
            });
        }
    });
    let chosen = |signal: RwSignal<String>| Some(signal.get_untracked()).filter(|v| !v.is_empty());
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        save.dispatch(ReallocateRequest {
            officer_id: chosen(officer),
            team_id: chosen(team),
        });
    };
    let keep = td_string!(locale, case_management.keep);
    let officers = options
        .officers
        .into_iter()
        .map(|o| view! { <option value=o.officer_id>{o.name}</option> })
        .collect_view();
    let teams = options
        .teams
        .into_iter()
        .map(|t| view! { <option value=t.team_id>{t.name}</option> })
        .collect_view();
    let now = td_string!(locale, case_management.allocated_to)
        .replace("{{ officer }}", &management.officer_name);
    let now_team = management.team_name.map(|name| {
        td_string!(locale, case_management.allocated_team).replace("{{ team }}", &name)
    });
    view! {
        <section class="app-section" aria-labelledby="reallocate-heading">
            <h2 id="reallocate-heading" class="app-heading-m">{t!(i18n, case_management.reallocate_heading)}</h2>
            <p class="app-body">{now}{now_team.map(|team| view! { <span class="app-staff-line">{team}</span> })}</p>
            <form novalidate on:submit=on_submit>
                <div class="app-form-group" class:app-form-group--error=move || error.with(Option::is_some)>
                    <label class="app-label" for="reallocate-officer">{t!(i18n, case_management.reallocate_officer)}</label>
                    <ErrorMessage id="reallocate-error".to_owned() message=error />
                    <select
                        id="reallocate-officer"
                        name="officer_id"
                        class="app-select"
                        aria-describedby=move || described_by(&[error.with(Option::is_some).then_some("reallocate-error")])
                        on:change=move |event| officer.set(event_target_value(&event))
                    >
                        <option value="">{keep}</option>
                        {officers}
                    </select>
                </div>
                <div class="app-form-group">
                    <label class="app-label" for="reallocate-team">{t!(i18n, case_management.reallocate_team)}</label>
                    <select
                        id="reallocate-team"
                        name="team_id"
                        class="app-select"
                        on:change=move |event| team.set(event_target_value(&event))
                    >
                        <option value="">{keep}</option>
                        {teams}
                    </select>
                </div>
                <button type="submit" class="app-button">{t!(i18n, case_management.reallocate_button)}</button>
            </form>
        </section>
    }
}
