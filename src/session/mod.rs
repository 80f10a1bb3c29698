//! One reader's explorer: their `App`, how it is drawn for them, and a
//! ratatui terminal over any writer. A transport (the tty in `term`, or a
//! network connection) feeds it events and calls `write`; the session
//! never reads the process's environment, its terminal or a clock, so the
//! same bytes come out for the same events wherever it runs.
//!
//! The screen's size comes only from `Event::Resize`: the app's layout,
//! its scrolling and ratatui's fixed viewport all use that one size.

use std::io::{self, Write};
use std::path::PathBuf;
use std::time::Duration;

use crossterm::event::KeyEvent;
use crossterm::{cursor, queue, style, terminal};
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::app::{Action, App, Keymap, Shared};
use crate::effects;
use crate::hyperlink;
use crate::ui::{self, theme::Theme};
use remote::Remote;

mod remote;

/// How one reader's session looks and behaves: their keys, their theme
/// (colour or mono), whether their terminal gets hyperlinks, how long the
/// selection rests before the panes follow it, and where exports go
/// (nowhere: `None`, as on a server that keeps no files for readers).
pub struct Settings {
    pub keymap: Keymap,
    pub theme: Theme,
    pub hyperlinks: bool,
    pub follow_delay: Duration,
    pub export_dir: Option<PathBuf>,
}

/// What a transport hands the session.
#[derive(Debug, Clone)]
pub enum Event {
    Key(KeyEvent),
    /// Text pasted as a whole: typed into an open filter input, ignored
    /// elsewhere (so a pasted `q` never quits).
    Paste(String),
    /// The reader's screen is now this many columns and rows.
    Resize(u16, u16),
    /// Asked to quit from outside (SIGINT): what the quit key does.
    Interrupt,
    /// Nothing came for the time `Session::wait` asked for.
    Rest,
    /// The reader is gone: nothing more is written.
    HangUp,
}

/// How a session ended.
#[derive(Debug)]
pub enum Ended {
    /// The reader quit; the restoring sequences were written.
    Quit,
    /// The reader went away (`Event::HangUp`); nothing more was written.
    HangUp,
    /// Writing to the reader failed.
    Failed(io::Error),
}

/// Where a session is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Nothing written yet: the alternate screen is entered first.
    New,
    Running,
    HungUp,
    Over,
}

pub struct Session<W: Write> {
    app: App,
    terminal: Terminal<Remote<W>>,
    theme: Theme,
    hyperlinks: bool,
    follow_delay: Duration,
    export_dir: Option<PathBuf>,
    stage: Stage,
    /// Whether the state changed since the last frame.
    dirty: bool,
    /// Whether the next frame is drawn whole rather than as changes.
    whole: bool,
}

impl<W: Write> Session<W> {
    /// A session for a screen of `size` (columns, rows) drawn on `out`.
    /// Nothing is written until `write`.
    pub fn new(shared: Shared, settings: Settings, out: W, size: (u16, u16)) -> io::Result<Self> {
        let app = App::new(shared, settings.keymap, size.0, size.1);
        // A fixed viewport, over a backend told the size rather than
        // asking a terminal: `Event::Resize` alone decides each frame's area.
        let viewport = Viewport::Fixed(app.size);
        let backend = Remote::new(out, app.terminal.into());
        let terminal = Terminal::with_options(backend, TerminalOptions { viewport })?;
        Ok(Session {
            app,
            terminal,
            theme: settings.theme,
            hyperlinks: settings.hyperlinks,
            follow_delay: settings.follow_delay,
            export_dir: settings.export_dir,
            stage: Stage::New,
            dirty: true,
            whole: false,
        })
    }

    /// False once the reader quit or went away: later events are ignored.
    pub fn running(&self) -> bool {
        matches!(self.stage, Stage::New | Stage::Running) && self.app.running
    }

    /// How long the transport may wait for the next event before sending
    /// `Event::Rest`; `None` to wait for as long as it takes.
    pub fn wait(&self) -> Option<Duration> {
        self.app.follow_pending().then_some(self.follow_delay)
    }

