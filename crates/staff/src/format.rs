//! Dates as officers read them: an ISO date from the API (`2025-11-28`) as "28 November
//! 2025", and a moment (RFC 3339) as "Tue 2 Dec 2025, 09:03" in UK time, in English or
//! Welsh, by the browser's own date formatting, so the app carries no month names of its
//! own.

use js_sys::{Date, Object, Reflect};
use wasm_bindgen::JsValue;

use shared::api::callbacks::CallbackWindow;

use crate::i18n::Locale;

/// `iso` (YYYY-MM-DD) as a long date in `locale`; the ISO text itself if it is not a date.
pub fn long_date(locale: Locale, iso: &str) -> String {
    let date = Date::new(&JsValue::from_str(&format!("{iso}T12:00:00Z")));
    if date.get_time().is_nan() {
        return iso.to_owned();
    }
    let options = options(&[
        ("day", "numeric"),
        ("month", "long"),
        ("year", "numeric"),
        ("timeZone", "UTC"),
    ]);
    date.to_locale_date_string(language_tag(locale), &options)
        .into()
}

/// `rfc3339` (e.g. `2025-12-02T09:03:00Z`) as a short day, date and time in UK time;
/// the text itself if it is not a moment.
pub fn short_date_time(locale: Locale, rfc3339: &str) -> String {
    let moment = Date::new(&JsValue::from_str(rfc3339));
    if moment.get_time().is_nan() {
        return rfc3339.to_owned();
    }
    let options = options(&[
        ("weekday", "short"),
        ("day", "numeric"),
        ("month", "short"),
        ("year", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("timeZone", "Europe/London"),
    ]);
    moment
        .to_locale_string(language_tag(locale), &options)
        .into()
}

/// A callback window or booked call (`YYYY-MM-DD`, UK `HH:MM`s) as "Thu 12 Mar 2026,
/// 10:00 to 11:00".
pub fn window_text(locale: Locale, window: &CallbackWindow, to: &str) -> String {
    let date = Date::new(&JsValue::from_str(&format!("{}T12:00:00Z", window.date)));
    let day = if date.get_time().is_nan() {
        window.date.clone()
    } else {
        let options = options(&[
            ("weekday", "short"),
            ("day", "numeric"),
            ("month", "short"),
            ("year", "numeric"),
            ("timeZone", "UTC"),
        ]);
        date.to_locale_date_string(language_tag(locale), &options)
            .into()
    };
    format!("{day}, {} {to} {}", window.start, window.end)
}

/// `template` with each `{{ name }}` replaced by its value from `args`, for text that
/// must be one string (an attribute, a notice); `t!` with values puts views in sentences.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    args.iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{{ {name} }}}}"), value)
        })
}

fn language_tag(locale: Locale) -> &'static str {
    match locale {
        Locale::en => "en-GB",
        Locale::cy => "cy-GB",
    }
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let options = Object::new();
    for (key, value) in pairs {
        _ = Reflect::set(&options, &(*key).into(), &(*value).into());
    }
    options
}
