//! About the service itself: is it up (`/api/health`), the app's settings
//! (`/api/config`) and the API's own description (`/api/openapi.json`).

pub mod client_config;
pub mod health;
pub mod openapi;
mod openapi_rules;
