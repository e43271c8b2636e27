//! `CaseTimeline`: "Updates" on a case: a "Post an update" button, then every update the
//! victim can see, newest first, each with its event, event date, Victims' Code deadline
//! and whether (and how) the victim was told; an untold event offers "I told them by
//! phone" and "I told them in person". After publishing, the post-update page comes back
//! with `?posted=<deadline>` and this section starts with a success banner saying the
//! deadline and that the victim will be told safely.
//!
//! Markup contract: a `<section>` named by its `<h2>`. Each update is an `<article>`
//! named by its `<h3>` title, with a GOV.UK summary list. The banner is `role="alert"`
//! and takes focus once shown. Told or not is words, never
//! colour alone. The buttons are `<button>`s (they record something), 44 px high.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::api::updates::{StaffUpdateView, TellingMethod, VcopEvent};
use ui::components::{
    focus_element, LoadingStatus, NotificationBanner, RetryableError, SummaryList, SummaryRow,
};

use crate::api;
use crate::format::long_date;
use crate::i18n::*;
use crate::session::staff_resource;
use crate::updates_words::{event_name, told_words};

/// The query parameter the post-update page returns with: the deadline, or `none`.
pub const POSTED_QUERY: &str = "posted";

const BANNER_ID: &str = "update-published";

/// The case page's address: the reference with its own slashes, as "My cases" links it.
pub fn case_href(reference: &str) -> String {
    format!("/staff/cases/{reference}")
}

/// The post-update page's address for a case.
pub fn post_update_href(reference: &str) -> String {
    format!("/staff/post-update/{reference}")
}

#[component]
pub fn CaseTimeline(#[prop(into)] reference: String) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let query = use_query_map();
    let posted = move || query.with(|q| q.get(POSTED_QUERY));
    let told = Action::new_local(
        |(reference, id, method): &(String, String, TellingMethod)| {
            let (reference, id, method) = (reference.clone(), id.clone(), *method);
            async move { api::mark_told(&reference, &id, method).await }
        },
    );
    let (updates, loading) = {
        let reference = reference.clone();
        staff_resource(move || {
            told.version().get();
            let reference = reference.clone();
            async move { api::get_updates(&reference).await }
        })
    };
    let banner = move || {
        posted().map(|deadline| {
            let text = if deadline == "none" {
                td_string!(l, updates.published_no_deadline).to_owned()
            } else {
                td_string!(l, updates.published).replace("{{ deadline }}", &long_date(l, &deadline))
            };
            view! {
                <NotificationBanner id=BANNER_ID success=true autofocus=true>
                    <p class="app-notification-banner__heading">{text}</p>
                </NotificationBanner>
            }
        })
    };
    // The case page arrives after the navigation that `FocusOnNavigate` handles, so the
    // banner takes focus itself once it is on screen.
    Effect::new(move |_| {
        if posted().is_some() {
            request_animation_frame(|| focus_element(BANNER_ID));
        }
    });
    let href = post_update_href(&reference);
    view! {
        <section aria-labelledby="updates-heading">
            {banner}
            <h2 class="app-heading-l" id="updates-heading">{t!(i18n, updates.timeline_heading)}</h2>
            <p class="app-body">{t!(i18n, updates.timeline_intro)}</p>
            <a class="app-button" href=href draggable="false">{t!(i18n, updates.title)}</a>
            {move || told.value().get().and_then(Result::err).map(|_| view! {
                <p class="app-error-message" role="alert">{t!(i18n, updates.mark_failed)}</p>
            })}
            <LoadingStatus message=t_string!(i18n, updates.timeline_loading) loading=loading />
            {move || {
                if loading.get() {
                    return None;
                }
                let reference = reference.clone();
                Some(match updates.get()? {
                    Ok(view) if view.updates.is_empty() => {
                        view! { <p class="app-body">{t!(i18n, updates.timeline_empty)}</p> }.into_any()
                    }
                    Ok(view) => view
                        .updates
                        .into_iter()
                        .map(|update| {
                            let reference = reference.clone();
                            let record = Callback::new(move |(id, method): (String, TellingMethod)| {
                                if !told.pending().get_untracked() {
                                    told.dispatch((reference.clone(), id, method));
                                }
                            });
                            view! { <UpdateEntry update=update record=record /> }
                        })
                        .collect_view()
                        .into_any(),
                    Err(_) => view! {
                        <RetryableError
                            message=t_string!(i18n, updates.timeline_load_failed)
                            on_retry=Callback::new(move |()| updates.refetch())
                        />
                    }
                    .into_any(),
                })
            }}
        </section>
    }
}

#[component]
fn UpdateEntry(
    update: StaffUpdateView,
    record: Callback<(String, TellingMethod)>,
) -> impl IntoView {
    let l = use_i18n().get_locale_untracked();
    let heading_id = format!("update-{}", update.id);
    let labelled_by = heading_id.clone();
    let untold_event = update.event != VcopEvent::Other && update.told_on.is_none();
    let deadline = update.deadline.as_deref().map_or_else(
        || td_string!(l, updates.no_deadline).to_owned(),
        |date| long_date(l, date),
    );
    let event_date = update
        .event_date
        .as_deref()
        .map(|date| long_date(l, date))
        .unwrap_or_default();
    let told = told_words(l, update.told_on.as_deref(), update.told_by);
    let id = update.id.clone();
    let buttons = untold_event.then(|| {
        let (call_id, visit_id) = (id.clone(), id);
        view! {
            <div class="app-button-group">
                <button type="button" class="app-button app-button--secondary"
                    on:click=move |_| record.run((call_id.clone(), TellingMethod::Call))>
                    {td_string!(l, updates.mark_call)}
                </button>
                <button type="button" class="app-button app-button--secondary"
                    on:click=move |_| record.run((visit_id.clone(), TellingMethod::Visit))>
                    {td_string!(l, updates.mark_visit)}
                </button>
            </div>
        }
    });
    view! {
        <article class="app-staff-update" aria-labelledby=labelled_by>
            <h3 class="app-heading-m" id=heading_id lang=update.language.tag()>{update.title}</h3>
            <SummaryList>
                <SummaryRow label=td_string!(l, updates.posted_on)>{long_date(l, &update.date)}</SummaryRow>
                <SummaryRow label=td_string!(l, updates.event)>{event_name(l, update.event)}</SummaryRow>
                <SummaryRow label=td_string!(l, updates.event_date)>{event_date}</SummaryRow>
                <SummaryRow label=td_string!(l, updates.deadline)>{deadline}</SummaryRow>
                <SummaryRow label=td_string!(l, updates.told)>{told}</SummaryRow>
            </SummaryList>
            {buttons}
        </article>
    }
}
