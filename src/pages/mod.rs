//! One file per route. Each page sets its own title and has exactly one `<h1 tabindex="-1">`
//! (focused after client-side navigation by `FocusOnNavigate`).

pub mod access_ended;
pub mod callbacks;
pub mod case;
pub mod help_accept;
pub mod help_sign_in;
pub mod invite;
pub mod looks;
pub mod not_found;
pub mod people;
pub mod preferences;
pub mod right;
pub mod rights;
pub mod settings;
pub mod sign_in;
pub mod sign_in_code;
pub mod signed_out;
pub mod start;
pub mod staying_safe;
pub mod support;

pub use access_ended::AccessEndedPage;
pub use callbacks::CallbacksPage;
pub use case::CasePage;
pub use help_accept::AcceptInvitationPage;
pub use help_sign_in::SupporterSignInPage;
pub use invite::InvitePage;
pub use looks::LooksPage;
pub use not_found::NotFoundPage;
pub use people::PeoplePage;
pub use preferences::PreferencesPage;
pub use right::RightPage;
pub use rights::RightsPage;
pub use settings::SettingsPage;
pub use sign_in::SignInPage;
pub use sign_in_code::SignInCodePage;
pub use signed_out::SignedOutPage;
pub use start::StartPage;
pub use staying_safe::StayingSafePage;
pub use support::SupportPage;
