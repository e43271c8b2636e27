//! Entry point of the wasm app: panic hook, the executor, then, in the next task, mount the
//! app outside the page; it takes the place of the static shell that `index.html` shows
//! while the wasm loads (and to anyone without JavaScript) once its first drawing is done
//! (`static_shell`).

use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook::set_once();
    let document = leptos::prelude::document();
    let shell = document
        .get_element_by_id("app")
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    safe_updates::components::keep_one_history_entry();
    // Before mounting, so that Leptos runs its effects on it (`mount_to` installs its
    // default only when none is set).
    ui::executor::install();
    let app = match shell {
        Some(shell) => safe_updates::static_shell::app_element(shell),
        None => document.body().expect("a page has a body"),
    };
    // Not in the task that has just compiled and started the wasm: each is shorter.
    leptos::task::spawn_local(async move {
        ui::executor::end_turn().await;
        leptos::mount::mount_to(app, safe_updates::App).forget();
    });
}
