//! Checks the content files the app loads as data (`public/content/*.json`): they must
//! deserialize into the shared types and meet the rules in `public/content/README.md`.
//! Every check runs on every language file found; [`translations`] also checks that each
//! translation mirrors the English file.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use shared::api::content::{RightText, RightsContent, SupportDirectory};

/// Languages whose files must exist: English (the reference) and Welsh.
const REQUIRED_LANGUAGES: &[&str] = &["en", "cy"];

/// The app's top-level routes a content link may point to (besides `/rights/{id}`).
const APP_ROUTES: &[&str] = &[
    "/case",
    "/preferences",
    "/callbacks",
    "/rights",
    "/support",
    "/sign-in",
];

/// `CaseView::crime_category` values.
const CRIME_CATEGORIES: &[&str] = &[
    "burglary",
    "domestic_abuse",
    "robbery",
    "criminal_damage",
    "harassment",
    "sexual_offence",
    "hate_crime",
    "fraud",
    "assault",
    "other",
];

/// The needs vocabulary documented in `public/content/README.md`.
const NEEDS: &[&str] = &[
    "emotional_support",
    "safety",
    "court",
    "compensation",
    "lgbt",
    "mental_health",
    "practical",
    "young_people",
    "men",
];

/// National lines every victim should see: (id in every language, part of the English name).
const NATIONAL_LINES: &[(&str, &str)] = &[
    ("victim-support", "Victim Support"),
    ("rape-crisis", "Rape Crisis"),
    (
        "national-domestic-abuse-helpline",
        "National Domestic Abuse Helpline",
    ),
    ("samaritans", "Samaritans"),
    ("galop", "Galop"),
    ("witness-service", "Witness Service"),
    (
        "criminal-injuries-compensation-authority",
        "Criminal Injuries Compensation",
    ),
];

/// Easy-read limits: average words per sentence per right, and the longest sentence.
/// The English text averages about 6 to 8.5 words with a longest sentence of 12.
const EASY_READ_MAX_AVERAGE_WORDS: f64 = 10.0;
const EASY_READ_MAX_SENTENCE_WORDS: usize = 15;

fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/content")
}

/// `(language, path)` of every `{kind}.{lang}.json` file, sorted by language. Fails if a
/// [`REQUIRED_LANGUAGES`] file is missing, so no language's checks can pass by being skipped.
fn files(kind: &str) -> Vec<(String, PathBuf)> {
    let dir = content_dir();
    let mut found = Vec::new();
    for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display())) {
        let path = entry.expect("directory entry").path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(rest) = name.strip_prefix(kind).and_then(|r| r.strip_prefix('.')) else {
            continue;
        };
        let Some(lang) = rest.strip_suffix(".json") else {
            continue;
        };
        found.push((lang.to_owned(), path));
    }
    found.sort();
    for required in REQUIRED_LANGUAGES {
        assert!(
            found.iter().any(|(lang, _)| lang == required),
            "{kind}.{required}.json is missing from {}",
            dir.display()
        );
    }
    found
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

fn rights_files() -> Vec<(String, PathBuf, RightsContent)> {
    files("rights")
        .into_iter()
        .map(|(lang, path)| {
            let content: RightsContent = serde_json::from_str(&read(&path))
                .unwrap_or_else(|e| panic!("{} is not valid RightsContent: {e}", path.display()));
            (lang, path, content)
        })
        .collect()
}

fn support_files() -> Vec<(String, PathBuf, SupportDirectory)> {
    files("support")
        .into_iter()
        .map(|(lang, path)| {
            let content: SupportDirectory =
                serde_json::from_str(&read(&path)).unwrap_or_else(|e| {
                    panic!("{} is not valid SupportDirectory: {e}", path.display())
                });
            (lang, path, content)
        })
        .collect()
}

/// Lower-case ASCII letters and digits in words joined by single hyphens.
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn versions(text: &RightText) -> impl Iterator<Item = &str> {
    std::iter::once(text.summary.as_str())
        .chain(text.entitled.iter().map(String::as_str))
        .chain(text.time_limit_standard.as_deref())
        .chain(text.time_limit_enhanced.as_deref())
        .chain(text.if_not_met.iter().map(String::as_str))
}

