//! Whole-process figures for the README: load time and peak memory, the
//! bytes a frame writes to the terminal, idle output, and the text filter
//! next to `fzf --filter`, for the shipped corpus and generated ones.
//!
//! ```text
//! cargo build --release            # the idle test runs the real binary
//! cargo bench --bench perf             # small, 1k and 10k
//! cargo bench --bench perf -- small 1k # some sizes only
//! ```
//!
//! Generated corpora go to a temporary directory and are removed. Without
//! `fzf` on the PATH the comparison is skipped; without the release binary,
//! so is the idle test.

use std::cell::Cell;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

mod common;

use chronicle::app::{Action, App, Keymap, Shared};
use chronicle::corpus::Location;
use chronicle::extract::load;
use chronicle::filter::Filter;
use chronicle::sgr::Sgr16;
use chronicle::ui::{self, theme::Theme};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// Queries compared with fzf: a common word, a rarer one, two words.
const QUERIES: [&str; 3] = ["summit", "grain exports", "kim"];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--load-only") {
        return load_only(Path::new(&args[1]));
    }
    // `cargo bench` passes `--bench`; sizes are the other arguments.
    let args: Vec<String> = args.into_iter().filter(|a| !a.starts_with("--")).collect();
    let sizes: Vec<String> = if args.is_empty() {
        vec!["small".into(), "1k".into(), "10k".into()]
    } else {
        args
    };
    println!(
        "machine: {} cores, {}",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        cpu_name()
    );
    for size in sizes {
        let (dir, _guard) = match size.as_str() {
            "small" => (
                PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus"),
                None,
            ),
            other => {
                let n: usize = match other.strip_suffix('k') {
                    Some(k) => k.parse::<usize>().map(|k| k * 1000),
                    None => other.parse(),
                }
                .expect("sizes are small, 1k, 10k or a number of articles");
                let guard = common::corpus(n);
                (guard.dir.clone(), Some(guard))
            }
        };
        report(&size, &dir);
    }
}

/// Run in a child process, so that its peak memory is this corpus's alone.
fn load_only(dir: &Path) {
    let start = Instant::now();
    let loaded = load(&Location::Dir(dir.to_path_buf()));
    let loaded_at = start.elapsed();
    let problems = loaded.problems.len();
    let shared = Shared::new(loaded.corpus, loaded.problems);
    let app = App::new(shared, Keymap::default(), 200, 60);
    let ready_at = start.elapsed();
    println!(
        "{} {} {} {problems} {}",
        loaded_at.as_secs_f64() * 1e3,
        ready_at.as_secs_f64() * 1e3,
        peak_rss_kb(),
        app.rows.len()
    );
}

fn report(size: &str, dir: &Path) {
    let bytes = common::dir_bytes(dir);
    let exe = std::env::current_exe().expect("own path");
    let out = Command::new(exe)
        .arg("--load-only")
        .arg(dir)
        .output()
        .expect("runs itself");
    let line = String::from_utf8_lossy(&out.stdout);
    let f: Vec<f64> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    println!(
        "\n== {size}: {dir} ({:.1} MB)",
        bytes as f64 / 1e6,
        dir = dir.display()
    );
    if let [load_ms, ready_ms, rss_kb, problems, rows] = f[..] {
        println!(
            "load+validate {load_ms:.0} ms; ready to draw {ready_ms:.0} ms; \
             peak RSS {:.0} MB = {:.2}x corpus; {problems} problems; {rows} rows",
            rss_kb / 1e3,
            rss_kb * 1e3 / bytes as f64
        );
    }
    let loaded = load(&Location::Dir(dir.to_path_buf()));
    let shared = Shared::new(loaded.corpus, loaded.problems);
    wire_bytes(&shared);
    idle_bytes(dir);
    versus_fzf(&shared);
}