    /// Applies one event to the state. Writes nothing: a transport may
    /// handle a batch of events, then `write` once.
    pub fn handle(&mut self, event: Event) {
        if !self.running() {
            return;
        }
        match event {
            Event::Key(key) => {
                if let Some(action) = self.app.action_for(&key) {
                    self.apply(action);
                }
            }
            Event::Paste(text) => {
                if self.app.input().is_some() {
                    for c in text.chars() {
                        self.apply(Action::Insert(c));
                    }
                }
            }
            Event::Resize(width, height) => {
                if self.app.terminal != (width, height) {
                    self.apply(Action::Resize(width, height));
                }
            }
            Event::Interrupt => self.apply(Action::Quit),
            Event::Rest => {
                if self.app.follow_pending() {
                    self.apply(Action::Follow);
                }
            }
            Event::HangUp => self.stage = Stage::HungUp,
        }
        // Without a delay the panes follow the selection at once.
        if self.follow_delay.is_zero() && self.app.follow_pending() {
            self.apply(Action::Follow);
        }
    }

    /// Draws the next frame whole, not as changes to the last one: the
    /// transport dropped frames the reader never saw.
    pub fn redraw(&mut self) {
        self.whole = true;
        self.dirty = true;
    }

    /// Applies an action, and carries out what it asks for.
    fn apply(&mut self, action: Action) {
        if let Some(effect) = self.app.update(action) {
            let out = self.terminal.backend_mut();
            let done = effects::perform(
                effect,
                &self.app.shared.corpus,
                self.export_dir.as_deref(),
                out,
            );
            self.app.done(done);
        }
        self.dirty = true;
    }

    /// Writes what the events since the last call asked for: nothing if
    /// the state did not change, else a frame; the restoring sequences
    /// once the reader quit. Returns how the session ended once it has;
    /// after that, it writes nothing more.
    pub fn write(&mut self) -> Option<Ended> {
        match self.stage {
            Stage::Over => return None,
            Stage::HungUp => {
                self.stage = Stage::Over;
                return Some(Ended::HangUp);
            }
            Stage::New | Stage::Running => {}
        }
        if !self.app.running {
            self.stage = Stage::Over;
            // Said once, whether or not the writer takes it: there is
            // nobody left to tell.
            let _ = self.restore();
            return Some(Ended::Quit);
        }
        let written = self.open().and_then(|()| self.frame());
        written.err().map(|err| {
            self.stage = Stage::Over;
            Ended::Failed(err)
        })
    }

    /// Enters the alternate screen and hides the cursor, the first time.
    fn open(&mut self) -> io::Result<()> {
        if self.stage == Stage::New {
            self.stage = Stage::Running;
            let out = self.terminal.backend_mut();
            queue!(out, terminal::EnterAlternateScreen, cursor::Hide)?;
        }
        Ok(())
    }

    /// Leaves the alternate screen and shows the cursor again.
    fn restore(&mut self) -> io::Result<()> {
        let out = self.terminal.backend_mut();
        queue!(out, terminal::LeaveAlternateScreen, cursor::Show)?;
        out.flush()
    }

    /// Draws a frame if the state changed, at the app's size.
    fn frame(&mut self) -> io::Result<()> {
        if !std::mem::take(&mut self.dirty) {
            return Ok(());
        }
        let app = &self.app;
        if app.size.is_empty() {
            return self.terminal.backend_mut().flush();
        }
        if self.terminal.get_frame().area() != app.size {
            self.terminal.backend_mut().size = app.terminal.into();
            self.terminal.resize(app.size)?;
        }
        if std::mem::take(&mut self.whole) {
            // Not `Terminal::clear`: it asks the process's own terminal
            // for the cursor and size. The screen is wiped here, and the
            // frame diffed against a blank one, so every cell is sent.
            let out = self.terminal.backend_mut();
            queue!(
                out,
                style::SetAttribute(style::Attribute::Reset),
                terminal::Clear(terminal::ClearType::All)
            )?;
            self.terminal.swap_buffers();
        }
        let links = if self.hyperlinks {
            ui::links(app)
        } else {
            Vec::new()
        };
        let theme = &self.theme;
        let frame = self.terminal.draw(|frame| ui::render(frame, app, theme))?;
        // The frame's cells, for reprinting the linked ones inside OSC 8.
        let drawn = (!links.is_empty()).then(|| frame.buffer.clone());
        if let Some(buffer) = drawn {
            hyperlink::write(self.terminal.backend_mut(), &buffer, &links)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
