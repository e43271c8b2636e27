//! `/support`: "Support near you". Public. The directory loads as data in the current
//! language (`/content/support.<lang>.json`). National helplines always come first and
//! are never filtered out. The other services can be narrowed by need and, for a
//! signed-in victim, by their crime; the filters apply as they change, and an `aria-live`
//! count ("Showing 5 services") says what changed without moving focus.

use leptos::prelude::*;
use shared::api::content::{SupportDirectory, SupportService};

use crate::api;
use crate::components::{CheckboxItem, Fieldset, Loaded, PageTitle, Tag};
use crate::i18n::*;
use crate::resource::loading_resource;
use crate::session::optional_case;

/// Plain words for the need codes in the directory; unknown codes are shown readably.
fn need_label(i18n: I18n, need: &str) -> String {
    let known = match need {
        "emotional_support" => t_string!(i18n, support.need_emotional_support),
        "practical" => t_string!(i18n, support.need_practical),
        "safety" => t_string!(i18n, support.need_safety),
        "court" => t_string!(i18n, support.need_court),
        "compensation" => t_string!(i18n, support.need_compensation),
        "lgbt" => t_string!(i18n, support.need_lgbt),
        "men" => t_string!(i18n, support.need_men),
        "young_people" => t_string!(i18n, support.need_young_people),
        "mental_health" => t_string!(i18n, support.need_mental_health),
        other => {
            let words = other.replace('_', " ");
            let mut chars = words.chars();
            return chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
        }
    };
    known.to_owned()
}

#[component]
pub fn SupportPage() -> impl IntoView {
    let i18n = use_i18n();
    let language = i18n.get_locale_untracked();
    let (directory, loading) = loading_resource(move || api::get_support(language));
    view! {
        <PageTitle title=t_string!(i18n, support.title) />
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, support.title)}</h1>
        <p class="app-body-l">{t!(i18n, support.lead)}</p>
        <Loaded
            resource=directory
            loading
            loading_message=t_string!(i18n, support.loading)
            error_message=t_string!(i18n, support.load_failed)
            render=|directory| view! { <Directory directory /> }
        />
    }
}

#[component]
fn Directory(directory: SupportDirectory) -> impl IntoView {
    let i18n = use_i18n();
    let case = optional_case();
    let crime_category =
        Signal::derive(move || case.get().flatten().map(|case| case.crime_category));
    let (national, local): (Vec<_>, Vec<_>) = directory
        .services
        .into_iter()
        .partition(|service| service.national);
    // Needs offered as filters: every need the other services meet, in order of appearance.
    let mut needs: Vec<String> = Vec::new();
    for need in local.iter().flat_map(|service| service.needs.iter()) {
        if !needs.contains(need) {
            needs.push(need.clone());
        }
    }
    let chosen_needs = RwSignal::new(Vec::<String>::new());
    let only_my_crime = RwSignal::new(false);
    let local = StoredValue::new(local);
    let shown = Memo::new(move |_| {
        let chosen = chosen_needs.get();
        let category = only_my_crime.get().then(|| crime_category.get()).flatten();
        local.with_value(|services| {
            services
                .iter()
                .filter(|service| {
                    chosen.is_empty() || service.needs.iter().any(|need| chosen.contains(need))
                })
                .filter(|service| {
                    category.as_ref().is_none_or(|category| {
                        service.crime_categories.is_empty()
                            || service.crime_categories.contains(category)
                    })
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let count = move || match shown.with(Vec::len) {
        1 => t!(i18n, support.showing_one).into_any(),
        count => t!(i18n, support.showing_many, count = move || count).into_any(),
    };

    view! {
        <h2 class="app-heading-l">{t!(i18n, support.national_heading)}</h2>
        <ul class="app-services">
            {national.into_iter().map(|service| view! { <ServiceCard service /> }).collect_view()}
        </ul>
        <h2 class="app-heading-l">{t!(i18n, support.more_heading)}</h2>
        <form class="app-filters" on:submit=|event| event.prevent_default()>
            <Fieldset
                id="needs"
                legend=t_string!(i18n, support.needs_legend)
                hint=Some(t_string!(i18n, support.needs_hint))
            >
                {needs
                    .into_iter()
                    .map(|need| {
                        let id = format!("need-{}", need.replace('_', "-"));
                        let label = need_label(i18n, &need);
                        let checked = {
                            let need = need.clone();
                            Signal::derive(move || chosen_needs.with(|chosen| chosen.contains(&need)))
                        };
                        let on_toggle = Callback::new(move |on: bool| {
                            chosen_needs.update(|chosen| {
                                chosen.retain(|other| *other != need);
                                if on {
                                    chosen.push(need.clone());
                                }
                            })
                        });
                        view! { <CheckboxItem id name="needs" label checked on_toggle /> }
                    })
                    .collect_view()}
            </Fieldset>
            <Show when=move || crime_category.with(Option::is_some)>
                <Fieldset id="crime" legend=t_string!(i18n, support.crime_legend)>
                    <CheckboxItem
                        id="only-my-crime"
                        name="only_my_crime"
                        label=t_string!(i18n, support.only_my_crime)
                        checked=only_my_crime
                        on_toggle=Callback::new(move |on| only_my_crime.set(on))
                    />
                </Fieldset>
            </Show>
        </form>
        <p class="app-body app-services__count" role="status" aria-live="polite">{count}</p>
        <ul class="app-services">
            {move || {
                shown.get().into_iter().map(|service| view! { <ServiceCard service /> }).collect_view()
            }}
        </ul>
    }
}

#[component]
fn ServiceCard(service: SupportService) -> impl IntoView {
    let SupportService {
        name,
        helps_with,
        phone,
        phone_link,
        website,
        hours,
        free,
        twenty_four_hours,
        ..
    } = service;
    let i18n = use_i18n();
    let website_name = name.clone();
    view! {
        <li class="app-services__item">
            <h3 class="app-heading-m">{name}</h3>
            {(free || twenty_four_hours).then(|| view! {
                <p class="app-services__tags">
                    {free.then(|| view! { <Tag text=t_string!(i18n, support.tag_free) /> })}
                    {twenty_four_hours
                        .then(|| view! { <Tag text=t_string!(i18n, support.tag_24_hours) /> })}
                </p>
            })}
            <p class="app-body">{helps_with}</p>
            <dl class="app-services__details">
                {phone.map(|phone| {
                    let href = format!("tel:{}", phone_link.unwrap_or_else(|| phone.replace(' ', "")));
                    view! {
                        <dt>{t!(i18n, support.phone)}</dt>
                        <dd><a href=href>{phone}</a></dd>
                    }
                })}
                <dt>{t!(i18n, support.hours)}</dt>
                <dd>{hours}</dd>
                {website.map(|website| view! {
                    <dt>{t!(i18n, support.website)}</dt>
                    <dd>
                        <a href=website rel="noreferrer">
                            {t!(i18n, support.website_link, name = move || website_name.clone())}
                            <span class="app-visually-hidden">
                                {t!(i18n, common.on_another_website)}
                            </span>
                        </a>
                    </dd>
                })}
            </dl>
        </li>
    }
}
