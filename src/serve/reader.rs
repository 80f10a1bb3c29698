//! One reader's explorer on its own thread: the channel's input turned
//! into session events, frames written back to the channel, until the
//! reader quits, goes away or rests past the idle timeout. Input waits in
//! a bounded queue, so a reader typing faster than their session draws
//! slows down their own link only.

use std::io::Write;
use std::sync::atomic::Ordering;
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
use crate::session::{Ended, Event, Session, Settings};
use crate::sgr::Sgr16;

/// Turns bracketed paste on (the reader's terminal then marks pastes).
pub const PASTE_ON: &[u8] = b"\x1b[?2004h";
pub const PASTE_OFF: &[u8] = b"\x1b[?2004l";

/// How long a reader whose link stalled waits before trying a frame again.
const RETRY: Duration = Duration::from_millis(250);
/// How long a reader's thread waits for their channel to close.
const FAREWELL: Duration = Duration::from_millis(500);
/// Leaves the alternate screen and shows the cursor.
const RESTORE: &[u8] = b"\x1b[?1049l\x1b[?25h";

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
        let settings = self
            .terminal
            .settings(&context.base, context.export_dir.clone());
        let (handle, channel) = (self.handle.clone(), self.channel);
        let output = Output::new(handle.clone(), channel, runtime.clone(), PASTE_ON);
        let stalled = output.stalled();
        let ran = isolated(|| {
            let link = Link {
                feed: &mut self.feed,
                runtime,
                label: &self.label,
            };
            run(&context, settings, self.terminal.size, output, link)
        });
        // The session's restoring sequences were dropped if its output
        // stalled at the end: they are said again.
        let ending = Ending::of(&ran, context.idle, stalled.load(Ordering::SeqCst));
        let closed = runtime.spawn(async move {
            match ending.status {
                Some(status) => {
                    let _ = handle.data(channel, ending.words).await;
                    super::connection::close(&handle, channel, status).await;
                }
                // Nobody is left to tell.
                None => {
                    let _ = handle.close(channel).await;
                }
            }
        });
        // A reader who does not read holds up their own close only: it
        // goes on without this thread, and ends with the connection.
        let _ = runtime.block_on(async { tokio::time::timeout(FAREWELL, closed).await });
        log::line(format!(
            "{}: ended ({}) after {}",
            self.label,
            ending.how,
            super::elapsed(started.elapsed())
        ));
        // Last: a stopping server waits for this.
        context.dismiss(self.id);
    }
}

/// Runs a reader's session, catching a panic in it: the panic ends that
/// session only, never the server or the other readers' threads.
fn isolated(session: impl FnOnce() -> End) -> std::thread::Result<End> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(session))
}

/// How a reader's channel is closed once their session ended.
#[derive(Debug)]
struct Ending {
    /// How it ended, for the log.
    how: String,
    /// What the reader is told last.
    words: Vec<u8>,
    /// The channel's exit status; `None` when nobody is left to tell.
    status: Option<u32>,
}

impl Ending {
    /// The ending for a session that ran as `ran` says; `stalled`: its
    /// last bytes may not have reached the reader.
    fn of(ran: &std::thread::Result<End>, idle: Option<Duration>, stalled: bool) -> Ending {
        let mut words = Vec::new();
        if stalled {
            words.extend_from_slice(RESTORE);
        }
        let status = match ran {
            Ok(End::Quit) => Some(0),
            Ok(End::Idle) => {
                let idle = super::elapsed(idle.unwrap_or_default());
                let line = format!("chronicle: closed after {idle} without input\r\n");
                words.extend_from_slice(line.as_bytes());
                Some(0)
            }
            Ok(End::Goodbye) => {
                words.extend_from_slice(b"chronicle: the server is stopping; goodbye\r\n");
                Some(0)
            }
            Ok(End::HangUp | End::Failed(_)) => None,
            Err(_) => {
                words.clear();
                let _ = write_crash(&mut words);
                Some(1)
            }
        };
        if status == Some(0) {
            words.extend_from_slice(PASTE_OFF);
        }
        let how = match ran {
            Ok(end) => end.describe(),
            Err(_) => "panicked".to_owned(),
        };
        Ending { how, words, status }
    }
}

/// How a reader's thread reaches their connection.
struct Link<'a> {
    feed: &'a mut Receiver<Feed>,
    runtime: &'a tokio::runtime::Handle,
    /// Who and from where, for the log.
    label: &'a str,
}