/// Word counts of the sentences in `texts` (split on `.`, `!` and `?`).
fn sentence_lengths<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<(usize, String)> {
    texts
        .flat_map(|t| t.split(['.', '!', '?']))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| (s.split_whitespace().count(), s.to_owned()))
        .collect()
}

/// Every string anywhere in the JSON value must have visible text.
fn assert_no_empty_strings(value: &serde_json::Value, at: &str, file: &Path) {
    match value {
        serde_json::Value::String(s) => {
            assert!(
                !s.trim().is_empty(),
                "{}: empty text at {at}",
                file.display()
            );
            assert_eq!(
                s.trim(),
                s,
                "{}: leading or trailing spaces at {at}",
                file.display()
            );
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                assert_no_empty_strings(item, &format!("{at}[{i}]"), file);
            }
        }
        serde_json::Value::Object(fields) => {
            for (key, item) in fields {
                assert_no_empty_strings(item, &format!("{at}.{key}"), file);
            }
        }
        _ => {}
    }
}

#[test]
fn content_files_have_no_empty_text() {
    for (_, path) in files("rights").into_iter().chain(files("support")) {
        let value: serde_json::Value = serde_json::from_str(&read(&path))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_no_empty_strings(&value, "$", &path);
    }
}

#[test]
fn language_matches_file_name() {
    for (lang, path, content) in rights_files() {
        assert_eq!(content.language, lang, "{}", path.display());
    }
    for (lang, path, content) in support_files() {
        assert_eq!(content.language, lang, "{}", path.display());
    }
}

#[test]
fn there_are_twelve_rights_numbered_in_order() {
    for (_, path, content) in rights_files() {
        let numbers: Vec<u8> = content.rights.iter().map(|r| r.number).collect();
        assert_eq!(numbers, (1..=12).collect::<Vec<u8>>(), "{}", path.display());
    }
}

#[test]
fn right_ids_are_unique_url_slugs() {
    for (_, path, content) in rights_files() {
        let mut seen = BTreeSet::new();
        for right in &content.rights {
            assert!(
                is_slug(&right.id),
                "{}: id {:?} is not a URL slug",
                path.display(),
                right.id
            );
            assert!(
                seen.insert(&right.id),
                "{}: id {:?} is used twice",
                path.display(),
                right.id
            );
        }
    }
}

#[test]
fn every_version_says_what_you_are_entitled_to_and_what_to_do() {
    for (_, path, content) in rights_files() {
        for right in &content.rights {
            for (version, text) in [
                ("standard", &right.standard),
                ("easy_read", &right.easy_read),
            ] {
                let at = format!("{}: right {} {version}", path.display(), right.number);
                assert!(!text.entitled.is_empty(), "{at}: no `entitled` paragraph");
                assert!(
                    !text.if_not_met.is_empty(),
                    "{at}: no `if_not_met` paragraph"
                );
                assert!(!text.title.trim().is_empty(), "{at}: empty title");
                assert!(!text.summary.trim().is_empty(), "{at}: empty summary");
            }
            // The easy-read version tells the same time limits as the standard one.
            assert_eq!(
                right.standard.time_limit_standard.is_some(),
                right.easy_read.time_limit_standard.is_some(),
                "{}: right {} standard time limit in one version only",
                path.display(),
                right.number
            );
            assert_eq!(
                right.standard.time_limit_enhanced.is_some(),
                right.easy_read.time_limit_enhanced.is_some(),
                "{}: right {} enhanced time limit in one version only",
                path.display(),
                right.number
            );
        }
    }
}

#[test]
fn links_point_to_app_routes_or_https_pages() {
    for (_, path, content) in rights_files() {
        let ids: BTreeSet<&str> = content.rights.iter().map(|r| r.id.as_str()).collect();
        for right in &content.rights {
            let at = format!("{}: right {}", path.display(), right.number);
            assert!(
                (1..=3).contains(&right.links.len()),
                "{at}: has {} links, expected 1 to 3",
                right.links.len()
            );
            for link in &right.links {
                assert!(
                    !link.text.trim().is_empty(),
                    "{at}: link to {:?} has no text",
                    link.href
                );
                let href = link.href.as_str();
                if let Some(rest) = href.strip_prefix("https://") {
                    assert!(
                        !rest.is_empty() && !rest.contains(char::is_whitespace),
                        "{at}: bad address {href:?}"
                    );
                } else if let Some(id) = href.strip_prefix("/rights/") {
                    assert!(ids.contains(id), "{at}: link to unknown right {href:?}");
                } else {
                    assert!(
                        APP_ROUTES.contains(&href),
                        "{at}: {href:?} is neither an app route nor an https:// address"
                    );
                }
            }
        }
    }
}

