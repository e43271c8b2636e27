//! `GET /demo/outbox` (demo mode only): "Demo messages", a plain HTML page the server
//! renders itself, listing what the portal would have sent so testers can read sign-in
//! codes. It is not part of either web app, so no production bundle carries it. It has no
//! script; its one inline style is allowed by hash in its own Content-Security-Policy, and
//! it is never cached (it shows live codes).

use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use shared::api::messages::DeliveryStatus;
use shared::api::OutboxMessage;

use super::{latest, Channel, DEMO_LIMIT};
use crate::demo::staff::{DEMO_PASSWORD, DEMO_STAFF};
use crate::platform::csp;
use crate::platform::error::AppError;
use crate::platform::state::AppState;
use crate::platform::stored::enum_from_text;
use crate::sign_in;
use crate::staff::credentials;

/// Mounted only in demo mode (`crate::app`).
pub fn router() -> Router<AppState> {
    Router::new().route("/demo/outbox", get(page))
}

async fn page(State(state): State<AppState>) -> Result<Response, AppError> {
    // Codes are sent by the sign-in worker just after the request: show them once it is done.
    sign_in::worker::wait_for_queue(&state.db).await?;
    let messages = latest(&state.db, &state.keys, None, DEMO_LIMIT).await?;
    let now = state.clock.unix();
    let staff = DEMO_STAFF
        .iter()
        .map(|account| {
            let code =
                credentials::code_at(account.totp_secret, now).map_err(AppError::internal)?;
            Ok(StaffLine {
                email: account.email,
                name: account.name,
                secret: account.totp_secret,
                code,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let html = render(&messages, &staff, !state.providers.is_empty());
    let policy = HeaderValue::from_str(&csp::policy(&html))
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"));
    Ok((
        [
            (
                CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (CACHE_CONTROL, HeaderValue::from_static("no-store")),
            (CONTENT_SECURITY_POLICY, policy),
        ],
        html,
    )
        .into_response())
}

/// Large text, 44 px targets, a yellow focus style with a dark underline as GOV.UK's, and
/// a table that scrolls inside its own focusable region on a narrow screen.
const STYLE: &str = "body{margin:0;font-family:arial,sans-serif;font-size:1.1875rem;\
line-height:1.4;color:#0b0c0c;background:#fff}\
main{max-width:60rem;margin:0 auto;padding:1rem}\
h1{font-size:2rem;margin:1.5rem 0 1rem}\
a{color:#1d70b8;display:inline-block;min-height:44px;padding:.5rem 0;box-sizing:border-box}\
a:focus,.app-table-region:focus{outline:3px solid transparent;background:#fd0;color:#0b0c0c;\
box-shadow:0 -2px #fd0,0 4px #0b0c0c;text-decoration:none}\
.app-table-region{overflow-x:auto}\
table{border-collapse:collapse;width:100%}\
caption{text-align:left;font-weight:bold;margin-bottom:.5rem}\
th,td{text-align:left;vertical-align:top;padding:.5rem 1rem .5rem 0;border-bottom:1px solid #b1b4b6}\
td{overflow-wrap:anywhere}\
h2{font-size:1.5rem;margin:2rem 0 1rem}\
.app-code{font-family:monospace;font-size:1.5rem;letter-spacing:.1em}";

/// A demo staff account as the page lists it, with its code for this moment.
struct StaffLine {
    email: &'static str,
    name: &'static str,
    secret: &'static str,
    code: String,
}

/// The demo staff accounts: sign-in details and the current second-factor code.
fn staff_table(staff: &[StaffLine]) -> String {
    let rows: String = staff
        .iter()
        .map(|line| {
            format!(
                "<tr><td>{name}</td><td>{email}</td><td><span class=\"app-code\">{code}</span>\
                 </td><td>{secret}</td></tr>",
                name = escape(line.name),
                email = escape(line.email),
                code = escape(&line.code),
                secret = escape(line.secret),
            )
        })
        .collect();
    format!(
        "<h2>Demo staff accounts</h2><p>Every account's password is <strong>{password}</strong>. \
         The code changes every 30 seconds and each code works once: refresh this page for a \
         new one, or add the secret to an authenticator app.</p>\
         <div class=\"app-table-region\" role=\"region\" aria-labelledby=\"staff-caption\" \
         tabindex=\"0\"><table><caption id=\"staff-caption\">Staff accounts and their current \
         codes</caption><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Email</th>\
         <th scope=\"col\">Code now</th><th scope=\"col\">Secret</th></tr></thead>\
         <tbody>{rows}</tbody></table></div><h2>Messages</h2>",
        password = escape(DEMO_PASSWORD),
    )
}

/// The whole page for `messages`, newest first, after the demo staff accounts.
/// `sending`: whether a provider is configured (else nothing is really sent).
fn render(messages: &[OutboxMessage], staff: &[StaffLine], sending: bool) -> String {
    let staff = staff_table(staff);
    let body = if messages.is_empty() {
        "<p>There are no messages yet. Ask for a sign-in code, then refresh this page.</p>"
            .to_owned()
    } else {
        let rows: String = messages
            .iter()
            .map(|message| row(message, sending))
            .collect();
        format!(
            "<div class=\"app-table-region\" role=\"region\" aria-labelledby=\"outbox-caption\" \
             tabindex=\"0\"><table><caption id=\"outbox-caption\">Messages the portal would \
             have sent, newest first</caption><thead><tr><th scope=\"col\">Time (UTC)</th>\
             <th scope=\"col\">Channel</th><th scope=\"col\">Recipient</th>\
             <th scope=\"col\">Message</th><th scope=\"col\">Status</th></tr></thead>\
             <tbody>{rows}</tbody></table></div>"
        )
    };
    let sent_or_not = if sending {
        "A message provider is configured, so these were really sent: the status says what \
         became of each."
    } else {
        "No message provider is configured, so nothing here was really sent."
    };
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Demo messages – Safe Updates</title><style>{STYLE}</style></head><body>\
         <main id=\"main-content\"><h1>Demo messages</h1>\
         <p>This page is only in the demo of Safe Updates. It shows the text messages and \
         emails the portal would have sent, so testers can read sign-in codes. {sent_or_not}</p>\
         <p><a href=\"/demo/outbox\">Refresh the messages</a></p>\
         {staff}{body}</main></body></html>"
    )
}

fn row(message: &OutboxMessage, sending: bool) -> String {
    let channel = match enum_from_text::<Channel>(&message.channel) {
        Ok(Channel::Sms) => "Text message",
        Ok(Channel::Email) => "Email",
        Ok(Channel::Letter) => "Letter",
        Err(_) => message.channel.as_str(),
    };
    format!(
        "<tr><td><time datetime=\"{time}\">{shown}</time></td><td>{channel}</td>\
         <td>{recipient}</td><td>{body}</td><td>{status}</td></tr>",
        time = escape(&message.created_at),
        shown = escape(&message.created_at.replace('T', " ").replace('Z', "")),
        channel = escape(channel),
        recipient = escape(&message.recipient),
        body = escape(&message.body),
        status = status_words(message.status, sending),
    )
}

/// A message's status in words; a waiting one says why when nothing can send it.
fn status_words(status: DeliveryStatus, sending: bool) -> &'static str {
    match status {
        DeliveryStatus::Queued if !sending => "Not sent: no provider configured",
        DeliveryStatus::Queued => "Waiting to be sent (at a safe time)",
        DeliveryStatus::Sending => "Being sent",
        DeliveryStatus::Sent => "Sent",
        DeliveryStatus::Delivered => "Delivered",
        DeliveryStatus::TemporaryFailure => "Not delivered yet: will try again",
        DeliveryStatus::PermanentFailure => "Not delivered",
        DeliveryStatus::Cancelled => "Not sent (no longer of use, or no safe way)",
    }
}

/// Text made safe to place in HTML text or a quoted attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(body: &str) -> OutboxMessage {
        OutboxMessage {
            id: "1".into(),
            channel: "sms".into(),
            recipient: "+447700900001".into(),
            body: body.into(),
            created_at: "2026-11-30T10:00:00Z".into(),
            status: DeliveryStatus::Queued,
        }
    }

    #[test]
    fn message_text_is_escaped() {
        let html = render(&[message("<script>alert('x')</script> & more")], &[], false);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"));
    }

    #[test]
    fn the_policy_allows_exactly_the_page_style() {
        let html = render(&[], &[], false);
        let policy = csp::policy(&html);
        assert!(policy.contains("style-src 'self' 'sha256-"), "{policy}");
        assert!(!policy.contains("unsafe-inline"));
        assert!(html.contains("<h1>Demo messages</h1>"));
    }

    #[test]
    fn a_waiting_message_says_whether_anything_can_send_it() {
        let without = render(&[message("Your code is 123456")], &[], false);
        assert!(without.contains("Not sent: no provider configured"));
        assert!(without.contains("nothing here was really sent"));
        let with = render(&[message("Your code is 123456")], &[], true);
        assert!(with.contains("Waiting to be sent (at a safe time)"));
        assert!(!with.contains("no provider configured"));
    }
}
