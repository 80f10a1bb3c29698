//! Who a passage names: actors through their aliases, pronouns, titles
//! ("the spokesman") and names of people nobody listed. Matching works word
//! by word with a hash of each word, so time is linear in the text for a
//! given actor list.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::date_words::WEEKDAYS;
use super::tokens::{words, Tok};
use crate::model::date::MONTHS;
use crate::model::{Actor, ActorKind};

/// What a mention refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Actor(usize),
    /// "he" or "she".
    Pronoun,
    /// "the spokesman": the keyword to look for in an actor's role.
    Title(&'static str),
    /// Capitalised words that look like a person's name but match no alias.
    Name,
}

#[derive(Debug, Clone, Copy)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub who: Who,
    pub in_quote: bool,
}

/// Every alias (and the name) of every actor, keyed by a hash of its first
/// two words (one for a one-word alias), lower-cased, so that "The Kremlin"
/// and "the Kremlin" both match and a frequent first word like "the" does
/// not have to try every alias that starts with it.
pub struct AliasIndex {
    first: HashMap<u64, Vec<Alias>, BuildHasherDefault<Passthrough>>,
    /// For the first two bytes of a first word (lower-cased, folded into
    /// 4096 slots), one bit per length (capped at 31): most words miss here
    /// without being hashed.
    starts: Vec<u32>,
}

fn start_bits(word: &str) -> (usize, u32) {
    let b = word.as_bytes();
    let lower = |i: usize| usize::from(b.get(i).map_or(0, u8::to_ascii_lowercase));
    let slot = (lower(0) << 5 ^ lower(1)) & 0xfff;
    (slot, 1 << word.len().min(31))
}

struct Alias {
    words: Vec<String>,
    actor: usize,
}

/// The keys are already hashes.
#[derive(Default)]
pub struct Passthrough(u64);

impl Hasher for Passthrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The key of a one-word alias (even) or of an alias's first two words (odd).
fn key(first: u64, second: Option<u64>) -> u64 {
    match second {
        None => first & !1,
        Some(h) => (first.rotate_left(29) ^ h.wrapping_mul(0x9e37_79b9_7f4a_7c15)) | 1,
    }
}

/// FNV-1a over the ASCII-lower-cased bytes.
pub fn fold_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl AliasIndex {
    pub fn new(actors: &[Actor]) -> AliasIndex {
        let mut first: HashMap<u64, Vec<Alias>, _> = HashMap::default();
        for (ix, actor) in actors.iter().enumerate() {
            for alias in std::iter::once(&actor.name).chain(&actor.aliases) {
                let mut toks = Vec::new();
                words(alias, 0..alias.len(), &mut toks);
                let words: Vec<String> = toks.iter().map(|t| t.text(alias).to_owned()).collect();
                let Some(head) = words.first() else {
                    continue;
                };
                let k = key(fold_hash(head), words.get(1).map(|w| fold_hash(w)));
                let list = first.entry(k).or_default();
                if !list.iter().any(|a| a.words == words) {
                    list.push(Alias { words, actor: ix });
                }
            }
        }
        let mut starts = vec![0u32; 4096];
        for list in first.values_mut() {
            list.sort_by_key(|a| std::cmp::Reverse(a.words.len()));
            for alias in list.iter() {
                let (byte, bit) = start_bits(&alias.words[0]);
                starts[byte] |= bit;
            }
        }
        AliasIndex { first, starts }
    }

    /// The longest alias starting at word `i`: (actor, words used).
    pub fn match_at(&self, body: &str, toks: &[Tok], i: usize) -> Option<(usize, usize)> {
        let word = toks[i].text(body);
        let (byte, bit) = start_bits(word);
        if self.starts[byte] & bit == 0 {
            return None;
        }
        let h = fold_hash(word);
        let pair = toks.get(i + 1).and_then(|t| {
            let second = fold_hash(t.text(body));
            self.first.get(&key(h, Some(second)))
        });
        let single = self.first.get(&key(h, None));
        let matches =
            |list: &Vec<Alias>| -> Option<(usize, usize)> { self.longest(body, toks, i, list) };
        pair.and_then(matches).or_else(|| single.and_then(matches))
    }

    /// The first (longest) alias of `list` written at word `i`.
    fn longest(
        &self,
        body: &str,
        toks: &[Tok],
        i: usize,
        list: &[Alias],
    ) -> Option<(usize, usize)> {
        list.iter().find_map(|alias| {
            let n = alias.words.len();
            let seq = toks.get(i..i + n)?;
            let head = seq[0].text(body).eq_ignore_ascii_case(&alias.words[0]);
            let rest = seq
                .iter()
                .zip(&alias.words)
                .skip(1)
                .all(|(t, w)| t.text(body) == w);
            let tight = seq.windows(2).all(|p| p[1].start - p[0].end <= 3);
            (head && rest && tight).then_some((alias.actor, n))
        })
    }
}

