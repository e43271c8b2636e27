//! Reusable pieces of the page, shared by both apps. One component per file; each file's
//! doc comment is its markup contract (what ARIA it sets and why).

pub mod button;
pub mod drawn_next;
pub mod error_message;
pub mod error_summary;
pub mod focus_on_navigate;
pub mod language_switcher;
pub mod loaded;
pub mod loading_status;
pub mod notification_banner;
pub mod page_title;
pub mod retryable_error;
pub mod skip_link;
pub mod summary_list;
pub mod tag;
pub mod text_input;
pub mod warning_text;

pub use button::{Button, ButtonVariant};
pub use drawn_next::DrawnNext;
pub use error_message::{described_by, ErrorMessage};
pub use error_summary::ErrorSummary;
pub use focus_on_navigate::{after_render, focus_element, FocusOnNavigate, PageLoading};
pub use language_switcher::LanguageSwitcher;
pub use loaded::{is_offline, Loaded, OfflineNotice};
pub use loading_status::LoadingStatus;
pub use notification_banner::NotificationBanner;
pub use page_title::{PageTitle, ServiceName};
pub use retryable_error::RetryableError;
pub use skip_link::SkipLink;
pub use summary_list::{SummaryList, SummaryRow};
pub use tag::Tag;
pub use text_input::TextInput;
pub use warning_text::WarningText;
