//! File writes that respect the user's file system: the target is either the old file or the
//! complete new one, never a half-written mix, whatever happens (full disk, crash, power cut),
//! and a symbolic link, a hard link, the file's permissions and its owner stay as they were.
//!
//! How a write goes:
//! 1. A symbolic link (or a chain of them) is followed to its final target; the link stays a
//!    link and the target is what gets replaced, in the target's own folder.
//! 2. A file with a single name is replaced atomically: a temporary file in the same folder,
//!    the old mode and owner copied onto it, fsync, rename over the target, fsync the folder.
//! 3. A file with several hard links, or one whose owner could not be kept (an unprivileged user
//!    saving someone else's writable file), is written in place, after a safety copy of the old
//!    bytes is flushed beside it; a failure puts the old bytes back (or keeps the safety copy
//!    and says where it is).
//!
//! Temporary files are named `.NAME.claimdesk-PID-RANDOM.tmp`. A write that was killed (power
//! cut, SIGKILL) leaves its temporary file behind, never a damaged target; the next write to the
//! same file removes such leftovers of processes that are no longer running.
//!
//! A folder that does not let Claimdesk create the temporary file (read-only folder, read-only
//! file system) or a target that cannot be renamed over (a mount point) is refused with a
//! message that says why and suggests saving elsewhere; the old file is never touched then.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How many symbolic links a path may go through before it is refused (as the kernel's ELOOP).
const MAX_LINK_HOPS: usize = 40;

/// Writes `bytes` to `path` atomically, keeping a symbolic link a link, a hard link linked, and
/// the file's permissions and (where the platform allows) its owner. A new file gets mode 0644.
/// On any error the previous file at `path` is left untouched and no temporary file remains.
///
/// A target that exists but is not a regular file (a device such as `/dev/full`, a FIFO, a
/// folder) is refused: renaming over it would replace the device node instead of writing to it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, bytes, Privacy::KeepTarget)
}

/// Writes a private copy of a user's content (a recovery file, an index, a cache) like
/// [`write_atomic`], but the file is always readable by its owner only (mode 0600).
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, bytes, Privacy::OwnerOnly)
}

/// Creates `dir` and any missing parents with mode 0700, and narrows `dir` itself to 0700 if it
/// already exists with wider permissions: folders that hold copies of a user's content.
pub fn create_private_dir_all(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        let mode = fs::metadata(dir)?.permissions().mode() & 0o7777;
        if mode != 0o700 {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(dir)
    }
}

/// Follows `path` through any symbolic links to the file they finally name (which may not exist
/// yet: a dangling link is written through, creating its target).
pub fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINK_HOPS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = if target.is_absolute() {
                    target
                } else {
                    folder_of(&current).join(target)
                };
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(format!(
        "{} goes through more than {MAX_LINK_HOPS} symbolic links",
        path.display()
    )))
}

/// Who may read the written file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Privacy {
    /// The target's mode and owner (a new file: 0644).
    KeepTarget,
    /// Mode 0600 whatever the target had.
    OwnerOnly,
}

fn write_with(path: &Path, bytes: &[u8], privacy: Privacy) -> io::Result<()> {
    let target = resolve_links(path)?;
    let existing = match fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Some(meta) = &existing
        && !meta.is_file()
    {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the target is not a regular file",
        ));
    }
    let dir = folder_of(&target);
    sweep_stale_temps(dir, &target);
    match &existing {
        Some(meta) if link_count(meta) > 1 => write_in_place(&target, dir, bytes),
        _ => match replace_by_rename(&target, dir, bytes, existing.as_ref(), privacy)? {
            Replaced::Done => Ok(()),
            Replaced::OwnerNotKept => write_in_place(&target, dir, bytes),
        },
    }
}

/// What [`replace_by_rename`] did.
enum Replaced {
    Done,
    /// Nothing was written: the new file could not be given the old file's owner.
    OwnerNotKept,
}

fn replace_by_rename(
    target: &Path,
    dir: &Path,
    bytes: &[u8],
    existing: Option<&fs::Metadata>,
    privacy: Privacy,
) -> io::Result<Replaced> {
    let mut tmp = temp_file_in(dir, target, ".tmp")?;
    tmp.write_all(bytes)?;
    tmp.flush()?;
    set_mode(tmp.as_file(), existing, privacy)?;
    if !keep_owner(tmp.as_file(), existing) {
        return Ok(Replaced::OwnerNotKept);
    }
    tmp.as_file().sync_all()?;
    tmp.persist(target)
        .map_err(|e| explain_rename_error(e.error, target))?;
    sync_dir(dir)?;
    Ok(Replaced::Done)
}

