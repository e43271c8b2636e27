//! `LanguageSwitcher`: English / Cymraeg, in the header of every page.
//!
//! Markup contract: a `nav` labelled "Language" holding the current language as plain text
//! (`aria-current="true"`) and the other as a button; each name is written in its own
//! language with a matching `lang`, so screen readers pronounce it right (WCAG 3.1.2).
//! After a switch, focus moves to the new button (the page is rebuilt in the new language).

use leptos::prelude::*;

use crate::components::{after_render, focus_element};
use crate::i18n::*;

/// The one button (the language not in use), refocused after a switch.
const SWITCH_ID: &str = "language-switch";

#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let option = move |locale: Locale, name: &'static str| {
        view! {
            <li class="app-language__item">
                {move || {
                    if i18n.get_locale() == locale {
                        view! {
                            <span class="app-language__current" lang=locale.as_str() aria-current="true">
                                {name}
                            </span>
                        }
                            .into_any()
                    } else {
                        view! {
                            <button
                                type="button"
                                id=SWITCH_ID
                                class="app-language__button"
                                lang=locale.as_str()
                                on:click=move |_| {
                                    switch_language(i18n, locale);
                                    // This button is replaced by the other language's:
                                    // keep focus on the switch, not lost to the page.
                                    after_render(|| focus_element(SWITCH_ID));
                                }
                            >
                                {name}
                            </button>
                        }
                            .into_any()
                    }
                }}
            </li>
        }
    };
    view! {
        <nav class="app-language" aria-label=move || t_string!(i18n, ui.language_label)>
            <ul class="app-language__list">
                {option(Locale::en, "English")} {option(Locale::cy, "Cymraeg")}
            </ul>
        </nav>
    }
}
