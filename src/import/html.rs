//! The little HTML TimelineJS files carry (`text.text`, headlines,
//! credits) turned into plain text: tags out, entities decoded, block
//! tags as paragraph breaks.

use crate::text::sanitize::sanitize_line;

/// Paragraphs of plain text, each with its white space collapsed.
pub fn paragraphs(html: &str) -> Vec<String> {
    let mut paras = Vec::new();
    let mut current = String::new();
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        match c {
            // As in HTML, `<` starts a tag only before a letter, `/`, `!`
            // or `?`: "Price < 5 €" is text.
            '<' if rest[1..]
                .starts_with(|c: char| c.is_ascii_alphabetic() || "/!?".contains(c)) =>
            {
                let close = rest.find('>');
                let end = close.map_or(rest.len(), |i| i + 1);
                let tag = rest[1..close.unwrap_or(rest.len())].trim_start_matches('/');
                let name: String = tag
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_ascii_lowercase();
                if matches!(
                    name.as_str(),
                    "p" | "br"
                        | "div"
                        | "blockquote"
                        | "li"
                        | "ul"
                        | "ol"
                        | "h1"
                        | "h2"
                        | "h3"
                        | "h4"
                        | "h5"
                        | "h6"
                        | "tr"
                        | "table"
                ) {
                    flush(&mut current, &mut paras);
                }
                rest = &rest[end..];
            }
            '&' => {
                let (text, used) = entity(rest);
                current.push_str(&text);
                rest = &rest[used..];
            }
            c => {
                current.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    flush(&mut current, &mut paras);
    paras
}

/// One line of plain text.
pub fn line(html: &str) -> String {
    paragraphs(html).join(" ")
}

/// Ends a paragraph: sanitized now that its entities are decoded (a
/// `&#27;` is an escape like any other), white space collapsed.
fn flush(current: &mut String, paras: &mut Vec<String>) {
    let clean = sanitize_line(current);
    let text = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    if !text.is_empty() {
        paras.push(text);
    }
    current.clear();
}

/// An entity at the start of `s` and how many bytes it used; a lone `&`
/// stays as written.
fn entity(s: &str) -> (String, usize) {
    let Some(end) = s
        .char_indices()
        .take(12)
        .find(|&(_, c)| c == ';')
        .map(|(i, _)| i)
    else {
        return ("&".into(), 1);
    };
    let name = &s[1..end];
    let decoded = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        "mdash" => Some('—'),
        "ndash" => Some('–'),
        "hellip" => Some('…'),
        "lsquo" => Some('‘'),
        "rsquo" => Some('’'),
        "ldquo" => Some('“'),
        "rdquo" => Some('”'),
        _ => {
            let number = match name.strip_prefix('#') {
                Some(hex) if hex.starts_with(['x', 'X']) => u32::from_str_radix(&hex[1..], 16).ok(),
                Some(dec) => dec.parse().ok(),
                None => None,
            };
            number.and_then(char::from_u32)
        }
    };
    match decoded {
        Some(c) => (c.to_string(), end + 1),
        None => ("&".into(), 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::escape_html;

    #[test]
    fn tags_go_entities_decode_blocks_break() {
        let html = "<p>Kim &amp; Putin <b>met</b>.</p><blockquote>“Yes,”<br>— Kim</blockquote>";
        assert_eq!(paragraphs(html), ["Kim & Putin met.", "“Yes,”", "— Kim"]);
        assert_eq!(
            line("A &#8211; B &#x2014; C &nope; D & E"),
            "A – B — C &nope; D & E"
        );
        assert_eq!(line("<p>unclosed <a href=\"x\""), "unclosed");
    }

    #[test]
    fn a_lone_less_than_before_non_ascii_text_is_text() {
        assert_eq!(line("Price < 5 €"), "Price < 5 €");
        assert_eq!(line("a <€ b"), "a <€ b");
        // An unclosed tag ending in a multi-byte character is dropped whole.
        assert_eq!(line("Price <b 5 €"), "Price");
        assert_eq!(line("x <é"), "x <é");
    }

    #[test]
    fn decoded_entities_are_sanitized_like_any_text() {
        assert_eq!(line("&#27;[31mRed&#27;[0m &#7;bell&#x9b;2J"), "Red bell");
        assert_eq!(line("a&#27;]8;;http://x&#27;\\b"), "ab");
        assert_eq!(line("tab&#9;and&#8232;break"), "tab and break");
        assert_eq!(paragraphs("<p>&#27;[2J</p><p>kept</p>"), ["kept"]);
    }

    #[test]
    fn unescaping_undoes_the_exporters_escaping() {
        for text in ["Tom & \"Jerry\" <b>", "it's", "plain", "a&b;c"] {
            assert_eq!(line(&escape_html(text)), text);
        }
    }
}
