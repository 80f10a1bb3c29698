//! A running `chronicle serve` for the SSH tests, and how to reach it
//! with the OpenSSH client.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::e2e_support::{Pty, Spawn, TempDir, TIMEOUT};

pub mod slow;

const SSH: &str = "ssh";

/// A running `chronicle serve`, its log, and a key pair it lets in.
pub struct Server {
    pub child: Child,
    pub log: Arc<Mutex<Vec<String>>>,
    port: u16,
    pub dir: TempDir,
}

impl Server {
    pub fn start() -> Server {
        Server::start_with(&[])
    }

    /// A server with more options (`--idle-timeout 1s`).
    pub fn start_with(options: &[&str]) -> Server {
        let dir = TempDir::new("serve");
        for name in ["id", "stranger"] {
            keygen(&dir.path().join(name));
        }
        std::fs::copy(
            dir.path().join("id.pub"),
            dir.path().join("authorized_keys"),
        )
        .expect("authorized_keys");
        let mut child = Command::new(env!("CARGO_BIN_EXE_chronicle"))
            .args(["serve", "--listen", "127.0.0.1:0", "--host-key"])
            .arg(dir.path().join("host_key"))
            .arg("--authorized-keys")
            .arg(dir.path().join("authorized_keys"))
            .args(options)
            .current_dir(dir.path())
            // The server's own NO_COLOR must not reach any reader, and
            // without a TERM of its own it must not need one (crossterm
            // would ask `tput` for the size of the server's terminal).
            .env("NO_COLOR", "1")
            .env_remove("TERM")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start chronicle serve");
        let log = Arc::new(Mutex::new(Vec::new()));
        let stderr = child.stderr.take().expect("stderr");
        let lines = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                lines.lock().unwrap().push(line);
            }
        });
        let mut server = Server {
            child,
            log,
            port: 0,
            dir,
        };
        let line = server.wait_log("listening on 127.0.0.1:");
        server.port = line
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .expect("a port in the log");
        server
    }

    pub fn pid(&self) -> String {
        self.child.id().to_string()
    }

    /// Waits for a log line containing `text`; returns it.
    pub fn wait_log(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            if let Some(line) = self.log.lock().unwrap().iter().find(|l| l.contains(text)) {
                return line.clone();
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "no log line with {text:?}:\n{}",
                self.log.lock().unwrap().join("\n")
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn key(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// ssh's arguments to reach this server with the key `name`, then `extra`.
    fn ssh_args(&self, name: &str, extra: &[&str]) -> Vec<String> {
        let mut args: Vec<String> = [
            "-F",
            "/dev/null",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "BatchMode=yes",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "LogLevel=ERROR",
            "-p",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.push(self.port.to_string());
        args.push("-i".into());
        args.push(self.key(name).to_string_lossy().into_owned());
        args.extend(extra.iter().map(|s| s.to_string()));
        args.push("reader@127.0.0.1".into());
        args
    }

    /// `ssh -tt` in a pty of `cols` x `rows`, with `env` sent by SendEnv.
    pub fn reader(&self, cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
        let mut extra = vec!["-tt"];
        let send: Vec<String> = env.iter().map(|(k, _)| format!("SendEnv={k}")).collect();
        for s in &send {
            extra.extend(["-o", s.as_str()]);
        }
        let args = self.ssh_args("id", &extra);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let pty = Pty::spawn(Spawn {
            program: SSH,
            args: &args,
            cols,
            rows,
            env,
        });
        let drawn = pty.wait_screen(TIMEOUT, |s| {
            let last = s.rows(0, s.size().1).nth(usize::from(rows) - 1);
            s.contents().contains("Timeline") && last.is_some_and(|r| r.contains("quit"))
        });
        assert!(drawn, "no first frame at {cols}x{rows}:\n{}", pty.screen());
        pty
    }

    /// `ssh -tt` in a pty of `cols` x `rows` whose output the test may
    /// stop reading.
    pub fn slow_reader(&self, cols: u16, rows: u16) -> slow::SlowReader {
        let reader = slow::SlowReader::spawn(SSH, &self.ssh_args("id", &["-tt"]), cols, rows);
        let drawn = reader.wait_screen(TIMEOUT, |s| s.contents().contains("Timeline"));
        assert!(drawn, "no first frame:\n{}", reader.screen());
        reader
    }

    /// How many log lines contain `text`.
    pub fn logged(&self, text: &str) -> usize {
        let log = self.log.lock().unwrap();
        log.iter().filter(|l| l.contains(text)).count()
    }

    /// The server's resident memory in kB (VmRSS).
    pub fn rss_kb(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()))
            .expect("the server's /proc status");
        let line = status.lines().find(|l| l.starts_with("VmRSS:"));
        let kb = line.and_then(|l| l.split_whitespace().nth(1)?.parse().ok());
        kb.expect("VmRSS in kB")
    }

    /// Waits for the server to exit; `None` after `TIMEOUT`.
    pub fn wait_exit(&mut self) -> Option<std::process::ExitStatus> {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// ssh without a pty, running to its end.
    pub fn run(&self, key: &str, extra: &[&str]) -> Output {
        let out = Command::new(SSH)
            .args(self.ssh_args(key, extra))
            .stdin(Stdio::null())
            .output()
            .expect("run ssh");
        out
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn keygen(path: &Path) {
    let status = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(path)
        .status()
        .expect("run ssh-keygen");
    assert!(status.success());
}

/// The selection counter of the status bar (`3` in ` 3/46`).
pub fn selected(screen: &str) -> Option<usize> {
    let at = screen.find("/46")?;
    let digits: String = screen[..at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.chars().rev().collect::<String>().parse().ok()
}

/// Whether the right edge of the top pane border is drawn (a frame of
/// the wrong width leaves it blank or wraps).
pub fn fills_width(pty: &Pty) -> bool {
    pty.with_screen(|s| {
        let (_, cols) = s.size();
        s.cell(1, cols - 1)
            .is_some_and(|c| !c.contents().trim().is_empty())
    })
}

/// Whether any cell on screen has a colour.
pub fn coloured(pty: &Pty) -> bool {
    pty.with_screen(|s| {
        let (rows, cols) = s.size();
        (0..rows).any(|r| {
            (0..cols).any(|c| {
                s.cell(r, c).is_some_and(|cell| {
                    cell.fgcolor() != vt100::Color::Default
                        || cell.bgcolor() != vt100::Color::Default
                })
            })
        })
    })
}

/// What a cell shows: its text (a blank for an empty cell), colours and
/// attributes.
pub type Look = (String, vt100::Color, vt100::Color, bool, bool, bool, bool);

/// What each cell of the screen shows, row by row.
pub fn looks(screen: &vt100::Screen) -> Vec<Look> {
    let (rows, cols) = screen.size();
    let look = |cell: &vt100::Cell| {
        let text = match cell.contents() {
            "" => " ",
            text => text,
        };
        (
            text.to_owned(),
            cell.fgcolor(),
            cell.bgcolor(),
            cell.bold(),
            cell.italic(),
            cell.underline(),
            cell.inverse(),
        )
    };
    (0..rows)
        .flat_map(|r| (0..cols).map(move |c| (r, c)))
        .filter_map(|(r, c)| screen.cell(r, c).map(look))
        .collect()
}
