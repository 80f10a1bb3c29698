//! Running the explorer on the real terminal: raw mode and the alternate
//! screen, a blocking event loop that draws only after input or a resize,
//! and a terminal that is restored on quit, panic, SIGTERM and SIGHUP. When
//! the terminal itself goes away it exits at once with 129, writing nothing
//! more to it.
//!
//! SIGTERM, SIGHUP and a terminal that is gone end the process from the
//! thread that learns of them, even while the event loop is busy (a long
//! paste into a filter over 350,000 events), and no exit frees the model:
//! the OS takes the memory back at once, where freeing it one allocation
//! at a time took a second.

mod input;
mod keys;

use std::io::{self, BufWriter, Stdout, Write};
use std::mem::ManuallyDrop;
use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Mutex, MutexGuard};
use std::thread;
use std::time::Duration;

use crossterm::event::KeyEvent;
use crossterm::{cursor, execute, terminal};
use ratatui::backend::CrosstermBackend;
use ratatui::{Terminal, TerminalOptions, Viewport};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::{Action, App, Shared};
use crate::effects;
use crate::hyperlink;
use crate::sgr::Sgr16;
use crate::ui::{self, theme::Theme};

/// Exit code after a hang-up: 128 + SIGHUP.
pub const EXIT_HANGUP: u8 = 129;
/// Exit code after SIGTERM: 128 + SIGTERM.
pub const EXIT_TERMINATED: u8 = 143;

/// The terminal as drawn on: colours in their 16-colour codes, buffered.
type Screen = Terminal<CrosstermBackend<Sgr16<BufWriter<Stdout>>>>;

enum Message {
    Key(KeyEvent),
    /// The window changed size; `draw` reads the new size.
    Resize,
    /// SIGINT: quit, as `C-c` does.
    Interrupt,
}

/// Held while a frame or the restoring sequences are written, so that an
/// exit from another thread never leaves half a frame on the terminal.
static SCREEN: Mutex<()> = Mutex::new(());

fn screen() -> MutexGuard<'static, ()> {
    SCREEN.lock().unwrap_or_else(|e| e.into_inner())
}

/// Runs the explorer until the user quits or the terminal goes away. The
/// article and event panes follow the timeline cursor once it has rested
/// for `follow_delay`.
pub fn run(shared: Shared, theme: Theme, follow_delay: Duration) -> ExitCode {
    match run_inner(shared, theme, follow_delay) {
        Ok(code) => code,
        Err(err) => {
            restore();
            eprintln!("chronicle: terminal error: {err}");
            ExitCode::FAILURE
        }
    }
}

/// How one session is drawn: its own theme, whether its terminal gets
/// hyperlinks, and how long the selection rests before the panes follow it.
/// Nothing about the terminal is global.
struct View {
    theme: Theme,
    hyperlinks: bool,
    follow_delay: Duration,
}

fn run_inner(shared: Shared, theme: Theme, follow_delay: Duration) -> io::Result<ExitCode> {
    let view = View {
        theme,
        hyperlinks: hyperlink::supported(|name| std::env::var(name).ok()),
        follow_delay,
    };
    let (tx, rx) = mpsc::channel();
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT])?;
    let signal_tx = tx.clone();
    thread::spawn(move || {
        for signal in signals.forever() {
            match signal {
                SIGTERM => leave(EXIT_TERMINATED, true),
                // A hang-up signal while the terminal still answers (say,
                // `kill -HUP`) restores it; a terminal that is gone gets
                // nothing more written to it.
                SIGHUP => leave(EXIT_HANGUP, terminal_alive()),
                _ => {
                    if signal_tx.send(Message::Interrupt).is_err() {
                        break;
                    }
                }
            }
        }
    });
    install_panic_hook(restore);
    terminal::enable_raw_mode()?;
    execute!(io::stdout(), terminal::EnterAlternateScreen, cursor::Hide)?;
    input::spawn(tx)?;

    let out = Sgr16::new(BufWriter::with_capacity(1 << 16, io::stdout()));
    let backend = CrosstermBackend::new(out);
    let (w, h) = terminal::size()?;
    // Left to the OS on quit, like every other way out.
    let mut app = ManuallyDrop::new(App::new(shared, w, h));
    // A fixed viewport: ratatui never reads the size itself, so `draw`
    // alone decides the area (and caps it) for each frame.
    let viewport = Viewport::Fixed(app.size);
    let mut term = Terminal::with_options(backend, TerminalOptions { viewport })?;
    if draw(&mut term, &mut app, &view).is_err() {
        hang_up();
    }
    event_loop(&mut term, &mut app, &view, &rx)
}

