//! Turns case numbers into rows: a victim, the case, its timeline, version 1 of the
//! victim's contact preferences and now and then a callback request. Pure: no database,
//! and the same generator state gives the same rows.

use std::collections::HashMap;

use shared::api::preferences::{ContactMethod, UpdateFrequency};
use shared::CalendarDate;

use super::content::{
    CRIME_KINDS, FIRST_NAMES, OFFICER_HOURS, OFFICER_ROLES, STORYLINES, SURNAMES,
};
use super::references;
use super::rng::SeededRng;
use super::rows::{Batch, Callback, CallbackReady, Case, Officer, Update, Victim};
use crate::callbacks;
use crate::cases::vcop;
use crate::platform::stored::enum_text;
use crate::preferences::initial::{initial_preferences, RecordedContact};

/// Percent of cases with an open callback request (only victims with a phone on file).
const CALLBACK_PERCENT: u64 = 2;
/// Percent of Victims' Code events told later than the deadline.
const LATE_PERCENT: u64 = 12;
/// Updates are written at 09:00 UTC on their day, a second apart.
const NINE_AM: i64 = 9 * 3600;

/// What every case of a run shares.
pub struct Run {
    pub today: CalendarDate,
    pub now: i64,
    pub officers: Vec<Officer>,
    /// The next working days, for callback windows.
    pub bookable: Vec<CalendarDate>,
    /// Working-day sums already done: (day, working days back) → day, and (event day,
    /// working days allowed) → deadline. Counting working days looks up the year's bank
    /// holidays for every day stepped over; millions of events share a few thousand sums.
    days_before: HashMap<(i64, u32), CalendarDate>,
    deadlines: HashMap<(i64, u32), String>,
}

impl Run {
    pub fn new(rng: &mut SeededRng, now: i64, officer_count: usize) -> Self {
        let today = CalendarDate::from_days_since_epoch(now.div_euclid(86_400));
        let officers = (0..officer_count).map(|n| officer(rng, n)).collect();
        Self {
            today,
            now,
            officers,
            bookable: callbacks::bookable_dates(today),
            days_before: HashMap::new(),
            deadlines: HashMap::new(),
        }
    }

    /// The event date (never before the crime was reported) and deadline of an event
    /// told on `told_on`, `days_before` working days after it happened.
    fn vcop_dates(
        &mut self,
        told_on: CalendarDate,
        days_before: u32,
        allowed: u32,
        reported_on: CalendarDate,
    ) -> (String, String) {
        let event_date = *self
            .days_before
            .entry((told_on.days_since_epoch(), days_before))
            .or_insert_with(|| vcop::working_days_before(told_on, days_before));
        let event_date = event_date.max(reported_on);
        let deadline = self
            .deadlines
            .entry((event_date.days_since_epoch(), allowed))
            .or_insert_with(|| vcop::deadline(event_date, allowed).to_string());
        (event_date.to_string(), deadline.clone())
    }
}

fn officer(rng: &mut SeededRng, n: usize) -> Officer {
    let (first, last) = (rng.pick(FIRST_NAMES), rng.pick(SURNAMES));
    let line = rng.below(1000);
    Officer {
        id: rng.id(),
        name: format!("{first} {last}"),
        role: rng.pick_copy(OFFICER_ROLES),
        // Ofcom's drama range for landlines: 01632 960000 to 960999.
        phone: format!("01632 960 {line:03}"),
        phone_link: format!("+441632960{line:03}"),
        email: format!(
            "{}.{}.{n}@example.org",
            ascii_lower(first),
            ascii_lower(last)
        ),
        hours: rng.pick_copy(OFFICER_HOURS),
    }
}

/// Lower case, accents dropped (Siân → sian), for made-up email addresses.
fn ascii_lower(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'â' => 'a',
            c => c.to_ascii_lowercase(),
        })
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

fn unix_at(date: CalendarDate, seconds: i64) -> i64 {
    date.days_since_epoch() * 86_400 + seconds
}

impl Batch {
    /// Adds case `number` and everything that goes with it. Returns the case when its
    /// victim has a phone on file.
    pub fn add_case(
        &mut self,
        rng: &mut SeededRng,
        run: &mut Run,
        number: u64,
    ) -> anyhow::Result<Option<CallbackReady>> {
        let crime_reference = references::reference(number)
            .ok_or_else(|| anyhow::anyhow!("no reference left for case number {number}"))?;
        let reported_on = reported_on(rng, run.today, references::full_year(number));
        let created_at = unix_at(reported_on, NINE_AM);
        self.victims.push(victim(rng, created_at)?);
        let victim_index = self.victims.len() - 1;
        let kind = rng.pick(CRIME_KINDS);
        let enhanced_rights = rng.chance(kind.enhanced_percent);
        let storyline = rng.pick(STORYLINES);
        let steps = &storyline[..(2 + rng.below(5) as usize).min(storyline.len())];
        let case_index = self.cases.len();
        let case = Case {
            id: rng.id(),
            crime_reference,
            victim_index,
            officer_id: rng.pick(&run.officers).id.clone(),
            kind,
            stage: steps.last().map_or("crime_recorded", |step| step.stage),
            enhanced_rights,
            reported_on: reported_on.to_string(),
            created_at,
        };
        let mut told_on = reported_on;
        for (order, step) in steps.iter().enumerate() {
            if order > 0 {
                told_on = told_on.add_days(1 + rng.below(14) as i64).min(run.today);
            }
            let vcop = step.vcop.map(|event| {
                let allowed = vcop::code_2020_working_days(event, enhanced_rights);
                let days_before = if rng.chance(LATE_PERCENT) {
                    allowed + 1 + rng.below(4) as u32
                } else {
                    rng.below(u64::from(allowed) + 1) as u32
                };
                run.vcop_dates(told_on, days_before, allowed, reported_on)
            });
            self.updates.push(Update {
                id: rng.id(),
                case_index,
                step,
                update_date: told_on.to_string(),
                vcop_event: step.vcop.as_ref().map(enum_text).transpose()?,
                vcop,
                created_at: unix_at(told_on, NINE_AM) + order as i64,
            });
        }
        let victim = &self.victims[victim_index];
        let ready = victim
            .phone
            .as_ref()
            .map(|phone| (phone.clone(), victim.id.clone()));
        if let Some((phone, _)) = &ready {
            if rng.chance(CALLBACK_PERCENT) {
                self.callbacks.push(callback(rng, run, case_index, phone));
            }
        }
        let ready = ready.map(|(_, victim_id)| CallbackReady {
            crime_reference: case.crime_reference.clone(),
            case_id: case.id.clone(),
            victim_id,
        });
        self.cases.push(case);
        Ok(ready)
    }
}

