//! One article file: an optional TOML front matter block between `+++`
//! lines, then the body. Paragraphs are separated by blank lines; lines
//! inside a paragraph (hard-wrapped text) are joined with a space.

use std::path::Path;

use toml::Spanned;

use super::diag::{Diagnostic, SourceText};
use super::fields::{parse, Ctx, Record};
use crate::model::Article;
use crate::text::sanitize::{sanitize_line, sanitize_text};

const FIELDS: [&str; 6] = [
    "id",
    "title",
    "outlet",
    "url",
    "published",
    "published_note",
];

/// Reads an article and where its id is written (byte offset in the file;
/// 0 when the id comes from the file name). `None` (with a problem
/// reported) when nothing usable is in it.
pub fn read(src: &SourceText, problems: &mut Vec<Diagnostic>) -> Option<(Article, usize)> {
    let stem = Path::new(&src.path)
        .file_stem()
        .map(|s| sanitize_line(&s.to_string_lossy()).into_owned())
        .unwrap_or_default();
    let mut article = Article {
        id: stem.clone(),
        title: String::new(),
        outlet: None,
        url: None,
        published: None,
        published_note: None,
        body: String::new(),
        file: sanitize_line(&src.path).into_owned(),
        cleaned: false,
    };
    let text = src.text.as_str();
    let mut id_at = 0;
    let body_raw = match split_front_matter(text) {
        FrontMatter::None => {
            let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
            if first.trim().is_empty() || is_headline(first, rest) {
                article.title = sanitize_line(first.trim()).into_owned();
                rest
            } else {
                article.title = title_from(first);
                text
            }
        }
        FrontMatter::Unclosed => {
            problems.push(src.at(
                0,
                "front matter opened with `+++` is never closed by a `+++` line",
            ));
            return None;
        }
        FrontMatter::Block { toml, base, body } => {
            let mut ctx = Ctx {
                src,
                base,
                problems,
            };
            id_at = read_front_matter(toml, &mut ctx, &mut article);
            body
        }
    };
    let cleaned = sanitize_text(body_raw);
    article.cleaned = matches!(cleaned, std::borrow::Cow::Owned(ref s) if s != body_raw);
    article.body = join_paragraphs(&cleaned);
    if article.body.is_empty() {
        problems.push(src.at(0, format!("article '{}' has no text; skipped", article.id)));
        return None;
    }
    if article.title.is_empty() {
        problems.push(src.at(
            0,
            format!("article '{}' has no title; using its file name", article.id),
        ));
        article.title = stem;
    }
    Some((article, id_at))
}

enum FrontMatter<'a> {
    None,
    Unclosed,
    /// The TOML text, its byte offset in the file, and the body after it.
    Block {
        toml: &'a str,
        base: usize,
        body: &'a str,
    },
}

fn split_front_matter(text: &str) -> FrontMatter<'_> {
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "+++" {
        return FrontMatter::None;
    }
    let base = (first_end + 1).min(text.len());
    let mut offset = base;
    for line in text[base..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let body_start = offset + line.len();
            return FrontMatter::Block {
                toml: &text[base..offset],
                base,
                body: &text[body_start..],
            };
        }
        offset += line.len();
    }
    FrontMatter::Unclosed
}

/// Fills the article from its front matter; returns where the id is.
fn read_front_matter(toml: &str, ctx: &mut Ctx, article: &mut Article) -> usize {
    let doc = parse(toml, ctx);
    let mut rec = Record::new(doc.get_ref(), doc.span(), "front matter".into());
    let mut id_at = 0;
    if let Some(id) = rec.required(ctx, "id") {
        id_at = ctx.base + id.span().start;
        article.id = id.into_inner();
    }
    rec.what = format!("article '{}'", article.id);
    if let Some(title) = rec.required(ctx, "title") {
        article.title = title.into_inner();
    }
    article.outlet = rec
        .string(ctx, "outlet")
        .map(Spanned::into_inner)
        .filter(|s| !s.is_empty());
    article.url = rec
        .string(ctx, "url")
        .map(Spanned::into_inner)
        .filter(|s| !s.is_empty());
    article.published = rec.date(ctx, "published").map(Spanned::into_inner);
    article.published_note = rec.string(ctx, "published_note").map(Spanned::into_inner);
    rec.finish(ctx, &FIELDS);
    id_at
}

/// Longest title made from an article's first sentence, in characters.
const DERIVED_TITLE: usize = 80;

/// A first line is a headline only when it looks like one: more text
/// follows, and it is short and does not end like a sentence. Otherwise it
/// is the story itself and must be read with the rest.
fn is_headline(first: &str, rest: &str) -> bool {
    let line = first.trim();
    let sentence_end = line
        .trim_end_matches(['"', '”', '’', '»', ')'])
        .ends_with(['.', ',', ';', ':']);
    !rest.trim().is_empty()
        && !sentence_end
        && line.chars().count() <= 160
        && line.split_whitespace().count() <= 25
}

/// A title for an article whose text starts at once: its first sentence,
/// cut at a word when it is long.
fn title_from(first: &str) -> String {
    let line = sanitize_line(first.trim());
    let sentence = line
        .match_indices(". ")
        .map(|(i, _)| &line[..=i])
        .find(|s| s.split_whitespace().count() >= 4)
        .unwrap_or(&line);
    if sentence.chars().count() <= DERIVED_TITLE {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(DERIVED_TITLE).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':']))
}

