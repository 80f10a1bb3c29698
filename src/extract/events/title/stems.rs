//! The stemmed content words of a report, kept compact: one string holds
//! them all and each word is also a hash, sorted, so that a report costs two
//! allocations rather than one a word, and two reports are compared by a
//! merge of integers. The strings are read only to confirm a hash and to
//! name the words two joined reports share.

use std::hash::BuildHasher;
use std::ops::Range;

use foldhash::fast::FixedState;

/// A set of words in the order they were added.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stems {
    /// The words in order, each followed by a space (no word holds one).
    text: String,
    /// Each word's hash and range in `text`, sorted by hash, then range.
    keys: Vec<Key>,
}

#[derive(Debug, Clone, PartialEq)]
struct Key {
    hash: u64,
    at: Range<usize>,
}

fn hash(word: &str) -> u64 {
    FixedState::default().hash_one(word)
}

impl Stems {
    /// Room for the words of a text of `len` bytes, so that adding them
    /// grows nothing: a word kept here (four bytes or more, and a space)
    /// takes no more than it and the character after it took there.
    pub fn for_text(len: usize) -> Stems {
        Stems {
            text: String::with_capacity(len + 1),
            keys: Vec::with_capacity(len / 5 + 1),
        }
    }

    /// Gives back the room `for_text` took beyond the words: a report
    /// keeps its words for as long as the corpus is open.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.keys.shrink_to_fit();
    }

    /// The words in the order they were added.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.text.split_terminator(' ')
    }

    fn word(&self, k: &Key) -> &str {
        &self.text[k.at.clone()]
    }

    /// Where `word` (of hash `h`) is in `keys`, or where it would go.
    fn find(&self, word: &str, h: u64) -> Result<usize, usize> {
        let from = self.keys.partition_point(|k| k.hash < h);
        let same = self.keys[from..].iter().take_while(|k| k.hash == h);
        match same.clone().position(|k| self.word(k) == word) {
            Some(p) => Ok(from + p),
            None => Err(from + same.count()),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.find(word, hash(word)).is_ok()
    }

    /// Adds `word` unless it is already there; a word holds no space.
    pub fn push(&mut self, word: &str) {
        let h = hash(word);
        if let Err(at) = self.find(word, h) {
            let start = self.text.len();
            self.text.push_str(word);
            self.text.push(' ');
            let key = Key {
                hash: h,
                at: start..start + word.len(),
            };
            self.keys.insert(at, key);
        }
    }

    /// Adds the words of `other` that are not here yet, in its order.
    pub fn extend(&mut self, other: &Stems) {
        for w in other.words() {
            self.push(w);
        }
    }

    /// How many words both hold: a merge of the sorted hashes, each equal
    /// hash confirmed by the words themselves.
    pub fn shared_count(&self, other: &Stems) -> usize {
        let (mut i, mut j, mut n) = (0, 0, 0);
        while let (Some(a), Some(b)) = (self.keys.get(i), other.keys.get(j)) {
            match a.hash.cmp(&b.hash) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += usize::from(other.contains(self.word(a)));
                    i += 1;
                    // Words of one hash on both sides are rare: each is
                    // confirmed against all of the other's.
                    if self.keys.get(i).is_none_or(|k| k.hash != a.hash) {
                        j += 1;
                    }
                }
            }
        }
        n
    }

    /// The words here that `other` holds too, in this set's order.
    pub fn shared(&self, other: &Stems) -> Vec<String> {
        self.words()
            .filter(|w| other.contains(w))
            .map(str::to_string)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(words: &[&str]) -> Stems {
        let mut s = Stems::default();
        for w in words {
            s.push(w);
        }
        s
    }

    #[test]
    fn keeps_each_word_once_in_the_order_added() {
        let s = of(&["sign", "treaty", "sign", "meet", "treaty"]);
        assert_eq!(s.words().collect::<Vec<_>>(), ["sign", "treaty", "meet"]);
        assert!(s.contains("meet") && !s.contains("mee") && !s.contains(""));
    }

    #[test]
    fn shared_words_are_counted_and_named_in_this_order() {
        let a = of(&["launch", "rocket", "orbit", "crew"]);
        let b = of(&["crew", "dock", "rocket"]);
        assert_eq!(a.shared_count(&b), 2);
        assert_eq!(b.shared_count(&a), 2);
        assert_eq!(a.shared(&b), ["rocket", "crew"]);
        assert_eq!(b.shared(&a), ["crew", "rocket"]);
        assert_eq!(a.shared_count(&Stems::default()), 0);
    }

    #[test]
    fn extend_adds_only_new_words() {
        let mut a = of(&["vote", "leave"]);
        a.extend(&of(&["leave", "referendum", "vote", "result"]));
        let want = ["vote", "leave", "referendum", "result"];
        assert_eq!(a.words().collect::<Vec<_>>(), want);
        assert_eq!(a, of(&want));
    }

    #[test]
    fn counts_agree_with_comparing_the_words() {
        // Many words, so that the merge crosses many hashes both ways.
        let left: Vec<String> = (0..300).map(|n| format!("w{}", n * 7 % 211)).collect();
        let right: Vec<String> = (0..300).map(|n| format!("w{}", n * 5 % 173)).collect();
        let a = of(&left.iter().map(String::as_str).collect::<Vec<_>>());
        let b = of(&right.iter().map(String::as_str).collect::<Vec<_>>());
        let want = a.words().filter(|w| b.words().any(|v| v == *w)).count();
        assert_eq!(a.shared_count(&b), want);
        assert_eq!(a.shared(&b).len(), want);
        assert!(want > 0 && want < a.words().count());
    }
}
