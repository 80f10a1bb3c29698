//! Who said each quotation. Rules run from the most to the least explicit;
//! the first that names someone wins and is recorded with the quote:
//!
//! - `said-after`: “...,” X said / said X / X, a lawyer, told AFP
//! - `said-before`: X said (that) “...” in the same sentence
//! - `according-to`: ..., according to X
//! - `run-then-name`: “...”“...”Name, a run of quotations followed by a name
//! - `continued`: the previous quotation of the paragraph, if it was attributed
//! - `paragraph-end`: ..., X adds. at the end of the quotation's paragraph
//! - `echo`: a short fragment repeating words of an earlier quotation
//! - `sentence-subject`: whoever its sentence names first before it
//! - `previous-sentence`: the speaker of a report of speech just before it
//!   ("Jane Doe said the talks had failed. “...”")
//!
//! A short fragment none of them attributes is taken for scare quotes and
//! dropped, as are quoted names ("Grad" launchers) and "so-called" terms.

use std::collections::HashMap;

use foldhash::fast::RandomState;
use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::lexicon::Lexicon;
use super::mentions::Mention;
use super::quotes::Span;
use super::refer::{Names, Resolver};
use super::subjects::INDEFINITE;
use super::{FoundQuote, Para, Speaker};
use crate::model::Actor;

/// The searcher for "according to", built once: a sentence is searched
/// for it before its words are read, and building a searcher for each
/// sentence cost more than the search.
static ACCORDING: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("ccording to"));

#[rustfmt::skip]
const SPEECH_VERB_WORDS: &[&str] = &[
    "said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "adding", "stated",
    "states", "noted", "notes", "noting", "insisted", "insists", "asserted", "asserts", "affirmed",
    "affirms", "declared", "declares", "announced", "announces", "warned", "warns", "warning",
    "explained", "explains", "argued", "argues", "claimed", "claims", "commented", "comments",
    "remarked", "remarks", "wrote", "writes", "asked", "asks", "replied", "replies", "continued",
    "concluded", "described", "describes", "called", "calls", "urged", "urges", "acknowledged",
    "admitted", "confirmed", "confirms", "indicated", "indicates", "underscored", "stressed",
    "stresses", "emphasised", "emphasized", "observed", "suggested", "pledged", "promised",
    "vowed", "praised", "denied", "tweeted", "posted", "recalled", "reiterated", "expressed",
    "express", "hailed", "quipped", "predicted", "cautioned", "responded", "maintained",
    "specifying", "assured", "insisting", "stressing", "reported", "reports", "announcing",
    "telling", "explaining", "conceded", "mused", "joked", "agreed", "threatened", "estimated",
    "hinted", "mentioned", "accused", "accusing", "shouted", "shouting", "chanted", "chanting",
    "reads", "acknowledge", "calling", "decried", "condemned", "demanded", "demanding", "insist",
    "alleged", "alleges", "denounced", "ruled", "rules",
];
static SPEECH_VERBS: Lexicon = Lexicon::new(SPEECH_VERB_WORDS);

/// Quotes of at most this many words need an attribution to count.
pub(super) const FRAGMENT_WORDS: usize = 5;

/// How far (bytes) around a quotation its attribution is looked for, so
/// that a paragraph of one endless sentence still takes linear time.
pub(super) const WINDOW: usize = 400;

pub(super) fn is_speech_verb(word: &str) -> bool {
    word.bytes().next().is_some_and(|b| b.is_ascii_lowercase()) && SPEECH_VERBS.contains(word)
}

pub(super) struct Attribution {
    pub speaker: Speaker,
    pub confidence: f32,
    pub rule: &'static str,
    /// Explicit rules can be continued by later quotes of the paragraph.
    pub explicit: bool,
}

pub(super) struct Ctx<'a> {
    pub body: &'a str,
    pub paras: &'a [Para<'a>],
    pub spans: &'a [Span],
    pub resolver: Resolver<'a>,
    /// Paragraph of each span's first and last part.
    pub first: Vec<usize>,
    pub last: Vec<usize>,
}

