//! The victim app's English and Welsh texts: compiled in from `locales/<lang>/<namespace>.json`
//! by `build.rs` (keys checked at compile time) and read with `t!(i18n, namespace.key)`.
//! The language setting, `<html lang>` and the macros are the shared machinery in
//! `ui::i18n`, re-exported here so pages need one import.

/// The texts, a function per namespace (`texts::common(locale)`): what `t!` reads here.
pub mod texts {
    include!(concat!(env!("OUT_DIR"), "/strings.rs"));
}

pub use ui::i18n::{
    api_language_tag, interpolate, switch_language, use_i18n, I18n, LanguageProvider, Locale,
    Piece, LANGUAGE_KEY,
};
pub(crate) use ui::{t, t_string, td_string};
