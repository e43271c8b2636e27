//! `CaseManagement`: loads the case's management state (and, for supervisors, the unit's
//! officers and teams) and shows "Change stage", "Enhanced rights" and "Reallocate". A
//! save puts its sentence in `notice` (owned by the page, so it outlives the reload) and
//! tells the page (`on_saved`) to reload the case; the sentence then shows in a success
//! banner (`role="alert"`) above the forms, which takes focus, since the form the
//! keyboard was on is rebuilt.

use leptos::prelude::*;
use ui::components::{focus_element, Loaded, NotificationBanner};

use super::{CaseStage, EnhancedRights, Reallocate};
use crate::api;
use crate::i18n::*;
use crate::session::staff_resource;

const BANNER_ID: &str = "case-saved";

#[component]
pub fn CaseManagement(
    reference: String,
    notice: RwSignal<Option<String>>,
    on_saved: Callback<()>,
) -> impl IntoView {
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
    let after_save = Callback::new(move |sentence: String| {
        notice.set(Some(sentence));
        saved.update(|n| *n += 1);
        on_saved.run(());
    });
    let banner = move || {
        notice.get().map(|sentence| {
            request_animation_frame(|| focus_element(BANNER_ID));
            view! {
                <NotificationBanner id=BANNER_ID success=true autofocus=true>
                    <p class="app-notification-banner__heading">{sentence}</p>
                </NotificationBanner>
            }
        })
    };
    view! {
        {banner}
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
