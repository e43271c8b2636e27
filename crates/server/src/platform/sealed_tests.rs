//! Unit tests of sealed values, code hashes and blind indexes.

use super::*;

fn keys() -> DataKeys {
    DataKeys::generate().unwrap()
}

#[test]
fn a_sealed_value_opens_to_itself_and_hides_it() {
    let keys = keys();
    let sealed = keys.seal(VICTIMS_PHONE, "+447700900123").unwrap();
    assert!(sealed.starts_with(&format!("v1.{}.", keys.current_id())));
    assert!(!sealed.contains("7700900123"));
    assert!(looks_sealed(&sealed) && sealed_with_current(&keys, &sealed));
    assert_eq!(keys.open(VICTIMS_PHONE, &sealed).unwrap(), "+447700900123");
    // A new nonce each time: equal values do not look equal.
    assert_ne!(sealed, keys.seal(VICTIMS_PHONE, "+447700900123").unwrap());
}

#[test]
fn a_tampered_value_does_not_open() {
    let keys = keys();
    let sealed = keys.seal(VICTIMS_EMAIL, "sam@example.org").unwrap();
    let mut bytes = sealed.into_bytes();
    let last = bytes.len() - 3;
    bytes[last] = if bytes[last] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(bytes).unwrap();
    assert!(keys.open(VICTIMS_EMAIL, &tampered).is_err());
}

#[test]
fn a_value_moved_to_another_column_does_not_open() {
    let keys = keys();
    let sealed = keys.seal(VICTIMS_PHONE, "+447700900123").unwrap();
    let error = format!("{:#}", keys.open(CALLBACK_PHONE, &sealed).unwrap_err());
    assert!(error.contains("callback_requests.phone"), "{error}");
    assert!(!error.contains("7700900123"), "{error}");
}

#[test]
fn plain_values_are_never_taken_for_sealed_ones() {
    let keys = keys();
    for plain in [
        "+447700900123",
        "v1.smith@example.org",
        "v1.abc.def",
        r#"{"phone":"+447700900123"}"#,
        "JBSWY3DPEHPK3PXP",
        "Your Safe Updates code is 123456.",
    ] {
        assert!(!looks_sealed(plain), "{plain}");
        assert!(keys.open(VICTIMS_EMAIL, plain).is_err(), "{plain}");
    }
}

#[test]
fn an_old_key_still_opens_after_rotation_and_an_unknown_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let (old_path, new_path) = (dir.path().join("old.json"), dir.path().join("new.json"));
    crate::platform::data_key::write_new_key_file(&old_path, None, false).unwrap();
    crate::platform::data_key::write_new_key_file(&new_path, Some(&old_path), false).unwrap();
    let old = DataKeys::load(&old_path).unwrap();
    let new = DataKeys::load(&new_path).unwrap();
    let sealed_before = old
        .seal(PREFERENCES_BODY, "{\"postcode\":\"ZZ9 9ZZ\"}")
        .unwrap();
    assert!(!sealed_with_current(&new, &sealed_before));
    assert_eq!(
        new.open(PREFERENCES_BODY, &sealed_before).unwrap(),
        "{\"postcode\":\"ZZ9 9ZZ\"}"
    );
    let sealed_after = new.seal(PREFERENCES_BODY, "x").unwrap();
    let error = format!(
        "{:#}",
        old.open(PREFERENCES_BODY, &sealed_after).unwrap_err()
    );
    assert!(error.contains(new.current_id()), "{error}");
}

#[test]
fn code_hashes_need_the_key_and_match_only_their_code() {
    let keys = keys();
    let stored = keys.code_hash("5a1t", "123456");
    assert!(stored.starts_with(&format!("h1.{}.", keys.current_id())));
    assert!(keys.code_matches("5a1t", &stored, "123456"));
    assert!(!keys.code_matches("5a1t", &stored, "123457"));
    assert!(!keys.code_matches("other", &stored, "123456"));
    // Another key file makes other hashes: a copied table alone cannot be checked.
    let other = self::keys();
    assert!(!other.code_matches("5a1t", &stored, "123456"));
    // A hash from before codes were keyed (plain hex) never matches.
    assert!(!keys.code_matches("5a1t", &"ab".repeat(32), "123456"));
}

#[test]
fn blind_indexes_match_equal_values_only_per_column_and_key() {
    let keys = keys();
    let index = keys.blind_index(OUTBOX_RECIPIENT, "Alex@Example.org ");
    assert_eq!(
        index,
        keys.blind_index(OUTBOX_RECIPIENT, "alex@example.org")
    );
    assert_ne!(index, keys.blind_index(OUTBOX_RECIPIENT, "sam@example.org"));
    assert_ne!(index, keys.blind_index(VICTIMS_EMAIL, "alex@example.org"));
    assert_ne!(
        index,
        self::keys().blind_index(OUTBOX_RECIPIENT, "alex@example.org")
    );
}