pub fn attribute(
    body: &str,
    paras: &[Para],
    spans: &[Span],
    actors: &[Actor],
    names: &Names,
) -> Vec<FoundQuote> {
    let para_of = |at: usize| {
        paras
            .partition_point(|p| p.range.end < at)
            .min(paras.len().saturating_sub(1))
    };
    let ctx = Ctx {
        body,
        paras,
        spans,
        resolver: Resolver {
            body,
            paras,
            actors,
            names,
        },
        first: spans.iter().map(|s| para_of(s.open)).collect(),
        last: spans.iter().map(|s| para_of(s.after)).collect(),
    };
    let mut found: Vec<(usize, Attribution)> = Vec::new();
    let mut out = Vec::new();
    let mut labels: HashMap<String, String, RandomState> = HashMap::default();
    for (k, span) in spans.iter().enumerate() {
        if paras.is_empty() || ctx.is_term(k) {
            continue;
        }
        let attribution = ctx
            .explicit(k)
            .or_else(|| ctx.continued(k, &found))
            .or_else(|| ctx.paragraph_end(ctx.first[k], span.open))
            .or_else(|| ctx.echo(k, &found))
            .or_else(|| ctx.sentence_subject(k))
            .or_else(|| ctx.previous_sentence(k));
        let text = span.text(body);
        let quote = |text, speaker, confidence, rule| FoundQuote {
            span: span.inner.clone(),
            text,
            speaker,
            confidence,
            rule,
        };
        match attribution {
            Some(mut a) => {
                // A description ("a retired nurse") is shown as written.
                let described =
                    |name: &str| INDEFINITE.contains(&name.split(' ').next().unwrap_or(""));
                if let Speaker::New(name) = &a.speaker {
                    if !described(name) {
                        // A name met before is looked up without a copy of it.
                        let label = match labels.get(name) {
                            Some(label) => label.clone(),
                            None => {
                                let label = ctx.label(k, name);
                                labels.insert(name.clone(), label.clone());
                                label
                            }
                        };
                        a.speaker = Speaker::New(label);
                    }
                }
                out.push(quote(text, Some(a.speaker.clone()), a.confidence, a.rule));
                found.push((k, a));
            }
            None if text.split_whitespace().count() > FRAGMENT_WORDS => {
                out.push(quote(text, None, 0.2, "unattributed"));
            }
            None => {}
        }
    }
    out
}

