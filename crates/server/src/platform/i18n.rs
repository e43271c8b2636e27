//! Words for people in English and Welsh, from the translation files the app uses too
//! (`locales/{lang}/errors.json` and `server.json`), compiled in. Keys are dotted:
//! `errors.phone_enter`, `server.summary.first.email`. `Message` holds a key and its
//! placeholder values until the reader's language is known; `RequestLang` is that
//! language, read from the request's `Accept-Language`.

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::LazyLock;

use axum::extract::FromRequestParts;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use serde_json::Value;
use shared::{Lang, ParseError};

/// Every translation file the server reads: (language, namespace, contents).
const FILES: [(Lang, &str, &str); 4] = [
    (
        Lang::En,
        "errors",
        include_str!("../../../../locales/en/errors.json"),
    ),
    (
        Lang::Cy,
        "errors",
        include_str!("../../../../locales/cy/errors.json"),
    ),
    (
        Lang::En,
        "server",
        include_str!("../../../../locales/en/server.json"),
    ),
    (
        Lang::Cy,
        "server",
        include_str!("../../../../locales/cy/server.json"),
    ),
];

type Catalog = HashMap<Lang, HashMap<String, String>>;

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    let mut catalog = Catalog::new();
    for (lang, namespace, contents) in FILES {
        // The files are compiled in and `tests::the_translation_files_parse` reads each
        // one, so a broken file fails the tests rather than a request.
        let value: Value = serde_json::from_str(contents).expect("a translation file is not JSON");
        flatten(namespace, &value, catalog.entry(lang).or_default());
    }
    catalog
});

/// Adds every string under `value` to `out` as `prefix.dotted.key`.
fn flatten(prefix: &str, value: &Value, out: &mut HashMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                flatten(&format!("{prefix}.{key}"), child, out);
            }
        }
        Value::String(text) => {
            out.insert(prefix.to_owned(), text.clone());
        }
        _ => tracing::error!(key = prefix, "translation is not text"),
    }
}

fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    CATALOG.get(&lang)?.get(key).map(String::as_str)
}

/// The text for `key` in `lang`; English if Welsh lacks it (`tests` forbid that), and the
/// key itself if no language has it, so a mistake shows rather than a blank.
pub fn text(lang: Lang, key: &str) -> &str {
    if let Some(found) = lookup(lang, key) {
        return found;
    }
    tracing::error!(key, lang = lang.tag(), "missing translation");
    lookup(Lang::En, key).unwrap_or(key)
}

/// `text` with each `{{ name }}` replaced by its value from `args`.
pub fn format(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    fill(text(lang, key), args)
}

/// Replaces `{{ name }}` (spaces inside the braces optional) with its value; placeholders
/// with no value are left as they are.
fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open..].find("}}").map(|i| open + i) else {
            break;
        };
        out.push_str(&rest[..open]);
        let name = rest[open + 2..close].trim();
        match args.iter().find(|(arg, _)| *arg == name) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(&rest[open..close + 2]),
        }
        rest = &rest[close + 2..];
    }
    out.push_str(rest);
    out
}

/// Words not yet put into a language: a key and its placeholder values. A value may
/// itself differ by language (e.g. a list of safe times), so each is kept per language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    key: String,
    args: Vec<(&'static str, Vec<(Lang, String)>)>,
}

impl Message {
    /// A message from `errors.json`, by its key there (`"phone_enter"`).
    pub fn error(key: &str) -> Self {
        Self {
            key: format!("errors.{key}"),
            args: Vec::new(),
        }
    }

    /// A message from `server.json`, by its dotted key there (`"staff.sign_in_refused"`):
    /// for texts only the server shows, which the victim app must not carry.
    pub fn server(key: &str) -> Self {
        Self {
            key: format!("server.{key}"),
            args: Vec::new(),
        }
    }

    /// Sets `{{ name }}` to `value` in every language.
    pub fn with(self, name: &'static str, value: impl Into<String>) -> Self {
        let value = value.into();
        self.with_per_lang(name, |_| value.clone())
    }

    /// Sets `{{ name }}` to `value(lang)` for each language.
    pub fn with_per_lang(mut self, name: &'static str, value: impl Fn(Lang) -> String) -> Self {
        let values = Lang::ALL.iter().map(|&lang| (lang, value(lang))).collect();
        self.args.push((name, values));
        self
    }