/// Bytes the real crossterm backend writes per interaction at 120x40.
fn wire_bytes(shared: &Shared) {
    let area = Rect::new(0, 0, 120, 40);
    let theme = Theme::colour();
    let written = Rc::new(Cell::new(0));
    let backend = CrosstermBackend::new(Sgr16::new(Counting(written.clone())));
    let options = TerminalOptions {
        viewport: Viewport::Fixed(area),
    };
    let mut term = Terminal::with_options(backend, options).expect("counting never fails");
    let mut app = App::new(shared.clone(), Keymap::default(), area.width, area.height);
    let frame = |term: &mut Terminal<CrosstermBackend<Sgr16<Counting>>>, app: &App| {
        let before = written.get();
        term.draw(|f| ui::render(f, app, &theme)).expect("draws");
        written.get() - before
    };
    let full = frame(&mut term, &app);
    let steps = 100.min(shared.corpus.events.len().saturating_sub(1)).max(1);
    // A run of moves: the article and event panes wait for the selection
    // to rest, then follow it once. A move inside the list's window
    // restyles two rows; one past its edge scrolls the whole list.
    let (mut inside, mut scrolling) = (Vec::new(), Vec::new());
    for _ in 0..steps {
        let offset = app.offset;
        app.update(Action::Down);
        let bytes = frame(&mut term, &app);
        if app.offset == offset {
            inside.push(bytes);
        } else {
            scrolling.push(bytes);
        }
    }
    let mean = |v: &[usize]| v.iter().sum::<usize>() / v.len().max(1);
    app.update(Action::Follow);
    let followed = frame(&mut term, &app);
    // The same moves with the panes following each one (follow_delay_ms = 0).
    let each: usize = (0..steps)
        .map(|_| {
            app.update(Action::Up);
            app.update(Action::Follow);
            frame(&mut term, &app)
        })
        .sum();
    app.update(Action::FocusNext);
    frame(&mut term, &app);
    let mut down = true;
    let scrolled: usize = (0..steps)
        .map(|i| {
            // Down to the end of the article, then back up.
            let before = app.article_scroll;
            app.update(if down { Action::Down } else { Action::Up });
            if app.article_scroll == before && i > 0 {
                down = !down;
                app.update(if down { Action::Down } else { Action::Up });
            }
            frame(&mut term, &app)
        })
        .sum();
    println!(
        "wire at 120x40: first frame {full} B; selection move {} B inside the list's window \
         (max {}), {} B when the list scrolls, then {followed} B once the panes follow; {} B a \
         move with follow_delay_ms = 0; article line scroll {} B",
        mean(&inside),
        inside.iter().max().unwrap_or(&0),
        mean(&scrolling),
        each / steps,
        scrolled / steps
    );
}

/// A terminal that counts what it is sent.
struct Counting(Rc<Cell<usize>>);

impl Write for Counting {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Bytes the real binary writes in a pseudo-terminal during 5 s without input.
fn idle_bytes(dir: &Path) {
    let exe = std::env::current_exe().expect("own path");
    let binary = exe
        .parent()
        .and_then(Path::parent)
        .map(|d| d.join("chronicle"))
        .filter(|b| b.exists());
    let Some(binary) = binary else {
        println!("idle: skipped (build the binary first: cargo build --release)");
        return;
    };
    use portable_pty::{native_pty_system, CommandBuilder, PtySize};
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(binary);
    cmd.arg("--corpus");
    cmd.arg(dir);
    cmd.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(cmd).expect("starts");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let writer = Arc::new(Mutex::new(pair.master.take_writer().expect("writer")));
    let seen = Arc::new(Mutex::new(0usize));
    {
        let (seen, writer) = (seen.clone(), writer.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                // Answer the cursor position query as a terminal would.
                if buf[..n].windows(4).any(|w| w == b"\x1b[6n") {
                    let _ = writer.lock().map(|mut w| w.write_all(b"\x1b[1;1R"));
                }
                *seen.lock().expect("counter") += n;
            }
        });
    }
    // The first frame: wait until output stops growing.
    let count = || *seen.lock().expect("counter");
    let mut last = 0;
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(300));
        let now = count();
        if now > 0 && now == last {
            break;
        }
        last = now;
    }
    let before = count();
    std::thread::sleep(Duration::from_secs(5));
    let idle = count() - before;
    let _ = writer.lock().map(|mut w| w.write_all(b"q"));
    let quit = Instant::now() + Duration::from_secs(5);
    while Instant::now() < quit && child.try_wait().ok().flatten().is_none() {
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    println!("idle: {idle} B written in 5 s without input (first frame {before} B)");
}

