//! The events chronicle builds, scored against the hand-written answer keys
//! of the development set (tests/fixtures/devset, committed), and of
//! tests/fixtures/devset-local and tests/fixtures/heldout* where present.
//! Each story folder is a corpus with `key.toml` beside it; its `[[event]]`
//! tables are the key (format in tests/fixtures/devset/README.md).
//!
//! The events scored are those `chronicle events --corpus DIR --json`
//! prints: the corpus is loaded as the program loads it.
//!
//! A program event E matches a key event K when E's date agrees with K's at
//! K's precision (either's first..last days lie within the other's) and one
//! of E's sources overlaps a reporting passage of K (same article, byte
//! ranges overlap). Figures:
//! - recall: key events matched by at least one program event;
//! - fragmentation: for matched key events, mean number of program events
//!   matching each;
//! - source coverage: for matched key events, the share of K's reporting
//!   articles cited by its best match (the matching event citing most of
//!   them);
//! - precision: extracted events that match some key event (background
//!   events of the key included);
//! - actors: for matched key events with actors, the share of them present
//!   among the best match's actors (by words, case-insensitively).
//!
//! `cargo test --test devset_events -- --nocapture` prints the figures per
//! story; `DEVSET_VERBOSE=1` adds (never for a held-out set) every missed key event and every program
//! event that matches nothing.

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chronicle::corpus::Location;
use chronicle::extract::load;
use chronicle::model::{Corpus, DateSpec, Origin};

// The targets of the events issue, printed beside the figures. The
// development set reached them all at 55 articles; the 6 added since (three
// 2007 stories, most of their happenings undated) hold recall below 90%
// (see the README's events table).
const RECALL: f64 = 0.90;
const FRAGMENTATION: f64 = 1.2;
const SOURCE_COVERAGE: f64 = 0.80;
const PRECISION: f64 = 0.80;
const ACTORS: f64 = 0.80;
const MIN_ARTICLES: usize = 61;

// What the builder reaches on the committed set today, a little under: a
// change that falls below one of these has made the events worse.
const FLOOR_RECALL: f64 = 0.845;
const FLOOR_FRAGMENTATION: f64 = 1.13;
const FLOOR_SOURCE_COVERAGE: f64 = 0.915;
const FLOOR_PRECISION: f64 = 0.865;
const FLOOR_ACTORS: f64 = 0.80;

#[derive(serde::Deserialize)]
struct Key {
    #[serde(default)]
    event: Vec<KeyEvent>,
}

#[derive(serde::Deserialize)]
struct KeyEvent {
    #[serde(default)]
    id: String,
    date: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    actors: Vec<String>,
    #[serde(default)]
    background: bool,
    #[serde(default)]
    report: Vec<KeyReport>,
}

#[derive(serde::Deserialize)]
struct KeyReport {
    article: String,
    passage: String,
    occurrence: Option<usize>,
}

/// A key event with its date parsed and its passages located.
struct Wanted {
    id: String,
    date: DateSpec,
    title: String,
    actors: Vec<String>,
    background: bool,
    /// (article index, byte range of the passage in its body).
    reports: Vec<(usize, Range<usize>)>,
}

impl Wanted {
    fn articles(&self) -> BTreeSet<usize> {
        self.reports.iter().map(|(a, _)| *a).collect()
    }
}

/// A program event, as much of it as the scorer needs.
struct Built {
    date: DateSpec,
    title: String,
    /// (article index, byte range in its body).
    sources: Vec<(usize, Range<usize>)>,
    /// Every name of every actor: canonical name first, then aliases.
    actors: Vec<Vec<String>>,
    extracted: bool,
    /// The first source's excerpt and article id, for messages.
    excerpt: String,
}

