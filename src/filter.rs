//! Which events a filter lets through: actor chips (all or any) and a text
//! query. Results are derived indices over the immutable corpus.

use std::sync::OnceLock;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use crate::facets::Facets;
use crate::model::{Corpus, Ix};
use crate::query::{Aliases, Query};
use crate::text::key::push_key;

mod keys;

use keys::Keys;

/// Longest query handed to the fuzzy matcher: its cost grows with
/// query × text length, and nobody types a longer name.
pub const MAX_QUERY_CHARS: usize = 64;

/// How several actor chips combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Combine {
    /// An event must involve every chosen actor.
    #[default]
    All,
    /// An event must involve at least one.
    Any,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub actors: Vec<Ix>,
    pub combine: Combine,
    pub text: String,
    /// Date range, kinds and outlets.
    pub facets: Facets,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty() && self.text.trim().is_empty() && self.facets.is_empty()
    }

    /// True when every event passing `self` passes `wider` too: the same
    /// actors, and each word of `wider`'s text inside a word of this one, as
    /// when a query is typed further. Only `wider`'s matches need testing.
    pub fn narrows(&self, wider: &Filter) -> bool {
        let (mine, theirs) = (words(&self.text), words(&wider.text));
        plain(&self.text)
            && plain(&wider.text)
            && self.actors == wider.actors
            && self.facets == wider.facets
            && self.combine == wider.combine
            && theirs
                .iter()
                .all(|t| mine.iter().any(|m| m.contains(t.as_str())))
    }
}

/// Per-event text prepared once for filtering: lower-cased title, summary,
/// place and quotes, and the actors involved (listed or quoted). The texts
/// of all events lie end to end in one string, so that a search runs
/// through memory in order.
pub struct SearchIndex {
    /// Each event's title, summary, place and quotes, '\n' after each.
    events: Keys,
    involved: Vec<Vec<Ix>>,
    /// Every actor's names, so that a term naming one finds the others.
    aliases: Aliases,
    /// Each article's title and body, '\n' between: folded on the first
    /// search that reads them, not at load, as they are most of a
    /// corpus's text and most readers open it without searching it.
    articles: OnceLock<Keys>,
    /// Each quote's speaker and text, '\n' between.
    quotes: Keys,
}

impl SearchIndex {
    /// Built on every core: a large corpus has 100,000 events to index.
    pub fn new(corpus: &Corpus) -> SearchIndex {
        let events = Keys::build(corpus.events.len(), |ix, out| {
            let event = &corpus.events[ix];
            let parts = [
                event.title.as_str(),
                &event.summary,
                event.place.as_deref().unwrap_or_default(),
            ];
            let quotes = corpus.quotes_by_event[ix].iter();
            for text in parts
                .into_iter()
                .chain(quotes.map(|&q| corpus.quotes[q].text.as_str()))
            {
                push_key(text, out, None);
                out.push('\n');
            }
        });
        let involved = (0..corpus.events.len())
            .map(|ix| involved(corpus, ix))
            .collect();
        let aliases = Aliases::new(corpus.actors.iter().map(|a| {
            std::iter::once(a.name.as_str())
                .chain(a.aliases.iter().map(String::as_str))
                .collect()
        }));
        let quotes = Keys::build(corpus.quotes.len(), |q, out| {
            let quote = &corpus.quotes[q];
            let speaker = corpus.actors.get(quote.speaker);
            push_key(speaker.map_or("", |s| s.name.as_str()), out, None);
            out.push('\n');
            push_key(&quote.text, out, None);
        });
        SearchIndex {
            events,
            involved,
            aliases,
            articles: OnceLock::new(),
            quotes,
        }
    }

    /// The articles' keys, folded on first use.
    fn articles(&self, corpus: &Corpus) -> &Keys {
        self.articles.get_or_init(|| {
            Keys::build(corpus.articles.len(), |a, out| {
                let article = &corpus.articles[a];
                push_key(&article.title, out, None);
                out.push('\n');
                push_key(&article.body, out, None);
            })
        })
    }

    /// The key of an article's title and body, '\n' between.
    pub fn article_key(&self, corpus: &Corpus, article: Ix) -> &str {
        self.articles(corpus).get(article)
    }

    /// The key of an article's body alone, where its hits are counted.
    pub fn body_key(&self, corpus: &Corpus, article: Ix) -> &str {
        let key = self.articles(corpus).get(article);
        key.split_once('\n').map_or(key, |(_, body)| body)
    }

    /// The key of a quote's speaker and text, '\n' between.
    pub fn quote_key(&self, quote: Ix) -> &str {
        self.quotes.get(quote)
    }

    /// Actors listed in an event or quoted in it.
    pub fn involved(&self, event: Ix) -> &[Ix] {
        self.involved.get(event).map_or(&[], Vec::as_slice)
    }

    /// A text query in the query language, with this corpus's actor names.
    pub fn query(&self, text: &str) -> Query {
        Query::parse(text, &self.aliases)
    }