/// Paragraphs separated by one blank line, each on one line.
fn join_paragraphs(text: &str) -> String {
    let line_per_paragraph = one_paragraph_per_line(text);
    let mut out = String::with_capacity(text.len());
    let mut in_paragraph = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            in_paragraph = false;
            continue;
        }
        if in_paragraph && !line_per_paragraph {
            out.push(' ');
        } else if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(line);
        in_paragraph = true;
    }
    out
}

/// Text pasted from the web often puts each paragraph on one line with no
/// blank lines between them. Without blank lines, and when most lines end
/// a sentence, each line is a paragraph; otherwise the lines are a
/// hard-wrapped paragraph and are joined.
fn one_paragraph_per_line(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    if lines.len() < 2 || lines.iter().any(|l| l.is_empty()) {
        return false;
    }
    let ends_sentence = |l: &&str| l.ends_with(['.', '!', '?', '"', '”', '’', '»', ':']);
    lines.iter().filter(|l| ends_sentence(l)).count() * 2 > lines.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> SourceText {
        SourceText::new("articles/a-1.md", text)
    }

    #[test]
    fn joins_hard_wrapped_lines_and_keeps_paragraphs() {
        assert_eq!(
            join_paragraphs("one\ntwo  \n\n\n  three\n"),
            "one two\n\nthree"
        );
    }

    #[test]
    fn lines_without_blank_lines_between_them_are_paragraphs_when_they_end_sentences() {
        let pasted = "First paragraph ends here.\n“A quote,” he said.\nThird one.\n";
        assert_eq!(
            join_paragraphs(pasted),
            "First paragraph ends here.\n\n“A quote,” he said.\n\nThird one."
        );
        let wrapped = "A hard-wrapped\nparagraph that goes\non for a while.\n";
        assert_eq!(
            join_paragraphs(wrapped),
            "A hard-wrapped paragraph that goes on for a while."
        );
    }

    #[test]
    fn reads_front_matter_and_body() {
        let mut problems = Vec::new();
        let a = read(
            &src("+++\nid = \"x\"\ntitle = \"T\"\npublished = 2023-09-14\n+++\nBody\nwrapped.\n\nNext."),
            &mut problems,
        )
        .expect("article").0;
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(a.id, "x");
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            Some("2023-09-14")
        );
        assert_eq!(a.body, "Body wrapped.\n\nNext.");
    }

    #[test]
    fn bare_text_takes_its_first_line_as_title() {
        let mut problems = Vec::new();
        let a = read(&src("Headline\n\nFirst paragraph."), &mut problems)
            .expect("article")
            .0;
        assert_eq!((a.id.as_str(), a.title.as_str()), ("a-1", "Headline"));
        assert_eq!(a.body, "First paragraph.");
    }

    #[test]
    fn a_first_line_that_is_the_story_is_read_as_text() {
        let mut problems = Vec::new();
        let story = "Russian President Vladimir Putin arrived in Pyongyang early on Wednesday, the Kremlin said. \
                     It was his first visit in 24 years.\n\nHe was met by Kim Jong Un.";
        let a = read(&src(story), &mut problems).expect("article").0;
        assert!(problems.is_empty(), "{problems:?}");
        assert!(a.body.starts_with("Russian President"), "{}", a.body);
        assert_eq!(
            a.title,
            "Russian President Vladimir Putin arrived in Pyongyang early on Wednesday, the…"
        );
        let one_line = read(
            &src("Putin said on Tuesday that talks went well."),
            &mut problems,
        )
        .expect("a one-line article has text")
        .0;
        assert_eq!(one_line.body, "Putin said on Tuesday that talks went well.");
        assert_eq!(
            one_line.title,
            "Putin said on Tuesday that talks went well."
        );
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn unknown_field_and_bad_date_are_reported_at_their_line() {
        let mut problems = Vec::new();
        let a = read(
            &src("+++\nid = \"x\"\ntitle = \"T\"\npublished = \"2023-02-30\"\nauthor = \"me\"\n+++\nBody"),
            &mut problems,
        );
        assert!(a.is_some());
        let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        // At the day itself, inside the quotes.
        assert!(shown[0].starts_with("articles/a-1.md:4:22: "), "{shown:?}");
        assert!(
            shown[0].ends_with("February 2023 has no day 30"),
            "{shown:?}"
        );
        assert!(
            shown[1].starts_with("articles/a-1.md:5:1: ")
                && shown[1].contains("unknown field `author`")
        );
    }

    #[test]
    fn empty_and_unclosed_articles_are_skipped_with_a_problem() {
        let mut problems = Vec::new();
        assert!(read(
            &src("+++\nid = \"x\"\ntitle = \"T\"\n+++\n \n\t\n"),
            &mut problems
        )
        .is_none());
        assert!(read(&src("+++\nid = \"x\"\n"), &mut problems).is_none());
        assert_eq!(problems.len(), 2);
        assert!(problems[1].message.contains("never closed"));
    }

    #[test]
    fn control_characters_are_removed_and_marked() {
        let mut problems = Vec::new();
        let a = read(
            &src("Title\x1b]0;pwned\x07\n\nBody \x1b[2Jtext"),
            &mut problems,
        )
        .expect("article")
        .0;
        assert_eq!(a.title, "Title");
        assert_eq!(a.body, "Body text");
        assert!(a.cleaned);
    }
}
