//! `Loaded`: the three states of data a page loads: "Loading…" (announced by
//! `LoadingStatus`), the content, or a plain-words failure with "Try again"
//! (`RetryableError`). Nothing else shows while (re)loading, so an old error never sits
//! beside "Loading…". A 401 shows nothing: `session_resource` is already on its way to
//! `/sign-in`.

use leptos::either::Either;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::{LoadingStatus, RetryableError};

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
    view! {
        <LoadingStatus message=loading_message loading=loading />
        {move || {
            if loading.get() {
                return None;
            }
            match resource.get()? {
                Ok(value) => Some(Either::Left(render(value))),
                Err(ApiError::Unauthorized) => None,
                Err(_) => Some(Either::Right(view! {
                    <RetryableError
                        message=error_message
                        on_retry=Callback::new(move |()| resource.refetch())
                    />
                })),
            }
        }}
    }
}
