//! `LoadingStatus`: a visible, announced "Loading…" message.
//!
//! Markup: a `role="status"` (polite live region) element that is always in the page; the
//! message and spinner are put inside it only while `loading` is true. Keeping the region
//! in the DOM before its text changes is what makes screen readers announce the change.
//! The spinner is decorative (`aria-hidden`) and stops under `prefers-reduced-motion`.

use leptos::prelude::*;

#[component]
pub fn LoadingStatus(message: &'static str, #[prop(into)] loading: Signal<bool>) -> impl IntoView {
    view! {
        <div class="app-loading" role="status">
            <Show when=move || loading.get()>
                <p class="app-loading__message">
                    <span class="app-loading__spinner" aria-hidden="true"></span>
                    {message}
                </p>
            </Show>
        </div>
    }
}
