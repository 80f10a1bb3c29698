//! Tests of the sanitizer, kept apart so that sanitize.rs stays short.

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
    let dirty = "\x1b[1m👩\u{200d}👩\u{200d}👧\x1b[0m 🇰🇷 朝鮮通信社\u{200b}";
    assert_eq!(text(dirty), "👩\u{200d}👩\u{200d}👧 🇰🇷 朝鮮通信社");
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
    // Each U+0344 decomposes into two marks; the cap applies to the result.
    assert_eq!(text(&dialytika), "ä\u{301}\u{308}\u{301}\u{308}");
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
            let mut run = 0;
            for c in once.chars().filter(|c| !matches!(c, '\u{200c}' | '\u{200d}')) {
                run = if is_combining_mark(c) { run + 1 } else { 0 };
                prop_assert!(run <= MAX_MARKS, "{:?}", once);
            }
            let twice = f(&once);
            prop_assert_eq!(&twice, &once);
            prop_assert!(matches!(twice, Cow::Borrowed(_)));
        }
    }
}
