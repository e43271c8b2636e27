//! `Textarea`: a GOV.UK textarea with label, optional hint, inline error and, with
//! `max_chars`, the GOV.UK character count.
//!
//! Markup contract: as `TextInput` (`<label for>`, hint and error ids in
//! `aria-describedby`, `aria-invalid`). The character count is shown twice: a visible
//! message under the field that updates as you type (`<id>-info`, in `aria-describedby`),
//! and a visually hidden `aria-live="polite"` copy updated only after typing pauses for
//! a second, so screen readers are not interrupted on every key. Typing past the limit is
//! allowed (never cut off); the count then says how many characters too many.

use leptos::prelude::*;

use crate::components::{described_by, ErrorMessage};
use crate::i18n::*;

#[component]
pub fn Textarea(
    #[prop(into)] id: String,
    name: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] max_chars: Option<usize>,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let info_id = format!("{id}-info");
    let has_error = move || error.with(Option::is_some);
    let described_by = {
        let (hint_id, error_id, info_id) = (hint_id.clone(), error_id.clone(), info_id.clone());
        move || {
            described_by(&[
                hint.map(|_| hint_id.as_str()),
                has_error().then_some(error_id.as_str()),
                max_chars.map(|_| info_id.as_str()),
            ])
        }
    };
    let count = move || max_chars.map(|max| character_count(max, &value.read()));
    // The announced copy lags behind: updated once typing pauses.
    let announced = RwSignal::new(None::<CharacterCount>);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |first: Option<()>| {
        let message = count();
        if first.is_none() {
            return;
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || announced.set(message),
            std::time::Duration::from_millis(1000),
        )
        .ok();
        pending.set_value(handle);
    });
    view! {
        <div class="app-form-group" class:app-form-group--error=has_error>
            <label class="app-label" for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <div id=hint_id class="app-hint">{hint}</div> })}
            <ErrorMessage id=error_id.clone() message=error />
            <textarea
                class="app-textarea"
                class:app-input--error=has_error
                id=id
                name=name
                rows="5"
                autocomplete=autocomplete
                aria-describedby=described_by
                aria-invalid=move || has_error().then_some("true")
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
            ></textarea>
            {max_chars.map(|_| {
                view! {
                    <div id=info_id class="app-hint app-character-count" aria-hidden="true">
                        {move || count().map(|count| count.words(i18n))}
                    </div>
                    <div class="app-visually-hidden" aria-live="polite">
                        {move || announced.get().map(|count| count.words(i18n))}
                    </div>
                }
            })}
        </div>
    }
}

/// How the typed text compares with the limit, in characters (not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharacterCount {
    Remaining(usize),
    TooMany(usize),
}

pub fn character_count(max: usize, text: &str) -> CharacterCount {
    let used = text.chars().count();
    if used <= max {
        CharacterCount::Remaining(max - used)
    } else {
        CharacterCount::TooMany(used - max)
    }
}

impl CharacterCount {
    /// "You have 1,000 characters remaining" / "You have 1 character too many".
    pub fn words(self, i18n: I18n) -> AnyView {
        match self {
            Self::Remaining(1) => t!(i18n, common.character_remaining).into_any(),
            Self::Remaining(count) => t!(
                i18n,
                common.characters_remaining,
                count = move || thousands(count)
            )
            .into_any(),
            Self::TooMany(1) => t!(i18n, common.character_too_many).into_any(),
            Self::TooMany(count) => t!(
                i18n,
                common.characters_too_many,
                count = move || thousands(count)
            )
            .into_any(),
        }
    }
}

fn thousands(count: usize) -> String {
    if count >= 1000 {
        format!("{},{:03}", count / 1000, count % 1000)
    } else {
        count.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_not_bytes() {
        assert_eq!(character_count(1000, ""), CharacterCount::Remaining(1000));
        assert_eq!(character_count(3, "éé"), CharacterCount::Remaining(1));
        assert_eq!(character_count(1, "abc"), CharacterCount::TooMany(2));
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(12_345), "12,345");
    }
}
