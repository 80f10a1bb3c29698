//! What a mention refers to: the actor behind "he", "the spokesman" or
//! "Mr. Doe", and one name for each person nobody listed.

use std::collections::{HashMap, HashSet};

use foldhash::fast::RandomState;

use super::acronyms;
use super::alone::{asked_of, standalone_runs, Sketch};
use super::mentions::{is_person, Mention, Who};
use super::names::is_role;
use super::{Para, Speaker};
use crate::model::Actor;

/// How many paragraphs and sentences back "he" or "she" may reach.
const PRONOUN_REACH: usize = 3;
const SENTENCE_REACH: usize = 8;

/// How many bytes of one sentence the search for a subject covers.
const WINDOW: usize = 400;

/// How many mentions back "the spokesman" may reach.
const TITLE_REACH: usize = 200;

/// Honorifics before a name, with and without their full stop.
#[rustfmt::skip]
const HONORIFICS: &[&str] = &[
    "Mr. ", "Mrs. ", "Ms. ", "Mme ", "Dr. ", "Prof. ", "Mr ", "Mrs ", "Ms ", "Dr ", "Prof ",
];

/// Full names of people nobody listed, by surname, and the role words
/// written before each mention of them ("Foreign Minister Jane Doe").
#[derive(Default)]
pub struct Names {
    by_surname: HashMap<String, String, RandomState>,
    /// (byte offset, role words lower-cased, full name), in text order.
    roles: Vec<(usize, String, String)>,
    /// Names of organisations by the acronyms they may be written as.
    acronyms: HashMap<String, String, RandomState>,
}

fn surname(name: &str) -> &str {
    let last_space = name.bytes().rposition(|b| b == b' ');
    last_space.map_or(name, |at| &name[at + 1..])
}

/// True when `text` holds a space: read as bytes, for the short names
/// asked, with no searcher to set up.
fn has_space(text: &str) -> bool {
    text.bytes().any(|b| b == b' ')
}

fn strip_honorific(text: &str) -> &str {
    if !text.starts_with(['M', 'D', 'P']) {
        return text;
    }
    HONORIFICS
        .iter()
        .find_map(|h| text.strip_prefix(h))
        .unwrap_or(text)
}

impl Names {
    /// The full name a written name refers to: "Mr. Doe" → "Jane Doe".
    pub fn full<'a>(&'a self, written: &'a str) -> &'a str {
        let bare = strip_honorific(written);
        self.by_surname.get(surname(bare)).map_or(
            if bare.contains(' ') { bare } else { written },
            String::as_str,
        )
    }
}

/// A name of three words or more whose first words are written elsewhere
/// as a name of their own ("Hong Kong Carrie Lam", where the text also
/// speaks of Hong Kong alone) starts after them.
fn trim_prefix(body: &str, m: &mut Mention, alone: &HashSet<&str, RandomState>) {
    let text = &body[m.start..m.end];
    // The spaces and the word after each are found as bytes.
    let spaces: Vec<usize> = text
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b' ')
        .map(|(i, _)| i)
        .collect();
    for &cut in spaces.iter().take(spaces.len().saturating_sub(1)).rev() {
        // "David J. Hayes": a middle initial follows its given name.
        let rest = &text[cut + 1..];
        let w = &rest[..rest.bytes().position(|b| b == b' ').unwrap_or(rest.len())];
        let initial = w.len() == 2 && w.ends_with('.') && w.starts_with(|c: char| c.is_uppercase());
        if !initial && alone.contains(&text[..cut]) {
            m.start += cut + 1;
            return;
        }
    }
}