/// Words that can start a sentence but never a name.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "By", "For", "But", "And", "So", "If", "As", "When",
    "While", "After", "Before", "During", "Since", "Last", "Next", "This", "That", "These",
    "Those", "It", "Its", "His", "Her", "Their", "Our", "We", "They", "He", "She", "I", "Both",
    "Despite", "Through", "Ahead", "With", "According", "Also", "However", "Meanwhile", "Then",
    "There", "Here", "What", "Why", "How", "Who", "Where", "Asked", "Speaking", "Earlier",
];

/// Words that make a run of capitals a place or an organisation.
#[rustfmt::skip]
const NOT_PEOPLE: &[&str] = &[
    "Cosmodrome", "Centre", "Center", "Station", "Sea", "East", "West", "North", "South",
    "University", "Institute", "Ministry", "Council", "Agency", "Committee", "Union", "Office",
    "House", "Department", "Party", "Group", "Army", "Navy", "Forces", "Company", "Bank", "News",
    "Times", "Post", "Press", "Street", "Square", "River", "Republic", "Kingdom", "States",
    "Nations", "Studies", "Airport", "Palace", "Hall", "Korean", "Russian", "Minister",
];

#[rustfmt::skip]
const TITLES: &[&str] = &[
    "spokesman", "spokeswoman", "spokesperson", "president", "minister", "leader", "professor",
    "official", "analyst", "ambassador", "diplomat", "general", "chancellor", "premier",
    "secretary", "expert", "researcher", "chairman",
];

const HONORIFICS: &[&str] = &["Mr", "Mrs", "Ms", "Mme", "Dr", "Prof"];

fn capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// Every mention in the words `toks` (the words of one paragraph), in order.
/// `quotes` are the quotation interiors, sorted, to mark mentions inside them.
pub fn scan(body: &str, toks: &[Tok], index: &AliasIndex, quotes: &[Range<usize>]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut q = 0;
    let mut i = 0;
    while i < toks.len() {
        let (who, used) = classify(body, toks, i, index);
        let n = used.max(1);
        if let Some(who) = who {
            let (start, end) = (toks[i].start, toks[i + n - 1].end);
            while q < quotes.len() && quotes[q].end <= start {
                q += 1;
            }
            let in_quote = quotes.get(q).is_some_and(|r| r.start <= start);
            out.push(Mention {
                start,
                end,
                who,
                in_quote,
            });
        }
        i += n;
    }
    out
}

