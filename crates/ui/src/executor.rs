//! The queue that runs Leptos's async work (effects, resources, spawned tasks) in short
//! turns, so starting an app never blocks the page for long.
//!
//! Leptos runs every effect through `any_spawner`'s executor. Its default,
//! wasm-bindgen-futures, polls every ready future in microtasks, so the first render's
//! effects and requests all ran in the task that had just built the page, one long task
//! (issue 14: half of the victim app's start, and Lighthouse counts every millisecond of a
//! task past 50 on a phone four times slower than the test machine). This queue works the
//! same way while the work is short: a woken future is polled in a microtask, before the
//! next paint, so a click's effects still show at once. Once the work in one turn of the
//! event loop passes [`TURN_MS`], what is left waits for a new task (a `MessageChannel`
//! message, which browsers do not delay like `setTimeout`), so the browser can paint and
//! answer input in between.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::sync::Arc;
use std::task::{Context, Wake, Waker};

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long one turn of the event loop may run futures before the rest waits for the
/// next: a phone four times slower than a desktop still stays well under the 50 ms that
/// makes a task "long" (React's scheduler uses 5 ms for the same reason).
pub const TURN_MS: f64 = 5.0;

/// Makes this queue the executor Leptos spawns on. Call it before mounting: `mount_to`
/// installs wasm-bindgen-futures only when no executor is set yet.
pub fn install() {
    // An executor already set (a second call) keeps running; nothing to do.
    _ = Executor::init_local_custom_executor(TurnQueue);
}

struct TurnQueue;

impl CustomExecutor for TurnQueue {
    /// Only futures that may move between threads come here; the browser has one thread.
    fn spawn(&self, future: PinnedFuture<()>) {
        spawn_local(future);
    }

    fn spawn_local(&self, future: PinnedLocalFuture<()>) {
        spawn_local(future);
    }

    /// The queue runs itself from the event loop.
    fn poll_local(&self) {}
}

/// The futures not finished yet, in slots reused once a future finishes (a waker left
/// from an earlier future may then poll a later one once for nothing, which futures allow;
/// a slab keeps hashing code out of the first visit's wasm).
#[derive(Default)]
struct State {
    slots: Vec<Slot>,
    free: Vec<usize>,
    /// Slots to poll, in the order they were woken, each once (`Slot::queued`).
    ready: VecDeque<usize>,
    /// What waits for `ready` to be empty (`after_pending_work`).
    when_idle: Vec<Box<dyn FnOnce()>>,
}

#[derive(Default)]
struct Slot {
    /// Taken out while it is polled.
    future: Option<PinnedLocalFuture<()>>,
    live: bool,
    queued: bool,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::default();
    /// When the current turn of the event loop started running futures; `Some` exactly
    /// while the next turn's message is on its way.
    static TURN_STARTED: Cell<Option<f64>> = const { Cell::new(None) };
    /// Whether a microtask to poll is already queued.
    static MICROTASK_QUEUED: Cell<bool> = const { Cell::new(false) };
    static NEXT_TURN: NextTurn = NextTurn::new();
}

fn spawn_local(future: PinnedLocalFuture<()>) {
    let id = STATE.with_borrow_mut(|state| {
        let slot = Slot {
            future: Some(future),
            live: true,
            queued: false,
        };
        match state.free.pop() {
            Some(id) => {
                state.slots[id] = slot;
                id
            }
            None => {
                state.slots.push(slot);
                state.slots.len() - 1
            }
        }
    });
    wake(id);
}

/// Queues the future in slot `id` to be polled, and makes sure a poll is coming.
fn wake(id: usize) {
    let newly_queued = STATE.with_borrow_mut(|state| {
        let Some(slot) = state
            .slots
            .get_mut(id)
            .filter(|slot| slot.live && !slot.queued)
        else {
            return false;
        };
        slot.queued = true;
        state.ready.push_back(id);
        true
    });
    if newly_queued {
        schedule();
    }
}

/// Runs `f` once every future that is ready to run has run: at once when none is (and
/// always in an app that has not installed this queue). A drawing that a turn had no time
/// for comes in a later task, after the browser's next frame perhaps, so whatever moves
/// focus to something just drawn waits for this (`ui::components::after_render`).
pub fn after_pending_work(f: impl FnOnce() + 'static) {
    let waiting = STATE.with_borrow_mut(|state| {
        let waiting = !state.ready.is_empty();
        if waiting {
            state.when_idle.push(Box::new(f));
            return Ok(());
        }
        Err(f)
    });
    if let Err(f) = waiting {
        f();
    }
}

/// Ready once every future that is ready to run has run ([`after_pending_work`]): what
/// they draw, and what they queue meanwhile (`DrawnNext`'s later parts), is drawn.
pub fn idle() -> Idle {
    Idle { done: None }
}

/// The future [`idle`] returns.
pub struct Idle {
    /// Set once the queue has been asked to call back; true once it has.
    done: Option<std::rc::Rc<Cell<bool>>>,
}

impl std::future::Future for Idle {
    type Output = ();

    fn poll(mut self: std::pin::Pin<&mut Self>, context: &mut Context<'_>) -> std::task::Poll<()> {
        if let Some(done) = &self.done {
            return match done.get() {
                true => std::task::Poll::Ready(()),
                false => std::task::Poll::Pending,
            };
        }
        let done = std::rc::Rc::new(Cell::new(false));
        self.done = Some(done.clone());
        let waker = context.waker().clone();
        // Called back at once when nothing else is queued (this future is being polled,
        // so it is not queued either): the wake then polls it again, ready.
        after_pending_work(move || {
            done.set(true);
            waker.wake();
        });
        std::task::Poll::Pending
    }
}

