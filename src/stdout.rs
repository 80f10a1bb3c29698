//! Standard output that says when what was written to it is lost. Left to
//! itself a Rust program does not: its runtime points a closed stdout at
//! /dev/null before `main`, and a stdout dropped at exit forgets the error
//! of its last flush, so `chronicle events >&-` and
//! `chronicle --help >/dev/full` used to exit 0 having printed nothing.
//! Every command writes through [`Stdout`], and `main` ends with
//! [`Stdout::finish`].

use std::io::{self, BufWriter, StdoutLock, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether file descriptor 1 was closed when the process started, before
/// the runtime opened /dev/null in its place.
static CLOSED_AT_START: AtomicBool = AtomicBool::new(false);

/// Runs before `main`, and so before the runtime's own start-up code, as
/// every `.init_array` entry does.
#[cfg(any(target_os = "linux", target_os = "android"))]
#[used]
#[unsafe(link_section = ".init_array")]
static NOTE_CLOSED_STDOUT: extern "C" fn() = note_closed_stdout;

#[cfg(any(target_os = "linux", target_os = "android"))]
extern "C" fn note_closed_stdout() {
    // SAFETY: F_GETFD reads a descriptor's flags and nothing else.
    let closed = unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) } == -1;
    CLOSED_AT_START.store(closed, Ordering::Relaxed);
}

/// The process's stdout, buffered, remembering the first error.
pub struct Stdout {
    out: BufWriter<StdoutLock<'static>>,
    lost: Option<io::Error>,
}

impl Default for Stdout {
    fn default() -> Self {
        Stdout::new()
    }
}

impl Stdout {
    pub fn new() -> Stdout {
        Stdout {
            out: BufWriter::with_capacity(1 << 16, io::stdout().lock()),
            lost: None,
        }
    }

    fn check<T>(&mut self, result: io::Result<T>) -> io::Result<T> {
        if let Err(err) = &result {
            if self.lost.is_none() {
                self.lost = Some(io::Error::new(err.kind(), err.to_string()));
            }
        }
        result
    }

    /// Flushes, then turns what the command returned into the exit code:
    /// output that could not be written is one line on stderr and exit 1,
    /// except a pipe whose reader has gone (`chronicle events | head -1`),
    /// which ends the command quietly, as it would end `cat`. Any other
    /// error is printed as it is.
    pub fn finish(mut self, result: io::Result<ExitCode>) -> ExitCode {
        let _ = self.flush();
        match self.lost {
            Some(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Some(err) => {
                eprintln!("chronicle: output could not be written: {err}");
                ExitCode::FAILURE
            }
            None => match result {
                Ok(code) => code,
                Err(err) => {
                    eprintln!("chronicle: {err}");
                    ExitCode::FAILURE
                }
            },
        }
    }
}

fn closed() -> io::Error {
    io::Error::new(io::ErrorKind::NotConnected, "stdout is closed")
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = if CLOSED_AT_START.load(Ordering::Relaxed) {
            Err(closed())
        } else {
            self.out.write(buf)
        };
        self.check(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        let flushed = self.out.flush();
        self.check(flushed)
    }
}