impl Built {
    fn from_corpus(corpus: &Corpus) -> Vec<Built> {
        corpus
            .events
            .iter()
            .map(|e| Built {
                date: e.date.clone(),
                title: e.title.clone(),
                sources: e
                    .sources
                    .iter()
                    .map(|s| (s.article, s.span.clone()))
                    .collect(),
                actors: e
                    .actors
                    .iter()
                    .map(|&a| {
                        let actor = &corpus.actors[a];
                        std::iter::once(&actor.name)
                            .chain(&actor.aliases)
                            .cloned()
                            .collect()
                    })
                    .collect(),
                extracted: e.origin == Origin::Extracted,
                excerpt: e.sources.first().map_or(String::new(), |s| {
                    format!("{}: {}", corpus.articles[s.article].id, s.excerpt)
                }),
            })
            .collect()
    }

    fn cited(&self) -> BTreeSet<usize> {
        self.sources.iter().map(|(a, _)| *a).collect()
    }
}

/// The dates agree at the key's precision: the event's days lie within the
/// key's, or the key's within the event's.
fn dates_agree(key: &DateSpec, event: &DateSpec) -> bool {
    let (kf, kl) = (key.first_day(), key.last_day());
    let (ef, el) = (event.first_day(), event.last_day());
    (kf <= ef && el <= kl) || (ef <= kf && kl <= el)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn matches(key: &Wanted, event: &Built) -> bool {
    dates_agree(&key.date, &event.date)
        && event.sources.iter().any(|(a, span)| {
            key.reports
                .iter()
                .any(|(ka, passage)| ka == a && overlaps(span, passage))
        })
}

/// Byte range of the `occurrence`-th (1-based) `passage` in `body`: exact
/// first, else with runs of whitespace on both sides treated as one space.
fn locate(body: &str, passage: &str, occurrence: Option<usize>) -> Option<Range<usize>> {
    let n = occurrence.unwrap_or(1).max(1);
    if let Some((at, _)) = body.match_indices(passage).nth(n - 1) {
        return Some(at..at + passage.len());
    }
    // Normalise the body, keeping for each byte of it where it came from.
    let mut flat = String::with_capacity(body.len());
    let mut from: Vec<usize> = Vec::with_capacity(body.len() + 1);
    let mut space = false;
    for (i, c) in body.char_indices() {
        if c.is_whitespace() {
            if !space && !flat.is_empty() {
                flat.push(' ');
                from.push(i);
            }
            space = true;
            continue;
        }
        space = false;
        for _ in 0..c.len_utf8() {
            from.push(i);
        }
        flat.push(c);
    }
    let want = passage.split_whitespace().collect::<Vec<_>>().join(" ");
    if want.is_empty() {
        return None;
    }
    let (at, _) = flat.match_indices(want.as_str()).nth(n - 1)?;
    let last = at + want.len() - 1;
    let end = from[last] + body[from[last]..].chars().next().map_or(1, char::len_utf8);
    Some(from[at]..end)
}

/// A name's words, lower-cased, without a leading "the", possessives and
/// punctuation.
fn name_words(name: &str) -> Vec<String> {
    let mut out: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == ',' || c == '-')
        .map(|w| {
            let w = w.trim_end_matches("'s").trim_end_matches("’s");
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if out.len() > 1 && out[0] == "the" {
        out.remove(0);
    }
    out
}

/// The key's name is present as `got` when one's words all occur in the
/// other's ("Joe Biden" and "President Joe Biden", or "Biden").
fn same_actor(got: &str, want: &str) -> bool {
    let (g, w) = (name_words(got), name_words(want));
    if g.is_empty() || w.is_empty() {
        return false;
    }
    w.iter().all(|x| g.contains(x)) || g.iter().all(|x| w.contains(x))
}

/// Share of the key's actors found among an event's actors (any of each
/// actor's names).
fn actor_share(want: &[String], got: &[Vec<String>]) -> f64 {
    let found = want
        .iter()
        .filter(|w| got.iter().flatten().any(|g| same_actor(g, w)))
        .count();
    found as f64 / want.len().max(1) as f64
}

#[derive(Default, Clone, Copy)]
struct Score {
    articles: usize,
    /// Key events, and those matched by at least one program event.
    keys: usize,
    matched: usize,
    /// Over matched key events: program events matching each, summed.
    matching_events: usize,
    /// Over matched key events: share of reporting articles its best match cites.
    coverage: f64,
    /// Extracted program events, and those that match some key event.
    built: usize,
    built_right: usize,
    /// Over matched key events with actors: their count and shares found.
    with_actors: usize,
    actors: f64,
}

impl std::ops::AddAssign for Score {
    fn add_assign(&mut self, o: Score) {
        self.articles += o.articles;
        self.keys += o.keys;
        self.matched += o.matched;
        self.matching_events += o.matching_events;
        self.coverage += o.coverage;
        self.built += o.built;
        self.built_right += o.built_right;
        self.with_actors += o.with_actors;
        self.actors += o.actors;
    }
}

fn ratio(n: f64, d: usize) -> f64 {
    n / d.max(1) as f64
}

impl Score {
    fn recall(&self) -> f64 {
        ratio(self.matched as f64, self.keys)
    }
    fn fragmentation(&self) -> f64 {
        ratio(self.matching_events as f64, self.matched)
    }
    fn source_coverage(&self) -> f64 {
        ratio(self.coverage, self.matched)
    }
    fn precision(&self) -> f64 {
        ratio(self.built_right as f64, self.built)
    }
    fn actors(&self) -> f64 {
        ratio(self.actors, self.with_actors)
    }

    fn line(&self, name: &str) -> String {
        format!(
            "{name:<26} {:>3} art.  events {:>3}/{:<3} recall {:>5.1}%  fragmentation {:>5.2}  \
             sources {:>5.1}%  precision {:>5.1}% of {:<4} actors {:>5.1}% of {}",
            self.articles,
            self.matched,
            self.keys,
            self.recall() * 100.0,
            self.fragmentation(),
            self.source_coverage() * 100.0,
            self.precision() * 100.0,
            self.built,
            self.actors() * 100.0,
            self.with_actors,
        )
    }

    /// Each metric that misses its target, with its value.
    fn failures(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut at_least = |name: &str, got: f64, want: f64| {
            if got < want {
                out.push(format!("{name} {got:.3} < {want}"));
            }
        };
        at_least("recall", self.recall(), RECALL);
        at_least("source coverage", self.source_coverage(), SOURCE_COVERAGE);
        at_least("precision", self.precision(), PRECISION);
        at_least("actors", self.actors(), ACTORS);
        if self.fragmentation() > FRAGMENTATION {
            out.push(format!(
                "fragmentation {:.3} > {FRAGMENTATION}",
                self.fragmentation()
            ));
        }
        out
    }
}

thread_local! {
    /// Set while a held-out set is scored: its misses are never printed,
    /// so that no rule is written from them.
    static HELD_OUT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn verbose() -> bool {
    !HELD_OUT.with(|h| h.get()) && std::env::var_os("DEVSET_VERBOSE").is_some()
}

fn trimmed(s: &str, n: usize) -> String {
    let s = s.replace('\n', " ");
    if s.chars().count() <= n {
        s
    } else {
        let mut out: String = s.chars().take(n - 1).collect();
        out.push('…');
        out
    }
}

/// The key events of a story, dates parsed and passages located; panics
/// with the story and the item on anything that does not parse or is not
/// in its article.
fn wanted(story: &str, corpus: &Corpus, key: Key) -> Vec<Wanted> {
    key.event
        .into_iter()
        .map(|k| {
            let date = DateSpec::parse(&k.date).unwrap_or_else(|e| {
                panic!("{story}: event {:?}: date {:?}: {}", k.id, k.date, e.message)
            });
            assert!(
                !k.report.is_empty(),
                "{story}: event {:?} has no [[event.report]]",
                k.id
            );
            let reports = k
                .report
                .iter()
                .map(|r| {
                    let a = corpus.article_ix(&r.article).unwrap_or_else(|| {
                        panic!(
                            "{story}: event {:?} names an article that is not there: {}",
                            k.id, r.article
                        )
                    });
                    let body = &corpus.articles[a].body;
                    let span = locate(body, &r.passage, r.occurrence).unwrap_or_else(|| {
                        panic!(
                            "{story}: event {:?}: passage not in {} (#{}): {:?}",
                            k.id,
                            r.article,
                            r.occurrence.unwrap_or(1),
                            r.passage
                        )
                    });
                    if verbose() && body.get(span.clone()) != Some(r.passage.as_str()) {
                        eprintln!(
                            "  note    {story}: event {:?}: passage found only with whitespace normalised: {:?}",
                            k.id, r.passage
                        );
                    }
                    (a, span)
                })
                .collect();
            Wanted {
                id: k.id,
                date,
                title: k.title,
                actors: k.actors,
                background: k.background,
                reports,
            }
        })
        .collect()
}

/// Scores the program's events against the key's.
fn score(story: &str, keys: &[Wanted], built: &[Built]) -> Score {
    let mut s = Score {
        keys: keys.len(),
        built: built.iter().filter(|e| e.extracted).count(),
        ..Score::default()
    };
    for k in keys {
        let hits: Vec<&Built> = built.iter().filter(|e| matches(k, e)).collect();
        if hits.is_empty() {
            if verbose() {
                let background = if k.background { " (background)" } else { "" };
                eprintln!(
                    "  missed  {story}: {} [{}] {}{background}",
                    k.id,
                    k.date.to_edtf(),
                    k.title
                );
            }
            continue;
        }
        s.matched += 1;
        s.matching_events += hits.len();
        let reporting = k.articles();
        let cited = |e: &Built| e.cited().intersection(&reporting).count();
        // The first of the events citing the most reporting articles.
        let best = hits
            .iter()
            .copied()
            .reduce(|a, b| if cited(b) > cited(a) { b } else { a })
            .expect("hits is not empty");
        s.coverage += cited(best) as f64 / reporting.len() as f64;
        if !k.actors.is_empty() {
            s.with_actors += 1;
            let share = actor_share(&k.actors, &best.actors);
            s.actors += share;
            if share < 1.0 && verbose() {
                eprintln!(
                    "  actors  {story}: {} want {:?} got {:?}",
                    k.id, k.actors, best.actors
                );
            }
        }
    }
    for e in built.iter().filter(|e| e.extracted) {
        if keys.iter().any(|k| matches(k, e)) {
            s.built_right += 1;
        } else if verbose() {
            eprintln!(
                "  extra   {story}: [{}] {}  ({})",
                e.date.to_edtf(),
                trimmed(&e.title, 100),
                trimmed(&e.excerpt, 100)
            );
        }
    }
    s
}

/// Story folders under `dir` that have both a key and articles.
fn stories(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    out.retain(|p| p.join("key.toml").is_file() && p.join("articles").is_dir());
    out.sort();
    out
}

fn score_story(path: &Path) -> Score {
    let story = path.file_name().unwrap().to_string_lossy().to_string();
    let text = std::fs::read_to_string(path.join("key.toml")).unwrap();
    let key: Key = toml::from_str(&text).unwrap_or_else(|e| panic!("{story}/key.toml: {e}"));
    let loaded = load(&Location::Dir(path.to_path_buf()));
    assert!(loaded.problems.is_empty(), "{story}: {:?}", loaded.problems);
    let corpus = &loaded.corpus;
    let keys = wanted(&story, corpus, key);
    let built = Built::from_corpus(corpus);
    let mut s = score(&story, &keys, &built);
    s.articles = corpus.articles.len();
    eprintln!("{}", s.line(&story));
    s
}

/// Scores every story of a set (a folder under tests/fixtures); None when
/// it has none with both a key and articles.
fn score_set(dir: &str) -> Option<Score> {
    // One set at a time, so that the tests' lines do not interleave.
    static PRINTING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _printing = PRINTING.lock().unwrap_or_else(|e| e.into_inner());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let stories = stories(&root);
    if stories.is_empty() {
        return None;
    }
    let mut total = Score::default();
    for s in &stories {
        total += score_story(s);
    }
    eprintln!("{}", total.line(&format!("all of {dir}")));
    Some(total)
}

#[test]
fn committed_events_hold_their_floors() {
    let s = score_set("tests/fixtures/devset").expect("the development set is committed");
    assert!(
        s.articles >= MIN_ARTICLES,
        "only {} articles read",
        s.articles
    );
    let short = s.failures();
    if !short.is_empty() {
        eprintln!("targets not yet reached: {}", short.join("; "));
    }
    assert!(s.recall() >= FLOOR_RECALL, "recall {:.3}", s.recall());
    assert!(
        s.fragmentation() <= FLOOR_FRAGMENTATION,
        "fragmentation {:.3}",
        s.fragmentation()
    );
    assert!(
        s.source_coverage() >= FLOOR_SOURCE_COVERAGE,
        "source coverage {:.3}",
        s.source_coverage()
    );
    assert!(
        s.precision() >= FLOOR_PRECISION,
        "precision {:.3}",
        s.precision()
    );
    assert!(s.actors() >= FLOOR_ACTORS, "actors {:.3}", s.actors());
}

/// devset-local and the held-out sets, where present: figures only.
#[test]
fn other_sets_are_measured_where_present() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut sets: Vec<String> = std::fs::read_dir(&fixtures)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| n == "devset-local" || n.starts_with("heldout"))
                .collect()
        })
        .unwrap_or_default();
    sets.sort();
    for set in sets {
        let dir = format!("tests/fixtures/{set}");
        HELD_OUT.with(|h| h.set(set.starts_with("heldout")));
        match score_set(&dir) {
            Some(s) => assert!(s.articles > 0, "{dir}: no articles read"),
            None => eprintln!("{dir}: no story with both a key and article bodies here"),
        }
    }
}

