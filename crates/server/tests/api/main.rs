//! API tests: one binary, each test on its own fresh database and random port
//! (`helpers::spawn_app`).

mod authorisation_matrix;
mod backup;
mod callbacks;
mod cases;
mod client_config;
mod create_supervisor;
mod errors;
mod helpers;
mod languages;
mod logging;
mod many_servers;
mod openapi;
mod origin;
mod preferences;
mod privacy_in_logs;
mod retention;
mod schema;
mod seed;
mod server_process;
mod session;
mod sign_in;
mod staff;
mod staff_admin;
mod static_files;
mod vcop;
