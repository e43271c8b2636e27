//! The static shell in `index.html` (what shows while the wasm loads, and to anyone
//! without JavaScript) and how the app takes its place: the shell stays on screen, and
//! usable, while the app starts, and the app replaces it in one go, so nothing flashes or
//! moves.
//!
//! The app starts in short tasks (issue 14): most of a first drawing's time on a phone is
//! the browser compiling the wasm functions it runs for the first time, on the main
//! thread, and Lighthouse counts every part of a task past 50 ms on a phone four times
//! slower than the test machine. So the app is mounted in a task of its own into an
//! element outside the page, the header and footer are drawn in the next task, the page in
//! the one after, and the whole goes in place of the shell in a last one. Drawn outside
//! the page, the app is never on the page twice (one `<main>`, one set of links for the
//! keyboard), and the shell works until the moment it goes.

use std::cell::RefCell;

use leptos::prelude::*;
use ui::executor::end_turn;
use wasm_bindgen::JsCast;

/// The shell's element (`#app`) and the app's, until the app takes the shell's place.
struct Swap {
    shell: web_sys::HtmlElement,
    app: web_sys::HtmlElement,
}

thread_local! {
    /// Set once by `main` before mounting, taken once when the app goes in place.
    static SWAP: RefCell<Option<Swap>> = const { RefCell::new(None) };
}

/// The element to mount the app into: a new `#app`, outside the page until the first
/// drawing is done ([`first_drawing`]), which then takes the place of `shell`.
pub fn app_element(shell: web_sys::HtmlElement) -> web_sys::HtmlElement {
    let app = document()
        .create_element("div")
        .ok()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(app) = app else {
        // Never in a browser; the app then mounts into the shell, after its content.
        return shell;
    };
    app.set_id("app");
    SWAP.set(Some(Swap {
        shell,
        app: app.clone(),
    }));
    app
}

/// How much of the first drawing is done. Each step comes in a task after the one before.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Drawn {
    Nothing,
    /// The skip link, exit bar, header, an empty `<main>` and the footer.
    Frame,
    /// The page too; the app then takes the shell's place.
    Page,
}

/// The steps of the first drawing, each in a task of its own, and the app put in the
/// shell's place in the task after the last (`app_element`).
pub fn first_drawing() -> ReadSignal<Drawn> {
    let (drawn, set_drawn) = signal(Drawn::Nothing);
    leptos::task::spawn_local(async move {
        // Each step's drawing is queued before this future, so it runs first (`end_turn`).
        for step in [Drawn::Frame, Drawn::Page] {
            end_turn().await;
            set_drawn.set(step);
        }
        end_turn().await;
        put_app_in_place();
    });
    drawn
}

/// Puts the app where the shell is. A keyboard user who had tabbed into the shell gets
/// focus back on the app's twin of that link.
fn put_app_in_place() {
    let Some(Swap { shell, app }) = SWAP.take() else {
        return;
    };
    let focused = focused_shell_link(&shell);
    if shell.replace_with_with_node_1(&app).is_err() {
        return;
    }
    if let Some(selector) = focused {
        refocus(&selector);
    }
}

/// A selector for the app's twin of the shell link that has focus, if one has: the
/// shell's links (skip link, exit, service name, phone numbers) have the same first class
/// and `href` as the app's.
fn focused_shell_link(shell: &web_sys::HtmlElement) -> Option<String> {
    let active = document().active_element()?;
    if !shell.contains(Some(&active)) {
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
