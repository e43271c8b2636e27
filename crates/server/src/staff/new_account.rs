//! The rules for a new staff account's details, shared by `server create-supervisor` and
//! `POST /api/staff/officers` so both refuse the same things in the same words: plain
//! functions, each refusal a `server.json` message, tested without a database.

use super::credentials::{self, PasswordProblem, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
use crate::platform::error::FieldErrors;
use crate::platform::i18n::Message;

/// Longest display name kept: it heads every page of the staff app.
pub const MAX_NAME_CHARS: usize = 100;
/// Longest email address (RFC 5321's limit on a forward path).
pub const MAX_EMAIL_CHARS: usize = 254;

/// A new account's email and name, as they will be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    pub email: String,
    pub display_name: String,
}

/// The email as stored: trimmed and lower case, as the sign-in form reads what it is
/// given. It must look like an address (no spaces, one `@`, a dotted domain); whether it
/// receives mail is not checked here.
pub fn email(raw: &str) -> Result<String, Message> {
    let email = raw.trim().to_lowercase();
    if email.is_empty() {
        return Err(Message::server("staff.new_email_missing"));
    }
    let well_formed = email.chars().count() <= MAX_EMAIL_CHARS
        && !email.chars().any(char::is_whitespace)
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        });
    if well_formed {
        Ok(email)
    } else {
        Err(Message::server("staff.email_format"))
    }
}

/// The name as stored: trimmed, any characters (real names have all sorts; output is
/// escaped where it is shown), not empty and not past `MAX_NAME_CHARS`.
pub fn display_name(raw: &str) -> Result<String, Message> {
    let name = raw.trim();
    if name.is_empty() {
        Err(Message::server("staff.name_missing"))
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(Message::server("staff.name_too_long").with("max", MAX_NAME_CHARS.to_string()))
    } else {
        Ok(name.to_owned())
    }
}

/// A first password: present, and fit by `credentials::check_new_password`. Used as
/// given: spaces are part of a passphrase.
pub fn password(raw: &str) -> Result<(), Message> {
    if raw.is_empty() {
        return Err(Message::server("staff.new_password_missing"));
    }
    credentials::check_new_password(raw).map_err(|problem| {
        let message = Message::server(problem.key());
        match problem {
            PasswordProblem::TooShort => message.with("min", MIN_PASSWORD_CHARS.to_string()),
            PasswordProblem::TooLong => message.with("max", MAX_PASSWORD_CHARS.to_string()),
            PasswordProblem::Common => message,
        }
    })
}

/// All three, each refusal added to `errors` under its request field (`email`,
/// `display_name`, `password`) so a form shows every problem at once. The details when
/// all three are fit.
pub fn check(
    errors: &mut FieldErrors,
    raw_email: &str,
    raw_name: &str,
    raw_password: &str,
) -> Option<Details> {
    let email = email(raw_email).map_err(|m| errors.add("email", m)).ok();
    let display_name = display_name(raw_name)
        .map_err(|m| errors.add("display_name", m))
        .ok();
    let password_ok = password(raw_password)
        .map_err(|m| errors.add("password", m))
        .is_ok();
    match (email, display_name, password_ok) {
        (Some(email), Some(display_name), true) => Some(Details {
            email,
            display_name,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::Lang;

    fn key_of(result: Result<impl std::fmt::Debug, Message>) -> String {
        result.expect_err("refused").render(Lang::En)
    }

    #[test]
    fn emails_are_stored_trimmed_and_in_lower_case() {
        assert_eq!(
            email("  Pat.Jones@Police.example "),
            Ok("pat.jones@police.example".into())
        );
        assert_eq!(key_of(email(" ")), "Enter a work email address");
        for bad in [
            "pat",
            "pat@",
            "@police.example",
            "pat@police",
            "pat@@police.example",
            "pat jones@police.example",
            "pat@.example",
            "pat@police.example.",
        ] {
            assert!(
                key_of(email(bad)).starts_with("Enter an email address in the correct format"),
                "{bad}"
            );
        }
        let long = format!("{}@police.example", "a".repeat(MAX_EMAIL_CHARS));
        assert!(email(&long).is_err());
    }

    #[test]
    fn names_keep_any_characters_and_have_a_limit() {
        assert_eq!(
            display_name(" Siân O'Brien-Ng "),
            Ok("Siân O'Brien-Ng".into())
        );
        assert_eq!(key_of(display_name("")), "Enter a name for the account");
        assert_eq!(
            key_of(display_name(&"n".repeat(101))),
            "Name must be 100 characters or fewer"
        );
    }

    #[test]
    fn password_refusals_say_why_in_both_languages() {
        let short = password("short").expect_err("too short");
        assert_eq!(
            short.render(Lang::En),
            "Password must be 12 characters or more"
        );
        assert!(short.render(Lang::Cy).contains("12"));
        assert!(password(&"x1".repeat(65))
            .expect_err("long")
            .render(Lang::En)
            .contains("128"));
        assert!(password("password1234").is_err());
        assert_eq!(key_of(password("")), "Enter a password");
        assert_eq!(password(" a passphrase with spaces "), Ok(()));
    }

    #[test]
    fn check_names_every_unfit_field() {
        let mut errors = FieldErrors::default();
        assert_eq!(check(&mut errors, "bad", "", "short"), None);
        let mut expected = FieldErrors::default();
        expected.add("email", Message::server("staff.email_format"));
        expected.add("display_name", Message::server("staff.name_missing"));
        expected.add(
            "password",
            Message::server("staff.password_too_short").with("min", "12"),
        );
        assert_eq!(errors, expected);

        let mut none = FieldErrors::default();
        let details = check(&mut none, "A@B.example", "A B", "a long first password");
        assert!(none.is_empty());
        assert_eq!(details.map(|d| d.email), Some("a@b.example".into()));
    }
}
