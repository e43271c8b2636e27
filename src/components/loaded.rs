//! `Loaded`: the three states of data a page loads: "Loading…" (announced by
//! `LoadingStatus`), the content, or a plain-words failure with "Try again"
//! (`RetryableError`). Nothing else shows while (re)loading, so an old error never sits
//! beside "Loading…". A 401 shows nothing: `session_resource` is already on its way to
//! `/sign-in`.
//!
//! Offline (the browser says there is no connection), the signed-in pages say just that —
//! "You're offline — your case updates will show when you're back online" — instead of
//! their "could not load" message; other pages keep theirs. Whatever failed for want of a
//! connection loads again by itself when the browser is back online.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::ApiError;
use crate::components::{LoadingStatus, RetryableError};
use crate::i18n::*;
use crate::offline::is_offline;
use crate::session::is_signed_in_page;

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
                Err(ApiError::Unauthorized) => None,
                Err(error) => {
                    let offline = error == ApiError::Network
                        && is_offline()
                        && pathname.with_untracked(|path| is_signed_in_page(path));
                    let message = if offline {
                        t_string!(i18n, common.offline_case)
                    } else {
                        error_message
                    };
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
