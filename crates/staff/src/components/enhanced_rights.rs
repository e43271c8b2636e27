//! `EnhancedRights`: set or clear enhanced rights with a reason (required, recorded with
//! the officer's name), and the case's recorded changes beneath as a small table. Says
//! plainly that deadlines of events already recorded do not change.
//!
//! Markup contract: a `<section>` named by its `<h2>`; yes/no radios in a `<fieldset>`
//! with a `<legend>`; the reason is a `<textarea>` with a `<label>`, a hint and an error,
//! both in its `aria-describedby`.

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use shared::api::case_management::{
    CaseChangeKind, CaseChangeView, CaseManagementView, EnhancedRightsRequest,
};
use ui::components::{described_by, ErrorMessage};

use super::case_stage::save_error;
use crate::api;
use crate::format::short_date_time;
use crate::i18n::*;

#[component]
pub fn EnhancedRights(
    reference: String,
    management: CaseManagementView,
    /// Called with the sentence to show after a save.
    on_saved: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let wanted = RwSignal::new(!management.enhanced_rights);
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let save = Action::new_local(move |request: &EnhancedRightsRequest| {
        api::set_enhanced_rights(reference.clone(), request.clone())
    });
    Effect::new(move |_| {
        if let Some(result) = save.value().get() {
            untrack(|| match result {
                Ok(()) => {
                    error.set(None);
                    reason.set(String::new());
                    on_saved.run(t_string!(i18n, case_management.rights_changed).to_owned());
                }
                Err(failure) => error.set(Some(save_error(i18n, &failure, "reason"))),
            });
        }
    });
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        save.dispatch(EnhancedRightsRequest {
            enhanced_rights: wanted.get_untracked(),
            reason: reason.get_untracked(),
        });
    };
    let current = if management.enhanced_rights {
        td_string!(locale, case_management.rights_current_yes)
    } else {
        td_string!(locale, case_management.rights_current_no)
    };
    let radio = move |value: bool, id: &'static str, label: &'static str| {
        view! {
            <div class="app-choice">
                <input
                    class="app-choice__input"
                    type="radio"
                    id=id
                    name="enhanced_rights"
                    prop:checked=move || wanted.get() == value
                    on:change=move |_| wanted.set(value)
                />
                <label class="app-choice__label" for=id>{label}</label>
            </div>
        }
    };
    let described = move || {
        described_by(&[
            Some("rights-reason-hint"),
            error.with(Option::is_some).then_some("rights-reason-error"),
        ])
    };
    view! {
        <section class="app-section" aria-labelledby="rights-heading">
            <h2 id="rights-heading" class="app-heading-m">{t!(i18n, case_management.rights_heading)}</h2>
            <p class="app-body">{current}</p>
            <p class="app-body">{t!(i18n, case_management.rights_note)}</p>
            <form novalidate on:submit=on_submit>
                <div class="app-form-group">
                    <fieldset class="app-fieldset">
                        <legend class="app-fieldset__legend">{t!(i18n, case_management.rights_legend)}</legend>
                        {radio(true, "rights-yes", td_string!(locale, case_management.rights_yes))}
                        {radio(false, "rights-no", td_string!(locale, case_management.rights_no))}
                    </fieldset>
                </div>
                <div class="app-form-group" class:app-form-group--error=move || error.with(Option::is_some)>
                    <label class="app-label" for="rights-reason">{t!(i18n, case_management.rights_reason)}</label>
                    <div id="rights-reason-hint" class="app-hint">{t!(i18n, case_management.rights_reason_hint)}</div>
                    <ErrorMessage id="rights-reason-error".to_owned() message=error />
                    <textarea
                        id="rights-reason"
                        name="reason"
                        class="app-textarea"
                        rows="3"
                        aria-describedby=described
                        prop:value=move || reason.get()
                        on:input=move |event| reason.set(event_target_value(&event))
                    ></textarea>
                </div>
                <button type="submit" class="app-button">{t!(i18n, case_management.rights_button)}</button>
            </form>
            <ChangeHistory changes=management.changes />
        </section>
    }
}

/// The case's recorded changes, newest first; nothing when there are none.
#[component]
fn ChangeHistory(changes: Vec<CaseChangeView>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    (!changes.is_empty()).then(|| {
        let none = td_string!(locale, case_management.none);
        let rows = changes
            .into_iter()
            .map(|change| {
                let what = match change.what {
                    CaseChangeKind::Stage => td_string!(locale, case_management.what_stage),
                    CaseChangeKind::EnhancedRights => {
                        td_string!(locale, case_management.what_enhanced_rights)
                    }
                    CaseChangeKind::Officer => td_string!(locale, case_management.what_officer),
                    CaseChangeKind::Team => td_string!(locale, case_management.what_team),
                };
                let from_to = td_string!(locale, case_management.from_to)
                    .replace("{{ from }}", change.from.as_deref().unwrap_or(none))
                    .replace("{{ to }}", change.to.as_deref().unwrap_or(none));
                view! {
                    <tr>
                        <td class="app-table__cell">{short_date_time(locale, &change.at)}</td>
                        <td class="app-table__cell">{change.by}</td>
                        <td class="app-table__cell">{format!("{what}: {from_to}")}</td>
                        <td class="app-table__cell app-table__cell--wrap">{change.reason.unwrap_or_default()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <h3 id="changes-heading" class="app-heading-s">{t!(i18n, case_management.history_heading)}</h3>
            <div class="app-table-container" role="region" tabindex="0" aria-labelledby="changes-heading">
                <table class="app-table" aria-labelledby="changes-heading">
                    <thead>
                        <tr>
                            <th scope="col" class="app-table__header">{t!(i18n, case_management.history_when)}</th>
                            <th scope="col" class="app-table__header">{t!(i18n, case_management.history_who)}</th>
                            <th scope="col" class="app-table__header">{t!(i18n, case_management.history_what)}</th>
                            <th scope="col" class="app-table__header">{t!(i18n, case_management.history_reason)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    })
}
