//! `NotifyClient`: GOV.UK Notify as a `Provider`. One HTTPS request per send, a fresh JWT
//! on each, and every answer turned into `Accepted` or a `SendFailure` (`rules`). Logs
//! carry the outbox id and Notify's id only.

use std::time::Duration;

use serde::Deserialize;

use super::config::{ApiKey, NotifyConfig};
use super::{jwt, rules, PROVIDER_NAME};
use crate::delivery::message::{Accepted, DeliveryStatus, Outgoing, SendFailure};
use crate::delivery::provider::{BoxFuture, Provider};
use crate::outbox::Channel;

/// How long a connection may take to open, and a whole request to be answered.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// The template for each channel; a channel without one is not carried.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Templates {
    pub sms: Option<String>,
    pub email: Option<String>,
    pub letter: Option<String>,
}

impl Templates {
    fn for_channel(&self, channel: Channel) -> Option<&str> {
        match channel {
            Channel::Sms => self.sms.as_deref(),
            Channel::Email => self.email.as_deref(),
            Channel::Letter => self.letter.as_deref(),
        }
    }
}

pub struct NotifyClient {
    http: reqwest::Client,
    base_url: String,
    key: ApiKey,
    templates: Templates,
}

/// Notify's 201 answer: only its id is of use to us.
#[derive(Deserialize)]
struct Created {
    id: String,
}

/// `GET /v2/notifications`: newest first.
#[derive(Deserialize)]
struct Listed {
    notifications: Vec<ListedNotification>,
}

#[derive(Deserialize)]
struct ListedNotification {
    id: String,
    status: String,
    #[serde(rename = "type")]
    kind: Option<String>,
}

impl NotifyClient {
    /// The client `config` describes; `None` when no API key is set. A key without any
    /// template (or a template without a key) is a mistake worth stopping for.
    pub fn from_config(config: &NotifyConfig) -> anyhow::Result<Option<Self>> {
        let templates = Templates {
            sms: config.notify_sms_template.clone(),
            email: config.notify_email_template.clone(),
            letter: config.notify_letter_template.clone(),
        };
        match (&config.notify_api_key, templates == Templates::default()) {
            (None, true) => Ok(None),
            (None, false) => anyhow::bail!(
                "a Notify template is set but --notify-api-key-file is not: set both, or neither"
            ),
            (Some(_), true) => anyhow::bail!(
                "--notify-api-key-file is set but no template: set --notify-sms-template, \
                 --notify-email-template and/or --notify-letter-template"
            ),
            (Some(key), false) => {
                Self::new(&config.notify_base_url, key.clone(), templates).map(Some)
            }
        }
    }

    pub fn new(base_url: &str, key: ApiKey, templates: Templates) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(REQUEST_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(Self {
            http,
            base_url: base_url.trim_end_matches('/').to_owned(),
            key,
            templates,
        })
    }

    fn bearer(&self) -> String {
        jwt::token(&self.key, jwt::now())
    }

    async fn send_message(&self, message: &Outgoing) -> Result<Accepted, SendFailure> {
        let template =
            self.templates
                .for_channel(message.channel)
                .ok_or_else(|| SendFailure::Permanent {
                    reason: "no Notify template for this channel".to_owned(),
                })?;
        let (endpoint, body) = rules::send_request(message, template)?;
        let response = self
            .http
            .post(format!("{}/v2/notifications/{endpoint}", self.base_url))
            .bearer_auth(self.bearer())
            .json(&body)
            .send()
            .await
            .map_err(|error| network_failure(&error, &message.reference))?;
        let status = response.status().as_u16();
        if status != 201 {
            return Err(refused(status, &message.reference));
        }
        // Taken: even if the answer cannot be read, the message is on its way.
        let provider_id = response
            .json::<Created>()
            .await
            .ok()
            .map(|created| created.id);
        tracing::info!(outbox_id = %message.reference, notify_id = ?provider_id, "sent through Notify");
        Ok(Accepted {
            provider_id,
            status: DeliveryStatus::Sent,
        })
    }

    async fn find_by_reference(&self, reference: &str) -> Result<Option<Accepted>, SendFailure> {
        let response = self
            .http
            .get(format!("{}/v2/notifications", self.base_url))
            .query(&[("reference", reference)])
            .bearer_auth(self.bearer())
            .send()
            .await
            .map_err(|error| network_failure(&error, reference))?;
        let status = response.status().as_u16();
        if status != 200 {
            return Err(refused(status, reference));
        }
        let listed: Listed = response.json().await.map_err(|_| SendFailure::Temporary {
            reason: "unreadable answer from Notify".to_owned(),
        })?;
        Ok(listed.notifications.into_iter().next().map(|found| {
            let letter = found.kind.as_deref() == Some("letter");
            Accepted {
                status: rules::delivery_status(&found.status, letter)
                    .unwrap_or(DeliveryStatus::Sent),
                provider_id: Some(found.id),
            }
        }))
    }
}

/// A request that got no answer: worth trying again.
fn network_failure(error: &reqwest::Error, reference: &str) -> SendFailure {
    let reason = if error.is_timeout() {
        "Notify did not answer in time"
    } else {
        "could not reach Notify"
    };
    tracing::warn!(outbox_id = %reference, reason, "Notify request failed");
    SendFailure::Temporary {
        reason: reason.to_owned(),
    }
}

/// An error answer, logged by status (an error when it is our configuration's fault).
fn refused(status: u16, reference: &str) -> SendFailure {
    if matches!(status, 401 | 403) {
        tracing::error!(
            outbox_id = %reference,
            status,
            "Notify refused our API key: check --notify-api-key-file and this server's clock \
             (Notify allows 30 seconds)"
        );
    } else {
        tracing::warn!(outbox_id = %reference, status, "Notify refused a request");
    }
    rules::failure_for_status(status)
}

impl Provider for NotifyClient {
    fn name(&self) -> &'static str {
        PROVIDER_NAME
    }

    fn carries(&self, channel: Channel) -> bool {
        self.templates.for_channel(channel).is_some()
    }

    fn send<'a>(&'a self, message: &'a Outgoing) -> BoxFuture<'a, Result<Accepted, SendFailure>> {
        Box::pin(self.send_message(message))
    }

    fn find_sent<'a>(
        &'a self,
        reference: &'a str,
    ) -> BoxFuture<'a, Result<Option<Accepted>, SendFailure>> {
        Box::pin(self.find_by_reference(reference))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str =
        "key-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";

    #[test]
    fn a_key_and_templates_go_together() {
        let mut config = NotifyConfig::default();
        assert!(NotifyClient::from_config(&config).unwrap().is_none());
        config.notify_email_template = Some(uuid::Uuid::new_v4().to_string());
        assert!(
            NotifyClient::from_config(&config).is_err(),
            "a template without a key"
        );
        config.notify_api_key = Some(ApiKey::parse(KEY).unwrap());
        let client = NotifyClient::from_config(&config).unwrap().unwrap();
        assert!(client.carries(Channel::Email));
        assert!(!client.carries(Channel::Sms) && !client.carries(Channel::Letter));
        config.notify_email_template = None;
        assert!(
            NotifyClient::from_config(&config).is_err(),
            "a key without a template"
        );
    }
}