#[test]
fn easy_read_sentences_are_short() {
    for (_, path, content) in rights_files() {
        for right in &content.rights {
            let lengths = sentence_lengths(versions(&right.easy_read));
            assert!(!lengths.is_empty());
            let average =
                lengths.iter().map(|(n, _)| *n).sum::<usize>() as f64 / lengths.len() as f64;
            assert!(
                average <= EASY_READ_MAX_AVERAGE_WORDS,
                "{}: right {} easy read averages {average:.1} words a sentence (limit {EASY_READ_MAX_AVERAGE_WORDS})",
                path.display(),
                right.number
            );
            for (n, sentence) in &lengths {
                assert!(
                    *n <= EASY_READ_MAX_SENTENCE_WORDS,
                    "{}: right {} easy-read sentence has {n} words: {sentence:?}",
                    path.display(),
                    right.number
                );
            }
        }
    }
}

/// Asserts every language lists the same ids as English, in the same order.
fn assert_same_ids_as_english<T>(
    all: &[(String, PathBuf, T)],
    what: &str,
    ids: impl Fn(&T) -> Vec<&str>,
) {
    let english = all
        .iter()
        .find(|(lang, _, _)| lang == "en")
        .map(|(_, _, content)| ids(content))
        .expect("en");
    for (lang, path, content) in all {
        assert_eq!(
            ids(content),
            english,
            "{} ({lang}) {what} ids differ from English (they must be the same, in the same order)",
            path.display()
        );
    }
}

#[test]
fn every_language_has_the_same_right_ids_as_english() {
    assert_same_ids_as_english(&rights_files(), "right", |c| {
        c.rights.iter().map(|r| r.id.as_str()).collect()
    });
}

#[test]
fn every_language_has_the_same_support_ids_as_english() {
    assert_same_ids_as_english(&support_files(), "support service", |c| {
        c.services.iter().map(|s| s.id.as_str()).collect()
    });
}

#[test]
fn support_ids_are_unique_slugs() {
    for (_, path, directory) in support_files() {
        assert!(
            directory.services.len() >= 12,
            "{}: fewer than 12 services",
            path.display()
        );
        let mut seen = BTreeSet::new();
        for service in &directory.services {
            assert!(
                is_slug(&service.id),
                "{}: id {:?} is not a slug",
                path.display(),
                service.id
            );
            assert!(
                seen.insert(&service.id),
                "{}: id {:?} is used twice",
                path.display(),
                service.id
            );
        }
    }
}

#[test]
fn national_lines_are_listed() {
    for (lang, path, directory) in support_files() {
        let by_id: BTreeMap<&str, _> = directory
            .services
            .iter()
            .map(|s| (s.id.as_str(), s))
            .collect();
        for (id, english_name) in NATIONAL_LINES {
            let service = by_id
                .get(id)
                .unwrap_or_else(|| panic!("{}: national line {id:?} is missing", path.display()));
            assert!(
                service.national,
                "{}: {id:?} should be marked national",
                path.display()
            );
            assert!(
                service.phone.is_some(),
                "{}: {id:?} has no phone number",
                path.display()
            );
            if lang == "en" {
                assert!(
                    service.name.contains(english_name),
                    "{}: {id:?} is named {:?}, expected it to contain {english_name:?}",
                    path.display(),
                    service.name
                );
            }
        }
        // Numbers that appear on every page must not drift.
        assert_eq!(
            by_id["victim-support"].phone_link.as_deref(),
            Some("+448081689111")
        );
        assert_eq!(by_id["samaritans"].phone_link.as_deref(), Some("116123"));
    }
}

