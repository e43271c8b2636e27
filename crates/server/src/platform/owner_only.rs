//! Files and folders only their owner can read: the database, its folder and backups hold
//! victims' details, so nobody else on the machine may open them, whatever the umask.

use std::fs::{DirBuilder, File, OpenOptions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::Path;

/// Folders: owner may list, enter and write.
const FOLDER_MODE: u32 = 0o700;
/// Files: owner may read and write.
const FILE_MODE: u32 = 0o600;

/// Creates `folder` and any missing parents, each new one owner-only (existing ones are
/// left as they are).
pub fn create_folder_all(folder: &Path) -> io::Result<()> {
    DirBuilder::new()
        .recursive(true)
        .mode(FOLDER_MODE)
        .create(folder)
}

/// Creates `file`, owner-only and empty; fails if anything is already there, so nothing is
/// ever overwritten (and no symlink followed).
pub fn create_new_file(file: &Path) -> io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(FILE_MODE)
        .open(file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn new_folders_and_files_are_owner_only_and_nothing_is_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        create_folder_all(&nested).unwrap();
        assert_eq!(mode(&dir.path().join("a")), 0o700);
        assert_eq!(mode(&nested), 0o700);
        let file = nested.join("f");
        create_new_file(&file).unwrap();
        assert_eq!(mode(&file), 0o600);
        let again = create_new_file(&file).unwrap_err();
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
    }
}
