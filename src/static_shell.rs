//! The static shell in `index.html` (what shows while the wasm loads, and to anyone
//! without JavaScript) and how the app takes its place: the shell stays on screen, and
//! usable, while the app starts, and the app replaces it in one go, so nothing flashes or
//! moves.
//!
//! The app starts in short tasks (issue 14): Lighthouse counts every part of a task past
//! 50 ms on a phone four times slower than the test machine, and a first drawing runs
//! every wasm function for the first time (the browser compiles each then, on the main
//! thread). So the app is mounted in a task of its own into an element outside the page;
//! the router is set up in the next task, the header drawn in the one after, then `<main>`
//! and the footer, then the page. The app goes in place of the shell once the page is
//! whole: a lazy page's code fetched, and the parts a page draws a task later
//! (`DrawnNext`) drawn; swapped in sooner, the page would grow under the person's eyes and
//! push the footer down (a layout shift of 0.23 on a desktop screen, measured on
//! `/rights`). Drawn outside the page, the app is never on the page twice (one `<main>`,
//! one set of links for the keyboard), and the shell works until the moment it goes.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
use ui::executor::{end_turn, idle};
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
    /// The router, and what needs it, is set up (nothing drawn yet).
    Router,
    /// The skip link, exit bar and header.
    Header,
    /// An empty `<main>` and the footer.
    Frame,
    /// The page too; the app then takes the shell's place.
    Page,
}

/// The steps of the first drawing, each in a task of its own, and the app put in the
/// shell's place once the page is drawn (`app_element`).
pub fn first_drawing() -> ReadSignal<Drawn> {
    let (drawn, set_drawn) = signal(Drawn::Nothing);
    leptos::task::spawn_local(async move {
        // Each step's drawing is queued before this future, so it runs first (`end_turn`).
        for step in [Drawn::Router, Drawn::Header, Drawn::Frame, Drawn::Page] {
            end_turn().await;
            set_drawn.set(step);
        }
        // The page whole (see the top of this module). The first wait lets a lazy page's
        // route start fetching its code; the last draws what the page drew after it.
        idle().await;
        LazyPagesShown.await;
        idle().await;
        put_app_in_place();
    });
    drawn
}

thread_local! {
    /// Lazy pages whose code is being fetched, and what waits for there to be none.
    static LAZY_PAGES: RefCell<(usize, Option<Waker>)> = const { RefCell::new((0, None)) };
}

/// Held while a lazy page's code is fetched (`lib.rs`), so the first drawing waits for it.
pub struct LazyPageLoading(());

impl LazyPageLoading {
    pub fn start() -> Self {
        LAZY_PAGES.with_borrow_mut(|(loading, _)| *loading += 1);
        Self(())
    }
}

impl Drop for LazyPageLoading {
    fn drop(&mut self) {
        let waiting = LAZY_PAGES.with_borrow_mut(|(loading, waiting)| {
            *loading = loading.saturating_sub(1);
            (*loading == 0).then(|| waiting.take()).flatten()
        });
        if let Some(waker) = waiting {
            waker.wake();
        }
    }
}

/// Ready when no lazy page's code is being fetched.
struct LazyPagesShown;

impl Future for LazyPagesShown {
    type Output = ();

    fn poll(self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<()> {
        LAZY_PAGES.with_borrow_mut(|(loading, waiting)| match loading {
            0 => Poll::Ready(()),
            _ => {
                *waiting = Some(context.waker().clone());
                Poll::Pending
            }
        })
    }
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
