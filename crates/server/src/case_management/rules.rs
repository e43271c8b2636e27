//! Case management's checks, without a database: a stage from the catalogue, a reason
//! for an enhanced-rights change, and an allocation within the supervisor's unit.

use shared::api::case_management::{ReallocateRequest, MAX_REASON_CHARS};

use crate::cases::stages;
use crate::platform::error::FieldErrors;
use crate::platform::i18n::Message;

fn message(key: &str) -> Message {
    Message::server(&format!("case_management.{key}"))
}

/// The stage's code if the catalogue has it; a field error on `stage` otherwise.
pub fn stage(code: &str) -> Result<&'static str, FieldErrors> {
    stages::find(code.trim())
        .map(|stage| stage.code)
        .ok_or_else(|| FieldErrors::single("stage", message("stage_unknown")))
}

/// The reason as typed (it is shown back as written) if it has words and is not too
/// long; a field error on `reason` otherwise.
pub fn reason(text: &str) -> Result<String, FieldErrors> {
    if text.trim().is_empty() {
        Err(FieldErrors::single("reason", message("reason_enter")))
    } else if text.chars().count() > MAX_REASON_CHARS {
        Err(FieldErrors::single("reason", message("reason_too_long")))
    } else {
        Ok(text.trim().to_owned())
    }
}

/// The error when enhanced rights are already as asked.
pub fn unchanged_enhanced_rights() -> FieldErrors {
    FieldErrors::single("enhanced_rights", message("enhanced_rights_unchanged"))
}

/// An officer of the unit, as the allocation check sees them: card id and team.
pub struct UnitOfficer<'a> {
    pub officer_id: &'a str,
    pub team_id: Option<&'a str>,
}

/// The new allocation (officer card, team) of a case now at (`officer_id`, `team_id`),
/// or the field errors. An officer alone brings their team with them (if they have one);
/// a team alone keeps the officer card.
pub fn allocation(
    request: &ReallocateRequest,
    current: (&str, Option<&str>),
    officers: &[UnitOfficer<'_>],
    teams: &[&str],
) -> Result<(String, Option<String>), FieldErrors> {
    let wanted = |value: &Option<String>| value.clone().filter(|v| !v.trim().is_empty());
    let (officer, team) = (wanted(&request.officer_id), wanted(&request.team_id));
    let mut errors = FieldErrors::default();
    if officer.is_none() && team.is_none() {
        errors.add("officer_id", message("allocation_choose"));
        return Err(errors);
    }
    let found = officer
        .as_deref()
        .map(|id| officers.iter().find(|o| o.officer_id == id));
    if let Some(None) = found {
        errors.add("officer_id", message("officer_unknown"));
    }
    if team.as_deref().is_some_and(|id| !teams.contains(&id)) {
        errors.add("team_id", message("team_unknown"));
    }
    if let (Some(Some(officer)), Some(team)) = (found, team.as_deref()) {
        if officer.team_id.is_some_and(|their| their != team) {
            errors.add("team_id", message("officer_not_in_team"));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let officer_team = found.flatten().and_then(|o| o.team_id.map(str::to_owned));
    let new_team = team.or(officer_team).or(current.1.map(str::to_owned));
    Ok((officer.unwrap_or_else(|| current.0.to_owned()), new_team))
}

#[cfg(test)]
mod tests {
    use super::*;

    const OFFICERS: [UnitOfficer<'static>; 2] = [
        UnitOfficer {
            officer_id: "card-n",
            team_id: Some("north"),
        },
        UnitOfficer {
            officer_id: "card-s",
            team_id: Some("south"),
        },
    ];

    fn request(officer: Option<&str>, team: Option<&str>) -> ReallocateRequest {
        ReallocateRequest {
            officer_id: officer.map(str::to_owned),
            team_id: team.map(str::to_owned),
        }
    }

    fn decide(
        officer: Option<&str>,
        team: Option<&str>,
    ) -> Result<(String, Option<String>), FieldErrors> {
        allocation(
            &request(officer, team),
            ("card-n", Some("north")),
            &OFFICERS,
            &["north", "south"],
        )
    }

    #[test]
    fn an_officer_brings_their_team() {
        assert_eq!(
            decide(Some("card-s"), None).unwrap(),
            ("card-s".to_owned(), Some("south".to_owned()))
        );
    }

    #[test]
    fn a_team_alone_keeps_the_card() {
        assert_eq!(
            decide(None, Some("south")).unwrap(),
            ("card-n".to_owned(), Some("south".to_owned()))
        );
    }

    #[test]
    fn strangers_and_mismatches_are_refused() {
        assert!(decide(None, None).is_err());
        assert!(decide(Some("card-x"), None).is_err());
        assert!(decide(None, Some("east")).is_err());
        assert!(decide(Some("card-s"), Some("north")).is_err());
    }

    #[test]
    fn reasons_are_needed_and_bounded() {
        assert!(reason("  ").is_err());
        assert!(reason(&"x".repeat(MAX_REASON_CHARS + 1)).is_err());
        assert_eq!(
            reason(" Disclosed a disability ").unwrap(),
            "Disclosed a disability"
        );
        assert_eq!(stage("charged").unwrap(), "charged");
        assert!(stage("nope").is_err());
    }
}
