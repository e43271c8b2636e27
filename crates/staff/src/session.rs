//! Pages that need a signed-in officer load their data the same way: `GET
//! /api/staff/session` (which also fills in the header), then their own call. A 401 at
//! either step sends the officer to `/staff/sign-in`; if this page had a session until
//! then (15 idle minutes passed, or it ended elsewhere), that page says they were signed
//! out. Someone who was never signed in is just asked to sign in.

use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use ui::resource::loading_resource;

use crate::api::{self, ApiError};
use crate::state::{use_staff_state, SignedOutReason};

/// The sign-in page's address.
pub const SIGN_IN: &str = "/staff/sign-in";

/// Loads `fetch()` for the signed-in officer, as a `ui::resource::loading_resource`.
pub fn staff_resource<T, Fut>(
    fetch: impl Fn() -> Fut + 'static,
) -> (LocalResource<Result<T, ApiError>>, ReadSignal<bool>)
where
    T: 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let state = use_staff_state();
    let fetch = Rc::new(fetch);
    let (resource, loading) = loading_resource(move || {
        let fetch = Rc::clone(&fetch);
        async move {
            let session = api::get_session().await?;
            state.session.set(Some(session));
            fetch().await
        }
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        if resource.with(|result| matches!(result, Some(Err(ApiError::Unauthorized)))) {
            untrack(|| {
                if state.session.get().is_some() {
                    state.signed_out.set(Some(SignedOutReason::TimedOut));
                }
                state.session.set(None);
                let replace = NavigateOptions {
                    replace: true,
                    ..Default::default()
                };
                navigate(SIGN_IN, replace);
            });
        }
    });
    (resource, loading)
}
