//! Entry point of the wasm app: panic hook, then mount the app in place of the static shell
//! that `index.html` shows while the wasm loads (and to anyone without JavaScript).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook::set_once();
    let root = document()
        .get_element_by_id("app")
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document().body())
        .expect("index.html has a #app element or a body");
    // The shell paints first and the app arrives later (tools/paint-first.mjs), so a
    // keyboard user may already have tabbed into it: they keep their place.
    let focused = focused_shell_link(&root);
    // Cleared and mounted in the same task, so the browser never paints an empty page; the
    // app's header matches the shell's, so nothing shifts.
    safe_updates::components::keep_one_history_entry();
    root.set_inner_html("");
    leptos::mount::mount_to(root, safe_updates::App).forget();
    if let Some(selector) = focused {
        refocus(&selector);
    }
}

/// A selector for the app's twin of the shell link that has focus, if one has: the
/// shell's links (skip link, exit, service name, phone numbers) have the same first class
/// and `href` as the app's.
fn focused_shell_link(root: &web_sys::HtmlElement) -> Option<String> {
    let active = document().active_element()?;
    if !root.contains(Some(&active)) {
        return None;
    }
    let class = active.class_list().item(0)?;
    let href = active.get_attribute("href")?;
    // Only the shell's own links, whose classes and hrefs need no escaping.
    let plain = |text: &str| !text.contains(['"', '\\', '\n']);
    (plain(&class) && plain(&href)).then(|| format!("a.{class}[href=\"{href}\"]"))
}

fn refocus(selector: &str) {
    let twin = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(twin) = twin {
        _ = twin.focus();
    }
}
