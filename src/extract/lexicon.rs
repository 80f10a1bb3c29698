//! Word lists looked up once per word of every article: a hash set built
//! on first use, so that a lookup costs one hash, not a scan of the list;
//! and before it a table by first byte and length, so that most words,
//! which are in no list, cost no hash at all.

use std::collections::HashSet;
use std::sync::OnceLock;

use foldhash::fast::FixedState;

/// A fixed list of words, looked up in constant time.
pub struct Lexicon {
    words: &'static [&'static str],
    /// For each first byte, one bit per length of the words that start
    /// with it (lengths from 31 up share the top bit; the empty word is
    /// byte 0).
    starts: [u32; 256],
    set: OnceLock<HashSet<&'static str, FixedState>>,
}

const fn length_bit(len: usize) -> u32 {
    1 << if len < 31 { len } else { 31 }
}

impl Lexicon {
    pub const fn new(words: &'static [&'static str]) -> Lexicon {
        let mut starts = [0u32; 256];
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            let first = if w.is_empty() { 0 } else { w[0] };
            starts[first as usize] |= length_bit(w.len());
            i += 1;
        }
        Lexicon {
            words,
            starts,
            set: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// The list's own copy of `word`, if the list has it.
    pub fn get(&self, word: &str) -> Option<&'static str> {
        let first = word.as_bytes().first().copied().unwrap_or(0);
        if self.starts[usize::from(first)] & length_bit(word.len()) == 0 {
            return None;
        }
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
    fn long_and_empty_words_pass_the_table() {
        const LONG: &str = "internationalisation-of-the-conflict";
        static L: Lexicon = Lexicon::new(&[LONG, ""]);
        assert!(L.contains(LONG) && L.contains(""));
        assert!(!L.contains("internationalisation-of-the-conflicts"));
        assert!(!L.contains("internationalisation"));
    }
}
