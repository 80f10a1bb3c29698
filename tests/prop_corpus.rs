//! The corpus loader on random input: the files of tests/fixtures/mini
//! mutated (bytes deleted, repeated, cut, TOML and UTF-8 troublemakers
//! inserted) or replaced by arbitrary bytes, and record files large enough
//! to be parsed in pieces. Loading never panics; every problem names one of
//! the corpus' files at a line and column inside it, in clean text; and
//! what loads points into its articles.

mod hostile_support;

use std::collections::HashMap;
use std::path::Path;

use chronicle::corpus::{load, Loaded, Location};
use hostile_support::Scratch;
use proptest::prelude::*;

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");
const FILES: [&str; 5] = [
    "actors.toml",
    "events.toml",
    "quotes.toml",
    "articles/alpha.md",
    "articles/beta.txt",
];

fn mini(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(MINI).join(name)).expect("the mini fixture")
}

/// Pieces that break TOML, front matter or UTF-8 in interesting ways.
const SNIPPETS: &[&[u8]] = &[
    b"[[event]]\n",
    b"[[event.source]]\n",
    b"[[quote]]\n",
    b"[[actor]]\n",
    b"[event]\n",
    b"\"",
    b"\"\"\"",
    b"'''",
    b"=",
    b" = ",
    b"\n",
    b"\n\n",
    b"+++\n",
    b"id = \"summit\"\n",
    b"parent = \"bridge\"\n",
    b"date = \"2023-13-45\"\n",
    b"excerpt = \"\"\n",
    b"actors = [\"nobody\"]\n",
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b"#",
    b"\\",
    b"\\u{0}",
    b"1979-05-27T07:32:00Z",
    b"\r\n",
    b"\t",
    b"\xff",
    b"\xc3",
    b"\xe2\x80",
    b"\xef\xbb\xbf",
    "\u{202e}".as_bytes(),
    "é".as_bytes(),
    b"\x1b[2J",
    b"\x00",
];

