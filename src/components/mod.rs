//! Reusable pieces of the victim's pages. One component per file; each file's doc comment
//! is its markup contract (what ARIA it sets and why). The pieces the staff app uses too
//! live in `crates/ui` and are re-exported here, so pages import them from one place.

pub mod case_nav;
pub mod checkbox_item;
pub mod easy_read_toggle;
pub mod emergency_banner;
pub mod exit_intro;
pub mod exit_link;
pub mod external_link;
pub mod fieldset;
pub mod helping_banner;
pub mod permission_choices;
pub mod phone_input;
pub mod radio_group;
pub mod radio_item;
pub mod repeat_list;
pub mod select;
pub mod sign_out_everywhere;
pub mod site_footer;
pub mod site_header;
pub mod supporter_sign_in;
pub mod textarea;
pub mod time_range;
pub mod timeline;

pub use case_nav::CaseNav;
pub use checkbox_item::CheckboxItem;
pub use easy_read_toggle::{easy_read_setting, EasyReadToggle};
pub use emergency_banner::EmergencyBanner;
pub use exit_intro::ExitIntro;
pub use exit_link::{keep_one_history_entry, ExitLink};
pub use external_link::ContentLinkView;
pub use fieldset::Fieldset;
pub use helping_banner::HelpingBanner;
pub use permission_choices::{permission_suffix, permission_words, PermissionChoices};
pub use phone_input::PhoneInput;
pub use radio_group::{first_id, RadioGroup};
pub use radio_item::RadioItem;
pub use repeat_list::RepeatList;
pub use select::Select;
pub use sign_out_everywhere::SignOutEverywhere;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use supporter_sign_in::SupporterSignIn;
pub use textarea::Textarea;
pub use time_range::{check_time, TimeRange};
pub use timeline::Timeline;
pub use ui::components::{
    after_render, described_by, focus_element, Button, ButtonVariant, DrawnNext, ErrorMessage,
    ErrorSummary, FocusOnNavigate, LanguageSwitcher, Loaded, LoadingStatus, NotificationBanner,
    PageTitle, RetryableError, SkipLink, SummaryList, SummaryRow, Tag, TextInput, WarningText,
};
