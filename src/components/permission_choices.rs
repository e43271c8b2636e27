//! `PermissionChoices`: the checkboxes for what a supporter may do (read updates,
//! callbacks, contact preferences), with the warning on contact preferences shown while it
//! is ticked. Used to invite someone and to change what they may do.
//!
//! Markup contract: as `Fieldset` and `CheckboxItem`; each box's id is
//! `<id_prefix>-<permission>`, and the first is where the error summary sends focus.

use leptos::prelude::*;
use shared::api::supporters::SupporterPermission;

use crate::components::{CheckboxItem, Fieldset, WarningText};
use crate::i18n::*;

/// The checkbox id suffix for a permission.
pub fn permission_suffix(permission: SupporterPermission) -> &'static str {
    match permission {
        SupporterPermission::ReadUpdates => "read-updates",
        SupporterPermission::Callbacks => "callbacks",
        SupporterPermission::Preferences => "preferences",
    }
}

/// What a permission lets someone do, in words.
pub fn permission_words(l: Locale, permission: SupporterPermission) -> &'static str {
    match permission {
        SupporterPermission::ReadUpdates => td_string!(l, people.permission.read_updates),
        SupporterPermission::Callbacks => td_string!(l, people.permission.callbacks),
        SupporterPermission::Preferences => td_string!(l, people.permission.preferences),
    }
}

#[component]
pub fn PermissionChoices(
    id_prefix: &'static str,
    legend: String,
    chosen: RwSignal<Vec<SupporterPermission>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    view! {
        <Fieldset id=id_prefix legend hint=Some(t_string!(i18n, people.permissions_hint)) error>
            {SupporterPermission::ALL
                .into_iter()
                .map(|permission| {
                    let checked = Signal::derive(move || chosen.with(|c| c.contains(&permission)));
                    let on_toggle = Callback::new(move |on: bool| {
                        chosen.update(|c| {
                            c.retain(|p| *p != permission);
                            if on {
                                c.push(permission);
                            }
                        });
                    });
                    let id = format!("{id_prefix}-{}", permission_suffix(permission));
                    let label = permission_words(l, permission);
                    if permission == SupporterPermission::Preferences {
                        view! {
                            <CheckboxItem id name="permissions" label checked on_toggle>
                                <WarningText>{t!(i18n, people.preferences_warning)}</WarningText>
                            </CheckboxItem>
                        }
                        .into_any()
                    } else {
                        view! { <CheckboxItem id name="permissions" label checked on_toggle /> }
                            .into_any()
                    }
                })
                .collect_view()}
        </Fieldset>
    }
}
