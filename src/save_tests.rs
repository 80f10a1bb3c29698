use std::ffi::CString;
use std::io::Read;
use std::os::unix::fs::{symlink, FileTypeExt, MetadataExt, PermissionsExt};

use super::*;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chronicle-save-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(s: &'static str) -> impl FnOnce(&mut dyn Write) -> io::Result<()> {
    move |out: &mut dyn Write| out.write_all(s.as_bytes())
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn c_path(path: &Path) -> CString {
    CString::new(path.as_os_str().as_encoded_bytes()).unwrap()
}

#[test]
fn files_are_replaced_whole_and_leave_no_temporaries() {
    let dir = scratch("whole");
    let path = dir.join("out.json");
    write(&path, text("first")).unwrap();
    write(&path, text("second")).unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"second");
    assert_eq!(names(&dir), ["out.json"]);
    // A failure while writing leaves the old file as it was.
    let err = write(&path, |out: &mut dyn Write| {
        out.write_all(b"half")?;
        Err(io::Error::other("the export failed"))
    })
    .unwrap_err();
    assert!(err.to_string().contains("the export failed"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), b"second");
    assert_eq!(names(&dir), ["out.json"]);
    // A missing directory is an error that names the path.
    let err = write(&dir.join("no/such/x.json"), text("x")).unwrap_err();
    assert!(err.to_string().contains("no/such"), "{err}");
    let err = write(&dir, text("x")).unwrap_err();
    assert!(err.to_string().contains("is a directory"), "{err}");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_new_file_gets_the_umask_mode_and_a_replaced_one_keeps_its_own() {
    let dir = scratch("modes");
    // What the umask gives a new file, whatever it is here.
    let reference = dir.join("reference");
    fs::write(&reference, "").unwrap();
    let umask_mode = fs::metadata(&reference).unwrap().mode() & 0o777;
    let new = dir.join("new.csv");
    write(&new, text("a")).unwrap();
    assert_eq!(fs::metadata(&new).unwrap().mode() & 0o777, umask_mode);

    for mode in [0o600, 0o640, 0o604] {
        let secret = dir.join(format!("secret-{mode:o}.md"));
        fs::write(&secret, "old").unwrap();
        fs::set_permissions(&secret, fs::Permissions::from_mode(mode)).unwrap();
        write(&secret, text("new")).unwrap();
        let meta = fs::metadata(&secret).unwrap();
        assert_eq!(meta.mode() & 0o7777, mode, "{}", secret.display());
        assert_eq!(fs::read(&secret).unwrap(), b"new");
    }
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_replaced_file_keeps_its_owner_where_permitted() {
    let dir = scratch("owner");
    let path = dir.join("theirs.json");
    fs::write(&path, "old").unwrap();
    if std::os::unix::fs::chown(&path, Some(4321), Some(8765)).is_err() {
        eprintln!("skipped: not root, cannot give a file to another user to test this");
        fs::remove_dir_all(&dir).unwrap();
        return;
    }
    fs::set_permissions(&path, fs::Permissions::from_mode(0o4640)).unwrap();
    write(&path, text("new")).unwrap();
    let meta = fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (4321, 8765));
    assert_eq!(meta.mode() & 0o7777, 0o4640);
    assert_eq!(fs::read(&path).unwrap(), b"new");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn symlinks_are_followed_and_stay_links() {
    let dir = scratch("links");
    fs::create_dir(dir.join("real")).unwrap();
    let target = dir.join("real/export.json");
    fs::write(&target, "old").unwrap();
    let link = dir.join("link.json");
    symlink("real/export.json", &link).unwrap();
    // A link to a link, too.
    let again = dir.join("again.json");
    symlink("link.json", &again).unwrap();
    write(&again, text("new")).unwrap();
    assert_eq!(fs::read(&target).unwrap(), b"new");
    for l in [&link, &again] {
        assert!(fs::symlink_metadata(l).unwrap().file_type().is_symlink());
    }
    assert_eq!(names(&dir.join("real")), ["export.json"]);
    // A link to nothing makes the file it points to.
    let dangling = dir.join("dangling.md");
    symlink("real/made.md", &dangling).unwrap();
    write(&dangling, text("made")).unwrap();
    assert_eq!(fs::read(dir.join("real/made.md")).unwrap(), b"made");
    assert!(fs::symlink_metadata(&dangling)
        .unwrap()
        .file_type()
        .is_symlink());
    // A loop is an error, not a hang.
    symlink("loop", dir.join("loop")).unwrap();
    assert!(write(&dir.join("loop"), text("x")).is_err());
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn hard_links_are_not_split() {
    let dir = scratch("hard");
    let a = dir.join("a.csv");
    let b = dir.join("b.csv");
    fs::write(&a, "old text, longer than the new").unwrap();
    fs::hard_link(&a, &b).unwrap();
    write(&a, text("new")).unwrap();
    assert_eq!(fs::read(&b).unwrap(), b"new");
    let (ma, mb) = (fs::metadata(&a).unwrap(), fs::metadata(&b).unwrap());
    assert_eq!((ma.ino(), ma.nlink()), (mb.ino(), 2));
    assert_eq!(names(&dir), ["a.csv", "b.csv"]);
    // A failure while making the output leaves both names as they were.
    assert!(write(&b, |_: &mut dyn Write| Err(io::Error::other("no"))).is_err());
    assert_eq!(fs::read(&a).unwrap(), b"new");
    assert_eq!(names(&dir), ["a.csv", "b.csv"]);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_fifo_is_written_through_not_replaced() {
    let dir = scratch("fifo");
    let fifo = dir.join("pipe");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path(&fifo).as_ptr(), 0o600) }, 0);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read(fifo).unwrap())
    };
    write(&fifo, text("through the pipe")).unwrap();
    // Checked before waiting for the reader, which would wait forever on
    // a FIFO that had been replaced.
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(names(&dir), ["pipe"]);
    assert_eq!(reader.join().unwrap(), b"through the pipe");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_socket_is_written_through_not_replaced() {
    let dir = scratch("socket");
    let path = dir.join("sock");
    let listener = std::os::unix::net::UnixListener::bind(&path).unwrap();
    let reader = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut got = Vec::new();
        stream.read_to_end(&mut got).unwrap();
        got
    });
    write(&path, text("over the socket")).unwrap();
    assert!(fs::metadata(&path).unwrap().file_type().is_socket());
    assert_eq!(reader.join().unwrap(), b"over the socket");
    fs::remove_dir_all(&dir).unwrap();
}

