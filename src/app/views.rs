//! The Articles and Quotes views: which articles and quotes the filter
//! lets through, in what order, and each view's cursor. Indices only, like
//! the rest of the state; the timeline keeps its own cursor.

use crate::filter::{Combine, Filter, SearchIndex};
use crate::model::{Corpus, Ix};
use crate::query::Query;
use crate::text::key::key;

/// The three ways of looking at one corpus under one filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Timeline,
    Articles,
    Quotes,
}

impl View {
    pub fn name(self) -> &'static str {
        match self {
            View::Timeline => "Timeline",
            View::Articles => "Articles",
            View::Quotes => "Quotes",
        }
    }
}

/// How the Quotes view orders its speakers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QuoteSort {
    /// Most quoted speaker first.
    #[default]
    Count,
    /// Speakers by name.
    Speaker,
    /// Speakers by the date of their first quote.
    Date,
}

impl QuoteSort {
    pub fn next(self) -> QuoteSort {
        match self {
            QuoteSort::Count => QuoteSort::Speaker,
            QuoteSort::Speaker => QuoteSort::Date,
            QuoteSort::Date => QuoteSort::Count,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            QuoteSort::Count => "by number of quotes",
            QuoteSort::Speaker => "by speaker",
            QuoteSort::Date => "by date",
        }
    }
}

/// One passage of an open article: an event drawn from it or a quote in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Passage {
    Event(Ix),
    Quote(Ix),
}

/// An article open for reading, with its passages listed beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub article: Ix,
    pub passages: Vec<Passage>,
    pub selected: usize,
    pub offset: usize,
    /// Where the first line shown starts (a byte offset) once `n`/`N` moved
    /// there; `None` follows the passage under the cursor.
    pub scroll: Option<usize>,
    /// The view to go back to on close.
    pub back: View,
}

/// The Articles and Quotes views' lists and cursors.
#[derive(Debug, Clone, Default)]
pub struct Views {
    pub view: View,
    /// Events citing each article, and quotes in each, by article.
    pub events_of: Vec<Vec<Ix>>,
    pub quotes_of: Vec<Vec<Ix>>,
    /// Articles passing the filter, by date then title.
    pub articles: Vec<Ix>,
    /// Hits of the text query in each listed article's body, as `articles`.
    pub hits: Vec<usize>,
    pub article_selected: usize,
    pub article_offset: usize,
    /// Quotes passing the filter, grouped by speaker in `sort` order.
    pub quotes: Vec<Ix>,
    pub quote_selected: usize,
    pub quote_offset: usize,
    pub sort: QuoteSort,
    pub reading: Option<Reading>,
}

impl Views {
    pub fn new(corpus: &Corpus) -> Views {
        let mut events_of = vec![Vec::new(); corpus.articles.len()];
        for (e, event) in corpus.events.iter().enumerate() {
            for source in &event.sources {
                if let Some(list) = events_of.get_mut(source.article) {
                    if !list.contains(&e) {
                        list.push(e);
                    }
                }
            }
        }
        let mut quotes_of = vec![Vec::new(); corpus.articles.len()];
        for (q, quote) in corpus.quotes.iter().enumerate() {
            if let Some(list) = quotes_of.get_mut(quote.article) {
                list.push(q);
            }
        }
        Views {
            events_of,
            quotes_of,
            ..Views::default()
        }
    }

