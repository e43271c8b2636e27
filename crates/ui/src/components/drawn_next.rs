//! `DrawnNext`: draws its children a task after the rest of the page around it. For the
//! lower part of a long page drawn at once (a form under a list): on a phone, the browser
//! compiles the wasm of everything drawn for the first time on the main thread, so one
//! drawing of the whole is one long task, two halves are two shorter ones (issue 14).
//! No markup of its own; the children arrive one task later, a few milliseconds, and
//! `after_render` waits for them (`crate::executor::after_pending_work`), so focus moved
//! to something inside still finds it.

use leptos::prelude::*;

use crate::executor::end_turn;

#[component]
pub fn DrawnNext(children: Children) -> impl IntoView {
    let (ready, set_ready) = signal(false);
    leptos::task::spawn_local(async move {
        end_turn().await;
        set_ready.set(true);
    });
    // Drawn once: `ready` changes only from false to true.
    let children = StoredValue::new_local(Some(children));
    move || {
        ready
            .get()
            .then(|| children.try_update_value(Option::take).flatten())
            .flatten()
            .map(|children| children())
    }
}
