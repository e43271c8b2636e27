//! What the app remembers while it runs. Memory only: nothing here is written to the device
//! (no local storage, no URL), so a shared phone does not keep a crime reference.

use leptos::prelude::*;
use shared::api::supporters::{HelpingView, SupporterPermission};
use shared::api::{SessionView, DEFAULT_EXIT_URL};
use shared::CrimeReference;

use crate::api;

/// A sign-in waiting for its code: set on `/sign-in`, read on `/sign-in/code`.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingSignIn {
    pub crime_reference: CrimeReference,
    /// How long the code we (may have) sent lasts.
    pub expires_in_minutes: u32,
}

/// App-wide state, provided once by `App` as context. Every field is a `Copy` signal.
#[derive(Debug, Clone, Copy)]
pub struct AppState {
    pub pending_sign_in: RwSignal<Option<PendingSignIn>>,
    /// `Some` while we know there is a session (shows "Sign out").
    pub session: RwSignal<Option<SessionView>>,
    /// Set when a page found the session gone; `/sign-in` explains it once.
    pub signed_out_notice: RwSignal<bool>,
    /// Set when "Sign out" could not reach the server, so the session may still be live.
    pub sign_out_failed: RwSignal<bool>,
    /// The name of someone just invited, for `/people` to confirm once.
    pub invited_name: RwSignal<Option<String>>,
    /// Where "Exit this page" goes: the server's `--exit-url`, or the default until (or
    /// unless) `GET /api/config` answers.
    pub exit_url: RwSignal<String>,
}

impl AppState {
    /// Creates the state, provides it as context, asks the server once for the app's
    /// settings, and once whether this browser already has a session (so "Sign out" shows
    /// after a reload).
    pub fn provide() -> Self {
        let state = Self {
            pending_sign_in: RwSignal::new(None),
            session: RwSignal::new(None),
            signed_out_notice: RwSignal::new(false),
            sign_out_failed: RwSignal::new(false),
            invited_name: RwSignal::new(None),
            exit_url: RwSignal::new(DEFAULT_EXIT_URL.to_owned()),
        };
        provide_context(state);
        leptos::task::spawn_local(async move {
            // On failure the default stays: the button must always go somewhere neutral.
            if let Ok(config) = api::get_config().await {
                state.exit_url.set(config.exit_url);
            }
        });
        leptos::task::spawn_local(async move {
            if let Ok(session) = api::get_session().await {
                state.session.set(Some(session));
            }
        });
        state
    }

    /// The signed-in person's crime reference, read without tracking (for the API calls
    /// that actions and resources make). `None` when no session is known.
    pub fn crime_reference_untracked(&self) -> Option<String> {
        self.session
            .with_untracked(|session| session.as_ref().map(|s| s.crime_reference.clone()))
    }

    /// For a supporter: whom they help and what they may do. `None` for a victim or when
    /// nobody is signed in.
    pub fn helping(&self) -> Option<HelpingView> {
        self.session
            .with(|session| session.as_ref().and_then(|s| s.helping.clone()))
    }

    /// Whether the signed-in person may use a page that needs `permission`: a victim may
    /// use every page, a supporter only what was granted (the server refuses the rest).
    pub fn may(&self, permission: SupporterPermission) -> bool {
        self.helping()
            .is_none_or(|helping| helping.permissions.contains(&permission))
    }

    /// Forget everything about the signed-in person (after sign-out or a 401).
    pub fn forget_session(&self) {
        self.session.set(None);
        self.pending_sign_in.set(None);
    }
}

/// The app's state; panics outside `App`, which is a bug, not a runtime condition.
pub fn use_app_state() -> AppState {
    expect_context()
}
