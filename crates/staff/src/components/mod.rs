//! The staff app's own pieces; the shared ones come from `ui::components`. One component
//! per file; each file's doc comment is its markup contract.

pub mod case_details;
pub mod case_filters;
pub mod case_management;
pub mod case_messages;
pub mod case_stage;
pub mod cases_table;
pub mod contact_choices;
pub mod enhanced_rights;
pub mod reallocate;
pub mod staff_header;

pub use case_details::CaseDetails;
pub use case_filters::{CaseFilters, Filters};
pub use case_management::CaseManagement;
pub use case_messages::{CaseMessages, MESSAGES_HEADING_ID};
pub use case_stage::CaseStage;
pub use cases_table::CasesTable;
pub use contact_choices::ContactChoices;
pub use enhanced_rights::EnhancedRights;
pub use reallocate::Reallocate;
pub use staff_header::StaffHeader;
