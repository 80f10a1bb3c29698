//! The one sanitizer applied when text enters the model: articles are pasted from the web and
//! may carry escape sequences or invisible characters meant to control or spoof the terminal.

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Combining marks kept after one base character: more only smear glyphs over other rows.
const MAX_MARKS: usize = 4;
/// Tab stops, in chars from the start of the line.
const TAB: usize = 4;
const ESC: char = '\x1b';

/// Multi-line text (article bodies): keeps '\n'.
pub fn sanitize_text(input: &str) -> Cow<'_, str> {
    sanitize(input, false)
}

/// One-line text (titles, names, ids, error messages, anything shown on one row): like
/// [`sanitize_text`], and every line break becomes a single space.
pub fn sanitize_line(input: &str) -> Cow<'_, str> {
    sanitize(input, true)
}

/// Borrowed exactly when nothing changed: callers use that to flag edited text.
fn sanitize(input: &str, one_line: bool) -> Cow<'_, str> {
    let plain_ascii = input
        .bytes()
        .all(|b| matches!(b, 0x20..=0x7e) || (b == b'\n' && !one_line));
    if plain_ascii || is_clean(input, one_line) {
        return Cow::Borrowed(input);
    }
    let out = normalize(strip(input, one_line));
    if out == input {
        Cow::Borrowed(input)
    } else {
        Cow::Owned(out)
    }
}

/// True when no rule would change `input`, so clean non-ASCII text is not copied.
fn is_clean(input: &str, one_line: bool) -> bool {
    let mut marks = 0;
    let kept = |c: char| match c {
        '\n' => !one_line,
        '\u{2028}' | '\u{2029}' => false,
        c => !is_removed(c),
    };
    input.chars().all(|c| kept(c) && admit(c, &mut marks))
        && is_nfc_quick(input.chars()) == IsNormalized::Yes
}

/// Applies every rule but normalisation in one pass.
fn strip(input: &str, one_line: bool) -> String {
    let mut out = Out {
        buf: String::with_capacity(input.len()),
        one_line,
        column: 0,
        marks: 0,
    };
    let mut chars = input.chars();
    while let Some(c) = chars.next() {
        let tail = chars.as_str();
        let rest = match c {
            ESC => skip_escape(tail),
            '\u{9b}' => skip_csi(tail),
            '\u{9d}' => skip_string(tail, true),
            '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(tail, false),
            '\r' => {
                out.line_break();
                tail.strip_prefix('\n').unwrap_or(tail)
            }
            '\n' | '\u{85}' | '\u{2028}' => {
                out.line_break();
                tail
            }
            '\u{2029}' => {
                out.line_break();
                if !one_line {
                    out.line_break();
                }
                tail
            }
            '\t' => {
                out.tab();
                tail
            }
            c if is_removed(c) => tail,
            c => {
                out.push(c);
                tail
            }
        };
        chars = rest.chars();
    }
    out.buf
}

/// Output under construction, with what tabs and the mark cap need to know about it.
struct Out {
    buf: String,
    one_line: bool,
    /// Chars since the last '\n'.
    column: usize,
    /// Combining marks since the last base character.
    marks: usize,
}

impl Out {
    fn push(&mut self, c: char) {
        if admit(c, &mut self.marks) {
            self.buf.push(c);
            self.column = self.column.saturating_add(1);
        }
    }

    fn line_break(&mut self) {
        if self.one_line {
            self.push(' ');
        } else {
            self.buf.push('\n');
            self.column = 0;
            self.marks = 0;
        }
    }

    fn tab(&mut self) {
        if self.one_line {
            self.push(' ');
        } else {
            for _ in self.column % TAB..TAB {
                self.push(' ');
            }
        }
    }
}

/// Counts combining marks since the last base character; false for one beyond [`MAX_MARKS`].
/// ZWJ and ZWNJ neither count nor reset, so joiners cannot restart the count.
fn admit(c: char, marks: &mut usize) -> bool {
    if is_combining_mark(c) {
        *marks = marks.saturating_add(1);
        *marks <= MAX_MARKS
    } else {
        if !matches!(c, '\u{200c}' | '\u{200d}') {
            *marks = 0;
        }
        true
    }
}

/// Controls and invisible format characters, dropped outright: they can reorder or hide text.
fn is_removed(c: char) -> bool {
    matches!(
        c,
        '\0'..='\x1f' // C0
            | '\x7f'..='\u{9f}' // DEL, C1
            | '\u{61c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}' // bidi controls
            | '\u{ad}'
            | '\u{180e}'
            | '\u{200b}'
            | '\u{2060}'..='\u{2064}'
            | '\u{feff}' // zero-width and format characters
    )
}

