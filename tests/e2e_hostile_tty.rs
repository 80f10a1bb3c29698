//! End-to-end tests of a terminal that misbehaves: resize storms, sizes no
//! screen has, and escape sequences cut off by a bad link. The real binary
//! runs in a pseudo-terminal (see `e2e_support`).

// Shared with e2e_pty.rs; this binary uses only part of it.
#[allow(dead_code)]
mod e2e_support;

use std::thread;
use std::time::{Duration, Instant};

use e2e_support::{Pty, Spawn, TIMEOUT};

/// Starts the explorer and waits until its status line shows `quit`.
fn start(cols: u16, rows: u16) -> Pty {
    let pty = Pty::spawn(Spawn {
        cols,
        rows,
        ..Spawn::default()
    });
    assert!(frame_drawn(&pty, rows), "no first frame:\n{}", pty.screen());
    pty
}

/// Whether a whole frame for `rows` rows is on screen.
fn frame_drawn(pty: &Pty, rows: u16) -> bool {
    pty.wait_screen(TIMEOUT, |s| {
        let last = s.rows(0, s.size().1).nth(usize::from(rows) - 1);
        s.contents().contains("Timeline") && last.is_some_and(|r| r.contains("quit"))
    })
}

/// Asserts the program still runs, then quits it with `q` and checks it
/// exits with 0.
fn still_running_then_quit(pty: &mut Pty, what: &str) {
    if let Some(status) = pty.wait_exit(Duration::from_millis(100)) {
        panic!("{what}: the explorer died ({status}):\n{}", pty.screen());
    }
    pty.send("q");
    let status = pty.wait_exit(TIMEOUT).expect("exit after q");
    assert!(status.success(), "{what}: {status}");
    assert_eq!(pty.cooked(), Some(true), "{what}: terminal restored");
}

#[test]
fn a_resize_storm_neither_panics_nor_loses_the_last_size() {
    let mut pty = start(200, 30);
    for _ in 0..60 {
        pty.resize(200, 100);
        thread::sleep(Duration::from_millis(1));
        pty.resize(200, 30);
        thread::sleep(Duration::from_millis(1));
    }
    assert!(
        frame_drawn(&pty, 30),
        "no frame at 200x30:\n{}",
        pty.screen()
    );
    still_running_then_quit(&mut pty, "resize storm");
}

/// Peak resident memory of a process, in kB, where /proc tells it.
fn peak_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn a_huge_terminal_is_drawn_up_to_a_cap_with_a_note() {
    let mut pty = start(100, 30);
    for (cols, rows) in [(65535, 65535), (10000, 5000)] {
        let note = format!("terminal {cols}x{rows}: only 1000x1000 drawn");
        pty.resize_pty(cols, rows);
        let start = Instant::now();
        while !pty.wrote(note.as_bytes()) {
            assert!(
                start.elapsed() < TIMEOUT,
                "no note at {cols}x{rows}:\n{}",
                pty.screen()
            );
            thread::sleep(Duration::from_millis(20));
        }
        if let Some(kb) = peak_kb(pty.pid()) {
            assert!(kb < 1_000_000, "{kb} kB at {cols}x{rows}");
        }
        // Back to a size the model can show; the next size is then drawn
        // whole, not as a difference from this one.
        pty.resize(100, 30);
        assert!(
            frame_drawn(&pty, 30),
            "no frame at 100x30:\n{}",
            pty.screen()
        );
    }
    still_running_then_quit(&mut pty, "huge terminal");
}

#[test]
fn keys_after_a_cut_escape_sequence_still_work() {
    for (cut, then) in [
        ("\x1b[?", "q"),
        ("\x1b[<0;12", "q"),
        ("\x1b[?", "\x03"),
        ("\x1b[<0;12", "\x03"),
    ] {
        let mut pty = start(100, 30);
        pty.send(cut);
        // Longer than the decoder's timeout, as over a link that cut the rest.
        thread::sleep(Duration::from_millis(150));
        pty.send(then);
        let status = pty
            .wait_exit(TIMEOUT)
            .unwrap_or_else(|| panic!("{then:?} after {cut:?} did not quit:\n{}", pty.screen()));
        assert!(status.success(), "{cut:?} then {then:?}: {status}");
    }
}

#[test]
fn esc_after_a_cut_escape_sequence_closes_the_help() {
    let pty = start(100, 30);
    pty.send("?");
    assert!(pty.wait_for("Keys", TIMEOUT), "no help:\n{}", pty.screen());
    pty.send("\x1b[?");
    thread::sleep(Duration::from_millis(150));
    pty.send("\x1b");
    let closed = pty.wait_screen(TIMEOUT, |s| !s.contents().contains("Keys"));
    assert!(closed, "Esc did not close the help:\n{}", pty.screen());
}
