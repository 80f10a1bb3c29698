//! `chronicle serve`: the explorer over SSH, one process for many readers.
//! The corpus is loaded once and shared read-only; each reader gets their
//! own `Session` (keys and theme from `--config`, their theme's name,
//! TERM and NO_COLOR, screen size)
//! on a thread of its own, so a panic or a slow link ends or slows that
//! reader only. Logins are by public key only; there is no shell.

mod access;
mod connection;
mod host_key;
mod input;
mod limits;
mod log;
mod output;
mod reader;
mod terminal;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use russh::{MethodKind, MethodSet};
use tokio::net::TcpListener;
use tokio::signal::unix::{signal, SignalKind};
use tokio::sync::mpsc;

pub use access::Access;
pub use limits::Limits;
pub use terminal::Base;

use crate::app::Shared;
use connection::Connection;
use limits::{Limiter, Refusal};
use reader::Feed;

/// How long a stopping server waits for its readers to be told.
const GOODBYE: Duration = Duration::from_secs(5);

/// How the server runs (what `chronicle serve`'s options say).
pub struct Options {
    pub listen: SocketAddr,
    pub host_key: PathBuf,
    pub authorized_keys: Option<PathBuf>,
    pub limits: Limits,
    /// `None`: sessions never time out.
    pub idle: Option<Duration>,
    /// Where readers' exports go; `None` writes nothing on the server.
    pub export_dir: Option<PathBuf>,
    /// What every session starts from (`--config`).
    pub base: Base,
}

/// What every connection shares.
pub struct Context {
    shared: Shared,
    access: Access,
    idle: Option<Duration>,
    export_dir: Option<PathBuf>,
    base: Base,
    /// Each running reader's input, by connection number: how a stopping
    /// server says goodbye to them. Weak, so that a connection that ends
    /// still closes its reader's input.
    readers: Mutex<HashMap<u64, mpsc::WeakSender<Feed>>>,
}

impl Context {
    fn readers(&self) -> MutexGuard<'_, HashMap<u64, mpsc::WeakSender<Feed>>> {
        self.readers.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn enlist(&self, id: u64, feed: &mpsc::Sender<Feed>) {
        self.readers().insert(id, feed.downgrade());
    }

    fn dismiss(&self, id: u64) {
        self.readers().remove(&id);
    }
}

/// Serves until SIGTERM or SIGINT, then says goodbye to every reader
/// and exits 0. Problems at start (the host key, the
/// authorized keys, the address) are logged and fail the command.
pub fn run(shared: Shared, options: Options) -> ExitCode {
    // crossterm drops every colour when the *server* has NO_COLOR set (it
    // reads it once per process); each reader's own NO_COLOR picks the
    // mono theme instead.
    crossterm::style::Colored::set_ansi_color_disabled(false);
    match start(shared, options) {
        Ok(code) => code,
        Err(err) => {
            log::line(err);
            ExitCode::FAILURE
        }
    }
}

