//! Entry point of the wasm app: panic hook, then mount the app in place of the static shell.

fn main() {
    console_error_panic_hook::set_once();
}
