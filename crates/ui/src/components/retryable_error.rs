//! `RetryableError`: something could not load; say so in plain words and offer a way on.
//!
//! Markup: the message is `role="alert"` so it is announced when it replaces the loading
//! message; then a "Try again" `<button>` that calls `on_retry`.

use leptos::prelude::*;

use crate::components::{Button, ButtonVariant};
use crate::i18n::*;

#[component]
pub fn RetryableError(message: &'static str, on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="app-retryable-error">
            <p class="app-retryable-error__message" role="alert">{message}</p>
            <Button variant=ButtonVariant::Secondary on:click=move |_| on_retry.run(())>
                {t!(i18n, ui.try_again)}
            </Button>
        </div>
    }
}
