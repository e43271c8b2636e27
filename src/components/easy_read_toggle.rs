//! `EasyReadToggle`: switches the rights pages between standard and easy-read text.
//!
//! Markup contract: one toggle `<button aria-pressed="true|false">` whose name stays
//! "Easy read" (screen readers announce "Easy read, toggle button, pressed"); the visible
//! text also says which mode is on, so the state is not shown by styling alone.
//!
//! The choice is a display setting, not personal data, so it is remembered on the device
//! (local storage key `safe-updates:easy-read`), like a text-size setting.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

use crate::i18n::*;

pub const EASY_READ_KEY: &str = "safe-updates:easy-read";

/// The remembered setting as a signal; every change is written back to the device.
pub fn easy_read_setting() -> RwSignal<bool> {
    let easy_read = RwSignal::new(LocalStorage::get::<bool>(EASY_READ_KEY).unwrap_or(false));
    Effect::new(move |_| {
        // Storage may be blocked (private mode); the toggle still works for this visit.
        _ = LocalStorage::set(EASY_READ_KEY, easy_read.get());
    });
    easy_read
}

#[component]
pub fn EasyReadToggle(easy_read: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="app-easy-read">
            <p class="app-body app-easy-read__status" id="easy-read-status">
                {move || {
                    if easy_read.get() {
                        t_string!(i18n, common.easy_read_on)
                    } else {
                        t_string!(i18n, common.easy_read_off)
                    }
                }}
            </p>
            <button
                type="button"
                class="app-button app-button--secondary"
                aria-pressed=move || if easy_read.get() { "true" } else { "false" }
                aria-describedby="easy-read-status"
                on:click=move |_| easy_read.update(|on| *on = !*on)
            >
                <span aria-hidden="true">{move || if easy_read.get() { "✓ " } else { "" }}</span>
                {t!(i18n, common.easy_read_button)}
            </button>
        </div>
    }
}
