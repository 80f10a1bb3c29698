//! The attribution rules used when no speech verb sits next to a
//! quotation: a run of quotations ending in a name, an attribution that
//! ends the paragraph, continuation, echoes and the sentence's subject.

use super::mentions::Who;
use super::speakers::{Attribution, Ctx, FRAGMENT_WORDS, WINDOW};

/// At most this many quotations back to back form a run.
const MAX_RUN: usize = 20;
/// How many earlier quotations a fragment may echo.
const ECHO_REACH: usize = 50;

impl Ctx<'_> {
    /// “...”“...”Name: quotations back to back, then a short stretch that
    /// only names someone, up to the next quotation or the paragraph end.
    pub(super) fn run_then_name(&self, k: usize) -> Option<Attribution> {
        for j in k..k + MAX_RUN {
            let span = self.spans.get(j)?;
            let p = self.last[j];
            let next = self.spans.get(j + 1).filter(|_| self.first[j + 1] == p);
            let end = next.map_or(self.paras[p].range.end, |s| s.open);
            if end.saturating_sub(span.after) > WINDOW {
                return None;
            }
            let gap = self.body[span.after..end].trim();
            if gap.is_empty() && next.is_some() {
                continue;
            }
            let words = gap.split_whitespace().count();
            let sentence_like = gap.contains(['.', '!', '?']) && !gap.contains("Mr.");
            let ok = (1..=10).contains(&words) && !sentence_like;
            let m = self
                .mentions_in(p, span.after..end)
                .next_back()
                .filter(|_| ok)?;
            return self.attr(p, m, 0.85, "run-then-name");
        }
        None
    }

    /// "..., comments the BBC" ending the paragraph of the quotation.
    pub(super) fn paragraph_end(&self, p: usize, at: usize) -> Option<Attribution> {
        let par = &self.paras[p];
        let last = self.sentence(p, par.range.end.saturating_sub(1));
        if last.start <= at {
            return None;
        }
        let comma = self.outside_comma_before(p, last.start, last.end)?;
        let toks = self.words_in(p, comma..last.end);
        if toks.len() > 6 {
            return None;
        }
        let verb = toks.iter().copied().find(|&t| self.speech_verb(p, t))?;
        let verb_start = par.toks[verb].start;
        let m = self
            .mentions_in(p, comma..verb_start)
            .next_back()
            .or_else(|| self.inverted(p, verb, last.end))?;
        self.attr(p, m, 0.7, "paragraph-end")
    }

    /// The speaker of the previous quotation when it is in the same
    /// paragraph and was attributed explicitly or by continuation.
    pub(super) fn continued(
        &self,
        k: usize,
        found: &[(usize, Attribution)],
    ) -> Option<Attribution> {
        let (j, prev) = found.last()?;
        let same = self.last[*j] == self.first[k];
        let carried = prev.explicit || prev.rule == "continued";
        (same && carried).then(|| Attribution {
            speaker: prev.speaker.clone(),
            confidence: 0.6,
            rule: "continued",
            explicit: false,
        })
    }

    /// A short fragment that repeats words of an earlier quotation.
    pub(super) fn echo(&self, k: usize, found: &[(usize, Attribution)]) -> Option<Attribution> {
        let text = &self.body[self.spans[k].inner.clone()];
        if text.split_whitespace().count() > 4 {
            return None;
        }
        let (_, prev) = found.iter().rev().take(ECHO_REACH).find(|(j, a)| {
            a.explicit && contains_words(&self.body[self.spans[*j].inner.clone()], text)
        })?;
        Some(Attribution {
            speaker: prev.speaker.clone(),
            confidence: 0.6,
            rule: "echo",
            explicit: false,
        })
    }

    /// The first actor (or "he", "the minister") named in the quotation's
    /// sentence before it; not for a fragment, which needs a speech verb.
    pub(super) fn sentence_subject(&self, k: usize) -> Option<Attribution> {
        let p = self.first[k];
        let span = &self.spans[k];
        if is_fragment(&self.body[span.inner.clone()])
            && !reads_as_speech(&self.body[span.inner.clone()])
        {
            return None;
        }
        let sentence = self.sentence(p, span.open);
        let m = self.mentions_in(p, sentence.start..span.open).next()?;
        let mut a = self.attr(p, m, 0.4, "sentence-subject")?;
        a.explicit = false;
        Some(a)
    }

    /// A quotation that opens its sentence with no attribution of its own
    /// takes the speaker of the sentence just before it, when that sentence
    /// reports speech outside quotation marks ("Doe said the talks failed.")
    /// or ends in a colon.
    pub(super) fn previous_sentence(&self, k: usize) -> Option<Attribution> {
        let span = &self.spans[k];
        let p = self.first[k];
        let own = self.sentence(p, span.open);
        if self.body[own.start..span.open].trim().len() > 1 {
            return None;
        }
        let (q, at) = if own.start > self.paras[p].range.start {
            (p, own.start - 1)
        } else {
            let q = p.checked_sub(1)?;
            (q, self.paras[q].range.end.saturating_sub(1))
        };
        let prev = self.sentence(q, at);
        let toks = self.words_in(q, prev.clone());
        let verb = toks.iter().copied().find(|&t| self.speech_verb(q, t));
        // A sentence that ends in a colon introduces what follows, whatever
        // its verb: "Holdren issued the following statement: “...”".
        let introduces = self.body[prev.clone()].trim_end().ends_with(':');
        let mut a = match verb {
            Some(verb) => {
                let subject = self.subject_of(q, prev.start, verb, prev.end)?;
                self.attr_subject(q, subject, 0.5, "previous-sentence")?
            }
            None if introduces => {
                // Its subject: the first person it names, not a possessive
                // ("Following SpaceX's launch, John Holdren issued ...").
                let m = self.mentions_in(q, prev.clone()).find(|m| {
                    matches!(m.who, Who::Actor(_) | Who::Name)
                        && !self.body[m.end..].starts_with(['\'', '’'])
                })?;
                self.attr(q, m, 0.5, "previous-sentence")?
            }
            None => return None,
        };
        a.explicit = false;
        Some(a)
    }

    /// The name a new speaker is shown under: as written, with the
    /// appositive that follows it at the attribution ("X, professor of Y").
    pub(super) fn label(&self, k: usize, name: &str) -> String {
        let span = &self.spans[k];
        let p = self.first[k];
        let sentence_start = self.sentence(p, span.open).start;
        let before = &self.body[sentence_start..span.open];
        let after = &self.body[span.after..self.after_limit(k)];
        let tail = [before, after]
            .into_iter()
            .find_map(|text| text.find(name).map(|at| &text[at + name.len()..]));
        let Some(appositive) = tail
            .and_then(|t| t.strip_prefix(", "))
            .and_then(|t| t.split(',').next())
        else {
            return name.to_string();
        };
        let cut = [" at ", " in ", " from ", " who ", " which ", " with "]
            .iter()
            .filter_map(|w| appositive.find(w))
            .min()
            .unwrap_or(appositive.len());
        // The appositive may end the sentence: "..., secretary of the Union."
        let appositive = appositive[..cut]
            .trim()
            .trim_end_matches(['.', '!', '?', '"', '”', '’', ';', ':']);
        let words = appositive.split_whitespace().count();
        let starts_low = appositive.chars().next().is_some_and(char::is_lowercase);
        if starts_low && (1..=8).contains(&words) {
            format!("{name}, {appositive}")
        } else {
            name.to_string()
        }
    }
}

