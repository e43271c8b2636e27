//! The case list's parameters, parsed: whose cases, which order, which filters, and where
//! the page starts (a keyset cursor: the last line's sort key and reference, so a page
//! is found by position, never by counting past the earlier ones).

use serde::Deserialize;
use shared::api::case_management::{CaseScope, CaseSort};
use shared::CrimeReference;

use crate::access::ActorKind;
use crate::cases::stages::{self, STAGES};
use crate::platform::error::FieldErrors;
use crate::platform::i18n::Message;

/// The query string of `GET /api/staff/cases`, as typed.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CaseListQuery {
    /// `mine` or `team` (officers; default `team`), `unit` (supervisors; the default).
    pub scope: Option<String>,
    /// `next_deadline` (default), `reference` or `stage`.
    pub sort: Option<String>,
    /// A stage code: only cases at that stage.
    pub stage: Option<String>,
    /// `yes` or `no`.
    pub enhanced_rights: Option<String>,
    /// `yes` or `no`: with (or without) an open callback request.
    pub open_callbacks: Option<String>,
    /// `yes` or `no`: with (or without) a message that could not be delivered.
    pub undelivered: Option<String>,
    /// A `next` from the previous page.
    pub after: Option<String>,
    /// A `previous` from the next page.
    pub before: Option<String>,
}

/// Where a page starts: after (or before) this line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub key: String,
    pub reference: String,
}

impl Cursor {
    /// `key|reference`: neither part can hold a `|`.
    pub fn encode(&self) -> String {
        format!("{}|{}", self.key, self.reference)
    }

    fn parse(text: &str) -> Option<Self> {
        let (key, reference) = text.split_once('|')?;
        let key_ok = !key.is_empty()
            && key.len() <= 20
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-/".contains(c));
        let reference = CrimeReference::parse(reference).ok()?;
        key_ok.then(|| Self {
            key: key.to_owned(),
            reference: reference.as_str().to_owned(),
        })
    }
}

/// The list asked for, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRequest {
    pub scope: CaseScope,
    pub sort: CaseSort,
    pub stage: Option<String>,
    pub enhanced_rights: Option<bool>,
    pub open_callbacks: Option<bool>,
    pub undelivered: Option<bool>,
    /// The page after this line, or (`backwards`) the page before it.
    pub cursor: Option<Cursor>,
    pub backwards: bool,
}

/// The scopes an actor may choose; the first is the default.
pub fn scopes(kind: ActorKind) -> Vec<CaseScope> {
    match kind {
        ActorKind::Supervisor => vec![CaseScope::Unit],
        _ => vec![CaseScope::Team, CaseScope::Mine],
    }
}

fn yes_no(errors: &mut FieldErrors, field: &str, value: Option<&str>) -> Option<bool> {
    match value {
        None | Some("") => None,
        Some("yes") => Some(true),
        Some("no") => Some(false),
        Some(_) => {
            errors.add(field, Message::server("case_list.yes_or_no"));
            None
        }
    }
}