/// One change to a file, at a place picked as a fraction of its length.
#[derive(Debug, Clone)]
enum Mutation {
    Delete(u16, u8),
    Insert(u16, Vec<u8>),
    Repeat(u16, u8),
    Truncate(u16),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let snippet = prop_oneof![
        3 => proptest::sample::select(SNIPPETS).prop_map(<[u8]>::to_vec),
        1 => proptest::collection::vec(any::<u8>(), 1..8),
    ];
    prop_oneof![
        3 => (any::<u16>(), any::<u8>()).prop_map(|(at, n)| Mutation::Delete(at, n)),
        5 => (any::<u16>(), snippet).prop_map(|(at, s)| Mutation::Insert(at, s)),
        2 => (any::<u16>(), any::<u8>()).prop_map(|(at, n)| Mutation::Repeat(at, n)),
        1 => any::<u16>().prop_map(Mutation::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let at = |f: u16| usize::from(f) * bytes.len() / usize::from(u16::MAX);
    match mutation {
        Mutation::Delete(f, n) => {
            let start = at(*f);
            let end = (start + usize::from(*n)).min(bytes.len());
            bytes.drain(start..end);
        }
        Mutation::Insert(f, s) => {
            let start = at(*f);
            bytes.splice(start..start, s.iter().copied());
        }
        Mutation::Repeat(f, n) => {
            let start = at(*f);
            let end = (start + usize::from(*n)).min(bytes.len());
            let copy = bytes[start..end].to_vec();
            bytes.splice(end..end, copy);
        }
        Mutation::Truncate(f) => bytes.truncate(at(*f)),
    }
}

/// What becomes of one file: kept, mutated, replaced by arbitrary bytes or
/// left out.
#[derive(Debug, Clone)]
enum Fate {
    Kept,
    Mutated(Vec<Mutation>),
    Arbitrary(Vec<u8>),
    Absent,
}

fn fate() -> impl Strategy<Value = Fate> {
    prop_oneof![
        2 => Just(Fate::Kept),
        6 => proptest::collection::vec(mutation(), 1..6).prop_map(Fate::Mutated),
        1 => proptest::collection::vec(any::<u8>(), 0..300).prop_map(Fate::Arbitrary),
        1 => Just(Fate::Absent),
    ]
}

fn shape(template: Vec<u8>, fate: &Fate) -> Option<Vec<u8>> {
    match fate {
        Fate::Kept => Some(template),
        Fate::Mutated(mutations) => {
            let mut bytes = template;
            for m in mutations {
                apply(&mut bytes, m);
            }
            Some(bytes)
        }
        Fate::Arbitrary(bytes) => Some(bytes.clone()),
        Fate::Absent => None,
    }
}

/// Writes the files and loads them; each written file by the name its
/// problems are shown under.
fn write_and_load(
    dir: &Scratch,
    files: &[(&str, Option<Vec<u8>>)],
) -> (Loaded, HashMap<String, Vec<u8>>) {
    let mut written = HashMap::new();
    for (name, bytes) in files {
        if let Some(bytes) = bytes {
            let path = dir.write(name, bytes);
            written.insert(path.to_string_lossy().into_owned(), bytes.clone());
        }
    }
    (load(&Location::Dir(dir.path.clone())), written)
}

/// Every problem is in clean text and at a line and column of the file it
/// names (a problem with the directory itself is at 1:1); every event
/// source and quote spans characters of its article's text.
fn check(
    dir: &Scratch,
    loaded: &Loaded,
    written: &HashMap<String, Vec<u8>>,
) -> Result<(), TestCaseError> {
    for p in &loaded.problems {
        let shown = p.to_string();
        prop_assert!(!shown.chars().any(char::is_control), "{shown:?}");
        let Some(bytes) = written.get(&p.file) else {
            prop_assert!(p.file.starts_with(&*dir.path.to_string_lossy()), "{shown}");
            prop_assert_eq!((p.line, p.col), (1, 1), "{}", shown);
            continue;
        };
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        let text = String::from_utf8_lossy(bytes);
        let lines: Vec<&str> = text.split('\n').collect();
        prop_assert!(
            p.line >= 1 && p.line <= lines.len(),
            "{shown}: {} lines",
            lines.len()
        );
        let chars = lines[p.line - 1].chars().count();
        prop_assert!(
            p.col >= 1 && p.col <= chars + 1,
            "{shown}: {chars} chars on the line"
        );
    }
    let c = &loaded.corpus;
    for e in &c.events {
        for s in &e.sources {
            let body = &c.articles[s.article].body;
            prop_assert!(body.get(s.span.clone()).is_some(), "{}: {:?}", e.id, s.span);
        }
    }
    for q in &c.quotes {
        let body = &c.articles[q.article].body;
        prop_assert!(body.get(q.span.clone()).is_some(), "{}: {:?}", q.id, q.span);
    }
    Ok(())
}

/// `events.toml` of the mini corpus `copies` times over with ids made
/// unique, so that it is parsed in several pieces.
fn many_events(copies: usize) -> Vec<u8> {
    let one = String::from_utf8(mini("events.toml")).expect("UTF-8");
    let all: String = (0..copies)
        .map(|n| {
            one.replace("id = \"", &format!("id = \"{n}-"))
                .replace("parent = \"", &format!("parent = \"{n}-"))
                + "\n"
        })
        .collect();
    all.into_bytes()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 200,
        rng_seed: proptest::test_runner::RngSeed::Fixed(18),
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_and_arbitrary_corpus_files_load_with_every_problem_in_its_file(
        fates in proptest::collection::vec(fate(), FILES.len()),
    ) {
        let dir = Scratch::new("prop-corpus");
        let files: Vec<(&str, Option<Vec<u8>>)> = FILES
            .iter()
            .zip(&fates)
            .map(|(&name, fate)| (name, shape(mini(name), fate)))
            .collect();
        let (loaded, written) = write_and_load(&dir, &files);
        check(&dir, &loaded, &written)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        rng_seed: proptest::test_runner::RngSeed::Fixed(19),
        ..ProptestConfig::default()
    })]

    #[test]
    fn a_record_file_of_many_pieces_mutated_reports_every_problem_in_it(
        mutations in proptest::collection::vec(mutation(), 1..12),
    ) {
        let dir = Scratch::new("prop-pieces");
        let events = shape(many_events(48), &Fate::Mutated(mutations));
        let mut files: Vec<(&str, Option<Vec<u8>>)> =
            FILES.iter().map(|&name| (name, Some(mini(name)))).collect();
        files[1].1 = events;
        let (loaded, written) = write_and_load(&dir, &files);
        check(&dir, &loaded, &written)?;
    }
}
