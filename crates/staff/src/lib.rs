//! Safe Updates — staff: the officers' web app, served at `/staff/` (its own `index.html`,
//! trunk build and texts; a victim never downloads any of it).
//!
//! `App` is the shell every page shares: language, skip link, header with the signed-in
//! officer's name and "Sign out", `<main id="main-content">` and the route table. Every
//! route is under `/staff/`, written out in full (no router base), so links and redirects
//! read the same as the addresses in the browser.

pub mod api;
pub mod components;
pub mod format;
pub mod i18n;
pub mod pages;
pub mod session;
pub mod state;
pub mod updates_words;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;
use ui::components::{FocusOnNavigate, ServiceName, SkipLink};

use crate::components::StaffHeader;
use crate::i18n::{td_string, use_i18n, LanguageProvider};
use crate::pages::{
    CallbacksPage, CasePage, CasesPage, DueListPage, NotFoundPage, PostUpdatePage, SignInPage,
};
use crate::state::StaffState;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(ServiceName(|locale| {
        td_string!(locale, common.service_name)
    }));
    StaffState::provide();

    view! {
        <LanguageProvider>
            <Router>
                <FocusOnNavigate />
                <Layout />
            </Router>
        </LanguageProvider>
    }
}

/// Everything on screen, rebuilt when the language changes (see `ui::i18n`).
#[component]
fn Layout() -> impl IntoView {
    let i18n = use_i18n();
    move || {
        i18n.get_locale();
        view! {
            <SkipLink />
            <StaffHeader />
            <div class="app-width-container">
                <main id="main-content" class="app-main" tabindex="-1">
                    <PageRoutes />
                </main>
            </div>
        }
    }
}

/// The page for the current address.
#[component]
fn PageRoutes() -> impl IntoView {
    view! {
        <FlatRoutes fallback=|| view! { <NotFoundPage /> }>
            <Route path=path!("/staff") view=CasesPage />
            <Route path=path!("/staff/sign-in") view=SignInPage />
            <Route path=path!("/staff/callbacks") view=CallbacksPage />
            <Route path=path!("/staff/cases/*reference") view=CasePage />
            <Route path=path!("/staff/post-update/*reference") view=PostUpdatePage />
            <Route path=path!("/staff/due") view=DueListPage />
        </FlatRoutes>
    }
}
