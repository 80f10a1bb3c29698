//! Nothing is lost on the file system, through the real binary:
//! `export -o` writes through FIFOs, follows symlinks, keeps modes and hard
//! links; `import --force` replaces a corpus whole or not at all (a full
//! tmpfs proves it where this machine lets a test mount one); and files
//! named on the command line that are FIFOs or devices are refused
//! without blocking.

use std::fs;
use std::os::unix::fs::{symlink, FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_chronicle");

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A temporary directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("chronicle-ft-{name}-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn join(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn chronicle(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run chronicle")
}

/// Runs chronicle, killing it if it has not finished within 20 s: a
/// command that blocks on a FIFO fails the test instead of hanging it.
fn chronicle_bounded(args: &[&str]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run chronicle");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("chronicle {args:?} blocked");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn s(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Every file under `dir` with its text, sorted: to compare trees.
fn tree(dir: &Path) -> Vec<(String, String)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if path.is_dir() {
                out.push((format!("{rel}/"), String::new()));
                walk(root, &path, out);
            } else {
                let bytes = fs::read(&path).unwrap();
                out.push((rel, String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

// ── export -o ───────────────────────────────────────────────────────────

#[test]
fn export_writes_through_a_fifo() {
    let dir = Scratch::new("fifo");
    let fifo = dir.join("pipe.csv");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    let out = chronicle_bounded(&["export", "--format", "csv", "-o", s(&fifo)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(entries(&dir.0), ["pipe.csv"]);
    let csv = reader.join().unwrap();
    assert!(csv.starts_with("Year,Month,Day"), "{csv}");
}

#[test]
fn export_follows_symlinks_keeps_modes_and_hard_links() {
    let dir = Scratch::new("regular");
    // A private file behind a symlink, with a second hard link.
    let real = dir.join("real.json");
    fs::write(&real, "old").unwrap();
    fs::set_permissions(&real, fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.join("link.json");
    symlink("real.json", &link).unwrap();
    let out = chronicle(&["export", "--format", "json", "-o", s(&link)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let meta = fs::metadata(&real).unwrap();
    assert_eq!(meta.mode() & 0o777, 0o600);
    let json: serde_json::Value = serde_json::from_slice(&fs::read(&real).unwrap()).unwrap();
    assert_eq!(json["format"], "chronicle-export");

    let other = dir.join("other-name.json");
    fs::hard_link(&real, &other).unwrap();
    let out = chronicle(&["export", "--format", "markdown", "-o", s(&real)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (a, b) = (fs::metadata(&real).unwrap(), fs::metadata(&other).unwrap());
    assert_eq!((a.ino(), a.nlink()), (b.ino(), 2), "still one file");
    assert!(fs::read_to_string(&other)
        .unwrap()
        .starts_with("# Chronology"));
    assert_eq!(
        entries(&dir.0),
        ["link.json", "other-name.json", "real.json"]
    );
}

// ── import --force ──────────────────────────────────────────────────────

/// A TimelineJS file of foreign slides, each a headline and `words` words
/// of text (each slide's text becomes an article).
fn slides(slides: &[(&str, usize)]) -> String {
    let events: Vec<String> = slides
        .iter()
        .map(|(headline, words)| {
            let text = "word ".repeat(*words);
            format!(
                r#"{{"start_date": {{"year": 2020, "month": 5, "day": 1}},
                    "text": {{"headline": "{headline}", "text": "<p>{text}</p>"}}}}"#
            )
        })
        .collect();
    format!(r#"{{"events": [{}]}}"#, events.join(","))
}

fn timeline(words: usize) -> String {
    slides(&[("A meeting", words)])
}

#[test]
fn import_force_replaces_the_corpus_whole_and_keeps_other_files() {
    let dir = Scratch::new("force");
    let corpus = dir.join("corpus");
    let small = dir.join("small.json");
    fs::write(&small, timeline(5)).unwrap();
    let out = chronicle(&["import", "timelinejs", s(&small), "-o", s(&corpus)]);
    assert!(out.status.success(), "{}", stderr(&out));
    // The user's own files beside the corpus, and a stale article.
    fs::write(corpus.join("notes.txt"), "mine").unwrap();
    fs::create_dir(corpus.join(".git")).unwrap();
    fs::write(corpus.join(".git/HEAD"), "ref").unwrap();
    fs::write(corpus.join("articles/stale.md"), "Stale\n\nOld text.\n").unwrap();
    fs::set_permissions(&corpus, fs::Permissions::from_mode(0o750)).unwrap();

    let tl = dir.join("tl.json");
    let exported = chronicle(&["export", "--format", "timelinejs", "-o", s(&tl)]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    let out = chronicle(&["import", "timelinejs", s(&tl), "-o", s(&corpus), "--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !corpus.join("articles/stale.md").exists(),
        "the old corpus is gone whole"
    );
    assert_eq!(fs::read(corpus.join("notes.txt")).unwrap(), b"mine");
    assert_eq!(fs::read(corpus.join(".git/HEAD")).unwrap(), b"ref");
    assert_eq!(fs::metadata(&corpus).unwrap().mode() & 0o777, 0o750);
    assert_eq!(
        entries(&dir.0),
        ["corpus", "small.json", "tl.json"],
        "no temporaries"
    );
    let check = chronicle(&["check", "--corpus", s(&corpus)]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

/// A tmpfs mounted for one test, unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(at: &Path, size: &str) -> Option<Tmpfs> {
        fs::create_dir_all(at).unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .output();
        match mounted {
            Ok(out) if out.status.success() => Some(Tmpfs(at.to_path_buf())),
            Ok(out) => {
                eprintln!(
                    "skipped: cannot mount a tmpfs here ({}); run as root where mounting is allowed",
                    stderr(&out).trim()
                );
                None
            }
            Err(err) => {
                eprintln!("skipped: no mount command ({err})");
                None
            }
        }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let unmounted = Command::new("umount").arg(&self.0).status();
        if !unmounted.is_ok_and(|s| s.success()) {
            let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        }
    }
}

#[test]
fn a_full_disk_leaves_the_old_corpus_and_the_old_export_untouched() {
    let dir = Scratch::new("enospc");
    let Some(disk) = Tmpfs::mount(&dir.join("disk"), "256k") else {
        return;
    };
    let corpus = disk.0.join("corpus");
    let small = dir.join("small.json");
    fs::write(&small, timeline(5)).unwrap();
    let out = chronicle(&["import", "timelinejs", s(&small), "-o", s(&corpus)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let before = tree(&corpus);

    // Two new articles fit; the third, 400 KB, cannot fit in 256 KB.
    let big = dir.join("big.json");
    fs::write(
        &big,
        slides(&[("First", 5), ("Second", 5), ("Third", 80_000)]),
    )
    .unwrap();
    let out = chronicle(&["import", "timelinejs", s(&big), "-o", s(&corpus), "--force"]);
    let err = stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("No space left on device"), "{err}");
    assert!(
        err.contains(&format!("{}/articles/", corpus.display())),
        "names the file: {err}"
    );
    assert_eq!(tree(&corpus), before, "the old corpus is untouched");
    assert_eq!(
        entries(&disk.0),
        ["corpus"],
        "the temporary directory is gone"
    );
    let check = chronicle(&["check", "--corpus", s(&corpus)]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );

    // An export too big for the disk leaves the file it would replace.
    let export = disk.0.join("export.json");
    fs::write(&export, "old export").unwrap();
    fill(&disk.0.join("filler"));
    let full = chronicle(&["export", "--format", "timelinejs", "-o", s(&export)]);
    assert!(!full.status.success(), "{}", stderr(&full));
    assert!(
        stderr(&full).contains("No space left on device"),
        "{}",
        stderr(&full)
    );
    assert_eq!(fs::read(&export).unwrap(), b"old export");
    assert_eq!(entries(&disk.0), ["corpus", "export.json", "filler"]);
}

/// Writes `path` until the disk it is on is full.
fn fill(path: &Path) {
    use std::io::Write;
    let mut file = fs::File::create(path).unwrap();
    let chunk = [b'x'; 4096];
    loop {
        match file.write_all(&chunk) {
            Ok(()) => continue,
            Err(err) if err.raw_os_error() == Some(28) => break,
            Err(err) => panic!("filling {}: {err}", path.display()),
        }
    }
}

// ── Files named on the command line ─────────────────────────────────────

#[test]
fn fifos_and_devices_named_on_the_command_line_are_refused_without_blocking() {
    let dir = Scratch::new("inputs");
    let fifo = dir.join("pipe");
    mkfifo(&fifo);
    for path in [s(&fifo), "/dev/zero"] {
        let out = chronicle_bounded(&["--config", path, "--print-config"]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!(
                "{path}:1:1: is not a regular file; using the defaults"
            )),
            "{}",
            stderr(&out)
        );
        let out = chronicle_bounded(&["extract", path]);
        assert!(!out.status.success());
        assert!(
            stderr(&out).contains(&format!("{path}: is not a regular file")),
            "{}",
            stderr(&out)
        );
        let corpus = dir.join("corpus");
        let out = chronicle_bounded(&["import", "timelinejs", path, "-o", s(&corpus)]);
        assert!(!out.status.success());
        assert!(
            stderr(&out).contains(&format!("{path}: is not a regular file")),
            "{}",
            stderr(&out)
        );
        assert!(!corpus.exists());
    }
}

#[test]
fn an_articles_file_is_reported_by_its_path() {
    let dir = Scratch::new("articles-file");
    fs::write(dir.join("articles"), "not a folder").unwrap();
    fs::write(dir.join("README.md"), "Readme\n\nNot an article.\n").unwrap();
    let out = chronicle(&["check", "--corpus", s(&dir.0)]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success());
    let expected = format!("{}:1:1: is not a directory", dir.join("articles").display());
    assert!(stdout.contains(&expected), "{stdout}");
}

#[test]
fn import_errors_name_the_path_they_are_about() {
    let dir = Scratch::new("import-paths");
    let tl = dir.join("tl.json");
    fs::write(&tl, timeline(5)).unwrap();
    fs::write(dir.join("file"), "a file, not a directory").unwrap();
    let inside = dir.join("file/sub/corpus");
    let out = chronicle(&["import", "timelinejs", s(&tl), "-o", s(&inside)]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains(s(&dir.join("file/sub"))),
        "{}",
        stderr(&out)
    );
    // What could not be mapped says which file it is in.
    let tl2 = dir.join("times.json");
    fs::write(
        &tl2,
        r#"{"events": [{"start_date": {"year": 2020, "hour": 5}, "text": {"headline": "H"}}]}"#,
    )
    .unwrap();
    let out = chronicle(&["import", "timelinejs", s(&tl2), "-o", s(&dir.join("c2"))]);
    let err = stderr(&out);
    let notes: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("not mapped: "))
        .collect();
    assert!(!notes.is_empty(), "{err}");
    for note in notes {
        assert!(
            note.starts_with(&format!("not mapped: {}: ", tl2.display())),
            "{note}"
        );
    }
}
