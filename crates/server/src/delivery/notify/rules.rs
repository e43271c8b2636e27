//! What Notify's answers mean for us: its statuses as `DeliveryStatus`, its HTTP errors as
//! temporary or permanent failures, and the request body for each channel. Plain
//! functions, so every mapping is tested without a network.

use serde_json::{json, Value};

use crate::delivery::message::{Address, DeliveryStatus, Outgoing, SendFailure};
use crate::outbox::Channel;

/// Notify takes at most 7 address lines, the postcode last, and at least 3.
const MAX_ADDRESS_LINES: usize = 7;
const MIN_ADDRESS_LINES: usize = 3;

/// A Notify status as ours; `None` for one Notify has not documented. Letters have their
/// own statuses, and a letter's `technical-failure` must not be sent again (Notify deals
/// with it), unlike a text's or an email's.
pub fn delivery_status(status: &str, letter: bool) -> Option<DeliveryStatus> {
    use DeliveryStatus::*;
    Some(match status {
        // Taken, and in Notify's or its providers' hands.
        "created" | "sending" | "pending" | "accepted" | "pending-virus-check" => Sent,
        // An international text: no more news will come.
        "sent" => Sent,
        // A letter's "received": printed and posted, as delivered as a letter gets.
        "delivered" | "received" => Delivered,
        "technical-failure" if letter => PermanentFailure,
        "temporary-failure" | "technical-failure" => TemporaryFailure,
        "permanent-failure" | "validation-failed" | "virus-scan-failed" | "returned-letter" => {
            PermanentFailure
        }
        "cancelled" => Cancelled,
        _ => return None,
    })
}

/// What an HTTP error answer from Notify means. Reasons are fixed phrases: Notify's own
/// message can quote the address, so it is never passed on.
pub fn failure_for_status(status: u16) -> SendFailure {
    let temporary = |reason: &str| SendFailure::Temporary {
        reason: reason.to_owned(),
    };
    match status {
        400 => SendFailure::Permanent {
            reason: "Notify refused the message".to_owned(),
        },
        // Our key or our clock is wrong: nothing about the message, so try it again once
        // the configuration is fixed.
        401 | 403 => temporary("Notify refused our API key"),
        429 => temporary("rate limited by Notify"),
        500..=599 => temporary("Notify had a server error"),
        _ => temporary("unexpected answer from Notify"),
    }
}

/// The endpoint (`sms`, `email`, `letter`) and JSON body that send `message` with
/// `template_id`. The personalisation is `{subject, body}` (our templates are
/// `((subject))` / `((body))`), plus the address lines for a letter; the reference is the
/// outbox id.
pub fn send_request(
    message: &Outgoing,
    template_id: &str,
) -> Result<(&'static str, Value), SendFailure> {
    let mut personalisation = json!({ "subject": message.subject, "body": message.body });
    let mut request = json!({
        "template_id": template_id,
        "reference": message.reference,
    });
    let endpoint = match (message.channel, &message.address) {
        (Channel::Sms, Address::Phone(phone)) => {
            request["phone_number"] = json!(phone);
            "sms"
        }
        (Channel::Email, Address::Email(email)) => {
            request["email_address"] = json!(email);
            "email"
        }
        (Channel::Letter, Address::Postal { lines, postcode }) => {
            for (n, line) in letter_lines(lines, postcode)?.into_iter().enumerate() {
                personalisation[format!("address_line_{}", n + 1)] = json!(line);
            }
            "letter"
        }
        _ => {
            return Err(SendFailure::Permanent {
                reason: "the address does not fit the channel".to_owned(),
            })
        }
    };
    request["personalisation"] = personalisation;
    Ok((endpoint, request))
}