#[test]
fn matching_helpers_work_on_hand_built_values() {
    let d = |s: &str| DateSpec::parse(s).unwrap();
    // Dates, at the key's precision, either way round.
    assert!(dates_agree(&d("2023-02"), &d("2023-02-06")));
    assert!(dates_agree(&d("2023-02-06"), &d("2023-02-06")));
    assert!(dates_agree(&d("2023-02-06"), &d("2023-02-05/2023-02-07")));
    assert!(dates_agree(&d("2023-02-06"), &d("2023")));
    assert!(dates_agree(
        &d("2023-01/2023-03"),
        &d("2023-02-10/2023-02-20")
    ));
    assert!(!dates_agree(&d("2023-02-06"), &d("2023-02-07")));
    assert!(!dates_agree(&d("2023-02"), &d("2023-03-01")));
    assert!(!dates_agree(
        &d("2023-01/2023-02"),
        &d("2023-02-10/2023-03-05")
    ));
    assert!(!dates_agree(&d("2022"), &d("2023-01-01")));

    // Byte ranges.
    assert!(overlaps(&(0..5), &(4..8)));
    assert!(overlaps(&(2..3), &(0..10)));
    assert!(!overlaps(&(0..5), &(5..8)));

    // Passages: exact, nth occurrence, whitespace normalised, absent.
    let body = "It rained.  The river rose.\n\nThe river rose again, and again.";
    assert_eq!(locate(body, "The river rose", None), Some(12..26));
    assert_eq!(locate(body, "The river rose", Some(2)), Some(29..43));
    assert_eq!(locate(body, "rained. The river", None), Some(3..21));
    assert_eq!(
        locate(body, "river rose. The river", None),
        Some(16..38),
        "across a paragraph break"
    );
    assert_eq!(locate(body, "The river fell", None), None);
    assert_eq!(locate(body, "The river rose", Some(3)), None);
    let accented = "Café  Müller opened.";
    let at = locate(accented, "Café Müller", None).unwrap();
    assert_eq!(&accented[at], "Café  Müller");

    // Actor names by words.
    assert!(same_actor("Joe Biden", "Joe Biden"));
    assert!(same_actor("President Joe Biden", "Joe Biden"));
    assert!(same_actor("Biden", "Joe Biden"));
    assert!(same_actor("joe biden", "Joe Biden"));
    assert!(same_actor(
        "the Recording Industry Association of America",
        "Recording Industry Association of America"
    ));
    assert!(same_actor("GitHub’s", "GitHub"));
    assert!(!same_actor("Jill Biden", "Joe Biden"));
    assert!(!same_actor("Microsoft", "GitHub"));
    assert!(!same_actor("", "GitHub"));
    let got = vec![
        vec!["Recep Tayyip Erdogan".to_string()],
        vec!["GitHub Inc.".to_string(), "GitHub".to_string()],
    ];
    let want = ["Erdogan", "GitHub", "RIAA"].map(String::from);
    assert!((actor_share(&want, &got) - 2.0 / 3.0).abs() < 1e-9);

    // A whole match: date and a source overlapping a passage of the key.
    let key = Wanted {
        id: "k".into(),
        date: d("2023-02"),
        title: "k".into(),
        actors: vec!["GitHub".into()],
        background: false,
        reports: vec![(0, 10..40), (1, 0..20)],
    };
    let event = |date: &str, sources: Vec<(usize, Range<usize>)>| Built {
        date: d(date),
        title: String::new(),
        sources,
        actors: vec![vec!["GitHub".into()]],
        extracted: true,
        excerpt: String::new(),
    };
    assert!(matches(&key, &event("2023-02-06", vec![(0, 30..35)])));
    assert!(matches(&key, &event("2023", vec![(1, 5..6)])));
    assert!(!matches(&key, &event("2023-03-06", vec![(0, 30..35)])));
    assert!(!matches(&key, &event("2023-02-06", vec![(0, 40..45)])));
    assert!(!matches(&key, &event("2023-02-06", vec![(2, 30..35)])));

    // Scoring: one key event, two events match it, one cites both articles,
    // one matches nothing.
    let built = [
        event("2023-02-06", vec![(0, 30..35)]),
        event("2023-02-06", vec![(0, 12..14), (1, 50..60)]),
        event("2024", vec![(0, 30..35)]),
    ];
    let s = score("unit", std::slice::from_ref(&key), &built);
    assert_eq!((s.keys, s.matched, s.built, s.built_right), (1, 1, 3, 2));
    assert!((s.fragmentation() - 2.0).abs() < 1e-9);
    assert!((s.source_coverage() - 1.0).abs() < 1e-9);
    assert!((s.precision() - 2.0 / 3.0).abs() < 1e-9);
    assert!((s.actors() - 1.0).abs() < 1e-9);
}

