//! `CaseFilters`: the "My cases" filter panel: stage (a select), enhanced rights (radios:
//! any, yes, no), and two checkboxes (open callback requests, a message not delivered),
//! sent with "Apply filters"; "Clear filters" is a link back to the unfiltered list.
//!
//! Markup contract: a `<form>` with an `<h2>` naming it (`aria-labelledby`); each group
//! of radios is a `<fieldset>` with a `<legend>`; every control has a `<label>`; targets
//! are 44 px (`app-choice`). Applying the filters changes the page's address (so the
//! browser's Back button undoes it) and keeps the scope and the order.

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use leptos_router::components::A;
use shared::api::case_management::StageChoice;

use crate::i18n::*;

/// The filters as they are in the address.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub stage: String,
    /// "", "yes" or "no".
    pub enhanced_rights: String,
    pub open_callbacks: bool,
    pub undelivered: bool,
}

impl Filters {
    /// `key=value` pairs for the address, leaving out what is not set.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if !self.stage.is_empty() {
            pairs.push(("stage", self.stage.clone()));
        }
        if !self.enhanced_rights.is_empty() {
            pairs.push(("enhanced_rights", self.enhanced_rights.clone()));
        }
        if self.open_callbacks {
            pairs.push(("open_callbacks", "yes".to_owned()));
        }
        if self.undelivered {
            pairs.push(("undelivered", "yes".to_owned()));
        }
        pairs
    }
}

#[component]
pub fn CaseFilters(
    current: Filters,
    stages: Vec<StageChoice>,
    /// The unfiltered list's address (scope and order kept).
    clear_href: String,
    on_apply: Callback<Filters>,
) -> impl IntoView {
    let i18n = use_i18n();
    let stage = RwSignal::new(current.stage.clone());
    let enhanced = RwSignal::new(current.enhanced_rights.clone());
    let callbacks = RwSignal::new(current.open_callbacks);
    let undelivered = RwSignal::new(current.undelivered);
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        on_apply.run(Filters {
            stage: stage.get_untracked(),
            enhanced_rights: enhanced.get_untracked(),
            open_callbacks: callbacks.get_untracked(),
            undelivered: undelivered.get_untracked(),
        });
    };
    let selected = current.stage.clone();
    let options = stages
        .into_iter()
        .map(|choice| {
            let is = choice.code == selected;
            view! { <option value=choice.code selected=is>{choice.title}</option> }
        })
        .collect_view();
    let radio = move |value: &'static str, label: &'static str| {
        let id = format!(
            "filter-enhanced-{}",
            if value.is_empty() { "any" } else { value }
        );
        view! {
            <div class="app-choice">
                <input
                    class="app-choice__input"
                    type="radio"
                    id=id.clone()
                    name="enhanced_rights"
                    value=value
                    prop:checked=move || enhanced.get() == value
                    on:change=move |_| enhanced.set(value.to_owned())
                />
                <label class="app-choice__label" for=id>{label}</label>
            </div>
        }
    };
    let checkbox = move |id: &'static str, signal: RwSignal<bool>, label: &'static str| {
        view! {
            <div class="app-choice">
                <input
                    class="app-choice__input"
                    type="checkbox"
                    id=id
                    name=id
                    prop:checked=move || signal.get()
                    on:change=move |event| signal.set(event_target_checked(&event))
                />
                <label class="app-choice__label" for=id>{label}</label>
            </div>
        }
    };
    view! {
        <form class="app-staff-filters" novalidate aria-labelledby="filters-heading" on:submit=on_submit>
            <h2 id="filters-heading" class="app-heading-m">{t!(i18n, cases.filters_heading)}</h2>
            <div class="app-form-group">
                <label class="app-label" for="filter-stage">{t!(i18n, cases.filter_stage)}</label>
                <select
                    id="filter-stage"
                    name="stage"
                    class="app-select"
                    on:change=move |event| stage.set(event_target_value(&event))
                >
                    <option value="" selected=selected.is_empty()>{t!(i18n, cases.filter_any_stage)}</option>
                    {options}
                </select>
            </div>
            <div class="app-form-group">
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">{t!(i18n, cases.filter_enhanced)}</legend>
                    {radio("", t_string!(i18n, cases.filter_any))}
                    {radio("yes", t_string!(i18n, cases.yes))}
                    {radio("no", t_string!(i18n, cases.no))}
                </fieldset>
            </div>
            <div class="app-form-group">
                {checkbox("filter-open-callbacks", callbacks, t_string!(i18n, cases.filter_open_callbacks))}
                {checkbox("filter-undelivered", undelivered, t_string!(i18n, cases.filter_undelivered))}
            </div>
            <div class="app-button-group">
                <button type="submit" class="app-button">{t!(i18n, cases.apply_filters)}</button>
                <A href=clear_href attr:class="app-staff-link-button">{t!(i18n, cases.clear_filters)}</A>
            </div>
        </form>
    }
}
