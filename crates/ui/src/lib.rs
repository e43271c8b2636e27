//! The UI library both Safe Updates web apps are built on (the victim app at `/`, the staff
//! app at `/staff/`): page-shell pieces (skip link, focus after navigation, page title,
//! language switcher), GOV.UK-style form components, the i18n machinery (each app brings
//! its own texts; this crate's are only the words its own components need), the HTTP
//! client with its error type, and form error mapping.
//!
//! Nothing here is specific to either app: no routes, no pages, no app texts.

pub mod api;
pub mod components;
pub mod executor;
pub mod form_errors;
pub mod i18n;
pub mod resource;
