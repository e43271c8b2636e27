//! `Button`: a real `<button>` (never a styled div), so it is focusable, works with Enter
//! and Space, and is announced as a button.
//!
//! Markup: `<button type="submit|button" class="app-button [app-button--secondary]">`.
//! Listeners are spread onto it by the caller: `<Button on:click=…>`. The visible text is
//! the accessible name, so it must say what happens ("Sign in", "Try again").

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ButtonVariant {
    /// The one main action on a page (green).
    #[default]
    Primary,
    /// Other actions ("Send a new code", "Refresh").
    Secondary,
    /// An action that takes something away at once ("Remove Jo"): red, with words that
    /// say what it does.
    Warning,
}

#[component]
pub fn Button(
    children: Children,
    #[prop(optional)] variant: ButtonVariant,
    /// Submits its form (`type="submit"`); otherwise `type="button"`.
    #[prop(optional)]
    submit: bool,
) -> impl IntoView {
    let class = match variant {
        ButtonVariant::Primary => "app-button",
        ButtonVariant::Secondary => "app-button app-button--secondary",
        ButtonVariant::Warning => "app-button app-button--warning",
    };
    view! {
        <button type=if submit { "submit" } else { "button" } class=class>
            {children()}
        </button>
    }
}