/// A letter's address as Notify's 3 to 7 lines: the name and address lines, blanks
/// dropped, lines past the sixth joined onto the sixth, then the postcode.
fn letter_lines(lines: &[String], postcode: &str) -> Result<Vec<String>, SendFailure> {
    let mut kept: Vec<String> = lines
        .iter()
        .map(|line| line.trim())
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect();
    let postcode = postcode.trim();
    if postcode.is_empty() || kept.len() + 1 < MIN_ADDRESS_LINES {
        return Err(SendFailure::Permanent {
            reason: "the address is too short for a letter".to_owned(),
        });
    }
    if kept.len() >= MAX_ADDRESS_LINES {
        let rest = kept.split_off(MAX_ADDRESS_LINES - 2);
        kept.push(rest.join(", "));
    }
    kept.push(postcode.to_owned());
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outgoing(channel: Channel, address: Address) -> Outgoing {
        Outgoing {
            reference: "0190e4c2-0000-7000-8000-000000000001".to_owned(),
            channel,
            address,
            subject: "You have a new update".to_owned(),
            body: "Sign in to read it.".to_owned(),
        }
    }

    #[test]
    fn every_documented_status_has_a_meaning() {
        use DeliveryStatus::*;
        let cases = [
            ("created", false, Sent),
            ("sending", false, Sent),
            ("pending", false, Sent),
            ("sent", false, Sent),
            ("delivered", false, Delivered),
            ("temporary-failure", false, TemporaryFailure),
            ("technical-failure", false, TemporaryFailure),
            ("permanent-failure", false, PermanentFailure),
            ("accepted", true, Sent),
            ("received", true, Delivered),
            ("cancelled", true, Cancelled),
            ("technical-failure", true, PermanentFailure),
            ("permanent-failure", true, PermanentFailure),
            ("validation-failed", true, PermanentFailure),
        ];
        for (status, letter, expected) in cases {
            assert_eq!(delivery_status(status, letter), Some(expected), "{status}");
        }
        assert_eq!(delivery_status("exploded", false), None);
    }

    #[test]
    fn http_errors_are_temporary_except_a_refused_request() {
        assert!(matches!(
            failure_for_status(400),
            SendFailure::Permanent { .. }
        ));
        for status in [401, 403, 429, 500, 502, 503, 418] {
            assert!(
                matches!(failure_for_status(status), SendFailure::Temporary { .. }),
                "{status}"
            );
        }
    }

    #[test]
    fn each_channel_gets_its_endpoint_and_fields() {
        let (endpoint, sms) = send_request(
            &outgoing(Channel::Sms, Address::Phone("+447700900123".into())),
            "t",
        )
        .unwrap();
        assert_eq!(endpoint, "sms");
        assert_eq!(sms["phone_number"], "+447700900123");
        assert_eq!(sms["reference"], "0190e4c2-0000-7000-8000-000000000001");
        assert_eq!(
            sms["personalisation"],
            json!({"subject": "You have a new update", "body": "Sign in to read it."})
        );
        let (endpoint, email) = send_request(
            &outgoing(Channel::Email, Address::Email("a@example.org".into())),
            "t",
        )
        .unwrap();
        assert_eq!(
            (endpoint, &email["email_address"]),
            ("email", &json!("a@example.org"))
        );
        let mismatch = send_request(
            &outgoing(Channel::Sms, Address::Email("a@example.org".into())),
            "t",
        );
        assert!(matches!(mismatch, Err(SendFailure::Permanent { .. })));
    }

    #[test]
    fn a_letter_has_three_to_seven_lines_with_the_postcode_last() {
        let postal = |lines: &[&str]| Address::Postal {
            lines: lines.iter().map(|line| (*line).to_owned()).collect(),
            postcode: "SW1A 1AA".to_owned(),
        };
        let (endpoint, letter) = send_request(
            &outgoing(Channel::Letter, postal(&["A Person", " ", "1 Street"])),
            "t",
        )
        .unwrap();
        assert_eq!(endpoint, "letter");
        let p = &letter["personalisation"];
        assert_eq!(
            (
                &p["address_line_1"],
                &p["address_line_2"],
                &p["address_line_3"]
            ),
            (&json!("A Person"), &json!("1 Street"), &json!("SW1A 1AA"))
        );
        assert!(p.get("address_line_4").is_none() && p["body"] == "Sign in to read it.");
        let long = ["N", "1", "2", "3", "4", "5", "6", "7"];
        let (_, letter) = send_request(&outgoing(Channel::Letter, postal(&long)), "t").unwrap();
        let p = &letter["personalisation"];
        assert_eq!(p["address_line_6"], "5, 6, 7");
        assert_eq!(p["address_line_7"], "SW1A 1AA");
        let short = send_request(&outgoing(Channel::Letter, postal(&["A Person"])), "t");
        assert!(matches!(short, Err(SendFailure::Permanent { .. })));
    }
}
