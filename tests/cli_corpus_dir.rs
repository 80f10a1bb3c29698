//! `--corpus DIR` that cannot be read: the explorer and every command that
//! reads the corpus stop with one line on stderr naming the path, exit
//! non-zero and write nothing to stdout.

mod common;

use std::process::{Command, Output};

use common::TempCorpus;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run chronicle")
}

/// The commands that read the corpus, and the explorer (no command).
const READERS: [&[&str]; 7] = [
    &[],
    &["check"],
    &["events"],
    &["quotes"],
    &["export", "--format", "json"],
    &["mentions"],
    &["extract", "Cargo.toml"],
];

fn assert_one_line_naming(out: &Output, path: &str, why: &str, args: &[&str]) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{args:?} exited 0: {err}");
    assert!(out.stdout.is_empty(), "{args:?} wrote to stdout");
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [format!(
            "chronicle: cannot read the corpus directory {path}: {why}"
        )],
        "{args:?}"
    );
    assert!(!err.contains(":1:1:"), "{args:?}: {err}");
}

#[test]
fn a_missing_corpus_directory_is_one_line_and_a_failure_everywhere() {
    let c = TempCorpus::new("missing-dir");
    let gone = c.dir.join("no-such-corpus");
    let gone = gone.to_str().expect("a UTF-8 temp path");
    for args in READERS {
        let mut all = vec!["--corpus", gone];
        all.extend_from_slice(args);
        assert_one_line_naming(&run(&all), gone, "no such directory", args);
    }
}

#[test]
fn a_file_given_as_the_corpus_directory_is_one_line_and_a_failure() {
    let c = TempCorpus::new("file-as-dir");
    c.write("plain.txt", "not a corpus\n");
    let file = c.shown("plain.txt");
    for args in READERS {
        let mut all = vec!["--corpus", file.as_str()];
        all.extend_from_slice(args);
        assert_one_line_naming(&run(&all), &file, "not a directory", args);
    }
}

#[test]
fn control_characters_in_the_path_are_not_printed() {
    let out = run(&["--corpus", "/nonexistent/\x1b[2Jcorpus", "check"]);
    assert!(!out.status.success());
    assert!(!out.stderr.contains(&0x1b), "{:?}", out.stderr);
}

#[test]
fn commands_that_do_not_read_the_corpus_ignore_it() {
    let out = run(&["--corpus", "/nonexistent", "man"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stdout.is_empty());
}

#[test]
fn a_readable_corpus_directory_still_opens() {
    let c = TempCorpus::new("empty-dir");
    let out = run(&["--corpus", c.dir.to_str().expect("UTF-8"), "events"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