/// Skips what follows an ESC. String sequences and CSI go whole, as do `ESC (B`-style
/// sequences (intermediates 0x20–0x2F, then a final) and two-char ones (`ESC c`, `ESC 7`).
/// Before a control, a non-ASCII char or another ESC only the ESC goes: that char is handled
/// on its own (a second ESC starts a new sequence, as in a terminal).
fn skip_escape(rest: &str) -> &str {
    let mut chars = rest.chars();
    match chars.next() {
        Some('[') => skip_csi(chars.as_str()),
        Some(']') => skip_string(chars.as_str(), true),
        Some('P' | 'X' | '^' | '_') => skip_string(chars.as_str(), false),
        Some(' '..='/') => {
            let rest = chars
                .as_str()
                .trim_start_matches(|c| matches!(c, ' '..='/'));
            let mut chars = rest.chars();
            match chars.next() {
                Some('0'..='~') => chars.as_str(),
                _ => rest,
            }
        }
        Some('0'..='~') => chars.as_str(),
        _ => rest,
    }
}

/// Skips a CSI's parameters and intermediates (0x20–0x3F) and its final byte (0x40–0x7E).
/// Any other char aborts the sequence and is kept, so a stray CSI cannot swallow text.
fn skip_csi(rest: &str) -> &str {
    let rest = rest.trim_start_matches(|c| matches!(c, ' '..='?'));
    let mut chars = rest.chars();
    match chars.next() {
        Some('@'..='~') => chars.as_str(),
        _ => rest,
    }
}

/// Skips the body of an OSC, DCS, SOS, PM or APC and its terminator: ST (`ESC \` or U+009C),
/// or BEL for OSC. With no terminator on the same line it ends before the line break, which
/// is kept: one stray `ESC ]` must not eat the rest of an article.
fn skip_string(rest: &str, bel_ends: bool) -> &str {
    let mut chars = rest.chars();
    loop {
        let before = chars.as_str();
        match chars.next() {
            None | Some('\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}') => return before,
            Some('\x07') if bel_ends => return chars.as_str(),
            Some('\u{9c}') => return chars.as_str(),
            Some(ESC) => {
                if let Some(after) = chars.as_str().strip_prefix('\\') {
                    return after;
                }
            }
            Some(_) => {}
        }
    }
}

