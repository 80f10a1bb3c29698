//! Word lists looked up once per word of every article: a hash set built
//! on first use, so that a lookup costs one hash, not a scan of the list;
//! and before it a table by first bytes and length, so that most words,
//! which are in no list, cost no hash at all.

use std::collections::HashSet;
use std::sync::OnceLock;

use foldhash::fast::FixedState;

/// A test that rejects most words that are on none of some lists: one bit
/// per first two bytes and length. The bytes are folded to their low five
/// bits, so that ASCII case does not matter; a word passes when some word
/// of the lists shares its folded bytes and length.
pub struct Filter([u32; 1024]);

const fn length_bit(len: usize) -> u32 {
    1 << if len < 31 { len } else { 31 }
}

/// The slot of a word's first two bytes, folded (0 stands for no byte).
const fn slot(w: &[u8]) -> usize {
    let first = if w.is_empty() { 0 } else { w[0] & 0x1f };
    let second = if w.len() < 2 { 0 } else { w[1] & 0x1f };
    (first as usize) << 5 | second as usize
}

impl Filter {
    pub const fn new(lists: &[&[&str]]) -> Filter {
        let mut bits = [0u32; 1024];
        let mut l = 0;
        while l < lists.len() {
            let mut i = 0;
            while i < lists[l].len() {
                let w = lists[l][i].as_bytes();
                bits[slot(w)] |= length_bit(w.len());
                i += 1;
            }
            l += 1;
        }
        Filter(bits)
    }

    /// False when `word` is certainly on none of the lists, in any case.
    #[inline(always)]
    pub fn may_have(&self, word: &str) -> bool {
        self.may_have_bytes(word.as_bytes())
    }

    /// `may_have` for a word's bytes.
    #[inline(always)]
    pub fn may_have_bytes(&self, w: &[u8]) -> bool {
        self.0[slot(w)] & length_bit(w.len()) != 0
    }
}

/// A fixed list of words, looked up in constant time.
pub struct Lexicon {
    words: &'static [&'static str],
    filter: Filter,
    set: OnceLock<HashSet<&'static str, FixedState>>,
}

impl Lexicon {
    pub const fn new(words: &'static [&'static str]) -> Lexicon {
        Lexicon {
            words,
            filter: Filter::new(&[words]),
            set: OnceLock::new(),
        }
    }

    #[inline(always)]
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// The list's own copy of `word`, if the list has it. Asked of most
    /// words, which fail the filter: that test is inlined, the hash not.
    #[inline(always)]
    pub fn get(&self, word: &str) -> Option<&'static str> {
        if !self.filter.may_have(word) {
            return None;
        }
        self.lookup(word)
    }

    fn lookup(&self, word: &str) -> Option<&'static str> {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .get(word)
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_exactly_its_words() {
        static L: Lexicon = Lexicon::new(&["said", "told"]);
        assert!(L.contains("said") && L.contains("told"));
        assert!(!L.contains("Said") && !L.contains("sai") && !L.contains(""));
    }

    #[test]
    fn the_filter_passes_every_word_of_its_lists_in_any_case() {
        static F: Filter = Filter::new(&[&["Monday", "a", "the"], &["x-ray", "’s"]]);
        for w in [
            "Monday", "monday", "MONDAY", "a", "A", "the", "The", "x-ray", "’s",
        ] {
            assert!(F.may_have(w), "{w}");
        }
        for w in ["Mondays", "said", "an", "", "tea"] {
            assert!(!F.may_have(w), "{w}");
        }
    }

    #[test]
    fn long_and_empty_words_pass_the_table() {
        const LONG: &str = "internationalisation-of-the-conflict";
        static L: Lexicon = Lexicon::new(&[LONG, ""]);
        assert!(L.contains(LONG) && L.contains(""));
        assert!(!L.contains("internationalisation-of-the-conflicts"));
        assert!(!L.contains("internationalisation"));
    }
}
