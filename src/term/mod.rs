//! The tty transport of a `Session`: this process's terminal in raw mode,
//! its keys, resizes and signals turned into session events by a blocking
//! loop (so nothing is drawn while idle), and a terminal that is restored
//! on quit, panic, SIGTERM and SIGHUP. When the terminal itself goes away
//! it exits at once with 129, writing nothing more to it.
//!
//! SIGTERM, SIGHUP and a terminal that is gone end the process from the
//! thread that learns of them, even while the event loop is busy (a long
//! paste into a filter over 350,000 events), and no exit frees the model:
//! the OS takes the memory back at once, where freeing it one allocation
//! at a time took a second.

mod input;
pub(crate) mod keys;

use std::io::{self, BufWriter, IsTerminal, Stdout, Write};
use std::mem::ManuallyDrop;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Mutex, MutexGuard};
use std::thread;
use std::time::Duration;

use crossterm::{cursor, execute, terminal};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::{Keymap, Shared};
use crate::hyperlink;
use crate::session::{Ended, Event, Session, Settings};
use crate::sgr::Sgr16;
use crate::ui::theme::Theme;

/// Exit code after a hang-up: 128 + SIGHUP.
pub const EXIT_HANGUP: u8 = 129;
/// Exit code after SIGTERM: 128 + SIGTERM.
pub const EXIT_TERMINATED: u8 = 143;

/// The session on the terminal: colours in their 16-colour codes, buffered.
type TtySession = Session<Sgr16<BufWriter<Stdout>>>;

/// Held while a frame or the restoring sequences are written, so that an
/// exit from another thread never leaves half a frame on the terminal.
static SCREEN: Mutex<()> = Mutex::new(());

fn screen() -> MutexGuard<'static, ()> {
    SCREEN.lock().unwrap_or_else(|e| e.into_inner())
}

/// Runs the explorer on this process's terminal until the user quits or
/// the terminal goes away, with the reader's keys and theme. The article
/// and event panes follow the timeline cursor once it has rested for
/// `follow_delay`; exports go to the directory the explorer started in.
pub fn run(shared: Shared, keymap: Keymap, theme: Theme, follow_delay: Duration) -> ExitCode {
    // Checked before anything is written, so that a pipe or a file gets no
    // escape sequences at all.
    let ttys = (io::stdin().is_terminal(), io::stdout().is_terminal());
    if let Some(which) = not_a_terminal(ttys) {
        eprintln!(
            "chronicle: the explorer needs a terminal, but {which} one \
             (`chronicle events` and `chronicle export` write to a pipe)"
        );
        return ExitCode::FAILURE;
    }
    let settings = Settings {
        keymap,
        theme,
        hyperlinks: hyperlink::supported(|name| std::env::var(name).ok()),
        follow_delay,
        export_dir: Some(PathBuf::from(".")),
    };
    match run_inner(shared, settings) {
        Ok(code) => code,
        Err(err) => {
            restore();
            eprintln!("chronicle: terminal error: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Says which of stdin and stdout (whether each is a terminal) is not.
fn not_a_terminal(ttys: (bool, bool)) -> Option<&'static str> {
    match ttys {
        (true, true) => None,
        (false, true) => Some("stdin is not"),
        (true, false) => Some("stdout is not"),
        (false, false) => Some("neither stdin nor stdout is"),
    }
}

fn run_inner(shared: Shared, settings: Settings) -> io::Result<ExitCode> {
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
                    if signal_tx.send(Event::Interrupt).is_err() {
                        break;
                    }
                }
            }
        }
    });
    install_panic_hook(restore);
    terminal::enable_raw_mode()?;
    // The resize pipe is in place before the size is read, so no resize
    // falls between the two.
    input::spawn(tx)?;
    let size = terminal::size()?;
    let out = Sgr16::new(BufWriter::with_capacity(1 << 16, io::stdout()));
    // Left to the OS on quit, like every other way out: freeing a large
    // corpus one allocation at a time takes a second.
    let mut session = ManuallyDrop::new(Session::new(shared, settings, out, size)?);
    Ok(event_loop(&mut session, &rx))
}

fn event_loop(session: &mut TtySession, rx: &Receiver<Event>) -> ExitCode {
    // Blocks until something happens: nothing is drawn while idle. While
    // the panes wait for the selection, it waits at most what the session
    // asks for.
    loop {
        let written = {
            let _writing = screen();
            session.write()
        };
        match written {
            None => {}
            Some(Ended::Quit) => {
                let _ = terminal::disable_raw_mode();
                return ExitCode::SUCCESS;
            }
            // The terminal is gone: restoring it would write into nothing.
            Some(Ended::HangUp | Ended::Failed(_)) => hang_up(),
        }
        let first = match session.wait() {
            Some(wait) => match rx.recv_timeout(wait) {
                Ok(event) => event,
                Err(RecvTimeoutError::Timeout) => Event::Rest,
                Err(RecvTimeoutError::Disconnected) => Event::HangUp,
            },
            None => rx.recv().unwrap_or(Event::HangUp),
        };
        session.handle(first);
        // Handle everything already queued before drawing once, so a
        // storm of resizes or pasted keys costs one frame.
        while session.running() {
            let Ok(event) = rx.try_recv() else { break };
            session.handle(event);
        }
    }
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

/// Leaves raw mode and the alternate screen, for the ways out that do not
/// go through the session (a panic, a signal, a failed start): on quit the
/// session writes its own. Safe to call twice.
fn restore() {
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
