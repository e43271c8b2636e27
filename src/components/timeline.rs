//! `Timeline`: the case's updates, newest first.
//!
//! Markup: `<ol class="app-timeline">`; each update is an `<li>` holding an `<article>` with
//! an `<h3>` title (so screen reader users can jump between updates by heading), a
//! `<time datetime="YYYY-MM-DD">` in words, then "What happened" and "What happens next"
//! as `<h4>` sub-headings. An empty list says so in words rather than showing nothing.

use leptos::either::Either;
use leptos::prelude::*;
use shared::api::CaseUpdateView;

use crate::format::long_date;

#[component]
pub fn Timeline(updates: Vec<CaseUpdateView>) -> impl IntoView {
    if updates.is_empty() {
        return Either::Left(view! {
            <p class="app-body">
                "There are no updates yet. We'll add them here when something happens with your case."
            </p>
        });
    }
    Either::Right(view! {
        <ol class="app-timeline">
            {updates
                .into_iter()
                .map(|update| {
                    let date = long_date(&update.date);
                    view! {
                        <li class="app-timeline__item">
                            <article class="app-timeline__update">
                                <h3 class="app-timeline__title app-heading-m">{update.title}</h3>
                                <p class="app-timeline__date">
                                    <time datetime=update.date>{date}</time>
                                </p>
                                <h4 class="app-heading-s">"What happened"</h4>
                                <p class="app-body">{update.what_happened}</p>
                                <h4 class="app-heading-s">"What happens next"</h4>
                                <p class="app-body">{update.what_happens_next}</p>
                            </article>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    })
}
