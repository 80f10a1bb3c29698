//! Text from a TimelineJS file goes through the sanitizer a loaded corpus
//! goes through (src/text/sanitize.rs) before anything is made from it, so
//! that no id, file name or article written carries a control character or
//! a piece of an escape sequence. HTML is cleaned once more after its
//! entities are decoded (`html.rs`), since `&#27;` is an escape too.

use std::borrow::Cow;

use serde_json::Value;

use crate::text::sanitize::{sanitize_line, sanitize_text};

/// Every string of a JSON document, cleaned in place: an article's `body`
/// (the one text of the model with line breaks) as multi-line text, every
/// other string as one line.
pub fn document(value: &mut Value) {
    walk(value, false);
}

fn walk(value: &mut Value, multi_line: bool) {
    match value {
        Value::String(s) => {
            let cleaned = if multi_line {
                sanitize_text(s)
            } else {
                sanitize_line(s)
            };
            if let Cow::Owned(clean) = cleaned {
                *s = clean;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| walk(v, false)),
        Value::Object(map) => map.iter_mut().for_each(|(k, v)| walk(v, k == "body")),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn every_string_is_cleaned_and_only_a_body_keeps_its_lines() {
        let mut v = json!({
            "events": [{"unique_id": "g\u{1b}[31mreen\u{7}", "text": {"headline": "a\nb\u{202e}c"}}],
            "chronicle": {"articles": [{"id": "x\u{9b}2J", "body": "one\r\ntwo\u{1b}]0;t\u{7}"}]},
            "n": 5
        });
        document(&mut v);
        assert_eq!(v["events"][0]["unique_id"], "green");
        assert_eq!(v["events"][0]["text"]["headline"], "a bc");
        assert_eq!(v["chronicle"]["articles"][0]["id"], "x");
        assert_eq!(v["chronicle"]["articles"][0]["body"], "one\ntwo");
        assert_eq!(v["n"], 5);
    }
}
