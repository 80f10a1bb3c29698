//! The extractor on real articles nobody wrote rules for: the development
//! set in tests/fixtures/devset (openly licensed, committed) and, where a
//! developer has the bodies locally, tests/fixtures/devset-local (other
//! outlets; keys committed, bodies git-ignored); then the held-out sets
//! (tests/fixtures/heldout, heldout-local), annotated once the rules were
//! written and never used to tune them. Each story folder is a
//! corpus with `key.toml` beside it, annotated by hand before the extractor
//! ran (see tests/fixtures/devset/README.md).
//!
//! `cargo test --test devset -- --nocapture` prints the figures per story;
//! `DEVSET_VERBOSE=1` adds every miss (never a held-out set's). The tests fail below the targets on
//! the committed set.

use std::path::{Path, PathBuf};

use chronicle::corpus::Location;
use chronicle::extract::load;
use chronicle::extract::{Extraction, Extractor, Speaker};
use chronicle::model::Corpus;

const QUOTE_RECALL: f64 = 0.95;
const QUOTE_PRECISION: f64 = 0.95;
const SPEAKER_ACCURACY: f64 = 0.90;
const DATES_RIGHT: f64 = 0.90;

#[derive(serde::Deserialize)]
struct Key {
    #[serde(default)]
    quote: Vec<KeyQuote>,
    #[serde(default)]
    mention: Vec<KeyMention>,
}

#[derive(serde::Deserialize)]
struct KeyQuote {
    article: String,
    text: String,
    /// As the article names them; "" when it names nobody.
    speaker: String,
    #[serde(default)]
    also: Vec<String>,
    occurrence: Option<usize>,
}

#[derive(serde::Deserialize)]
struct KeyMention {
    article: String,
    phrase: String,
    /// EDTF at the expected precision; "" when it must stay unresolved.
    date: String,
    occurrence: Option<usize>,
}

#[derive(Default, Clone, Copy)]
struct Score {
    articles: usize,
    quotes: usize,
    found: usize,
    reported: usize,
    right_speaker: usize,
    mentions: usize,
    right_dates: usize,
    missed_dates: usize,
    reported_dates: usize,
}

impl std::ops::AddAssign for Score {
    fn add_assign(&mut self, o: Score) {
        self.articles += o.articles;
        self.quotes += o.quotes;
        self.found += o.found;
        self.reported += o.reported;
        self.right_speaker += o.right_speaker;
        self.mentions += o.mentions;
        self.right_dates += o.right_dates;
        self.missed_dates += o.missed_dates;
        self.reported_dates += o.reported_dates;
    }
}

fn pct(n: usize, d: usize) -> f64 {
    n as f64 / d.max(1) as f64
}

impl Score {
    fn recall(&self) -> f64 {
        pct(self.found, self.quotes)
    }
    fn precision(&self) -> f64 {
        pct(self.found, self.reported)
    }
    fn speakers(&self) -> f64 {
        pct(self.right_speaker, self.found)
    }
    fn dates(&self) -> f64 {
        pct(self.right_dates, self.mentions)
    }

