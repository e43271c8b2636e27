//! `Loaded`: the three states of data a page loads: "Loading…" (announced by
//! `LoadingStatus`), the content, or a plain-words failure with "Try again"
//! (`RetryableError`). Nothing else shows while (re)loading, so an old error never sits
//! beside "Loading…". A 401 shows nothing: `session_resource` is already on its way to
//! `/sign-in`.
//!
//! Offline (the browser says there is no connection), an app may say just that instead of
//! the page's "could not load" message: it provides an [`OfflineNotice`] context (the
//! victim app does, for its signed-in pages: "You're offline — your case updates will show
//! when you're back online"). Whatever failed for want of a connection loads again by
//! itself when the browser is back online.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::ApiError;
use crate::components::{LoadingStatus, RetryableError};
use crate::i18n::*;

/// What to say instead of a page's "could not load" message when the browser is offline:
/// given the language and the page's path, the sentence, or `None` to keep the page's own.
#[derive(Clone, Copy)]
pub struct OfflineNotice(pub fn(I18n, &str) -> Option<&'static str>);

/// True when the browser knows it has no connection. (When it thinks it is online a request
/// can still fail, on poor signal or with the server down: pages then say they could not
/// load.)
pub fn is_offline() -> bool {
    !window().navigator().on_line()
}

#[component]
pub fn Loaded<T, V, F>(
    resource: LocalResource<Result<T, ApiError>>,
    loading: ReadSignal<bool>,
    loading_message: &'static str,
    error_message: &'static str,
    render: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let pathname = use_location().pathname;
    let offline_notice = use_context::<OfflineNotice>();
    let back_online = window_event_listener_untyped("online", move |_| {
        if resource.with_untracked(|result| matches!(result, Some(Err(ApiError::Network)))) {
            resource.refetch();
        }
    });
    on_cleanup(move || back_online.remove());

    view! {
        <LoadingStatus message=loading_message loading=loading />
        {move || {
            if loading.get() {
                return None;
            }
            match resource.get()? {
                Ok(value) => Some(Either::Left(render(value))),
                // The page is on its way to sign-in, or to "no longer active".
                Err(ApiError::Unauthorized | ApiError::AccessEnded) => None,
                Err(error) => {
                    let offline = offline_notice
                        .filter(|_| error == ApiError::Network && is_offline())
                        .and_then(|OfflineNotice(notice)| {
                            pathname.with_untracked(|path| notice(i18n, path))
                        });
                    let message = offline.unwrap_or(error_message);
                    Some(Either::Right(view! {
                        <RetryableError
                            message
                            on_retry=Callback::new(move |()| resource.refetch())
                        />
                    }))
                }
            }
        }}
    }
}
