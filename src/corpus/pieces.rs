//! A record file (`events.toml`, `quotes.toml`) parsed and checked in
//! pieces of about 32 KB, each starting at a `[[key]]` line, on every
//! core. Parsing a whole 40 MB file at once holds about ten times its size
//! in tokens and tables, and checking 100,000 records takes a core a second.
//! A small piece's tokens and tables stay in the core's cache.
//!
//! A piece that ends inside a multi-line string does not parse; then the
//! rest of the file, from the last good boundary, is parsed as one piece, so
//! problems are the same as for the whole file. In a file smaller than a
//! piece, problems come out exactly as from one parse.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::diag::{Diagnostic, SourceText};
use super::fields::{parse, top_records, Ctx};
use crate::model::IdSet;

/// Bytes per piece.
const PIECE: usize = 1 << 15;

/// The record tables of one piece and the problems found in parsing it.
struct Piece<'i> {
    base: usize,
    problems: Vec<Diagnostic>,
    tables: Vec<Spanned<DeTable<'i>>>,
}

/// The record tables of a file or of one piece of it, in file order,
/// parsed a piece at a time as they are asked for.
pub struct Pieces<'i> {
    src: &'i SourceText,
    key: &'static str,
    bounds: Vec<usize>,
    /// Index in `bounds` of the next piece's start.
    at: usize,
    current: std::vec::IntoIter<Spanned<DeTable<'i>>>,
    /// A piece did not parse: the split may have been inside a string.
    failed: bool,
}

impl<'i> Pieces<'i> {
    fn new(src: &'i SourceText, key: &'static str, bounds: Vec<usize>) -> Pieces<'i> {
        Pieces {
            src,
            key,
            bounds,
            at: 0,
            current: Vec::new().into_iter(),
            failed: false,
        }
    }

    /// The next record table; moves `ctx.base` to its piece and reports the
    /// piece's parse problems before its first record. A piece that does not
    /// parse is parsed again together with the rest of the file.
    pub fn next(&mut self, ctx: &mut Ctx) -> Option<Spanned<DeTable<'i>>> {
        loop {
            if let Some(table) = self.current.next() {
                return Some(table);
            }
            let (&start, &end) = (self.bounds.get(self.at)?, self.bounds.get(self.at + 1)?);
            self.at += 1;
            let mut piece = parse_piece(self.src, start, end, self.key);
            if !piece.problems.is_empty() {
                self.failed = true;
                let last = *self.bounds.last().unwrap_or(&end);
                if end < last {
                    piece = parse_piece(self.src, start, last, self.key);
                    self.at = self.bounds.len() - 1;
                }
            }
            ctx.problems.extend(piece.problems);
            ctx.base = piece.base;
            self.current = piece.tables.into_iter();
        }
    }
}

/// Results of checking pieces that can be put end to end.
pub trait Joined {
    fn join(&mut self, later: Self);
}

impl<T> Joined for Vec<T> {
    fn join(&mut self, later: Self) {
        self.extend(later);
    }
}

impl<A, B> Joined for (Vec<A>, Vec<B>) {
    fn join(&mut self, later: Self) {
        self.0.extend(later.0);
        self.1.extend(later.1);
    }
}

/// Checks the `[[key]]` records of a file with `check`, a piece at a time
/// on every core, and joins the results and problems in file order.
///
/// The result is the one `check` gives over the whole file in one go, with
/// problems in the same order for a file of one piece. `ids` names the kept
/// records: an id kept in two pieces, or a piece that does not parse, sends
/// the whole file through `check` in one go, on this thread.
pub fn check<R, F>(
    src: &SourceText,
    key: &'static str,
    problems: &mut Vec<Diagnostic>,
    check: F,
    ids: fn(&R) -> Vec<&str>,
) -> R
where
    R: Joined + Default + Send,
    F: Fn(&mut Pieces, &mut Vec<Diagnostic>) -> R + Sync,
{
    let bounds = boundaries(&src.text, key);
    let count = bounds.len() - 1;
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(count);
    if threads > 1 {
        if let Some((result, found)) = in_parallel(src, key, &bounds, threads, &check, ids) {
            problems.extend(found);
            return result;
        }
    }
    check(&mut Pieces::new(src, key, bounds), problems)
}

/// A piece's result and the problems found in it.
type Checked<R> = (R, Vec<Diagnostic>);

/// `None` when the pieces cannot be checked apart.
fn in_parallel<R, F>(
    src: &SourceText,
    key: &'static str,
    bounds: &[usize],
    threads: usize,
    check: &F,
    ids: fn(&R) -> Vec<&str>,
) -> Option<Checked<R>>
where
    R: Joined + Default + Send,
    F: Fn(&mut Pieces, &mut Vec<Diagnostic>) -> R + Sync,
{
    let count = bounds.len() - 1;
    let slots: Vec<Mutex<Option<Checked<R>>>> = (0..count).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= count || failed.load(Ordering::Relaxed) {
                    break;
                }
                let mut pieces = Pieces::new(src, key, vec![bounds[i], bounds[i + 1]]);
                let mut found = Vec::new();
                let result = check(&mut pieces, &mut found);
                if pieces.failed {
                    failed.store(true, Ordering::Relaxed);
                }
                *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some((result, found));
            });
        }
    });
    if failed.into_inner() {
        return None;
    }
    let mut joined = R::default();
    let mut problems = Vec::new();
    for slot in slots {
        let (result, found) = slot.into_inner().unwrap_or_else(|e| e.into_inner())?;
        problems.extend(found);
        joined.join(result);
    }
    // Each piece kept an id once at most: a repeat is an id of two pieces.
    let kept = ids(&joined);
    let mut seen = IdSet::with_capacity_and_hasher(kept.len(), Default::default());
    if !kept.into_iter().all(|id| seen.insert(id)) {
        return None;
    }
    Some((joined, problems))
}