    fn line(&self, name: &str) -> String {
        format!(
            "{name:<22} {:>3} art.  quotes {:>3}/{:<3} found {:>5.1}%  precision {:>5.1}% of {:<3}  \
             speaker {:>5.1}%  dates {:>3}/{:<3} {:>5.1}% ({} missed, {} reported)",
            self.articles,
            self.found,
            self.quotes,
            self.recall() * 100.0,
            self.precision() * 100.0,
            self.reported,
            self.speakers() * 100.0,
            self.right_dates,
            self.mentions,
            self.dates() * 100.0,
            self.missed_dates,
            self.reported_dates,
        )
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

/// Byte offset of the `occurrence`-th (1-based) `needle` in `body`; for a
/// quotation over several paragraphs, of its first paragraph.
fn locate(body: &str, needle: &str, occurrence: Option<usize>, story: &str) -> usize {
    let first = needle.split("\n\n").next().unwrap_or(needle);
    let n = occurrence.unwrap_or(1);
    body.match_indices(first)
        .nth(n - 1)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("{story}: key text not in its article: {needle:?} #{n}"))
}

/// A name's words, lower-cased, without "the", possessives and punctuation.
fn name_words(name: &str) -> Vec<String> {
    let mut out: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| {
            let w = w.trim_end_matches("'s").trim_end_matches("’s");
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if out.first().is_some_and(|w| w == "the") {
        out.remove(0);
    }
    out
}

/// The extracted name is right when it starts with an accepted name (an
/// appositive may follow), is an accepted name's start, or is its surname.
fn same_speaker(got: &str, accepted: &str) -> bool {
    let (g, a) = (name_words(got), name_words(accepted));
    if g.is_empty() || a.is_empty() {
        return false;
    }
    g.starts_with(&a) || a.starts_with(&g) || (g.len() == 1 && a.last() == g.last())
}

fn speaker_name(corpus: &Corpus, s: &Option<Speaker>) -> Option<String> {
    match s {
        Some(Speaker::Actor(a)) => Some(corpus.actors[*a].name.clone()),
        Some(Speaker::New(n)) => Some(n.clone()),
        None => None,
    }
}

fn score_article(story: &str, corpus: &Corpus, a: usize, ex: &Extraction, key: &Key) -> Score {
    let article = &corpus.articles[a];
    let body = &article.body;
    let id = &article.id;
    let mut s = Score {
        articles: 1,
        reported: ex.quotes.len(),
        reported_dates: ex.dates.len(),
        ..Score::default()
    };
    let quotes: Vec<(&KeyQuote, usize)> = key
        .quote
        .iter()
        .filter(|q| q.article == *id)
        .map(|q| (q, locate(body, &q.text, q.occurrence, story)))
        .collect();
    s.quotes = quotes.len();
    for q in &ex.quotes {
        let Some((k, _)) = quotes
            .iter()
            .find(|(k, at)| k.text == q.text && *at == q.span.start)
        else {
            if verbose() {
                eprintln!("  extra   {id}: {:?} ({})", q.text, q.rule);
            }
            continue;
        };
        s.found += 1;
        let got = speaker_name(corpus, &q.speaker);
        let right = match &got {
            None => k.speaker.is_empty(),
            Some(g) => std::iter::once(&k.speaker)
                .chain(&k.also)
                .any(|want| same_speaker(g, want)),
        };
        if right {
            s.right_speaker += 1;
        } else if verbose() {
            eprintln!(
                "  speaker {id}: {:?} -> {got:?} ({}), want {:?}",
                q.text, q.rule, k.speaker
            );
        }
    }
    if verbose() {
        for (k, at) in &quotes {
            if !ex
                .quotes
                .iter()
                .any(|q| q.text == k.text && q.span.start == *at)
            {
                eprintln!("  missed  {id}: {:?}", k.text);
            }
        }
    }
    for k in key.mention.iter().filter(|m| m.article == *id) {
        s.mentions += 1;
        let start = locate(body, &k.phrase, k.occurrence, story);
        let span = start..start + k.phrase.len();
        let hit = ex
            .dates
            .iter()
            .find(|m| m.span.start < span.end && span.start < m.span.end);
        let got = hit.map(|m| {
            m.date.as_ref().map_or(String::new(), |d| {
                d.to_edtf().trim_end_matches(['~', '?', '%']).to_string()
            })
        });
        let right = match &got {
            None => k.date.is_empty(),
            Some(g) => *g == k.date,
        };
        if hit.is_none() {
            s.missed_dates += 1;
        }
        if right {
            s.right_dates += 1;
        } else if verbose() {
            let rule = hit.map_or("", |m| m.rule);
            let sentence = hit.map_or("", |m| &body[m.sentence.clone()]);
            eprintln!(
                "  date    {id}: {:?} -> {got:?} ({rule}), want {:?}  [{}]",
                k.phrase,
                k.date,
                sentence.chars().take(120).collect::<String>()
            );
        }
    }
    s
}

/// Story folders under `dir` that have both a key and articles.
fn stories(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out: Vec<PathBuf> = std::fs::read_dir(&root)
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
    // Loading appends the speakers it extracted; the extractor must not see them.
    let listed = corpus.actors.len() - loaded.extracted.actors;
    let extractor = Extractor::new(&corpus.actors[..listed]);
    let mut total = Score::default();
    for (a, article) in corpus.articles.iter().enumerate() {
        let ex = extractor.run(&article.body, article.published);
        total += score_article(&story, corpus, a, &ex, &key);
    }
    for k in key
        .quote
        .iter()
        .map(|q| &q.article)
        .chain(key.mention.iter().map(|m| &m.article))
    {
        assert!(
            corpus.article_ix(k).is_some(),
            "{story}: key names an article that is not there: {k}"
        );
    }
    eprintln!("{}", total.line(&story));
    total
}

fn score_set(dir: &str) -> Option<Score> {
    let stories = stories(dir);
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
fn committed_development_set_meets_the_targets() {
    let s = score_set("tests/fixtures/devset").expect("the development set is committed");
    assert!(s.articles >= 30, "only {} articles", s.articles);
    assert!(s.recall() >= QUOTE_RECALL, "quote recall {:.3}", s.recall());
    assert!(
        s.precision() >= QUOTE_PRECISION,
        "quote precision {:.3}",
        s.precision()
    );
    assert!(
        s.speakers() >= SPEAKER_ACCURACY,
        "speaker accuracy {:.3}",
        s.speakers()
    );
    assert!(s.dates() >= DATES_RIGHT, "dates right {:.3}", s.dates());
}

/// Articles annotated after the rules were written and never tuned on
/// (tests/fixtures/heldout, and heldout-local where the bodies are here):
/// figures only, the honest estimate of accuracy on articles nobody saw.
#[test]
fn held_out_sets_are_measured() {
    HELD_OUT.with(|h| h.set(true));
    let open = score_set("tests/fixtures/heldout").expect("the held-out set is committed");
    assert!(open.articles > 0);
    if score_set("tests/fixtures/heldout-local").is_none() {
        eprintln!("tests/fixtures/heldout-local: no article bodies here; nothing measured");
    }
}

/// Other outlets' articles, where a developer has them: figures only.
#[test]
fn local_development_set_is_measured_where_present() {
    match score_set("tests/fixtures/devset-local") {
        Some(s) => assert!(s.articles > 0),
        None => eprintln!("tests/fixtures/devset-local: no article bodies here; nothing measured"),
    }
}

#[test]
fn speaker_names_match_by_words() {
    assert!(same_speaker("Jane Doe, a lawyer", "Jane Doe"));
    assert!(same_speaker("Doe", "Jane Doe"));
    assert!(same_speaker(
        "Turkey’s Foreign Ministry",
        "Turkey's foreign ministry"
    ));
    assert!(!same_speaker("John Smith", "Jane Doe"));
    assert!(!same_speaker("the ministry", "Jane Doe"));
    assert!(!same_speaker("", "Jane Doe"));
}
