//! `chronicle serve` under load, for the README: N SSH readers at once,
//! each pressing one key a second, against the real binary on loopback.
//!
//! ```text
//! nice cargo bench --bench serve                 # N = 50, 100, 200, 300
//! nice cargo bench --bench serve -- 200 400      # other sizes
//! CHRONICLE_BENCH_SECONDS=30 cargo bench --bench serve
//! ```
//!
//! For each N a fresh server (embedded corpus, `--allow-any-key`, a host
//! key in a temporary directory) gets N sessions from this process
//! (russh's client, one Ed25519 key made here, ptys of varied sizes). Once
//! every reader has its first frame, each sends `j` and `k` in turn, once a
//! second, their start times spread over the first second. The latency
//! of a key is from its send to the first data bytes after it ("first"),
//! and to the last bytes before 5 ms pass without any ("frame"). The
//! server's CPU is utime+stime from /proc/PID/stat over the keystroke
//! phase; its memory is VmRSS from /proc/PID/status with no sessions and
//! with N open (after the first frames, and after the keys). The client
//! runs on the same cores: its own CPU is printed, and so is every
//! process's ("machine", from /proc/stat), to show what else was running.
//! A plain `main` (harness = false) printing a table, not criterion:
//! one run is a minute of wall time, not a loop to sample.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use russh::client::{self, Handle};
use russh::keys::{Algorithm, PrivateKey, PrivateKeyWithHashAlg, PublicKeyOrCertificate};
use russh::ChannelMsg;
use tokio::time::{sleep_until, timeout, Instant};

use procfs::{cpu_seconds, load_average, machine_busy, rss_kb};

mod procfs;

/// Bytes stop for this long: the frame is over.
const QUIET: Duration = Duration::from_millis(5);
/// No answer to a key within this long counts as a missed frame.
const MISSED: Duration = Duration::from_millis(900);
/// Connections opened at once while the readers log in.
const CONNECTING: usize = 16;

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if args.is_empty() {
        vec![50, 100, 200, 300]
    } else {
        args
    };
    let seconds: u64 = std::env::var("CHRONICLE_BENCH_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    println!(
        "{} cores, load average {}, {seconds} s of keys per size",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        load_average()
    );
    println!(
        "{:>5} {:>9} {:>9} {:>9} {:>9} {:>9} {:>6} {:>7} {:>9} {:>7} {:>7} {:>8} {:>9} {:>9}",
        "N",
        "first p50",
        "first p95",
        "frame p50",
        "frame p95",
        "frame p99",
        "missed",
        "server",
        "sess/core",
        "client",
        "machine",
        "RSS 0",
        "+/sess",
        "+/sess"
    );
    println!(
        "{:>5} {:>49} {:>6} {:>7} {:>9} {:>7} {:>7} {:>8} {:>9} {:>9}",
        "", "(ms)", "keys", "cores", "", "cores", "cores", "MB", "opened", "after"
    );
    for n in sizes {
        let row = runtime.block_on(run(n, Duration::from_secs(seconds)));
        println!("{row}");
    }
    println!("load average after: {}", load_average());
}

/// One size's figures, as a table row.
struct Row {
    n: usize,
    first: Vec<Duration>,
    frame: Vec<Duration>,
    missed: usize,
    server_cores: f64,
    client_cores: f64,
    /// Every process's CPU over the same time: the other load on the box.
    machine_cores: f64,
    rss_idle_kb: u64,
    rss_open_kb: u64,
    rss_used_kb: u64,
}

impl std::fmt::Display for Row {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let per_session =
            |kb: u64| kb.saturating_sub(self.rss_idle_kb) as f64 / self.n as f64 / 1024.0;
        write!(
            f,
            "{:>5} {:>9.1} {:>9.1} {:>9.1} {:>9.1} {:>9.1} {:>6} {:>7.3} {:>9.0} {:>7.3} {:>7.3} {:>8.1} {:>6.2} MB {:>6.2} MB",
            self.n,
            percentile(&self.first, 0.50),
            percentile(&self.first, 0.95),
            percentile(&self.frame, 0.50),
            percentile(&self.frame, 0.95),
            percentile(&self.frame, 0.99),
            self.missed,
            self.server_cores,
            self.n as f64 / self.server_cores.max(f64::EPSILON),
            self.client_cores,
            self.machine_cores,
            self.rss_idle_kb as f64 / 1024.0,
            per_session(self.rss_open_kb),
            per_session(self.rss_used_kb),
        )
    }
}

