//! `/rights/:id`: one right. Public. A signed-in victim sees only the time limit that
//! applies to them (standard or enhanced rights, from their case); anyone else sees both,
//! labelled. The h1 is there from the start (the title once loaded), so focus after
//! navigation always has a heading to land on.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::api::content::{Right, RightText};

use crate::api;
use crate::components::{easy_read_setting, ContentLinkView, EasyReadToggle, Loaded, PageTitle};
use crate::content::right_text;
use crate::i18n::*;
use crate::resource::loading_resource;
use crate::session::optional_case;

#[component]
pub fn RightPage() -> impl IntoView {
    let i18n = use_i18n();
    let language = i18n.get_locale_untracked();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|params| params.get("id").unwrap_or_default()));
    let (rights, loading) = loading_resource(move || api::get_rights(language));
    let right = Memo::new(move |_| {
        let content = rights.get()?.ok()?;
        let id = id.get();
        content.rights.into_iter().find(|right| right.id == id)
    });
    let easy_read = easy_read_setting();
    let case = optional_case();
    let enhanced = Signal::derive(move || case.get().flatten().map(|case| case.enhanced_rights));
    let heading = Signal::derive(move || match right.get() {
        Some(right) => right_text(&right, easy_read.get()).title.clone(),
        None if loading.get() || rights.with(Option::is_none) => {
            t_string!(i18n, rights.title).to_owned()
        }
        None => t_string!(i18n, rights.not_found_title).to_owned(),
    });
    // The standard title is the page title in both modes, so it stays unique and stable.
    let title = Signal::derive(move || match right.get() {
        Some(right) => right.standard.title,
        None => heading.get(),
    });
    view! {
        <PageTitle title />
        {move || {
            right.get().map(|right| {
                let number = right.number;
                let caption = t!(i18n, rights.right_of_12, number = move || number);
                view! { <p class="app-caption">{caption}</p> }
            })
        }}
        <h1 class="app-heading-xl" tabindex="-1">{heading}</h1>
        <Loaded
            resource=rights
            loading
            loading_message=t_string!(i18n, rights.loading_right)
            error_message=t_string!(i18n, rights.load_failed)
            render=move |_| match right.get() {
                Some(right) => Either::Left(view! { <RightDetails right easy_read enhanced /> }),
                None => Either::Right(view! {
                    <p class="app-body">
                        {t!(i18n, rights.not_found_body)}
                        " "
                        <A href="/rights" exact=true>{t!(i18n, rights.see_all_under_code)}</A>
                    </p>
                }),
            }
        />
    }
}

#[component]
fn RightDetails(
    right: Right,
    easy_read: RwSignal<bool>,
    /// `Some(true)` for a signed-in victim with enhanced rights; `None` when not signed in.
    enhanced: Signal<Option<bool>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let links = right.links.clone();
    let right = StoredValue::new(right);
    let text = move || right.with_value(|right| right_text(right, easy_read.get()).clone());
    view! {
        <EasyReadToggle easy_read />
        <h2 class="app-heading-l">{t!(i18n, rights.entitled_heading)}</h2>
        {move || paragraphs(text().entitled)}
        <h2 class="app-heading-l">{t!(i18n, rights.time_limits_heading)}</h2>
        {move || time_limits(i18n, &text(), enhanced.get())}
        <h2 class="app-heading-l">{t!(i18n, rights.if_not_met_heading)}</h2>
        {move || paragraphs(text().if_not_met)}
        <h2 class="app-heading-l">{t!(i18n, rights.what_you_can_do_heading)}</h2>
        <ul class="app-list app-list--bullet">
            {links
                .into_iter()
                .map(|link| view! { <li><ContentLinkView href=link.href text=link.text /></li> })
                .collect_view()}
        </ul>
        <p class="app-body">
            <A href="/rights" exact=true>{t!(i18n, rights.see_all)}</A>
        </p>
    }
}

fn paragraphs(lines: Vec<String>) -> impl IntoView {
    lines
        .into_iter()
        .map(|line| view! { <p class="app-body">{line}</p> })
        .collect_view()
}

fn time_limits(i18n: I18n, text: &RightText, enhanced: Option<bool>) -> impl IntoView {
    let standard = text.time_limit_standard.clone();
    let enhanced_limit = text.time_limit_enhanced.clone();
    if standard.is_none() && enhanced_limit.is_none() {
        return EitherOf3::A(view! {
            <p class="app-body">{t!(i18n, rights.no_time_limit_for_right)}</p>
        });
    }
    let none = || t_string!(i18n, rights.no_time_limit).to_owned();
    match enhanced {
        Some(is_enhanced) => {
            let (intro, limit) = if is_enhanced {
                (t_string!(i18n, rights.enhanced_applies), enhanced_limit)
            } else {
                (t_string!(i18n, rights.standard_applies), standard)
            };
            EitherOf3::B(view! {
                <p class="app-body">{intro}</p>
                <div class="app-inset">
                    <p class="app-body">{limit.unwrap_or_else(none)}</p>
                </div>
            })
        }
        None => EitherOf3::C(view! {
            <h3 class="app-heading-m">{t!(i18n, rights.if_standard_heading)}</h3>
            <p class="app-body">{standard.unwrap_or_else(none)}</p>
            <h3 class="app-heading-m">{t!(i18n, rights.if_enhanced_heading)}</h3>
            <p class="app-body">{enhanced_limit.unwrap_or_else(none)}</p>
            <p class="app-body">{t!(i18n, rights.who_has_enhanced)}</p>
        }),
    }
}
