//! Dates as officers read them: an ISO date from the API (`2025-11-28`) as "28 November
//! 2025" (or in Welsh), by the browser's own date formatting, so the app carries no month
//! names of its own.

use js_sys::{Date, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::i18n::Locale;

/// `iso` (YYYY-MM-DD) as a long date in `locale`; the ISO text itself if it is not a date.
pub fn long_date(locale: Locale, iso: &str) -> String {
    let date = Date::new(&JsValue::from_str(&format!("{iso}T12:00:00Z")));
    if date.get_time().is_nan() {
        return iso.to_owned();
    }
    let options = Object::new();
    for (key, value) in [
        ("day", "numeric"),
        ("month", "long"),
        ("year", "numeric"),
        ("timeZone", "UTC"),
    ] {
        _ = Reflect::set(&options, &key.into(), &value.into());
    }
    let tag = match locale {
        Locale::en => "en-GB",
        Locale::cy => "cy-GB",
    };
    date.to_locale_date_string(tag, &options).into()
}
