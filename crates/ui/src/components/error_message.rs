//! `ErrorMessage`: a field's inline error, under its label and hint (GOV.UK pattern).
//!
//! Markup contract: while `message` is `Some`, `<p id=id class="app-error-message">` with a
//! visually hidden "Error: " prefix, so a screen reader announces it as an error when the
//! field's `aria-describedby` (which names `id`) is read. Nothing is rendered otherwise.

use leptos::prelude::*;

#[component]
pub fn ErrorMessage(id: String, #[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message.get().map(|message| {
            view! {
                <p id=id.clone() class="app-error-message">
                    <span class="app-visually-hidden">"Error: "</span>
                    {message}
                </p>
            }
        })
    }
}

/// A field's `aria-describedby`: the ids of what describes it right now (hint, error,
/// character count), space-separated, or `None` when nothing does.
pub fn described_by(ids: &[Option<&str>]) -> Option<String> {
    let ids: Vec<&str> = ids.iter().flatten().copied().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}
