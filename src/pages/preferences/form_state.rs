//! What is typed into the preferences form: one signal per question, filled from the saved
//! version (or empty), plus the list helper the checkbox groups share.

use leptos::prelude::*;
use shared::api::preferences::{
    CommunicationNeed, ContactMethod, ContactPreferences, LanguageChoice, SafeTimeWindow,
    UpdateFrequency,
};
use shared::DayOfWeek;

/// One safe-time window being edited.
#[derive(Debug, Clone, Copy)]
pub(super) struct WindowFields {
    pub days: RwSignal<Vec<DayOfWeek>>,
    pub start: RwSignal<String>,
    pub end: RwSignal<String>,
}

impl WindowFields {
    pub fn new(window: Option<&SafeTimeWindow>) -> Self {
        Self {
            days: RwSignal::new(window.map(|w| w.days.clone()).unwrap_or_default()),
            start: RwSignal::new(window.map(|w| w.start.clone()).unwrap_or_default()),
            end: RwSignal::new(window.map(|w| w.end.clone()).unwrap_or_default()),
        }
    }
}

/// Every answer on the form. `None` means "not chosen yet".
#[derive(Debug, Clone, Copy)]
pub(super) struct PreferencesFields {
    pub preferred: RwSignal<Option<ContactMethod>>,
    pub second: RwSignal<Option<Option<ContactMethod>>>,
    pub phone: RwSignal<String>,
    pub email: RwSignal<String>,
    pub address: RwSignal<String>,
    pub postcode: RwSignal<String>,
    /// Always at least one window, so the first can be filled in straight away.
    pub windows: RwSignal<Vec<WindowFields>>,
    pub voicemail: RwSignal<Option<bool>>,
    pub letters: RwSignal<Option<bool>>,
    pub caller_id: RwSignal<Option<bool>>,
    pub language: RwSignal<Option<LanguageChoice>>,
    pub other_language: RwSignal<String>,
    pub needs: RwSignal<Vec<CommunicationNeed>>,
    pub other_needs: RwSignal<String>,
    pub frequency: RwSignal<Option<UpdateFrequency>>,
}

impl PreferencesFields {
    /// The form as last saved, or empty when nothing is saved yet.
    pub fn from_saved(saved: Option<&ContactPreferences>) -> Self {
        let text = |value: Option<&Option<String>>| {
            RwSignal::new(value.cloned().flatten().unwrap_or_default())
        };
        Self {
            preferred: RwSignal::new(saved.map(|p| p.preferred_method)),
            second: RwSignal::new(saved.map(|p| p.second_method)),
            phone: text(saved.map(|p| &p.phone)),
            email: text(saved.map(|p| &p.email)),
            address: text(saved.map(|p| &p.address)),
            postcode: text(saved.map(|p| &p.postcode)),
            windows: RwSignal::new(
                saved
                    .map(|p| {
                        p.safe_times
                            .iter()
                            .map(|w| WindowFields::new(Some(w)))
                            .collect::<Vec<_>>()
                    })
                    .filter(|windows| !windows.is_empty())
                    .unwrap_or_else(|| vec![WindowFields::new(None)]),
            ),
            voicemail: RwSignal::new(saved.map(|p| p.voicemail_safe)),
            letters: RwSignal::new(saved.map(|p| p.letters_safe)),
            caller_id: RwSignal::new(saved.map(|p| p.caller_id_allowed)),
            language: RwSignal::new(saved.map(|p| p.language)),
            other_language: text(saved.map(|p| &p.other_language)),
            needs: RwSignal::new(
                saved
                    .map(|p| p.communication_needs.clone())
                    .unwrap_or_default(),
            ),
            other_needs: text(saved.map(|p| &p.other_needs)),
            frequency: RwSignal::new(saved.map(|p| p.update_frequency)),
        }
    }

    /// Whether `method` is the first or second choice (tracked: shows and hides fields).
    pub fn uses(&self, method: ContactMethod) -> bool {
        self.preferred.get() == Some(method) || self.second.get() == Some(Some(method))
    }
}

/// Adds or removes one value from a list held in a signal.
pub(super) fn toggle<T: PartialEq + Send + Sync + 'static>(
    list: RwSignal<Vec<T>>,
    value: T,
    on: bool,
) {
    list.update(|list| {
        let present = list.contains(&value);
        if on && !present {
            list.push(value);
        } else if !on && present {
            list.retain(|other| *other != value);
        }
    });
}
