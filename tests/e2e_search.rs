//! The real binary in a pseudo-terminal, searching the shipped articles' text: the
//! Articles list with hits, Enter opening an article at its first hit, `n`/`N`.

// Shared with e2e_pty.rs; this binary uses only part of it.
#[allow(dead_code)]
mod e2e_support;

use e2e_support::{Pty, Spawn, TIMEOUT};

/// The "hit i of n" the article pane's footer shows, as (i, n).
fn hit_shown(screen: &str) -> Option<(usize, usize)> {
    let at = screen.find("hit ")? + "hit ".len();
    let mut words = screen[at..].split_whitespace();
    let i = words.next()?.parse().ok()?;
    (words.next()? == "of").then_some(())?;
    let n = words
        .next()?
        .trim_end_matches(|c: char| !c.is_ascii_digit());
    Some((i, n.parse().ok()?))
}

#[test]
fn slash_searches_article_text_and_n_moves_between_hits() {
    let mut pty = Pty::spawn(Spawn {
        cols: 120,
        rows: 40,
        ..Spawn::default()
    });
    assert!(
        pty.wait_screen(TIMEOUT, |s| s.contents().contains("· Timeline")),
        "no timeline:\n{}",
        pty.screen()
    );
    // "Kim Jong-un" is spelled so in several articles' text.
    pty.send("2/kim jong-un\r");
    assert!(
        pty.wait_screen(TIMEOUT, |s| s.contents().contains(" with ")
            && s.contents().contains(" hits")),
        "no hits listed:\n{}",
        pty.screen()
    );
    assert!(
        pty.screen().contains("Jong-un"),
        "no context:\n{}",
        pty.screen()
    );
    // n in the list: to an article with hits.
    pty.send("n\r");
    assert!(
        pty.wait_screen(TIMEOUT, |s| hit_shown(&s.contents())
            .is_some_and(|h| h.0 == 1)),
        "Enter did not open the article at its first hit:\n{}",
        pty.screen()
    );
    let (_, count) = hit_shown(&pty.screen()).unwrap();
    assert!(count >= 2, "{}", pty.screen());
    pty.send("n");
    assert!(
        pty.wait_screen(TIMEOUT, |s| hit_shown(&s.contents()) == Some((2, count))),
        "n did not move to the second hit:\n{}",
        pty.screen()
    );
    pty.send("NN");
    assert!(
        pty.wait_screen(TIMEOUT, |s| hit_shown(&s.contents())
            == Some((count, count))
            && s.contents().contains("on to the last")),
        "N did not wrap to the last hit:\n{}",
        pty.screen()
    );
    pty.send("q");
    let status = pty.wait_exit(TIMEOUT).expect("no exit after q");
    assert_eq!(status.exit_code(), 0);
}
