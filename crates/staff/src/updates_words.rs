//! Updates in officers' words: event names, due-list statuses and how a victim was told,
//! in English or Welsh (`locales/<lang>/updates.json`).

use shared::api::updates::{DueStatus, TellingMethod, VcopEvent};

use crate::format::long_date;
use crate::i18n::*;

/// The event's name, e.g. "Charged".
pub fn event_name(l: Locale, event: VcopEvent) -> &'static str {
    match event {
        VcopEvent::SuspectArrested => td_string!(l, updates.events.suspect_arrested),
        VcopEvent::SuspectInterviewed => td_string!(l, updates.events.suspect_interviewed),
        VcopEvent::ReleasedWithoutCharge => td_string!(l, updates.events.released_without_charge),
        VcopEvent::ReleasedUnderInvestigation => {
            td_string!(l, updates.events.released_under_investigation)
        }
        VcopEvent::Bail => td_string!(l, updates.events.bail),
        VcopEvent::Charged => td_string!(l, updates.events.charged),
        VcopEvent::OutOfCourtDisposal => td_string!(l, updates.events.out_of_court_disposal),
        VcopEvent::DecisionNotToCharge => td_string!(l, updates.events.decision_not_to_charge),
        VcopEvent::ChargesDroppedOrChanged => {
            td_string!(l, updates.events.charges_dropped_or_changed)
        }
        VcopEvent::HearingDate => td_string!(l, updates.events.hearing_date),
        VcopEvent::MustGiveEvidence => td_string!(l, updates.events.must_give_evidence),
        VcopEvent::HearingOutcome => td_string!(l, updates.events.hearing_outcome),
        VcopEvent::SupportReferral => td_string!(l, updates.events.support_referral),
        VcopEvent::Other => td_string!(l, updates.events.other),
    }
}

/// "Due today", "Overdue by 3 working days"… (Welsh mutates after 2, so 1 and 2 have
/// words of their own).
pub fn status_words(l: Locale, status: DueStatus, working_days: u32) -> String {
    let days = working_days.to_string();
    let many = |template: &str| template.replace("{{ days }}", &days);
    match (status, working_days) {
        (DueStatus::Overdue, 0 | 1) => td_string!(l, updates.statuses.overdue_one).to_owned(),
        (DueStatus::Overdue, 2) => td_string!(l, updates.statuses.overdue_two).to_owned(),
        (DueStatus::Overdue, _) => many(td_string!(l, updates.statuses.overdue_many)),
        (DueStatus::DueToday, _) => td_string!(l, updates.statuses.today).to_owned(),
        (DueStatus::DueTomorrow, _) => td_string!(l, updates.statuses.tomorrow).to_owned(),
        (DueStatus::DueLater, 0 | 1) => td_string!(l, updates.statuses.later_one).to_owned(),
        (DueStatus::DueLater, 2) => td_string!(l, updates.statuses.later_two).to_owned(),
        (DueStatus::DueLater, _) => many(td_string!(l, updates.statuses.later_many)),
    }
}

/// The tag's colour class: red when overdue, orange when due today, grey otherwise. The
/// words say the same.
pub fn status_class(status: DueStatus) -> &'static str {
    match status {
        DueStatus::Overdue => "app-tag app-tag--red",
        DueStatus::DueToday => "app-tag app-tag--orange",
        DueStatus::DueTomorrow | DueStatus::DueLater => "app-tag app-tag--grey",
    }
}

/// "Told 2 December 2026: by phone"; "Not told yet" when `told_on` is absent.
pub fn told_words(l: Locale, told_on: Option<&str>, told_by: Option<TellingMethod>) -> String {
    let Some(date) = told_on else {
        return td_string!(l, updates.not_told).to_owned();
    };
    let template = match told_by {
        Some(TellingMethod::Portal) => td_string!(l, updates.methods.portal),
        Some(TellingMethod::Message) => td_string!(l, updates.methods.message),
        Some(TellingMethod::Call) => td_string!(l, updates.methods.call),
        Some(TellingMethod::Visit) => td_string!(l, updates.methods.visit),
        None => return td_string!(l, updates.told_unknown).to_owned(),
    };
    template.replace("{{ date }}", &long_date(l, date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_worded_in_both_languages() {
        let en = |status, days| status_words(Locale::en, status, days);
        assert_eq!(en(DueStatus::Overdue, 1), "Overdue by 1 working day");
        assert_eq!(en(DueStatus::Overdue, 4), "Overdue by 4 working days");
        assert_eq!(en(DueStatus::DueToday, 0), "Due today");
        assert_eq!(en(DueStatus::DueTomorrow, 1), "Due tomorrow");
        assert_eq!(en(DueStatus::DueLater, 5), "Due in 5 working days");
        let cy = |status, days| status_words(Locale::cy, status, days);
        assert_eq!(cy(DueStatus::Overdue, 2), "2 ddiwrnod gwaith yn hwyr");
        assert_eq!(
            cy(DueStatus::DueLater, 3),
            "I'w wneud ymhen 3 diwrnod gwaith"
        );
        assert_eq!(status_class(DueStatus::Overdue), "app-tag app-tag--red");
        assert_eq!(status_class(DueStatus::DueToday), "app-tag app-tag--orange");
    }

    #[test]
    fn every_event_has_words_in_both_languages() {
        for event in VcopEvent::CHOICES {
            for l in [Locale::en, Locale::cy] {
                assert!(!event_name(l, event).is_empty(), "{event:?}");
            }
        }
        assert_ne!(
            event_name(Locale::en, VcopEvent::Charged),
            event_name(Locale::cy, VcopEvent::Charged)
        );
    }
}
