//! English and Welsh, for both apps: the language setting and what follows it, and the
//! macros that read an app's texts. Each crate compiles its own texts in (from its
//! `locales/<lang>/<namespace>.json` by `crates/i18n-build`, keys checked at compile
//! time) into an `i18n::texts` module with a function per namespace: the macros read
//! from the calling crate's `crate::i18n::texts`, so `t!(i18n, common.x)` in the
//! victim app reads the victim's texts, in the staff app the staff's, and here this
//! library's own (`ui.json`: the error summary's heading, the API's plain words…).
//!
//! The choice is a device setting, like text size: kept in local storage
//! (`safe-updates:language`), applied when the app starts (`<html lang>` follows it), and
//! sent to the API as `Accept-Language` so its messages match. The static shell in each
//! `index.html` is English until the app replaces it.
//!
//! Texts are plain `&'static str`, not reactive: when the language changes the whole
//! layout is rebuilt (each app's `Layout`), like following a link to the Welsh page. That
//! keeps a translated text as cheap as a string literal in the wasm; a reactive text per
//! call site (what leptos_i18n 0.6 generated) cost 22 KB of the brotli-compressed wasm
//! (325 → 303 KB measured), and its dependencies (ICU locale parsing, leptos-use) went too.

use std::cell::Cell;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

/// This library's own texts: `texts::ui(locale)` (what `t!` reads inside this crate; an
/// app reads one with `ui::i18n::texts::ui(locale).<key>`).
pub mod texts {
    include!(concat!(env!("OUT_DIR"), "/strings.rs"));
}
mod interpolate;

pub use interpolate::{interpolate, Piece};

/// Local storage key of the language choice; `index.html` reads the same key.
pub const LANGUAGE_KEY: &str = "safe-updates:language";

/// The languages of the app. Lower case, as the language tags they stand for.
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    en,
    cy,
}

impl Locale {
    /// The BCP 47 tag, for `lang` attributes and `Accept-Language`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::en => "en",
            Self::cy => "cy",
        }
    }
}

/// The current language, shared through Leptos context.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    /// The language, tracked: a closure that reads it runs again after a switch.
    pub fn get_locale(self) -> Locale {
        self.locale.get()
    }

    pub fn get_locale_untracked(self) -> Locale {
        self.locale.get_untracked()
    }

    fn set_locale(self, locale: Locale) {
        self.locale.set(locale);
    }
}

/// The language context; `LanguageProvider` wraps the whole app, so it is always there.
pub fn use_i18n() -> I18n {
    expect_context()
}

/// `t!(i18n, namespace.key)`: the calling crate's text in the current language. With
/// values, `t!(i18n, ns.key, name = value, other)` fills `{{ name }}` placeholders with
/// views (a link, a number) and gives a list of pieces to put in a `view!`.
#[macro_export]
macro_rules! t {
    ($i18n:expr, $($key:ident).+) => {
        $crate::t_string!($i18n, $($key).+)
    };
    ($i18n:expr, $($key:ident).+, $($name:ident $(= $value:expr)?),+ $(,)?) => {
        $crate::i18n::interpolate(
            $crate::t_string!($i18n, $($key).+),
            vec![$((stringify!($name), $crate::i18n::Piece::from_view($crate::arg_value!($name $(, $value)?)))),+],
        )
    };
}

/// `t_string!(i18n, namespace.key)`: the `&'static str` in the current language (tracked).
#[macro_export]
macro_rules! t_string {
    ($i18n:expr, $($key:ident).+) => {
        $crate::td_string!($i18n.get_locale(), $($key).+)
    };
}

/// `td_string!(locale, namespace.key)`: the `&'static str` in a given language, from the
/// calling crate's `crate::i18n::texts` (deliberately `crate`, not `$crate`: each app
/// reads its own texts through the same macros).
#[macro_export]
#[allow(clippy::crate_in_macro_def)]
macro_rules! td_string {
    ($locale:expr, $namespace:ident $(. $key:ident)+) => {
        crate::i18n::texts::$namespace($locale)$(.$key)+
    };
}

/// `name` alone stands for `name = name`, as in struct literals.
#[doc(hidden)]
#[macro_export]
macro_rules! arg_value {
    ($name:ident) => {
        $name
    };
    ($name:ident, $value:expr) => {
        $value
    };
}

pub use crate::{t, t_string, td_string};

thread_local! {
    static API_LANGUAGE: Cell<Locale> = const { Cell::new(Locale::en) };
}

/// The language to ask the API for (`Accept-Language`), kept in step with the setting.
pub fn api_language_tag() -> &'static str {
    API_LANGUAGE.with(Cell::get).as_str()
}

/// Changes the language. The API's language is set first, so the page rebuilt in the new
/// language asks the server for messages in it from its very first request.
pub fn switch_language(i18n: I18n, locale: Locale) {
    API_LANGUAGE.with(|language| language.set(locale));
    i18n.set_locale(locale);
}

/// The remembered choice, or the browser's preference on a first visit.
fn initial_locale() -> Locale {
    let stored = LocalStorage::get::<String>(LANGUAGE_KEY).ok();
    let browser = window().navigator().language();
    stored
        .or(browser)
        .filter(|tag| tag.to_ascii_lowercase().starts_with("cy"))
        .map_or(Locale::en, |_| Locale::cy)
}

/// Provides the language context and keeps `<html lang>`, the device setting and the
/// API's language in step with the current choice.
#[component]
pub fn LanguageProvider(children: Children) -> impl IntoView {
    let initial = initial_locale();
    API_LANGUAGE.with(|language| language.set(initial));
    let i18n = I18n {
        locale: RwSignal::new(initial),
    };
    provide_context(i18n);
    Effect::new(move |_| {
        let locale = i18n.get_locale();
        API_LANGUAGE.with(|language| language.set(locale));
        if let Some(root) = document().document_element() {
            _ = root.set_attribute("lang", locale.as_str());
        }
        // Storage may be blocked (private browsing); the choice still holds for this visit.
        _ = LocalStorage::set(LANGUAGE_KEY, locale.as_str());
    });
    children()
}
