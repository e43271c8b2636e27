//! What the double remembers: the notifications it took, the receipts it posted, and the
//! outcomes a test scripted for the next sends to a recipient.

use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A notification's type, as Notify names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Sms,
    Email,
    Letter,
}

/// What happens to a send. Receipt outcomes end in that status (Notify's names); the rest
/// change the HTTP answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Delivered,
    TemporaryFailure,
    PermanentFailure,
    TechnicalFailure,
    /// Refused with this HTTP status and Notify's error body for it (400, 403, 429, 500).
    Reject(u16),
    /// Taken and stored, but the answer waits until the test releases it (`/_test/release`)
    /// — for a sender that dies before it hears back. The notification then delivers.
    Hold,
}

impl Outcome {
    /// Notify's status name for a receipt outcome.
    pub fn status(self) -> &'static str {
        match self {
            Self::TemporaryFailure => "temporary-failure",
            Self::PermanentFailure => "permanent-failure",
            Self::TechnicalFailure => "technical-failure",
            Self::Delivered | Self::Reject(_) | Self::Hold => "delivered",
        }
    }
}

/// One notification the double took, as `GET /_test/notifications` shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notification {
    pub id: String,
    pub reference: Option<String>,
    #[serde(rename = "type")]
    pub kind: Kind,
    /// The phone number or email address as sent; a letter's address lines joined by
    /// newlines.
    pub to: String,
    /// The recipient as scripts match it (national phone, lower-case email, postcode).
    pub recipient: String,
    pub template_id: String,
    pub personalisation: Map<String, Value>,
    /// The template rendered with the personalisation.
    pub body: String,
    pub subject: Option<String>,
    pub status: String,
    /// The status its receipt will carry (sms and email; letters get no receipts).
    pub final_status: String,
    pub created_at: String,
    /// Whether its answer is still held back.
    pub held: bool,
}

/// A delivery receipt the double posted, and what the callback URL answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptRecord {
    pub notification_id: String,
    pub status: String,
    /// The HTTP status the callback answered with; `None` when it could not be reached.
    pub answered: Option<u16>,
}

/// The next `times` sends to `recipient` (`*`: anyone) end in `outcome`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Script {
    pub recipient: String,
    pub outcome: Outcome,
    #[serde(default = "one")]
    pub times: u32,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Default)]
pub struct Store {
    notifications: Mutex<Vec<Notification>>,
    receipts: Mutex<Vec<ReceiptRecord>>,
    scripts: Mutex<Vec<Script>>,
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic elsewhere leaves the data as consistent as it was: carry on with it.
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Store {
    pub fn add_script(&self, script: Script) {
        lock(&self.scripts).push(script);
    }

    /// The scripted outcome for a send to `recipient`, used up by one.
    pub fn take_scripted(&self, recipient: &str) -> Option<Outcome> {
        let mut scripts = lock(&self.scripts);
        let index = scripts
            .iter()
            .position(|s| s.times > 0 && (s.recipient == recipient || s.recipient == "*"))?;
        let script = &mut scripts[index];
        script.times -= 1;
        let outcome = script.outcome;
        if script.times == 0 {
            scripts.remove(index);
        }
        Some(outcome)
    }

    pub fn insert(&self, notification: Notification) {
        lock(&self.notifications).push(notification);
    }

    pub fn update(&self, id: &str, change: impl FnOnce(&mut Notification)) -> Option<Notification> {
        let mut notifications = lock(&self.notifications);
        let found = notifications.iter_mut().find(|n| n.id == id)?;
        change(found);
        Some(found.clone())
    }

    /// Every notification, oldest first.
    pub fn notifications(&self) -> Vec<Notification> {
        lock(&self.notifications).clone()
    }

    pub fn record_receipt(&self, record: ReceiptRecord) {
        lock(&self.receipts).push(record);
    }

    pub fn receipts(&self) -> Vec<ReceiptRecord> {
        lock(&self.receipts).clone()
    }

    pub fn reset(&self) {
        lock(&self.notifications).clear();
        lock(&self.receipts).clear();
        lock(&self.scripts).clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_is_used_up_send_by_send() {
        let store = Store::default();
        store.add_script(Script {
            recipient: "07700900123".into(),
            outcome: Outcome::Reject(429),
            times: 2,
        });
        store.add_script(Script {
            recipient: "*".into(),
            outcome: Outcome::Hold,
            times: 1,
        });
        assert_eq!(
            store.take_scripted("07700900123"),
            Some(Outcome::Reject(429))
        );
        assert_eq!(
            store.take_scripted("07700900123"),
            Some(Outcome::Reject(429))
        );
        assert_eq!(store.take_scripted("07700900123"), Some(Outcome::Hold));
        assert_eq!(store.take_scripted("07700900123"), None);
    }

    #[test]
    fn outcomes_read_as_notify_names() {
        let script: Script =
            serde_json::from_str(r#"{"recipient":"*","outcome":"temporary-failure"}"#).unwrap();
        assert_eq!(
            (script.outcome, script.times),
            (Outcome::TemporaryFailure, 1)
        );
        let reject: Outcome = serde_json::from_str(r#"{"reject":500}"#).unwrap();
        assert_eq!(reject, Outcome::Reject(500));
    }
}
