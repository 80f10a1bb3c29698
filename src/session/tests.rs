//! The event loop driven by hand: events in, bytes out into memory, read
//! back through a vt100 screen.

use std::cell::RefCell;
use std::path::Path;
use std::rc::Rc;

use crossterm::event::{KeyCode, KeyModifiers};

use super::*;
use crate::corpus::{load, Location};

const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

/// Bytes written, kept where the test can read them while the session
/// owns the writer.
#[derive(Clone, Default)]
struct Wire(Rc<RefCell<Vec<u8>>>);

impl Write for Wire {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Wire {
    fn len(&self) -> usize {
        self.0.borrow().len()
    }

    fn bytes(&self) -> Vec<u8> {
        self.0.borrow().clone()
    }

    /// The screen all bytes so far draw on a terminal of this size.
    fn screen(&self, width: u16, height: u16) -> vt100::Parser {
        let mut parser = vt100::Parser::new(height, width, 0);
        parser.process(&self.0.borrow());
        parser
    }
}

/// A writer that has gone away.
struct Gone;

impl Write for Gone {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::ErrorKind::BrokenPipe.into())
    }

    fn flush(&mut self) -> io::Result<()> {
        Err(io::ErrorKind::BrokenPipe.into())
    }
}

fn settings(follow_delay: Duration, export_dir: &Path) -> Settings {
    Settings {
        keymap: Keymap::default(),
        theme: Theme::colour(),
        hyperlinks: false,
        follow_delay,
        export_dir: Some(export_dir.to_path_buf()),
    }
}

fn shared() -> Shared {
    let loaded = load(&Location::Dir(Path::new("tests/fixtures/mini").into()));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    Shared::new(loaded.corpus, loaded.problems)
}

/// A session at 100x30 that has written its first frame.
fn started(follow_delay: Duration) -> (Session<Wire>, Wire) {
    let wire = Wire::default();
    let settings = settings(follow_delay, Path::new("."));
    let mut session = Session::new(shared(), settings, wire.clone(), (100, 30)).expect("session");
    assert!(session.write().is_none(), "ended at once");
    (session, wire)
}

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The last row with the status line's last hint on it.
fn status_row(screen: &vt100::Screen, width: u16) -> Option<usize> {
    let rows: Vec<String> = screen.rows(0, width).collect();
    rows.iter().rposition(|row| row.contains("quit"))
}

#[test]
fn the_first_write_enters_the_alternate_screen_and_draws_a_frame() {
    let (_session, wire) = started(Duration::ZERO);
    let bytes = wire.bytes();
    assert_eq!(find(&bytes, ENTER_ALT), Some(0), "entered first");
    let parser = wire.screen(100, 30);
    let screen = parser.screen();
    assert!(screen.alternate_screen() && screen.hide_cursor());
    assert!(
        screen.contents().contains("Timeline"),
        "{}",
        screen.contents()
    );
    assert_eq!(status_row(screen, 100), Some(29));
}

#[test]
fn quit_ends_the_session_with_the_terminal_restored() {
    let (mut session, wire) = started(Duration::ZERO);
    let before = wire.len();
    session.handle(key('q'));
    assert!(!session.running());
    session.handle(key('j'));
    assert!(matches!(session.write(), Some(Ended::Quit)));
    let tail = &wire.bytes()[before..];
    let leave = find(tail, LEAVE_ALT).expect("left the alternate screen");
    assert!(find(&tail[leave..], SHOW_CURSOR).is_some(), "cursor shown");
    let parser = wire.screen(100, 30);
    assert!(!parser.screen().alternate_screen() && !parser.screen().hide_cursor());
    let after = wire.len();
    assert!(session.write().is_none(), "over: nothing more");
    assert_eq!(wire.len(), after);
}

#[test]
fn an_interrupt_quits_as_the_quit_key_does() {
    let (mut session, wire) = started(Duration::ZERO);
    session.handle(Event::Interrupt);
    assert!(matches!(session.write(), Some(Ended::Quit)));
    assert!(find(&wire.bytes(), LEAVE_ALT).is_some());
}

