//! Who does the speaking in an attribution: the subject of its speech verb,
//! found from the shape of the clause. The subject stands before the verb
//! (skipping auxiliaries, an appositive set off by commas and names inside
//! a prepositional phrase: "Jane Doe of the Labour Party said"), after an
//! inverted verb ("said Jane Doe."), or is a description nobody named ("a
//! spokeswoman for the authority said").

use std::ops::Range;

use super::mentions::Mention;
use super::speakers::{Attribution, Ctx, WINDOW};
use super::Speaker;

/// The subject of a speech verb.
pub(super) enum Subject<'a> {
    Mention(&'a Mention),
    /// Words of the text that describe someone unnamed.
    Described(Range<usize>),
}

/// Words between a subject and its verb that are not the subject:
/// "Jane Doe had earlier said", "the ministry also said".
#[rustfmt::skip]
const AUXILIARIES: &[&str] = &[
    "had", "has", "have", "was", "were", "is", "are", "also", "earlier", "later", "then", "again",
    "previously", "once", "would", "will", "further", "separately", "had", "has", "first", "last",
    "subsequently", "meanwhile", "too", "already",
];

/// Words before a name that put it in a prepositional phrase.
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "of", "at", "from", "for", "with", "in", "to", "by", "on", "about", "against", "into", "over",
    "under", "near", "behind", "within",
];

/// Verbs whose object follows them: "told Al Jazeera" names the listener.
const TELL: &[&str] = &["told", "tell", "tells", "telling"];

/// Words that open a description of someone unnamed.
pub(super) const INDEFINITE: &[&str] = &["a", "an", "one", "another", "A", "An", "One", "Another"];

impl<'a> Ctx<'a> {
    pub(super) fn attr_subject(
        &self,
        p: usize,
        subject: Subject,
        confidence: f32,
        rule: &'static str,
    ) -> Option<Attribution> {
        match subject {
            Subject::Mention(m) => self.attr(p, m, confidence, rule),
            Subject::Described(r) => Some(Attribution {
                speaker: Speaker::New(self.body[r].to_string()),
                confidence: confidence * 0.7,
                rule,
                explicit: true,
            }),
        }
    }

