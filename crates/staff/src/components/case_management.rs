//! `CaseManagement`: loads the case's management state (and, for supervisors, the unit's
//! officers and teams) and shows "Change stage", "Enhanced rights" and "Reallocate". A
//! save reloads it, and tells the page (`on_saved`) so the case above shows the change.

use leptos::prelude::*;
use ui::components::Loaded;

use super::{CaseStage, EnhancedRights, Reallocate};
use crate::api;
use crate::i18n::*;
use crate::session::staff_resource;

#[component]
pub fn CaseManagement(reference: String, on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let saved = RwSignal::new(0_u32);
    let wanted = reference.clone();
    let (management, loading) = staff_resource(move || {
        saved.track();
        let reference = wanted.clone();
        async move {
            let management = api::get_case_management(&reference).await?;
            let options = if management.may_reallocate {
                Some(api::get_allocation_options().await?)
            } else {
                None
            };
            Ok((management, options))
        }
    });
    let after_save = Callback::new(move |()| {
        saved.update(|n| *n += 1);
        on_saved.run(());
    });
    view! {
        <Loaded
            resource=management
            loading=loading
            loading_message=t_string!(i18n, case_management.loading)
            error_message=t_string!(i18n, case_management.load_failed)
            render=move |(management, options)| {
                let reallocate = options.map(|options| view! {
                    <Reallocate
                        reference=reference.clone()
                        management=management.clone()
                        options=options
                        on_saved=after_save
                    />
                });
                view! {
                    <CaseStage reference=reference.clone() management=management.clone() on_saved=after_save />
                    <EnhancedRights reference=reference.clone() management=management on_saved=after_save />
                    {reallocate}
                }
            }
        />
    }
}
