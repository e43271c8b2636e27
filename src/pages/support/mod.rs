//! `/support`: "Support near you". Public. The directory loads as data in the current
//! language (`/content/support.<lang>.json`). National helplines always come first and
//! are never filtered out. The other services can be narrowed by need and, for a
//! signed-in victim, by their crime; the filters apply as they change, and an `aria-live`
//! count ("Showing 5 services") says what changed without moving focus. The filter form
//! still has a real submit button, "Apply filters" (GOV.UK's filter pattern; WCAG H32):
//! pressing it applies what is ticked, in the page, without reloading it.

mod service_card;

use leptos::prelude::*;
use leptos::web_sys::{HtmlInputElement, SubmitEvent};
use shared::api::content::SupportDirectory;
use wasm_bindgen::JsCast;

use crate::api;
use crate::components::{Button, CheckboxItem, DrawnNext, Fieldset, Loaded, PageTitle};
use crate::i18n::*;
use crate::resource::loading_resource;
use crate::session::optional_case;
use service_card::ServiceCard;

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

/// The id (and form value) of a need's checkbox.
fn need_id(need: &str) -> String {
    format!("need-{}", need.replace('_', "-"))
}

/// Whether the checkbox with this id is ticked on the page (false if it is not there).
fn is_ticked(id: &str) -> bool {
    document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<HtmlInputElement>().ok())
        .is_some_and(|input| input.checked())
}

/// The "Only show services for my crime" checkbox.
const ONLY_MY_CRIME_ID: &str = "only-my-crime";

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
    let all_needs = StoredValue::new(needs.clone());
    let apply_filters = move |event: SubmitEvent| {
        // The filters work in the page: a real submission would reload it and lose them.
        event.prevent_default();
        // Read the ticks from the form itself rather than trusting the change events, so
        // what is ticked is what is shown even if a tick arrived without one (a browser
        // restoring the form, an assistive tool setting it).
        chosen_needs.set(all_needs.with_value(|needs| {
            needs
                .iter()
                .filter(|need| is_ticked(&need_id(need)))
                .cloned()
                .collect()
        }));
        only_my_crime.set(is_ticked(ONLY_MY_CRIME_ID));
    };
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
        // The filters and the other services, a task after the national ones (issue 14).
        <DrawnNext>
            <h2 class="app-heading-l">{t!(i18n, support.more_heading)}</h2>
            <form class="app-filters" on:submit=apply_filters>
                <Fieldset
                    id="needs"
                    legend=t_string!(i18n, support.needs_legend)
                    hint=Some(t_string!(i18n, support.needs_hint))
                >
                    {needs
                        .into_iter()
                        .map(|need| {
                            let id = need_id(&need);
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
                            id=ONLY_MY_CRIME_ID
                            name="only_my_crime"
                            label=t_string!(i18n, support.only_my_crime)
                            checked=only_my_crime
                            on_toggle=Callback::new(move |on| only_my_crime.set(on))
                        />
                    </Fieldset>
                </Show>
                <Button submit=true>{t!(i18n, support.apply_filters)}</Button>
            </form>
            <p class="app-body app-services__count" role="status" aria-live="polite">{count}</p>
            <ul class="app-services">
                {move || {
                    shown.get().into_iter().map(|service| view! { <ServiceCard service /> }).collect_view()
                }}
            </ul>
        </DrawnNext>
    }
}
