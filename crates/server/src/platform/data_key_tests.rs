//! Unit tests of the data key file: making, loading, refusing, rotating.

use super::*;

#[test]
fn a_new_key_file_is_owner_only_and_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("key.json");
    write_new_key_file(&path, None, false).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let keys = DataKeys::load(&path).unwrap();
    assert!(valid_key_id(keys.current_id()));
    // Never over an existing file.
    assert!(write_new_key_file(&path, None, false).is_err());
}

#[test]
fn rotation_keeps_the_old_keys_and_makes_a_new_current_one() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.json"), dir.path().join("new.json"));
    let listed = dir.path().join("listed.json");
    write_new_key_file(&old, None, false).unwrap();
    write_new_key_file(&new, Some(&old), false).unwrap();
    write_new_key_file(&listed, Some(&old), true).unwrap();
    let (old, new) = (DataKeys::load(&old).unwrap(), DataKeys::load(&new).unwrap());
    assert_ne!(old.current_id(), new.current_id());
    assert!(new.keys.contains_key(old.current_id()));
    // The first step on several servers: the new key listed, the old one current.
    let listed = DataKeys::load(&listed).unwrap();
    assert_eq!(listed.current_id(), old.current_id());
    assert_eq!(listed.keys.len(), 2);
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("key.json");
    let missing = format!("{:#}", DataKeys::load(&path).unwrap_err());
    assert!(missing.contains("new-data-key"), "{missing}");
    std::fs::write(&path, r#"{"current":"a","keys":{"a":"c2hvcnQ="}}"#).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let readable = format!("{:#}", DataKeys::load(&path).unwrap_err());
    assert!(readable.contains("chmod 600"), "{readable}");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let short = format!("{:#}", DataKeys::load(&path).unwrap_err());
    assert!(short.contains("32 bytes"), "{short}");
    let key = STANDARD.encode([7u8; 32]);
    std::fs::write(
        &path,
        format!(r#"{{"current":"b","keys":{{"a":"{key}"}}}}"#),
    )
    .unwrap();
    assert!(DataKeys::load(&path).is_err());
}

#[test]
fn demo_mode_makes_a_key_beside_its_database_and_other_modes_need_one_named() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/demo.db", dir.path().display());
    let made = for_server(None, true, &url).unwrap();
    assert!(dir.path().join("demo.db.data-key.json").exists());
    let again = for_server(None, true, &url).unwrap();
    assert_eq!(made.current_id(), again.current_id());
    let refused = format!("{:#}", for_server(None, false, &url).unwrap_err());
    assert!(
        refused.contains("server new-data-key --to FILE"),
        "{refused}"
    );
}

#[test]
fn debug_output_shows_ids_not_keys() {
    let keys = DataKeys::generate().unwrap();
    let shown = format!("{keys:?}");
    assert!(shown.contains(keys.current_id()));
    assert!(!shown.contains("cipher"));
}
