//! The explorer started without a terminal (stdin or stdout redirected):
//! one line on stderr, a failure, and not a byte on stdout.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, CommandBuilder, PtySize};

const BIN: &str = env!("CARGO_BIN_EXE_chronicle");

fn assert_one_line(stderr: &str, which: &str) {
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "{stderr:?}");
    assert!(
        lines[0].starts_with(&format!(
            "chronicle: the explorer needs a terminal, but {which} one"
        )),
        "{stderr:?}"
    );
}

#[test]
fn no_terminal_at_all_is_one_line_on_stderr_and_nothing_on_stdout() {
    let out = Command::new(BIN)
        .stdin(Stdio::null())
        .output()
        .expect("run chronicle");
    assert!(!out.status.success());
    assert!(out.stdout.is_empty(), "stdout: {:?}", out.stdout);
    assert_one_line(
        &String::from_utf8_lossy(&out.stderr),
        "neither stdin nor stdout is",
    );
}

/// Runs `sh -c script BIN FILE` on a pseudo-terminal, so that what the
/// script does not redirect is a terminal; returns the exit status and
/// what reached the terminal.
fn on_a_pty(script: &str, file: &str) -> (bool, String) {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new("sh");
    cmd.args(["-c", script, BIN, file]);
    let mut child = pair.slave.spawn_command(cmd).expect("spawn sh");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let reading = std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..n]);
        }
        seen
    });
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the explorer did not exit without a terminal");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    drop(pair.master);
    let seen = reading.join().expect("reader thread");
    (
        status.success(),
        String::from_utf8_lossy(&seen).into_owned(),
    )
}

fn scratch(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!(
        "chronicle-test-no-tty-{name}-{}",
        std::process::id()
    ))
}

#[test]
fn stdout_to_a_file_gets_nothing_and_the_terminal_one_line() {
    let file = scratch("stdout");
    let shown = file.to_str().expect("a UTF-8 temp path");
    let (ok, seen) = on_a_pty(r#"exec "$0" > "$1""#, shown);
    let written = std::fs::read(&file).expect("the redirected stdout");
    let _ = std::fs::remove_file(&file);
    assert!(!ok);
    assert!(written.is_empty(), "stdout got {written:?}");
    assert!(!seen.contains('\x1b'), "{seen:?}");
    assert_one_line(&seen, "stdout is not");
}

#[test]
fn stdin_from_a_file_writes_nothing_to_the_terminal_but_one_line() {
    let (ok, seen) = on_a_pty(r#"exec "$0" < /dev/null"#, "");
    assert!(!ok);
    assert!(!seen.contains('\x1b'), "{seen:?}");
    assert_one_line(&seen, "stdin is not");
}