    /// The subject of the verb at word `verb` of paragraph `p`, looked for
    /// between `lo` and the verb, then after the verb up to `limit`.
    pub(super) fn subject_of(
        &self,
        p: usize,
        lo: usize,
        verb: usize,
        limit: usize,
    ) -> Option<Subject<'_>> {
        let verb_start = self.paras[p].toks[verb].start;
        // ", accusing her of ...": a participle's subject is its sentence's.
        let word = self.word(p, verb);
        let participle =
            word.ends_with("ing") && self.body[lo..verb_start].trim_end().ends_with(',');
        if participle {
            let sentence = self.sentence(p, verb_start);
            if let Some(m) = self
                .mentions_in(p, sentence.start.max(lo)..verb_start)
                .find(|m| !self.in_phrase(p, m))
            {
                return Some(Subject::Mention(m));
            }
        }
        let hi = self.before_auxiliaries(p, lo, verb);
        let named = self.subject_before(p, lo, hi);
        let described = self.described(p, lo, hi);
        // Whichever stands nearer the verb: "a move a White House official called".
        // ... unless the description is the name's appositive: "Lisa
        // Parry, a retired nurse, said".
        let appositive = |m: &Mention, d: &Range<usize>| self.body[m.end..d.start].trim() == ",";
        match (named, described) {
            (Some(m), Some(d)) if d.start >= m.end && !appositive(m, &d) => {
                return Some(Subject::Described(d))
            }
            (Some(m), _) => return Some(Subject::Mention(m)),
            (None, Some(d)) => return Some(Subject::Described(d)),
            (None, None) => {}
        }
        None.or_else(|| {
            let word = self.word(p, verb);
            (!TELL.contains(&word))
                .then(|| self.inverted(p, verb, limit.max(verb_start)))
                .flatten()
                .map(Subject::Mention)
        })
    }

    /// Where the words before verb `verb` stop being auxiliaries and adverbs.
    fn before_auxiliaries(&self, p: usize, lo: usize, verb: usize) -> usize {
        let toks = &self.paras[p].toks;
        let mut t = verb;
        while t > 0 && toks[t - 1].start >= lo && verb - t < 3 {
            let w = self.word(p, t - 1);
            let adverb = w.len() > 4 && w.ends_with("ly") && w.starts_with(char::is_lowercase);
            if !(AUXILIARIES.contains(&w) || adverb) {
                break;
            }
            t -= 1;
        }
        toks[t].start
    }

    /// True when the mention sits in a prepositional phrase ("of the Labour
    /// Party"), so that it is not the subject.
    fn in_phrase(&self, p: usize, m: &Mention) -> bool {
        let toks = &self.paras[p].toks;
        let k = toks.partition_point(|t| t.start < m.start);
        let mut before = k.checked_sub(1);
        if before.is_some_and(|b| self.word(p, b).eq_ignore_ascii_case("the")) {
            before = before.and_then(|b| b.checked_sub(1));
        }
        before.is_some_and(|b| PREPOSITIONS.contains(&self.word(p, b)))
    }

    /// The nearest mention before `hi` outside a prepositional phrase,
    /// skipping an appositive set off by commas ("X, a researcher, said").
    fn subject_before(&self, p: usize, lo: usize, hi: usize) -> Option<&Mention> {
        let mut head = self.body[lo..hi].trim_end();
        // "Chris Christie, who denounced ...": the name "who" stands for.
        if let Some(rest) = head
            .strip_suffix(" who")
            .or_else(|| head.strip_suffix(" which"))
        {
            head = rest;
        }
        let mut hi = lo + head.len();
        if head.ends_with(',') {
            let comma = lo + head.len() - 1;
            if let Some(prev) = self.outside_comma_before(p, lo, comma) {
                let m = self.mentions_in(p, lo..prev).next_back();
                if m.is_some_and(|m| self.body[m.end..prev].trim().is_empty()) {
                    return m;
                }
            }
            hi = comma;
        }
        let mut near = self.mentions_in(p, lo..hi).rev();
        let first = near.next()?;
        if !self.in_phrase(p, first) {
            return Some(first);
        }
        near.find(|m| !self.in_phrase(p, m)).or(Some(first))
    }

    /// "a spokeswoman for the authority", "one of the users": words from an
    /// indefinite article up to `hi`, with no punctuation between.
    fn described(&self, p: usize, lo: usize, hi: usize) -> Option<Range<usize>> {
        let toks = &self.paras[p].toks;
        let last = toks.partition_point(|t| t.end <= hi);
        let first = last.saturating_sub(8);
        let start = (first..last)
            .rev()
            .filter(|&t| toks[t].start >= lo)
            .find(|&t| INDEFINITE.contains(&self.word(p, t)))?;
        // "a crane operator who asked not to be named": up to the clause.
        let end = (start + 1..last)
            .find(|&t| matches!(self.word(p, t), "who" | "which" | "that" | "whose"))
            .unwrap_or(last);
        let range = toks[start].start..toks[end - 1].end;
        let par = &self.paras[p];
        let plain = !self.body[range.clone()].contains([',', ';', ':', '.', '"', '“', '”'])
            && par.outside(range.start);
        (plain && end - start >= 2).then_some(range)
    }

    /// The subject after an inverted verb ("said Putin", "comments the
    /// BBC"): a mention right before the next punctuation, a few words on.
    pub(super) fn inverted(&self, p: usize, verb: usize, limit: usize) -> Option<&Mention> {
        let par = &self.paras[p];
        let from = par.toks[verb].end;
        let rest = &self.body[from..limit];
        let stop = rest
            .find([',', ';', ':', '“', '"', '(', '—'])
            .map_or(limit, |i| from + i);
        let m = self.mentions_in(p, from..stop).next()?;
        let words_between = self.body[from..m.start].split_whitespace().count();
        // "said Kosgei after the race", but not "said the government had".
        let next = self.body[m.end..stop]
            .split_whitespace()
            .next()
            .unwrap_or("");
        let ends = next.is_empty()
            || next.starts_with(['.', '!', '?'])
            || PREPOSITIONS.contains(&next)
            || matches!(
                next,
                "after" | "before" | "during" | "when" | "while" | "as" | "via"
            );
        (ends && words_between <= 4).then_some(m)
    }

    pub(super) fn outside_comma_before(&self, p: usize, lo: usize, at: usize) -> Option<usize> {
        let par = &self.paras[p];
        let mut lo = lo.max(at.saturating_sub(WINDOW));
        while !self.body.is_char_boundary(lo) {
            lo += 1;
        }
        self.body[lo..at]
            .rmatch_indices(',')
            .map(|(i, _)| lo + i)
            .find(|&i| par.outside(i))
    }
}
