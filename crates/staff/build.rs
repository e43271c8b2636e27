//! Compiles the staff app's translations (`locales/<lang>/<namespace>.json`, its own
//! namespaces, apart from the victim app's) into `src/i18n.rs`'s `texts` module.

fn main() {
    i18n_build::compile("locales", &[]);
}
