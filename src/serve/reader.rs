//! One reader's explorer on its own thread: the channel's input turned
//! into session events, frames written back to the channel, until the
//! reader quits, goes away or rests past the idle timeout. Input waits in
//! a bounded queue, so a reader typing faster than their session draws
//! slows down their own link only.

use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

use russh::server::Handle;
use russh::ChannelId;
use tokio::sync::mpsc::error::TryRecvError;
use tokio::sync::mpsc::Receiver;

use super::input::{self, Input};
use super::output::Output;
use super::terminal::Terminal;
use super::{log, Context};
use crate::app::Shared;
use crate::session::{Ended, Event, Session, Settings};
use crate::sgr::Sgr16;

/// Turns bracketed paste on (the reader's terminal then marks pastes).
pub const PASTE_ON: &[u8] = b"\x1b[?2004h";
pub const PASTE_OFF: &[u8] = b"\x1b[?2004l";

/// What the connection hands the reader's thread.
#[derive(Debug)]
pub enum Feed {
    Bytes(Vec<u8>),
    Resize(u16, u16),
    /// The client closed the channel or sent EOF.
    HangUp,
    /// The server is stopping: the reader is told, and the session ends.
    Goodbye,
}

/// How a reader's session ended.
#[derive(Debug)]
pub enum End {
    Quit,
    HangUp,
    /// Nothing came for the idle timeout: the reader was told and closed.
    Idle,
    /// The server stopped.
    Goodbye,
    Failed(std::io::Error),
}

impl End {
    pub fn describe(&self) -> String {
        match self {
            End::Quit => "quit".into(),
            End::HangUp => "hung up".into(),
            End::Idle => "idle timeout".into(),
            End::Goodbye => "server stopped".into(),
            End::Failed(err) => format!("write failed: {err}"),
        }
    }
}

/// What a reader's thread needs.
pub struct Reader {
    pub context: Arc<Context>,
    /// The connection's number, in the log and the list of readers.
    pub id: u64,
    /// Who and from where, for the log.
    pub label: String,
    pub terminal: Terminal,
    pub handle: Handle,
    pub channel: ChannelId,
    pub feed: Receiver<Feed>,
}

impl Reader {
    /// Runs the reader's explorer on a thread of its own. A panic in it
    /// ends this reader's session only: their terminal is put back, and
    /// the channel closed with exit status 1.
    pub fn spawn(self) -> std::io::Result<()> {
        let runtime = tokio::runtime::Handle::current();
        std::thread::Builder::new()
            .name(format!("reader-{}", self.id))
            .spawn(move || self.run_to_end(&runtime))
            .map(drop)
    }

    fn run_to_end(mut self, runtime: &tokio::runtime::Handle) {
        let started = Instant::now();
        let context = self.context.clone();
        let settings = self.terminal.settings(context.export_dir.clone());
        let (handle, channel) = (self.handle.clone(), self.channel);
        let output = Output::new(handle.clone(), channel, runtime.clone(), PASTE_ON);
        let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run(
                context.shared.clone(),
                settings,
                self.terminal.size,
                output,
                &mut self.feed,
                runtime,
                context.idle,
            )
        }));
        let mut out = Output::new(handle.clone(), channel, runtime.clone(), &[]);
        let (how, status) = match &ran {
            Ok(end @ End::Quit) => (end.describe(), Some(0)),
            Ok(end @ End::Idle) => {
                let idle = context.idle.unwrap_or_default();
                let _ = write!(
                    out,
                    "chronicle: closed after {} without input\r\n",
                    super::elapsed(idle)
                );
                (end.describe(), Some(0))
            }
            Ok(end @ End::Goodbye) => {
                let _ = write!(out, "chronicle: the server is stopping; goodbye\r\n");
                (end.describe(), Some(0))
            }
            Ok(end) => (end.describe(), None),
            Err(_) => {
                let _ = write_crash(&mut out);
                ("panicked".to_owned(), Some(1))
            }
        };
        match status {
            Some(status) => {
                let _ = out.write_all(PASTE_OFF);
                let _ = out.flush();
                runtime.block_on(super::connection::close(&handle, channel, status));
            }
            // Nobody is left to tell.
            None => runtime.block_on(async {
                let _ = handle.close(channel).await;
            }),
        }
        log::line(format!(
            "{}: ended ({how}) after {}",
            self.label,
            super::elapsed(started.elapsed())
        ));
        // Last: a stopping server waits for this.
        context.dismiss(self.id);
    }
}

