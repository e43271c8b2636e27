//! `notify-double`: the local GOV.UK Notify stand-in as a program, for the bench and for
//! trying the server against it by hand (README, "Connecting GOV.UK Notify").

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use notify_double::{Callback, Config, Kind, Receipts, Template};

/// A local stand-in for GOV.UK Notify's REST API (texts, emails, letters, receipts).
/// Sends nothing anywhere except receipts to --callback-url.
#[derive(Debug, Parser)]
#[command(name = "notify-double", version, about)]
struct Args {
    /// Address to listen on; keep it on loopback.
    #[arg(long, env = "NOTIFY_DOUBLE_ADDR", default_value = "127.0.0.1:6011")]
    addr: SocketAddr,
    /// File holding the API key clients sign with ({name}-{service_id}-{secret}); without
    /// it, the made-up key notify_double::TEST_API_KEY.
    #[arg(long, env = "NOTIFY_DOUBLE_API_KEY_FILE", value_name = "FILE")]
    api_key_file: Option<PathBuf>,
    /// The text message template's id (content ((body))).
    #[arg(long, env = "NOTIFY_DOUBLE_SMS_TEMPLATE", default_value = notify_double::SMS_TEMPLATE)]
    sms_template: String,
    /// The email template's id (subject ((subject)), content ((body))).
    #[arg(long, env = "NOTIFY_DOUBLE_EMAIL_TEMPLATE", default_value = notify_double::EMAIL_TEMPLATE)]
    email_template: String,
    /// The letter template's id (heading ((subject)), content ((body))).
    #[arg(long, env = "NOTIFY_DOUBLE_LETTER_TEMPLATE", default_value = notify_double::LETTER_TEMPLATE)]
    letter_template: String,
    /// Where delivery receipts are posted, e.g.
    /// http://127.0.0.1:8080/api/delivery/notify-receipts. None: no receipts are posted.
    #[arg(
        long,
        env = "NOTIFY_DOUBLE_CALLBACK_URL",
        requires = "callback_token_file"
    )]
    callback_url: Option<String>,
    /// File holding the bearer token receipts carry (the server's
    /// --notify-receipt-token-file).
    #[arg(long, env = "NOTIFY_DOUBLE_CALLBACK_TOKEN_FILE", value_name = "FILE")]
    callback_token_file: Option<PathBuf>,
    /// Milliseconds between answering a send and posting its receipt.
    #[arg(long, env = "NOTIFY_DOUBLE_RECEIPT_DELAY_MS", default_value_t = 1000)]
    receipt_delay_ms: u64,
    /// Post receipts only when asked (POST /_test/send-receipts).
    #[arg(long, env = "NOTIFY_DOUBLE_MANUAL_RECEIPTS")]
    manual_receipts: bool,
}

fn read(file: &PathBuf) -> Result<String, String> {
    std::fs::read_to_string(file)
        .map(|text| text.trim().to_owned())
        .map_err(|error| format!("could not read {}: {error}", file.display()))
}

#[tokio::main]
async fn main() -> Result<(), String> {
    let args = Args::parse();
    let api_key = match &args.api_key_file {
        Some(file) => read(file)?,
        None => notify_double::TEST_API_KEY.to_owned(),
    };
    let callback = match (&args.callback_url, &args.callback_token_file) {
        (Some(url), Some(file)) => Some(Callback {
            url: url.clone(),
            bearer_token: read(file)?,
        }),
        _ => None,
    };
    let config = Config {
        addr: args.addr,
        api_key,
        templates: vec![
            Template::ours(Kind::Sms, &args.sms_template),
            Template::ours(Kind::Email, &args.email_template),
            Template::ours(Kind::Letter, &args.letter_template),
        ],
        callback,
        receipts: if args.manual_receipts {
            Receipts::WhenAsked
        } else {
            Receipts::After(Duration::from_millis(args.receipt_delay_ms))
        },
    };
    let handle = notify_double::spawn(config)
        .await
        .map_err(|error| format!("could not start: {error}"))?;
    println!("notify-double listening on {}", handle.base_url());
    tokio::signal::ctrl_c()
        .await
        .map_err(|error| format!("could not wait for Ctrl-C: {error}"))?;
    handle.stop();
    Ok(())
}
