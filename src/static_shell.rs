//! The static shell in `index.html` (what shows while the wasm loads, and to anyone
//! without JavaScript) and how the app takes its place: the shell stays on screen while
//! the app starts, and the app's first drawing replaces it in one go, in the same task, so
//! nothing flashes or moves.
//!
//! The app starts in two tasks (issue 14): mounting sets up the language, the router and
//! the state, and draws nothing; the drawing comes in the next task (`Layout` waits for
//! [`next_task`]). Each is shorter than the whole was, and Lighthouse counts only the part
//! of a task past 50 ms on a phone four times slower than the test machine.

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

/// Removes the static shell, if it is still there: called by the app's first drawing just
/// before its own nodes go in. A keyboard user who had tabbed into the shell (it paints
/// first, tools/paint-first.mjs) gets focus back on the app's twin of that link.
pub fn replace_static_shell() {
    let Some(shell) = SHELL.take() else {
        return;
    };
    let focused = focused_shell_link(&shell.root);
    for node in &shell.nodes {
        _ = shell.root.remove_child(node);
    }
    if let Some(selector) = focused {
        // Before the next paint, when the app's nodes are in the page.
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
