//! The real binary in a pseudo-terminal, switching between the Timeline,
//! Articles and Quotes views with their keys.

// Shared with e2e_pty.rs; this binary uses only part of it.
#[allow(dead_code)]
mod e2e_support;

use e2e_support::{Pty, Spawn, TIMEOUT};

fn header(pty: &Pty) -> String {
    pty.rows()[0].clone()
}

#[test]
fn view_keys_switch_views_and_enter_reads_a_quote_in_its_article() {
    let mut pty = Pty::spawn(Spawn::default());
    assert!(
        pty.wait_screen(TIMEOUT, |s| s.contents().contains("· Timeline")),
        "no timeline:\n{}",
        pty.screen()
    );
    pty.send("2");
    assert!(
        pty.wait_screen(TIMEOUT, |s| s.contents().contains("Events · quotes")),
        "no articles view:\n{}",
        pty.screen()
    );
    assert!(header(&pty).contains("· Articles"), "{}", pty.screen());
    pty.send("3");
    assert!(
        pty.wait_screen(TIMEOUT, |s| s.contents().contains("Speaker (quotes)")),
        "no quotes view:\n{}",
        pty.screen()
    );
    assert!(header(&pty).contains("· Quotes"), "{}", pty.screen());
    pty.send("\r");
    assert!(
        pty.wait_screen(TIMEOUT, |s| s.contents().contains("In this article")),
        "Enter did not open the quote's article:\n{}",
        pty.screen()
    );
    pty.send("\x1b");
    assert!(
        pty.wait_screen(TIMEOUT, |s| s.contents().contains("Speaker (quotes)")),
        "Esc did not go back to the quotes:\n{}",
        pty.screen()
    );
    pty.send("1");
    assert!(
        pty.wait_screen(TIMEOUT, |s| s.contents().contains("· Timeline")),
        "no way back to the timeline:\n{}",
        pty.screen()
    );
    pty.send("q");
    let status = pty.wait_exit(TIMEOUT).expect("no exit after q");
    assert_eq!(status.exit_code(), 0);
}
