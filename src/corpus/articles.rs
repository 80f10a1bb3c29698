//! All the articles of a corpus, read from disk and parsed on every core:
//! ten thousand articles take a second to read, sanitize and fold on one. Each body is folded once here
//! for the excerpt and quote lookups that follow, instead of once per lookup.

use super::article;
use super::diag::{Diagnostic, SourceText};
use super::files::SourceFile;
use crate::model::{Article, IdMap};
use crate::text::fold::Folded;

/// The articles kept, in file order, with their folded bodies.
pub struct Read {
    pub articles: Vec<Article>,
    pub folded: Vec<Folded>,
}

/// What one file gave: its text (`None` when it could not be read), the
/// article with its id's offset and folded body (`None` when the file holds
/// no usable article), and its problems.
struct Outcome {
    src: Option<SourceText>,
    read: Option<((Article, usize), Folded)>,
    problems: Vec<Diagnostic>,
}

/// Reads every file; problems come out in file order, as if read one by one.
pub fn read_all(files: Vec<SourceFile>, problems: &mut Vec<Diagnostic>) -> Read {
    let outcomes = parse_parallel(files);
    let mut articles = Vec::with_capacity(outcomes.len());
    let mut folded = Vec::with_capacity(outcomes.len());
    // Each kept id, with the path of the file that has it.
    let mut seen: IdMap<String, String> = IdMap::default();
    for outcome in outcomes {
        problems.extend(outcome.problems);
        let (Some(src), Some(((article, id_at), body))) = (outcome.src, outcome.read) else {
            continue;
        };
        if let Some(first) = seen.get(&article.id) {
            problems.push(src.at(
                id_at,
                format!(
                    "duplicate article id '{}' (also in {first}); skipped",
                    article.id
                ),
            ));
            continue;
        }
        seen.insert(article.id.clone(), src.path);
        articles.push(article);
        folded.push(body);
    }
    Read { articles, folded }
}

/// Reads, parses and folds the files on as many threads as there are cores,
/// each taking every n-th file so that the work stays even.
fn parse_parallel(files: Vec<SourceFile>) -> Vec<Outcome> {
    let count = files.len();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(count.max(1));
    let one = |file: SourceFile| -> Outcome {
        let mut problems = Vec::new();
        let src = file.read(&mut problems);
        let read = src.as_ref().and_then(|src| {
            article::read(src, &mut problems).map(|(a, at)| {
                let folded = Folded::new(&a.body);
                ((a, at), folded)
            })
        });
        Outcome {
            src,
            read,
            problems,
        }
    };
    if threads <= 1 {
        return files.into_iter().map(one).collect();
    }
    let mut shares: Vec<Vec<(usize, SourceFile)>> = (0..threads).map(|_| Vec::new()).collect();
    for (i, file) in files.into_iter().enumerate() {
        shares[i % threads].push((i, file));
    }
    let mut slots: Vec<Option<Outcome>> = (0..count).map(|_| None).collect();
    std::thread::scope(|s| {
        let workers: Vec<_> = shares
            .into_iter()
            .map(|share| {
                s.spawn(move || {
                    share
                        .into_iter()
                        .map(|(i, file)| (i, one(file)))
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
    slots.into_iter().flatten().collect()
}