    pub fn render(&self, lang: Lang) -> String {
        let args: Vec<(&str, &str)> = self
            .args
            .iter()
            .filter_map(|(name, values)| {
                let (_, value) = values.iter().find(|(l, _)| *l == lang)?;
                Some((*name, value.as_str()))
            })
            .collect();
        format(lang, &self.key, &args)
    }
}

/// An `errors.json` key.
impl From<&'static str> for Message {
    fn from(key: &'static str) -> Self {
        Self::error(key)
    }
}

impl From<ParseError> for Message {
    fn from(error: ParseError) -> Self {
        Self::error(error.key())
    }
}

/// The language of `Accept-Language`: the first tag (in the order given, as the app and
/// browsers list them by preference) naming a language we have, skipping any marked
/// `q=0`. English when none does.
pub fn accepted_lang(headers: &HeaderMap) -> Lang {
    let Some(header) = headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()) else {
        return Lang::En;
    };
    header
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let tag = parts.next()?;
            let refused = parts.any(|param| {
                param
                    .trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    == Some(0.0)
            });
            if refused {
                None
            } else {
                Lang::from_tag(tag)
            }
        })
        .next()
        .unwrap_or(Lang::En)
}

/// The language to answer a request in (see `accepted_lang`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for RequestLang {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(accepted_lang(&parts.headers)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn the_translation_files_parse() {
        for (lang, namespace, contents) in FILES {
            let parsed = serde_json::from_str::<Value>(contents);
            assert!(
                parsed.is_ok_and(|v| v.is_object()),
                "{}/{namespace}.json",
                lang.tag()
            );
        }
        assert!(!CATALOG.is_empty());
    }

    #[test]
    fn every_key_is_in_welsh_too() {
        let english = &CATALOG[&Lang::En];
        let welsh = &CATALOG[&Lang::Cy];
        let mut missing: Vec<&String> =
            english.keys().filter(|k| !welsh.contains_key(*k)).collect();
        missing.sort();
        assert!(missing.is_empty(), "no Welsh for {missing:?}");
    }

    #[test]
    fn every_parse_error_has_a_message() {
        for key in shared::ALL_PARSE_ERROR_KEYS {
            for lang in Lang::ALL {
                assert!(lookup(lang, &format!("errors.{key}")).is_some(), "{key}");
            }
        }
    }

    #[test]
    fn placeholders_are_filled_with_or_without_spaces() {
        assert_eq!(
            fill(
                "{{ a }} and {{b}} but not {{ c }}",
                &[("a", "1"), ("b", "2")]
            ),
            "1 and 2 but not {{ c }}"
        );
        assert_eq!(fill("no end {{ a", &[("a", "1")]), "no end {{ a");
    }

    #[test]
    fn messages_render_in_each_language() {
        let message = Message::error("phone_enter");
        assert_eq!(message.render(Lang::En), "Enter a phone number");
        assert_eq!(message.render(Lang::Cy), "Rhowch rif ffôn");
        let times = Message::error("window_outside_safe_times")
            .with_per_lang("safe_times", |lang| lang.tag().to_owned());
        assert!(times.render(Lang::Cy).ends_with(": cy"));
        assert_eq!(text(Lang::Cy, "errors.no_such_key"), "errors.no_such_key");
    }

    #[test]
    fn accept_language_picks_the_first_language_we_have() {
        let lang = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(ACCEPT_LANGUAGE, HeaderValue::from_str(value).unwrap());
            accepted_lang(&headers)
        };
        assert_eq!(accepted_lang(&HeaderMap::new()), Lang::En);
        assert_eq!(lang("cy"), Lang::Cy);
        assert_eq!(lang("cy-GB,cy;q=0.9,en;q=0.8"), Lang::Cy);
        assert_eq!(lang("fr-FR, cy;q=0.7, en;q=0.5"), Lang::Cy);
        assert_eq!(lang("en-GB,cy;q=0.5"), Lang::En);
        assert_eq!(lang("cy;q=0, en"), Lang::En);
        assert_eq!(lang("de"), Lang::En);
    }
}
