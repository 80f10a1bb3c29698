//! `chronicle serve`: the explorer over SSH (see `crate::serve`).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use crate::app::Shared;
use crate::config::Config;
use crate::corpus::diag::Diagnostic;
use crate::extract::Loaded;
use crate::serve::{Base, Limits, Options};

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The address and port to listen on (port 0: any free one, logged).
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:2222")]
    pub listen: SocketAddr,
    /// The server's Ed25519 host key, made there (mode 0600) if missing
    /// [default: $XDG_DATA_HOME/chronicle/ssh_host_ed25519_key, or
    /// ~/.local/share/chronicle/ssh_host_ed25519_key].
    #[arg(long, value_name = "FILE")]
    pub host_key: Option<PathBuf>,
    /// The public keys that may log in, one a line
    /// [default: ~/.ssh/authorized_keys].
    #[arg(long, value_name = "FILE", conflicts_with = "allow_any_key")]
    pub authorized_keys: Option<PathBuf>,
    /// Let any public key log in (a public, read-only corpus).
    #[arg(long)]
    pub allow_any_key: bool,
    /// Sessions at once at most; more connections are refused.
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub max_sessions: usize,
    /// Sessions at once from one IP address at most.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub max_sessions_per_ip: usize,
    /// New connections from one IP address a minute at most; more are
    /// refused.
    #[arg(long, value_name = "N", default_value_t = 30)]
    pub max_connections_per_minute: usize,
    /// Close a session after this long without input ("90s", "30m",
    /// "2h"; 0 never).
    #[arg(long, value_name = "DUR", default_value = "30m", value_parser = duration)]
    pub idle_timeout: Duration,
    /// Where readers' exports are written; without it, none are.
    #[arg(long, value_name = "DIR")]
    pub export_dir: Option<PathBuf>,
    /// The keys, theme and follow delay every session starts from, in the
    /// explorer's config format (assets/config.example.toml); read once,
    /// and a bad file stops the server. A reader may pick an embedded
    /// theme with `ssh -o SetEnv=CHRONICLE_THEME=mono` (default, mono);
    /// their NO_COLOR always means mono.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

pub fn run(loaded: &mut Loaded, args: &ServeArgs) -> ExitCode {
    super::warn(&loaded.problems);
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let host_key = args.host_key.clone().or_else(|| {
        let data = std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .filter(|d| d.is_absolute())
            .or_else(|| home.as_ref().map(|h| h.join(".local").join("share")))?;
        Some(data.join("chronicle").join("ssh_host_ed25519_key"))
    });
    let Some(host_key) = host_key else {
        eprintln!("chronicle: no home directory for the host key: give --host-key FILE");
        return ExitCode::FAILURE;
    };
    let authorized_keys = if args.allow_any_key {
        None
    } else {
        match args.authorized_keys.clone().or_else(|| {
            home.as_ref()
                .map(|h| h.join(".ssh").join("authorized_keys"))
        }) {
            Some(path) => Some(path),
            None => {
                eprintln!(
                    "chronicle: no home directory for authorized keys: give \
                     --authorized-keys FILE or --allow-any-key"
                );
                return ExitCode::FAILURE;
            }
        }
    };
    let base = match &args.config {
        None => Base::default(),
        Some(path) => match base(path) {
            Ok(base) => base,
            Err(problems) => {
                for problem in problems {
                    eprintln!("chronicle: config: {problem}");
                }
                eprintln!("chronicle: not serving with a bad --config");
                return ExitCode::FAILURE;
            }
        },
    };
    let options = Options {
        listen: args.listen,
        host_key,
        authorized_keys,
        limits: Limits {
            sessions: args.max_sessions,
            sessions_per_ip: args.max_sessions_per_ip,
            connections_per_minute: args.max_connections_per_minute,
        },
        idle: (!args.idle_timeout.is_zero()).then_some(args.idle_timeout),
        export_dir: args.export_dir.clone(),
        base,
    };
    // The one model every reader shares, taken rather than copied.
    let corpus = std::mem::take(&mut loaded.corpus);
    let shared = Shared::new(corpus, std::mem::take(&mut loaded.problems));
    crate::serve::run(shared, options)
}

/// What every session starts from, from the config at `path`; its
/// problems, each naming the file, line and column, if it has any.
fn base(path: &Path) -> Result<Base, Vec<Diagnostic>> {
    let colour = Config::load(Some(path), false);
    if !colour.problems.is_empty() {
        return Err(colour.problems);
    }
    Ok(Base::new(colour, Config::load(Some(path), true)))
}

/// "90s", "30m", "2h", "1h30m" or "0".
fn duration(text: &str) -> Result<Duration, String> {
    let bad = || format!("{text:?} is not a duration like 90s, 30m or 2h");
    if text == "0" {
        return Ok(Duration::ZERO);
    }
    let mut total = 0u64;
    let mut number = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            _ => return Err(bad()),
        };
        let n: u64 = number.parse().map_err(|_| bad())?;
        total = n
            .checked_mul(unit)
            .and_then(|s| total.checked_add(s))
            .ok_or_else(bad)?;
        number.clear();
    }
    if !number.is_empty() || total == 0 && text.is_empty() {
        return Err(bad());
    }
    Ok(Duration::from_secs(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serve_takes_its_own_config_before_or_after_the_command() {
        use clap::{CommandFactory, Parser};
        crate::cli::Cli::command().debug_assert();
        for args in [
            &["chronicle", "serve", "--config", "s.toml"][..],
            &["chronicle", "--config", "s.toml", "serve"][..],
        ] {
            let cli = crate::cli::Cli::try_parse_from(args).expect("parses");
            let Some(crate::cli::Command::Serve(serve)) = cli.command else {
                panic!("not serve: {args:?}");
            };
            assert_eq!(
                serve.config.as_deref(),
                Some(Path::new("s.toml")),
                "{args:?}"
            );
        }
    }

    #[test]
    fn a_bad_config_names_its_file_and_line() {
        let dir =
            std::env::temp_dir().join(format!("chronicle-serve-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temp dir");
        let path = dir.join("serve.toml");
        std::fs::write(&path, "follow_delay_ms = 100\ntheme = \"nope\"\n").expect("write");
        let problems = base(&path).expect_err("refused");
        assert_eq!(problems[0].line, 2, "{problems:?}");
        assert!(problems[0].file.ends_with("serve.toml"), "{problems:?}");
        std::fs::write(&path, "follow_delay_ms = 0\n").expect("write");
        assert_eq!(base(&path).expect("read").follow_delay, Duration::ZERO);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn durations_read_as_written() {
        assert_eq!(duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(duration("30m"), Ok(Duration::from_secs(1800)));
        assert_eq!(duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(duration("0"), Ok(Duration::ZERO));
        for bad in ["", "30", "m", "3x", "-1s", "99999999999999999999h"] {
            assert!(duration(bad).is_err(), "{bad}");
        }
    }
}