/// The `p` quantile of `samples` in milliseconds (nearest rank).
fn percentile(samples: &[Duration], p: f64) -> f64 {
    if samples.is_empty() {
        return f64::NAN;
    }
    let mut sorted = samples.to_vec();
    sorted.sort();
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1].as_secs_f64() * 1000.0
}

/// One size: a fresh server, `n` readers logged in, then `keys_for` of keys.
async fn run(n: usize, keys_for: Duration) -> Row {
    let server = Server::start(n);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let rss_idle_kb = rss_kb(server.pid());
    let key = Arc::new(
        PrivateKey::random(&mut russh::keys::key::safe_rng(), Algorithm::Ed25519)
            .expect("an Ed25519 key"),
    );
    let mut readers = Vec::with_capacity(n);
    for batch in (0..n).collect::<Vec<_>>().chunks(CONNECTING) {
        let opened: Vec<_> = batch
            .iter()
            .map(|&i| tokio::spawn(Reader::open(server.port, key.clone(), size(i))))
            .collect();
        for reader in opened {
            readers.push(reader.await.expect("a reader task"));
        }
    }
    let rss_open_kb = rss_kb(server.pid());
    let start = Instant::now() + Duration::from_millis(200);
    let server_before = cpu_seconds(server.pid());
    let client_before = cpu_seconds(std::process::id());
    let machine_before = machine_busy();
    let tasks: Vec<_> = readers
        .into_iter()
        .enumerate()
        .map(|(i, reader)| {
            let first_key = start + Duration::from_secs(1) * i as u32 / n as u32;
            tokio::spawn(reader.press_keys(first_key, start + keys_for))
        })
        .collect();
    let mut row = Row {
        n,
        first: Vec::new(),
        frame: Vec::new(),
        missed: 0,
        server_cores: 0.0,
        client_cores: 0.0,
        machine_cores: 0.0,
        rss_idle_kb,
        rss_open_kb,
        rss_used_kb: 0,
    };
    // Kept open until the server's memory is read below.
    let mut readers = Vec::with_capacity(n);
    for task in tasks {
        let (reader, timings) = task.await.expect("a reader task");
        readers.push(reader);
        row.first.extend(timings.first);
        row.frame.extend(timings.frame);
        row.missed += timings.missed;
    }
    let elapsed = (Instant::now() - start).as_secs_f64();
    row.server_cores = (cpu_seconds(server.pid()) - server_before) / elapsed;
    row.client_cores = (cpu_seconds(std::process::id()) - client_before) / elapsed;
    row.machine_cores = (machine_busy() - machine_before) / elapsed;
    // With every session still open, after all those frames.
    row.rss_used_kb = rss_kb(server.pid());
    row
}

/// Reader `i`'s screen: 80x24 and seven larger ones, up to 199x59.
fn size(i: usize) -> (u32, u32) {
    let step = (i % 8) as u32;
    (80 + 17 * step, 24 + 5 * step)
}