fn is_fragment(text: &str) -> bool {
    text.split_whitespace().count() <= FRAGMENT_WORDS
}

/// Words that make a short fragment read as someone's words ("not doing
/// her job") rather than a term or a label ("British exit").
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "of", "to", "on", "in", "at", "as", "for", "with", "her", "his", "their", "you", "we", "our",
    "my", "your", "not", "is", "are", "was", "be", "will", "can", "has", "have", "a", "an", "it",
    "i", "me", "us", "them", "they", "he", "she", "its", "this", "that",
];

/// True when a fragment of several words has a function word in it.
fn reads_as_speech(text: &str) -> bool {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    words.len() >= 2 && words.iter().any(|w| FUNCTION_WORDS.contains(&w.as_str()))
}

/// True when `needle` occurs in `hay` at word boundaries, ignoring ASCII case.
fn contains_words(hay: &str, needle: &str) -> bool {
    let needle = needle
        .trim_matches(|c: char| !c.is_alphanumeric())
        .as_bytes();
    let bytes = hay.as_bytes();
    if needle.is_empty() || needle.len() > bytes.len() {
        return false;
    }
    let word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
    // Only where the first byte matches, in either case, is the rest compared.
    let (lower, upper) = (
        needle[0].to_ascii_lowercase(),
        needle[0].to_ascii_uppercase(),
    );
    let starts = &bytes[..=bytes.len() - needle.len()];
    let mut from = 0;
    while let Some(k) = memchr::memchr2(lower, upper, &starts[from..]) {
        let i = from + k;
        if bytes[i..i + needle.len()].eq_ignore_ascii_case(needle)
            && !word(i.checked_sub(1).and_then(|j| bytes.get(j)))
            && !word(bytes.get(i + needle.len()))
        {
            return true;
        }
        from = i + 1;
    }
    false
}
