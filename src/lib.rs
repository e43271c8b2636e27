//! Safe Updates: the victim self-service portal (client-side Leptos app).
//!
//! `App` is the shell every page shares: language (English or Welsh), skip link, the sticky "Exit this page"
//! bar, header with the emergency numbers, `<main id="main-content">`, the route table, footer.
//! The routes are flat, so `<FlatRoutes>` (about 10 KB less brotli wasm than `<Routes>`).

pub mod api;
pub mod components;
pub mod content;
pub mod display_settings;
pub mod error_text;
pub mod format;
pub mod i18n;
pub mod offline;
pub mod pages;
pub mod session;
pub mod state;

pub use ui::{form_errors, resource};

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;
use ui::components::ServiceName;

use crate::components::{
    ExitIntro, ExitLink, FocusOnNavigate, HelpingBanner, SiteFooter, SiteHeader, SkipLink,
};
use crate::i18n::{td_string, use_i18n, LanguageProvider};
use crate::pages::{
    AcceptInvitationPage, AccessEndedPage, CallbacksPage, CasePage, InvitePage, LooksPage,
    NotFoundPage, PeoplePage, PreferencesPage, RightPage, RightsPage, SettingsPage, SignInCodePage,
    SignInPage, SignedOutPage, StartPage, StayingSafePage, SupportPage, SupporterSignInPage,
};
use crate::state::AppState;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(ServiceName(|locale| {
        td_string!(locale, common.service_name)
    }));
    provide_context(offline::OFFLINE_NOTICE);
    AppState::provide();
    offline::register_service_worker_after_load();

    view! {
        <LanguageProvider>
            <Router>
                <FocusOnNavigate />
                <Layout />
            </Router>
        </LanguageProvider>
    }
}

/// Everything on screen. Rebuilt when the language changes, like following a link to the
/// page in the other language (GOV.UK's pattern): every text is read again (texts are
/// plain strings, see `i18n`), and what the page had fetched is fetched again.
#[component]
fn Layout() -> impl IntoView {
    let i18n = use_i18n();
    move || {
        i18n.get_locale();
        view! {
            <SkipLink />
            <ExitLink />
            <SiteHeader />
            <div class="app-width-container">
                <main id="main-content" class="app-main" tabindex="-1">
                    <ExitIntro />
                    <HelpingBanner />
                    <PageRoutes />
                </main>
            </div>
            <SiteFooter />
        }
    }
}

/// The page for the current address.
#[component]
fn PageRoutes() -> impl IntoView {
    view! {
        <FlatRoutes fallback=|| view! { <NotFoundPage /> }>
            <Route path=path!("/") view=StartPage />
            <Route path=path!("/sign-in") view=SignInPage />
            <Route path=path!("/sign-in/code") view=SignInCodePage />
            <Route path=path!("/case") view=CasePage />
            <Route path=path!("/preferences") view=PreferencesPage />
            <Route path=path!("/callbacks") view=CallbacksPage />
            <Route path=path!("/looks") view=LooksPage />
            <Route path=path!("/people") view=PeoplePage />
            <Route path=path!("/people/invite") view=InvitePage />
            <Route path=path!("/help/accept") view=AcceptInvitationPage />
            <Route path=path!("/help/sign-in") view=SupporterSignInPage />
            <Route path=path!("/help/ended") view=AccessEndedPage />
            <Route path=path!("/rights") view=RightsPage />
            <Route path=path!("/rights/:id") view=RightPage />
            <Route path=path!("/support") view=SupportPage />
            <Route path=path!("/settings") view=SettingsPage />
            <Route path=path!("/staying-safe-online") view=StayingSafePage />
            <Route path=path!("/signed-out") view=SignedOutPage />
        </FlatRoutes>
    }
}
