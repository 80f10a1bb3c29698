//! The names and places a text writes on their own, as maximal runs of
//! capitalised words, for the surnames pass to ask of: only the runs it may
//! ask about are kept, and most runs are set aside without a hash.

use std::collections::HashSet;

use foldhash::fast::RandomState;

use super::Para;

/// Of the maximal runs of capitalised words the text has, as written (the
/// names and places it mentions on their own), those that `asked` holds:
/// the only ones looked up. Most runs fail the filter without a hash.
pub(super) fn standalone_runs<'a>(
    body: &'a str,
    paras: &[Para],
    asked: &HashSet<&str, RandomState>,
) -> HashSet<&'a str, RandomState> {
    let mut sketch = Sketch::default();
    for w in asked {
        sketch.insert(w);
    }
    let mut out = HashSet::default();
    let mut add = |run: &'a str| {
        if sketch.may_have(run) && asked.contains(run) {
            out.insert(run);
        }
    };
    let bytes = body.as_bytes();
    for par in paras {
        let mut start: Option<usize> = None;
        let mut last_end = 0;
        for tok in par.toks {
            let capital = starts_upper(body, tok.start);
            let joined = start.is_some() && tok.start == last_end + 1 && bytes[last_end] == b' ';
            match (capital, joined) {
                (true, true) => {}
                (true, false) => {
                    if let Some(s) = start {
                        add(&body[s..last_end]);
                    }
                    start = Some(tok.start);
                }
                (false, _) => {
                    if let Some(s) = start.take() {
                        add(&body[s..last_end]);
                    }
                }
            }
            last_end = tok.end;
        }
        if let Some(s) = start {
            add(&body[s..last_end]);
        }
    }
    out
}

/// A test that most strings outside a set fail without a hash: one bit
/// per first byte (folded to five bits) and length (capped at 63).
#[derive(Default)]
pub(super) struct Sketch([u64; 32]);

impl Sketch {
    fn at(text: &str) -> (usize, u64) {
        let b = text.as_bytes();
        let first = b.first().map_or(0, |c| c & 0x1f);
        (usize::from(first), 1 << b.len().min(63))
    }

    pub(super) fn insert(&mut self, text: &str) {
        let (slot, bit) = Sketch::at(text);
        self.0[slot] |= bit;
    }

    pub(super) fn may_have(&self, text: &str) -> bool {
        let (slot, bit) = Sketch::at(text);
        self.0[slot] & bit != 0
    }
}

/// What `trim_prefix` and `add_given_names` may ask of the runs for the
/// name `text`: its beginnings up to each space, and each of its words.
pub(super) fn asked_of<'a>(text: &'a str, out: &mut HashSet<&'a str, RandomState>) {
    // The spaces are found as bytes: no searcher to set up for a short name.
    let mut from = 0;
    for (cut, _) in text.bytes().enumerate().filter(|&(_, b)| b == b' ') {
        out.insert(&text[..cut]);
        out.insert(&text[from..cut]);
        from = cut + 1;
    }
    out.insert(&text[from..]);
}

/// True when the character at byte `at` is a capital, decoded only
/// beyond ASCII.
fn starts_upper(body: &str, at: usize) -> bool {
    match body.as_bytes()[at] {
        b if b.is_ascii() => b.is_ascii_uppercase(),
        _ => body[at..].starts_with(char::is_uppercase),
    }
}