/// Where pieces start and end: 0, offsets of some `[[key]]` lines about
/// `PIECE` bytes apart, and the end of the text.
fn boundaries(text: &str, key: &str) -> Vec<usize> {
    let header = format!("[[{key}]]");
    let mut bounds = vec![0];
    let mut next = PIECE;
    while next < text.len() {
        while !text.is_char_boundary(next) {
            next += 1;
        }
        let Some(found) = text[next..].find(&format!("\n{header}")) else {
            break;
        };
        let at = next + found + 1;
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        if text[at..line_end].trim_end() == header {
            bounds.push(at);
            next = at + PIECE;
        } else {
            next = line_end;
        }
    }
    bounds.push(text.len());
    bounds
}

/// Parses `text[start..end]`: its problems, located in the whole file, and
/// its `[[key]]` tables taken out of the document.
fn parse_piece<'i>(src: &'i SourceText, start: usize, end: usize, key: &'static str) -> Piece<'i> {
    let mut problems = Vec::new();
    let mut ctx = Ctx {
        src,
        base: start,
        problems: &mut problems,
    };
    let text = &src.text[start..end];
    let doc = parse(text, &mut ctx);
    // Reports stray top-level keys and entries that are not tables.
    drop(top_records(&doc, key, &mut ctx));
    let mut tables = Vec::new();
    for (name, value) in doc.into_inner() {
        if name.get_ref().as_ref() != key {
            continue;
        }
        let span = value.span();
        match value.into_inner() {
            DeValue::Array(items) => {
                for item in items {
                    let span = item.span();
                    if let DeValue::Table(t) = item.into_inner() {
                        tables.push(Spanned::new(span, t));
                    }
                }
            }
            DeValue::Table(t) => tables.push(Spanned::new(span, t)),
            _ => {}
        }
    }
    Piece {
        base: start,
        problems,
        tables,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ids of the records `Pieces` yields, and the problems reported.
    fn read(text: &str) -> (Vec<String>, Vec<Diagnostic>) {
        let src = SourceText::new("events.toml", text);
        let mut problems = Vec::new();
        let read_all = |pieces: &mut Pieces, problems: &mut Vec<Diagnostic>| {
            let mut ctx = Ctx {
                src: &src,
                base: 0,
                problems,
            };
            let mut ids = Vec::new();
            while let Some(table) = pieces.next(&mut ctx) {
                let id = table
                    .get_ref()
                    .get("id")
                    .map(|v| format!("{:?}", v.get_ref()));
                ids.push(id.unwrap_or_default());
            }
            ids
        };
        let ids = check(&src, "event", &mut problems, read_all, |ids| {
            ids.iter().map(String::as_str).collect()
        });
        (ids, problems)
    }

    #[test]
    fn every_record_comes_once_even_with_headers_inside_strings() {
        let record = |i: usize| {
            format!("[[event]]\nid = \"e{i}\"\nname = \"박\"\nnote = \"\"\"\n[[event]]\n\"\"\"\n\n")
        };
        let count = PIECE / record(0).len() * 3;
        let text: String = (0..count).map(record).collect();
        let (ids, problems) = read(&text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(ids.len(), count);
        assert!(ids[count - 1].contains(&format!("e{}", count - 1)));
    }

    #[test]
    fn a_syntax_error_in_a_later_piece_is_reported_at_its_line() {
        let record = "[[event]]\nid = \"x\"\n\n";
        let count = PIECE / record.len() * 2;
        let mut text = record.repeat(count);
        text.push_str("[[event]]\nid = = 3\n");
        let (ids, problems) = read(&text);
        assert!(ids.len() >= count);
        assert!(!problems.is_empty());
        assert!(
            problems.iter().all(|p| p.line == count * 3 + 2),
            "{problems:?}"
        );
    }

    #[test]
    fn pieces_start_at_header_lines_only() {
        let record = "[[event]]\nid = \"x\"\ntext = \"\"\"\n[[event]]\n\"\"\"\n";
        let text = record.repeat(PIECE / record.len() * 3);
        let bounds = boundaries(&text, "event");
        assert!(bounds.len() >= 3, "{}", bounds.len());
        assert_eq!(bounds[0], 0);
        assert_eq!(*bounds.last().unwrap(), text.len());
        for &b in &bounds[1..bounds.len() - 1] {
            assert!(text[b..].starts_with("[[event]]\n"));
        }
    }
}
