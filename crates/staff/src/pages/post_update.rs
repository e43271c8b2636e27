//! `/staff/post-update/<crime reference>` (outside `/staff/cases/*reference`, whose
//! wildcard would swallow it): "Post an update". Event (a select of the Victims' Code
//! events and "something else"), event date, title, what happened, what happens next,
//! and, where the victim reads Welsh, the language the update is written in. Below the
//! form, a preview of exactly what the victim will see (`UpdatePreview`), kept in step as
//! the officer types. Publishing (`POST …/updates`) goes back to the case page, whose
//! timeline says the deadline in a success banner; a 422 fills the GOV.UK error summary.

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use shared::api::updates::{NewUpdate, StaffUpdatesView, VcopEvent};
use shared::Lang;
use ui::components::{
    described_by, Button, ErrorMessage, ErrorSummary, LoadingStatus, PageTitle, RetryableError,
    TextInput,
};
use ui::form_errors::{field_message, FormErrors};

use crate::api::{self, ApiError};
use crate::components::{case_href, UpdatePreview, POSTED_QUERY};
use crate::i18n::*;
use crate::session::staff_resource;
use crate::updates_words::event_name;

/// API field name → element id, in page order.
const FIELDS: &[(&str, &str)] = &[
    ("event", "event"),
    ("event_date", "event-date"),
    ("title", "title"),
    ("what_happened", "what-happened"),
    ("what_happens_next", "what-happens-next"),
    ("language", "language-en"),
    ("body", "event"),
];

#[component]
pub fn PostUpdatePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let reference = move || params.with(|p| p.get("reference").unwrap_or_default());
    let (case, loading) = staff_resource(move || {
        let reference = reference();
        async move { api::get_updates(&reference).await }
    });
    let title = t_string!(i18n, updates.title);
    view! {
        <PageTitle title=title.to_owned() />
        <p class="app-body">
            <A href=move || case_href(&reference())>{t!(i18n, updates.back)}</A>
        </p>
        <LoadingStatus message=t_string!(i18n, updates.loading) loading=loading />
        {move || {
            if loading.get() {
                return None;
            }
            Some(match case.get()? {
                Ok(view) => view! { <UpdateForm reference=reference() case=view /> }.into_any(),
                Err(ApiError::NotFound) => view! {
                    <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, case.not_found_title)}</h1>
                    <p class="app-body">{t!(i18n, case.not_found_body)}</p>
                }
                .into_any(),
                Err(ApiError::Unauthorized) => return None,
                Err(_) => view! {
                    <h1 class="app-heading-xl" tabindex="-1">{title}</h1>
                    <RetryableError
                        message=t_string!(i18n, updates.load_failed)
                        on_retry=Callback::new(move |()| case.refetch())
                    />
                }
                .into_any(),
            })
        }}
    }
}

