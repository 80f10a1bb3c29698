//! Where a query is found in one text, for highlighting and for moving from hit to hit:
//! the matches of its positive terms (`!neg` terms find nothing to show), located in the
//! folded key and mapped back to the original through the key's offset map. Hits are
//! counted in the key, so a count taken from a stored key and the hits found in the text
//! always agree.

use std::ops::Range;

use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

use super::Query;
use crate::text::key::Key;
use crate::text::width::width;

impl Query {
    /// Key byte ranges of `hay` (one text's key) that positive terms match: every
    /// alternative of every group, sorted, overlapping ones merged.
    fn key_hits(&self, hay: &str) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = self
            .groups
            .iter()
            .flatten()
            .filter(|t| !t.negate)
            .flat_map(|t| t.found(hay).collect::<Vec<_>>())
            .collect();
        ranges.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for r in ranges {
            match merged.last_mut() {
                Some(last) if r.start < last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        merged
    }

    /// How many hits [`hits`] finds in the text whose key is `hay`, without the text.
    /// One term with one form is counted as found: a finder's matches never overlap.
    pub fn count_hits(&self, hay: &str) -> usize {
        let mut positive = self.groups.iter().flatten().filter(|t| !t.negate);
        match (positive.next(), positive.next()) {
            (None, _) => 0,
            (Some(term), None) if term.alternatives.len() == 1 => term.found(hay).count(),
            _ => self.key_hits(hay).len(),
        }
    }
}

/// The hits of `query` in `text`: byte ranges of `text` in order, each widened to whole
/// grapheme clusters (so never inside a char, nor between a letter and its accent).
/// Neighbouring hits may share a cluster; they stay apart so that hit numbers match
/// [`Query::count_hits`].
pub fn hits(query: &Query, text: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let key = Key::new(text);
    query
        .key_hits(&key.text)
        .into_iter()
        .filter_map(|r| key.original(r))
        .map(|r| cluster_start(text, r.start)..cluster_end(text, r.end))
        .collect()
}

/// The grapheme boundary at or before `at` (a char boundary).
fn cluster_start(text: &str, at: usize) -> usize {
    let mut cursor = GraphemeCursor::new(at, text.len(), true);
    match cursor.is_boundary(text, 0) {
        Ok(false) => cursor.prev_boundary(text, 0).ok().flatten().unwrap_or(at),
        _ => at,
    }
}

/// The grapheme boundary at or after `at` (a char boundary).
fn cluster_end(text: &str, at: usize) -> usize {
    let mut cursor = GraphemeCursor::new(at, text.len(), true);
    match cursor.is_boundary(text, 0) {
        Ok(false) => cursor.next_boundary(text, 0).ok().flatten().unwrap_or(at),
        _ => at,
    }
}

/// One line of context around a hit, as the Articles view lists it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    /// The context on one line: white space shown as single spaces, "…" where cut.
    pub text: String,
    /// Byte ranges of `text` that are hits.
    pub marks: Vec<Range<usize>>,
}

/// The context of the first of `hits` (ranges of `text`, in order) in at most `cols`
/// display columns, within its line: about a third of the room before it, the rest
/// after. Every hit in the window is marked.
pub fn snippet(text: &str, hits: &[Range<usize>], cols: usize) -> Snippet {
    let Some(first) = hits.first() else {
        return Snippet::default();
    };
    if cols == 0 {
        return Snippet::default();
    }
    let hit_w = width(text.get(first.clone()).unwrap_or_default());
    // A third of the room, or all that the text after the hit leaves.
    // The hit's own line (a paragraph, in an article body).
    let line_start = text[..first.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[first.end..]
        .find('\n')
        .map_or(text.len(), |i| first.end + i);
    let after = columns(&text[first.end..line_end], cols);
    let budget = (cols.saturating_sub(hit_w) / 3).max(cols.saturating_sub(hit_w + after));
    let from = line_start + context_start(&text[line_start..], first.start - line_start, budget);
    let mut out = Snippet::default();
    let mut used = 0;
    if from > line_start {
        out.text.push('…');
        used = 1;
    }
    // The clusters placed: (original range, range in `out.text`).
    let mut placed: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let mut cut = false;
    let mut last_space = true;
    for (i, g) in text[from..line_end].grapheme_indices(true) {
        let at = from + i;
        let space = g.chars().all(char::is_whitespace);
        if space && last_space {
            continue;
        }
        let (shown, w) = if space { (" ", 1) } else { (g, width(g)) };
        if used + w > cols {
            cut = true;
            break;
        }
        let start = out.text.len();
        out.text.push_str(shown);
        placed.push((at..at + g.len(), start..out.text.len()));
        used += w;
        last_space = space;
    }
    if cut {
        // Room for the "…": drop clusters from the end, then the space before it.
        while used + 1 > cols || out.text.ends_with(' ') {
            let Some((_, shown)) = placed.pop() else {
                break;
            };
            used -= width(&out.text[shown.clone()]);
            out.text.truncate(shown.start);
        }
        if used < cols {
            out.text.push('…');
        }
    }
    for hit in hits {
        let inside = placed
            .iter()
            .filter(|(orig, _)| orig.start < hit.end && orig.end > hit.start);
        let mut bounds = inside.map(|(_, shown)| shown.clone());
        if let Some(start) = bounds.next() {
            let end = bounds.next_back().map_or(start.end, |r| r.end);
            out.marks.push(start.start..end);
        }
    }
    out
}

/// Display columns of `text` as a snippet shows it (white space as one column), counted
/// up to `max`.
fn columns(text: &str, max: usize) -> usize {
    let mut used = 0;
    for g in text.graphemes(true) {
        used += if g.chars().all(char::is_whitespace) {
            1
        } else {
            width(g)
        };
        if used >= max {
            return max;
        }
    }
    used
}

/// Where the context before `at` starts: back over clusters worth at most `budget`
/// columns, then on to the start of a word.
fn context_start(text: &str, at: usize, budget: usize) -> usize {
    let mut used = 0;
    let mut from = at;
    for (i, g) in text[..at].grapheme_indices(true).rev() {
        let w = columns(g, usize::MAX);
        if used + w > budget {
            break;
        }
        used += w;
        from = i;
    }
    // Not from inside a word, when a word boundary is in reach.
    if from > 0 && !text[..from].ends_with(char::is_whitespace) {
        if let Some(space) = text[from..at].find(char::is_whitespace) {
            from += space;
        }
    }
    let skipped = text[from..at].len() - text[from..at].trim_start().len();
    from + skipped
}

#[cfg(test)]
#[path = "hits_tests.rs"]
mod tests;
