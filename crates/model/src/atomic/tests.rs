use super::*;

/// Names in `dir`, sorted: a write must leave no temporary or safety file behind.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn replaces_content_and_leaves_no_temp_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.claimdesk");
    write_atomic(&path, b"one").unwrap();
    write_atomic(&path, b"two").unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"two");
    assert_eq!(names(dir.path()), ["r.claimdesk"]);
}

#[cfg(target_os = "linux")]
#[test]
fn devices_and_folders_are_never_replaced() {
    let err = write_atomic(Path::new("/dev/full"), b"data").unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    use std::os::unix::fs::FileTypeExt;
    assert!(
        fs::metadata("/dev/full")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    let dir = tempfile::tempdir().unwrap();
    assert!(write_atomic(dir.path(), b"data").is_err());
    assert!(write_atomic(Path::new("/proc/claimdesk-test/x"), b"data").is_err());
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn a_symbolic_link_stays_a_link_and_its_target_is_updated() {
        let shared = tempfile::tempdir().unwrap();
        let home = tempfile::tempdir().unwrap();
        let real = shared.path().join("team.claimdesk");
        fs::write(&real, b"old").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o600)).unwrap();
        let link = home.path().join("mine.claimdesk");
        symlink(&real, &link).unwrap();

        write_atomic(&link, b"new").unwrap();

        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_link(&link).unwrap(), real);
        assert_eq!(fs::read(&real).unwrap(), b"new");
        assert_eq!(mode(&real), 0o600, "the target's permissions are kept");
        assert_eq!(names(shared.path()), ["team.claimdesk"]);
        assert_eq!(names(home.path()), ["mine.claimdesk"]);
    }

    #[test]
    fn a_chain_of_relative_links_is_followed_to_the_end() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("reviews")).unwrap();
        let real = dir.path().join("reviews/r.claimdesk");
        fs::write(&real, b"old").unwrap();
        symlink("reviews/r.claimdesk", dir.path().join("first")).unwrap();
        symlink("first", dir.path().join("second")).unwrap();

        write_atomic(&dir.path().join("second"), b"new").unwrap();

        assert_eq!(fs::read(&real).unwrap(), b"new");
        assert_eq!(
            fs::read_link(dir.path().join("second")).unwrap(),
            Path::new("first")
        );
        assert_eq!(names(&dir.path().join("reviews")), ["r.claimdesk"]);
    }

    #[test]
    fn a_dangling_link_is_written_through_to_create_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("link.claimdesk");
        symlink("target.claimdesk", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read(dir.path().join("target.claimdesk")).unwrap(),
            b"new"
        );
    }

    #[test]
    fn a_link_loop_is_refused_without_writing() {
        let dir = tempfile::tempdir().unwrap();
        symlink("b", dir.path().join("a")).unwrap();
        symlink("a", dir.path().join("b")).unwrap();
        let err = write_atomic(&dir.path().join("a"), b"x").unwrap_err();
        assert!(err.to_string().contains("symbolic links"), "{err}");
        assert_eq!(names(dir.path()), ["a", "b"]);
    }

    #[test]
    fn a_hard_linked_file_is_written_in_place_so_every_name_sees_it() {
        let dir = tempfile::tempdir().unwrap();
        let one = dir.path().join("one.claimdesk");
        let two = dir.path().join("two.claimdesk");
        fs::write(&one, b"old content").unwrap();
        fs::set_permissions(&one, fs::Permissions::from_mode(0o640)).unwrap();
        fs::hard_link(&one, &two).unwrap();
        let inode = fs::metadata(&one).unwrap().ino();

        write_atomic(&two, b"new").unwrap();

        assert_eq!(fs::read(&one).unwrap(), b"new");
        assert_eq!(fs::metadata(&one).unwrap().ino(), inode);
        assert_eq!(fs::metadata(&one).unwrap().nlink(), 2);
        assert_eq!(mode(&one), 0o640);
        assert_eq!(names(dir.path()), ["one.claimdesk", "two.claimdesk"]);
    }

    #[test]
    fn private_files_and_folders_are_for_their_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("claimdesk/recovery");
        create_private_dir_all(&data).unwrap();
        assert_eq!(mode(&data), 0o700);
        assert_eq!(mode(&dir.path().join("claimdesk")), 0o700);

        let file = data.join("r.claimdesk-recovery");
        fs::write(&file, b"old").unwrap();
        fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
        write_private(&file, b"secret").unwrap();
        assert_eq!(mode(&file), 0o600, "an older, wider copy is narrowed");
        write_private(&data.join("new"), b"secret").unwrap();
        assert_eq!(mode(&data.join("new")), 0o600);

        fs::set_permissions(&data, fs::Permissions::from_mode(0o755)).unwrap();
        create_private_dir_all(&data).unwrap();
        assert_eq!(mode(&data), 0o700, "an existing wider folder is narrowed");
    }

    #[test]
    fn a_new_file_gets_mode_0644() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.html");
        write_atomic(&path, b"<p>").unwrap();
        assert_eq!(mode(&path), 0o644);
    }

    /// Only root can hand a file to another user; CI runs as root, so this runs there.
    #[test]
    fn the_owner_of_a_replaced_file_is_kept_when_the_platform_allows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("theirs.claimdesk");
        fs::write(&path, b"old").unwrap();
        if fs::metadata(&path).unwrap().uid() != 0 {
            eprintln!("skipped: needs root to give the file to another user");
            return;
        }
        std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
        write_atomic(&path, b"new").unwrap();
        let meta = fs::metadata(&path).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_write_sweeps_temp_files_of_killed_writes_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.claimdesk");
    write_atomic(&path, b"one").unwrap();
    // A process that has ended (its pid is free) and one that still runs.
    let mut ended = std::process::Command::new("true").spawn().unwrap();
    ended.wait().unwrap();
    let mut running = std::process::Command::new("sleep")
        .arg("30")
        .spawn()
        .unwrap();
    let leftover = |pid: u32, tail: &str| format!(".r.claimdesk.claimdesk-{pid}-AbC123{tail}");
    let stale = leftover(ended.id(), ".tmp");
    let live = leftover(running.id(), ".tmp");
    let safety = leftover(ended.id(), ".claimdesk-safety-copy");
    let other_file = format!(".s.claimdesk.claimdesk-{}-AbC123.tmp", ended.id());
    for name in [&stale, &live, &safety, &other_file] {
        fs::write(dir.path().join(name), b"half").unwrap();
    }

    write_atomic(&path, b"two").unwrap();
    running.kill().unwrap();
    running.wait().unwrap();

    let mut expected = vec![live, safety, other_file, "r.claimdesk".to_owned()];
    expected.sort();
    assert_eq!(
        names(dir.path()),
        expected,
        "only the ended process's temp file of this target is removed"
    );
    assert_eq!(fs::read(&path).unwrap(), b"two");
}
