//! `/staff/callbacks`: the callback queue: open requests across the officer's cases (or
//! their team's or unit's: `?scope=unit`), "I feel unsafe now" first with a red tag, then
//! the soonest call; `?page=` for more. Each request can be booked or closed in place.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shared::api::staff_callbacks::QueueScope;
use ui::components::{LoadingStatus, NotificationBanner, PageTitle, RetryableError};

use crate::api;
use crate::components::callback_item::{CallbackItem, OpenForm};
use crate::format::fill;
use crate::i18n::*;
use crate::session::staff_resource;

#[component]
pub fn CallbacksPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let scope = move || match query.with(|q| q.get("scope")).as_deref() {
        Some("unit") => QueueScope::Unit,
        _ => QueueScope::Mine,
    };
    let page = move || {
        query
            .with(|q| q.get("page"))
            .and_then(|page| page.parse::<u32>().ok())
            .filter(|page| *page >= 1)
            .unwrap_or(1)
    };
    let (queue, loading) = staff_resource(move || {
        let (scope, page) = (scope(), page());
        async move { api::get_callback_queue(scope, page).await }
    });
    let open = RwSignal::new(None::<OpenForm>);
    let notice = RwSignal::new(None::<&'static str>);
    let on_changed = Callback::new(move |text: &'static str| {
        notice.set(Some(text));
        queue.refetch();
    });
    let scope_param = move || match scope() {
        QueueScope::Mine => "mine",
        QueueScope::Unit => "unit",
    };
    let title = t_string!(i18n, callbacks.title).to_owned();
    view! {
        <PageTitle title=title />
        {move || notice.get().map(|text| view! {
            <NotificationBanner id="queue-notice" success=true>
                <p class="app-notification-banner__heading">{text}</p>
            </NotificationBanner>
        })}
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, callbacks.title)}</h1>
        <p class="app-body">{t!(i18n, callbacks.intro)}</p>
        <nav class="app-staff-scope" aria-label=t_string!(i18n, callbacks.scope_label)>
            <ul class="app-staff-scope__list">
                <li><A href="/staff/callbacks?scope=mine" attr:class="app-staff-scope__link" attr:aria-current=move || (scope() == QueueScope::Mine).then_some("page")>{t!(i18n, callbacks.scope_mine)}</A></li>
                <li><A href="/staff/callbacks?scope=unit" attr:class="app-staff-scope__link" attr:aria-current=move || (scope() == QueueScope::Unit).then_some("page")>{t!(i18n, callbacks.scope_unit)}</A></li>
            </ul>
        </nav>
        <h2 class="app-heading-l">{t!(i18n, callbacks.list_label)}</h2>
        <LoadingStatus message=t_string!(i18n, callbacks.loading) loading=loading />
        {move || {
            if loading.get() {
                return None;
            }
            Some(match queue.get()? {
                Ok(view) if view.callbacks.is_empty() => {
                    view! { <p class="app-body">{t!(i18n, callbacks.empty)}</p> }.into_any()
                }
                Ok(view) => {
                    let l = i18n.get_locale_untracked();
                    let from = (view.page - 1) * view.page_size + 1;
                    let to = from + u32::try_from(view.callbacks.len()).unwrap_or(0) - 1;
                    let showing = fill(
                        td_string!(l, callbacks.showing),
                        &[("from", &from.to_string()), ("to", &to.to_string()), ("total", &view.total.to_string())],
                    );
                    let previous = (view.page > 1).then(|| {
                        let href = format!("/staff/callbacks?scope={}&page={}", scope_param(), view.page - 1);
                        view! { <li><A href=href attr:class="app-staff-scope__link">{t!(i18n, callbacks.previous)}</A></li> }
                    });
                    let next = (to < view.total).then(|| {
                        let href = format!("/staff/callbacks?scope={}&page={}", scope_param(), view.page + 1);
                        view! { <li><A href=href attr:class="app-staff-scope__link">{t!(i18n, callbacks.next)}</A></li> }
                    });
                    view! {
                        <p class="app-body">{showing}</p>
                        <ul class="app-staff-callbacks">
                            {view.callbacks.into_iter().map(|item| view! {
                                <CallbackItem item show_reference=true open on_changed />
                            }).collect_view()}
                        </ul>
                        <ul class="app-staff-scope__list">{previous}{next}</ul>
                    }
                    .into_any()
                }
                Err(_) => view! {
                    <RetryableError
                        message=t_string!(i18n, callbacks.load_failed)
                        on_retry=Callback::new(move |()| queue.refetch())
                    />
                }
                .into_any(),
            })
        }}
    }
}