/// Checks `query` for an actor of `kind`; a field error for each wrong parameter.
pub fn parse(query: &CaseListQuery, kind: ActorKind) -> Result<ListRequest, FieldErrors> {
    let mut errors = FieldErrors::default();
    let allowed = scopes(kind);
    let scope = match query.scope.as_deref().filter(|s| !s.is_empty()) {
        None => allowed[0],
        Some(text) => match CaseScope::parse(text).filter(|scope| allowed.contains(scope)) {
            Some(scope) => scope,
            None => {
                errors.add("scope", Message::server("case_list.scope_unknown"));
                allowed[0]
            }
        },
    };
    let sort = match query.sort.as_deref().filter(|s| !s.is_empty()) {
        None => CaseSort::default(),
        Some(text) => CaseSort::parse(text).unwrap_or_else(|| {
            errors.add("sort", Message::server("case_list.sort_unknown"));
            CaseSort::default()
        }),
    };
    let stage = query.stage.as_deref().filter(|s| !s.is_empty());
    if stage.is_some_and(|code| stages::find(code).is_none()) {
        errors.add("stage", Message::server("case_list.stage_unknown"));
    }
    let enhanced_rights = yes_no(
        &mut errors,
        "enhanced_rights",
        query.enhanced_rights.as_deref(),
    );
    let open_callbacks = yes_no(
        &mut errors,
        "open_callbacks",
        query.open_callbacks.as_deref(),
    );
    let undelivered = yes_no(&mut errors, "undelivered", query.undelivered.as_deref());
    let (cursor, backwards) = match (query.after.as_deref(), query.before.as_deref()) {
        (None, None) => (None, false),
        (Some(after), None) => (Cursor::parse(after), false),
        (None, Some(before)) => (Cursor::parse(before), true),
        (Some(_), Some(_)) => (None, false),
    };
    if cursor.is_none() {
        for (field, value) in [("after", &query.after), ("before", &query.before)] {
            if value.is_some() {
                errors.add(field, Message::server("case_list.cursor_unreadable"));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ListRequest {
        scope,
        sort,
        stage: stage.map(str::to_owned),
        enhanced_rights,
        open_callbacks,
        undelivered,
        cursor,
        backwards,
    })
}

/// The SQL expression a case `c` sorts by (as text, so one keyset comparison serves every
/// order), given its next deadline as `next_deadline`: no deadline sorts last.
pub fn sort_key_sql(sort: CaseSort) -> String {
    match sort {
        CaseSort::NextDeadline => "COALESCE(next_deadline, '9999-12-31')".to_owned(),
        CaseSort::Reference => "c.crime_reference".to_owned(),
        CaseSort::Stage => {
            // The catalogue's codes are constants, so writing them into the SQL is safe.
            let whens: String = STAGES
                .iter()
                .enumerate()
                .map(|(order, stage)| format!(" WHEN '{}' THEN '{order:02}'", stage.code))
                .collect();
            format!("CASE c.stage{whens} ELSE '99' END")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> CaseListQuery {
        let value: serde_json::Map<String, serde_json::Value> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), serde_json::Value::from(*v)))
            .collect();
        serde_json::from_value(value.into()).unwrap()
    }

    #[test]
    fn defaults_depend_on_the_role() {
        let officer = parse(&CaseListQuery::default(), ActorKind::Officer).unwrap();
        assert_eq!(officer.scope, CaseScope::Team);
        assert_eq!(officer.sort, CaseSort::NextDeadline);
        let supervisor = parse(&CaseListQuery::default(), ActorKind::Supervisor).unwrap();
        assert_eq!(supervisor.scope, CaseScope::Unit);
    }

    #[test]
    fn wrong_values_are_field_errors() {
        let bad = query(&[
            ("scope", "unit"),
            ("sort", "x"),
            ("stage", "nope"),
            ("enhanced_rights", "maybe"),
            ("after", "garbage"),
        ]);
        let errors = format!("{:?}", parse(&bad, ActorKind::Officer).unwrap_err());
        for field in ["scope", "sort", "stage", "enhanced_rights", "after"] {
            assert!(errors.contains(field), "{field}: {errors}");
        }
    }

    #[test]
    fn cursors_round_trip() {
        let cursor = Cursor {
            key: "2026-03-02".into(),
            reference: "CR/100001/25".into(),
        };
        let parsed = parse(&query(&[("before", &cursor.encode())]), ActorKind::Officer).unwrap();
        assert_eq!(parsed.cursor, Some(cursor));
        assert!(parsed.backwards);
        assert_eq!(Cursor::parse("2026|x"), None);
        assert_eq!(Cursor::parse("a b|CR/100001/25"), None);
    }

    #[test]
    fn stage_order_follows_the_catalogue() {
        let sql = sort_key_sql(CaseSort::Stage);
        assert!(sql.contains("WHEN 'reported' THEN '00'"));
        assert!(sql.ends_with("ELSE '99' END"));
    }
}
