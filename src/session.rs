//! Pages that need a session (`/case`, `/preferences`, `/callbacks`, `/looks`, `/people`)
//! load their data the same way: `GET /api/session`, then their own call with the crime
//! reference. A 401 at either step sends the person to `/sign-in`, which explains once why
//! they were signed out; a supporter whose access ended goes to `/help/ended` instead.
//! This is the one place that does it.

use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use shared::api::CaseView;

use crate::api::{self, ApiError};
use crate::resource::loading_resource;
use crate::state::use_app_state;

/// The pages that need a session: the victim's own case data, from the API only. Offline
/// they say so plainly; their navigation shows before the session check answers.
const SIGNED_IN_PAGES: [&str; 6] = [
    "/case",
    "/preferences",
    "/callbacks",
    "/looks",
    "/people",
    "/people/invite",
];

/// True for a page that needs a session (see `SIGNED_IN_PAGES`).
pub fn is_signed_in_page(path: &str) -> bool {
    SIGNED_IN_PAGES.contains(&path.trim_end_matches('/'))
}

/// Loads `fetch(crime_reference)` for the signed-in victim, as a `loading_resource`
/// (call `refetch()` on it to reload, e.g. when an action's `version()` changes).
pub fn session_resource<T, Fut>(
    fetch: impl Fn(String) -> Fut + 'static,
) -> (LocalResource<Result<T, ApiError>>, ReadSignal<bool>)
where
    T: 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let state = use_app_state();
    let fetch = Rc::new(fetch);
    let (resource, loading) = loading_resource(move || {
        let fetch = Rc::clone(&fetch);
        async move {
            let session = api::get_session().await?;
            state.session.set(Some(session.clone()));
            fetch(session.crime_reference).await
        }
    });
    redirect_on_unauthorized(Signal::derive(move || {
        resource.with(|result| matches!(result, Some(Err(ApiError::Unauthorized))))
    }));
    redirect_on_access_ended(Signal::derive(move || {
        resource.with(|result| matches!(result, Some(Err(ApiError::AccessEnded))))
    }));
    (resource, loading)
}

/// When `ended` becomes true (a supporter removed, or whose access ran out): forget the
/// session and replace this page with `/help/ended`, which says only that.
pub fn redirect_on_access_ended(ended: Signal<bool>) {
    let state = use_app_state();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if ended.get() {
            untrack(|| {
                state.forget_session();
                let replace = NavigateOptions {
                    replace: true,
                    ..Default::default()
                };
                navigate("/help/ended", replace);
            });
        }
    });
}

/// When `signed_out` becomes true: forget the session, and replace this page with
/// `/sign-in` (so Back does not return to a page that cannot load).
pub fn redirect_on_unauthorized(signed_out: Signal<bool>) {
    let state = use_app_state();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if signed_out.get() {
            untrack(|| {
                state.forget_session();
                state.signed_out_notice.set(true);
                let replace = NavigateOptions {
                    replace: true,
                    ..Default::default()
                };
                navigate("/sign-in", replace);
            });
        }
    });
}

/// For public pages that say more to a signed-in victim (rights, support): their case,
/// or `None` when nobody is signed in or it could not load. Never redirects.
pub fn optional_case() -> LocalResource<Option<CaseView>> {
    let state = use_app_state();
    LocalResource::new(move || {
        let reference = state
            .session
            .with(|session| session.as_ref().map(|s| s.crime_reference.clone()));
        async move { api::get_case(&reference?).await.ok() }
    })
}

#[cfg(test)]
mod tests {
    use super::is_signed_in_page;

    #[test]
    fn knows_the_signed_in_pages() {
        for path in ["/case", "/preferences", "/callbacks", "/looks", "/case/"] {
            assert!(is_signed_in_page(path), "{path}");
        }
        for path in ["/", "/rights", "/support", "/casework", "/case/1"] {
            assert!(!is_signed_in_page(path), "{path}");
        }
    }
}
