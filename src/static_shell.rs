//! The static shell in `index.html` (what shows while the wasm loads, and to anyone
//! without JavaScript) and how the app takes its place: the shell stays on screen while
//! the app draws itself out of sight, then makes way for it in one go, in one task, so
//! nothing flashes or moves.
//!
//! The app starts in four tasks (issue 14): mounting sets up the language, the router and
//! the state, and draws nothing; the next draws the header and footer (`Layout` waits for
//! [`next_task`]), the next the page, and the last swaps the shell for the app
//! ([`after_first_drawing`]). Each is shorter than the whole was, and Lighthouse counts
//! only the part of a task past 50 ms on a phone four times slower than the test machine.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The shell's nodes, until the app's first drawing takes their place.
pub struct StaticShell {
    root: web_sys::HtmlElement,
    nodes: Vec<web_sys::Node>,
}

thread_local! {
    /// Set once by `main` before mounting, taken once by the first drawing.
    static SHELL: RefCell<Option<StaticShell>> = const { RefCell::new(None) };
}

impl StaticShell {
    /// Keeps what `root` shows now, for [`replace_static_shell`] to remove.
    pub fn keep(root: &web_sys::HtmlElement) {
        let mut nodes = Vec::new();
        let mut next = root.first_child();
        while let Some(node) = next {
            next = node.next_sibling();
            nodes.push(node);
        }
        SHELL.set(Some(StaticShell {
            root: root.clone(),
            nodes,
        }));
    }
}

/// Removes the static shell, if it is still there: called once the app's first drawing is
/// in place, just before it is shown. A keyboard user who had tabbed into the shell (it paints
/// first, tools/paint-first.mjs) gets focus back on the app's twin of that link.
fn replace_static_shell() {
    let Some(shell) = SHELL.take() else {
        return;
    };
    let focused = focused_shell_link(&shell.root);
    for node in &shell.nodes {
        _ = shell.root.remove_child(node);
    }
    if let Some(selector) = focused {
        // Before the next paint, once the app is shown.
        request_animation_frame(move || refocus(&selector));
    }
}

/// `true` once the executor (`ui::executor`) gets to it: in the task after this one when
/// this one has already run longer than a turn, as mounting does on a slow phone, so what
/// waits for it is drawn in a task of its own.
pub fn next_task() -> ReadSignal<bool> {
    let (ready, set_ready) = signal(false);
    leptos::task::spawn_local(async move { set_ready.set(true) });
    ready
}

/// While the static shell is on screen: `false` until the next task, and in the task after
/// that the shell makes way and `show` is set, the app having drawn itself out of sight in
/// between. Once the shell is gone: `true` at once.
///
/// The first drawing is thus three tasks, not one: most of each is the browser compiling
/// the wasm functions it runs for the first time (Chromium compiles them lazily, on the
/// main thread), so the page and what surrounds it compile in tasks of their own.
pub fn after_first_drawing(show: WriteSignal<bool>) -> ReadSignal<bool> {
    if SHELL.with_borrow(Option::is_none) {
        show.maybe_update(|shown| !std::mem::replace(shown, true));
        return signal(true).0;
    }
    let (ready, set_ready) = signal(false);
    leptos::task::spawn_local(async move {
        set_ready.set(true);
        leptos::task::spawn_local(async move {
            replace_static_shell();
            show.set(true);
        });
    });
    ready
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
