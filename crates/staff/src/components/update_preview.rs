//! `UpdatePreview`: an update exactly as the victim's case page will show it.
//!
//! Markup contract: the victim app's timeline item (`src/components/timeline.rs`),
//! reproduced with the same classes and the shared stylesheet: `<ol class="app-timeline">`
//! holding one `<li class="app-timeline__item">` with an `<article>`: `<h3>` title,
//! `<time datetime>` in words, `<h4>` "What happened" / "What happens next" and the texts.
//! The headings and date are in the victim's language (`victim_lang`, marked with `lang`
//! on the list); the officer's title and texts carry `lang` of their own where their
//! language differs, as the victim's page marks them. The Victims' Code timing line is not
//! shown: the server works it out on publishing.

use leptos::prelude::*;
use shared::Lang;

use crate::format::long_date;
use crate::i18n::*;

/// The `Locale` of a `Lang`.
pub fn locale_of(lang: Lang) -> Locale {
    match lang {
        Lang::En => Locale::en,
        Lang::Cy => Locale::cy,
    }
}

#[component]
pub fn UpdatePreview(
    /// The language the victim reads their pages in.
    victim_lang: Lang,
    /// The language the officer is writing in.
    #[prop(into)]
    language: Signal<Lang>,
    /// `YYYY-MM-DD`: the day it will be posted.
    date: String,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] what_happened: Signal<String>,
    #[prop(into)] what_happens_next: Signal<String>,
) -> impl IntoView {
    let l = locale_of(victim_lang);
    let text_lang = move || (language.get() != victim_lang).then(|| language.get().tag());
    let shown_date = long_date(l, &date);
    view! {
        <ol class="app-timeline" lang=victim_lang.tag()>
            <li class="app-timeline__item">
                <article class="app-timeline__update">
                    <h3 class="app-timeline__title app-heading-m" lang=text_lang>{move || title.get()}</h3>
                    <p class="app-timeline__date">
                        <time datetime=date>{shown_date}</time>
                    </p>
                    <h4 class="app-heading-s">{td_string!(l, updates.preview_what_happened)}</h4>
                    <p class="app-body" lang=text_lang>{move || what_happened.get()}</p>
                    <h4 class="app-heading-s">{td_string!(l, updates.preview_what_happens_next)}</h4>
                    <p class="app-body" lang=text_lang>{move || what_happens_next.get()}</p>
                </article>
            </li>
        </ol>
    }
}
