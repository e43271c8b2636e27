//! One support service as a list item: its name, "Free" and "24 hours" tags, what it
//! helps with, and how to reach it (phone as a `tel:` link, hours, website).

use leptos::prelude::*;
use shared::api::content::SupportService;

use crate::components::Tag;
use crate::i18n::*;

#[component]
pub fn ServiceCard(service: SupportService) -> impl IntoView {
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
