//! `Tag`: a short status label ("Requested", "Free", "24 hours"). The words carry the
//! meaning; the colour only repeats it. `<strong>` so it is read as part of the text.

use leptos::prelude::*;

#[component]
pub fn Tag(#[prop(into)] text: String, #[prop(optional)] grey: bool) -> impl IntoView {
    view! { <strong class="app-tag" class:app-tag--grey=grey>{text}</strong> }
}
