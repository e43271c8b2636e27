//! `/demo/outbox` "Demo messages": the texts and emails the server would have sent, so
//! testers can read sign-in codes. `GET /api/dev/outbox` is 404 outside demo mode.

use leptos::either::Either;
use leptos::prelude::*;
use shared::api::OutboxMessage;

use crate::api::{self, ApiError};
use crate::components::{Button, ButtonVariant, LoadingStatus, PageTitle};
use crate::format::short_date_time;
use crate::resource::loading_resource;

#[component]
pub fn DemoOutboxPage() -> impl IntoView {
    let (outbox, loading) = loading_resource(api::get_outbox);
    view! {
        <PageTitle title="Demo messages" />
        <h1 class="app-heading-xl" tabindex="-1">"Demo messages"</h1>
        <p class="app-body">
            "This page is only in the demo of Safe Updates. It shows the text messages and emails the portal would have sent, so testers can read sign-in codes. Nothing here was really sent."
        </p>
        <Button variant=ButtonVariant::Secondary on:click=move |_| outbox.refetch()>
            "Refresh"
        </Button>
        <LoadingStatus message="Loading messages…" loading=loading />
        // The last table stays in view while refreshing; "Loading messages…" says why.
        {move || {
            let problem = match outbox.get()? {
                Ok(outbox) => {
                    return Some(Either::Left(view! { <OutboxTable messages=outbox.messages /> }));
                }
                Err(ApiError::NotFound) => {
                    "Demo messages are only available when the portal runs in demo mode."
                }
                Err(_) => {
                    "Sorry, we could not load the demo messages. Check your internet connection, then select Refresh."
                }
            };
            Some(Either::Right(view! { <p class="app-body app-body--error" role="alert">{problem}</p> }))
        }}
    }
}

/// The messages as a table, newest first. In a focusable, labelled scroll region so wide
/// content never makes the page scroll sideways and keyboard users can still scroll it.
#[component]
fn OutboxTable(messages: Vec<OutboxMessage>) -> impl IntoView {
    if messages.is_empty() {
        return Either::Left(view! {
            <p class="app-body">"There are no messages yet. Ask for a sign-in code, then select Refresh."</p>
        });
    }
    Either::Right(view! {
        <div class="app-table-container" role="region" aria-labelledby="outbox-caption" tabindex="0">
            <table class="app-table">
                <caption class="app-table__caption" id="outbox-caption">
                    "Messages the portal would have sent, newest first"
                </caption>
                <thead>
                    <tr>
                        <th scope="col" class="app-table__header">"Time"</th>
                        <th scope="col" class="app-table__header">"Channel"</th>
                        <th scope="col" class="app-table__header">"Recipient"</th>
                        <th scope="col" class="app-table__header">"Message"</th>
                    </tr>
                </thead>
                <tbody>
                    {messages
                        .into_iter()
                        .map(|message| {
                            let time = short_date_time(&message.created_at);
                            view! {
                                <tr>
                                    <td class="app-table__cell">
                                        <time datetime=message.created_at>{time}</time>
                                    </td>
                                    <td class="app-table__cell">{channel_name(&message.channel)}</td>
                                    <td class="app-table__cell app-table__cell--wrap">{message.recipient}</td>
                                    <td class="app-table__cell app-table__cell--message">{message.body}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    })
}

fn channel_name(channel: &str) -> String {
    match channel {
        "sms" => "Text message".to_owned(),
        "email" => "Email".to_owned(),
        other => other.to_owned(),
    }
}
