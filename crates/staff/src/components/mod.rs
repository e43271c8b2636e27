//! The staff app's own pieces; the shared ones come from `ui::components`. One component
//! per file; each file's doc comment is its markup contract.

pub mod callback_item;
pub mod case_audit;
pub mod case_callbacks;
pub mod case_details;
pub mod case_filters;
pub mod case_management;
pub mod case_messages;
pub mod case_stage;
pub mod case_supporter_add;
pub mod case_supporters;
pub mod case_timeline;
pub mod cases_table;
pub mod contact_choices;
pub mod contact_form;
pub mod contact_log;
pub mod done_form;
pub mod enhanced_rights;
pub mod number_check;
pub mod radios;
pub mod reallocate;
pub mod reason_field;
pub mod schedule_form;
pub mod staff_header;
pub mod update_preview;

pub use case_audit::CaseAudit;
pub use case_callbacks::CaseCallbacks;
pub use case_details::CaseDetails;
pub use case_filters::{CaseFilters, Filters};
pub use case_management::CaseManagement;
pub use case_messages::{CaseMessages, MESSAGES_HEADING_ID};
pub use case_stage::CaseStage;
pub use case_supporters::CaseSupporters;
pub use case_timeline::{case_href, post_update_href, CaseTimeline, POSTED_QUERY};
pub use cases_table::CasesTable;
pub use contact_choices::ContactChoices;
pub use contact_log::ContactLog;
pub use done_form::DoneForm;
pub use enhanced_rights::EnhancedRights;
pub use number_check::NumberCheck;
pub use reallocate::Reallocate;
pub use schedule_form::ScheduleForm;
pub use staff_header::StaffHeader;
pub use update_preview::UpdatePreview;
