//! A chronology to paste into a draft: each top-level event is a `##`
//! section (a headline event's sub-events are `###` inside it), with its
//! date, kind, place and actors, the summary and the excerpts it cites, quotes
//! as block quotes with their speakers, and numbered footnotes for the source
//! articles.

use std::collections::HashMap;
use std::io::{self, Write};

use chrono::Datelike;

use super::{date_range, human_date, quotes_of};
use crate::model::{Corpus, Event, Ix};

/// Footnote numbers, given to articles in the order they are first cited.
struct Notes {
    number: HashMap<Ix, usize>,
    order: Vec<Ix>,
}

impl Notes {
    fn cite(&mut self, article: Ix) -> String {
        let next = self.order.len() + 1;
        let n = *self.number.entry(article).or_insert_with(|| next);
        if n == next {
            self.order.push(article);
        }
        format!("[^{n}]")
    }
}

/// Inline text with Markdown's punctuation escaped, so titles and quotes
/// read as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Writes the chronology to `file` a section at a time.
pub fn write(corpus: &Corpus, events: &[Ix], file: &mut dyn Write) -> io::Result<()> {
    let member = super::membership(corpus, events);
    let mut notes = Notes {
        number: HashMap::new(),
        order: Vec::new(),
    };
    let mut out = String::from("# Chronology\n\n");
    let quotes = quotes_of(corpus, events).len();
    match date_range(corpus, events) {
        Some((a, b)) => out.push_str(&format!(
            "{} and {}, {}.\n",
            crate::text::count(events.len(), "event"),
            crate::text::count(quotes, "quote"),
            crate::text::years(a.year(), b.year())
        )),
        _ => out.push_str("No events.\n"),
    }
    for &e in events {
        out.push('\n');
        section(corpus, &member, e, &mut notes, &mut out);
        file.write_all(out.as_bytes())?;
        out.clear();
    }
    if !notes.order.is_empty() {
        out.push_str("\n---\n\n");
    }
    for (i, &a) in notes.order.iter().enumerate() {
        let article = &corpus.articles[a];
        let mut line = format!("[^{}]: *{}*", i + 1, escape(&article.title));
        if let Some(outlet) = &article.outlet {
            line.push_str(&format!(", {}", escape(outlet)));
        }
        if let Some(date) = article.published {
            line.push_str(&format!(", {}", date.format("%-d %B %Y")));
        }
        line.push('.');
        if let Some(url) = &article.url {
            line.push_str(&format!(" <{url}>"));
        }
        out.push_str(&line);
        out.push('\n');
        file.write_all(out.as_bytes())?;
        out.clear();
    }
    file.write_all(out.as_bytes())
}

fn section(corpus: &Corpus, member: &[bool], e: Ix, notes: &mut Notes, out: &mut String) {
    let event = &corpus.events[e];
    let nested = event.parent.is_some_and(|p| member[p]);
    let level = if nested { "###" } else { "##" };
    out.push_str(&format!(
        "{level} {} — {}\n\n",
        human_date(&event.date),
        escape(&event.title)
    ));
    let mut facts = vec![event.kind.name().to_owned()];
    facts.extend(event.place.as_deref().map(escape));
    let names: Vec<String> = event
        .actors
        .iter()
        .map(|&a| escape(&corpus.actors[a].name))
        .collect();
    if !names.is_empty() {
        facts.push(names.join(", "));
    }
    out.push_str(&format!("*{}*\n\n", facts.join(" · ")));
    let cites: String =
        event
            .sources
            .iter()
            .map(|s| notes.cite(s.article))
            .fold(String::new(), |mut acc, c| {
                if !acc.contains(&c) {
                    acc.push_str(&c);
                }
                acc
            });
    out.push_str(&format!("{}{cites}\n", escape(&event.summary)));
    excerpts(event, notes, out);
    if let Some(note) = &event.date_note {
        out.push_str(&format!("\nDate: {}\n", escape(note)));
    }
    for q in quotes_of(corpus, &[e]) {
        let quote = &corpus.quotes[q];
        out.push_str(&format!(
            "\n> “{}”\n> — {}{}\n",
            escape(&quote.text),
            escape(&corpus.actors[quote.speaker].name),
            notes.cite(quote.article)
        ));
    }
}

