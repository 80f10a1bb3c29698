//! The input thread: waits on the terminal and the resize pipe at once,
//! reads the terminal's bytes itself and decodes them into keys (see
//! `keys`), so an unfinished escape sequence times out instead of
//! swallowing the keys after it.

use std::io::{self, IsTerminal, Read};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use signal_hook::consts::SIGWINCH;

use super::keys::{self, Decoder};
use super::Message;

/// Starts the thread that sends keys, resizes and the terminal's going
/// away. The resize pipe is set up before this returns, so a resize right
/// after is not lost.
pub fn spawn(tx: Sender<Message>) -> io::Result<()> {
    let tty = Tty::open()?;
    let (winch, winch_tx) = UnixStream::pair()?;
    winch.set_nonblocking(true)?;
    signal_hook::low_level::pipe::register(SIGWINCH, winch_tx)?;
    thread::spawn(move || read(&tty, &winch, &tx));
    Ok(())
}

/// Sends what the terminal says until it goes away or nobody listens.
/// While bytes wait for the rest of a sequence, the wait is bounded.
fn read(tty: &Tty, winch: &UnixStream, tx: &Sender<Message>) {
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
                if tx.send(Message::Resize).is_err() {
                    return;
                }
            }
            Ready::Gone => super::hang_up(),
        }
        for key in keys.drain(..) {
            if tx.send(Message::Key(key)).is_err() {
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
struct Tty {
    fd: RawFd,
    /// Keeps `/dev/tty` open while it is read.
    _file: Option<std::fs::File>,
}

impl Tty {
    fn open() -> io::Result<Tty> {
        if io::stdin().is_terminal() {
            return Ok(Tty {
                fd: io::stdin().as_raw_fd(),
                _file: None,
            });
        }
        let file = std::fs::File::options()
            .read(true)
            .write(true)
            .open("/dev/tty")?;
        Ok(Tty {
            fd: file.as_raw_fd(),
            _file: Some(file),
        })
    }

    /// Reads what the terminal has (called after `wait` said `Input`).
    /// End of file is an error: the terminal is gone.
    fn read(&self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            // SAFETY: `buf` is valid for writes of its length for the call.
            let n = unsafe { libc::read(self.fd, buf.as_mut_ptr().cast(), buf.len()) };
            if n > 0 {
                return Ok(n as usize);
            }
            if n == 0 {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
            let err = io::Error::last_os_error();
            match err.kind() {
                io::ErrorKind::Interrupted => continue,
                io::ErrorKind::WouldBlock => return Ok(0),
                _ => return Err(err),
            }
        }
    }

    /// Blocks until the terminal has input, hangs up or fails, the window
    /// changed size, or `timeout` passed. Never returns `Input` for a
    /// terminal that hung up, so nothing is read from a dead one.
    fn wait(&self, winch: &UnixStream, timeout: Option<Duration>) -> Ready {
        let mut fds = [
            libc::pollfd {
                fd: self.fd,
                events: libc::POLLIN,
                revents: 0,
            },
            libc::pollfd {
                fd: winch.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            },
        ];
        let ms = timeout.map_or(-1, |t| t.as_millis().try_into().unwrap_or(i32::MAX));
        loop {
            // SAFETY: `fds` is a valid array of two initialised pollfd
            // structs that outlives the call; the count matches its length.
            let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, ms) };
            if n < 0 {
                if io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return Ready::Gone;
            }
            if n == 0 {
                return Ready::Timeout;
            }
            let tty = fds[0].revents;
            if tty & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                return Ready::Gone;
            }
            if fds[1].revents & libc::POLLIN != 0 {
                return Ready::Resize;
            }
            if tty & libc::POLLIN != 0 {
                return Ready::Input;
            }
        }
    }
}
