//! Who last changed the preferences and when, and "Previous versions" (the saved history).

use leptos::prelude::*;
use shared::api::preferences::{ChangedBy, PreferencesVersion, PreferencesView};

use crate::api;
use crate::format::short_date_time_in;
use crate::i18n::*;
use crate::state::use_app_state;

/// "Last changed 3 Nov 2025, 2:05pm by your officer.": one whole sentence per person who
/// can save, because the Welsh words around the date differ.
fn last_changed_sentence(i18n: I18n, view: &PreferencesView) -> AnyView {
    let when = short_date_time_in(i18n.get_locale_untracked(), &view.changed_at);
    let when = move || when.clone();
    match view.changed_by {
        ChangedBy::Victim => t!(i18n, preferences.last_changed_by_you, when).into_any(),
        ChangedBy::Supporter => t!(i18n, preferences.last_changed_by_supporter, when).into_any(),
        ChangedBy::Officer => t!(i18n, preferences.last_changed_by_officer, when).into_any(),
    }
}

/// A previous version's heading: "Version 2: 3 Nov 2025, 2:05pm by you".
fn version_heading(i18n: I18n, version: &PreferencesVersion) -> AnyView {
    let number = version.version;
    let number = move || number;
    let when = short_date_time_in(i18n.get_locale_untracked(), &version.changed_at);
    let when = move || when.clone();
    match version.changed_by {
        ChangedBy::Victim => t!(i18n, preferences.version_by_you, number, when).into_any(),
        ChangedBy::Supporter => t!(i18n, preferences.version_by_supporter, number, when).into_any(),
        ChangedBy::Officer => t!(i18n, preferences.version_by_officer, number, when).into_any(),
    }
}

#[component]
pub(super) fn LastChanged(view: PreferencesView) -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="app-body">{last_changed_sentence(i18n, &view)}</p> }
}

/// One previous version: its heading and what it said.
fn previous_version(i18n: I18n, version: PreferencesVersion) -> impl IntoView {
    view! {
        <h3 class="app-heading-s">{version_heading(i18n, &version)}</h3>
        {(!version.changes.is_empty()).then(|| view! {
            <p class="app-body">
                <strong>{t!(i18n, preferences.version_changes)}": "</strong>
                {version.changes.join(", ")}
            </p>
        })}
        <ul class="app-list app-list--bullet">
            {version.summary.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
        </ul>
    }
}

/// "Previous versions": a `<details>` (keyboard and screen reader support built in) with
/// each saved version's date, who saved it and what it said. The server sends the history
/// a page at a time, newest first; "Show older versions" adds the next page below. Starts
/// again from the newest page after each save.
#[component]
pub(super) fn PreviousVersions(version: Signal<Option<u32>>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let history = LocalResource::new(move || {
        version.track();
        let reference = state.crime_reference_untracked();
        async move { api::get_preferences_history(&reference?, None).await.ok() }
    });
    // Pages after the first, and where the next one starts (`None` until one is loaded).
    let older = RwSignal::new(Vec::<PreferencesVersion>::new());
    let older_next = RwSignal::new(None::<Option<u32>>);
    Effect::new(move |_| {
        version.track();
        older.set(Vec::new());
        older_next.set(None);
    });
    let load_older = Action::new_local(move |before: &u32| {
        let (before, reference) = (*before, state.crime_reference_untracked());
        async move {
            api::get_preferences_history(&reference?, Some(before))
                .await
                .ok()
        }
    });
    Effect::new(move |_| {
        if let Some(Some(page)) = load_older.value().get() {
            older.update(|versions| versions.extend(page.versions));
            older_next.set(Some(page.next_before));
        }
    });
    view! {
        {move || {
            let first = history.get().flatten()?;
            let next = older_next.get().unwrap_or(first.next_before);
            let versions: Vec<PreferencesVersion> =
                first.versions.into_iter().chain(older.get()).skip(1).collect();
            (!versions.is_empty()).then(|| view! {
                <details class="app-details">
                    <summary class="app-details__summary">{t!(i18n, preferences.previous_versions)}</summary>
                    <div class="app-details__text">
                        {versions.into_iter().map(|v| previous_version(i18n, v)).collect_view()}
                        {next.map(|before| view! {
                            <button
                                type="button"
                                class="app-button app-button--secondary"
                                disabled=move || load_older.pending().get()
                                on:click=move |_| { load_older.dispatch(before); }
                            >
                                {t!(i18n, preferences.show_older_versions)}
                            </button>
                        })}
                    </div>
                </details>
            })
        }}
    }
}
