//! The server's log: one line per happening on stderr, stamped with the
//! UTC time. What a client said (its user name, its TERM) is sanitized
//! before it is logged, so no control character reaches the log.

use std::fmt::Display;

/// Writes one log line.
pub fn line(message: impl Display) {
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ");
    eprintln!("{now} chronicle serve: {message}");
}

/// A client's text as one printable line, at most 80 characters.
pub fn shown(text: &str) -> String {
    let line = crate::text::sanitize::sanitize_line(text);
    match line.char_indices().nth(80) {
        Some((end, _)) => format!("{}...", &line[..end]),
        None => line.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clients_text_is_logged_without_controls_and_cut() {
        let shown_user = shown("ann\x1b]0;owned\x07\nroot");
        assert!(!shown_user.chars().any(char::is_control), "{shown_user:?}");
        assert!(shown_user.starts_with("ann"));
        let long = shown(&"é".repeat(200));
        assert_eq!(long.chars().count(), 83);
    }
}