/// NFC, so equal text compares equal and NFD Hangul shows as syllables.
fn normalize(s: String) -> String {
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        return s;
    }
    let nfc: String = s.nfc().collect();
    // Some characters (U+0344, U+0F73) decompose into several marks: cap again.
    let mut marks = 0;
    let capped: String = nfc.chars().filter(|&c| admit(c, &mut marks)).collect();
    if capped.len() == nfc.len() {
        nfc
    } else {
        capped.nfc().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn text(s: &str) -> String {
        sanitize_text(s).into_owned()
    }

    fn line(s: &str) -> String {
        sanitize_line(s).into_owned()
    }

    #[test]
    fn osc_title_and_clipboard_writes_are_stripped() {
        assert_eq!(text("a\x1b]0;evil title\x07b"), "ab");
        assert_eq!(text("a\x1b]0;evil title\x1b\\b"), "ab");
        assert_eq!(text("x\x1b]52;c;ZXZpbA==\x07y"), "xy");
        assert_eq!(text("x\x1b]52;c;ZXZpbA==\x1b\\y"), "xy");
    }

    #[test]
    fn unterminated_string_sequence_stops_at_end_of_line() {
        assert_eq!(text("a\x1b]52;c;Zm9v\nnext line"), "a\nnext line");
        assert_eq!(text("a\x1b]0;title"), "a");
        assert_eq!(text("a\x1bPq#0\r\nb"), "a\nb");
    }

    #[test]
    fn csi_sequences_are_stripped() {
        assert_eq!(text("\x1b[2J\x1b[10;10Hhi"), "hi");
        assert_eq!(text("\x1b[1;31mred\x1b[0m plain"), "red plain");
        assert_eq!(text("pos\x1b[6n?"), "pos?");
        assert_eq!(text("\x1b[?1049h\x1b[38;2;255;0;0mX"), "X");
    }

    #[test]
    fn aborted_csi_keeps_the_following_text() {
        assert_eq!(text("\x1b[12\nnext"), "\nnext");
        assert_eq!(text("\x1b[1é"), "é");
    }

    #[test]
    fn dcs_apc_pm_sos_are_stripped() {
        assert_eq!(text("a\x1bP1$r0m\x1b\\b"), "ab");
        assert_eq!(text("a\x1b_apc\x07still\x1b\\b"), "ab");
        assert_eq!(text("a\x1b^pm\x1b\\b\x1bXsos\u{9c}c"), "abc");
    }

    #[test]
    fn eight_bit_c1_sequences_are_stripped() {
        assert_eq!(text("\u{9b}31mred"), "red");
        assert_eq!(text("\u{9d}0;x\u{9c}ok"), "ok");
        assert_eq!(text("\u{90}dcs\x1b\\ok\u{9c}"), "ok");
        assert_eq!(text("a\u{80}b\u{9a}c"), "abc");
        assert_eq!(text("a\u{85}b"), "a\nb");
    }

    #[test]
    fn other_escape_sequences_and_lone_esc() {
        assert_eq!(text("\x1bcreset"), "reset");
        assert_eq!(text("\x1b7a\x1b8"), "a");
        assert_eq!(text("\x1b(Bx\x1b#8y"), "xy");
        assert_eq!(text("\x1b\x1b[2Jx"), "x");
        assert_eq!(text("abc\x1b"), "abc");
        assert_eq!(text("a\x1b\nb"), "a\nb");
    }

    #[test]
    fn c0_controls_and_del_are_removed() {
        assert_eq!(text("a\x07b\x08c\x00d\x7fe\x0bf\x0cg"), "abcdefg");
    }

    #[test]
    fn line_endings_are_unified() {
        assert_eq!(text("a\rb\rc"), "a\nb\nc");
        assert_eq!(text("a\r\nb\rc\nd\u{2028}e\u{2029}f"), "a\nb\nc\nd\ne\n\nf");
        assert_eq!(
            line("a\r\nb\rc\nd\u{2028}e\u{2029}f\u{85}g"),
            "a b c d e f g"
        );
    }

    #[test]
    fn tabs_expand_to_columns_of_four() {
        assert_eq!(text("a\tb"), "a   b");
        assert_eq!(text("abcd\tx"), "abcd    x");
        assert_eq!(text("ab\n\tc"), "ab\n    c");
        assert_eq!(line("a\tb"), "a b");
    }

    #[test]
    fn bidi_and_zero_width_characters_are_removed() {
        assert_eq!(text("abc\u{202e}fed"), "abcfed");
        assert_eq!(
            text("\u{2066}x\u{2069}\u{2067}y\u{2068}z\u{200e}\u{200f}\u{61c}"),
            "xyz"
        );
        assert_eq!(line("Ma\u{200B}cron"), "Macron");
        assert_eq!(line("\u{feff}co\u{ad}op\u{2060}"), "coop");
    }

    #[test]
    fn emoji_flags_and_cjk_are_kept_borrowed() {
        for s in [
            "👩\u{200d}👩\u{200d}👧",
            "🇰🇷",
            "朝鮮通信社",
            "Crème brûlée, “quoted”",
        ] {
            assert!(
                matches!(sanitize_line(s), Cow::Borrowed(b) if b == s),
                "{s}"
            );
        }
    }

    #[test]
    fn combining_marks_are_capped() {
        let zalgo = format!("x{}y", "\u{336}".repeat(500));
        assert_eq!(text(&zalgo), format!("x{}y", "\u{336}".repeat(4)));
        let joined = format!("x{}", "\u{336}\u{336}\u{336}\u{200d}".repeat(10));
        assert_eq!(text(&joined).chars().filter(|&c| c == '\u{336}').count(), 4);
    }

    #[test]
    fn text_is_normalised_to_nfc() {
        assert_eq!(text("\u{1100}\u{1161}"), "가");
        assert_eq!(text("e\u{301}"), "é");
        let dialytika = format!("a{}", "\u{344}".repeat(4));
        assert_eq!(text(&dialytika), "a\u{308}\u{301}\u{308}\u{301}");
    }

    #[test]
    fn borrowed_only_when_unchanged() {
        assert!(matches!(
            sanitize_text("Hello, world\nline"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(sanitize_line("Hello\nline"), Cow::Owned(_)));
        assert!(matches!(sanitize_text("a\x07"), Cow::Owned(_)));
    }

    fn forbidden(c: char) -> bool {
        let c0_c1 = (c < ' ' && c != '\n') || ('\x7f'..='\u{9f}').contains(&c);
        let invisible = "\u{61c}\u{200e}\u{200f}\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}\
            \u{2066}\u{2067}\u{2068}\u{2069}\u{200b}\u{2060}\u{2061}\u{2062}\u{2063}\u{2064}\
            \u{feff}\u{ad}\u{180e}";
        c0_c1 || invisible.contains(c)
    }

    fn nasty_string() -> impl Strategy<Value = String> {
        let special = proptest::sample::select(
            "\x1b[]\\\x07\r\n\t P_^X(0;m\u{9b}\u{9c}\u{9d}\u{85}\u{2028}\u{2029}\u{200b}\u{200d}\
             \u{202e}\u{301}\u{336}\u{344}\u{f73}\u{1100}\u{1161}\u{11a8}a"
                .chars()
                .collect::<Vec<_>>(),
        );
        let c = prop_oneof![
            special,
            any::<char>(),
            proptest::char::range('\0', '\u{3ff}')
        ];
        proptest::collection::vec(c, 0..48).prop_map(String::from_iter)
    }

    proptest! {
        #[test]
        fn output_is_safe_and_idempotent(s in nasty_string()) {
            for (f, one_line) in [(sanitize_text as fn(&str) -> Cow<'_, str>, false), (sanitize_line, true)] {
                let once = f(&s);
                prop_assert_eq!(matches!(once, Cow::Borrowed(_)), once == s.as_str());
                prop_assert!(!once.chars().any(forbidden), "{:?}", once);
                let breaks = ['\n', '\u{2028}', '\u{2029}'];
                prop_assert!(!one_line || !once.contains(breaks), "{:?}", once);
                prop_assert!(unicode_normalization::is_nfc(&once));
                let twice = f(&once);
                prop_assert_eq!(&twice, &once);
                prop_assert!(matches!(twice, Cow::Borrowed(_)));
            }
        }
    }
}
