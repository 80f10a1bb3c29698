//! All the articles of a corpus, read from disk and parsed on every core:
//! ten thousand articles take a second to read and sanitize on one.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use super::article;
use super::diag::Diagnostic;
use super::files::SourceFile;
use crate::model::{Article, IdMap};

/// The articles kept, in file order.
pub struct Read {
    pub articles: Vec<Article>,
}

/// Files a thread takes at a time at most; fewer in a small corpus, so
/// that every core gets some.
const CHUNK: usize = 32;

/// What one file gave: the article and where its id is written, for a
/// duplicate (`None` when the file holds no usable article), and its
/// problems. The file's text is freed in the thread that read it, whose
/// next file can then reuse the memory.
struct Outcome {
    read: Option<Parsed>,
    problems: Vec<Diagnostic>,
}

struct Parsed {
    article: Article,
    path: String,
    /// A problem at the article's id, its message still to be written.
    id_at: Diagnostic,
}

/// Reads every file; problems come out in file order, as if read one by one.
/// `first` runs on one of the threads before it joins in, so that other
/// work (reading the record files) shares the cores instead of competing.
pub fn read_all<T: Send>(
    files: Vec<SourceFile>,
    problems: &mut Vec<Diagnostic>,
    first: impl FnOnce() -> T + Send,
) -> (Read, T) {
    let (outcomes, before) = parse_parallel(files, first);
    let mut articles = Vec::with_capacity(outcomes.len());
    // Each kept id, with the path of the file that has it.
    let mut seen: IdMap<String, String> = IdMap::default();
    for outcome in outcomes {
        problems.extend(outcome.problems);
        let Some(Parsed {
            article,
            path,
            mut id_at,
        }) = outcome.read
        else {
            continue;
        };
        if let Some(first) = seen.get(&article.id) {
            id_at.message = format!(
                "duplicate article id '{}' (also in {first}); skipped",
                article.id
            );
            problems.push(id_at);
            continue;
        }
        seen.insert(article.id.clone(), path);
        articles.push(article);
    }
    (Read { articles }, before)
}

/// Reads and parses the files on as many threads as there are cores,
/// each taking the next few files as it gets done; this one runs `first`
/// before it joins in.
fn parse_parallel<T: Send>(
    files: Vec<SourceFile>,
    first: impl FnOnce() -> T + Send,
) -> (Vec<Outcome>, T) {
    let count = files.len();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(count.max(1));
    let one = |file: SourceFile| -> Outcome {
        let mut problems = Vec::new();
        let read = file.read(&mut problems).and_then(|src| {
            let (article, at) = article::read(&src, &mut problems)?;
            Some(Parsed {
                id_at: src.at_one(at, ""),
                path: src.path,
                article,
            })
        });
        Outcome { read, problems }
    };
    if threads <= 1 {
        let before = first();
        return (files.into_iter().map(one).collect(), before);
    }
    let size = (count / (threads * 8)).clamp(1, CHUNK);
    let mut chunks = Vec::with_capacity(count.div_ceil(size));
    let mut files = files.into_iter().enumerate().peekable();
    while files.peek().is_some() {
        let chunk: Vec<(usize, SourceFile)> = files.by_ref().take(size).collect();
        chunks.push(Mutex::new(chunk));
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        while let Some(chunk) = chunks.get(next.fetch_add(1, Ordering::Relaxed)) {
            let chunk = std::mem::take(&mut *chunk.lock().unwrap_or_else(|e| e.into_inner()));
            done.extend(chunk.into_iter().map(|(i, file)| (i, one(file))));
        }
        done
    };
    let mut slots: Vec<Option<Outcome>> = (0..count).map(|_| None).collect();
    let before = std::thread::scope(|s| {
        let workers: Vec<_> = (1..threads).map(|_| s.spawn(work)).collect();
        let before = first();
        for (i, outcome) in work() {
            slots[i] = Some(outcome);
        }
        for worker in workers {
            // A panic while reading one article is a bug: let it surface.
            let done = worker
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            for (i, outcome) in done {
                slots[i] = Some(outcome);
            }
        }
        before
    });
    (slots.into_iter().flatten().collect(), before)
}