/// `phone_link` is the spoken number's digits, with a UK leading 0 written as `+44`.
fn expected_phone_link(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    match digits.strip_prefix('0') {
        Some(rest) => format!("+44{rest}"),
        None => digits,
    }
}

#[test]
fn phone_numbers_have_dialable_links() {
    for (_, path, directory) in support_files() {
        for service in &directory.services {
            let at = format!("{}: {}", path.display(), service.id);
            match (&service.phone, &service.phone_link) {
                (None, None) => {}
                (Some(phone), Some(link)) => {
                    let digits = link.strip_prefix('+').unwrap_or(link);
                    assert!(
                        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()),
                        "{at}: phone_link {link:?} must be digits with an optional leading +"
                    );
                    assert!(
                        phone.chars().all(|c| c.is_ascii_digit() || c == ' '),
                        "{at}: phone {phone:?} should be digits and spaces"
                    );
                    assert_eq!(
                        link,
                        &expected_phone_link(phone),
                        "{at}: phone and phone_link differ"
                    );
                }
                _ => panic!("{at}: phone and phone_link must both be set or both be null"),
            }
        }
    }
}

#[test]
fn support_websites_use_https() {
    for (_, path, directory) in support_files() {
        for service in &directory.services {
            if let Some(website) = &service.website {
                assert!(
                    website.starts_with("https://") && website.len() > "https://".len(),
                    "{}: {} website {website:?} must be an https:// address",
                    path.display(),
                    service.id
                );
            }
            assert!(
                service.website.is_some() || service.phone.is_some(),
                "{}: {} has no way to get in touch",
                path.display(),
                service.id
            );
        }
    }
}

#[test]
fn categories_and_needs_use_the_documented_vocabulary() {
    for (_, path, directory) in support_files() {
        for service in &directory.services {
            for category in &service.crime_categories {
                assert!(
                    CRIME_CATEGORIES.contains(&category.as_str()),
                    "{}: {} has unknown crime category {category:?}",
                    path.display(),
                    service.id
                );
            }
            assert!(
                !service.needs.is_empty(),
                "{}: {} lists no needs",
                path.display(),
                service.id
            );
            for need in &service.needs {
                assert!(
                    NEEDS.contains(&need.as_str()),
                    "{}: {} has unknown need {need:?}",
                    path.display(),
                    service.id
                );
            }
        }
    }
}

#[test]
fn needs_vocabulary_is_documented() {
    let readme = read(&content_dir().join("README.md"));
    for word in NEEDS.iter().chain(CRIME_CATEGORIES) {
        assert!(
            readme.contains(&format!("`{word}`")),
            "README.md does not document `{word}`"
        );
    }
}

mod translations {
    //! Each translation (`*.cy.json`, and any later language) must mirror the English file:
    //! the same JSON shape, the same ids, numbers, flags, links, phone numbers and
    //! vocabulary codes, with every sentence translated and its figures (days, months, ages)
    //! kept. Empty text is caught for every language by `content_files_have_no_empty_text`.

    use std::path::PathBuf;

    use serde_json::Value;

    use super::{files, read};

    /// Fields that hold identifiers, addresses or vocabulary codes rather than text for
    /// people: they must be exactly the English value in every language.
    const MACHINE_FIELDS: &[&str] = &[
        "id",
        "href",
        "phone",
        "phone_link",
        "website",
        "crime_categories",
        "needs",
    ];

    /// Proper names, which stay in English when there is no official name in the language.
    const NAME_FIELDS: &[&str] = &["name"];

    /// Differs by design: it must match the file name (`language_matches_file_name`).
    const LANGUAGE_FIELD: &str = "language";

    /// Text identical to English and longer than this is taken to be left untranslated.
    const UNTRANSLATED_MAX_CHARS: usize = 25;

