//! The rows a seed run writes, as generated (`generate.rs`) and before they are written
//! (`write.rs`). Indexes point into the batch's own vectors.

use super::content::{CrimeKind, Step};

pub struct Officer {
    pub id: String,
    pub name: String,
    pub role: &'static str,
    pub phone: String,
    pub phone_link: String,
    pub email: String,
    pub hours: &'static str,
}

pub struct Victim {
    pub id: String,
    pub full_name: String,
    /// As stored (`platform::stored`).
    pub contact_method: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub voicemail_safe: bool,
    pub letter_to_home_safe: bool,
    pub caller_id_may_show_police: bool,
    pub language: &'static str,
    pub interpreter_needed: bool,
    /// As stored (`platform::stored`).
    pub update_frequency: String,
    pub created_at: i64,
    /// JSON of version 1 of the contact preferences.
    pub preferences: String,
    pub preferences_id: String,
}

pub struct Case {
    pub id: String,
    pub crime_reference: String,
    pub victim_index: usize,
    pub officer_id: String,
    pub kind: &'static CrimeKind,
    pub stage: &'static str,
    pub enhanced_rights: bool,
    pub reported_on: String,
    pub created_at: i64,
}

pub struct Update {
    pub id: String,
    pub case_index: usize,
    pub step: &'static Step,
    pub update_date: String,
    /// The Victims' Code event as stored (`platform::stored`), if it is one.
    pub vcop_event: Option<String>,
    /// event date and deadline, for a Victims' Code event.
    pub vcop: Option<(String, String)>,
    pub created_at: i64,
}

pub struct Callback {
    pub id: String,
    pub case_index: usize,
    pub reason: &'static str,
    pub urgency: &'static str,
    pub phone: String,
    pub requested_at: i64,
    /// (date, start, end)
    pub windows: Vec<(String, &'static str, &'static str)>,
}

/// The rows for a run of consecutive case numbers; indexes point into the vectors.
#[derive(Default)]
pub struct Batch {
    pub victims: Vec<Victim>,
    pub cases: Vec<Case>,
    pub updates: Vec<Update>,
    pub callbacks: Vec<Callback>,
}

/// A case whose victim could sign in and ask for a callback (a phone on file).
#[derive(Debug, Clone)]
pub struct CallbackReady {
    pub crime_reference: String,
    pub case_id: String,
    pub victim_id: String,
}