/// The passages the event cites, each once with its footnote, so that a
/// draft shows what the sources say and not only that they say it.
fn excerpts(event: &Event, notes: &mut Notes, out: &mut String) {
    let mut seen: Vec<(Ix, &str)> = Vec::new();
    for s in &event.sources {
        let excerpt = s.excerpt.trim();
        if excerpt.is_empty() || seen.contains(&(s.article, excerpt)) {
            continue;
        }
        if seen.is_empty() {
            out.push_str("\nSources:\n\n");
        }
        seen.push((s.article, excerpt));
        let words: Vec<&str> = excerpt.split_whitespace().collect();
        out.push_str(&format!(
            "- “{}”{}\n",
            escape(&words.join(" ")),
            notes.cite(s.article)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{load, Location};

    fn render(corpus: &Corpus, events: &[Ix]) -> String {
        crate::export::Format::Markdown.render(corpus, events)
    }

    #[test]
    fn headline_events_are_sections_with_their_sub_events_inside() {
        let c = load(&Location::Embedded).corpus;
        let md = render(&c, &c.order);
        let sections = md.lines().filter(|l| l.starts_with("## ")).count();
        let subs = md.lines().filter(|l| l.starts_with("### ")).count();
        let roots = c.events.iter().filter(|e| e.parent.is_none()).count();
        assert_eq!((sections, subs), (roots, c.events.len() - roots));
        let h = c
            .order
            .iter()
            .copied()
            .find(|&e| !c.children[e].is_empty())
            .unwrap();
        let at = md
            .find(&format!("— {}\n", escape(&c.events[h].title)))
            .unwrap();
        let child = &c.events[c.children[h][0]];
        let child_at = md
            .find(&format!("### {}", human_date(&child.date)))
            .unwrap();
        assert!(child_at > at);
    }

    #[test]
    fn quotes_are_block_quotes_with_speakers_and_every_note_is_defined() {
        let c = load(&Location::Embedded).corpus;
        let md = render(&c, &c.order);
        let quotes = md.lines().filter(|l| l.starts_with("> “")).count();
        assert_eq!(quotes, quotes_of(&c, &c.order).len());
        let q = &c.quotes[quotes_of(&c, &c.order)[0]];
        let speaker = format!("> — {}[^", escape(&c.actors[q.speaker].name));
        assert!(md.contains(&speaker), "{speaker}");
        let defined = md.lines().filter(|l| l.starts_with("[^")).count();
        let cited: std::collections::HashSet<Ix> = c
            .events
            .iter()
            .flat_map(|e| e.sources.iter().map(|s| s.article))
            .chain(
                c.quotes
                    .iter()
                    .filter(|q| q.event.is_some())
                    .map(|q| q.article),
            )
            .collect();
        assert_eq!(defined, cited.len());
        for n in 1..=defined {
            assert!(md.contains(&format!("[^{n}]: ")), "note {n} is defined");
        }
    }

    #[test]
    fn the_years_covered_are_one_year_when_both_ends_are_the_same() {
        let c = load(&Location::Embedded).corpus;
        let year = |e: Ix| c.events[e].date.first_day().year();
        let in_2024: Vec<Ix> = c
            .order
            .iter()
            .copied()
            .filter(|&e| year(e) == 2024)
            .collect();
        assert!(!in_2024.is_empty());
        let md = render(&c, &in_2024);
        let line = md.lines().nth(2).unwrap_or_default();
        assert!(line.ends_with(", 2024."), "{line}");
        let md = render(&c, &c.order);
        let line = md.lines().nth(2).unwrap_or_default();
        assert!(
            line.ends_with(" to 2024.") && !line.ends_with(", 2024."),
            "{line}"
        );
    }

    #[test]
    fn each_cited_excerpt_is_quoted_once_with_its_footnote() {
        let c = load(&Location::Embedded).corpus;
        let md = render(&c, &c.order);
        let items: Vec<&str> = md.lines().filter(|l| l.starts_with("- “")).collect();
        let mut cited = std::collections::HashSet::new();
        for e in &c.order {
            for s in &c.events[*e].sources {
                let words: Vec<&str> = s.excerpt.split_whitespace().collect();
                cited.insert((*e, s.article, words.join(" ")));
                let item = format!("- “{}”[^", escape(&words.join(" ")));
                assert!(md.contains(&item), "{item}");
            }
        }
        assert_eq!(items.len(), cited.len());
        let e = c.order[0];
        let s = &c.events[e].sources[0];
        let section = &md[md.find(&escape(&c.events[e].title)).unwrap()..];
        let item = section.lines().find(|l| l.starts_with("- “")).unwrap();
        let note = item.rsplit("[^").next().unwrap().trim_end_matches(']');
        let title = escape(&c.articles[s.article].title);
        assert!(md.contains(&format!("[^{note}]: *{title}*")), "{item}");
    }

    #[test]
    fn markdown_punctuation_in_text_is_escaped() {
        assert_eq!(escape("*not* [a](link) #1"), "\\*not\\* \\[a\\](link) \\#1");
    }
}
