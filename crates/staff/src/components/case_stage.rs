//! `CaseStage`: "Change stage" on the case page: a select of the catalogue's stages (the
//! current one chosen) and a button. After a save it hands the sentence to say to
//! `on_saved`, which reloads the case and shows it in a success banner.
//!
//! Markup contract: a `<section>` named by its `<h2>`; the select has a `<label>`; a
//! refused save shows the server's sentence as the field's error (`aria-describedby`).

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use shared::api::case_management::{CaseManagementView, ChangeStageRequest};
use ui::components::{described_by, ErrorMessage};

use crate::api::{self, ApiError};
use crate::i18n::*;

/// The first message for `field` of a 422, or the general "could not save".
pub fn save_error(i18n: I18n, error: &ApiError, field: &str) -> String {
    match error {
        ApiError::Validation(fields) => fields
            .get(field)
            .or_else(|| fields.values().next())
            .and_then(|messages| messages.first())
            .cloned()
            .unwrap_or_else(|| t_string!(i18n, case_management.save_failed).to_owned()),
        _ => t_string!(i18n, case_management.save_failed).to_owned(),
    }
}

#[component]
pub fn CaseStage(
    reference: String,
    management: CaseManagementView,
    /// Called with the sentence to show after a save.
    on_saved: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let stage = RwSignal::new(management.stage.clone());
    let error = RwSignal::new(None::<String>);
    let save = Action::new_local(move |request: &ChangeStageRequest| {
        api::change_stage(reference.clone(), request.clone())
    });
    Effect::new(move |_| {
        if let Some(result) = save.value().get() {
            untrack(|| match result {
                Ok(()) => {
                    error.set(None);
                    on_saved.run(t_string!(i18n, case_management.stage_changed).to_owned());
                }
                Err(failure) => error.set(Some(save_error(i18n, &failure, "stage"))),
            });
        }
    });
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        save.dispatch(ChangeStageRequest {
            stage: stage.get_untracked(),
        });
    };
    let current = management.stage.clone();
    let options = management
        .stages
        .into_iter()
        .map(|choice| {
            let selected = choice.code == current;
            view! { <option value=choice.code selected=selected>{choice.title}</option> }
        })
        .collect_view();
    view! {
        <section class="app-section" aria-labelledby="case-stage-heading">
            <h2 id="case-stage-heading" class="app-heading-m">{t!(i18n, case_management.stage_heading)}</h2>
            <form novalidate on:submit=on_submit>
                <div class="app-form-group" class:app-form-group--error=move || error.with(Option::is_some)>
                    <label class="app-label" for="case-stage">{t!(i18n, case_management.stage_label)}</label>
                    <ErrorMessage id="case-stage-error".to_owned() message=error />
                    <select
                        id="case-stage"
                        name="stage"
                        class="app-select"
                        aria-describedby=move || described_by(&[error.with(Option::is_some).then_some("case-stage-error")])
                        on:change=move |event| stage.set(event_target_value(&event))
                    >
                        {options}
                    </select>
                </div>
                <button type="submit" class="app-button">{t!(i18n, case_management.stage_button)}</button>
            </form>
        </section>
    }
}
