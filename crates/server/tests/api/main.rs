//! API tests: one binary, each test on its own fresh database and random port
//! (`helpers::spawn_app`).

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
mod preferences;
mod schema;
mod seed;
mod session;
mod sign_in;
mod sign_in_limits;
mod staff;
mod staff_admin;
mod staff_sign_in_limits;
mod static_files;
mod vcop;
