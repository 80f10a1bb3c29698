//! All the articles of a corpus, read on every core: ten thousand articles
//! take a second to sanitize and fold on one. Each body is folded once here
//! for the excerpt and quote lookups that follow, instead of once per lookup.

use std::collections::HashMap;

use super::article;
use super::diag::{Diagnostic, SourceText};
use crate::model::Article;
use crate::text::fold::Folded;

/// The articles kept, in file order, with their folded bodies.
pub struct Read {
    pub articles: Vec<Article>,
    pub folded: Vec<Folded>,
}

/// What one file gave: the article, its id's offset and its folded body
/// (`None` when the file holds no usable article), and its problems.
type Outcome = (Option<((Article, usize), Folded)>, Vec<Diagnostic>);

/// Reads every file; problems come out in file order, as if read one by one.
pub fn read_all(sources: Vec<SourceText>, problems: &mut Vec<Diagnostic>) -> Read {
    let outcomes = parse_parallel(&sources);
    let mut articles = Vec::with_capacity(sources.len());
    let mut folded = Vec::with_capacity(sources.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (ix, (src, (read, found))) in sources.iter().zip(outcomes).enumerate() {
        problems.extend(found);
        let Some(((article, id_at), body)) = read else {
            continue;
        };
        if let Some(&first) = seen.get(&article.id) {
            problems.push(src.at(
                id_at,
                format!(
                    "duplicate article id '{}' (also in {}); skipped",
                    article.id, sources[first].path
                ),
            ));
            continue;
        }
        seen.insert(article.id.clone(), ix);
        articles.push(article);
        folded.push(body);
    }
    Read { articles, folded }
}

/// Parses and folds the files on as many threads as there are cores, each
/// taking every n-th file so that the work stays even.
fn parse_parallel(sources: &[SourceText]) -> Vec<Outcome> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(sources.len().max(1));
    let one = |src: &SourceText| -> Outcome {
        let mut found = Vec::new();
        let read = article::read(src, &mut found).map(|(a, at)| {
            let folded = Folded::new(&a.body);
            ((a, at), folded)
        });
        (read, found)
    };
    if threads <= 1 {
        return sources.iter().map(one).collect();
    }
    let mut slots: Vec<Option<Outcome>> = (0..sources.len()).map(|_| None).collect();
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                s.spawn(move || {
                    sources
                        .iter()
                        .enumerate()
                        .skip(t)
                        .step_by(threads)
                        .map(|(i, src)| (i, one(src)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for worker in workers {
            // A panic while reading one article is a bug: let it surface.
            let done = worker
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            for (i, outcome) in done {
                slots[i] = Some(outcome);
            }
        }
    });
    slots
        .into_iter()
        .map(|s| s.unwrap_or((None, Vec::new())))
        .collect()
}
