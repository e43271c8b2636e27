//! The staff app's English and Welsh texts: compiled in from `locales/<lang>/<namespace>.json`
//! by `build.rs` (keys checked at compile time; the staff app's own namespaces, apart from
//! the victim's) and read with `t!(i18n, namespace.key)`. The language setting and the
//! macros are the shared machinery in `ui::i18n`.

/// The texts, a function per namespace (`texts::common(locale)`): what `t!` reads here.
pub mod texts {
    include!(concat!(env!("OUT_DIR"), "/strings.rs"));
}

pub use ui::i18n::{use_i18n, I18n, LanguageProvider, Locale};
pub(crate) use ui::{t, t_string, td_string};
