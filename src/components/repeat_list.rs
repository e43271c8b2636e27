//! `RepeatList`: GOV.UK "add another" for groups of fields (safe times, callback times).
//!
//! Markup contract: each item is a `Fieldset` with legend "<legend> N" (so every input is
//! read with its item number, "Safe time 2, From") and ids prefixed `<id_prefix>-<index>`,
//! followed by a "Remove" button whose accessible name says which item ("Remove safe time
//! 2"). After the items, an "Add another …" button. Adding moves focus to the new item's
//! first field; removing moves it to the add button, so keyboard users are never left on
//! an element that has gone.

use leptos::prelude::*;

use crate::components::{after_render, focus_element, Button, ButtonVariant, Fieldset};
use crate::i18n::*;

#[component]
pub fn RepeatList<W, V, F>(
    items: RwSignal<Vec<W>>,
    /// e.g. `safe-times`: item ids start `safe-times-0`.
    id_prefix: &'static str,
    /// e.g. "Safe time": legends read "Safe time 1".
    legend: &'static str,
    add_label: &'static str,
    /// Suffix of each item's first field id, focused after adding (e.g. `date`).
    first_field: &'static str,
    new_item: fn() -> W,
    /// The fields of one item, given its id prefix (`safe-times-0`).
    render: F,
) -> impl IntoView
where
    W: Copy + Send + Sync + 'static,
    V: IntoView + 'static,
    F: Fn(String, W) -> V + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let add_id = format!("{id_prefix}-add");
    let add = move |_| {
        items.update(|list| list.push(new_item()));
        let index = items.with_untracked(Vec::len) - 1;
        after_render(move || focus_element(&format!("{id_prefix}-{index}-{first_field}")));
    };
    let item_name = legend.to_lowercase();
    view! {
        {move || {
            let count = items.with(Vec::len);
            items
                .get()
                .into_iter()
                .enumerate()
                .map(|(index, item)| {
                    let prefix = format!("{id_prefix}-{index}");
                    let remove = move |_| {
                        items.update(|list| {
                            if index < list.len() {
                                list.remove(index);
                            }
                        });
                        after_render(move || focus_element(&format!("{id_prefix}-add")));
                    };
                    let hidden_name = format!(" {item_name} {}", index + 1);
                    let fields = render(prefix.clone(), item);
                    view! {
                        <div class="app-window">
                            <Fieldset id=prefix.clone() legend=format!("{legend} {}", index + 1) large=true>
                                {fields}
                            </Fieldset>
                            {(count > 1).then(|| view! {
                                <Button variant=ButtonVariant::Secondary on:click=remove>
                                    {t!(i18n, common.remove)}
                                    <span class="app-visually-hidden">{hidden_name}</span>
                                </Button>
                            })}
                        </div>
                    }
                })
                .collect_view()
        }}
        <button type="button" id=add_id class="app-button app-button--secondary" on:click=add>
            {add_label}
        </button>
    }
}
