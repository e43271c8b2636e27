//! What is typed into the callback request form: one signal per question.

use leptos::prelude::*;
use shared::api::callbacks::{CallbackReason, Urgency};

/// One time being chosen.
#[derive(Debug, Clone, Copy)]
pub(super) struct WindowFields {
    pub date: RwSignal<String>,
    pub start: RwSignal<String>,
    pub end: RwSignal<String>,
}

impl WindowFields {
    pub fn empty() -> Self {
        Self {
            date: RwSignal::new(String::new()),
            start: RwSignal::new(String::new()),
            end: RwSignal::new(String::new()),
        }
    }
}

/// Every answer on the form. `None` means "not chosen yet".
#[derive(Debug, Clone, Copy)]
pub(super) struct CallbackFields {
    pub reason: RwSignal<Option<CallbackReason>>,
    pub details: RwSignal<String>,
    pub urgency: RwSignal<Option<Urgency>>,
    /// Always at least one time, so the first can be filled in straight away.
    pub windows: RwSignal<Vec<WindowFields>>,
    /// `Some(false)`: the number on file; `Some(true)`: a different one for this call.
    pub other_number: RwSignal<Option<bool>>,
    pub one_off_phone: RwSignal<String>,
}

impl CallbackFields {
    /// An empty form. Without a number on file, a different number is the only choice.
    pub fn new(has_phone_on_file: bool) -> Self {
        Self {
            reason: RwSignal::new(None),
            details: RwSignal::new(String::new()),
            urgency: RwSignal::new(None),
            windows: RwSignal::new(vec![WindowFields::empty()]),
            other_number: RwSignal::new(if has_phone_on_file { None } else { Some(true) }),
            one_off_phone: RwSignal::new(String::new()),
        }
    }
}