fn start(shared: Shared, options: Options) -> Result<ExitCode, String> {
    let access = match &options.authorized_keys {
        None => Access::AnyKey,
        Some(path) => {
            let (access, warnings) = Access::read(path)?;
            for warning in warnings {
                log::line(warning);
            }
            access
        }
    };
    let (key, created) = host_key::load_or_create(&options.host_key)?;
    log::line(format!(
        "host key {} {} ({})",
        options.host_key.display(),
        host_key::fingerprint(&key),
        if created { "made now" } else { "loaded" }
    ));
    match access.count() {
        None => log::line("any key may log in (--allow-any-key)"),
        Some(n) => log::line(format!("{} may log in", crate::text::count(n, "key"))),
    }
    let config = russh::server::Config {
        keys: vec![key],
        methods: MethodSet::from(&[MethodKind::PublicKey][..]),
        // OpenSSH probes with "none" first: no need to make it wait.
        auth_rejection_time_initial: Some(Duration::ZERO),
        max_auth_attempts: 6,
        // A backstop behind each reader's own idle timeout, which says
        // goodbye first.
        inactivity_timeout: options.idle.map(|i| i + Duration::from_secs(60)),
        keepalive_interval: Some(Duration::from_secs(30)),
        nodelay: true,
        ..Default::default()
    };
    let context = Arc::new(Context {
        shared,
        access,
        idle: options.idle,
        export_dir: options.export_dir.clone(),
        base: options.base.clone(),
        readers: Mutex::new(HashMap::new()),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|err| format!("cannot start the server: {err}"))?;
    runtime.block_on(serve(Arc::new(config), context, &options))
}

async fn serve(
    config: Arc<russh::server::Config>,
    context: Arc<Context>,
    options: &Options,
) -> Result<ExitCode, String> {
    let listener = TcpListener::bind(options.listen)
        .await
        .map_err(|err| format!("cannot listen on {}: {err}", options.listen))?;
    let local = listener
        .local_addr()
        .map_err(|err| format!("cannot listen on {}: {err}", options.listen))?;
    let stop = |kind| signal(kind).map_err(|err| format!("cannot catch signals: {err}"));
    let (mut term, mut int) = (
        stop(SignalKind::terminate())?,
        stop(SignalKind::interrupt())?,
    );
    log::line(format!("listening on {local}"));
    let limiter = Arc::new(Mutex::new(Limiter::new(options.limits)));
    let mut next = 0u64;
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = term.recv() => break,
            _ = int.recv() => break,
        };
        let (socket, peer) = match accepted {
            Ok(accepted) => accepted,
            // Out of file descriptors and the like: wait, then go on.
            Err(err) => {
                log::line(format!("accept failed: {err}"));
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        next += 1;
        let admitted = lock(&limiter).admit(peer.ip(), Instant::now());
        if let Err(refusal) = admitted {
            log::line(format!(
                "connection {next} from {peer}: refused, {}",
                refused(refusal, &options.limits)
            ));
            continue;
        }
        let (config, context, limiter) = (config.clone(), context.clone(), limiter.clone());
        tokio::spawn(async move {
            let handler = Connection::new(context, next, peer);
            match russh::server::run_stream(config, socket, handler).await {
                Ok(session) => match session.await {
                    Ok(()) => {}
                    // The client went away: the normal end of a connection.
                    Err(russh::Error::IO(err))
                        if err.kind() == std::io::ErrorKind::UnexpectedEof => {}
                    Err(err) => log::line(format!("connection {next}: {err}")),
                },
                Err(err) => log::line(format!("connection {next} from {peer}: {err}")),
            }
            lock(&limiter).release(peer.ip());
        });
    }
    drop(listener);
    goodbye(&context).await;
    Ok(ExitCode::SUCCESS)
}

fn lock(limiter: &Mutex<Limiter>) -> MutexGuard<'_, Limiter> {
    limiter.lock().unwrap_or_else(|e| e.into_inner())
}

/// Why a connection was refused, as the log says it.
fn refused(refusal: Refusal, limits: &Limits) -> String {
    use crate::text::count;
    match refusal {
        Refusal::Sessions => format!(
            "{} already (--max-sessions)",
            count(limits.sessions, "session")
        ),
        Refusal::SessionsPerIp => format!(
            "{} from that address already (--max-sessions-per-ip)",
            count(limits.sessions_per_ip, "session")
        ),
        Refusal::Rate => format!(
            "{} from that address in the last minute (--max-connections-per-minute)",
            count(limits.connections_per_minute, "connection")
        ),
    }
}

/// Tells every reader the server is stopping, and waits (a while) until
/// their sessions have closed.
async fn goodbye(context: &Context) {
    let readers: Vec<_> = context
        .readers()
        .values()
        .filter_map(mpsc::WeakSender::upgrade)
        .collect();
    log::line(format!(
        "stopping: saying goodbye to {}",
        crate::text::count(readers.len(), "reader")
    ));
    let deadline = Instant::now() + GOODBYE;
    for feed in readers {
        let _ = tokio::time::timeout_at(deadline.into(), feed.send(Feed::Goodbye)).await;
    }
    while !context.readers().is_empty() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    log::line("stopped");
}

/// A duration as the log says it: "42 s", "3 min 5 s", "2 h 10 min".
fn elapsed(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        0..60 => format!("{s} s"),
        60..3600 => format!("{} min {} s", s / 60, s % 60),
        _ => format!("{} h {} min", s / 3600, s % 3600 / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elapsed_reads_as_a_person_would_say_it() {
        assert_eq!(elapsed(Duration::from_millis(42_900)), "42 s");
        assert_eq!(elapsed(Duration::from_secs(185)), "3 min 5 s");
        assert_eq!(elapsed(Duration::from_secs(7800)), "2 h 10 min");
    }
}
