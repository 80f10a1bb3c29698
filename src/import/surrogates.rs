//! JSON written by other tools sometimes holds a lone UTF-16 surrogate
//! escape (`\uD800` with no partner), which is not a character at all and
//! which serde_json refuses. Rather than reject the whole file, each one is
//! replaced with U+FFFD and reported where it stands.

use std::borrow::Cow;

/// Replaces lone surrogate escapes with `\uFFFD`; returns the text and the
/// 1-based line and column (in bytes) of each one replaced.
pub fn replace_lone(json: &[u8]) -> (Cow<'_, [u8]>, Vec<(usize, usize)>) {
    let mut out: Option<Vec<u8>> = None;
    let mut found = Vec::new();
    let (mut line, mut line_start) = (1, 0);
    let mut i = 0;
    while i < json.len() {
        match json[i] {
            b'\n' => {
                line += 1;
                line_start = i + 1;
                i += 1;
            }
            b'\\' if json.get(i + 1) == Some(&b'u') => {
                let unit = hex4(json, i + 2);
                let paired = match unit {
                    Some(0xD800..=0xDBFF) => {
                        json.get(i + 6..i + 8) == Some(b"\\u")
                            && matches!(hex4(json, i + 8), Some(0xDC00..=0xDFFF))
                    }
                    Some(0xDC00..=0xDFFF) => false,
                    _ => true,
                };
                let step = match unit {
                    Some(0xD800..=0xDBFF) if paired => 12,
                    Some(_) => 6,
                    None => 2,
                };
                if !paired {
                    found.push((line, i - line_start + 1));
                    let buf = out.get_or_insert_with(|| json[..i].to_vec());
                    buf.extend_from_slice(b"\\uFFFD");
                } else if let Some(buf) = out.as_mut() {
                    buf.extend_from_slice(&json[i..(i + step).min(json.len())]);
                }
                i += step;
                continue;
            }
            // Any other escape: the escaped byte is never the start of one.
            b'\\' => {
                if let Some(buf) = out.as_mut() {
                    buf.extend_from_slice(&json[i..(i + 2).min(json.len())]);
                }
                i += 2;
                continue;
            }
            _ => i += 1,
        }
        if let Some(buf) = out.as_mut() {
            buf.push(json[i - 1]);
        }
    }
    match out {
        Some(buf) => (Cow::Owned(buf), found),
        None => (Cow::Borrowed(json), found),
    }
}

fn hex4(json: &[u8], at: usize) -> Option<u32> {
    let digits = json.get(at..at + 4)?;
    u32::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(json: &str) -> (String, Vec<(usize, usize)>) {
        let (out, found) = replace_lone(json.as_bytes());
        (String::from_utf8(out.into_owned()).unwrap(), found)
    }

    #[test]
    fn pairs_and_plain_escapes_are_left_alone() {
        let json = r#"{"a": "\uD83D\uDE00 \u00e9 \\uD800 \n"}"#;
        let (out, found) = fixed(json);
        assert_eq!(out, json);
        assert!(found.is_empty());
        assert!(matches!(replace_lone(json.as_bytes()).0, Cow::Borrowed(_)));
    }

    #[test]
    fn lone_halves_become_replacement_characters_and_are_located() {
        let (out, found) = fixed("{\"a\": \"x\\uD800y\",\n \"b\": \"\\uDC00\\uD800\\u0041\"}");
        assert_eq!(
            out,
            "{\"a\": \"x\\uFFFDy\",\n \"b\": \"\\uFFFD\\uFFFD\\u0041\"}"
        );
        assert_eq!(found, [(1, 9), (2, 8), (2, 14)]);
        let value: serde_json::Value = serde_json::from_str(&out).expect("valid JSON now");
        assert_eq!(value["a"], "x\u{FFFD}y");
    }

    #[test]
    fn a_truncated_escape_does_not_panic() {
        for json in ["\"\\u", "\"\\uD8", "\"\\uD800\\u", "\\"] {
            let _ = replace_lone(json.as_bytes());
        }
    }
}