    /// What a string holds, going by the field it is in.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Kind {
        Machine,
        Name,
        Language,
        Text,
    }

    fn kind(field: &str) -> Kind {
        if MACHINE_FIELDS.contains(&field) {
            Kind::Machine
        } else if NAME_FIELDS.contains(&field) {
            Kind::Name
        } else if field == LANGUAGE_FIELD {
            Kind::Language
        } else {
            Kind::Text
        }
    }

    /// A string in a translation, beside the English string at the same place.
    struct Pair {
        /// File and JSON path, for messages.
        at: String,
        kind: Kind,
        english: String,
        translated: String,
    }

    /// `(path, English JSON, translated JSON)` for every non-English content file.
    fn translations() -> Vec<(PathBuf, Value, Value)> {
        let json = |path: &PathBuf| -> Value {
            serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        };
        let mut found = Vec::new();
        for kind in ["rights", "support"] {
            let all = files(kind);
            let english = all
                .iter()
                .find(|(lang, _)| lang == "en")
                .map(|(_, path)| json(path))
                .expect("en");
            for (_, path) in all.iter().filter(|(lang, _)| lang != "en") {
                found.push((path.clone(), english.clone(), json(path)));
            }
        }
        assert!(!found.is_empty(), "no translations found");
        found
    }

    /// Walks `english` and `translated` side by side, asserting they have the same shape
    /// (keys, list lengths, which values are null) and the same numbers and flags, and
    /// collects every pair of strings. `field` is the nearest object key above the value.
    fn pair_strings(
        english: &Value,
        translated: &Value,
        at: &str,
        field: &str,
        out: &mut Vec<Pair>,
    ) {
        match (english, translated) {
            (Value::String(e), Value::String(t)) => out.push(Pair {
                at: at.to_owned(),
                kind: kind(field),
                english: e.clone(),
                translated: t.clone(),
            }),
            (Value::Array(e), Value::Array(t)) => {
                assert_eq!(
                    e.len(),
                    t.len(),
                    "{at}: {} items in English, {} here",
                    e.len(),
                    t.len()
                );
                for (i, (e, t)) in e.iter().zip(t).enumerate() {
                    pair_strings(e, t, &format!("{at}[{i}]"), field, out);
                }
            }
            (Value::Object(e), Value::Object(t)) => {
                let keys =
                    |o: &serde_json::Map<String, Value>| o.keys().cloned().collect::<Vec<_>>();
                assert_eq!(keys(t), keys(e), "{at}: fields differ from English");
                for (key, e) in e {
                    pair_strings(e, &t[key], &format!("{at}.{key}"), key, out);
                }
            }
            (Value::Number(_), Value::Number(_))
            | (Value::Bool(_), Value::Bool(_))
            | (Value::Null, Value::Null) => {
                assert_eq!(translated, english, "{at}: differs from English");
            }
            _ => panic!("{at}: is {translated} where English has {english}"),
        }
    }

    /// Every string of every translation, beside its English counterpart.
    fn pairs() -> Vec<Pair> {
        let mut out = Vec::new();
        for (path, english, translated) in translations() {
            pair_strings(
                &english,
                &translated,
                &format!("{}: $", path.display()),
                "",
                &mut out,
            );
        }
        out
    }

    fn pairs_of(kinds: &[Kind]) -> impl Iterator<Item = Pair> + '_ {
        pairs().into_iter().filter(move |p| kinds.contains(&p.kind))
    }

    /// The runs of digits in `text`, sorted (word order may differ between languages).
    fn figures(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|run| !run.is_empty())
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn translations_have_the_same_shape_numbers_and_flags_as_english() {
        // `pairs` asserts the shape and every non-string value as it walks.
        assert!(!pairs().is_empty());
    }

    #[test]
    fn translations_keep_ids_links_phone_numbers_and_codes() {
        for pair in pairs_of(&[Kind::Machine]) {
            assert_eq!(
                pair.translated, pair.english,
                "{}: must be the same as in English",
                pair.at
            );
        }
    }

    #[test]
    fn translations_translate_every_sentence() {
        for pair in pairs_of(&[Kind::Text]) {
            assert!(
                pair.translated != pair.english
                    || pair.english.chars().count() <= UNTRANSLATED_MAX_CHARS,
                "{}: not translated: {:?}",
                pair.at,
                pair.translated
            );
        }
    }

    #[test]
    fn translations_keep_the_figures_in_the_text() {
        for pair in pairs_of(&[Kind::Text, Kind::Name]) {
            assert_eq!(
                figures(&pair.translated),
                figures(&pair.english),
                "{}: numbers differ from English {:?}",
                pair.at,
                pair.english
            );
        }
    }
}
