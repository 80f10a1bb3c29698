//! The extractor against answer keys: the hand-curated quotes of the shipped
//! corpus (corpus/quotes.toml) and a dated-mention key for the same
//! articles, then a second key over articles written in other outlets'
//! manners (tests/fixtures/extract/outlets). Run with `--nocapture` to see
//! the figures; each test fails under the thresholds.

use std::path::Path;

use chronicle::corpus::Location;
use chronicle::extract::load;
use chronicle::extract::{Extractor, Speaker};
use chronicle::model::{Actor, Corpus};

const QUOTE_RECALL: f64 = 0.95;
const SPEAKER_ACCURACY: f64 = 0.90;
const QUOTE_PRECISION: f64 = 0.95;
const DATES_RIGHT: f64 = 0.90;

#[derive(serde::Deserialize)]
struct QuoteKey {
    quote: Vec<KeyQuote>,
}

#[derive(serde::Deserialize)]
struct KeyQuote {
    article: String,
    text: String,
    /// An actor id from the corpus' actors.toml.
    speaker: Option<String>,
    /// Someone not in actors.toml, as the extractor should name them
    /// (a prefix of the extracted name).
    speaker_name: Option<String>,
    occurrence: Option<usize>,
}

#[derive(serde::Deserialize)]
struct DateKey {
    mention: Vec<KeyMention>,
}

#[derive(serde::Deserialize)]
struct KeyMention {
    article: String,
    phrase: String,
    occurrence: Option<usize>,
    /// EDTF at the expected precision; "" when it must stay unresolved.
    date: String,
}

/// The corpus, and how many of its actors come from actors.toml: loading
/// appends the speakers it extracted, which the extractor must not see.
fn corpus(dir: &str) -> (Corpus, usize) {
    let loaded = load(&Location::Dir(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(dir),
    ));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let listed = loaded.corpus.actors.len() - loaded.extracted.actors;
    (loaded.corpus, listed)
}

fn read_toml<T: serde::de::DeserializeOwned>(file: &str) -> T {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// Byte offset of the `occurrence`-th (1-based) `needle` in `body`; for a
/// quotation over several paragraphs, of its first paragraph.
fn locate(body: &str, needle: &str, occurrence: Option<usize>) -> usize {
    let first = needle.split("\n\n").next().unwrap_or(needle);
    let n = occurrence.unwrap_or(1);
    body.match_indices(first)
        .nth(n - 1)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("answer key text not in its article: {needle:?} #{n}"))
}

struct QuoteScore {
    key: usize,
    found: usize,
    reported: usize,
    right_speaker: usize,
}

fn score_quotes(corpus: &Corpus, actors: &[Actor], key: &QuoteKey) -> QuoteScore {
    let extractor = Extractor::new(actors);
    let mut score = QuoteScore {
        key: key.quote.len(),
        found: 0,
        reported: 0,
        right_speaker: 0,
    };
    for article in &corpus.articles {
        let got = extractor.run(&article.body, article.published).quotes;
        let wanted: Vec<&KeyQuote> = key
            .quote
            .iter()
            .filter(|q| q.article == article.id)
            .collect();
        let starts: Vec<usize> = wanted
            .iter()
            .map(|q| locate(&article.body, &q.text, q.occurrence))
            .collect();
        score.reported += got.len();
        for q in &got {
            let hit = wanted
                .iter()
                .zip(&starts)
                .find(|(k, &s)| k.text == q.text && s == q.span.start);
            let Some((k, _)) = hit else {
                eprintln!("  extra  {}: {:?} ({})", article.id, q.text, q.rule);
                continue;
            };
            score.found += 1;
            let right = match (&q.speaker, &k.speaker, &k.speaker_name) {
                (Some(Speaker::Actor(a)), Some(id), _) => corpus.actors[*a].id == *id,
                (Some(Speaker::New(name)), None, Some(want)) => name.starts_with(want.as_str()),
                // The key names nobody: no speaker is the right answer.
                (None, None, None) => true,
                _ => false,
            };
            if right {
                score.right_speaker += 1;
            } else {
                let shown = match &q.speaker {
                    Some(Speaker::Actor(a)) => corpus.actors[*a].id.clone(),
                    Some(Speaker::New(n)) => format!("new {n:?}"),
                    None => "nobody".into(),
                };
                eprintln!(
                    "  wrong speaker {}: {:?} -> {shown} ({})",
                    article.id, q.text, q.rule
                );
            }
        }
        for (k, &s) in wanted.iter().zip(&starts) {
            if !got.iter().any(|q| q.text == k.text && q.span.start == s) {
                eprintln!("  missed {}: {:?}", article.id, k.text);
            }
        }
    }
    score
}