fn event_loop(
    term: &mut Screen,
    app: &mut App,
    view: &View,
    rx: &Receiver<Message>,
) -> io::Result<ExitCode> {
    // Blocks until something happens: nothing is drawn while idle. While
    // the panes wait for the selection, it waits at most `follow_delay`.
    loop {
        let first = if app.follow_pending() {
            match rx.recv_timeout(view.follow_delay) {
                Ok(message) => message,
                Err(RecvTimeoutError::Timeout) => {
                    app.update(Action::Follow);
                    if draw(term, app, view).is_err() {
                        hang_up();
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => break,
            }
        } else {
            match rx.recv() {
                Ok(message) => message,
                Err(_) => break,
            }
        };
        let mut dirty = false;
        // Handle everything already queued before drawing once, so a
        // storm of resizes or pasted keys costs one frame.
        for message in std::iter::once(first).chain(rx.try_iter()) {
            match message {
                Message::Key(key) => {
                    if let Some(effect) = app.handle_key(&key) {
                        // Exports go to the directory the explorer started in.
                        let done = effects::perform(effect, app.corpus(), Path::new("."));
                        app.done(done);
                    }
                    dirty = true;
                }
                Message::Resize => dirty = true,
                Message::Interrupt => {
                    app.update(Action::Quit);
                }
            }
            if !app.running {
                let _writing = screen();
                restore();
                return Ok(ExitCode::SUCCESS);
            }
        }
        if view.follow_delay.is_zero() {
            app.update(Action::Follow);
        }
        if dirty && draw(term, app, view).is_err() {
            hang_up();
        }
    }
    hang_up()
}

/// Draws one frame at the terminal's size, read once here: the app's
/// scrolling, the layout (from the frame's area) and ratatui's buffers all
/// use it, so a resize arriving meanwhile cannot make them disagree.
fn draw(term: &mut Screen, app: &mut App, view: &View) -> io::Result<()> {
    let _writing = screen();
    let (width, height) = terminal::size()?;
    if app.terminal != (width, height) {
        app.update(Action::Resize(width, height));
    }
    if app.size.is_empty() {
        return Ok(());
    }
    if term.get_frame().area() != app.size {
        term.resize(app.size)?;
    }
    let links = if view.hyperlinks {
        ui::links(app)
    } else {
        Vec::new()
    };
    let frame = term.draw(|frame| ui::render(frame, app, &view.theme))?;
    // The frame's cells, for reprinting the linked ones inside OSC 8.
    let drawn = (!links.is_empty()).then(|| frame.buffer.clone());
    if let Some(buffer) = drawn {
        hyperlink::write(term.backend_mut(), &buffer, &links)?;
    }
    Ok(())
}

/// Whether the terminal drawn on still answers: one that hung up reports
/// POLLHUP (or an error) without anything being written to it.
fn terminal_alive() -> bool {
    use rustix::event::{PollFd, PollFlags, Timespec};
    let stdout = io::stdout();
    let mut fds = [PollFd::new(&stdout, PollFlags::OUT)];
    let now = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    let dead = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
    rustix::event::poll(&mut fds, Some(&now)).is_ok() && !fds[0].revents().intersects(dead)
}

/// The terminal is gone: restoring it would write into nothing.
fn hang_up() -> ! {
    leave(EXIT_HANGUP, false)
}

/// Ends the process from any thread once no frame is being written,
/// restoring the terminal first if asked, without freeing anything.
fn leave(code: u8, restore_terminal: bool) -> ! {
    let _writing = screen();
    if restore_terminal {
        restore();
    }
    std::process::exit(i32::from(code));
}

/// Leaves raw mode and the alternate screen. Safe to call twice.
pub fn restore() {
    let _ = terminal::disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(out, terminal::LeaveAlternateScreen, cursor::Show);
    let _ = out.flush();
}

/// Restores the terminal (with `restore`) before the panic message prints,
/// so it is readable, then runs the previous hook.
fn install_panic_hook(restore: fn()) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    /// What the hooks did, for panics of the test's own thread only: other
    /// tests of this binary may panic at the same time.
    static SEEN: Mutex<Vec<&str>> = Mutex::new(Vec::new());
    const THREAD: &str = "panic-hook-test";

    fn note(what: &'static str) {
        if std::thread::current().name() == Some(THREAD) {
            SEEN.lock().unwrap_or_else(|e| e.into_inner()).push(what);
        }
    }

    #[test]
    fn a_panic_restores_the_terminal_then_runs_the_previous_hook() {
        std::panic::set_hook(Box::new(|_| note("previous hook")));
        install_panic_hook(|| note("restore"));
        let panicked = std::thread::Builder::new()
            .name(THREAD.into())
            .spawn(|| panic!("on purpose"))
            .expect("spawn")
            .join()
            .is_err();
        drop(std::panic::take_hook());
        assert!(panicked);
        let seen = SEEN.lock().unwrap_or_else(|e| e.into_inner()).clone();
        assert_eq!(seen, ["restore", "previous hook"]);
    }
}
