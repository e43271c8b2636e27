//! `CheckboxItem`: one GOV.UK checkbox (`<input type="checkbox">` with its `<label>`),
//! used inside a `Fieldset`. Like `RadioItem`, `children` is a conditional reveal shown
//! only while it is ticked.

use leptos::prelude::*;

#[component]
pub fn CheckboxItem(
    #[prop(into)] id: String,
    name: &'static str,
    #[prop(into)] label: String,
    #[prop(into)] checked: Signal<bool>,
    on_toggle: Callback<bool>,
    #[prop(optional)] children: Option<ChildrenFn>,
) -> impl IntoView {
    view! {
        <div class="app-choice">
            <input
                class="app-choice__input app-choice__input--checkbox"
                type="checkbox"
                id=id.clone()
                name=name
                value=id.clone()
                prop:checked=checked
                on:change=move |event| on_toggle.run(event_target_checked(&event))
            />
            <label class="app-choice__label" for=id>{label}</label>
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
