//! The loaded corpus and the indexes derived from it once, at load time.

use super::{Actor, Article, Event, IdMap, Ix, Quote};

/// Everything chronicle knows about one story. Immutable after `Corpus::new`.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// What the corpus is called in headers: a directory or "embedded".
    pub name: String,
    pub articles: Vec<Article>,
    pub actors: Vec<Actor>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    /// Events in timeline order: each top-level event by date, followed by
    /// its sub-events by date.
    pub order: Vec<Ix>,
    /// Sub-events of each event, by date.
    pub children: Vec<Vec<Ix>>,
    /// Quotes whose event is this one, in article order.
    pub quotes_by_event: Vec<Vec<Ix>>,
    /// How many events list each actor plus how many quotes it speaks:
    /// ranks equally good name matches.
    pub actor_weight: Vec<usize>,
    /// What an imported TimelineJS file held beyond the records.
    pub passthrough: super::Passthrough,
    article_ids: IdMap<String, Ix>,
    actor_ids: IdMap<String, Ix>,
    event_ids: IdMap<String, Ix>,
}

impl Corpus {
    pub fn new(
        name: String,
        articles: Vec<Article>,
        actors: Vec<Actor>,
        events: Vec<Event>,
        quotes: Vec<Quote>,
    ) -> Corpus {
        let ids = |it: &mut dyn Iterator<Item = &String>| -> IdMap<String, Ix> {
            let mut map = IdMap::default();
            for (ix, id) in it.enumerate() {
                map.entry(id.clone()).or_insert(ix);
            }
            map
        };
        // The maps of ids are built on a second core while the orders are.
        let (maps, (order, children, quotes_by_event, actor_weight)) = std::thread::scope(|s| {
            let maps = s.spawn(|| {
                (
                    ids(&mut articles.iter().map(|a| &a.id)),
                    ids(&mut actors.iter().map(|a| &a.id)),
                    ids(&mut events.iter().map(|e| &e.id)),
                )
            });
            let orders = orders(&actors, &events, &quotes);
            let maps = maps.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            (maps, orders)
        });
        let (article_ids, actor_ids, event_ids) = maps;

        Corpus {
            name,
            articles,
            actors,
            events,
            quotes,
            order,
            children,
            quotes_by_event,
            actor_weight,
            passthrough: super::Passthrough::default(),
            article_ids,
            actor_ids,
            event_ids,
        }
    }

    pub fn article_ix(&self, id: &str) -> Option<Ix> {
        self.article_ids.get(id).copied()
    }

    pub fn actor_ix(&self, id: &str) -> Option<Ix> {
        self.actor_ids.get(id).copied()
    }

    pub fn event_ix(&self, id: &str) -> Option<Ix> {
        self.event_ids.get(id).copied()
    }

    /// The quotes shown for an event: its own, then those of its sub-events,
    /// so that selecting a headline event shows everything said about it.
    pub fn event_quotes(&self, event: Ix) -> Vec<Ix> {
        let mut out = self.quotes_by_event.get(event).cloned().unwrap_or_default();
        for &child in self.children.get(event).map(Vec::as_slice).unwrap_or(&[]) {
            out.extend_from_slice(&self.quotes_by_event[child]);
        }
        out
    }
}

/// The timeline order, each event's sub-events, each event's quotes and
/// each actor's weight: see the fields of [`Corpus`].
type Orders = (Vec<Ix>, Vec<Vec<Ix>>, Vec<Vec<Ix>>, Vec<usize>);

fn orders(actors: &[Actor], events: &[Event], quotes: &[Quote]) -> Orders {
    // Each key once, rather than twice per comparison.
    let keys: Vec<_> = events.iter().map(|e| e.date.sort_key()).collect();
    let by_date = |list: &mut Vec<Ix>| list.sort_by_key(|&ix| (keys[ix], ix));
    let mut children = vec![Vec::new(); events.len()];
    let mut roots = Vec::new();
    for (ix, event) in events.iter().enumerate() {
        match event.parent {
            Some(parent) if parent < events.len() && parent != ix => children[parent].push(ix),
            _ => roots.push(ix),
        }
    }
    by_date(&mut roots);
    children.iter_mut().for_each(by_date);
    let mut order = Vec::with_capacity(events.len());
    for &root in &roots {
        order.push(root);
        order.extend_from_slice(&children[root]);
    }

    let mut quotes_by_event = vec![Vec::new(); events.len()];
    for (ix, quote) in quotes.iter().enumerate() {
        if let Some(list) = quote.event.and_then(|e| quotes_by_event.get_mut(e)) {
            list.push(ix);
        }
    }
    for list in &mut quotes_by_event {
        list.sort_by_key(|&q| (quotes[q].article, quotes[q].span.start));
    }

    let mut actor_weight = vec![0; actors.len()];
    let listed = events.iter().flat_map(|e| e.actors.iter());
    for &actor in listed.chain(quotes.iter().map(|q| &q.speaker)) {
        if let Some(w) = actor_weight.get_mut(actor) {
            *w += 1;
        }
    }
    (order, children, quotes_by_event, actor_weight)
}
