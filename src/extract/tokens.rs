//! Paragraphs, words and sentences of an article body, as byte ranges, so
//! that every rule above them can point back at the exact source text.
//! Everything here is a single forward pass over the text.

use std::ops::Range;

use super::chars::{ascii_alphanumeric_end, char_at, is_letter_or_digit, Class, CLASS};
use super::lexicon::Lexicon;
use super::Para;

/// A word: a run of letters and digits, with inner hyphens and apostrophes
/// kept (`Jong-un`, `O'Brien`, `don't`) except a possessive `'s`, which is a
/// word of its own so that `Korea's` still names `Korea`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
}

impl Tok {
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }
}

/// The words of a paragraph, by index; out of range reads as "".
pub struct Words<'a> {
    pub body: &'a str,
    pub toks: &'a [Tok],
    /// The paragraph in ASCII lower case, from byte `base` of the body.
    lower: &'a str,
    base: usize,
}

impl<'a> Words<'a> {
    pub fn of(body: &'a str, par: &'a Para) -> Words<'a> {
        Words {
            body,
            toks: par.toks,
            lower: par.lower,
            base: par.range.start,
        }
    }

    pub fn get(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.body))
    }

    /// Word `i` in ASCII lower case, read from the paragraph's lower-cased
    /// copy: no word is copied.
    pub fn lower(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .map_or("", |t| &self.lower[t.start - self.base..t.end - self.base])
    }
}

/// Paragraphs: maximal runs of non-blank lines, trimmed.
pub fn paragraphs(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut offset = 0;
    // Lines found with `memchr`, which reads a long line a vector at a time.
    while offset < body.len() {
        let stop = memchr::memchr(b'\n', &body.as_bytes()[offset..])
            .map_or(body.len(), |p| offset + p + 1);
        let line = &body[offset..stop];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            out.extend(current.take());
        } else {
            let lead = line.len() - line.trim_start().len();
            let start = offset + lead;
            let end = start + trimmed.len();
            match &mut current {
                Some(range) => range.end = end,
                None => current = Some(start..end),
            }
        }
        offset += line.len();
    }
    out.extend(current);
    out
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2019}')
}

/// The words of `range` in `body`.
pub fn words(body: &str, range: Range<usize>, out: &mut Vec<Tok>) {
    let text = &body[range.clone()];
    out.reserve(text.len() / 4);
    let bytes = text.as_bytes();
    let mut i = 0;
    // One pass over the bytes: the spaces and punctuation between words,
    // and the ASCII letters within them, are read as bytes.
    while let Some(&b) = bytes.get(i) {
        match CLASS[usize::from(b)] {
            Class::Letter => {}
            Class::Wide => {
                let c = char_at(text, i);
                if !is_letter_or_digit(c) {
                    i += c.len_utf8();
                    continue;
                }
            }
            Class::Joiner | Class::Other => {
                i += 1;
                continue;
            }
        }
        let start = i;
        i = word_end(text, i);
        push_word(bytes, range.start, start, i, out);
    }
}

/// Splits a possessive `'s` off the word `start..end` and pushes it.
#[inline(always)]
fn push_word(text: &[u8], base: usize, start: usize, end: usize, out: &mut Vec<Tok>) {
    let word = &text[start..end];
    let cut = match word {
        [.., b'\'', b's'] if word.len() > 2 => 2,
        [.., 0xE2, 0x80, 0x99, b's'] if word.len() > 4 => 4,
        _ => 0,
    };
    if cut > 0 {
        out.push(Tok {
            start: base + start,
            end: base + end - cut,
        });
        out.push(Tok {
            start: base + end - cut,
            end: base + end,
        });
        return;
    }
    out.push(Tok {
        start: base + start,
        end: base + end,
    });
}