/// A `chronicle serve` child on a free loopback port.
struct Server {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Server {
    fn start(n: usize) -> Server {
        let dir =
            std::env::temp_dir().join(format!("chronicle-serve-bench-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a temp dir");
        let limit = n.to_string();
        let mut child = Command::new(env!("CARGO_BIN_EXE_chronicle"))
            .args(["serve", "--listen", "127.0.0.1:0", "--allow-any-key"])
            .arg("--host-key")
            .arg(dir.join("host_key"))
            .args(["--max-sessions", &limit, "--max-sessions-per-ip", &limit])
            .args([
                "--max-connections-per-minute",
                "1000000",
                "--idle-timeout",
                "0",
            ])
            .current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start chronicle serve");
        let mut lines = BufReader::new(child.stderr.take().expect("stderr")).lines();
        let port = lines
            .by_ref()
            .map_while(Result::ok)
            .find_map(|l| {
                l.split_once("listening on 127.0.0.1:")
                    .and_then(|(_, p)| p.trim().parse().ok())
            })
            .expect("a port in the server's log");
        // The log goes on (a line per session): keep reading it so the
        // server never blocks on a full pipe.
        std::thread::spawn(move || lines.map_while(Result::ok).for_each(drop));
        Server { child, port, dir }
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Accepts the server's host key.
struct Client;

impl client::Handler for Client {
    type Error = russh::Error;

    async fn check_server_key(&mut self, _: &PublicKeyOrCertificate) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

/// One logged-in reader with its first frame drawn.
struct Reader {
    _handle: Handle<Client>,
    channel: russh::Channel<client::Msg>,
}

/// One reader's latencies.
struct Timings {
    first: Vec<Duration>,
    frame: Vec<Duration>,
    missed: usize,
}

impl Reader {
    async fn open(port: u16, key: Arc<PrivateKey>, (cols, rows): (u32, u32)) -> Reader {
        let config = Arc::new(client::Config::default());
        let mut handle = client::connect(config, ("127.0.0.1", port), Client)
            .await
            .expect("connect to the server");
        let auth = handle
            .authenticate_publickey("reader", PrivateKeyWithHashAlg::new(key, None))
            .await
            .expect("authenticate");
        assert!(auth.success(), "the key was refused");
        let channel = handle.channel_open_session().await.expect("a session");
        channel
            .request_pty(false, "xterm-256color", cols, rows, 0, 0, &[])
            .await
            .expect("a pty");
        channel.request_shell(false).await.expect("a shell");
        let mut reader = Reader {
            _handle: handle,
            channel,
        };
        reader.first_frame().await;
        reader
    }

    /// Waits for the first frame, and for its bytes to stop.
    async fn first_frame(&mut self) {
        let drawn = timeout(Duration::from_secs(30), async {
            while !matches!(self.channel.wait().await, Some(ChannelMsg::Data { .. })) {}
        })
        .await;
        assert!(drawn.is_ok(), "no first frame in 30 s");
        while let Ok(Some(_)) = timeout(Duration::from_millis(50), self.channel.wait()).await {}
    }

    /// Sends `j` and `k` in turn, once a second from `first` until `end`,
    /// timing the frame that answers each.
    async fn press_keys(mut self, first: Instant, end: Instant) -> (Reader, Timings) {
        let mut timings = Timings {
            first: Vec::new(),
            frame: Vec::new(),
            missed: 0,
        };
        let mut next = first;
        let mut presses = 0usize;
        while next < end {
            sleep_until(next).await;
            let key: &[u8] = if presses.is_multiple_of(2) {
                b"j"
            } else {
                b"k"
            };
            presses += 1;
            let sent = Instant::now();
            self.channel.data(key).await.expect("send a key");
            next += Duration::from_secs(1);
            // The first bytes, then bytes until a quiet gap.
            match timeout(MISSED, self.data()).await {
                Ok(true) => timings.first.push(sent.elapsed()),
                _ => {
                    timings.missed += 1;
                    continue;
                }
            }
            let mut last = Instant::now();
            while let Ok(true) = timeout(QUIET, self.data()).await {
                last = Instant::now();
            }
            timings.frame.push(last - sent);
            // Whatever else comes before the next key (the panes
            // following the selection after their delay) is not timed.
            while let Ok(true) =
                timeout(next.saturating_duration_since(Instant::now()), self.data()).await
            {
            }
        }
        (self, timings)
    }

    /// Waits for the next data bytes; false if the channel ended.
    async fn data(&mut self) -> bool {
        loop {
            match self.channel.wait().await {
                Some(ChannelMsg::Data { .. }) => return true,
                Some(_) => {}
                None => return false,
            }
        }
    }
}
