//! The one query language of every text search, fzf's extended syntax with `--exact`:
//! space-separated terms must all match; `a | b` matches either; a plain term is a folded
//! substring, `'word` a whole word, `^pre` the start of a field, `suf$` its end, `^all$` the
//! whole field, `!term` must not match. Substrings, not fuzzy matching: over whole article
//! text a fuzzy term matches nearly everything. Texts are compared by their
//! [`crate::text::key`], and a term that is an actor's name or alias also finds the others.

pub mod hits;

use std::ops::Range;

use foldhash::HashMap;
use memchr::memmem::Finder;

use crate::text::key::key;

/// Every actor's names by key: a form typed as a term finds all of its actor's forms.
#[derive(Default)]
pub struct Aliases(HashMap<String, Vec<String>>);

impl Aliases {
    /// `actors` gives each actor's forms (name and aliases).
    pub fn new<'a>(actors: impl IntoIterator<Item = Vec<&'a str>>) -> Aliases {
        let mut map: HashMap<String, Vec<String>> = HashMap::default();
        for forms in actors {
            let mut keys: Vec<String> = forms.iter().map(|f| key(f)).collect();
            keys.retain(|k| !k.is_empty());
            keys.sort_unstable();
            keys.dedup();
            for k in &keys {
                map.entry(k.clone())
                    .or_default()
                    .extend(keys.iter().cloned());
            }
        }
        for keys in map.values_mut() {
            keys.sort_unstable();
            keys.dedup();
        }
        Aliases(map)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    Anywhere,
    Word,
    Start,
    End,
    Whole,
}

struct Term {
    anchor: Anchor,
    negate: bool,
    /// The term's key and, for an actor's form, the actor's other forms.
    alternatives: Vec<Finder<'static>>,
}

/// A parsed query: groups that must all match, each of terms of which one must.
pub struct Query {
    groups: Vec<Vec<Term>>,
    expanded: bool,
}

impl Query {
    pub fn parse(text: &str, aliases: &Aliases) -> Query {
        let mut groups: Vec<Vec<Term>> = Vec::new();
        let mut join = false;
        let mut expanded = false;
        for token in text.split_whitespace() {
            if token == "|" {
                join = !groups.is_empty();
                continue;
            }
            let Some((term, grew)) = parse_term(token, aliases) else {
                continue;
            };
            expanded |= grew;
            match groups.last_mut() {
                Some(group) if join => group.push(term),
                _ => groups.push(vec![term]),
            }
            join = false;
        }
        Query { groups, expanded }
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// True when a term was widened to an actor's other names: typing on may then find
    /// texts the shorter query did not, so previous matches cannot be narrowed.
    pub fn expanded(&self) -> bool {
        self.expanded
    }

    /// True when the key text `hay` (fields separated by '\n') passes every group.
    pub fn matches(&self, hay: &str) -> bool {
        self.groups.iter().all(|group| {
            group
                .iter()
                .any(|t| t.negate != t.found(hay).next().is_some())
        })
    }
}

fn parse_term(token: &str, aliases: &Aliases) -> Option<(Term, bool)> {
    let (negate, rest) = match token.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    let (word, rest) = match rest.strip_prefix('\'') {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let (start, rest) = match rest.strip_prefix('^') {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let (end, rest) = match rest.strip_suffix('$') {
        Some(rest) if !rest.is_empty() => (true, rest),
        _ => (false, rest),
    };
    let anchor = match (word, start, end) {
        (_, true, true) => Anchor::Whole,
        (_, true, false) => Anchor::Start,
        (_, false, true) => Anchor::End,
        (true, false, false) => Anchor::Word,
        (false, false, false) => Anchor::Anywhere,
    };
    let k = key(rest);
    if k.is_empty() {
        return None;
    }
    let forms = aliases.0.get(&k).cloned().unwrap_or_default();
    let grew = forms.iter().any(|f| *f != k);
    let mut keys = vec![k];
    keys.extend(forms);
    keys.sort_unstable();
    keys.dedup();
    let alternatives = keys
        .iter()
        .map(|k| Finder::new(k.as_bytes()).into_owned())
        .collect();
    let term = Term {
        anchor,
        negate,
        alternatives,
    };
    Some((term, grew))
}

impl Term {
    /// Key byte ranges of `hay` this term matches, each alternative in turn.
    fn found<'a>(&'a self, hay: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        let bytes = hay.as_bytes();
        self.alternatives.iter().flat_map(move |f| {
            let len = f.needle().len();
            f.find_iter(bytes)
                .map(move |at| at..at + len)
                .filter(move |r| self.fits(bytes, r))
        })
    }

    fn fits(&self, hay: &[u8], r: &Range<usize>) -> bool {
        let starts_field = r.start == 0 || hay[r.start - 1] == b'\n';
        let ends_field = r.end == hay.len() || hay[r.end] == b'\n';
        let in_word = |b: u8| b.is_ascii_alphanumeric() || !b.is_ascii();
        let word_start = r.start == 0 || !in_word(hay[r.start - 1]);
        let word_end = r.end == hay.len() || !in_word(hay[r.end]);
        match self.anchor {
            Anchor::Anywhere => true,
            Anchor::Word => word_start && word_end,
            Anchor::Start => starts_field,
            Anchor::End => ends_field,
            Anchor::Whole => starts_field && ends_field,
        }
    }
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