/// End of the word starting at `i`: letters and digits, and joiners between two of them.
#[inline(always)]
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // ASCII letters and digits are most of the text: no decoding.
        i = ascii_alphanumeric_end(bytes, i);
        match bytes.get(i).map(|&b| CLASS[usize::from(b)]) {
            None | Some(Class::Other) => break,
            _ => {}
        }
        let c = char_at(text, i);
        if is_letter_or_digit(c) {
            i += c.len_utf8();
        } else if is_joiner(c) {
            let next = i + c.len_utf8();
            if next < bytes.len() && is_letter_or_digit(char_at(text, next)) {
                i = next;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    i
}

/// Words that end with a period without ending a sentence.
static ABBREVIATIONS: Lexicon = Lexicon::new(&[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "St", "Sen", "Rep", "Gov",
    "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Adm", "Cmdr", "Maj", "Brig", "Rev",
    "Supt", "Det", "Jr", "Sr", "Mt", "Ft", "No", "vs", "Gov", "Atty", "Insp", "Cpl", "Pvt",
]);

/// Sentence starts within a paragraph. `skip` lists byte ranges (quotation
/// interiors) whose punctuation does not end a sentence: a quoted passage of
/// several sentences stays inside the sentence that reports it.
pub fn sentences(body: &str, par: Range<usize>, skip: &[Range<usize>]) -> Vec<usize> {
    let mut starts = Vec::with_capacity(8);
    starts.push(par.start);
    let bytes = body.as_bytes();
    let mut i = par.start;
    let mut skip_ix = 0;
    while i < par.end {
        while skip_ix < skip.len() && skip[skip_ix].end <= i {
            skip_ix += 1;
        }
        if let Some(s) = skip.get(skip_ix) {
            if s.start <= i {
                // A quotation that ends a sentence ends it too: `... issue.” Next`.
                let last = body[s.start..s.end].trim_end().chars().next_back();
                i = s.end;
                if matches!(last, Some('.' | '!' | '?')) {
                    let after = skip_closers(body, i, par.end);
                    if let Some(next) = next_sentence_start(body, after, par.end) {
                        starts.push(next);
                        i = next;
                    }
                }
                continue;
            }
        }
        // Jump to the next sentence punctuation or quotation, whichever is first.
        let limit = skip.get(skip_ix).map_or(par.end, |s| s.start.max(i));
        let Some(step) = memchr::memchr3(b'.', b'!', b'?', &bytes[i..limit]) else {
            i = limit;
            continue;
        };
        i += step;
        let b = bytes[i];
        if !(b == b'.' && is_abbreviation(body, par.start, i)) {
            let after = skip_closers(body, i + 1, par.end);
            let next = next_sentence_start(body, after, par.end).or_else(|| glued(body, i, &par));
            if let Some(next) = next {
                starts.push(next);
                i = next;
                continue;
            }
        }
        i += 1;
    }
    starts
}

/// Skips closing quotation marks and brackets right after a full stop.
fn skip_closers(body: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        let c = char_at(body, i);
        if matches!(
            c,
            '"' | '\'' | '\u{201D}' | '\u{2019}' | '\u{BB}' | ')' | ']'
        ) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// After sentence punctuation: whitespace, then a capital, digit or
/// opening mark starts a new sentence.
fn next_sentence_start(body: &str, i: usize, end: usize) -> Option<usize> {
    let rest = &body[i..end];
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() || trimmed.is_empty() {
        return None;
    }
    let c = trimmed.chars().next()?;
    let opens = matches!(
        c,
        '"' | '\u{201C}' | '\u{2018}' | '\u{AB}' | '\u{201E}' | '(' | '['
    );
    (c.is_uppercase() || c.is_ascii_digit() || opens).then(|| end - trimmed.len())
}

/// Sentences pasted together without a space (`visit.The Kremlin`): a
/// full stop between a lower-case letter and a capitalised word.
fn glued(body: &str, dot: usize, par: &Range<usize>) -> Option<usize> {
    let b = body.as_bytes();
    let lower_before = dot > par.start && b[dot - 1].is_ascii_lowercase();
    let capital_after = b.get(dot + 1).is_some_and(u8::is_ascii_uppercase)
        && b.get(dot + 2).is_some_and(u8::is_ascii_lowercase)
        && dot + 2 < par.end;
    (b[dot] == b'.' && lower_before && capital_after).then_some(dot + 1)
}

/// True when the period at `dot` ends an abbreviation or an initial.
fn is_abbreviation(body: &str, floor: usize, dot: usize) -> bool {
    let before = &body[floor..dot];
    let word_start = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |p| {
        p + before[p..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &before[word_start..];
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    initial || ABBREVIATIONS.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<&str> {
        let mut out = Vec::new();
        words(body, 0..body.len(), &mut out);
        out.iter().map(|t| t.text(body)).collect()
    }

    #[test]
    fn words_keep_inner_joiners_and_split_possessives() {
        assert_eq!(
            texts("Kim Jong-un's O'Brien don't Russia’s '90s end-"),
            ["Kim", "Jong-un", "'s", "O'Brien", "don't", "Russia", "’s", "90s", "end"]
        );
    }

    #[test]
    fn paragraphs_are_trimmed_runs_of_lines() {
        let body = "  one\ntwo \n\n\nthree\n";
        let pars: Vec<&str> = paragraphs(body).into_iter().map(|r| &body[r]).collect();
        assert_eq!(pars, ["one\ntwo", "three"]);
        assert!(paragraphs("").is_empty());
    }

    #[test]
    fn sentences_skip_abbreviations_and_quoted_passages() {
        let body = "Mr. Putin said “One. Two.” He left. Then J. Smith came";
        let q = body.find("One").unwrap()..body.find('”').unwrap();
        let starts = sentences(body, 0..body.len(), &[q]);
        let shown: Vec<&str> = starts.iter().map(|&s| &body[s..]).collect();
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(shown[1].starts_with("He left"));
        assert!(shown[2].starts_with("Then J. Smith"));
    }

    #[test]
    fn sentences_glued_without_a_space_are_split() {
        let body = "He ended his visit.The Kremlin said so. See www.example.com and the U.S.Army.";
        let starts = sentences(body, 0..body.len(), &[]);
        let shown: Vec<&str> = starts.iter().map(|&s| &body[s..]).collect();
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(shown[1].starts_with("The Kremlin said"));
        assert!(shown[2].starts_with("See www.example.com and the U.S.Army."));
    }
}