/// The first word of a two-word name, where the text also writes it alone
/// and no other name starts with it, stands for the name too: a family
/// name written first ("Li Wenliang" ... "Li died") or a given name
/// ("David Rubenstein" ... "David continues").
fn add_given_names(names: &mut Names, alone: &HashSet<&str, RandomState>) {
    let mut firsts: HashMap<&str, Option<&str>, RandomState> = HashMap::default();
    for full in names.by_surname.values() {
        let mut words = full.split(' ');
        let (Some(first), Some(_), None) = (words.next(), words.next(), words.next()) else {
            continue;
        };
        firsts
            .entry(first)
            .and_modify(|one| *one = None)
            .or_insert(Some(full));
    }
    let given: Vec<(String, String)> = firsts
        .into_iter()
        .filter(|(first, _)| alone.contains(first) && !names.by_surname.contains_key(*first))
        .filter_map(|(first, full)| Some((first.to_string(), full?.to_string())))
        .collect();
    names.by_surname.extend(given);
}

/// The role words just before `at` ("Foreign Minister"), lower-cased.
fn roles_before(body: &str, at: usize) -> String {
    let mut from = at.saturating_sub(60);
    while !body.is_char_boundary(from) {
        from += 1;
    }
    let head = &body[from..at];
    // Most names have no role before them: the word before is found as
    // bytes, and then there is nothing to collect.
    let b = head.as_bytes();
    let end = b.len() - b.iter().rev().take_while(|&&c| c == b' ').count();
    let start = b[..end]
        .iter()
        .rposition(|&c| c == b' ')
        .map_or(0, |p| p + 1);
    if end == 0 || !is_role(&head[start..end]) {
        return String::new();
    }
    let words: Vec<&str> = head
        .split(' ')
        .rev()
        .skip_while(|w| w.is_empty())
        .take_while(|w| is_role(w))
        .collect();
    words
        .iter()
        .rev()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Registers the names of unlisted people, then marks later mentions of
/// their surname alone ("Doe said") as mentions of them.
pub fn add_surnames(body: &str, paras: &mut [Para]) -> Names {
    let mut names = Names::default();
    let spaces = |m: &Mention| {
        body.as_bytes()[m.start..m.end]
            .iter()
            .filter(|&&b| b == b' ')
            .count()
    };
    let long = |m: &Mention| m.who == Who::Name && spaces(m) >= 2;
    let named = |m: &Mention| m.who == Who::Name && has_space(&body[m.start..m.end]);
    // Built only for a text that has a name of two words or more to check.
    // Sized for what each name adds, its words and its beginnings, so that
    // the set is not rebuilt as it grows.
    let room = paras
        .iter()
        .flat_map(|p| &p.mentions)
        .filter(|m| named(m))
        .map(|m| 2 * spaces(m) + 1)
        .sum();
    let mut asked = HashSet::with_capacity_and_hasher(room, RandomState::default());
    for m in paras.iter().flat_map(|p| &p.mentions).filter(|m| named(m)) {
        asked_of(&body[m.start..m.end], &mut asked);
    }
    let alone = if asked.is_empty() {
        HashSet::default()
    } else {
        standalone_runs(body, paras, &asked)
    };
    for par in paras.iter_mut() {
        for m in par.mentions.iter_mut().filter(|m| m.who == Who::Name) {
            if long(m) {
                trim_prefix(body, m, &alone);
            }
            let text = strip_honorific(&body[m.start..m.end]);
            if has_space(text) {
                names
                    .by_surname
                    .entry(surname(text).to_string())
                    .or_insert_with(|| text.to_string());
            }
        }
    }
    add_given_names(&mut names, &alone);
    // Only the acronyms the text writes as a body's name are looked up:
    // most texts have none, and then no initials are read.
    let written: HashSet<&str, RandomState> = paras
        .iter()
        .flat_map(|p| &p.mentions)
        .filter(|m| m.who == Who::Org)
        .map(|m| &body[m.start..m.end])
        .filter(|text| acronyms::is_acronym(text))
        .collect();
    let spelled = paras
        .iter()
        .flat_map(|p| &p.mentions)
        .filter(|m| matches!(m.who, Who::Org | Who::Name) && has_space(&body[m.start..m.end]));
    let mut initials = Default::default();
    for m in spelled.take_while(|_| !written.is_empty()) {
        let text = &body[m.start..m.end];
        acronyms::initials(text, &mut initials);
        for a in &initials {
            if a.chars().count() >= 2 && written.contains(a.as_str()) {
                names
                    .acronyms
                    .entry(a.clone())
                    .or_insert_with(|| text.to_string());
            }
        }
    }
    for par in paras.iter() {
        for m in par.mentions.iter().filter(|m| m.who == Who::Name) {
            let roles = roles_before(body, m.start);
            if !roles.is_empty() {
                let full = names.full(&body[m.start..m.end]).to_string();
                names.roles.push((m.start, roles, full));
            }
        }
    }
    if names.by_surname.is_empty() {
        return names;
    }
    let mut surnames = Sketch::default();
    for s in names.by_surname.keys() {
        surnames.insert(s);
    }
    for par in paras.iter_mut() {
        let mut added = Vec::new();
        let mut covered = par.mentions.iter().peekable();
        for tok in par.toks {
            // Words in lower case or digits, most of them, are no surname.
            let lead = body.as_bytes()[tok.start];
            if lead.is_ascii_lowercase() || lead.is_ascii_digit() {
                continue;
            }
            while covered.next_if(|m| m.end <= tok.start).is_some() {}
            if covered.peek().is_some_and(|m| m.start <= tok.start) {
                continue;
            }
            let word = tok.text(body);
            if surnames.may_have(word) && names.by_surname.contains_key(word) {
                added.push(Mention {
                    start: tok.start,
                    end: tok.end,
                    who: Who::Name,
                    in_quote: !par.outside(tok.start),
                });
            }
        }
        if !added.is_empty() {
            par.mentions.extend(added);
            par.mentions.sort_by_key(|m| m.start);
        }
    }
    names
}

/// Resolves mentions to speakers; `factor` lowers the confidence of
/// indirect references.
pub struct Resolver<'a> {
    pub body: &'a str,
    pub paras: &'a [Para<'a>],
    pub actors: &'a [Actor],
    pub names: &'a Names,
}

