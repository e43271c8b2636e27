//! Reusable pieces of the page. One component per file; each file's doc comment is its
//! markup contract (what ARIA it sets and why).

pub mod button;
pub mod emergency_banner;
pub mod error_summary;
pub mod exit_link;
pub mod focus_on_navigate;
pub mod loading_status;
pub mod notification_banner;
pub mod page_title;
pub mod retryable_error;
pub mod site_footer;
pub mod site_header;
pub mod skip_link;
pub mod summary_list;
pub mod text_input;
pub mod timeline;

pub use button::{Button, ButtonVariant};
pub use emergency_banner::EmergencyBanner;
pub use error_summary::ErrorSummary;
pub use exit_link::ExitLink;
pub use focus_on_navigate::{focus_element, FocusOnNavigate};
pub use loading_status::LoadingStatus;
pub use notification_banner::NotificationBanner;
pub use page_title::PageTitle;
pub use retryable_error::RetryableError;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use skip_link::SkipLink;
pub use summary_list::{SummaryList, SummaryRow};
pub use text_input::TextInput;
pub use timeline::Timeline;
