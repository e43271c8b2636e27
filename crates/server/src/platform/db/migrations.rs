//! The schema migrations, embedded in the binary: one folder per engine
//! (`crates/server/migrations/sqlite/`, `…/postgres/`), the same versions and names in
//! both, the same schema in meaning. Tests check the lists against the folders and the
//! two engines' finished schemas against each other.

use std::borrow::Cow;

use sqlx::migrate::{Migration, MigrationType, Migrator};

use super::Engine;

/// One version: its number, its description and its SQL for each engine. Version and
/// description follow the file name `<version>_<description>.sql`, as sqlx-cli names them.
pub(crate) struct Version {
    pub number: i64,
    pub description: &'static str,
    pub sqlite: &'static str,
    pub postgres: &'static str,
}

/// `version!(1, "initial")` embeds `0001_initial.sql` from both folders.
macro_rules! version {
    ($number:literal, $file:literal, $description:literal) => {
        Version {
            number: $number,
            description: $description,
            sqlite: include_str!(concat!("../../../migrations/sqlite/", $file)),
            postgres: include_str!(concat!("../../../migrations/postgres/", $file)),
        }
    };
}

/// Listed by hand rather than with `sqlx::migrate!()` because that macro needs sqlx's
/// `macros` feature, which compiles SQLite a second time for the build host.
pub(crate) const VERSIONS: &[Version] = &[
    version!(1, "0001_initial.sql", "initial"),
    version!(
        2,
        "0002_vcop_preferences_callbacks.sql",
        "vcop_preferences_callbacks"
    ),
    version!(3, "0003_hot_path_indexes.sql", "hot_path_indexes"),
    version!(
        4,
        "0004_enums_stored_by_serde_name.sql",
        "enums_stored_by_serde_name"
    ),
    version!(5, "0005_access_model.sql", "access_model"),
    version!(6, "0006_sign_in_limits.sql", "sign_in_limits"),
    version!(
        7,
        "0007_database_origin_and_retention.sql",
        "database_origin_and_retention"
    ),
    version!(
        8,
        "0008_contact_change_verification.sql",
        "contact_change_verification"
    ),
    version!(9, "0009_delivery.sql", "delivery"),
    version!(
        11,
        "0011_sealed_personal_details.sql",
        "sealed_personal_details"
    ),
    version!(12, "0012_audit_trail.sql", "audit_trail"),
    version!(
        13,
        "0013_audit_trail_capability.sql",
        "audit_trail_capability"
    ),
    version!(
        14,
        "0014_vcop_rules_and_telling.sql",
        "vcop_rules_and_telling"
    ),
    version!(
        15,
        "0015_callback_queue_and_contact_log.sql",
        "callback_queue_and_contact_log"
    ),
    version!(16, "0016_case_management.sql", "case_management"),
    version!(17, "0017_supporters.sql", "supporters"),
];

/// The migrator for `engine`.
pub(crate) fn migrator(engine: Engine) -> Migrator {
    let migrations = VERSIONS
        .iter()
        .map(|version| {
            let sql = match engine {
                Engine::Sqlite => version.sqlite,
                Engine::Postgres => version.postgres,
            };
            Migration::new(
                version.number,
                Cow::Borrowed(version.description),
                MigrationType::Simple,
                Cow::Borrowed(sql),
                false,
            )
        })
        .collect::<Vec<_>>();
    Migrator {
        migrations: Cow::Owned(migrations),
        ..Migrator::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files_in(engine: &str) -> Vec<String> {
        let folder = format!("{}/migrations/{engine}", env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".sql"))
            .collect();
        files.sort();
        files
    }

    #[test]
    fn every_migration_file_of_both_engines_is_listed_in_order() {
        let listed: Vec<String> = VERSIONS
            .iter()
            .map(|version| format!("{:04}_{}.sql", version.number, version.description))
            .collect();
        for engine in ["sqlite", "postgres"] {
            let files = files_in(engine);
            assert_eq!(files, listed, "{engine}");
            for (name, version) in files.iter().zip(VERSIONS) {
                let folder = env!("CARGO_MANIFEST_DIR");
                let on_disk =
                    std::fs::read_to_string(format!("{folder}/migrations/{engine}/{name}"))
                        .unwrap();
                let embedded = if engine == "sqlite" {
                    version.sqlite
                } else {
                    version.postgres
                };
                assert_eq!(
                    on_disk, embedded,
                    "{engine}/{name} differs from the embedded copy"
                );
            }
        }
    }
}