/// Writes into the existing file (so every hard link and the owner stay), after flushing a
/// safety copy of its old bytes beside it. The safety copy is removed once the new bytes are on
/// disk; if the write fails, the old bytes are put back.
fn write_in_place(target: &Path, dir: &Path, bytes: &[u8]) -> io::Result<()> {
    let old = fs::read(target)?;
    let mut safety = temp_file_in(dir, target, ".claimdesk-safety-copy")?;
    safety.write_all(&old)?;
    safety.as_file().sync_all()?;
    match overwrite(target, bytes) {
        Ok(()) => {
            drop(safety);
            sync_dir(dir)
        }
        Err(write_error) => match overwrite(target, &old) {
            Ok(()) => Err(write_error),
            Err(_) => {
                let kept = safety.into_temp_path().keep().map_err(|e| e.error)?;
                Err(io::Error::new(
                    write_error.kind(),
                    format!(
                        "{write_error}; the file may be incomplete, its previous content is in {}",
                        kept.display()
                    ),
                ))
            }
        },
    }
}

fn overwrite(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).open(target)?;
    file.set_len(0)?;
    file.write_all(bytes)?;
    file.sync_all()
}

fn temp_file_in(dir: &Path, target: &Path, suffix: &str) -> io::Result<tempfile::NamedTempFile> {
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file path"))?;
    tempfile::Builder::new()
        .prefix(&format!("{}{}-", temp_prefix(name), std::process::id()))
        .suffix(suffix)
        .tempfile_in(dir)
        .map_err(|e| explain_temp_error(e, dir))
}

/// The start of every temporary file name for a target called `name`.
fn temp_prefix(name: &std::ffi::OsStr) -> String {
    format!(".{}.claimdesk-", name.to_string_lossy())
}

/// Removes the `.tmp` files that writes to `target` left in `dir` when their process was killed
/// before the rename. Only files of processes that are no longer running are removed (another
/// Claimdesk may be saving the same file right now), and only where that can be known (Linux);
/// safety copies are never removed, as they may hold the only intact copy. Best effort: a
/// leftover that cannot be removed is left for the next write and never fails this one.
fn sweep_stale_temps(dir: &Path, target: &Path) {
    let Some(name) = target.file_name() else {
        return;
    };
    let prefix = temp_prefix(name);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(prefix.as_str()))
            .filter(|rest| rest.ends_with(".tmp"))
        else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        if let Some(pid) = pid
            && process_is_gone(pid)
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// True if no process `pid` runs (and it is not this one).
#[cfg(target_os = "linux")]
fn process_is_gone(pid: u32) -> bool {
    pid != std::process::id() && !Path::new("/proc").join(pid.to_string()).exists()
}

#[cfg(not(target_os = "linux"))]
fn process_is_gone(_pid: u32) -> bool {
    false
}

fn explain_temp_error(e: io::Error, dir: &Path) -> io::Error {
    // tempfile appends the random temporary name to its errors: name only the OS reason.
    let reason = e.raw_os_error().map_or_else(
        || e.kind().to_string(),
        |code| io::Error::from_raw_os_error(code).to_string(),
    );
    let what = match e.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => format!(
            "the folder {} does not allow new files ({reason}); Claimdesk saves by writing a \
             complete new file beside the old one, so nothing was written",
            dir.display()
        ),
        io::ErrorKind::NotFound => format!(
            "the folder {} does not exist (any more?) ({reason}), so nothing was written",
            dir.display()
        ),
        _ => format!(
            "a new file could not be created in {} ({reason}), so nothing was written",
            dir.display()
        ),
    };
    io::Error::new(
        e.kind(),
        format!("{what}: save to another folder (Save As)"),
    )
}

fn explain_rename_error(e: io::Error, target: &Path) -> io::Error {
    if matches!(
        e.kind(),
        io::ErrorKind::CrossesDevices | io::ErrorKind::ResourceBusy
    ) {
        io::Error::new(
            e.kind(),
            format!(
                "{} is a mount point or on another file system than its folder ({e}), so it \
                 cannot be replaced safely: save to another file (Save As)",
                target.display()
            ),
        )
    } else {
        e
    }
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

#[cfg(unix)]
fn link_count(meta: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn link_count(_meta: &fs::Metadata) -> u64 {
    1
}

#[cfg(unix)]
fn set_mode(tmp: &File, existing: Option<&fs::Metadata>, privacy: Privacy) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = match (privacy, existing) {
        (Privacy::OwnerOnly, _) => 0o600,
        (Privacy::KeepTarget, Some(meta)) => meta.permissions().mode() & 0o7777,
        (Privacy::KeepTarget, None) => 0o644,
    };
    tmp.set_permissions(fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_tmp: &File, _existing: Option<&fs::Metadata>, _privacy: Privacy) -> io::Result<()> {
    Ok(())
}

/// Gives the temporary file the old file's owner and group. False if either could not be kept
/// (an unprivileged user replacing someone else's file, or a group they are not in): the file
/// is then written in place, so it never changes hands and no other group gains access.
#[cfg(unix)]
fn keep_owner(tmp: &File, existing: Option<&fs::Metadata>) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Some(old) = existing else {
        return true;
    };
    let Ok(new) = tmp.metadata() else {
        return false;
    };
    if new.uid() == old.uid() && new.gid() == old.gid() {
        return true;
    }
    std::os::unix::fs::fchown(tmp, Some(old.uid()), Some(old.gid())).is_ok()
}

#[cfg(not(unix))]
fn keep_owner(_tmp: &File, _existing: Option<&fs::Metadata>) -> bool {
    true
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests;