/// A present perfect with no date in the lead is dated by publication;
/// one after "since", and one below the lead, are not events.
#[test]
fn lead_present_perfects_take_the_day_of_publication() {
    let article = "+++\nid = \"a\"\ntitle = \"A\"\npublished = 2024-03-05\n+++\n\
                   Storm Ava has left at least 21 people dead in the north.\n\n\
                   The territory has been governed by the council since then.\n\n\
                   Rescuers said the storm was strong. The storm has destroyed a bridge.\n";
    let records =
        chronicle::corpus::read_files("c", vec![("articles/a.md".into(), article.into())]);
    let corpus = chronicle::extract::analyse(records).corpus;
    let body = &corpus.articles[0].body;
    let at = |needle: &str| {
        let start = body.find(needle).expect("needle in body");
        start..start + needle.len()
    };
    let covering = |r: Range<usize>| {
        corpus
            .events
            .iter()
            .filter(|e| {
                e.sources
                    .iter()
                    .any(|s| s.span.start < r.end && r.start < s.span.end)
            })
            .collect::<Vec<_>>()
    };
    let day = chrono::NaiveDate::from_ymd_opt(2024, 3, 5).unwrap();
    let left = covering(at("has left at least 21 people dead"));
    assert_eq!(left.len(), 1, "{:?}", corpus.events);
    assert_eq!(
        (left[0].date.first_day(), left[0].date.last_day()),
        (day, day)
    );
    assert!(covering(at("has been governed")).is_empty());
    assert!(covering(at("has destroyed a bridge")).is_empty());
}