/// Character devices made in a temporary directory (never the real ones):
/// one like /dev/full shows that the device is written to (the write
/// fails as /dev/full does) and one like /dev/null that it stays a device.
#[test]
fn a_character_device_is_written_through_not_replaced() {
    let dir = scratch("device");
    let (null, full) = (dir.join("null"), dir.join("full"));
    for (path, minor) in [(&null, 3), (&full, 7)] {
        let mode = libc::S_IFCHR | 0o666;
        // SAFETY: a valid NUL-terminated path.
        let made = unsafe { libc::mknod(c_path(path).as_ptr(), mode, libc::makedev(1, minor)) };
        if made != 0 {
            eprintln!(
                "skipped: cannot mknod here ({}); run as root to test devices",
                io::Error::last_os_error()
            );
            fs::remove_dir_all(&dir).unwrap();
            return;
        }
    }
    if OpenOptions::new().write(true).open(&null).is_err() {
        eprintln!("skipped: devices cannot be opened here (a nodev mount)");
        fs::remove_dir_all(&dir).unwrap();
        return;
    }
    write(&null, text("into nothing")).unwrap();
    let err = write(&full, text("into a full device")).unwrap_err();
    assert_eq!(err.raw_os_error(), None, "wrapped with the path: {err}");
    assert!(err.to_string().contains("No space left"), "{err}");
    assert!(err.to_string().contains("full"), "names the path: {err}");
    for path in [&null, &full] {
        let meta = fs::metadata(path).unwrap();
        assert!(meta.file_type().is_char_device(), "{}", path.display());
        assert_eq!(meta.len(), 0);
    }
    assert_eq!(names(&dir), ["full", "null"]);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn new_files_never_overwrite() {
    let dir = scratch("new");
    let a = write_new(&dir, "chronicle-export", "md", text("a")).unwrap();
    let b = write_new(&dir, "chronicle-export", "md", text("b")).unwrap();
    let c = write_new(&dir, "chronicle-export", "md", text("c")).unwrap();
    let made: Vec<_> = [&a, &b, &c]
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        made,
        [
            "chronicle-export.md",
            "chronicle-export-1.md",
            "chronicle-export-2.md"
        ]
    );
    assert_eq!(fs::read(&a).unwrap(), b"a");
    // A failed write leaves nothing behind.
    assert!(
        write_new(&dir, "x", "md", |_: &mut dyn Write| Err(io::Error::other(
            "no"
        )))
        .is_err()
    );
    assert!(create(&a, text("again")).is_err(), "never over a file");
    assert_eq!(names(&dir).len(), 3);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn swapped_directories_trade_places() {
    for (name, swap) in [
        ("swap", swap_dirs as fn(&Path, &Path) -> io::Result<PathBuf>),
        ("renames", swap_by_renames),
    ] {
        swap_in(name, swap);
    }
}

fn swap_in(name: &str, swap: fn(&Path, &Path) -> io::Result<PathBuf>) {
    let dir = scratch(name);
    let (old, new) = (
        dir.join("corpus"),
        sibling_dir(&dir.join("corpus"), "new").unwrap(),
    );
    fs::create_dir(&old).unwrap();
    fs::write(old.join("events.toml"), "old").unwrap();
    fs::write(new.join("events.toml"), "new").unwrap();
    let gone = swap(&old, &new).unwrap();
    assert_eq!(fs::read(old.join("events.toml")).unwrap(), b"new");
    assert_eq!(fs::read(gone.join("events.toml")).unwrap(), b"old");
    fs::remove_dir_all(&gone).unwrap();
    assert_eq!(names(&dir), ["corpus"]);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_swap_that_fails_leaves_the_old_directory_in_place() {
    let dir = scratch("swap-fails");
    let old = dir.join("corpus");
    fs::create_dir(&old).unwrap();
    fs::write(old.join("events.toml"), "old").unwrap();
    let missing = dir.join("never-made");
    for swap in [swap_dirs, swap_by_renames] {
        assert!(swap(&old, &missing).is_err());
        assert_eq!(fs::read(old.join("events.toml")).unwrap(), b"old");
        assert_eq!(names(&dir), ["corpus"]);
    }
    fs::remove_dir_all(&dir).unwrap();
}
