//! English and Welsh: the translations (compiled in from `locales/<lang>/<namespace>.json`
//! by leptos_i18n, keys checked at compile time), the language setting, and what follows it.
//!
//! The choice is a device setting, like text size: kept in local storage
//! (`safe-updates:language`), applied when the app starts (`<html lang>` follows it), and
//! sent to the API as `Accept-Language` so its messages match. The static shell in
//! `index.html` is English until the app replaces it.

use std::cell::Cell;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

// leptos_i18n 0.6 deprecates this macro in favour of a build script, but that route
// (leptos_i18n_build) compiles ICU's data exporter, minutes on a 2-core CI machine, for
// number and date formatters this app does not use. The generated code is the same.
#[allow(deprecated)]
mod generated {
    leptos_i18n::load_locales!();
}

pub use generated::i18n::*;
pub use leptos_i18n::I18nContext;

/// Local storage key of the language choice; `index.html` reads the same key.
pub const LANGUAGE_KEY: &str = "safe-updates:language";

thread_local! {
    static API_LANGUAGE: Cell<Locale> = const { Cell::new(Locale::en) };
}

/// The language to ask the API for (`Accept-Language`), kept in step with the setting.
pub fn api_language_tag() -> &'static str {
    API_LANGUAGE.with(Cell::get).as_str()
}

/// Changes the language. The API's language is set first, so the page rebuilt in the new
/// language asks the server for messages in it from its very first request.
pub fn switch_language(i18n: I18nContext<Locale>, locale: Locale) {
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

/// Wraps the app in its translation context and keeps `<html lang>`, the device setting
/// and the API's language in step with the current choice.
#[component]
pub fn LanguageProvider(children: Children) -> impl IntoView {
    let initial = initial_locale();
    API_LANGUAGE.with(|language| language.set(initial));
    view! {
        <I18nSubContextProvider initial_locale=Signal::stored(initial)>
            <LanguageSync />
            {children()}
        </I18nSubContextProvider>
    }
}

#[component]
fn LanguageSync() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let locale = i18n.get_locale();
        API_LANGUAGE.with(|language| language.set(locale));
        if let Some(root) = document().document_element() {
            _ = root.set_attribute("lang", locale.as_str());
        }
        // Storage may be blocked (private browsing); the choice still holds for this visit.
        _ = LocalStorage::set(LANGUAGE_KEY, locale.as_str());
    });
}
