//! `chronicle generate`: a synthetic corpus of any size, the same for the
//! same seed, for measuring chronicle on years of coverage. It is written
//! in the corpus format and passes `chronicle check` with no problem.

mod article;
mod cultures;
mod names;
mod rng;
mod words;
mod writer;

use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use article::{Carried, GenArticle, GenEvent, GenQuote};
use names::GenActor;
use rng::Rng;

use crate::text::sanitize::sanitize_line;

#[derive(Debug, Clone, clap::Args)]
pub struct GenerateArgs {
    /// How many articles to write (about 4 KB, 10 events and 20 quotes each).
    #[arg(long, value_name = "N")]
    pub articles: usize,
    /// How many actors (default: half the articles, at least 40; at most 1000000).
    #[arg(long, value_name = "N")]
    pub actors: Option<usize>,
    /// Seed of the generator: the same seed writes the same corpus.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The corpus directory to write.
    #[arg(short = 'o', long = "out", value_name = "DIR")]
    pub out: PathBuf,
    /// Write into a non-empty directory, replacing its corpus files.
    #[arg(long)]
    pub force: bool,
}

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub articles: usize,
    pub actors: usize,
    pub events: usize,
    pub quotes: usize,
    pub bytes: u64,
}

/// Runs the command: writes the corpus and prints what it wrote.
pub fn run(args: &GenerateArgs) -> ExitCode {
    match generate(args) {
        Ok(s) => {
            eprintln!(
                "{}: {} articles, {} actors, {} events, {} quotes, {:.1} MB",
                sanitize_line(&args.out.to_string_lossy()),
                s.articles,
                s.actors,
                s.events,
                s.quotes,
                s.bytes as f64 / 1e6
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("chronicle generate: {}", sanitize_line(&err.to_string()));
            ExitCode::FAILURE
        }
    }
}

/// The most actors a corpus may have: all of them are held in memory (with
/// every name taken) while the corpus is written, so a mistyped number must
/// not exhaust it.
pub const MAX_ACTORS: usize = 1_000_000;

/// Writes the corpus described by `args` into `args.out`.
pub fn generate(args: &GenerateArgs) -> io::Result<Summary> {
    let actor_count = match args.actors {
        Some(n) if n > MAX_ACTORS => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("--actors {n} is over the limit of {MAX_ACTORS} actors"),
            ))
        }
        Some(n) => n.max(40),
        None => (args.articles / 2).clamp(40, MAX_ACTORS),
    };
    prepare(&args.out, args.force)?;
    let root = Rng::new(args.seed);
    let actors = names::actors(&mut root.fork(0), actor_count);
    let mut out = Output::create(&args.out)?;
    out.actors(&actors)?;
    let mut carry: Option<Carried> = None;
    for i in 0..args.articles {
        let mut rng = root.fork(i as u64 + 1);
        let generated = article::generate(i, args.articles, &mut rng, &actors, carry.take());
        out.article(&generated.article)?;
        for event in &generated.events {
            out.event(event, &actors)?;
        }
        for quote in &generated.quotes {
            out.quote(quote, &actors)?;
        }
        carry = generated.carry;
    }
    if let Some(c) = carry {
        out.event(&c.event, &actors)?;
    }
    out.finish()
}

/// Creates the directory, or checks that it may be written into.
fn prepare(dir: &Path, force: bool) -> io::Result<()> {
    let context = |err: io::Error| io::Error::new(err.kind(), format!("{}: {err}", dir.display()));
    if dir.exists() {
        let mut entries = fs::read_dir(dir).map_err(context)?;
        if entries.next().is_some() && !force {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!(
                    "{} is not empty; use --force to replace its corpus files",
                    dir.display()
                ),
            ));
        }
        // Articles of an earlier, larger corpus would linger and break it.
        if let Ok(old) = fs::read_dir(dir.join("articles")) {
            for entry in old.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "md") {
                    fs::remove_file(&path).map_err(context)?;
                }
            }
        }
    }
    fs::create_dir_all(dir.join("articles")).map_err(context)
}

/// The three record files, written as the articles are generated.
struct Output {
    dir: PathBuf,
    actors: Sink,
    events: Sink,
    quotes: Sink,
    summary: Summary,
    /// Reused for each record.
    buf: String,
}

struct Sink {
    path: PathBuf,
    file: BufWriter<File>,
}

impl Sink {
    fn create(path: PathBuf, header: &str) -> io::Result<Sink> {
        let file = File::create(&path).map_err(|e| at(&path, e))?;
        let mut sink = Sink {
            path,
            file: BufWriter::with_capacity(1 << 16, file),
        };
        sink.write(header)?;
        Ok(sink)
    }

    fn write(&mut self, text: &str) -> io::Result<()> {
        self.file
            .write_all(text.as_bytes())
            .map_err(|e| at(&self.path, e))
    }
}

fn at(path: &Path, err: io::Error) -> io::Error {
    io::Error::new(err.kind(), format!("{}: {err}", path.display()))
}