#[test]
fn a_resize_changes_the_size_of_the_frame() {
    let (mut session, wire) = started(Duration::ZERO);
    session.handle(Event::Resize(140, 40));
    assert!(session.write().is_none());
    let parser = wire.screen(140, 40);
    let screen = parser.screen();
    assert_eq!(status_row(screen, 140), Some(39), "{}", screen.contents());
    let right: String = screen.rows(100, 40).collect();
    assert!(!right.trim().is_empty(), "nothing drawn past column 100");
    session.handle(Event::Resize(30, 8));
    assert!(session.write().is_none());
    let parser = wire.screen(140, 40);
    let contents = parser.screen().contents();
    assert!(
        contents.contains("too small") && contents.contains("30x8"),
        "{contents}"
    );
}

#[test]
fn input_that_changes_nothing_writes_nothing() {
    let (mut session, wire) = started(Duration::ZERO);
    let before = wire.len();
    // An unbound key, the same size again, a rest with nothing to follow
    // and a paste with no input open.
    session.handle(Event::Key(KeyEvent::new(
        KeyCode::F(12),
        KeyModifiers::NONE,
    )));
    session.handle(Event::Resize(100, 30));
    session.handle(Event::Rest);
    session.handle(Event::Paste("qqq".into()));
    assert!(session.running(), "a pasted q does not quit");
    assert!(session.write().is_none());
    assert_eq!(
        wire.len(),
        before,
        "{:?}",
        String::from_utf8_lossy(&wire.bytes()[before..])
    );
    session.handle(key('j'));
    assert!(session.write().is_none());
    assert!(wire.len() > before, "no frame after a move");
}

#[test]
fn a_paste_is_typed_into_an_open_filter() {
    let (mut session, wire) = started(Duration::ZERO);
    session.handle(key('/'));
    session.handle(Event::Paste("bridge".into()));
    assert!(session.write().is_none());
    let parser = wire.screen(100, 30);
    let contents = parser.screen().contents();
    assert!(contents.contains("/ bridge"), "{contents}");
    assert!(contents.contains("1 of 5 matches"), "{contents}");
}

#[test]
fn the_panes_follow_after_the_wait_the_session_asks_for() {
    let delay = Duration::from_millis(300);
    let (mut session, _wire) = started(delay);
    assert_eq!(session.wait(), None, "nothing to wait for");
    session.handle(key('j'));
    assert_eq!(session.wait(), Some(delay));
    session.handle(Event::Rest);
    assert_eq!(session.wait(), None);
    let (mut at_once, _wire) = started(Duration::ZERO);
    at_once.handle(key('j'));
    assert_eq!(at_once.wait(), None, "no delay: followed at once");
}

#[test]
fn a_hang_up_ends_the_session_writing_nothing() {
    let (mut session, wire) = started(Duration::ZERO);
    let before = wire.len();
    session.handle(key('j'));
    session.handle(Event::HangUp);
    session.handle(key('q'));
    assert!(!session.running());
    assert!(matches!(session.write(), Some(Ended::HangUp)));
    assert_eq!(wire.len(), before);
}

#[test]
fn a_writer_that_fails_ends_the_session() {
    let settings = settings(Duration::ZERO, Path::new("."));
    let mut session = Session::new(shared(), settings, Gone, (80, 24)).expect("session");
    match session.write() {
        Some(Ended::Failed(err)) => assert_eq!(err.kind(), io::ErrorKind::BrokenPipe),
        other => panic!("not failed: {other:?}"),
    }
    assert!(session.write().is_none());
}