    /// Recomputes both lists for a filter; `matching` says which events pass.
    /// Texts are compared by the keys folded once in the index.
    pub fn refilter(
        &mut self,
        corpus: &Corpus,
        index: &SearchIndex,
        filter: &Filter,
        matching: &[bool],
    ) {
        let query = index.query(&filter.text);
        let test = Test {
            corpus,
            index,
            filter,
            query: &query,
        };
        let mut articles: Vec<Ix> = (0..corpus.articles.len())
            .filter(|&a| self.article_passes(&test, matching, a))
            .collect();
        articles.sort_by(|&a, &b| {
            let (x, y) = (&corpus.articles[a], &corpus.articles[b]);
            (x.published.is_none(), x.published, &x.title).cmp(&(
                y.published.is_none(),
                y.published,
                &y.title,
            ))
        });
        self.hits = if query.is_empty() {
            vec![0; articles.len()]
        } else {
            articles
                .iter()
                .map(|&a| query.count_hits(index.body_key(corpus, a)))
                .collect()
        };
        self.articles = articles;
        self.article_selected = self
            .article_selected
            .min(self.articles.len().saturating_sub(1));
        self.quotes = (0..corpus.quotes.len())
            .filter(|&q| test.quote_passes(q))
            .collect();
        self.sort_quotes(corpus);
    }

    /// Groups the quotes by speaker, speakers in `sort` order, each
    /// speaker's quotes by date.
    pub fn sort_quotes(&mut self, corpus: &Corpus) {
        let date = |q: Ix| corpus.articles[corpus.quotes[q].article].published;
        let mut count = vec![0usize; corpus.actors.len()];
        let mut first = vec![None; corpus.actors.len()];
        for &q in &self.quotes {
            let s = corpus.quotes[q].speaker;
            count[s] += 1;
            let d = date(q);
            if d.is_some() && (first[s].is_none() || d < first[s]) {
                first[s] = d;
            }
        }
        let name = |q: Ix| corpus.actors[corpus.quotes[q].speaker].name.to_lowercase();
        let sort = self.sort;
        self.quotes.sort_by_cached_key(|&q| {
            let s = corpus.quotes[q].speaker;
            let group = match sort {
                QuoteSort::Count => (usize::MAX - count[s], None, name(q)),
                QuoteSort::Speaker => (0, None, name(q)),
                QuoteSort::Date => (0, Some((first[s].is_none(), first[s])), name(q)),
            };
            (group, s, date(q).is_none(), date(q), q)
        });
        self.quote_selected = self.quote_selected.min(self.quotes.len().saturating_sub(1));
    }

    /// Quotes by this quote's speaker among those listed.
    pub fn speaker_count(&self, corpus: &Corpus, speaker: Ix) -> usize {
        self.quotes
            .iter()
            .filter(|&&q| corpus.quotes[q].speaker == speaker)
            .count()
    }

    /// An article passes when one of its events or quotes passes, or its
    /// own text names the filtered actors and holds the filtered text.
    fn article_passes(&self, test: &Test, matching: &[bool], a: Ix) -> bool {
        test.filter.is_empty()
            || self.events_of[a]
                .iter()
                .any(|&e| matching.get(e).copied().unwrap_or(false))
            || self.quotes_of[a].iter().any(|&q| test.quote_passes(q))
            || test.article_mentions(a)
    }
}

/// What a filter is tested with: the parsed query and the index's keys.
struct Test<'a> {
    corpus: &'a Corpus,
    index: &'a SearchIndex,
    filter: &'a Filter,
    query: &'a Query,
}

impl Test<'_> {
    /// A quote passes by its speaker (one of the chosen actors) and its text.
    fn quote_passes(&self, q: Ix) -> bool {
        let speaker = self.corpus.quotes[q].speaker;
        (self.filter.actors.is_empty() || self.filter.actors.contains(&speaker))
            && self.query.matches(self.index.quote_key(q))
    }

    /// True when the article's title and text name the chosen actors (by any
    /// of their names) and hold the text query.
    fn article_mentions(&self, a: Ix) -> bool {
        let text = self.index.article_key(self.corpus, a);
        let named = |actor: &Ix| {
            let actor = &self.corpus.actors[*actor];
            std::iter::once(&actor.name)
                .chain(&actor.aliases)
                .map(|n| key(n))
                .any(|n| !n.is_empty() && text.contains(&n))
        };
        let actors = &self.filter.actors;
        let actors_ok = actors.is_empty()
            || match self.filter.combine {
                Combine::All => actors.iter().all(named),
                Combine::Any => actors.iter().any(named),
            };
        actors_ok && self.query.matches(text)
    }
}
