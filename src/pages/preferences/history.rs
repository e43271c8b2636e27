//! Who last changed the preferences and when, and "Previous versions" (the saved history).

use leptos::prelude::*;
use shared::api::preferences::{ChangedBy, PreferencesView};

use crate::api;
use crate::format::short_date_time;
use crate::state::use_app_state;

/// Who saved a version, as the victim reads it ("by your officer").
fn changed_by_words(changed_by: ChangedBy) -> &'static str {
    match changed_by {
        ChangedBy::Victim => "you",
        ChangedBy::Supporter => "your supporter",
        ChangedBy::Officer => "your officer",
    }
}

#[component]
pub(super) fn LastChanged(view: PreferencesView) -> impl IntoView {
    let by = changed_by_words(view.changed_by);
    view! {
        <p class="app-body">
            {format!("Last changed {} by {by}.", short_date_time(&view.changed_at))}
        </p>
    }
}

/// "Previous versions": a `<details>` (keyboard and screen reader support built in) with
/// each saved version's date, who saved it and what it said. Reloads after each save.
#[component]
pub(super) fn PreviousVersions(version: Signal<Option<u32>>) -> impl IntoView {
    let state = use_app_state();
    let history = LocalResource::new(move || {
        version.track();
        let reference = state.crime_reference_untracked();
        async move { api::get_preferences_history(&reference?).await.ok() }
    });
    view! {
        {move || {
            let versions = history.get().flatten()?.versions;
            (versions.len() > 1).then(|| view! {
                <details class="app-details">
                    <summary class="app-details__summary">"Previous versions"</summary>
                    <div class="app-details__text">
                        {versions
                            .into_iter()
                            .skip(1)
                            .map(|version| {
                                let by = changed_by_words(version.changed_by);
                                view! {
                                    <h3 class="app-heading-s">
                                        {format!("Version {}: {} by {by}", version.version, short_date_time(&version.changed_at))}
                                    </h3>
                                    <ul class="app-list app-list--bullet">
                                        {version.summary.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                                    </ul>
                                }
                            })
                            .collect_view()}
                    </div>
                </details>
            })
        }}
    }
}