/// A day in `year` up to today (today itself when the year has not started yet).
fn reported_on(rng: &mut SeededRng, today: CalendarDate, year: i32) -> CalendarDate {
    let first = CalendarDate::new(year, 1, 1).unwrap_or(today);
    let last = CalendarDate::new(year, 12, 31).unwrap_or(today).min(today);
    if last < first {
        return today;
    }
    let span = last.days_since_epoch() - first.days_since_epoch();
    first.add_days(rng.below(span.unsigned_abs() + 1) as i64)
}

fn victim(rng: &mut SeededRng, created_at: i64) -> anyhow::Result<Victim> {
    let (first, last) = (rng.pick(FIRST_NAMES), rng.pick(SURNAMES));
    let contact_method = match rng.below(100) {
        0..=54 => ContactMethod::TextMessage,
        55..=84 => ContactMethod::Email,
        85..=94 => ContactMethod::Letter,
        _ => ContactMethod::PhoneCall,
    };
    let phone_percent = match contact_method {
        ContactMethod::TextMessage | ContactMethod::PhoneCall => 100,
        ContactMethod::Email => 40,
        _ => 20,
    };
    let phone = rng.chance(phone_percent).then(|| {
        // Ofcom's drama ranges: mobiles 07700 900000–900999, landlines 01632 960000–960999.
        // Texts need a mobile.
        let line = rng.below(1000);
        if contact_method == ContactMethod::PhoneCall && rng.chance(50) {
            format!("+441632960{line:03}")
        } else {
            format!("+447700900{line:03}")
        }
    });
    let email = (contact_method == ContactMethod::Email || rng.chance(30)).then(|| {
        let tag = rng.below(1000);
        format!(
            "{}.{}{tag}@example.org",
            ascii_lower(first),
            ascii_lower(last)
        )
    });
    let update_frequency = if rng.chance(10) {
        UpdateFrequency::KeyDecisionsOnly
    } else {
        UpdateFrequency::EveryUpdate
    };
    let mut victim = Victim {
        id: rng.id(),
        full_name: format!("{first} {last}"),
        contact_method: enum_text(&contact_method)?,
        phone,
        email,
        voicemail_safe: rng.chance(40),
        letter_to_home_safe: rng.chance(50),
        caller_id_may_show_police: rng.chance(30),
        language: if rng.chance(5) { "cy" } else { "en" },
        interpreter_needed: rng.chance(3),
        update_frequency: enum_text(&update_frequency)?,
        created_at,
        preferences: String::new(),
        preferences_id: rng.id(),
    };
    victim.preferences = serde_json::to_string(&initial_preferences(&RecordedContact {
        contact_method,
        phone: victim.phone.as_deref(),
        email: victim.email.as_deref(),
        voicemail_safe: victim.voicemail_safe,
        letter_to_home_safe: victim.letter_to_home_safe,
        caller_id_may_show_police: victim.caller_id_may_show_police,
        language: victim.language,
        interpreter_needed: victim.interpreter_needed,
        update_frequency,
    }))?;
    Ok(victim)
}

/// An open request for one or two office-hours windows on the next working days: inside
/// the safe times a victim without any gets (`preferences::safe_times::office_hours`).
fn callback(rng: &mut SeededRng, run: &Run, case_index: usize, phone: &str) -> Callback {
    const SLOTS: &[(&str, &str)] = &[("09:30", "11:00"), ("11:00", "12:30"), ("14:00", "16:00")];
    let window_count = 1 + rng.below(2) as usize;
    let windows = (0..window_count)
        .filter_map(|position| {
            let date = run.bookable.get(1 + position * 2)?;
            let (start, end) = rng.pick(SLOTS);
            Some((date.to_string(), *start, *end))
        })
        .collect();
    Callback {
        id: rng.id(),
        case_index,
        reason: rng.pick_copy(&[
            "case_question",
            "change_details",
            "support_needs",
            "feel_unsafe",
        ]),
        urgency: rng.pick_copy(&["routine", "soon", "urgent"]),
        phone: phone.to_owned(),
        requested_at: run.now - rng.below(3 * 86_400) as i64,
        windows,
    }
}
