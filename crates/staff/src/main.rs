//! Entry point of the staff wasm app: panic hook, then mount the app in place of the
//! loading shell that `index.html` shows while the wasm loads.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook::set_once();
    let root = document()
        .get_element_by_id("app")
        .and_then(|element| element.dyn_into::<leptos::web_sys::HtmlElement>().ok())
        .or_else(|| document().body())
        .expect("index.html has a #app element or a body");
    // Cleared and mounted in the same task, so the browser never paints an empty page.
    root.set_inner_html("");
    leptos::mount::mount_to(root, staff::App).forget();
}
