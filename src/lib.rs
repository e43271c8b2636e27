//! Safe Updates: the victim self-service portal (client-side Leptos app).
//!
//! `App` is the shell every page shares: language (English or Welsh), skip link, the sticky "Exit this page"
//! bar, header with the emergency numbers, `<main id="main-content">`, the route table, footer.
//! The routes are flat, so `<FlatRoutes>` (about 10 KB less brotli wasm than `<Routes>`).
//!
//! Every page but the start page is *lazy*: its code is split out of the main wasm
//! (`tools/victim-wasm.mjs`) and fetched the first time the page is shown, so a first
//! visit downloads the shell and the start page only (issue 14: 348 KB of brotli wasm
//! before, the README has the figures).

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
pub mod static_shell;

pub use ui::{form_errors, resource};

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::{path, Lazy, LazyRoute};
use ui::components::{PageLoading, ServiceName};

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
use crate::static_shell::Drawn;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(ServiceName(|locale| {
        td_string!(locale, common.service_name)
    }));
    provide_context(offline::OFFLINE_NOTICE);
    AppState::provide();
    offline::register_service_worker_after_load();

    // True while the router fetches a lazy page's code: focus waits for the page.
    let (page_loading, set_page_loading) = signal(false);
    provide_context(PageLoading(page_loading.into()));

    // The router (and all that needs it) in a task after the rest (`static_shell`).
    let drawn = static_shell::first_drawing();
    let routed = Memo::new(move |_| drawn.get() >= Drawn::Router);
    view! {
        <LanguageProvider>
            {move || routed.get().then(|| view! {
                <Router set_is_routing=set_page_loading>
                    <FocusOnNavigate />
                    <Layout drawn />
                </Router>
            })}
        </LanguageProvider>
    }
}

/// Everything on screen. Rebuilt when the language changes, like following a link to the
/// page in the other language (GOV.UK's pattern): every text is read again (texts are
/// plain strings, see `i18n`), and what the page had fetched is fetched again. The first
/// drawing comes in steps, a task each (`static_shell`).
#[component]
fn Layout(drawn: ReadSignal<Drawn>) -> impl IntoView {
    let i18n = use_i18n();
    let header = Memo::new(move |_| drawn.get() >= Drawn::Header);
    let frame = Memo::new(move |_| drawn.get() >= Drawn::Frame);
    let page = Memo::new(move |_| drawn.get() >= Drawn::Page);
    move || {
        i18n.get_locale();
        header.get().then(|| {
            view! {
                <SkipLink />
                <ExitLink />
                <SiteHeader />
                {move || frame.get().then(|| view! {
                    <div class="app-width-container">
                        <main id="main-content" class="app-main" tabindex="-1">
                            {move || {
                                page.get()
                                    .then(|| view! {
                                        <ExitIntro />
                                        <HelpingBanner />
                                        <PageRoutes />
                                    })
                            }}
                        </main>
                    </div>
                    <SiteFooter />
                })}
            }
        })
    }
}

/// `lazy_group!(Pages, pages_view: Route => Page, …)`: lazy routes for pages whose code is
/// fetched together, in one wasm file of their own, the first time one of them is shown.
/// Two groups, what a visitor can see signed out and what needs a session: the split puts
/// code two groups share in a file of its own, so a page needs at most two files besides
/// the main module (`end2end/tests/page-files.spec.ts`). With six
/// groups the split made 41 shared files and `/rights` fetched 22 of them, one request and
/// one module to start each, which cost more page speed than the bytes saved (README,
/// issue 14: Lighthouse 85–97 → 97–99 on the victim pages, measured). A file per page
/// made 170 files. The routes have no data of their own to start early: each page asks
/// the API itself.
macro_rules! lazy_group {
    ($pages:ident, $view:ident: $($route:ident => $page:ident),+ $(,)?) => {
        // Named after the pages' components, so a variant always says which page it is.
        #[allow(clippy::enum_variant_names)]
        #[derive(Clone, Copy)]
        #[repr(u8)]
        enum $pages {
            $($page),+
        }

        // Only finds the page: setting it up is left to the caller, so that it can come
        // in a task after the one that starts the file.
        #[leptos::lazy]
        fn $view(page: $pages) -> fn() -> AnyView {
            match page {
                $($pages::$page => || view! { <$page /> }.into_any()),+
            }
        }

        $(
            struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    Self
                }

                async fn view(_this: Self) -> AnyView {
                    // A group's file fetched just now: compiled and started in one task,
                    // its page set up in the next and drawn in the one after (issue 14).
                    // The app takes the static shell's place once the page is there.
                    let _loading = static_shell::LazyPageLoading::start();
                    ui::executor::end_turns_if_it_waited($view($pages::$page), |page| page()).await
                }
            }
        )+
    };
}

lazy_group!(PublicPages, public_pages:
    RightsPageRoute => RightsPage,
    RightPageRoute => RightPage,
    SupportPageRoute => SupportPage,
    StayingSafePageRoute => StayingSafePage,
    SettingsPageRoute => SettingsPage,
    SignInPageRoute => SignInPage,
    SignInCodePageRoute => SignInCodePage,
    SignedOutPageRoute => SignedOutPage,
    AcceptInvitationPageRoute => AcceptInvitationPage,
    SupporterSignInPageRoute => SupporterSignInPage,
    AccessEndedPageRoute => AccessEndedPage,
);
lazy_group!(CasePages, case_pages:
    CasePageRoute => CasePage,
    LooksPageRoute => LooksPage,
    PreferencesPageRoute => PreferencesPage,
    CallbacksPageRoute => CallbacksPage,
    PeoplePageRoute => PeoplePage,
    InvitePageRoute => InvitePage,
);

/// The page for the current address. `/` is not lazy: it is what a first visit shows.
#[component]
fn PageRoutes() -> impl IntoView {
    view! {
        <FlatRoutes fallback=|| view! { <NotFoundPage /> }>
            <Route path=path!("/") view=StartPage />
            <Route path=path!("/sign-in") view={Lazy::<SignInPageRoute>::new()} />
            <Route path=path!("/sign-in/code") view={Lazy::<SignInCodePageRoute>::new()} />
            <Route path=path!("/case") view={Lazy::<CasePageRoute>::new()} />
            <Route path=path!("/preferences") view={Lazy::<PreferencesPageRoute>::new()} />
            <Route path=path!("/callbacks") view={Lazy::<CallbacksPageRoute>::new()} />
            <Route path=path!("/looks") view={Lazy::<LooksPageRoute>::new()} />
            <Route path=path!("/people") view={Lazy::<PeoplePageRoute>::new()} />
            <Route path=path!("/people/invite") view={Lazy::<InvitePageRoute>::new()} />
            <Route path=path!("/help/accept") view={Lazy::<AcceptInvitationPageRoute>::new()} />
            <Route path=path!("/help/sign-in") view={Lazy::<SupporterSignInPageRoute>::new()} />
            <Route path=path!("/help/ended") view={Lazy::<AccessEndedPageRoute>::new()} />
            <Route path=path!("/rights") view={Lazy::<RightsPageRoute>::new()} />
            <Route path=path!("/rights/:id") view={Lazy::<RightPageRoute>::new()} />
            <Route path=path!("/support") view={Lazy::<SupportPageRoute>::new()} />
            <Route path=path!("/settings") view={Lazy::<SettingsPageRoute>::new()} />
            <Route path=path!("/staying-safe-online") view={Lazy::<StayingSafePageRoute>::new()} />
            <Route path=path!("/signed-out") view={Lazy::<SignedOutPageRoute>::new()} />
        </FlatRoutes>
    }
}
