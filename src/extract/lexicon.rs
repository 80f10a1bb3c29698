//! Word lists looked up once per word of every article: a hash set built
//! on first use, so that a lookup costs one hash, not a scan of the list.

use std::collections::HashSet;
use std::sync::OnceLock;

use foldhash::fast::FixedState;

/// A fixed list of words, looked up in constant time.
pub struct Lexicon {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str, FixedState>>,
}

impl Lexicon {
    pub const fn new(words: &'static [&'static str]) -> Lexicon {
        Lexicon {
            words,
            set: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// The list's own copy of `word`, if the list has it.
    pub fn get(&self, word: &str) -> Option<&'static str> {
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
}
