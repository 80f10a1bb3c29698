//! One reader's explorer on its own thread: the channel's input turned
//! into session events, frames written back to the channel, until the
//! reader quits, goes away or rests past the idle timeout. Input waits in
//! a bounded queue, so a reader typing faster than their session draws
//! slows down their own link only.

use std::io::Write;
use std::time::{Duration, Instant};

use tokio::sync::mpsc::error::TryRecvError;
use tokio::sync::mpsc::Receiver;

use super::input::{self, Input};
use super::output::Output;
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
}

/// How a reader's session ended.
#[derive(Debug)]
pub enum End {
    Quit,
    HangUp,
    /// Nothing came for the idle timeout: the reader was told and closed.
    Idle,
    Failed(std::io::Error),
}

impl End {
    pub fn describe(&self) -> String {
        match self {
            End::Quit => "quit".into(),
            End::HangUp => "hung up".into(),
            End::Idle => "idle timeout".into(),
            End::Failed(err) => format!("write failed: {err}"),
        }
    }
}

/// Runs one reader's explorer until it ends.
pub fn run(
    shared: Shared,
    settings: Settings,
    size: (u16, u16),
    output: Output,
    feed: &mut Receiver<Feed>,
    runtime: &tokio::runtime::Handle,
    idle: Option<Duration>,
) -> End {
    let mut session = match Session::new(shared, settings, Sgr16::new(output), size) {
        Ok(session) => session,
        Err(err) => return End::Failed(err),
    };
    let mut input = Input::default();
    let mut events = Vec::new();
    let mut last = Instant::now();
    loop {
        match session.write() {
            None => {}
            Some(Ended::Quit) if idle.is_some_and(|i| last.elapsed() >= i) => return End::Idle,
            Some(Ended::Quit) => return End::Quit,
            Some(Ended::HangUp) => return End::HangUp,
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
            }
            for event in events.drain(..) {
                session.handle(event);
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