/// Runs one reader's explorer until it ends.
fn run(context: &Context, settings: Settings, size: (u16, u16), output: Output, link: Link) -> End {
    let Link {
        feed,
        runtime,
        label,
    } = link;
    let idle = context.idle;
    let gone = output.gone();
    let stalled = output.stalled();
    let mut session = match Session::new(context.shared.clone(), settings, Sgr16::new(output), size)
    {
        Ok(session) => session,
        Err(err) => return End::Failed(err),
    };
    let mut input = Input::default();
    let mut events = Vec::new();
    let mut last = Instant::now();
    let mut goodbye = false;
    // While frames are being dropped: when a whole one is tried again.
    let mut retry_at: Option<Instant> = None;
    loop {
        // Input meanwhile is handled and its frames dropped at once; only
        // every `RETRY` is the link tried, with the whole screen.
        let redraw = retry_at.is_some_and(|at| Instant::now() >= at);
        if redraw {
            retry_at = None;
            stalled.store(false, Ordering::SeqCst);
            session.redraw();
        }
        match session.write() {
            None => {}
            Some(Ended::Quit) if goodbye => return End::Goodbye,
            Some(Ended::Quit) if idle.is_some_and(|i| last.elapsed() >= i) => return End::Idle,
            Some(Ended::Quit) => return End::Quit,
            Some(Ended::HangUp) => {
                // Nothing more goes out, not even what dropping the
                // terminal would write.
                gone.store(true, Ordering::SeqCst);
                return End::HangUp;
            }
            Some(Ended::Failed(err)) => return End::Failed(err),
        }
        if stalled.load(Ordering::SeqCst) {
            if retry_at.is_none() && !redraw {
                log::line(format!("{label}: not reading; frames dropped"));
            }
            retry_at.get_or_insert_with(|| Instant::now() + RETRY);
        } else if redraw {
            log::line(format!("{label}: reading again; redrawn whole"));
        }
        // The soonest of: a lone Esc's pause, the panes' follow delay,
        // the idle timeout, each counted from the last input.
        let waits = [
            input.pending().then_some(input::TIMEOUT),
            session.wait(),
            idle,
        ];
        let wait = waits.into_iter().flatten().min();
        let left = wait.map(|wait| wait.saturating_sub(last.elapsed()));
        // A stalled link is tried again soon, input or not.
        let retry = retry_at.map(|at| at.saturating_duration_since(Instant::now()));
        let first = match [left, retry].into_iter().flatten().min() {
            Some(left) => {
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
    out.write_all(RESTORE)?;
    out.write_all(PASTE_OFF)?;
    out.write_all(b"\r\nchronicle: this session hit an internal error and ended\r\n")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
        haystack.windows(needle.len()).position(|w| w == needle)
    }

    #[test]
    fn a_panicking_session_ends_with_status_1_and_the_terminal_put_back() {
        let ran = isolated(|| panic!("a bug in one session"));
        let ending = Ending::of(&ran, None, false);
        assert_eq!(ending.status, Some(1));
        assert_eq!(ending.how, "panicked");
        assert_eq!(find(&ending.words, RESTORE), Some(0));
        assert!(find(&ending.words, PASTE_OFF).is_some());
        let said = String::from_utf8_lossy(&ending.words);
        assert!(said.contains("internal error"), "{said}");
    }

    #[test]
    fn a_panic_in_one_session_leaves_other_threads_running() {
        let other = std::thread::spawn(|| isolated(|| End::Quit));
        let panicked = std::thread::spawn(|| isolated(|| panic!("a bug in one session")));
        assert!(panicked.join().expect("the thread ended normally").is_err());
        let ended = other.join().expect("the other thread ended normally");
        assert!(matches!(ended, Ok(End::Quit)));
    }

    #[test]
    fn each_end_gets_its_own_last_words_and_status() {
        let quit = Ending::of(&Ok(End::Quit), None, false);
        assert_eq!((quit.status, quit.words.as_slice()), (Some(0), PASTE_OFF));
        let idle = Ending::of(&Ok(End::Idle), Some(Duration::from_secs(90)), false);
        let said = String::from_utf8_lossy(&idle.words);
        assert!(
            said.starts_with("chronicle: closed after 1 min 30 s"),
            "{said}"
        );
        let bye = Ending::of(&Ok(End::Goodbye), None, false);
        assert!(String::from_utf8_lossy(&bye.words).contains("goodbye"));
        // Nobody is left to tell.
        let gone = Ending::of(&Ok(End::HangUp), None, false);
        assert_eq!(gone.status, None);
    }

    #[test]
    fn a_reader_whose_output_stalled_gets_the_terminal_put_back() {
        let quit = Ending::of(&Ok(End::Quit), None, true);
        assert_eq!(find(&quit.words, RESTORE), Some(0));
        let fine = Ending::of(&Ok(End::Quit), None, false);
        assert_eq!(find(&fine.words, RESTORE), None);
    }
}
