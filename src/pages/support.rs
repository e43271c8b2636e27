//! `/support`: "Support near you". Public. The directory loads as data
//! (`/content/support.en.json`). National helplines always come first and are never
//! filtered out. The other services can be narrowed by need and, for a signed-in victim,
//! by their crime; the filters apply as they change, and an `aria-live` count ("Showing 5
//! services") says what changed without moving focus.

use leptos::prelude::*;
use shared::api::content::{SupportDirectory, SupportService};

use crate::api;
use crate::components::{CheckboxItem, Fieldset, Loaded, PageTitle, Tag};
use crate::resource::loading_resource;
use crate::session::optional_case;

const TITLE: &str = "Support near you";

/// Plain words for the need codes in the directory; unknown codes are shown readably.
fn need_label(need: &str) -> String {
    match need {
        "emotional_support" => "Someone to talk to".into(),
        "practical" => "Practical help".into(),
        "safety" => "Staying safe".into(),
        "court" => "Going to court".into(),
        "compensation" => "Compensation".into(),
        "lgbt" => "Support for LGBT+ people".into(),
        "men" => "Support for men".into(),
        "young_people" => "Support for children and young people".into(),
        "mental_health" => "Mental health".into(),
        other => {
            let words = other.replace('_', " ");
            let mut chars = words.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}

#[component]
pub fn SupportPage() -> impl IntoView {
    let (directory, loading) = loading_resource(api::get_support);
    view! {
        <PageTitle title=TITLE />
        <h1 class="app-heading-xl" tabindex="-1">{TITLE}</h1>
        <p class="app-body-l">
            "These services can help you after a crime, whether or not you reported it. They are independent of the police and most are free."
        </p>
        <Loaded
            resource=directory
            loading
            loading_message="Loading support services…"
            error_message="Sorry, we could not load support services right now. Check your internet connection and try again. You can call Victim Support free on 08 08 16 89 111."
            render=|directory| view! { <Directory directory /> }
        />
    }
}

#[component]
fn Directory(directory: SupportDirectory) -> impl IntoView {
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
        1 => "Showing 1 service".to_owned(),
        n => format!("Showing {n} services"),
    };

    view! {
        <h2 class="app-heading-l">"National helplines"</h2>
        <ul class="app-services">
            {national.into_iter().map(|service| view! { <ServiceCard service /> }).collect_view()}
        </ul>
        <h2 class="app-heading-l">"More services"</h2>
        <form class="app-filters" on:submit=|event| event.prevent_default()>
            <Fieldset
                id="needs"
                legend="What do you need help with?"
                hint=Some("Select all that apply. The list changes as you choose.")
            >
                {needs
                    .into_iter()
                    .map(|need| {
                        let id = format!("need-{}", need.replace('_', "-"));
                        let label = need_label(&need);
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
                <Fieldset id="crime" legend="Your crime">
                    <CheckboxItem
                        id="only-my-crime"
                        name="only_my_crime"
                        label="Only show services for my crime"
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
    let website_name = name.clone();
    view! {
        <li class="app-services__item">
            <h3 class="app-heading-m">{name}</h3>
            {(free || twenty_four_hours).then(|| view! {
                <p class="app-services__tags">
                    {free.then(|| view! { <Tag text="Free" /> })}
                    {twenty_four_hours.then(|| view! { <Tag text="24 hours" /> })}
                </p>
            })}
            <p class="app-body">{helps_with}</p>
            <dl class="app-services__details">
                {phone.map(|phone| {
                    let href = format!("tel:{}", phone_link.unwrap_or_else(|| phone.replace(' ', "")));
                    view! {
                        <dt>"Phone"</dt>
                        <dd><a href=href>{phone}</a></dd>
                    }
                })}
                <dt>"When"</dt>
                <dd>{hours}</dd>
                {website.map(|website| view! {
                    <dt>"Website"</dt>
                    <dd>
                        <a href=website rel="noreferrer">
                            {format!("{website_name} website")}
                            <span class="app-visually-hidden">" (on another website)"</span>
                        </a>
                    </dd>
                })}
            </dl>
        </li>
    }
}
