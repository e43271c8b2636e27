//! Compiles the library's own texts (`locales/<lang>/ui.json`: the words its components
//! and the HTTP client's errors need in both apps) into `src/i18n.rs`'s `texts` module.

fn main() {
    i18n_build::compile("locales", &[]);
}
