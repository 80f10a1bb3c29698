//! A small harness for end-to-end tests: runs `chronicle` in a real
//! pseudo-terminal, records every byte it writes and keeps a vt100 model
//! of the screen those bytes produce.
//!
//! Waiting is always by polling (every 20 ms, up to a timeout), never by
//! sleeping a fixed time, and the child is killed when the harness is
//! dropped so a failing test leaves no process behind.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, ExitStatus, MasterPty, PtySize};

/// Long enough for a slow, loaded CI machine; tests finish far sooner.
pub const TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(20);

/// The cursor position request a program may send, and our answer.
const CPR_REQUEST: &[u8] = b"\x1b[6n";
const CPR_REPLY: &[u8] = b"\x1b[1;1R";

type Writer = Arc<Mutex<Option<Box<dyn Write + Send>>>>;

/// How to start the program.
pub struct Spawn<'a> {
    /// The program run: chronicle unless told (the SSH tests run `ssh`).
    pub program: &'a str,
    pub args: &'a [&'a str],
    pub cols: u16,
    pub rows: u16,
    /// Extra environment variables (NO_COLOR is unset unless given here).
    pub env: &'a [(&'a str, &'a str)],
}

impl Default for Spawn<'_> {
    fn default() -> Self {
        Spawn {
            program: env!("CARGO_BIN_EXE_chronicle"),
            args: &[],
            cols: 100,
            rows: 30,
            env: &[],
        }
    }
}

pub struct Pty {
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Writer,
    child: Box<dyn Child + Send + Sync>,
    output: Arc<Mutex<Vec<u8>>>,
    parser: Arc<Mutex<vt100::Parser>>,
    stop_reading: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
    exit: Option<ExitStatus>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panicking test thread must not hide the real failure behind a
    // poisoned lock.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Whether `needle` occurs in `haystack`.
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle).is_some()
}

/// The first position of `needle` in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The last position of `needle` in `haystack`.
pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

impl Pty {
    pub fn spawn(opts: Spawn) -> Pty {
        let size = PtySize {
            rows: opts.rows,
            cols: opts.cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system().openpty(size).expect("open a pty");
        let mut cmd = CommandBuilder::new(opts.program);
        cmd.args(opts.args);
        cmd.cwd(std::env::temp_dir());
        cmd.env("TERM", "xterm-256color");
        for var in ["NO_COLOR", "COLUMNS", "LINES"] {
            cmd.env_remove(var);
        }
        for (key, value) in opts.env {
            cmd.env(key, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn chronicle");
        // Only the child may hold the terminal side open, so that reading
        // the master ends when the child is gone.
        drop(pair.slave);
        let master = pair.master;
        let mut reader = master.try_clone_reader().expect("pty reader");
        let writer: Writer = Arc::new(Mutex::new(Some(master.take_writer().expect("pty writer"))));

        let output = Arc::new(Mutex::new(Vec::new()));
        let parser = Arc::new(Mutex::new(vt100::Parser::new(opts.rows, opts.cols, 0)));
        let stop_reading = Arc::new(AtomicBool::new(false));
        let handle = {
            let (output, parser, writer, stop) = (
                output.clone(),
                parser.clone(),
                writer.clone(),
                stop_reading.clone(),
            );
            thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    let n = match reader.read(&mut buf) {
                        Ok(0) => break,
                        Ok(n) => n,
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                        // EIO: the terminal side closed (the child exited).
                        Err(_) => break,
                    };
                    let chunk = &buf[..n];
                    let cpr = {
                        let mut out = lock(&output);
                        let from = out.len().saturating_sub(CPR_REQUEST.len() - 1);
                        out.extend_from_slice(chunk);
                        contains(&out[from..], CPR_REQUEST)
                    };
                    lock(&parser).process(chunk);
                    if cpr {
                        if let Some(w) = lock(&writer).as_mut() {
                            let _ = w.write_all(CPR_REPLY);
                            let _ = w.flush();
                        }
                    }
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                }
            })
        };
        Pty {
            master: Some(master),
            writer,
            child,
            output,
            parser,
            stop_reading,
            reader: Some(handle),
            exit: None,
        }
    }

    /// Types `keys` (raw bytes: "\r" is Enter, "\x1b" is Esc).
    pub fn send(&self, keys: &str) {
        let mut writer = lock(&self.writer);
        let w = writer.as_mut().expect("the pty writer is open");
        w.write_all(keys.as_bytes()).expect("write to the pty");
        w.flush().expect("flush the pty");
    }

    /// The screen's text, one line per row.
    pub fn screen(&self) -> String {
        lock(&self.parser).screen().contents()
    }

    /// Each row's text.
    pub fn rows(&self) -> Vec<String> {
        let parser = lock(&self.parser);
        let (_, cols) = parser.screen().size();
        parser.screen().rows(0, cols).collect()
    }

