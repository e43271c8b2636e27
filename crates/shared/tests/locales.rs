//! Checks the translation files (`{lang}/{namespace}.json`) in every locale folder: the
//! victim app's and the API's (`locales/`), the UI library's (`crates/ui/locales/`) and the
//! staff app's (`crates/staff/locales/`). In each folder: every namespace exists in English and Welsh, with the same keys, the same
//! `{{ placeholder }}` names per key, no empty text, and no `<` or `>` (markup belongs in
//! the views: the app shows texts as plain text). Walks the folders, so new namespaces are checked without listing.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

const LANGUAGES: [&str; 2] = ["en", "cy"];

/// Every locale folder, from the workspace root; each has one folder per language.
const LOCALE_ROOTS: [&str; 3] = ["locales", "crates/ui/locales", "crates/staff/locales"];

fn locale_roots() -> impl Iterator<Item = PathBuf> {
    LOCALE_ROOTS.iter().map(|root| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(root)
    })
}

/// The namespaces (file stems) in one language's folder.
fn namespaces(root: &Path, lang: &str) -> BTreeSet<String> {
    let dir = root.join(lang);
    let entries =
        fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .filter_map(|path| Some(path.file_stem()?.to_str()?.to_owned()))
        .collect()
}

/// `dotted.key → text` for one file; values that are not strings or objects are reported.
fn flatten(prefix: &str, value: &Value, out: &mut BTreeMap<String, String>, bad: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let dotted = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&dotted, child, out, bad);
            }
        }
        Value::String(text) => {
            out.insert(prefix.to_owned(), text.clone());
        }
        other => bad.push(format!("{prefix} is not text: {other}")),
    }
}

fn load(
    root: &Path,
    lang: &str,
    namespace: &str,
    problems: &mut Vec<String>,
) -> BTreeMap<String, String> {
    let path = root.join(lang).join(format!("{namespace}.json"));
    let parsed = fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str::<Value>(&text).map_err(|e| e.to_string()));
    let mut flat = BTreeMap::new();
    match parsed {
        Ok(value @ Value::Object(_)) => {
            let mut bad = Vec::new();
            flatten("", &value, &mut flat, &mut bad);
            problems.extend(
                bad.into_iter()
                    .map(|b| format!("{lang}/{namespace}.json: {b}")),
            );
        }
        Ok(_) => problems.push(format!("{lang}/{namespace}.json is not a JSON object")),
        Err(e) => problems.push(format!("{lang}/{namespace}.json does not parse: {e}")),
    }
    flat
}

/// The names inside `{{ … }}`, spaces trimmed.
/// The names in `{{ name }}` (filled with views by the app's `t!`) and `{name}` (filled by the
/// app's `format::fill` where a plain string is needed) placeholders.
fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}'))
        .map(|(name, _)| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .collect()
}

#[test]
fn every_namespace_is_in_every_language() {
    let mut problems = Vec::new();
    for root in locale_roots() {
        let all: BTreeSet<String> = LANGUAGES
            .iter()
            .flat_map(|lang| namespaces(&root, lang))
            .collect();
        assert!(
            !all.is_empty(),
            "no translation files in {}",
            root.display()
        );
        for lang in LANGUAGES {
            let have = namespaces(&root, lang);
            for missing in all.difference(&have) {
                problems.push(format!(
                    "{}/{lang}/{missing}.json is missing",
                    root.display()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn translations_have_the_same_keys_and_placeholders() {
    let mut problems = Vec::new();
    for root in locale_roots() {
        check_keys_and_placeholders(&root, &mut problems);
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// Same keys, no empty text or markup, and the same placeholders in every language of
/// the folder `root`.
fn check_keys_and_placeholders(root: &Path, problems: &mut Vec<String>) {
    let all: BTreeSet<String> = LANGUAGES
        .iter()
        .flat_map(|lang| namespaces(root, lang))
        .collect();
    for namespace in &all {
        let files: Vec<(&str, BTreeMap<String, String>)> = LANGUAGES
            .iter()
            .filter(|lang| namespaces(root, lang).contains(namespace))
            .map(|lang| (*lang, load(root, lang, namespace, problems)))
            .collect();
        let keys: BTreeSet<&String> = files.iter().flat_map(|(_, flat)| flat.keys()).collect();
        for (lang, flat) in &files {
            let missing: Vec<&str> = keys
                .iter()
                .filter(|key| !flat.contains_key(key.as_str()))
                .map(|key| key.as_str())
                .collect();
            if !missing.is_empty() {
                problems.push(format!(
                    "{lang}/{namespace}.json is missing keys: {}",
                    missing.join(", ")
                ));
            }
            for (key, text) in flat {
                if text.trim().is_empty() {
                    problems.push(format!("{lang}/{namespace}.json: {key} is empty"));
                }
                if text.contains(['<', '>']) {
                    problems.push(format!("{lang}/{namespace}.json: {key} contains < or >"));
                }
            }
        }
        if let [(first_lang, first), rest @ ..] = files.as_slice() {
            for (lang, flat) in rest {
                for (key, text) in first {
                    let Some(other) = flat.get(key) else { continue };
                    let (expected, found) = (placeholders(text), placeholders(other));
                    if expected != found {
                        problems.push(format!(
                            "{namespace}.json: {key} has placeholders {expected:?} in \
                             {first_lang} but {found:?} in {lang}"
                        ));
                    }
                }
            }
        }
    }
}

#[test]
fn placeholders_are_found_with_or_without_spaces() {
    assert_eq!(
        placeholders("Call {{ number }} or {{name}} on {day}."),
        BTreeSet::from(["number".to_owned(), "name".to_owned(), "day".to_owned()])
    );
    assert!(placeholders("No braces here").is_empty());
}
