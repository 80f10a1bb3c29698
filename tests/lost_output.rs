//! Output that cannot be written is an error: every command that prints on
//! stdout, clap's --help and --version included, exits non-zero with one
//! line on stderr when stdout is /dev/full or closed. A reader that goes
//! away (`chronicle events | head -1`) ends the command quietly instead.

mod common;

use std::fs::{File, OpenOptions};
use std::process::{Command, Output, Stdio};

use common::TempCorpus;

const BIN: &str = env!("CARGO_BIN_EXE_chronicle");

/// Every way of printing on stdout, each with the arguments it needs.
fn printing_commands(corpus: &str, article: &str) -> Vec<Vec<String>> {
    let lists: &[&[&str]] = &[
        &["--help"],
        &["--version"],
        &["help", "events"],
        &["export", "--help"],
        &["--print-config"],
        &["check", "--corpus", corpus],
        &["events"],
        &["events", "--json"],
        &["quotes"],
        &["quotes", "--json"],
        &["export", "--format", "timelinejs"],
        &["export", "--format", "json"],
        &["export", "--format", "markdown"],
        &["export", "--format", "csv"],
        &["completions", "bash"],
        &["man"],
        &["extract", article],
        &["extract", "--json", article],
        &["mentions"],
        &["mentions", "--json"],
    ];
    lists
        .iter()
        .map(|args| args.iter().map(|a| a.to_string()).collect())
        .collect()
}

/// A corpus with a problem, so that `check` prints it on stdout, and an
/// article file for `extract`.
fn inputs() -> TempCorpus {
    let c = TempCorpus::new("lost-output");
    c.write("events.toml", "[[event]]\nid = 1\n").write(
        "articles/a.md",
        "Talks held\n\nThe minister said on 3 May 2024: “We met.”\n",
    );
    c
}

fn lines(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(str::to_owned)
        .collect()
}

/// chronicle with `args`, started by a shell that closes descriptor 1
/// first.
fn with_stdout_closed(args: &[impl AsRef<std::ffi::OsStr>]) -> Command {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg("exec \"$0\" \"$@\" >&-")
        .arg(BIN)
        .args(args);
    command
}

fn assert_one_line_of_loss(args: &[String], out: &Output, why: &str) {
    let stderr = lines(&out.stderr);
    assert!(!out.status.success(), "{args:?} exited 0: {stderr:?}");
    let lost: Vec<&String> = stderr
        .iter()
        .filter(|l| l.contains("output could not be written"))
        .collect();
    assert_eq!(lost.len(), 1, "{args:?}: {stderr:?}");
    assert!(lost[0].starts_with("chronicle: "), "{args:?}: {stderr:?}");
    assert!(lost[0].contains(why), "{args:?}: {stderr:?}");
}

#[test]
fn output_to_a_full_device_is_an_error() {
    if File::open("/dev/full").is_err() {
        eprintln!("skipped: no /dev/full on this system");
        return;
    }
    let c = inputs();
    let corpus = c.path().to_string_lossy().into_owned();
    let article = c
        .path()
        .join("articles/a.md")
        .to_string_lossy()
        .into_owned();
    for args in printing_commands(&corpus, &article) {
        let full = OpenOptions::new().write(true).open("/dev/full").unwrap();
        let out = Command::new(BIN)
            .args(&args)
            .env("NO_COLOR", "1")
            .stdout(full)
            .output()
            .expect("run chronicle");
        assert_one_line_of_loss(&args, &out, "No space left on device");
    }
}

#[test]
fn output_to_a_closed_stdout_is_an_error() {
    let c = inputs();
    let corpus = c.path().to_string_lossy().into_owned();
    let article = c
        .path()
        .join("articles/a.md")
        .to_string_lossy()
        .into_owned();
    for args in printing_commands(&corpus, &article) {
        let out = with_stdout_closed(&args)
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .output()
            .expect("run sh");
        assert_one_line_of_loss(&args, &out, "stdout is closed");
    }
}

#[test]
fn a_command_that_prints_nothing_on_stdout_does_not_mind_it_closed() {
    let c = inputs();
    let target = c.path().join("out.csv");
    let target_arg = target.to_string_lossy().into_owned();
    let out = with_stdout_closed(&["export", "--format", "csv", "-o", &target_arg])
        .output()
        .expect("run sh");
    assert!(out.status.success(), "{:?}", lines(&out.stderr));
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .starts_with("Year,"));
}

/// The reader of the pipe is gone before chronicle writes: the write fails
/// with EPIPE, which ends the command with exit 0 and nothing on stderr.
#[test]
fn a_pipe_closed_by_its_reader_ends_the_command_quietly() {
    for args in [
        &["events"][..],
        &["export", "--format", "json"],
        &["--help"],
    ] {
        let mut child = Command::new(BIN)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run chronicle");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        assert!(out.status.success(), "{args:?}: {:?}", out.status);
        assert_eq!(lines(&out.stderr), Vec::<String>::new(), "{args:?}");
    }
}

#[test]
fn help_and_version_still_print_in_full() {
    let run = |args: &[&str]| {
        let out = Command::new(BIN)
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let help = run(&["--help"]);
    assert!(help.contains("Usage: chronicle") && help.contains("Commands:"));
    assert!(help.ends_with("\n") && !help.contains('\x1b'), "{help}");
    assert_eq!(
        run(&["--version"]),
        format!("chronicle {}\n", env!("CARGO_PKG_VERSION"))
    );
    // A usage error still goes to stderr with clap's exit code 2.
    let out = Command::new(BIN).arg("--no-such-flag").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}
