//! `Timeline`: the case's updates, newest first.
//!
//! Markup: `<ol class="app-timeline">`; each update is an `<li>` holding an `<article>` with
//! an `<h3>` title (so screen reader users can jump between updates by heading), a
//! `<time datetime="YYYY-MM-DD">` in words, then "What happened" and "What happens next"
//! as `<h4>` sub-headings. An empty list says so in words rather than showing nothing.
//! Updates the Victims' Code required us to give end with how fast we gave them, in words
//! ("— on time." / "— 2 working days late."), never colour alone.

use leptos::either::Either;
use leptos::prelude::*;
use shared::api::{CaseUpdateView, VcopTiming};

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
                                {update.vcop.as_ref().map(|vcop| {
                                    view! { <p class="app-body app-timeline__vcop">{vcop_sentence(vcop)}</p> }
                                })}
                            </article>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    })
}

/// "You should have been told within 1 working day. We told you on 3 November — on time."
pub fn vcop_sentence(vcop: &VcopTiming) -> String {
    let allowed = working_days(vcop.working_days_allowed);
    let told_on = long_date(&vcop.told_on);
    let outcome = match vcop.late_by_working_days {
        0 => "on time".to_owned(),
        late => format!("{} late", working_days(late)),
    };
    format!("You should have been told within {allowed}. We told you on {told_on} — {outcome}.")
}

fn working_days(count: u32) -> String {
    if count == 1 {
        "1 working day".to_owned()
    } else {
        format!("{count} working days")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_whether_we_were_on_time_in_words() {
        let mut vcop = VcopTiming {
            event_date: "2025-11-03".into(),
            working_days_allowed: 1,
            deadline: "2025-11-04".into(),
            told_on: "2025-11-03".into(),
            late_by_working_days: 0,
        };
        assert_eq!(
            vcop_sentence(&vcop),
            "You should have been told within 1 working day. We told you on 3 November 2025 — on time."
        );
        vcop.late_by_working_days = 2;
        assert!(vcop_sentence(&vcop).ends_with("— 2 working days late."));
    }
}
