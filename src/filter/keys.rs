//! The search keys of many texts, folded once when the corpus loads: folding every
//! article on each keystroke is what made typing a query slow.

use std::ops::Range;

/// Texts' keys end to end in one string, so a search runs through memory in order.
#[derive(Default)]
pub struct Keys {
    text: String,
    /// Where each text's key starts in `text`, and one more for the end.
    starts: Vec<usize>,
}

impl Keys {
    /// The keys of texts `0..count`, `push` appending text `i`'s key; built on every core.
    pub fn build(count: usize, push: impl Fn(usize, &mut String) + Sync) -> Keys {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, count.max(1));
        let share = count.div_ceil(threads).max(1);
        let push = &push;
        let parts: Vec<Keys> = std::thread::scope(|s| {
            let workers: Vec<_> = (0..count)
                .step_by(share)
                .map(|start| s.spawn(move || part(start..(start + share).min(count), push)))
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        let mut keys = Keys {
            text: String::with_capacity(parts.iter().map(|p| p.text.len()).sum()),
            starts: Vec::with_capacity(count + 1),
        };
        for part in parts {
            let base = keys.text.len();
            keys.starts.extend(part.starts.iter().map(|s| base + s));
            keys.text.push_str(&part.text);
        }
        keys.starts.push(keys.text.len());
        keys
    }

    /// Text `i`'s key; empty for one not indexed.
    pub fn get(&self, i: usize) -> &str {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => self.text.get(a..b).unwrap_or_default(),
            _ => "",
        }
    }
}

/// Some texts' keys, with starts from 0.
fn part(texts: Range<usize>, push: &(impl Fn(usize, &mut String) + Sync)) -> Keys {
    let mut out = Keys {
        text: String::new(),
        starts: Vec::with_capacity(texts.len()),
    };
    for i in texts {
        out.starts.push(out.text.len());
        push(i, &mut out.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_text_gets_its_own_key_back_whatever_the_split() {
        let texts: Vec<String> = (0..37).map(|i| format!("Text-{i} É")).collect();
        let keys = Keys::build(texts.len(), |i, out| {
            crate::text::key::push_key(&texts[i], out, None)
        });
        for (i, t) in texts.iter().enumerate() {
            assert_eq!(keys.get(i), crate::text::key::key(t));
        }
        assert_eq!(keys.get(37), "");
        assert_eq!(Keys::build(0, |_, _| {}).get(0), "");
    }
}
