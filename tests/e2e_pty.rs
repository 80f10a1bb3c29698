//! End-to-end tests: the real `chronicle` binary in a pseudo-terminal,
//! driven by keys, signals and resizes, checked on the bytes it writes and
//! on the screen those bytes draw (a vt100 model).

mod e2e_support;

use std::process::Command;
use std::time::{Duration, Instant};

use e2e_support::{contains, find, rfind, Pty, Spawn, TempDir, TIMEOUT};

const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

/// Starts the explorer and waits for its first complete frame: the
/// timeline pane and the status line's last hint.
fn start(opts: Spawn) -> Pty {
    let rows = opts.rows;
    let pty = Pty::spawn(opts);
    let drawn = pty.wait_screen(TIMEOUT, |s| {
        let last = s.rows(0, s.size().1).nth(usize::from(rows) - 1);
        s.contents().contains("Timeline") && last.is_some_and(|r| r.contains("quit"))
    });
    assert!(drawn, "no first frame:\n{}", pty.screen());
    pty
}

/// The number right before `suffix` in `text` (`46` in `· 46 events`).
fn number_before(text: &str, suffix: &str) -> Option<usize> {
    let end = text.find(suffix)?;
    let start = text[..end]
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    text[start..end].parse().ok()
}

/// The number after `prefix` in `text`.
fn number_after(text: &str, prefix: &str) -> Option<usize> {
    let at = text.find(prefix)? + prefix.len();
    let digits: String = text[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// The text in `bytes` once CSI sequences (`ESC [ ... final`) are removed.
fn text_outside_csi(bytes: &[u8]) -> String {
    let mut text = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b && bytes.get(i + 1) == Some(&b'[') {
            i += 2;
            while i < bytes.len() && !(0x40..=0x7e).contains(&bytes[i]) {
                i += 1;
            }
        } else {
            text.push(bytes[i]);
        }
        i += 1;
    }
    String::from_utf8_lossy(&text).into_owned()
}

/// Waits for a clean exit and returns the exit code.
fn quit(pty: &mut Pty) -> u32 {
    pty.send("q");
    let status = pty
        .wait_exit(TIMEOUT)
        .unwrap_or_else(|| panic!("no exit after q:\n{}", pty.screen()));
    assert_eq!(status.signal(), None, "{status}");
    status.exit_code()
}

#[test]
fn filter_by_actor_then_quit_restores_terminal() {
    let mut pty = start(Spawn::default());
    assert_eq!(pty.cooked(), Some(false), "the explorer runs in raw mode");
    let header = pty.rows()[0].clone();
    let total = number_before(&header, " events")
        .unwrap_or_else(|| panic!("no event count in the header: {header:?}"));

    pty.send("a");
    assert!(
        pty.wait_for("Filter by actor", TIMEOUT),
        "no actor popup:\n{}",
        pty.screen()
    );
    pty.send("putin");
    // The typed query is echoed, and the selected hit (›) is Putin.
    let listed = pty.wait_screen(TIMEOUT, |s| {
        let rows: Vec<String> = s.rows(0, s.size().1).collect();
        rows.iter().any(|r| r.contains("Actor: putin"))
            && rows
                .iter()
                .any(|r| r.contains('›') && r.contains("Vladimir Putin"))
    });
    assert!(listed, "the popup does not offer Putin:\n{}", pty.screen());

    pty.send("\r");
    let filtered = pty.wait_screen(TIMEOUT, |s| {
        let header = s.rows(0, s.size().1).next().unwrap_or_default();
        let text = s.contents();
        header.contains("Vladimir Putin") && text.contains(" match") && !text.contains("Actor:")
    });
    assert!(filtered, "no chip or match count:\n{}", pty.screen());
    let screen = pty.screen();
    let matched = number_after(&screen, "Timeline · ")
        .unwrap_or_else(|| panic!("no 'Timeline · N of M match' title:\n{screen}"));
    let of = number_after(&screen, &format!("Timeline · {matched} of "));
    assert_eq!(of, Some(total), "the title counts all events:\n{screen}");
    assert!(
        0 < matched && matched < total,
        "{matched} of {total} events match Putin:\n{screen}"
    );
    // The explorer and `chronicle events` agree on what matches.
    let listed = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(["events", "--json", "--actor", "Vladimir Putin"])
        .output()
        .expect("run chronicle events");
    assert!(listed.status.success(), "{listed:?}");
    let events: Vec<serde_json::Value> =
        serde_json::from_slice(&listed.stdout).expect("events --json is a JSON array");
    assert_eq!(
        matched,
        events.len(),
        "explorer and `events --actor` disagree"
    );

    pty.settle(Duration::from_millis(100));
    let before_quit = pty.output_len();
    assert_eq!(quit(&mut pty), 0);

    let out = pty.output();
    assert!(
        find(&out, ENTER_ALT).is_some(),
        "never entered the alternate screen"
    );
    let tail = &out[before_quit..];
    let leave = find(tail, LEAVE_ALT).expect("no leave-alternate-screen after q");
    assert!(
        contains(&tail[leave..], SHOW_CURSOR),
        "cursor not shown after leaving the alternate screen: {:?}",
        String::from_utf8_lossy(tail)
    );
    let last_leave = rfind(&out, LEAVE_ALT).expect("left the alternate screen");
    assert!(
        rfind(&out, ENTER_ALT) < Some(last_leave),
        "the alternate screen was entered again after leaving"
    );
    let after = text_outside_csi(&out[last_leave..]);
    assert!(
        after.trim().is_empty(),
        "drew {after:?} on the normal screen after leaving the alternate one"
    );
    assert!(
        !pty.with_screen(|s| s.alternate_screen()),
        "still on the alternate screen after exit"
    );
    assert!(
        !pty.with_screen(|s| s.hide_cursor()),
        "cursor still hidden after exit"
    );
    assert_eq!(pty.cooked(), Some(true), "raw mode left on after exit");
}

#[test]
fn idle_writes_nothing() {
    let pty = start(Spawn::default());
    assert!(pty.screen().contains(" 1/"), "{}", pty.screen());
    pty.settle(Duration::from_millis(250));
    let before = pty.output_len();
    std::thread::sleep(Duration::from_millis(1500));
    let after = pty.output_len();
    assert_eq!(
        before,
        after,
        "wrote while idle: {:?}",
        String::from_utf8_lossy(&pty.output()[before..])
    );
    pty.send("j");
    assert!(
        pty.wait_output_beyond(after, TIMEOUT),
        "no redraw after a key"
    );
    assert!(
        pty.wait_for(" 2/", TIMEOUT),
        "the selection did not move:\n{}",
        pty.screen()
    );
}

#[test]
fn sigterm_restores_and_exits_143() {
    let mut pty = start(Spawn::default());
    pty.settle(Duration::from_millis(100));
    let before = pty.output_len();
    pty.signal("TERM");
    let status = pty
        .wait_exit(TIMEOUT)
        .unwrap_or_else(|| panic!("still running after SIGTERM:\n{}", pty.screen()));
    assert_eq!(status.signal(), None, "killed instead of exiting: {status}");
    assert_eq!(status.exit_code(), 143);
    let out = pty.output();
    let tail = &out[before..];
    let leave = find(tail, LEAVE_ALT).expect("no leave-alternate-screen after SIGTERM");
    assert!(contains(&tail[leave..], SHOW_CURSOR), "cursor not shown");
    assert!(!pty.with_screen(|s| s.alternate_screen()));
    assert_eq!(pty.cooked(), Some(true), "raw mode left on after SIGTERM");
}

#[test]
fn hangup_with_the_terminal_still_open_restores_and_exits_129() {
    let mut pty = start(Spawn::default());
    pty.settle(Duration::from_millis(100));
    let before = pty.output_len();
    let sent = Instant::now();
    pty.signal("HUP");
    let status = pty
        .wait_exit(Duration::from_secs(2))
        .unwrap_or_else(|| panic!("still running 2 s after SIGHUP"));
    assert!(sent.elapsed() < Duration::from_secs(2));
    assert_eq!(status.signal(), None, "killed instead of exiting: {status}");
    assert_eq!(status.exit_code(), 129);
    // The terminal is still there (only the signal came): it is restored.
    let tail = &pty.output()[before..];
    assert!(
        contains(tail, LEAVE_ALT) && contains(tail, SHOW_CURSOR),
        "left a live terminal in the alternate screen: {:?}",
        String::from_utf8_lossy(tail)
    );
    assert_eq!(pty.cooked(), Some(true), "raw mode left on");
}

#[test]
fn closing_the_terminal_exits_129_quickly() {
    let mut pty = start(Spawn::default());
    // Opening help makes the program write, which unblocks the reader.
    pty.close_master("?");
    let closed = Instant::now();
    let status = pty
        .wait_exit(Duration::from_secs(2))
        .unwrap_or_else(|| panic!("still running 2 s after the terminal closed"));
    assert!(closed.elapsed() < Duration::from_secs(2));
    assert_eq!(status.signal(), None, "killed instead of exiting: {status}");
    assert_eq!(status.exit_code(), 129);
}

/// Waits until the program has handled a key, so its input thread (which
/// also catches SIGWINCH) is certainly running. See
/// `resize_right_after_the_first_frame_is_not_lost` for why.
fn input_ready(pty: &Pty) {
    pty.send("j");
    assert!(
        pty.wait_for(" 2/", TIMEOUT),
        "the selection did not move:\n{}",
        pty.screen()
    );
}

#[test]
fn resize_redraws_and_small_terminal_message() {
    let mut pty = start(Spawn::default());
    input_ready(&pty);
    pty.resize(30, 8);
    assert!(
        pty.wait_screen(TIMEOUT, |s| {
            let text = s.contents();
            text.contains("too small") && text.contains("30x8") && !text.contains("Timeline")
        }),
        "no 'too small' message at 30x8:\n{}",
        pty.screen()
    );
    pty.resize(80, 24);
    // Redrawn for the new size: the status line is on the new last row.
    let redrawn = pty.wait_screen(TIMEOUT, |s| {
        let rows: Vec<String> = s.rows(0, 80).collect();
        let text = s.contents();
        text.contains("Timeline")
            && !text.contains("too small")
            && rows.get(23).is_some_and(|r| r.contains("quit"))
    });
    assert!(redrawn, "not redrawn at 80x24:\n{}", pty.screen());
    assert_eq!(quit(&mut pty), 0);
    assert!(!pty.with_screen(|s| s.alternate_screen()));
}

/// The row of the timeline pane's title.
fn timeline_title_row(pty: &Pty) -> u16 {
    let rows = pty.rows();
    // Below the header, which names the view.
    let at = rows
        .iter()
        .skip(1)
        .position(|r| r.contains(" Timeline"))
        .map(|at| at + 1)
        .unwrap_or_else(|| panic!("no timeline title:\n{}", rows.join("\n")));
    u16::try_from(at).expect("row fits u16")
}

#[test]
fn no_color_still_marks_selection() {
    let pty = start(Spawn {
        env: &[("NO_COLOR", "1")],
        ..Spawn::default()
    });
    pty.settle(Duration::from_millis(100));
    let title = timeline_title_row(&pty);
    pty.with_screen(|s| {
        let (rows, cols) = s.size();
        let selected = (1..cols).any(|c| s.cell(title + 1, c).is_some_and(|x| x.inverse()));
        assert!(selected, "the selected row is not in reverse video");
        let next = s.cell(title + 2, 1).is_some_and(|x| x.inverse());
        assert!(!next, "the row below the selection is in reverse video too");
        for row in 0..rows {
            for col in 0..cols {
                let cell = s.cell(row, col).expect("cell");
                assert!(
                    cell.fgcolor() == vt100::Color::Default
                        && cell.bgcolor() == vt100::Color::Default,
                    "colour at {row},{col} ({:?}) with NO_COLOR: fg {:?} bg {:?}",
                    cell.contents(),
                    cell.fgcolor(),
                    cell.bgcolor()
                );
            }
        }
    });
}

/// The counterpart of `no_color_still_marks_selection`: without NO_COLOR
/// the same screen has colour, so that test can tell the difference.
#[test]
fn colour_by_default() {
    let pty = start(Spawn::default());
    pty.settle(Duration::from_millis(100));
    let coloured = pty.with_screen(|s| {
        let (rows, cols) = s.size();
        (0..rows).any(|r| {
            (0..cols).any(|c| {
                s.cell(r, c).is_some_and(|x| {
                    x.fgcolor() != vt100::Color::Default || x.bgcolor() != vt100::Color::Default
                })
            })
        })
    });
    assert!(coloured, "no colour without NO_COLOR");
}

#[test]
fn help_overlay_lists_keys() {
    let mut pty = start(Spawn::default());
    pty.send("?");
    assert!(
        pty.wait_for("Keys", TIMEOUT),
        "no help overlay:\n{}",
        pty.screen()
    );
    pty.settle(Duration::from_millis(100));
    let rows = pty.rows();
    let has = |key: &str, what: &str| {
        rows.iter().any(|r| {
            r.contains(what)
                && r.split_whitespace()
                    .any(|w| w == key || w == format!("│{key}"))
        })
    };
    assert!(has("q", "quit"), "no line for quit:\n{}", rows.join("\n"));
    assert!(
        has("a", "filter by actor"),
        "no line for the actor filter:\n{}",
        rows.join("\n")
    );
    pty.send("\x1b");
    let closed = pty.wait_screen(TIMEOUT, |s| {
        let text = s.contents();
        !text.contains("Keys") && !text.contains("filter by actor") && text.contains("Timeline")
    });
    assert!(closed, "Esc did not close the help:\n{}", pty.screen());
    assert_eq!(quit(&mut pty), 0);
}

#[test]
fn bad_corpus_dir_reports_problem() {
    let dir = TempDir::new("bad-corpus");
    dir.write(
        "articles/x.md",
        "+++\nid = \"x\"\nbogus_field = \"y\"\ntitle = \"A title\"\n+++\nSome body text.\n",
    );
    let corpus = dir.path().to_str().expect("utf-8 temp path").to_owned();

    let checked = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(["check", "--corpus", &corpus])
        .env_remove("NO_COLOR")
        .output()
        .expect("run chronicle check");
    assert!(!checked.status.success(), "check passed: {checked:?}");
    let stdout = String::from_utf8_lossy(&checked.stdout);
    let line = stdout
        .lines()
        .find(|l| l.contains("x.md:3:1: "))
        .unwrap_or_else(|| panic!("no x.md:3:1: problem in:\n{stdout}"));
    assert!(line.contains("bogus_field"), "{line}");
    let count = stdout.lines().filter(|l| !l.trim().is_empty()).count();

    let mut pty = Pty::spawn(Spawn {
        args: &["--corpus", &corpus],
        cols: 120,
        ..Spawn::default()
    });
    // "1 problem" or "2 problems".
    let shown = format!("{count} problem");
    let header = pty.wait_screen(TIMEOUT, |s| {
        s.rows(0, 120)
            .next()
            .is_some_and(|header| header.contains(&shown))
    });
    assert!(header, "no '{shown}' in the header:\n{}", pty.screen());
    pty.send("!");
    let listed = pty.wait_screen(TIMEOUT, |s| {
        let rows: Vec<String> = s.rows(0, 120).collect();
        rows.iter()
            .any(|r| r.contains(&shown) && r.contains("in the corpus"))
            // A long message wraps onto the next row.
            && rows
                .windows(2)
                .any(|r| r[0].contains("x.md:3:1:") && (r[0].clone() + &r[1]).contains("bogus_field"))
    });
    assert!(listed, "the problems overlay lacks x.md:\n{}", pty.screen());
    pty.send("\x1b");
    assert!(
        pty.wait_screen(TIMEOUT, |s| !s.contents().contains("x.md:3:1:")),
        "Esc did not close the problems:\n{}",
        pty.screen()
    );
    assert_eq!(quit(&mut pty), 0);
}

/// The first frame is drawn before the input thread has set up crossterm's
/// event source, which is what installs the SIGWINCH handler. A resize in
/// that window (a few to tens of milliseconds on a loaded machine) is lost:
/// the screen keeps the old layout until the next key. The window is hit
/// by chance, so rounds of many instances at once, each resized the moment
/// its first frame is written, run until one is lost or time is up.
#[test]
fn resize_right_after_the_first_frame_is_not_lost() {
    const AT_ONCE: usize = 16;
    let began = Instant::now();
    let mut rounds = 0;
    while rounds == 0 || began.elapsed() < Duration::from_secs(5) {
        rounds += 1;
        let trials: Vec<_> = (0..AT_ONCE)
            .map(|_| {
                std::thread::spawn(|| {
                    let pty = Pty::spawn(Spawn::default());
                    // Spin rather than poll: resize the moment the status
                    // line's last hint (the end of the first frame) is written.
                    let start = Instant::now();
                    while !pty.wrote(b"quit") {
                        assert!(start.elapsed() < TIMEOUT, "no first frame");
                        std::thread::yield_now();
                    }
                    pty.resize(30, 8);
                    // A redraw takes milliseconds; 5 s keeps the test short.
                    let redrawn = pty.wait_for("too small", Duration::from_secs(5));
                    (redrawn, pty.screen())
                })
            })
            .collect();
        let mut lost = 0;
        let mut example = String::new();
        for trial in trials {
            let (redrawn, screen) = trial.join().expect("trial thread");
            if !redrawn {
                lost += 1;
                example = screen;
            }
        }
        assert_eq!(
            lost, 0,
            "round {rounds}: {lost} of {AT_ONCE} resizes right after the first frame \
             were never drawn; one screen:\n{example}"
        );
    }
}

/// A corpus whose one article has a URL, for the hyperlink tests.
fn linked_corpus() -> TempDir {
    let dir = TempDir::new("links");
    dir.write(
        "articles/a.md",
        "+++\nid = \"a\"\ntitle = \"Linked\"\nurl = \"https://example.org/story\"\n+++\nBody text.\n",
    );
    dir.write(
        "events.toml",
        "[[event]]\nid = \"e\"\ndate = \"2023\"\ntitle = \"An event\"\nkind = \"other\"\nsummary = \"s\"\n\
         [[event.source]]\narticle = \"a\"\nexcerpt = \"Body text.\"\n",
    );
    dir
}

const LINK_OPEN: &[u8] = b"\x1b]8;;https://example.org/story\x1b\\";

#[test]
fn article_urls_are_hyperlinks_where_the_terminal_supports_them() {
    let dir = linked_corpus();
    let corpus = dir.path().to_str().expect("utf-8 temp path");
    let pty = start(Spawn {
        args: &["--corpus", corpus],
        env: &[("CHRONICLE_HYPERLINKS", "1")],
        ..Spawn::default()
    });
    assert!(
        pty.wait_for("https://example.org/story", TIMEOUT),
        "{}",
        pty.screen()
    );
    // The link is written after the frame that shows the URL as text.
    let start = Instant::now();
    while !pty.wrote(LINK_OPEN) && start.elapsed() < TIMEOUT {
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = pty.output();
    assert!(
        contains(&out, LINK_OPEN),
        "no OSC 8 link: {:?}",
        String::from_utf8_lossy(&out)
    );
    assert!(
        contains(&out, b"\x1b]8;;\x1b\\"),
        "the link is never closed"
    );
}

#[test]
fn article_urls_stay_plain_text_elsewhere() {
    let dir = linked_corpus();
    let corpus = dir.path().to_str().expect("utf-8 temp path");
    let pty = start(Spawn {
        args: &["--corpus", corpus],
        env: &[("CHRONICLE_HYPERLINKS", "0")],
        ..Spawn::default()
    });
    assert!(
        pty.wait_for("https://example.org/story", TIMEOUT),
        "{}",
        pty.screen()
    );
    assert!(
        !contains(&pty.output(), b"\x1b]8;"),
        "wrote OSC 8 to a terminal without support"
    );
}

/// Moving down the timeline redraws only the rows that change; the article
/// and event panes follow once the selection has rested for the configured
/// delay (long here, so that the wait can be seen).
#[test]
fn the_panes_follow_the_selection_once_it_rests() {
    let dir = TempDir::new("follow");
    dir.write("config.toml", "follow_delay_ms = 1500\n");
    let config = dir.path().join("config.toml");
    let config = config.to_str().expect("utf-8 temp path");
    let pty = start(Spawn {
        args: &["--config", config],
        cols: 120,
        rows: 40,
        ..Spawn::default()
    });
    let first = "1945 · military";
    assert!(pty.screen().contains(first), "{}", pty.screen());
    pty.settle(Duration::from_millis(200));
    let before = pty.output_len();
    pty.send("j");
    assert!(pty.wait_for(" 2/46", TIMEOUT), "{}", pty.screen());
    pty.settle(Duration::from_millis(200));
    let moved = pty.output_len() - before;
    assert!(
        pty.screen().contains(first),
        "the panes did not wait:\n{}",
        pty.screen()
    );
    assert!(moved < 400, "a move wrote {moved} bytes");
    let followed = pty.wait_screen(TIMEOUT, |s| {
        let text = s.contents();
        !text.contains(first) && text.contains("2000-07-19–20 · ")
    });
    assert!(followed, "the panes never followed:\n{}", pty.screen());
}
