use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Decoder;

fn keys(decoder: &mut Decoder, bytes: &[u8]) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    decoder.feed(bytes, &mut out);
    out
}

fn decode(bytes: &[u8]) -> Vec<KeyEvent> {
    keys(&mut Decoder::default(), bytes)
}

fn k(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

#[test]
fn keys_decode_as_crossterm_reports_them() {
    let none = KeyModifiers::NONE;
    let ctrl = KeyModifiers::CONTROL;
    assert_eq!(
        decode(b"jG\r\t\x7f\x03\x15 "),
        [
            k(KeyCode::Char('j'), none),
            k(KeyCode::Char('G'), KeyModifiers::SHIFT),
            k(KeyCode::Enter, none),
            k(KeyCode::Tab, none),
            k(KeyCode::Backspace, none),
            k(KeyCode::Char('c'), ctrl),
            k(KeyCode::Char('u'), ctrl),
            k(KeyCode::Char(' '), none),
        ]
    );
    assert_eq!(
        decode(b"\x1b[A\x1bOB\x1b[5~\x1b[6~\x1b[H\x1b[4~\x1b[Z\x1b[3~\x1b[1;5C"),
        [
            k(KeyCode::Up, none),
            k(KeyCode::Down, none),
            k(KeyCode::PageUp, none),
            k(KeyCode::PageDown, none),
            k(KeyCode::Home, none),
            k(KeyCode::End, none),
            k(KeyCode::BackTab, KeyModifiers::SHIFT),
            k(KeyCode::Delete, none),
            k(KeyCode::Right, ctrl),
        ]
    );
    assert_eq!(
        decode("\x1bxé€😀".as_bytes()),
        [
            k(KeyCode::Char('x'), KeyModifiers::ALT),
            k(KeyCode::Char('é'), none),
            k(KeyCode::Char('€'), none),
            k(KeyCode::Char('😀'), none),
        ]
    );
}

#[test]
fn sequences_and_characters_split_over_reads_still_decode() {
    let mut d = Decoder::default();
    assert!(keys(&mut d, b"\x1b").is_empty() && d.pending());
    assert_eq!(keys(&mut d, b"[A"), [k(KeyCode::Up, KeyModifiers::NONE)]);
    let euro = "€".as_bytes();
    assert!(keys(&mut d, &euro[..2]).is_empty());
    assert_eq!(
        keys(&mut d, &euro[2..]),
        [k(KeyCode::Char('€'), KeyModifiers::NONE)]
    );
    assert!(!d.pending());
}

#[test]
fn a_lone_esc_is_the_esc_key_after_the_timeout() {
    let mut d = Decoder::default();
    assert!(keys(&mut d, b"\x1b").is_empty());
    let mut out = Vec::new();
    d.timeout(&mut out);
    assert_eq!(out, [k(KeyCode::Esc, KeyModifiers::NONE)]);
    assert!(!d.pending());
    assert_eq!(decode(b"\x1b\x1b[B").len(), 2, "Esc, then Down");
}

#[test]
fn an_unfinished_sequence_is_dropped_after_the_timeout_and_keys_work_again() {
    for cut in [
        &b"\x1b[?"[..],
        b"\x1b[<0;12",
        b"\x1b[1;",
        b"\x1bO",
        b"\xe2\x82",
    ] {
        let mut d = Decoder::default();
        assert!(keys(&mut d, cut).is_empty() && d.pending(), "{cut:?}");
        let mut out = Vec::new();
        d.timeout(&mut out);
        assert!(out.is_empty(), "{cut:?} makes no key");
        assert_eq!(
            keys(&mut d, b"q"),
            [k(KeyCode::Char('q'), KeyModifiers::NONE)]
        );
    }
}

#[test]
fn a_control_byte_or_esc_ends_a_cut_sequence_at_once() {
    let ctrl_c = k(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(decode(b"\x1b[?\x03"), [ctrl_c]);
    assert_eq!(decode(b"\x1b[<0;1\x03"), [ctrl_c]);
    assert_eq!(
        decode(b"\x1b[?25\x1b[A"),
        [k(KeyCode::Up, KeyModifiers::NONE)]
    );
}

#[test]
fn unknown_sequences_mouse_reports_and_junk_make_no_key() {
    assert!(decode(b"\x1b[?1;2c\x1b[<0;10;5M\x1b[200~\x1b[>1u\xff\xc0").is_empty());
    // An endless run of parameters is dropped once it is too long to be a key.
    let mut d = Decoder::default();
    let long = [b"\x1b[".as_slice(), &[b'1'; 100]].concat();
    assert!(keys(&mut d, &long).is_empty());
    assert!(!d.pending());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

    /// Whatever bytes come, cut anywhere, they make the same keys as in
    /// one read, nothing panics, and once the timeout has passed `q` is
    /// `q` again.
    #[test]
    fn any_bytes_cut_anywhere_then_the_timeout_leave_q_working(
        bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200),
        cut in 0usize..200,
    ) {
        let mut d = Decoder::default();
        let cut = cut.min(bytes.len());
        let mut out = Vec::new();
        d.feed(&bytes[..cut], &mut out);
        d.feed(&bytes[cut..], &mut out);
        proptest::prop_assert_eq!(&out, &decode(&bytes));
        d.timeout(&mut out);
        proptest::prop_assert_eq!(keys(&mut d, b"q"), [k(KeyCode::Char('q'), KeyModifiers::NONE)]);
    }
}
