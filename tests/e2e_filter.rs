//! The real binary in a pseudo-terminal: where the cursor lands after a
//! filter, and what a missing corpus directory does to the explorer.

// Shared with e2e_pty.rs; this binary uses only part of it.
#[allow(dead_code)]
mod e2e_support;

use e2e_support::{contains, Pty, Spawn, TIMEOUT};

/// The first cell inside the timeline's left border is in reverse video
/// (the selection, with NO_COLOR) on this row.
fn selected(s: &vt100::Screen, row: u16) -> bool {
    s.cell(row, 1).is_some_and(|c| c.inverse())
}

/// The screen row whose text contains `needle`, below the header.
fn row_of(s: &vt100::Screen, needle: &str) -> Option<u16> {
    let (rows, cols) = s.size();
    (1..rows).find(|&r| s.contents_between(r, 0, r, cols).contains(needle))
}

#[test]
fn a_text_filter_puts_the_cursor_on_the_first_match_not_on_its_headline() {
    let pty = Pty::spawn(Spawn {
        env: &[("NO_COLOR", "1")],
        ..Spawn::default()
    });
    assert!(
        pty.wait_screen(TIMEOUT, |s| s.contents().contains("· Timeline")),
        "no timeline:\n{}",
        pty.screen()
    );
    pty.send("/top priority\r");
    assert!(
        pty.wait_screen(TIMEOUT, |s| s.contents().contains("1 of 46 matches")),
        "no match count:\n{}",
        pty.screen()
    );
    pty.settle(std::time::Duration::from_millis(100));
    pty.with_screen(|s| {
        let screen = s.contents();
        // The one match is shown under its headline event, a dimmed row
        // that does not match: the cursor is on the match.
        let headline = row_of(s, "Kim Jong Un's trip to Russia")
            .unwrap_or_else(|| panic!("no headline row:\n{screen}"));
        let matched = row_of(s, "├ Kim calls ties with Moscow")
            .or_else(|| row_of(s, "└ Kim calls ties with Moscow"))
            .unwrap_or_else(|| panic!("no matching row:\n{screen}"));
        assert!(selected(s, matched), "the match is not selected:\n{screen}");
        assert!(
            !selected(s, headline),
            "the headline is selected:\n{screen}"
        );
    });
}

#[test]
fn the_explorer_on_a_missing_corpus_directory_says_so_and_fails() {
    let missing = std::env::temp_dir().join("chronicle-e2e-no-such-corpus");
    let missing = missing.to_str().expect("a UTF-8 temp path").to_owned();
    let mut pty = Pty::spawn(Spawn {
        args: &["--corpus", &missing],
        ..Spawn::default()
    });
    let status = pty.wait_exit(TIMEOUT).expect("the explorer did not exit");
    assert_ne!(status.exit_code(), 0, "exited 0 on a missing corpus");
    let out = String::from_utf8_lossy(&pty.output()).into_owned();
    assert!(
        out.contains(&format!(
            "cannot read the corpus directory {missing}: no such directory"
        )),
        "{out:?}"
    );
    assert!(
        !contains(&pty.output(), b"\x1b[?1049h"),
        "entered the alternate screen: {out:?}"
    );
}