/// Our text filter and `fzf --filter` over the same event lines.
fn versus_fzf(shared: &Shared) {
    let corpus = &shared.corpus;
    let lines: String = corpus
        .events
        .iter()
        .enumerate()
        .map(|(ix, e)| {
            let mut line = format!(
                "{} {} {}",
                e.title,
                e.summary,
                e.place.as_deref().unwrap_or_default()
            );
            for &q in &corpus.quotes_by_event[ix] {
                line.push(' ');
                line.push_str(&corpus.quotes[q].text.replace('\n', " "));
            }
            line.push('\n');
            line
        })
        .collect();
    let fzf_present = Command::new("fzf")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    println!("text filter over {} events:", corpus.events.len());
    for query in QUERIES {
        let filter = Filter {
            text: query.to_owned(),
            ..Filter::default()
        };
        let (ours, found) = best_of(5, || shared.index.apply(corpus, &filter).len());
        let keys = keystrokes(shared, Action::TextFilter, query);
        let mut row = format!(
            "  {query:?}: ours {:.2} ms ({found} events); keystroke + frame {keys}",
            ms(ours)
        );
        if fzf_present {
            for (name, extra) in [("fzf", None), ("fzf --exact", Some("--exact"))] {
                let (theirs, n) = best_of(3, || fzf(&lines, query, extra));
                row.push_str(&format!(
                    "; {name} {:.1} ms ({n} lines) = {:.0}x ours",
                    ms(theirs),
                    theirs.as_secs_f64() / ours.as_secs_f64().max(1e-9)
                ));
            }
        }
        println!("{row}");
    }
    if !fzf_present {
        println!("  (fzf not found: comparison skipped)");
    }
    for query in ["volkov", "kim min"] {
        let keys = keystrokes(shared, Action::ActorFilter, query);
        println!(
            "actor filter over {} actors, {query:?}: keystroke + frame {keys}",
            corpus.actors.len()
        );
    }
}

/// Typing `query` letter by letter into a filter input, five times, each
/// letter timed with the 200x60 frame drawn after it: median, p95, worst.
fn keystrokes(shared: &Shared, open: Action, query: &str) -> String {
    let area = Rect::new(0, 0, 200, 60);
    let theme = Theme::colour();
    let mut times = Vec::new();
    for _ in 0..5 {
        let mut app = App::new(shared.clone(), Keymap::default(), area.width, area.height);
        app.update(open);
        let mut buf = ratatui::buffer::Buffer::empty(area);
        for c in query.chars() {
            let start = Instant::now();
            app.update(Action::Insert(c));
            ui::draw(&app, &theme, area, &mut buf);
            times.push(start.elapsed());
        }
    }
    times.sort_unstable();
    let at = |q: f64| ms(times[((times.len() - 1) as f64 * q).round() as usize]);
    format!(
        "p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        at(0.5),
        at(0.95),
        at(1.0)
    )
}

fn fzf(lines: &str, query: &str, extra: Option<&str>) -> usize {
    let mut cmd = Command::new("fzf");
    cmd.arg("--filter").arg(query);
    cmd.args(extra);
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("fzf starts");
    let mut stdin = child.stdin.take().expect("piped");
    let input = lines.to_owned();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let out = child.wait_with_output().expect("fzf runs");
    let _ = feeder.join();
    out.stdout.iter().filter(|&&b| b == b'\n').count()
}

/// The fastest of `n` runs, and what the last returned.
fn best_of<T>(n: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..n {
        let start = Instant::now();
        out = Some(f());
        best = best.min(start.elapsed());
    }
    (best, out.expect("n > 0"))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn peak_rss_kb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?.to_owned();
            line.split_whitespace().nth(1)?.parse().ok()
        })
        .unwrap_or(0.0)
}

fn cpu_name() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("model name"))?.to_owned();
            Some(line.split(':').nth(1)?.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}
