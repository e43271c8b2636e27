//! API tests: one binary, each test on its own fresh database and random port
//! (`helpers::spawn_app`).

mod authorisation_matrix;
mod callbacks;
mod cases;
mod client_config;
mod contact_change;
mod create_supervisor;
mod errors;
mod helpers;
mod languages;
mod logging;
mod many_servers;
mod openapi;
mod preferences;
mod privacy_in_logs;
mod schema;
mod seed;
mod server_process;
mod session;
mod sign_in;
mod staff;
mod staff_admin;
mod static_files;
mod vcop;
