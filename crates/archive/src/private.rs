//! Private storage in the data folder: folders 0700, files 0600 (copies of user content must not
//! be readable by other users of the machine).

use std::fs;
use std::io;
use std::path::Path;

use claimdesk_model::atomic::write_atomic;

/// Creates `dir` (and missing parents) and makes it private.
pub(crate) fn private_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    set_mode(dir, 0o700)
}

/// Writes `bytes` to `path` atomically as a private file.
pub(crate) fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    // A new file is created 0600 first: the atomic write keeps the mode of the file it replaces.
    if !path.exists() {
        create_private(path)?;
    }
    write_atomic(path, bytes)
}

/// Makes every file directly in `dir` private (the search engine creates its files with the
/// default mode; the folder itself is already 0700).
pub(crate) fn restrict_files(dir: &Path) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            set_mode(&entry.path(), 0o600)?;
        }
    }
    Ok(())
}

#[cfg(unix)]
fn create_private(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path)
        .map(drop)
}

#[cfg(not(unix))]
fn create_private(_path: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}
