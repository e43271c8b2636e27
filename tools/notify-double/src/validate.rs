//! What Notify checks in a send request before it takes it: the recipient (a UK mobile, an
//! email address, a postal address ending in a postcode) and that the personalisation
//! fills every `((placeholder))` of the template. Messages are Notify's own wording.

use serde_json::{Map, Value};

/// A UK mobile number in the national form Notify compares (`07700900123`).
pub fn uk_mobile(raw: &str) -> Result<String, &'static str> {
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | '-' | '.'))
        .collect();
    let digits = compact.strip_prefix('+').unwrap_or(&compact);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err("phone_number Must not contain letters or symbols");
    }
    let national = if let Some(rest) = digits.strip_prefix("0044") {
        format!("0{rest}")
    } else if let Some(rest) = digits.strip_prefix("44") {
        format!("0{rest}")
    } else if compact.starts_with('+') {
        return Err("phone_number Not a UK mobile number");
    } else {
        digits.to_owned()
    };
    let national = match national.strip_prefix("00") {
        Some(rest) => format!("0{rest}"),
        None => national,
    };
    if !national.starts_with("07") {
        return Err("phone_number Not a UK mobile number");
    }
    match national.len() {
        11 => Ok(national),
        n if n > 11 => Err("phone_number Too many digits"),
        _ => Err("phone_number Not enough digits"),
    }
}

/// An email address, lower-cased for matching: one `@`, something before it, a dotted
/// domain after it, no spaces.
pub fn email(raw: &str) -> Result<String, &'static str> {
    const INVALID: &str = "email_address Not a valid email address";
    let address = raw.trim();
    let (local, domain) = address.split_once('@').ok_or(INVALID)?;
    let domain_ok = domain.contains('.')
        && domain.split('.').all(|part| !part.is_empty())
        && !domain.contains('@');
    if local.is_empty() || !domain_ok || address.chars().any(char::is_whitespace) {
        return Err(INVALID);
    }
    Ok(address.to_lowercase())
}

/// A UK postcode, upper-cased without spaces (`SW1A1AA`), or `None`.
pub fn uk_postcode(raw: &str) -> Option<String> {
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    let bytes = compact.as_bytes();
    let n = bytes.len();
    let shape = (5..=7).contains(&n)
        && bytes[0].is_ascii_alphabetic()
        && bytes[n - 3].is_ascii_digit()
        && bytes[n - 2].is_ascii_alphabetic()
        && bytes[n - 1].is_ascii_alphabetic()
        && bytes[..n - 3].iter().all(u8::is_ascii_alphanumeric)
        && bytes[..n - 3].iter().any(u8::is_ascii_digit);
    shape.then_some(compact)
}

/// A letter's address lines from its personalisation (`address_line_1` … `_7`, blanks
/// dropped), and its postcode for matching.
pub fn postal_address(
    personalisation: &Map<String, Value>,
) -> Result<(Vec<String>, String), &'static str> {
    if text_of(personalisation.get("address_line_1")).is_none() {
        return Err("personalisation address_line_1 is a required property");
    }
    let lines: Vec<String> = (1..=7)
        .filter_map(|n| text_of(personalisation.get(&format!("address_line_{n}"))))
        .filter(|line| !line.trim().is_empty())
        .collect();
    if lines.len() < 3 {
        return Err("Address must be at least 3 lines");
    }
    let last = lines.last().map(String::as_str).unwrap_or_default();
    let postcode = uk_postcode(last)
        .ok_or("Last line of address must be a real UK postcode or another country")?;
    Ok((lines, postcode))
}

/// The `((placeholder))` names in `text`, in order, each once.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("((") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("))") else { break };
        let name = after[..end].trim().to_owned();
        if !name.is_empty() && !names.iter().any(|known| known.eq_ignore_ascii_case(&name)) {
            names.push(name);
        }
        rest = &after[end + 2..];
    }
    names
}

