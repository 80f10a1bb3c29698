//! Who a passage names: actors through their aliases, pronouns, titles
//! ("the spokesman") and names of people nobody listed. Matching works word
//! by word with a hash of each word, so time is linear in the text for a
//! given actor list.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::lexicon::Lexicon;
use super::names::{capitalised, classify_run};
use super::speakers::is_speech_verb;
use super::tokens::{words, Tok};
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
    /// Capitalised words that name an organisation ("the Court of Session").
    Org,
    /// "it", before a speech verb.
    It,
    /// "the ministry": the word to look for in an organisation's name.
    OrgTitle(&'static str),
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
    /// For the first two bytes of a word (lower-cased, folded into 4096
    /// slots), one bit per length (capped at 31): of the one-word aliases,
    /// of the first words of longer ones and of their second words. Most
    /// words miss here without being hashed.
    singles: Box<Slots>,
    heads: Box<Slots>,
    seconds: Box<Slots>,
}

type Slots = [u32; 4096];

fn start_bits(word: &str) -> (usize, u32) {
    byte_bits(word.as_bytes())
}

fn byte_bits(b: &[u8]) -> (usize, u32) {
    let lower = |i: usize| usize::from(b.get(i).map_or(0, u8::to_ascii_lowercase));
    let slot = (lower(0) << 5 ^ lower(1)) & 0xfff;
    (slot, 1 << b.len().min(31))
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
        let (mut singles, mut heads, mut seconds) = (
            Box::new([0; 4096]),
            Box::new([0; 4096]),
            Box::new([0; 4096]),
        );
        for list in first.values_mut() {
            list.sort_by_key(|a| std::cmp::Reverse(a.words.len()));
            for alias in list.iter() {
                let (slot, bit) = start_bits(&alias.words[0]);
                match alias.words.get(1) {
                    None => singles[slot] |= bit,
                    Some(second) => {
                        heads[slot] |= bit;
                        let (slot, bit) = start_bits(second);
                        seconds[slot] |= bit;
                    }
                }
            }
        }
        AliasIndex {
            first,
            singles,
            heads,
            seconds,
        }
    }

    /// True when no actor was given: no word is an alias.
    pub fn is_empty(&self) -> bool {
        self.first.is_empty()
    }

    /// The longest alias starting at word `i`: (actor, words used). Asked
    /// of nearly every word, so the test most words fail is inlined.
    #[inline(always)]
    pub fn match_at(&self, body: &str, toks: &[Tok], i: usize) -> Option<(usize, usize)> {
        // Texts read without an actor list, as users bring them, match none.
        if self.first.is_empty() {
            return None;
        }
        let t = toks[i];
        let (slot, bit) = byte_bits(&body.as_bytes()[t.start..t.end]);
        let (single, head) = (self.singles[slot] & bit != 0, self.heads[slot] & bit != 0);
        if !(single || head) {
            return None;
        }
        self.lookup(body, toks, i, single, head)
    }

    /// `match_at` for a word that may start an alias: one-word aliases
    /// when `single`, longer ones when `head`.
    fn lookup(
        &self,
        body: &str,
        toks: &[Tok],
        i: usize,
        single: bool,
        head: bool,
    ) -> Option<(usize, usize)> {
        let word = toks[i].text(body);
        let h = fold_hash(word);
        let pair = toks.get(i + 1).filter(|_| head).and_then(|t| {
            let next = t.text(body);
            let (slot, bit) = start_bits(next);
            (self.seconds[slot] & bit != 0)
                .then(|| self.first.get(&key(h, Some(fold_hash(next)))))
                .flatten()
        });
        let single = single.then(|| self.first.get(&key(h, None))).flatten();
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

#[rustfmt::skip]
const TITLE_WORDS: &[&str] = &[
    "spokesman", "spokeswoman", "spokesperson", "president", "minister", "leader", "professor",
    "official", "analyst", "ambassador", "diplomat", "general", "chancellor", "premier",
    "secretary", "expert", "researcher", "chairman", "chairwoman", "governor", "mayor", "judge",
    "prosecutor", "senator", "chief", "commander", "director", "lawyer", "attorney", "coach",
];
static TITLES: Lexicon = Lexicon::new(TITLE_WORDS);

/// Nouns that name an organisation already named ("the ministry said").
#[rustfmt::skip]
const ORG_NOUN_WORDS: &[&str] = &[
    "ministry", "court", "company", "government", "agency", "police", "department", "council",
    "committee", "party", "army", "military", "embassy", "commission", "authority", "office",
    "bank", "firm", "group", "organisation", "organization", "union", "board", "administration",
    "campaign", "club", "team", "report", "study", "statement", "institute", "university",
];
static ORG_NOUNS: Lexicon = Lexicon::new(ORG_NOUN_WORDS);

const HONORIFICS: &[&str] = &["Mr", "Mrs", "Ms", "Mme", "Dr", "Prof"];

/// Every mention in the words `toks` (the words of one paragraph), in order.
/// `quotes` are the quotation interiors, sorted, to mark mentions inside them.
pub fn scan(body: &str, toks: &[Tok], index: &AliasIndex, quotes: &[Range<usize>]) -> Vec<Mention> {
    // News names someone every dozen words or so: room for that, grown
    // rarely.
    let mut out = Vec::with_capacity(toks.len() / 12);
    let mut q = 0;
    let mut i = 0;
    let bytes = body.as_bytes();
    while i < toks.len() {
        // Without aliases, a word in lower case names no one unless it is
        // "he", "she", "it" or "the": most words are passed over here.
        let t = toks[i];
        if index.is_empty()
            && bytes[t.start].is_ascii_lowercase()
            && !matches!(&bytes[t.start..t.end], b"he" | b"she" | b"it" | b"the")
        {
            i += 1;
            continue;
        }
        let (found, end) = classify(body, toks, i, index);
        let end = end.max(i + 1).min(toks.len());
        if let Some((who, first)) = found.filter(|&(_, first)| first < end) {
            let (start, stop) = (toks[first].start, toks[end - 1].end);
            while q < quotes.len() && quotes[q].end <= start {
                q += 1;
            }
            let in_quote = quotes.get(q).is_some_and(|r| r.start <= start);
            out.push(Mention {
                start,
                end: stop,
                who,
                in_quote,
            });
        }
        i = end;
    }
    out
}

/// The mention starting at word `i`, as `(who, first word)`, and the word
/// where the scan goes on.
fn classify(
    body: &str,
    toks: &[Tok],
    i: usize,
    index: &AliasIndex,
) -> (Option<(Who, usize)>, usize) {
    if let Some((actor, n)) = index.match_at(body, toks, i) {
        return (Some((Who::Actor(actor), i)), i + n);
    }
    let word = toks[i].text(body);
    match word {
        "he" | "He" | "she" | "She" => return (Some((Who::Pronoun, i)), i + 1),
        // "it said": an organisation speaking.
        "it" | "It" if is_speech_verb(toks.get(i + 1).map_or("", |t| t.text(body))) => {
            return (Some((Who::It, i)), i + 1)
        }
        "the" | "The" => {
            // "the spokesman", "the Russian leader", "the Kremlin spokesman".
            for (k, tok) in toks.iter().enumerate().take(i + 4).skip(i + 1) {
                let w = tok.text(body);
                if let Some(title) = title(w) {
                    return (Some((Who::Title(title), i)), k + 1);
                }
                if let Some(noun) = ORG_NOUNS.get(w) {
                    return (Some((Who::OrgTitle(noun), i)), k + 1);
                }
                if !w.starts_with(|c: char| c.is_uppercase()) {
                    break;
                }
            }
            return (None, i + 1);
        }
        _ => {}
    }
    // A word that starts with an ASCII character other than a capital
    // (most words) is no honorific and starts no run of capitals.
    if word
        .as_bytes()
        .first()
        .is_none_or(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return (None, i + 1);
    }
    if HONORIFICS.contains(&word) && toks.get(i + 1).is_some_and(|t| capitalised(t.text(body))) {
        if let Some((actor, n)) = index.match_at(body, toks, i + 1) {
            return (Some((Who::Actor(actor), i)), i + 1 + n);
        }
        return match classify_run(body, toks, i + 1, index) {
            (Some((Who::Name, first)), end) if first == i + 1 => (Some((Who::Name, i)), end),
            (_, end) => (Some((Who::Name, i)), end.max(i + 2)),
        };
    }
    classify_run(body, toks, i, index)
}

fn title(word: &str) -> Option<&'static str> {
    TITLES.get(word)
}

/// True when the mention can be a person's (for "he", "she" and titles).
pub fn is_person(who: Who, actors: &[Actor]) -> bool {
    match who {
        Who::Actor(a) => actors.get(a).is_some_and(|a| a.kind == ActorKind::Person),
        Who::Name | Who::Title(_) => true,
        Who::Pronoun | Who::Org | Who::It | Who::OrgTitle(_) => false,
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