    /// True when the event passes the filter's actors and its text query
    /// (see [`crate::query`]), compared by folded keys.
    pub fn matches(&self, event: Ix, filter: &Filter, query: &Query) -> bool {
        let involved = self.involved(event);
        let actors_ok = filter.actors.is_empty()
            || match filter.combine {
                Combine::All => filter.actors.iter().all(|a| involved.contains(a)),
                Combine::Any => filter.actors.iter().any(|a| involved.contains(a)),
            };
        actors_ok && query.matches(self.events.get(event))
    }

    /// Every event that passes, in timeline order.
    pub fn apply(&self, corpus: &Corpus, filter: &Filter) -> Vec<Ix> {
        let query = self.query(&filter.text);
        corpus
            .order
            .iter()
            .copied()
            .filter(|&e| self.matches(e, filter, &query) && filter.facets.matches(corpus, e))
            .collect()
    }
}

/// The actors an event lists or quotes, sorted, each once.
fn involved(corpus: &Corpus, ix: Ix) -> Vec<Ix> {
    let quotes = &corpus.quotes_by_event[ix];
    let mut actors = corpus.events[ix].actors.clone();
    actors.extend(quotes.iter().map(|&q| corpus.quotes[q].speaker));
    actors.sort_unstable();
    actors.dedup();
    actors
}

/// True when a query has no operators, so that typing further can only
/// narrow it word by word (an alias it grows into is caught by the caller).
fn plain(text: &str) -> bool {
    !text.contains(['\'', '^', '$', '!', '|'])
}

/// The lower-cased words of a text query.
pub fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_lowercase).collect()
}

/// One actor found by the fuzzy matcher: the best-scoring of its names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorHit {
    pub actor: Ix,
    /// The name or alias that matched best.
    pub form: String,
    pub score: i64,
    /// Char indices of `form` that matched (not byte indices).
    pub indices: Vec<usize>,
}

/// Bonus for a name typed out exactly ("kim" is an alias of Kim Jong Un
/// and must beat a fuzzy hit on "Kim Jong Il").
const EXACT_BONUS: i64 = 1_000;

/// Actors whose name or any alias fuzzy-matches `query`, best first; equal
/// scores go to the actor who appears most. An empty query lists every
/// actor, most present first.
pub fn rank_actors(corpus: &Corpus, query: &str) -> Vec<ActorHit> {
    rank_actors_among(corpus, query, &mut (0..corpus.actors.len()))
}

/// [`rank_actors`] among some actors only: those that matched a query this
/// one extends (a name that does not match "ki" cannot match "kim").
pub fn rank_actors_among(
    corpus: &Corpus,
    query: &str,
    candidates: &mut dyn Iterator<Item = Ix>,
) -> Vec<ActorHit> {
    let query: String = query.trim().chars().take(MAX_QUERY_CHARS).collect();
    if query.is_empty() {
        let mut all: Vec<ActorHit> = corpus
            .actors
            .iter()
            .enumerate()
            .map(|(ix, a)| ActorHit {
                actor: ix,
                form: a.name.clone(),
                score: 0,
                indices: Vec::new(),
            })
            .collect();
        all.sort_by(|a, b| {
            weight(corpus, b)
                .cmp(&weight(corpus, a))
                .then_with(|| a.form.cmp(&b.form))
        });
        return all;
    }
    let matcher = SkimMatcherV2::default().smart_case();
    let lower = query.to_lowercase();
    let mut hits: Vec<ActorHit> = Vec::new();
    for (ix, actor) in candidates.filter_map(|ix| Some((ix, corpus.actors.get(ix)?))) {
        let best = std::iter::once(&actor.name)
            .chain(&actor.aliases)
            .filter_map(|form| {
                let exact = if form.to_lowercase() == lower {
                    EXACT_BONUS
                } else {
                    0
                };
                matcher
                    .fuzzy_indices(form, &query)
                    .map(|(score, indices)| (score + exact, form, indices))
            })
            // Prefer the canonical name on equal scores (it comes first).
            .fold(None::<(i64, &String, Vec<usize>)>, |best, cur| match best {
                Some(b) if b.0 >= cur.0 => Some(b),
                _ => Some(cur),
            });
        if let Some((score, form, indices)) = best {
            hits.push(ActorHit {
                actor: ix,
                form: form.clone(),
                score,
                indices,
            });
        }
    }
    hits.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| weight(corpus, b).cmp(&weight(corpus, a)))
            .then_with(|| a.form.cmp(&b.form))
    });
    hits
}

fn weight(corpus: &Corpus, hit: &ActorHit) -> usize {
    corpus.actor_weight.get(hit.actor).copied().unwrap_or(0)
}

/// Resolves a name typed on the command line: an exact id, name or alias
/// (ignoring case) wins; otherwise the best fuzzy match.
pub fn resolve_actor(corpus: &Corpus, name: &str) -> Option<Ix> {
    let wanted = name.trim().to_lowercase();
    // An empty query ranks every actor alike; it names nobody.
    if wanted.is_empty() {
        return None;
    }
    let exact = corpus.actors.iter().position(|a| {
        a.id.to_lowercase() == wanted
            || a.name.to_lowercase() == wanted
            || a.aliases.iter().any(|al| al.to_lowercase() == wanted)
    });
    exact.or_else(|| rank_actors(corpus, name).first().map(|h| h.actor))
}