impl Output {
    fn create(dir: &Path) -> io::Result<Output> {
        let note = "# Generated by `chronicle generate`: synthetic, not real news.\n";
        Ok(Output {
            dir: dir.to_path_buf(),
            actors: Sink::create(dir.join("actors.toml"), note)?,
            events: Sink::create(dir.join("events.toml"), note)?,
            quotes: Sink::create(dir.join("quotes.toml"), note)?,
            summary: Summary::default(),
            buf: String::new(),
        })
    }

    fn actors(&mut self, actors: &[GenActor]) -> io::Result<()> {
        for a in actors {
            let b = &mut self.buf;
            b.clear();
            let aliases: Vec<String> = a.aliases.iter().map(|s| quoted(s)).collect();
            let kind = if a.organisation {
                "organisation"
            } else {
                "person"
            };
            let _ = write!(
                b,
                "\n[[actor]]\nid = {}\nname = {}\naliases = [{}]\nrole = {}\ncountry = {}\nkind = \"{kind}\"\n",
                quoted(&a.id),
                quoted(&a.name),
                aliases.join(", "),
                quoted(&a.role),
                quoted(a.country),
            );
            self.summary.bytes += b.len() as u64;
            self.actors.write(b)?;
        }
        self.summary.actors = actors.len();
        Ok(())
    }

    fn article(&mut self, article: &GenArticle) -> io::Result<()> {
        let b = &mut self.buf;
        b.clear();
        let _ = write!(
            b,
            "+++\nid = {}\ntitle = {}\noutlet = {}\nurl = {}\npublished = {}\n+++\n\n{}",
            quoted(&article.id),
            quoted(&article.title),
            quoted(article.outlet),
            quoted(&format!("https://news.example.org/{}", article.id)),
            article.published,
            article.body
        );
        let path = self.dir.join("articles").join(format!("{}.md", article.id));
        fs::write(&path, b.as_bytes()).map_err(|e| at(&path, e))?;
        self.summary.bytes += b.len() as u64;
        self.summary.articles += 1;
        Ok(())
    }

    fn event(&mut self, event: &GenEvent, actors: &[GenActor]) -> io::Result<()> {
        let b = &mut self.buf;
        b.clear();
        let ids: Vec<String> = event
            .actors
            .iter()
            .map(|&a| quoted(&actors[a].id))
            .collect();
        let _ = write!(
            b,
            "\n[[event]]\nid = {}\ndate = {}\ntitle = {}\nplace = {}\nkind = \"{}\"\nactors = [{}]\n",
            quoted(&event.id),
            quoted(&event.date),
            quoted(&event.title),
            quoted(event.place),
            event.kind.name(),
            ids.join(", "),
        );
        if let Some(parent) = &event.parent {
            let _ = writeln!(b, "parent = {}", quoted(parent));
        }
        let _ = writeln!(b, "summary = {}", quoted(&event.summary));
        for (article, excerpt) in &event.sources {
            let _ = write!(
                b,
                "\n[[event.source]]\narticle = {}\nexcerpt = {}\n",
                quoted(article),
                quoted(excerpt)
            );
        }
        self.summary.bytes += b.len() as u64;
        self.summary.events += 1;
        self.events.write(b)
    }

    fn quote(&mut self, quote: &GenQuote, actors: &[GenActor]) -> io::Result<()> {
        let b = &mut self.buf;
        b.clear();
        let _ = write!(
            b,
            "\n[[quote]]\nid = {}\narticle = {}\nspeaker = {}\nevent = {}\ntext = {}\n",
            quoted(&quote.id),
            quoted(&quote.article),
            quoted(&actors[quote.speaker].id),
            quoted(&quote.event),
            quoted(&quote.text),
        );
        self.summary.bytes += b.len() as u64;
        self.summary.quotes += 1;
        self.quotes.write(b)
    }

    fn finish(mut self) -> io::Result<Summary> {
        for sink in [&mut self.actors, &mut self.events, &mut self.quotes] {
            sink.file.flush().map_err(|e| at(&sink.path, e))?;
        }
        Ok(self.summary)
    }
}

/// A TOML basic string.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_many_actors_is_an_error_naming_the_limit_before_anything_is_written() {
        let out = std::env::temp_dir().join(format!("chronicle-gen-actors-{}", std::process::id()));
        for actors in [MAX_ACTORS + 1, usize::MAX] {
            let args = GenerateArgs {
                articles: 1,
                actors: Some(actors),
                seed: 1,
                out: out.clone(),
                force: false,
            };
            let err = generate(&args).expect_err("too many actors");
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
            assert!(err.to_string().contains("limit of 1000000 actors"), "{err}");
            assert!(!out.exists(), "nothing is written");
        }
    }

    #[test]
    fn quoted_strings_parse_back_as_toml() {
        for s in [
            "plain",
            "say \"hi\"",
            "back\\slash",
            "line\nbreak",
            "tab\tand \u{7}",
            "Ким 김 王",
        ] {
            let doc = format!("v = {}", quoted(s));
            let table: toml::Table = toml::from_str(&doc).expect("valid TOML");
            assert_eq!(table["v"].as_str(), Some(s));
        }
    }
}