fn check_quotes(name: &str, (corpus, listed): (Corpus, usize), key: &QuoteKey) {
    let s = score_quotes(&corpus, &corpus.actors[..listed], key);
    let recall = s.found as f64 / s.key as f64;
    let speakers = s.right_speaker as f64 / s.key as f64;
    let precision = s.found as f64 / s.reported.max(1) as f64;
    eprintln!(
        "{name}: quotes {}/{} found (recall {:.1}%), right speaker {}/{} ({:.1}%), \
         precision {}/{} ({:.1}%)",
        s.found,
        s.key,
        recall * 100.0,
        s.right_speaker,
        s.key,
        speakers * 100.0,
        s.found,
        s.reported,
        precision * 100.0
    );
    assert!(recall >= QUOTE_RECALL, "{name}: quote recall {recall:.3}");
    assert!(
        speakers >= SPEAKER_ACCURACY,
        "{name}: speaker accuracy {speakers:.3}"
    );
    assert!(
        precision >= QUOTE_PRECISION,
        "{name}: quote precision {precision:.3}"
    );
}

fn check_dates(name: &str, (corpus, listed): (Corpus, usize), key: &DateKey) {
    let extractor = Extractor::new(&corpus.actors[..listed]);
    let (mut right, mut reported) = (0, 0);
    for article in &corpus.articles {
        let got = extractor.run(&article.body, article.published).dates;
        reported += got.len();
        for k in key.mention.iter().filter(|m| m.article == article.id) {
            let start = locate(&article.body, &k.phrase, k.occurrence);
            let span = start..start + k.phrase.len();
            let hit = got
                .iter()
                .find(|m| m.span.start < span.end && span.start < m.span.end);
            let shown = hit.map(|m| m.date.as_ref().map_or(String::new(), |d| d.to_edtf()));
            if shown.as_deref() == Some(k.date.as_str()) {
                right += 1;
            } else {
                eprintln!(
                    "  date {}: {:?} -> {shown:?}, want {:?}",
                    article.id, k.phrase, k.date
                );
            }
        }
    }
    let total = key.mention.len();
    let ratio = right as f64 / total as f64;
    eprintln!(
        "{name}: dated mentions {right}/{total} resolved right ({:.1}%); {reported} reported",
        ratio * 100.0
    );
    assert!(ratio >= DATES_RIGHT, "{name}: dates right {ratio:.3}");
}

#[test]
fn shipped_corpus_quotes_match_the_curated_answer_key() {
    let key: QuoteKey = read_toml("corpus/quotes.toml");
    assert!(key.quote.len() >= 40);
    check_quotes("shipped corpus", corpus("corpus"), &key);
}

#[test]
fn shipped_corpus_dates_match_their_answer_key() {
    let key: DateKey = read_toml("tests/fixtures/extract/shipped_dates.toml");
    check_dates("shipped corpus", corpus("corpus"), &key);
}

#[test]
fn other_outlets_quotes_match_their_answer_key() {
    let outlets = corpus("tests/fixtures/extract/outlets");
    assert!(outlets.0.articles.len() >= 4);
    let key: QuoteKey = read_toml("tests/fixtures/extract/outlets_quotes.toml");
    check_quotes("other outlets", outlets, &key);
}

#[test]
fn other_outlets_dates_match_their_answer_key() {
    let key: DateKey = read_toml("tests/fixtures/extract/outlets_dates.toml");
    check_dates(
        "other outlets",
        corpus("tests/fixtures/extract/outlets"),
        &key,
    );
}