/// Runs one reader's explorer until it ends.
fn run(
    shared: Shared,
    settings: Settings,
    size: (u16, u16),
    output: Output,
    feed: &mut Receiver<Feed>,
    runtime: &tokio::runtime::Handle,
    idle: Option<Duration>,
) -> End {
    let gone = output.gone();
    let mut session = match Session::new(shared, settings, Sgr16::new(output), size) {
        Ok(session) => session,
        Err(err) => return End::Failed(err),
    };
    let mut input = Input::default();
    let mut events = Vec::new();
    let mut last = Instant::now();
    let mut goodbye = false;
    loop {
        match session.write() {
            None => {}
            Some(Ended::Quit) if goodbye => return End::Goodbye,
            Some(Ended::Quit) if idle.is_some_and(|i| last.elapsed() >= i) => return End::Idle,
            Some(Ended::Quit) => return End::Quit,
            Some(Ended::HangUp) => {
                // Nothing more goes out, not even what dropping the
                // terminal would write.
                gone.store(true, std::sync::atomic::Ordering::SeqCst);
                return End::HangUp;
            }
            Some(Ended::Failed(err)) => return End::Failed(err),
        }
        // The soonest of: a lone Esc's pause, the panes' follow delay,
        // the idle timeout, each counted from the last input.
        let waits = [
            input.pending().then_some(input::TIMEOUT),
            session.wait(),
            idle,
        ];
        let wait = waits.into_iter().flatten().min();
        let first = match wait {
            Some(wait) => {
                let left = wait.saturating_sub(last.elapsed());
                // The timer is made inside the runtime, which it needs.
                let recv = async { tokio::time::timeout(left, feed.recv()).await };
                match runtime.block_on(recv) {
                    Ok(got) => got,
                    Err(_) => {
                        let rested = last.elapsed();
                        if input.pending() && rested >= input::TIMEOUT {
                            input.timeout(&mut events);
                        }
                        if session.wait().is_some_and(|w| rested >= w) {
                            events.push(Event::Rest);
                        }
                        if idle.is_some_and(|i| rested >= i) {
                            events.push(Event::Interrupt);
                        }
                        for event in events.drain(..) {
                            session.handle(event);
                        }
                        continue;
                    }
                }
            }
            None => runtime.block_on(feed.recv()),
        };
        last = Instant::now();
        let mut next = first;
        // Everything already queued is handled before one frame is drawn.
        loop {
            match next {
                Some(Feed::Bytes(bytes)) => input.feed(&bytes, &mut events),
                Some(Feed::Resize(w, h)) => events.push(Event::Resize(w, h)),
                Some(Feed::HangUp) | None => events.push(Event::HangUp),
                Some(Feed::Goodbye) => {
                    goodbye = true;
                    events.push(Event::Interrupt);
                }
            }
            for event in events.drain(..) {
                session.handle(event);
            }
            // A session that ended (a hang-up, a quit) takes nothing more.
            if !session.running() {
                break;
            }
            next = match feed.try_recv() {
                Ok(feed) => Some(feed),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => None,
            };
        }
    }
}

/// What a reader sees when their session ends on a panic: the terminal
/// put back, and a line saying so.
pub fn write_crash(out: &mut impl Write) -> std::io::Result<()> {
    out.write_all(b"\x1b[?1049l\x1b[?25h")?;
    out.write_all(PASTE_OFF)?;
    out.write_all(b"\r\nchronicle: this session hit an internal error and ended\r\n")?;
    out.flush()
}
