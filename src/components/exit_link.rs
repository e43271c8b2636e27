//! `ExitLink`: "Exit this page", for someone who needs to hide the portal quickly (after
//! the GOV.UK "Exit this page" component).
//!
//! Markup contract:
//! - A slim bar (`app-exit-bar`), sticky at the top of every page, holding a link (it goes
//!   somewhere) styled as a warning button, with a visually hidden "Emergency" before the
//!   text so screen readers announce "Emergency Exit this page". `rel="noreferrer"` so the
//!   neutral site is not told where the visitor came from. The static shell in `index.html`
//!   has the same plain link, which works before the wasm loads and without JavaScript.
//! - `html` has `scroll-padding-top` equal to the bar's height, so the bar never covers the
//!   focused element (WCAG 2.2 2.4.11).
//! - Pressing Shift three times within 5 seconds also exits. Only Shift pressed on its own
//!   counts: any other key (as when typing capital letters) starts the count again. Progress
//!   shows as three dots on the button (`aria-hidden`, decoration) and is announced by a
//!   visually hidden `aria-live="polite"` message outside the link, so the link's name stays
//!   "Emergency Exit this page".
//! - Exiting blanks the page at once (a white overlay; the app is hidden), ends the session
//!   with a fire-and-forget `sendBeacon`, and replaces this page in history, so Back does not
//!   return to it. If the browser restores the page from its back/forward cache, `pageshow`
//!   takes the overlay away again.

use std::time::Duration;

use leptos::ev::{self, MouseEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::*;
use crate::state::use_app_state;

const PRESSES_TO_EXIT: u8 = 3;
/// How long the Shift presses have to happen in, counted from the first.
const PRESS_WINDOW: Duration = Duration::from_secs(5);
const OVERLAY_ID: &str = "app-exit-overlay";
/// On `<body>` while exiting: hides everything but the overlay.
const EXITING_CLASS: &str = "app-is-exiting";

#[component]
pub fn ExitLink() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let presses = RwSignal::new(0u8);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let exited = StoredValue::new(false);

    let stop_timer = move || timer.update_value(|t| t.take().into_iter().for_each(|h| h.clear()));
    let reset = move || {
        stop_timer();
        presses.set(0);
    };
    let exit = move || {
        stop_timer();
        exited.set_value(true);
        exit_now(&state.exit_url.get_untracked());
    };

    let keydown = window_event_listener(ev::keydown, move |event| {
        if event.key() != "Shift" {
            // Typing: Shift was part of a capital letter or a shortcut, not a signal.
            if presses.get_untracked() > 0 {
                reset();
            }
            return;
        }
        if event.repeat() {
            return;
        }
        let count = presses.get_untracked() + 1;
        presses.set(count);
        if count >= PRESSES_TO_EXIT {
            exit();
        } else if count == 1 {
            let handle = set_timeout_with_handle(reset, PRESS_WINDOW).ok();
            timer.set_value(handle);
        }
    });
    let pageshow = window_event_listener_untyped("pageshow", move |event| {
        let restored = event
            .dyn_into::<web_sys::PageTransitionEvent>()
            .is_ok_and(|event| event.persisted());
        if restored {
            unblank();
            reset();
            if exited.get_value() {
                // The sign-out beacon went on the way out.
                exited.set_value(false);
                state.forget_session();
            }
        }
    });
    on_cleanup(move || {
        keydown.remove();
        pageshow.remove();
    });

    view! {
        <div class="app-exit-bar">
            <div class="app-width-container app-exit-bar__container">
                <a
                    class="app-exit-link"
                    href=move || state.exit_url.get()
                    rel="noreferrer"
                    on:click=move |event: MouseEvent| {
                        event.prevent_default();
                        exit();
                    }
                >
                    <span class="app-visually-hidden">{t!(i18n, common.exit_hidden_prefix)}</span>
                    {t!(i18n, common.exit_link)}
                    <span
                        class="app-exit-link__indicator"
                        class=("app-exit-link__indicator--active", move || presses.get() > 0)
                        aria-hidden="true"
                    >
                        {(1..=PRESSES_TO_EXIT)
                            .map(|dot| {
                                view! {
                                    <span
                                        class="app-exit-link__dot"
                                        class=("app-exit-link__dot--on", move || presses.get() >= dot)
                                    ></span>
                                }
                            })
                            .collect_view()}
                    </span>
                </a>
                <span class="app-visually-hidden" aria-live="polite">
                    {move || progress_message(i18n, presses.get())}
                </span>
            </div>
        </div>
    }
}

/// What the live region says after `presses` Shift presses (of `PRESSES_TO_EXIT`, 3).
fn progress_message(i18n: I18n, presses: u8) -> String {
    match presses {
        0 => String::new(),
        1 => t_string!(i18n, safety.shift_pressed_once).to_string(),
        2 => t_string!(i18n, safety.shift_pressed_twice).to_string(),
        _ => t_string!(i18n, safety.exiting).to_string(),
    }
}

/// Makes every move between the portal's pages replace the current history entry instead
/// of adding one, so the whole visit is a single entry: when "Exit this page" replaces it
/// with the neutral site, Back cannot reach any portal page (the case, the code page…).
/// The cost: the browser's Back button leaves the portal rather than going to the previous
/// portal page; every page links onwards and back itself (the case navigation, "Back").
pub fn keep_one_history_entry() {
    let history = window().history();
    let Ok(history) = history else { return };
    if let Ok(replace_state) = js_sys::Reflect::get(&history, &"replaceState".into()) {
        // The router calls `history.pushState`; pointing it at `replaceState` covers every
        // link and `navigate` call without touching each one.
        _ = js_sys::Reflect::set(&history, &"pushState".into(), &replace_state);
    }
}

/// Blanks the page at once, ends the session without waiting for the answer, and replaces
/// this page in history with `url`.
fn exit_now(url: &str) {
    let document = document();
    if let Some(body) = document.body() {
        if document.get_element_by_id(OVERLAY_ID).is_none() {
            if let Ok(overlay) = document.create_element("div") {
                overlay.set_id(OVERLAY_ID);
                overlay.set_class_name("app-exit-overlay");
                let _ = body.append_child(&overlay);
            }
        }
        let _ = body.class_list().add_1(EXITING_CLASS);
    }
    let window = window();
    // sendBeacon outlives the page; its empty POST is all /api/sign-out needs.
    let _ = window.navigator().send_beacon("/api/sign-out");
    let _ = window.location().replace(url);
}

/// Undoes `exit_now`'s blanking (for a page restored from the back/forward cache).
fn unblank() {
    let document = document();
    if let Some(overlay) = document.get_element_by_id(OVERLAY_ID) {
        overlay.remove();
    }
    if let Some(body) = document.body() {
        let _ = body.class_list().remove_1(EXITING_CLASS);
    }
}
