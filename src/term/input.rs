//! The input thread: waits on the terminal and the resize pipe at once,
//! reads the terminal's bytes itself and decodes them into keys (see
//! `keys`), so an unfinished escape sequence times out instead of
//! swallowing the keys after it.

use std::io::{self, IsTerminal, Read};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use rustix::event::{PollFd, PollFlags, Timespec};
use signal_hook::consts::SIGWINCH;

use super::keys::{self, Decoder};
use crate::session::Event;

/// Starts the thread that sends keys, resizes and the terminal's going
/// away. The resize pipe is set up before this returns, so a resize right
/// after is not lost.
pub fn spawn(tx: Sender<Event>) -> io::Result<()> {
    let tty = Tty::open()?;
    let (winch, winch_tx) = UnixStream::pair()?;
    winch.set_nonblocking(true)?;
    signal_hook::low_level::pipe::register(SIGWINCH, winch_tx)?;
    thread::spawn(move || read(&tty, &winch, &tx));
    Ok(())
}

/// Sends what the terminal says until it goes away or nobody listens.
/// While bytes wait for the rest of a sequence, the wait is bounded.
fn read(tty: &Tty, winch: &UnixStream, tx: &Sender<Event>) {
    let mut decoder = Decoder::default();
    let mut keys = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let timeout = decoder.pending().then_some(keys::TIMEOUT);
        match tty.wait(winch, timeout) {
            Ready::Input => match tty.read(&mut buf) {
                Ok(n) => decoder.feed(&buf[..n], &mut keys),
                Err(_) => super::hang_up(),
            },
            Ready::Timeout => decoder.timeout(&mut keys),
            Ready::Resize => {
                while (&*winch).read(&mut [0u8; 64]).is_ok_and(|n| n > 0) {}
                // Read after the pipe is drained: a resize after this
                // read leaves another byte in it, so the last size is
                // always sent.
                let Ok((width, height)) = crossterm::terminal::size() else {
                    super::hang_up()
                };
                if tx.send(Event::Resize(width, height)).is_err() {
                    return;
                }
            }
            Ready::Gone => super::hang_up(),
        }
        for key in keys.drain(..) {
            if tx.send(Event::Key(key)).is_err() {
                return;
            }
        }
    }
}

/// What the terminal or the resize pipe has for the input thread.
enum Ready {
    Input,
    Resize,
    /// Nothing came within the timeout.
    Timeout,
    Gone,
}

/// The terminal read: standard input, or `/dev/tty` when standard input
/// is not a terminal.
enum Tty {
    Stdin(io::Stdin),
    /// Kept open while it is read.
    File(std::fs::File),
}

impl Tty {
    fn open() -> io::Result<Tty> {
        let stdin = io::stdin();
        if stdin.is_terminal() {
            return Ok(Tty::Stdin(stdin));
        }
        let file = std::fs::File::options()
            .read(true)
            .write(true)
            .open("/dev/tty")?;
        Ok(Tty::File(file))
    }

    fn fd(&self) -> BorrowedFd<'_> {
        match self {
            Tty::Stdin(stdin) => stdin.as_fd(),
            Tty::File(file) => file.as_fd(),
        }
    }

    /// Reads what the terminal has (called after `wait` said `Input`).
    /// End of file is an error: the terminal is gone.
    fn read(&self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            match rustix::io::read(self.fd(), &mut *buf) {
                Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
                Ok(n) => return Ok(n),
                Err(rustix::io::Errno::INTR) => continue,
                Err(rustix::io::Errno::AGAIN) => return Ok(0),
                Err(err) => return Err(err.into()),
            }
        }
    }

    /// Blocks until the terminal has input, hangs up or fails, the window
    /// changed size, or `timeout` passed. Never returns `Input` for a
    /// terminal that hung up, so nothing is read from a dead one.
    fn wait(&self, winch: &UnixStream, timeout: Option<Duration>) -> Ready {
        let (tty, winch) = (self.fd(), winch.as_fd());
        let mut fds = [
            PollFd::new(&tty, PollFlags::IN),
            PollFd::new(&winch, PollFlags::IN),
        ];
        let timeout = timeout.map(|t| Timespec {
            tv_sec: t.as_secs().try_into().unwrap_or(i64::MAX),
            tv_nsec: t.subsec_nanos().into(),
        });
        loop {
            match rustix::event::poll(&mut fds, timeout.as_ref()) {
                Err(rustix::io::Errno::INTR) => continue,
                Err(_) => return Ready::Gone,
                Ok(0) => return Ready::Timeout,
                Ok(_) => {}
            }
            let tty = fds[0].revents();
            if tty.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
                return Ready::Gone;
            }
            if fds[1].revents().contains(PollFlags::IN) {
                return Ready::Resize;
            }
            if tty.contains(PollFlags::IN) {
                return Ready::Input;
            }
        }
    }
}