#[component]
fn UpdateForm(reference: String, case: StaffUpdatesView) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let navigate = use_navigate();
    let event = RwSignal::new(VcopEvent::CHOICES[0].name().to_owned());
    let event_date = RwSignal::new(case.today.clone());
    let title = RwSignal::new(String::new());
    let what_happened = RwSignal::new(String::new());
    let what_happens_next = RwSignal::new(String::new());
    let language = RwSignal::new(case.victim_language);
    let errors = RwSignal::new(FormErrors::default());

    let publish = Action::new_local(|(reference, update): &(String, NewUpdate)| {
        let (reference, update) = (reference.clone(), update.clone());
        async move { api::post_update(&reference, &update).await }
    });
    let back_to = reference.clone();
    Effect::new(move |_| {
        let result = publish.value().get();
        untrack(|| match result {
            Some(Ok(posted)) => {
                let deadline = posted.deadline.unwrap_or_else(|| "none".to_owned());
                let href = format!("{}?{POSTED_QUERY}={deadline}", case_href(&back_to));
                navigate(&href, Default::default());
            }
            Some(Err(error)) => errors.set(FormErrors::from_api(&error, FIELDS)),
            None => {}
        });
    });
    let on_submit = {
        let reference = reference.clone();
        move |submit: SubmitEvent| {
            submit.prevent_default();
            if publish.pending().get_untracked() {
                return;
            }
            let Some(chosen) = VcopEvent::from_name(&event.get_untracked()) else {
                return;
            };
            publish.dispatch((
                reference.clone(),
                NewUpdate {
                    event: chosen,
                    event_date: event_date.get_untracked(),
                    title: title.get_untracked(),
                    what_happened: what_happened.get_untracked(),
                    what_happens_next: what_happens_next.get_untracked(),
                    language: language.get_untracked(),
                },
            ));
        }
    };
    let event_error = field_message(errors.into(), "event");
    let has_event_error = move || event_error.with(Option::is_some);
    view! {
        // Mounted after the page's own title, so it wins: "Error: " while there are errors.
        <PageTitle
            title=td_string!(l, updates.title).to_owned()
            has_errors=Signal::derive(move || !errors.with(FormErrors::is_empty))
        />
        <ErrorSummary errors=errors />
        <span class="app-caption-l">{reference.clone()}</span>
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, updates.title)}</h1>
        <p class="app-body">{t!(i18n, updates.intro)}</p>
        <form novalidate on:submit=on_submit>
            <div class="app-form-group" class:app-form-group--error=has_event_error>
                <label class="app-label" for="event">{t!(i18n, updates.event_legend)}</label>
                <div id="event-hint" class="app-hint">{t!(i18n, updates.event_hint)}</div>
                <ErrorMessage id="event-error".to_owned() message=event_error />
                <select
                    class="app-select"
                    id="event"
                    name="event"
                    aria-describedby=move || described_by(&[Some("event-hint"), has_event_error().then_some("event-error")])
                    on:change=move |change| event.set(event_target_value(&change))
                >
                    {VcopEvent::CHOICES
                        .into_iter()
                        .map(|choice| {
                            let selected = move || event.with(|value| value == choice.name());
                            view! {
                                <option value=choice.name() prop:selected=selected>{event_name(l, choice)}</option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <TextInput
                id="event-date"
                name="event_date"
                label=td_string!(l, updates.event_date_label)
                hint=td_string!(l, updates.event_date_hint)
                value=event_date
                error=field_message(errors.into(), "event-date")
                input_type="date"
                width_class="app-input--width-10"
            />
            <TextInput
                id="title"
                name="title"
                label=td_string!(l, updates.title_label)
                hint=td_string!(l, updates.title_hint)
                value=title
                error=field_message(errors.into(), "title")
            />
            <TextArea
                id="what-happened"
                label=td_string!(l, updates.what_happened_label)
                hint=Some(td_string!(l, updates.what_happened_hint))
                value=what_happened
                error=field_message(errors.into(), "what-happened")
            />
            <TextArea
                id="what-happens-next"
                label=td_string!(l, updates.what_happens_next_label)
                hint=None
                value=what_happens_next
                error=field_message(errors.into(), "what-happens-next")
            />
            {(case.victim_language == Lang::Cy).then(|| view! { <LanguageChoice language=language /> })}
            <section aria-labelledby="preview-heading" class="app-staff-preview">
                <h2 class="app-heading-l" id="preview-heading">{t!(i18n, updates.preview_heading)}</h2>
                <p class="app-body">{t!(i18n, updates.preview_intro)}</p>
                <UpdatePreview
                    victim_lang=case.victim_language
                    language=language
                    date=case.today.clone()
                    title=title
                    what_happened=what_happened
                    what_happens_next=what_happens_next
                />
            </section>
            <Button submit=true>{t!(i18n, updates.publish)}</Button>
        </form>
    }
}

/// A GOV.UK textarea: label, hint and inline error tied to it by `aria-describedby`. The
/// server checks the length (`MAX_TEXT_CHARS`) and its error says the limit.
#[component]
fn TextArea(
    id: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let has_error = move || error.with(Option::is_some);
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            described_by(&[
                hint.map(|_| hint_id.as_str()),
                has_error().then_some(error_id.as_str()),
            ])
        }
    };
    view! {
        <div class="app-form-group" class:app-form-group--error=has_error>
            <label class="app-label" for=id>{label}</label>
            {hint.map(|hint| view! { <div id=hint_id class="app-hint">{hint}</div> })}
            <ErrorMessage id=error_id message=error />
            <textarea
                class="app-textarea"
                class:app-input--error=has_error
                id=id
                name=id
                rows="5"
                aria-describedby=described
                aria-invalid=move || has_error().then_some("true")
                prop:value=move || value.get()
                on:input=move |input| value.set(event_target_value(&input))
            ></textarea>
        </div>
    }
}

/// English or Welsh, offered when the victim reads Welsh.
#[component]
fn LanguageChoice(language: RwSignal<Lang>) -> impl IntoView {
    let i18n = use_i18n();
    let radio = move |lang: Lang, label: &'static str| {
        let id = format!("language-{}", lang.tag());
        view! {
            <div class="app-choice">
                <input
                    class="app-choice__input"
                    type="radio"
                    id=id.clone()
                    name="language"
                    value=lang.tag()
                    prop:checked=move || language.get() == lang
                    on:change=move |_| language.set(lang)
                />
                <label class="app-choice__label" for=id>{label}</label>
            </div>
        }
    };
    let l = i18n.get_locale_untracked();
    view! {
        <div class="app-form-group">
            <fieldset class="app-fieldset" aria-describedby="language-hint">
                <legend class="app-fieldset__legend">{t!(i18n, updates.language_legend)}</legend>
                <div id="language-hint" class="app-hint">{t!(i18n, updates.language_hint)}</div>
                {radio(Lang::Cy, td_string!(l, updates.language_cy))}
                {radio(Lang::En, td_string!(l, updates.language_en))}
            </fieldset>
        </div>
    }
}