    /// Runs `f` on the current vt100 screen.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(lock(&self.parser).screen())
    }

    /// Polls until `pred` holds for the screen; false on timeout.
    pub fn wait_screen(&self, timeout: Duration, pred: impl Fn(&vt100::Screen) -> bool) -> bool {
        let start = Instant::now();
        loop {
            if self.with_screen(&pred) {
                return true;
            }
            if start.elapsed() >= timeout {
                return false;
            }
            thread::sleep(POLL);
        }
    }

    /// Polls until the screen shows `text`; false on timeout.
    pub fn wait_for(&self, text: &str, timeout: Duration) -> bool {
        self.wait_screen(timeout, |s| s.contents().contains(text))
    }

    /// Every byte the program wrote so far.
    pub fn output(&self) -> Vec<u8> {
        lock(&self.output).clone()
    }

    pub fn output_len(&self) -> usize {
        lock(&self.output).len()
    }

    /// Whether the program has written `bytes` (without copying the output).
    pub fn wrote(&self, bytes: &[u8]) -> bool {
        contains(&lock(&self.output), bytes)
    }

    /// Polls until more than `len` bytes were written; false on timeout.
    pub fn wait_output_beyond(&self, len: usize, timeout: Duration) -> bool {
        let start = Instant::now();
        while self.output_len() <= len {
            if start.elapsed() >= timeout {
                return false;
            }
            thread::sleep(POLL);
        }
        true
    }

    /// Waits until no byte has arrived for `quiet` (the tail of a frame
    /// may come in a later read than the text a test waited for). Gives
    /// up after `TIMEOUT`, so a program that never stops writing is seen
    /// by the caller's own checks.
    pub fn settle(&self, quiet: Duration) {
        let start = Instant::now();
        let mut len = self.output_len();
        let mut since = Instant::now();
        while start.elapsed() < TIMEOUT {
            thread::sleep(POLL);
            let now = self.output_len();
            if now != len {
                len = now;
                since = Instant::now();
            } else if since.elapsed() >= quiet {
                return;
            }
        }
    }

    /// Changes the terminal size (the child gets SIGWINCH).
    pub fn resize(&self, cols: u16, rows: u16) {
        lock(&self.parser).screen_mut().set_size(rows, cols);
        self.resize_pty(cols, rows);
    }

    /// Changes the pty's size but not the screen model's: for sizes too
    /// large to model (the screen then shows only its top-left corner).
    pub fn resize_pty(&self, cols: u16, rows: u16) {
        self.master
            .as_ref()
            .expect("the pty master is open")
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the child has a pid")
    }

    /// Sends a signal by name (`TERM`, `HUP`) with kill(1).
    pub fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{name} failed: {status}");
    }

    /// Whether the terminal's line discipline is in canonical (cooked)
    /// mode with echo, i.e. not raw. `None` where it cannot be read.
    pub fn cooked(&self) -> Option<bool> {
        let termios = self.master.as_ref()?.get_termios()?;
        let flags = termios.local_flags.bits() as u64;
        #[cfg(target_os = "linux")]
        let (icanon, echo) = (0o2u64, 0o10u64);
        #[cfg(not(target_os = "linux"))]
        let (icanon, echo) = (0x100u64, 0x8u64);
        Some(flags & icanon != 0 && flags & echo != 0)
    }

    /// Waits for the child to exit; then waits (briefly) for the reader to
    /// drain what it wrote, so `output()` is complete.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        if self.exit.is_none() {
            let start = Instant::now();
            loop {
                if let Some(status) = self.child.try_wait().expect("try_wait") {
                    self.exit = Some(status);
                    break;
                }
                if start.elapsed() >= timeout {
                    return None;
                }
                thread::sleep(POLL);
            }
            let start = Instant::now();
            while self.reader.as_ref().is_some_and(|h| !h.is_finished())
                && start.elapsed() < Duration::from_secs(2)
            {
                thread::sleep(POLL);
            }
        }
        self.exit.clone()
    }

    /// Closes every handle on the pty master, as a terminal emulator does
    /// when its window closes. The reader is stopped first: `wake` is
    /// typed so the program writes once more and the blocked read returns.
    pub fn close_master(&mut self, wake: &str) {
        self.stop_reading.store(true, Ordering::SeqCst);
        self.send(wake);
        let start = Instant::now();
        while self.reader.as_ref().is_some_and(|h| !h.is_finished()) {
            assert!(
                start.elapsed() < TIMEOUT,
                "the program wrote nothing after {wake:?}; cannot stop the reader"
            );
            thread::sleep(POLL);
        }
        if let Some(handle) = self.reader.take() {
            handle.join().expect("reader thread");
        }
        lock(&self.writer).take();
        self.master.take();
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if self.exit.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            // SIGHUP, then SIGKILL after a short grace period.
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A directory under the system temp dir, removed on drop.
pub struct TempDir(std::path::PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        use std::sync::atomic::AtomicUsize;
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir = std::env::temp_dir().join(format!(
            "chronicle-e2e-{tag}-{}-{}-{nanos}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `text` to `rel` under the directory, creating parents.
    pub fn write(&self, rel: &str, text: &str) {
        let path = self.0.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create dirs");
        }
        std::fs::write(path, text).expect("write file");
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
