//! `RadioItem`: one GOV.UK radio (a real `<input type="radio">` with its `<label>`), used
//! inside a `Fieldset`. Radios sharing a `name` form one group, so the browser's arrow
//! keys move between them and Tab enters and leaves the group once.
//!
//! Markup contract: the 44 × 44 px target is the whole label row. `lang` marks a label in
//! another language (e.g. "Cymraeg" in `cy`). `children` is a conditional reveal (a
//! follow-up question) shown only while this radio is chosen, straight after it, so it is
//! next in reading and tab order; hidden content is removed, not just hidden.

use leptos::prelude::*;

#[component]
pub fn RadioItem(
    #[prop(into)] id: String,
    name: &'static str,
    #[prop(into)] label: String,
    #[prop(into)] checked: Signal<bool>,
    on_select: Callback<()>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] lang: Option<&'static str>,
    #[prop(optional)] children: Option<ChildrenFn>,
) -> impl IntoView {
    let hint_id = format!("{id}-item-hint");
    view! {
        <div class="app-choice">
            <input
                class="app-choice__input"
                type="radio"
                id=id.clone()
                name=name
                value=id.clone()
                prop:checked=checked
                aria-describedby=hint.map(|_| hint_id.clone())
                on:change=move |_| on_select.run(())
            />
            <label class="app-choice__label" for=id lang=lang>{label}</label>
            {hint.map(|hint| view! { <div id=hint_id class="app-hint app-choice__hint">{hint}</div> })}
        </div>
        {children.map(|children| {
            view! {
                <Show when=move || checked.get()>
                    <div class="app-choice__conditional">{children()}</div>
                </Show>
            }
        })}
    }
}
