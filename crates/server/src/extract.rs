//! Request extractors: a JSON body that fails with our `ErrorBody` shape, and `Caller`, the
//! signed-in user behind a request.

pub(crate) mod caller;
mod json;

pub use caller::{Caller, CaseScope, ScopedCase};
pub use json::Json;
