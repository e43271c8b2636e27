//! Compiles the victim app's translations (`locales/<lang>/<namespace>.json`) into
//! `src/i18n.rs`'s `texts` module (see `crates/i18n-build`). `server.json` is the API's alone.

fn main() {
    i18n_build::compile("locales", &["server"]);
}
