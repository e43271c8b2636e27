//! One file per route. Each page sets its own title and has exactly one `<h1 tabindex="-1">`
//! (focused after client-side navigation by `FocusOnNavigate`).

pub mod case;
pub mod demo_outbox;
pub mod not_found;
pub mod sign_in;
pub mod sign_in_code;
pub mod signed_out;
pub mod start;

pub use case::CasePage;
pub use demo_outbox::DemoOutboxPage;
pub use not_found::NotFoundPage;
pub use sign_in::SignInPage;
pub use sign_in_code::SignInCodePage;
pub use signed_out::SignedOutPage;
pub use start::StartPage;