fn classify(body: &str, toks: &[Tok], i: usize, index: &AliasIndex) -> (Option<Who>, usize) {
    if let Some((actor, n)) = index.match_at(body, toks, i) {
        return (Some(Who::Actor(actor)), n);
    }
    let word = toks[i].text(body);
    match word {
        "he" | "He" | "she" | "She" => return (Some(Who::Pronoun), 1),
        "the" | "The" => {
            if let Some(title) = toks.get(i + 1).and_then(|t| title(t.text(body))) {
                return (Some(Who::Title(title)), 2);
            }
            return (None, 1);
        }
        _ => {}
    }
    if HONORIFICS.contains(&word) && toks.get(i + 1).is_some_and(|t| capitalised(t.text(body))) {
        if let Some((actor, n)) = index.match_at(body, toks, i + 1) {
            return (Some(Who::Actor(actor)), 1 + n);
        }
        let n = 1 + name_len(body, toks, i + 1, index).max(1);
        return (Some(Who::Name), n);
    }
    if !capitalised(word) || NOT_NAMES.contains(&word) {
        return (None, 1);
    }
    let n = name_len(body, toks, i, index);
    let run = &toks[i..i + n];
    // A run that names a place or body is stepped over one word at a time,
    // so that "Prime Minister Jane Doe" still yields "Jane Doe".
    let person = n >= 2 && !run.iter().any(|t| NOT_PEOPLE.contains(&t.text(body)));
    if person {
        (Some(Who::Name), n)
    } else {
        (None, 1)
    }
}

/// How many capitalised words, separated by single spaces, start at word
/// `i` (at most 4); a name stops where an alias starts.
fn name_len(body: &str, toks: &[Tok], i: usize, index: &AliasIndex) -> usize {
    let mut n = 0;
    while n < 4 && i + n < toks.len() {
        let word = toks[i + n].text(body);
        let joined = n == 0 || body[toks[i + n - 1].end..toks[i + n].start] == *" ";
        let alias = n > 0 && index.match_at(body, toks, i + n).is_some();
        if !joined
            || alias
            || !capitalised(word)
            || MONTHS.contains(&word)
            || WEEKDAYS.contains(&word)
            || NOT_NAMES.contains(&word)
        {
            break;
        }
        n += 1;
    }
    n
}

fn title(word: &str) -> Option<&'static str> {
    TITLES.iter().copied().find(|t| word == *t)
}

/// True when the mention can be a person's (for "he", "she" and titles).
pub fn is_person(who: Who, actors: &[Actor]) -> bool {
    match who {
        Who::Actor(a) => actors.get(a).is_some_and(|a| a.kind == ActorKind::Person),
        Who::Name | Who::Title(_) => true,
        Who::Pronoun => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: &str, aliases: &[&str], kind: ActorKind) -> Actor {
        Actor {
            id: id.into(),
            name: aliases[0].into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            role: None,
            country: None,
            kind,
        }
    }

    fn shown(body: &str, actors: &[Actor]) -> Vec<(String, Who)> {
        let index = AliasIndex::new(actors);
        let mut toks = Vec::new();
        words(body, 0..body.len(), &mut toks);
        scan(body, &toks, &index, &[])
            .into_iter()
            .map(|m| (body[m.start..m.end].to_string(), m.who))
            .collect()
    }

    #[test]
    fn longest_alias_wins_and_case_of_the_first_word_is_free() {
        let actors = [
            actor(
                "kremlin",
                &["the Kremlin", "Kremlin"],
                ActorKind::Organisation,
            ),
            actor(
                "peskov",
                &["Dmitry Peskov", "Kremlin spokesman"],
                ActorKind::Person,
            ),
        ];
        let got = shown(
            "The Kremlin said. Kremlin spokesman Dmitry Peskov's view.",
            &actors,
        );
        assert_eq!(
            got,
            [
                ("The Kremlin".into(), Who::Actor(0)),
                ("Kremlin spokesman".into(), Who::Actor(1)),
                ("Dmitry Peskov".into(), Who::Actor(1)),
            ]
        );
    }

    #[test]
    fn pronouns_titles_and_unknown_names() {
        let got = shown(
            "Then he met the spokesman and Jane Doe at Vostochny Cosmodrome with Mr. Smith.",
            &[],
        );
        let whos: Vec<Who> = got.iter().map(|g| g.1).collect();
        assert_eq!(
            whos,
            [Who::Pronoun, Who::Title("spokesman"), Who::Name, Who::Name]
        );
        assert_eq!(got[2].0, "Jane Doe");
        assert_eq!(got[3].0, "Mr. Smith");
    }
}
