//! `SummaryList` and `SummaryRow`: the GOV.UK summary list, for facts as label/value pairs.
//!
//! Markup: `<dl class="app-summary-list">` with one `<div class="app-summary-list__row">`
//! per row holding a `<dt>` (the label) and a `<dd>` (the value; may contain links). The
//! `<div>` wrapper is allowed in `<dl>` and lets each row be styled as a unit.

use leptos::prelude::*;

#[component]
pub fn SummaryList(children: Children) -> impl IntoView {
    view! { <dl class="app-summary-list">{children()}</dl> }
}

#[component]
pub fn SummaryRow(label: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="app-summary-list__row">
            <dt class="app-summary-list__key">{label}</dt>
            <dd class="app-summary-list__value">{children()}</dd>
        </div>
    }
}
