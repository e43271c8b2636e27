//! Entry point of the wasm app: panic hook, the executor, then mount the app over the
//! static shell that `index.html` shows while the wasm loads (and to anyone without
//! JavaScript); the shell stays until the app's first drawing replaces it (`static_shell`).

use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook::set_once();
    let root = leptos::prelude::document()
        .get_element_by_id("app")
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| leptos::prelude::document().body())
        .expect("index.html has a #app element or a body");
    safe_updates::components::keep_one_history_entry();
    // Before mounting, so that Leptos runs its effects on it (`mount_to` installs its
    // default only when none is set).
    ui::executor::install();
    safe_updates::static_shell::StaticShell::keep(&root);
    leptos::mount::mount_to(root, safe_updates::App).forget();
}
