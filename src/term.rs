//! Running the explorer on the real terminal: raw mode and the alternate
//! screen, a blocking event loop that draws only after input or a resize,
//! and a terminal that is restored on quit, panic and SIGTERM. On SIGHUP
//! (or when the terminal stops answering) it exits at once with 129,
//! writing nothing more to a terminal that is gone.

use std::io::{self, BufWriter, Stdout, Write};
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use crossterm::event::{self, Event, KeyEventKind};
use crossterm::{cursor, execute, terminal};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::{Action, App, Shared};
use crate::ui::{self, theme::Theme};

/// Exit code after a hang-up: 128 + SIGHUP.
pub const EXIT_HANGUP: u8 = 129;
/// Exit code after SIGTERM: 128 + SIGTERM.
pub const EXIT_TERMINATED: u8 = 143;

enum Message {
    Input(Event),
    Signal(i32),
    /// Reading the terminal failed: it is gone.
    Gone,
}

/// Runs the explorer until the user quits or the terminal goes away.
pub fn run(shared: Shared, theme: Theme) -> ExitCode {
    match run_inner(shared, theme) {
        Ok(code) => code,
        Err(err) => {
            restore();
            eprintln!("chronicle: terminal error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run_inner(shared: Shared, theme: Theme) -> io::Result<ExitCode> {
    let (tx, rx) = mpsc::channel();
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT])?;
    let signal_tx = tx.clone();
    thread::spawn(move || {
        for signal in signals.forever() {
            if signal_tx.send(Message::Signal(signal)).is_err() {
                break;
            }
        }
    });
    install_panic_hook();
    terminal::enable_raw_mode()?;
    execute!(io::stdout(), terminal::EnterAlternateScreen, cursor::Hide)?;
    // Sets up crossterm's event source (and its SIGWINCH handler) before
    // the size is read and the first frame drawn: a resize in between
    // would otherwise be lost.
    event::poll(Duration::ZERO)?;
    spawn_input(tx);

    let backend = CrosstermBackend::new(BufWriter::with_capacity(1 << 16, io::stdout()));
    let mut term = Terminal::new(backend)?;
    let (w, h) = terminal::size()?;
    let mut app = App::new(shared, w, h);
    if draw(&mut term, &app, &theme).is_err() {
        return Ok(hang_up());
    }
    event_loop(&mut term, &mut app, &theme, &rx)
}

fn event_loop(
    term: &mut Terminal<CrosstermBackend<BufWriter<Stdout>>>,
    app: &mut App,
    theme: &Theme,
    rx: &Receiver<Message>,
) -> io::Result<ExitCode> {
    // Blocks until something happens: nothing is drawn while idle.
    while let Ok(first) = rx.recv() {
        let mut dirty = false;
        // Handle everything already queued before drawing once, so a
        // storm of resizes or pasted keys costs one frame.
        for message in std::iter::once(first).chain(rx.try_iter()) {
            match message {
                Message::Input(Event::Key(key)) if key.kind != KeyEventKind::Release => {
                    app.handle_key(&key);
                    dirty = true;
                }
                Message::Input(Event::Resize(w, h)) => {
                    app.update(Action::Resize(w, h));
                    dirty = true;
                }
                Message::Input(_) => {}
                Message::Signal(SIGTERM) => {
                    restore();
                    return Ok(ExitCode::from(EXIT_TERMINATED));
                }
                Message::Signal(SIGINT) => app.update(Action::Quit),
                Message::Signal(_) | Message::Gone => return Ok(hang_up()),
            }
            if !app.running {
                restore();
                return Ok(ExitCode::SUCCESS);
            }
        }
        if dirty && draw(term, app, theme).is_err() {
            return Ok(hang_up());
        }
    }
    Ok(hang_up())
}

fn draw(
    term: &mut Terminal<CrosstermBackend<BufWriter<Stdout>>>,
    app: &App,
    theme: &Theme,
) -> io::Result<()> {
    if app.size.width == 0 || app.size.height == 0 {
        return Ok(());
    }
    term.draw(|frame| ui::render(frame, app, theme))?;
    Ok(())
}

/// Reads terminal events on their own thread, so the main loop can wait
/// on signals and input at once.
fn spawn_input(tx: Sender<Message>) {
    thread::spawn(move || loop {
        let message = match event::read() {
            Ok(event) => Message::Input(event),
            Err(_) => Message::Gone,
        };
        let gone = matches!(message, Message::Gone);
        if tx.send(message).is_err() || gone {
            break;
        }
    });
}

/// The terminal is gone: restoring it would write into nothing.
fn hang_up() -> ExitCode {
    // Leave at once: the input thread may be blocked on a dead terminal.
    std::process::exit(i32::from(EXIT_HANGUP));
}

/// Leaves raw mode and the alternate screen. Safe to call twice.
pub fn restore() {
    let _ = terminal::disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(out, terminal::LeaveAlternateScreen, cursor::Show);
    let _ = out.flush();
}

/// Restores the terminal before the panic message prints, so it is
/// readable, then runs the previous hook.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}
