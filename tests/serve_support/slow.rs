//! A reader whose terminal stops reading when told: `ssh -tt` in a pty
//! whose output the test can hold, so that the SSH window fills up while
//! the test goes on typing. ssh writes to its terminal through `cat`: on
//! a pipe ssh does not block when the reader stops, and goes on sending
//! keys (on a terminal it would stop in its write, keys and all).

use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};

const POLL: Duration = Duration::from_millis(20);

pub struct SlowReader {
    // Kept open: the pty lives as long as the reader.
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    held: Arc<AtomicBool>,
}

impl SlowReader {
    /// `program` with `args` in a pty of `cols` x `rows`, its output
    /// through a pipe.
    pub fn spawn(program: &str, args: &[String], cols: u16, rows: u16) -> SlowReader {
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system().openpty(size).expect("open a pty");
        let mut cmd = CommandBuilder::new("sh");
        cmd.args(["-c", "\"$0\" \"$@\" | cat", program]);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).expect("spawn ssh");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let held = Arc::new(AtomicBool::new(false));
        let (screen, hold) = (parser.clone(), held.clone());
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                while hold.load(Ordering::SeqCst) {
                    thread::sleep(POLL);
                }
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => screen.lock().unwrap().process(&buf[..n]),
                }
            }
        });
        SlowReader {
            _master: pair.master,
            writer,
            child,
            parser,
            held,
        }
    }

    /// Stops reading the terminal's output.
    pub fn hold(&self) {
        self.held.store(true, Ordering::SeqCst);
    }

    /// Reads the terminal's output again.
    pub fn release(&self) {
        self.held.store(false, Ordering::SeqCst);
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type");
        self.writer.flush().expect("type");
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Runs `f` on the current vt100 screen.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().unwrap().screen())
    }

    /// Polls until `pred` holds for the screen; false after `timeout`.
    pub fn wait_screen(&self, timeout: Duration, pred: impl Fn(&vt100::Screen) -> bool) -> bool {
        let start = Instant::now();
        while !pred(self.parser.lock().unwrap().screen()) {
            if start.elapsed() >= timeout {
                return false;
            }
            thread::sleep(POLL);
        }
        true
    }
}

impl Drop for SlowReader {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
