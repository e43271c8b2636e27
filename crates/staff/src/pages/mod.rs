//! One file per route. Each page sets its own title and has exactly one `<h1 tabindex="-1">`
//! (focused after client-side navigation by `ui::components::FocusOnNavigate`).

pub mod callbacks;
pub mod case;
pub mod cases;
pub mod due_list;
pub mod not_found;
pub mod post_update;
pub mod sign_in;

pub use callbacks::CallbacksPage;
pub use case::CasePage;
pub use cases::CasesPage;
pub use due_list::DueListPage;
pub use not_found::NotFoundPage;
pub use post_update::PostUpdatePage;
pub use sign_in::SignInPage;