impl Resolver<'_> {
    /// The speaker a mention in paragraph `p` names, and a confidence factor.
    pub fn resolve(&self, p: usize, m: &Mention) -> Option<(Speaker, f32)> {
        match m.who {
            Who::Actor(a) => Some((Speaker::Actor(a), 1.0)),
            Who::Name => Some((
                Speaker::New(self.names.full(&self.body[m.start..m.end]).to_string()),
                1.0,
            )),
            Who::Org => {
                let text = &self.body[m.start..m.end];
                let full = acronyms::is_acronym(text)
                    .then(|| self.names.acronyms.get(text))
                    .flatten();
                Some((
                    Speaker::New(full.map_or(text, String::as_str).to_string()),
                    1.0,
                ))
            }
            Who::Pronoun => self.antecedent(p, m.start).map(|s| (s, 0.9)),
            Who::Title(word) => self.titled(p, m, word).map(|s| (s, 0.85)),
            Who::It => self.organisation(p, m.start, None).map(|s| (s, 0.8)),
            Who::OrgTitle(noun) => self
                .organisation(p, m.start, Some(noun))
                .map(|s| (s, 0.8))
                .or_else(|| Some((Speaker::New(self.body[m.start..m.end].to_string()), 0.5))),
        }
    }

    /// "it" or "the ministry": the nearest organisation named before `at`
    /// outside quotations, whose name has `noun` when one is given.
    fn organisation(&self, p: usize, at: usize, noun: Option<&str>) -> Option<Speaker> {
        let fits = |m: &&Mention| {
            let text = &self.body[m.start..m.end];
            let named = match m.who {
                Who::Org => true,
                Who::Actor(a) => self.actors[a].kind != crate::model::ActorKind::Person,
                _ => false,
            };
            named
                && !m.in_quote
                && noun.is_none_or(|n| text.to_lowercase().split(' ').any(|w| w == n))
        };
        let floor = p.saturating_sub(PRONOUN_REACH);
        for q in (floor..=p).rev() {
            let list = &self.paras[q].mentions;
            let below = if q == p {
                list.partition_point(|m| m.start < at)
            } else {
                list.len()
            };
            if let Some(m) = list[..below].iter().rev().take(TITLE_REACH).find(fits) {
                return self.resolve(q, m).map(|(s, _)| s);
            }
        }
        None
    }

    /// "he": the subject (first person named) of the nearest sentence
    /// before `at` that names a person outside a quotation; when that
    /// subject is itself "he", whoever it stands for.
    pub fn antecedent(&self, p: usize, at: usize) -> Option<Speaker> {
        self.antecedent_within(p, at, 3)
    }

    fn antecedent_within(&self, p: usize, at: usize, depth: usize) -> Option<Speaker> {
        let floor = p.saturating_sub(PRONOUN_REACH);
        let mut sentences = 0;
        for q in (floor..=p).rev() {
            let par = &self.paras[q];
            let limit = if q == p { at } else { par.range.end };
            let below = par.sentences.partition_point(|&s| s < limit);
            let mut end = limit;
            for &start in par.sentences[..below].iter().rev() {
                // A sentence's subject is near its start, or near `end` in an endless one.
                let start = start.max(end.saturating_sub(WINDOW));
                let lo = par.mentions.partition_point(|m| m.start < start);
                let candidates = par.mentions[lo..]
                    .iter()
                    .take_while(|m| m.end <= end)
                    .filter(|m| !m.in_quote);
                let subject = candidates.clone().next();
                if let Some(m) = subject.filter(|m| m.who == Who::Pronoun && depth > 0) {
                    if let Some(s) = self.antecedent_within(q, m.start, depth - 1) {
                        return Some(s);
                    }
                }
                let found = candidates
                    .filter(|m| is_person(m.who, self.actors))
                    .find_map(|m| self.resolve(q, m));
                if let Some((s, _)) = found {
                    return Some(s);
                }
                end = start;
                sentences += 1;
                if sentences >= SENTENCE_REACH {
                    return None;
                }
            }
        }
        None
    }

    /// "the spokesman": the name set beside it ("the chairman of the event,
    /// Jane Doe,"), else the nearest earlier actor whose role has the word,
    /// else the only actor whose role has it, else the latest person written
    /// with that role ("Spokesman John Kirby").
    fn titled(&self, p: usize, m: &Mention, word: &str) -> Option<Speaker> {
        let list = &self.paras[p].mentions;
        let after = list.partition_point(|n| n.start <= m.end);
        let beside = list[after..].iter().take(3).find(|n| {
            n.who == Who::Name && {
                let gap = &self.body[m.end..n.start];
                gap.len() <= 60 && gap.trim_end().ends_with(',') && !gap.contains(['.', ';'])
            }
        });
        if let Some(n) = beside {
            return self.resolve(p, n).map(|(s, _)| s);
        }
        self.titled_actor(p, m.start, word).or_else(|| {
            let roles = &self.names.roles;
            roles[..roles.partition_point(|r| r.0 < m.start)]
                .iter()
                .rev()
                .take(TITLE_REACH)
                .find(|(_, roles, _)| roles.split(' ').any(|r| r == word))
                .map(|(_, _, name)| Speaker::New(name.clone()))
        })
    }

    fn titled_actor(&self, p: usize, at: usize, word: &str) -> Option<Speaker> {
        let fits = |a: &Actor| {
            a.role
                .as_deref()
                .unwrap_or("")
                .to_lowercase()
                .contains(word)
        };
        let earlier = (0..=p).rev().flat_map(|q| {
            let list = &self.paras[q].mentions;
            list[..list.partition_point(|m| m.start < at)].iter().rev()
        });
        for m in earlier.take(TITLE_REACH) {
            if let Who::Actor(a) = m.who {
                if fits(&self.actors[a]) {
                    return Some(Speaker::Actor(a));
                }
            }
        }
        let mut fitting = self.actors.iter().enumerate().filter(|(_, a)| fits(a));
        match (fitting.next(), fitting.next()) {
            (Some((a, _)), None) => Some(Speaker::Actor(a)),
            _ => None,
        }
    }
}