impl Ctx<'_> {
    pub(super) fn word(&self, p: usize, t: usize) -> &str {
        self.paras[p].toks[t].text(self.body)
    }

    /// True when word `t` of paragraph `p` is a speech verb used as a verb:
    /// after a determiner "claims" and "remarks" are nouns.
    pub(super) fn speech_verb(&self, p: usize, t: usize) -> bool {
        // The verb first: most words are none, and no determiner need be read.
        let noun = || {
            t.checked_sub(1).is_some_and(|b| {
                matches!(
                    self.word(p, b),
                    "the"
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "our"
                        | "these"
                        | "those"
                        | "such"
                        | "’s"
                        | "'s"
                        | "my"
                        | "your"
                        | "whose"
                        | "of"
                )
            })
        };
        is_speech_verb(self.word(p, t)) && !noun()
    }

    /// The sentence of paragraph `p` holding `at`, cut to `WINDOW` bytes
    /// either side of it.
    pub(super) fn sentence(&self, p: usize, at: usize) -> Range<usize> {
        let full = self.paras[p].sentence(at);
        let mut start = full.start.max(at.saturating_sub(WINDOW));
        while !self.body.is_char_boundary(start) {
            start += 1;
        }
        let mut end = full.end.min(at + WINDOW).max(start);
        while !self.body.is_char_boundary(end) {
            end -= 1;
        }
        start..end.max(start)
    }

    /// Words of paragraph `p` within `r` and outside quotations, walking
    /// the words and the quotations side by side.
    pub(super) fn words_in(&self, p: usize, r: Range<usize>) -> Vec<usize> {
        let par = &self.paras[p];
        let lo = par.toks.partition_point(|t| t.start < r.start);
        let hi = par.toks.partition_point(|t| t.end <= r.end).max(lo);
        let mut q = par.quoted.partition_point(|x| x.end <= r.start);
        let mut out = Vec::with_capacity(hi - lo);
        for t in lo..par.toks.len() {
            let tok = par.toks[t];
            if tok.end > r.end {
                break;
            }
            while par.quoted.get(q).is_some_and(|x| x.end <= tok.start) {
                q += 1;
            }
            if par.quoted.get(q).is_none_or(|x| tok.start < x.start) {
                out.push(t);
            }
        }
        out
    }

    pub(super) fn mentions_in(
        &self,
        p: usize,
        r: Range<usize>,
    ) -> impl DoubleEndedIterator<Item = &Mention> {
        let list = &self.paras[p].mentions;
        let lo = list.partition_point(|m| m.start < r.start);
        let hi = list.partition_point(|m| m.start < r.end).max(lo);
        list[lo..hi]
            .iter()
            .filter(move |m| !m.in_quote && m.end <= r.end)
    }

    pub(super) fn attr(
        &self,
        p: usize,
        m: &Mention,
        confidence: f32,
        rule: &'static str,
    ) -> Option<Attribution> {
        let (speaker, factor) = self.resolver.resolve(p, m)?;
        Some(Attribution {
            speaker,
            confidence: confidence * factor,
            rule,
            explicit: true,
        })
    }

    /// A quoted name or a "so-called" term, not speech.
    fn is_term(&self, k: usize) -> bool {
        let span = &self.spans[k];
        let p = self.first[k];
        let before = self.body[self.paras[p].range.start..span.open].trim_end();
        if before.ends_with("so-called") || before.ends_with("so called") {
            return true;
        }
        let text = &self.body[span.inner.clone()];
        let one_word = text.chars().all(|c| c.is_alphanumeric() || c == '-');
        let capital = text.chars().next().is_some_and(char::is_uppercase);
        let sentence_start = self.sentence(p, span.open).start == span.open;
        one_word && capital && !sentence_start
    }

    fn explicit(&self, k: usize) -> Option<Attribution> {
        let span = &self.spans[k];
        let text = self.body[span.inner.clone()].trim_end();
        let (p, q) = (self.first[k], self.last[k]);
        let comma_after = self.body[span.after..self.paras[q].range.end]
            .trim_start()
            .starts_with(',');
        let trailing = text.ends_with([',', '?', '!']) || comma_after;
        if trailing {
            if let Some(a) = self.after(k, 0.95) {
                return Some(a);
            }
        }
        self.before(k)
            .or_else(|| self.after(k, 0.8))
            .or_else(|| self.according_to(p, span.open))
            .or_else(|| self.run_then_name(k))
    }

    /// The end of the stretch after quote `k` that may hold its attribution:
    /// the end of the sentence or the next quotation, whichever comes first.
    pub(super) fn after_limit(&self, k: usize) -> usize {
        let q = self.last[k];
        let span = &self.spans[k];
        let sentence_end = self
            .sentence(q, span.after.min(self.paras[q].range.end))
            .end;
        let next_open = self.spans.get(k + 1).map_or(usize::MAX, |s| s.open);
        sentence_end.min(next_open).max(span.after)
    }

    /// “...,” X said / said X / X, appositive, told AFP.
    fn after(&self, k: usize, confidence: f32) -> Option<Attribution> {
        let q = self.last[k];
        let span = &self.spans[k];
        let range = span.after..self.after_limit(k);
        let toks = self.words_in(q, range.clone());
        let verb = toks
            .iter()
            .take(12)
            .copied()
            .find(|&t| self.speech_verb(q, t))?;
        let subject = self.subject_of(q, range.start, verb, range.end)?;
        self.attr_subject(q, subject, confidence, "said-after")
    }

    /// X said (that) “...”: the last speech verb before the quotation in its
    /// sentence, and its subject.
    fn before(&self, k: usize) -> Option<Attribution> {
        let p = self.first[k];
        let span = &self.spans[k];
        let sentence = self.sentence(p, span.open);
        // A remark set off by dashes is not the attribution: "Bercow
        // commented — which the BBC noted as unusual — “...”".
        let aside = self.dashed(sentence.start, span.open);
        let toks = self.words_in(p, sentence.start..span.open);
        let verb = toks
            .iter()
            .rev()
            .copied()
            .filter(|&t| !aside.contains(&self.paras[p].toks[t].start))
            .find(|&t| self.speech_verb(p, t))?;
        let subject = self.subject_of(p, sentence.start, verb, span.open)?;
        self.attr_subject(p, subject, 0.85, "said-before")
    }

    /// The stretch between the last two dashes before `at`, if any.
    fn dashed(&self, lo: usize, at: usize) -> Range<usize> {
        let text = &self.body[lo..at];
        let mut dashes = text.rmatch_indices(['—', '–']).map(|(i, _)| lo + i);
        match (dashes.next(), dashes.next()) {
            (Some(b), Some(a)) => a..b,
            _ => 0..0,
        }
    }

    /// ..., according to X.
    fn according_to(&self, p: usize, at: usize) -> Option<Attribution> {
        let sentence = self.sentence(p, at);
        // Most sentences do not say "according to": none of their words is read.
        ACCORDING.find(self.body[sentence.clone()].as_bytes())?;
        let toks = self.words_in(p, sentence.clone());
        let pos = toks.windows(2).find(|w| {
            self.word(p, w[0]).eq_ignore_ascii_case("according") && self.word(p, w[1]) == "to"
        })?;
        let from = self.paras[p].toks[pos[1]].end;
        let m = self.mentions_in(p, from..sentence.end).next()?;
        let gap = &self.body[from..m.start];
        (gap.split_whitespace().count() <= 2).then_some(())?;
        self.attr(p, m, 0.75, "according-to")
    }
}