/// `text` with each placeholder replaced by its personalisation value (names compared
/// without regard to case, as Notify does), or Notify's complaint naming the missing ones.
pub fn render(texts: &[&str], personalisation: &Map<String, Value>) -> Result<Vec<String>, String> {
    let value_of = |name: &str| {
        personalisation
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .and_then(|(_, value)| text_of(Some(value)))
    };
    let mut missing: Vec<String> = Vec::new();
    for text in texts {
        for name in placeholders(text) {
            if value_of(&name).is_none() && !missing.contains(&name) {
                missing.push(name);
            }
        }
    }
    if !missing.is_empty() {
        return Err(format!("Missing personalisation: {}", missing.join(", ")));
    }
    Ok(texts
        .iter()
        .map(|text| {
            placeholders(text)
                .iter()
                .fold((*text).to_owned(), |acc, name| {
                    acc.replace(&format!("(({name}))"), &value_of(name).unwrap_or_default())
                })
        })
        .collect())
}

/// A personalisation value as text: strings as they are, numbers written out; `null`,
/// lists and objects count as missing.
fn text_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn uk_mobiles_in_any_usual_form_and_nothing_else() {
        for ok in [
            "07700900123",
            "+447700900123",
            "+44 7700 900 123",
            "0044 7700 900123",
            "(07700) 900-123",
        ] {
            assert_eq!(uk_mobile(ok), Ok("07700900123".to_owned()), "{ok}");
        }
        assert_eq!(
            uk_mobile("02079460000"),
            Err("phone_number Not a UK mobile number")
        );
        assert_eq!(
            uk_mobile("+33612345678"),
            Err("phone_number Not a UK mobile number")
        );
        assert_eq!(
            uk_mobile("0770090012"),
            Err("phone_number Not enough digits")
        );
        assert_eq!(
            uk_mobile("077009001234"),
            Err("phone_number Too many digits")
        );
        assert_eq!(
            uk_mobile("07700 9OO123"),
            Err("phone_number Must not contain letters or symbols")
        );
    }

    #[test]
    fn emails_and_postcodes() {
        assert_eq!(
            email("Temp-Fail@Simulator.Notify"),
            Ok("temp-fail@simulator.notify".to_owned())
        );
        for bad in [
            "no-at.example",
            "@example.org",
            "a@b",
            "a@b..org",
            "a b@example.org",
        ] {
            assert!(email(bad).is_err(), "{bad}");
        }
        assert_eq!(uk_postcode("sw1a 1aa").as_deref(), Some("SW1A1AA"));
        assert_eq!(uk_postcode("M1 1AE").as_deref(), Some("M11AE"));
        assert_eq!(uk_postcode("London"), None);
        assert_eq!(uk_postcode("12345"), None);
    }

    #[test]
    fn a_letter_needs_three_lines_and_a_postcode_last() {
        let lines = |value: Value| postal_address(value.as_object().unwrap());
        let ok = lines(
            json!({"address_line_1": "A Person", "address_line_2": "1 Street", "address_line_3": "SW1A 1AA"}),
        );
        assert_eq!(ok.unwrap().1, "SW1A1AA");
        assert_eq!(
            lines(json!({"address_line_2": "x"})),
            Err("personalisation address_line_1 is a required property")
        );
        assert_eq!(
            lines(json!({"address_line_1": "A", "address_line_2": "SW1A 1AA"})),
            Err("Address must be at least 3 lines")
        );
        assert!(lines(
            json!({"address_line_1": "A", "address_line_2": "B", "address_line_3": "Town"})
        )
        .is_err());
    }

    #[test]
    fn placeholders_are_filled_or_named_as_missing() {
        let personalisation = json!({"Body": "Hello", "n": 3});
        let personalisation = personalisation.as_object().unwrap();
        assert_eq!(
            render(&["((body)) ((n))"], personalisation),
            Ok(vec!["Hello 3".to_owned()])
        );
        assert_eq!(
            render(&["((subject))", "((body)) ((other))"], personalisation),
            Err("Missing personalisation: subject, other".to_owned())
        );
    }
}
