//! `/help/sign-in`: a supporter who has accepted signs in again with their own mobile
//! number or email address and a code.

use leptos::prelude::*;

use crate::components::{PageTitle, SupporterSignIn};
use crate::i18n::*;

#[component]
pub fn SupporterSignInPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle title=t_string!(i18n, helping.sign_in_title) />
        <SupporterSignIn
            invitation=None
            title=t_string!(i18n, helping.sign_in_title)
            intro=t_string!(i18n, helping.sign_in_intro)
        />
    }
}