#[test]
fn an_export_goes_to_the_sessions_directory() {
    let dir = std::env::temp_dir().join(format!("chronicle-session-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let wire = Wire::default();
    let settings = settings(Duration::ZERO, &dir);
    let mut session = Session::new(shared(), settings, wire.clone(), (100, 30)).expect("session");
    for event in [key('e'), key('m')] {
        session.handle(event);
    }
    assert!(session.write().is_none());
    let written = std::fs::read_to_string(dir.join("chronicle-export.md"));
    std::fs::remove_dir_all(&dir).expect("cleaned up");
    assert!(written.expect("exported").starts_with("# Chronology"));
    let parser = wire.screen(100, 30);
    let contents = parser.screen().contents();
    assert!(
        contents.contains("exported 5 events as markdown"),
        "{contents}"
    );
}

#[test]
fn a_copy_goes_to_the_sessions_own_writer_as_osc_52() {
    let (mut session, wire) = started(Duration::ZERO);
    let before = wire.len();
    session.handle(key('y'));
    assert!(session.write().is_none());
    let bytes = wire.bytes();
    let at = find(&bytes[before..], b"\x1b]52;c;").expect("an OSC 52 sequence");
    let end = find(&bytes[before + at..], b"\x07").expect("ended by BEL");
    let payload = &bytes[before + at + 7..before + at + end];
    assert!(payload.len() > 20 && payload.len() % 4 == 0, "{payload:?}");
    let parser = wire.screen(100, 30);
    let contents = parser.screen().contents();
    assert!(
        contents.contains("copied the event and its source"),
        "{contents}"
    );
}

/// A corpus whose one article has a URL, in a fresh directory.
fn linked_corpus(name: &str) -> Shared {
    let dir = std::env::temp_dir().join(format!("chronicle-session-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("articles")).expect("temp dir");
    let files = [
        (
            "articles/a.md",
            "+++\nid = \"a\"\ntitle = \"Linked\"\nurl = \"https://example.org/story\"\n+++\nBody text.\n",
        ),
        (
            "events.toml",
            "[[event]]\nid = \"e\"\ndate = \"2023\"\ntitle = \"An event\"\nkind = \"other\"\n\
             summary = \"s\"\n[[event.source]]\narticle = \"a\"\nexcerpt = \"Body text.\"\n",
        ),
    ];
    for (path, text) in files {
        std::fs::write(dir.join(path), text).expect("corpus file");
    }
    let loaded = load(&Location::Dir(dir.clone()));
    std::fs::remove_dir_all(&dir).expect("cleaned up");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    Shared::new(loaded.corpus, loaded.problems)
}

/// Hyperlinks and colours are the session's own settings: two sessions
/// over the same corpus draw it each their way.
#[test]
fn each_session_draws_with_its_own_links_and_theme() {
    let shared = linked_corpus("links");
    let first_frame = |hyperlinks, theme| {
        let wire = Wire::default();
        let settings = Settings {
            hyperlinks,
            theme,
            ..settings(Duration::ZERO, Path::new("."))
        };
        let mut session =
            Session::new(shared.clone(), settings, wire.clone(), (100, 30)).expect("session");
        assert!(session.write().is_none());
        wire.bytes()
    };
    let link = b"\x1b]8;;https://example.org/story\x1b\\";
    let linked = first_frame(true, Theme::colour());
    assert!(find(&linked, link).is_some(), "no OSC 8 link");
    let plain = first_frame(false, Theme::colour());
    assert!(find(&plain, b"\x1b]8;").is_none(), "a link without asking");
    let mono = first_frame(false, Theme::mono());
    // crossterm writes every colour in its 256-colour form.
    assert!(find(&plain, b"\x1b[38;5;").is_some(), "no colour in colour");
    assert!(find(&mono, b"\x1b[38;5;").is_none(), "colour in mono");
}

#[test]
fn a_redraw_repaints_what_lost_frames_left_out() {
    let (mut session, wire) = started(Duration::ZERO);
    let mut seen = wire.bytes();
    // A frame the reader never got, then one drawn whole.
    session.handle(key('j'));
    assert!(session.write().is_none());
    session.handle(key('j'));
    session.redraw();
    let from = wire.len();
    assert!(session.write().is_none());
    seen.extend_from_slice(&wire.bytes()[from..]);
    let mut lossy = vt100::Parser::new(30, 100, 0);
    lossy.process(&seen);
    // The same keys, every frame received.
    let (mut whole, reference) = started(Duration::ZERO);
    whole.handle(key('j'));
    whole.handle(key('j'));
    assert!(whole.write().is_none());
    let reference = reference.screen(100, 30);
    let rows = |p: &vt100::Parser| -> Vec<String> { p.screen().rows(0, 100).collect() };
    assert_eq!(rows(&lossy), rows(&reference));
    let reversed = |p: &vt100::Parser| {
        (0..30)
            .flat_map(|r| (0..100).map(move |c| (r, c)))
            .filter(|&(r, c)| p.screen().cell(r, c).is_some_and(|cell| cell.inverse()))
            .count()
    };
    assert_eq!(reversed(&lossy), reversed(&reference));
}
