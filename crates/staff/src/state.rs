//! What the staff app remembers while it runs (memory only, nothing on the device).

use leptos::prelude::*;
use shared::api::staff::StaffSessionView;

/// Why the sign-in page is showing after a session ended: it says so once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignedOutReason {
    /// The officer chose "Sign out".
    SignedOut,
    /// The officer chose "Sign out everywhere": every session of the account has ended.
    SignedOutEverywhere,
    /// A call answered 401: idle for 15 minutes, or the session ended elsewhere.
    TimedOut,
}

/// App-wide state, provided once by `App` as context. Every field is a `Copy` signal.
#[derive(Debug, Clone, Copy)]
pub struct StaffState {
    /// `Some` while we know there is a session (the header shows the name and "Sign out").
    pub session: RwSignal<Option<StaffSessionView>>,
    pub signed_out: RwSignal<Option<SignedOutReason>>,
}

impl StaffState {
    pub fn provide() -> Self {
        let state = Self {
            session: RwSignal::new(None),
            signed_out: RwSignal::new(None),
        };
        provide_context(state);
        state
    }
}

/// The app's state; panics outside `App`, which is a bug, not a runtime condition.
pub fn use_staff_state() -> StaffState {
    expect_context()
}
