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
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 500,
        rng_seed: proptest::test_runner::RngSeed::Fixed(20),
        ..proptest::prelude::ProptestConfig::default()
    })]

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

mod random {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use proptest::prelude::*;

    use super::{decode, k, keys, Decoder};

    /// A key as a terminal sends it, with the event it must decode to: any
    /// character that is not a control (in UTF-8, up to four bytes), a
    /// control letter, Alt and a letter, or a special key.
    fn typed() -> impl Strategy<Value = (Vec<u8>, KeyEvent)> {
        let character = any::<char>()
            .prop_filter("not a control", |c| !c.is_ascii_control())
            .prop_map(|c| {
                let shift = if c.is_uppercase() {
                    KeyModifiers::SHIFT
                } else {
                    KeyModifiers::NONE
                };
                (c.to_string().into_bytes(), k(KeyCode::Char(c), shift))
            });
        let alt = (b'a'..=b'z')
            .prop_map(|c| (vec![0x1b, c], k(KeyCode::Char(c.into()), KeyModifiers::ALT)));
        prop_oneof![
            6 => character,
            2 => control(),
            1 => alt,
        ]
    }

    /// A key that ends an unfinished sequence at once: a control byte or
    /// a key that starts with Esc.
    fn control() -> impl Strategy<Value = (Vec<u8>, KeyEvent)> {
        let letter = (b'a'..=b'z')
            .prop_filter("Tab and Enter are keys of their own", |c| {
                !b"im".contains(c)
            })
            .prop_map(|c| {
                (
                    vec![c - b'a' + 1],
                    k(KeyCode::Char(c.into()), KeyModifiers::CONTROL),
                )
            });
        let special = proptest::sample::select(vec![
            (&b"\r"[..], KeyCode::Enter),
            (b"\t", KeyCode::Tab),
            (b"\x7f", KeyCode::Backspace),
            (b"\x1b[A", KeyCode::Up),
            (b"\x1bOB", KeyCode::Down),
            (b"\x1b[5~", KeyCode::PageUp),
            (b"\x1b[6~", KeyCode::PageDown),
            (b"\x1b[H", KeyCode::Home),
            (b"\x1b[4~", KeyCode::End),
            (b"\x1b[3~", KeyCode::Delete),
            (b"\x1bOP", KeyCode::F(1)),
            (b"\x1b[15~", KeyCode::F(5)),
        ])
        .prop_map(|(bytes, code)| (bytes.to_vec(), k(code, KeyModifiers::NONE)));
        prop_oneof![letter, special]
    }

    /// The start of a sequence or character that a bad link cut off: CSI
    /// with any parameters (`ESC [ ?`, half a mouse report), `ESC O`, or
    /// the first bytes of a character.
    fn cut() -> impl Strategy<Value = Vec<u8>> {
        let csi = proptest::collection::vec(0x20u8..=0x3f, 0..80)
            .prop_map(|params| [&b"\x1b["[..], &params].concat());
        let partial = (
            any::<char>().prop_filter("multi-byte", |c| c.len_utf8() > 1),
            any::<proptest::sample::Index>(),
        )
            .prop_map(|(c, i)| {
                let bytes = c.to_string().into_bytes();
                bytes[..1 + i.index(bytes.len() - 1)].to_vec()
            });
        prop_oneof![3 => csi, 1 => Just(b"\x1bO".to_vec()), 1 => partial]
    }

    /// Bytes that make no key, or not only keys: cut sequences, arbitrary bytes.
    fn garbage() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop_oneof![cut(), proptest::collection::vec(any::<u8>(), 0..24)];
        proptest::collection::vec(piece, 0..6).prop_map(|pieces| pieces.concat())
    }

    fn split(keys: &[(Vec<u8>, KeyEvent)]) -> (Vec<u8>, Vec<KeyEvent>) {
        (
            keys.iter().flat_map(|(b, _)| b.clone()).collect(),
            keys.iter().map(|(_, e)| *e).collect(),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig {
        cases: 400,
        rng_seed: proptest::test_runner::RngSeed::Fixed(21),
        ..ProptestConfig::default()
    })]

        /// Typed keys, UTF-8 included, decode to themselves in one read
        /// and one byte at a time, with nothing left pending.
        #[test]
        fn typed_keys_decode_to_themselves_in_any_number_of_reads(
            typed in proptest::collection::vec(typed(), 0..40),
        ) {
            let (bytes, want) = split(&typed);
            prop_assert_eq!(&decode(&bytes), &want);
            let mut d = Decoder::default();
            let mut out = Vec::new();
            for byte in &bytes {
                d.feed(std::slice::from_ref(byte), &mut out);
            }
            prop_assert_eq!(&out, &want);
            prop_assert!(!d.pending());
        }

        /// After any garbage, read in two parts, and the timeout, `q` or
        /// Ctrl-C and whatever follows come out as typed.
        #[test]
        fn no_key_after_garbage_and_the_timeout_is_lost(
            garbage in garbage(),
            cut in any::<proptest::sample::Index>(),
            quit in prop_oneof![Just(&b"q"[..]), Just(&b"\x03"[..])],
            typed in proptest::collection::vec(typed(), 0..10),
        ) {
            let mut d = Decoder::default();
            let at = cut.index(garbage.len() + 1);
            let mut before = Vec::new();
            d.feed(&garbage[..at], &mut before);
            d.feed(&garbage[at..], &mut before);
            d.timeout(&mut before);
            prop_assert!(!d.pending());
            let (rest, mut want) = split(&typed);
            want.insert(0, decode(quit)[0]);
            prop_assert_eq!(keys(&mut d, &[quit, &rest].concat()), want);
        }

        /// A cut sequence gives way at once, with no timeout, to a control
        /// key or a key that starts with Esc, and to the keys after it.
        #[test]
        fn a_control_key_right_after_a_cut_sequence_is_not_lost(
            cut in cut(),
            first in control(),
            typed in proptest::collection::vec(typed(), 0..10),
        ) {
            let (rest, mut want) = split(&typed);
            want.insert(0, first.1);
            prop_assert_eq!(decode(&[cut, first.0, rest].concat()), want);
        }
    }
}
