//! `GET /api/config`: what the app reads at start, such as where "Exit this page" goes.

use shared::api::ClientConfig;

use crate::helpers::{spawn_app, spawn_app_with, Options};

#[tokio::test]
async fn the_exit_url_defaults_to_bbc_weather_and_needs_no_session() {
    let app = spawn_app().await;
    let response = app.get("/api/config").await;
    assert_eq!(response.status(), 200);
    let config: ClientConfig = response.json().await.unwrap();
    assert_eq!(config.exit_url, "https://www.bbc.co.uk/weather");
}

#[tokio::test]
async fn the_exit_url_follows_the_flag() {
    let app = spawn_app_with(Options {
        exit_url: Some("https://www.example.org/recipes".to_owned()),
        ..Options::default()
    })
    .await;
    let config: ClientConfig = app.get("/api/config").await.json().await.unwrap();
    assert_eq!(config.exit_url, "https://www.example.org/recipes");
}