/// Ends this turn of the event loop: the future that awaits it, and whatever else is ready
/// to run, goes on in a later task, after the browser has had its turn. For work that a
/// phone would otherwise do in one long task (the victim app's start, `static_shell`).
/// Outside a turn that can end (no queue installed, no `MessageChannel`) it only yields
/// once.
pub fn end_turn() -> EndTurn {
    EndTurn { ended: false }
}

/// The future [`end_turn`] returns.
pub struct EndTurn {
    ended: bool,
}

impl std::future::Future for EndTurn {
    type Output = ();

    fn poll(mut self: std::pin::Pin<&mut Self>, context: &mut Context<'_>) -> std::task::Poll<()> {
        if self.ended {
            return std::task::Poll::Ready(());
        }
        self.ended = true;
        // A turn whose time is up: `schedule` leaves what is ready for the next turn's
        // message, already on its way while `TURN_STARTED` is set.
        if TURN_STARTED.get().is_some() {
            TURN_STARTED.set(Some(f64::NEG_INFINITY));
        }
        // Still in the queue, so `after_pending_work` waits for it.
        context.waker().wake_by_ref();
        std::task::Poll::Pending
    }
}

/// Awaits `future`, then returns `then(output)`. If `future` had to wait (for a file or an
/// answer from the network), each comes in a task of its own: the task that finished
/// `future` ends, `then` runs in the next, and what is done with its result (drawing a
/// page) in the one after. Ready at once, it changes nothing: Leptos's router draws a
/// page that is ready on its first poll in the same task.
pub async fn end_turns_if_it_waited<F: std::future::Future, T>(
    future: F,
    then: impl FnOnce(F::Output) -> T,
) -> T {
    let mut future = std::pin::pin!(future);
    let mut waited = false;
    let output = std::future::poll_fn(|context| {
        let poll = future.as_mut().poll(context);
        waited |= poll.is_pending();
        poll
    })
    .await;
    if !waited {
        return then(output);
    }
    end_turn().await;
    let result = then(output);
    end_turn().await;
    result
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// A poll in this turn (a microtask) while it has time left; otherwise the next turn's
/// message polls.
fn schedule() {
    let started = TURN_STARTED.get().or_else(|| {
        // The first work of this turn: the next turn's message marks where it ends.
        NEXT_TURN.with(NextTurn::post).then(|| {
            let started = now();
            TURN_STARTED.set(Some(started));
            started
        })
    });
    if !has_time(started) || MICROTASK_QUEUED.get() {
        return;
    }
    if let Some(window) = web_sys::window() {
        MICROTASK_QUEUED.set(true);
        let run = Closure::once_into_js(|| {
            MICROTASK_QUEUED.set(false);
            run_until_turn_ends();
        });
        window.queue_microtask(run.unchecked_ref());
    }
}

/// Whether a turn that started at `started` may still poll (`None`: turns do not end, see
/// `NextTurn::post`).
fn has_time(started: Option<f64>) -> bool {
    started.is_none_or(|started| now() - started < TURN_MS)
}

/// Polls ready futures until none is left or this turn's time is up.
fn run_until_turn_ends() {
    while has_time(TURN_STARTED.get()) {
        let next = STATE.with_borrow_mut(|state| {
            let id = state.ready.pop_front()?;
            // `None` when it finished after being woken.
            let future = state.slots.get_mut(id).and_then(|slot| {
                slot.queued = false;
                slot.future.take()
            });
            Some((id, future))
        });
        match next {
            None => {
                let waiting = STATE.with_borrow_mut(|state| std::mem::take(&mut state.when_idle));
                if waiting.is_empty() {
                    return;
                }
                for f in waiting {
                    f();
                }
            }
            Some((id, Some(future))) => poll(id, future),
            Some((_, None)) => {}
        }
    }
}

fn poll(id: usize, mut future: PinnedLocalFuture<()>) {
    let waker = Waker::from(Arc::new(TaskWaker(id)));
    let finished = future
        .as_mut()
        .poll(&mut Context::from_waker(&waker))
        .is_ready();
    STATE.with_borrow_mut(|state| {
        let Some(slot) = state.slots.get_mut(id) else {
            return;
        };
        if finished {
            *slot = Slot::default();
            state.free.push(id);
        } else {
            slot.future = Some(future);
        }
    });
}

struct TaskWaker(usize);

// The browser runs wasm on one thread, so a waker is only ever woken on the thread whose
// queue it names.
impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        wake(self.0);
    }

    fn wake_by_ref(self: &Arc<Self>) {
        wake(self.0);
    }
}

/// The message that starts the next turn: it ends the current one and runs what the
/// current one had no time for.
struct NextTurn {
    port: Option<web_sys::MessagePort>,
    /// Kept alive as long as the port that calls it.
    _on_message: Closure<dyn FnMut()>,
}

impl NextTurn {
    fn new() -> Self {
        let on_message = Closure::<dyn FnMut()>::new(|| {
            TURN_STARTED.set(None);
            // What waits for the queue to be empty counts too: a turn whose time ran out
            // just as it polled the last future never got to call it back.
            if STATE.with_borrow(|state| !state.ready.is_empty() || !state.when_idle.is_empty()) {
                schedule();
            }
        });
        let port = web_sys::MessageChannel::new().ok().map(|channel| {
            channel
                .port1()
                .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            channel.port2()
        });
        Self {
            port,
            _on_message: on_message,
        }
    }

    /// Posts the message; `false` if it cannot be (no `MessageChannel`, never in a browser
    /// this app supports): then a turn never ends and the work runs in microtasks, as
    /// Leptos's default executor runs it.
    fn post(&self) -> bool {
        self.port
            .as_ref()
            .is_some_and(|port| port.post_message(&wasm_bindgen::JsValue::NULL).is_ok())
    }
}
