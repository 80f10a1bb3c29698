//! The colour encoder between ratatui and the terminal changes bytes, never
//! the picture: the same frames drawn through it and straight through
//! crossterm leave identical screens in a terminal emulator, cell by cell,
//! and it writes fewer bytes.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use chronicle::app::{Action, App, Keymap, Shared};
use chronicle::corpus::{load, Location};
use chronicle::sgr::Sgr16;
use chronicle::ui::{self, theme::Theme};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// A terminal that keeps what it is sent.
#[derive(Clone, Default)]
struct Tape(Rc<RefCell<Vec<u8>>>);

impl Tape {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut self.0.borrow_mut())
    }
}

impl Write for Tape {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Every cell's text, colours and attributes.
fn cells(screen: &vt100::Screen) -> Vec<String> {
    let (rows, cols) = screen.size();
    let mut out = Vec::new();
    for r in 0..rows {
        for c in 0..cols {
            if let Some(cell) = screen.cell(r, c) {
                out.push(format!(
                    "{r},{c} {:?} {:?} {:?} b{} i{} u{} r{}",
                    cell.contents(),
                    cell.fgcolor(),
                    cell.bgcolor(),
                    cell.bold(),
                    cell.italic(),
                    cell.underline(),
                    cell.inverse()
                ));
            }
        }
    }
    out
}

#[test]
fn encoded_frames_draw_the_same_screens_in_fewer_bytes() {
    let loaded = load(&Location::Embedded);
    let shared = Shared::new(loaded.corpus, loaded.problems);
    // A style with a dark foreground under bold, as a user may configure.
    let dark_bold = chronicle::config::Config::from_text(
        "c.toml",
        "[styles]\nstatus = { fg = \"black\", bg = \"gray\" }\n",
        false,
    );
    assert!(dark_bold.problems.is_empty(), "{:?}", dark_bold.problems);
    // Colours save a tenth of the bytes at least; without colour, merged
    // attributes still save some.
    for (theme, saving) in [
        (Theme::colour(), 10),
        (dark_bold.theme, 8),
        (Theme::mono(), 1),
    ] {
        let (w, h) = (120, 40);
        let options = || TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        };
        let (plain_tape, short_tape) = (Tape::default(), Tape::default());
        let mut plain =
            Terminal::with_options(CrosstermBackend::new(plain_tape.clone()), options()).unwrap();
        let mut short = Terminal::with_options(
            CrosstermBackend::new(Sgr16::new(short_tape.clone())),
            options(),
        )
        .unwrap();
        let (mut plain_screen, mut short_screen) =
            (vt100::Parser::new(h, w, 0), vt100::Parser::new(h, w, 0));
        let mut app = App::new(shared.clone(), Keymap::default(), w, h);
        let mut steps = vec![Action::Resize(w, h)];
        steps.extend([Action::Down; 45]);
        steps.extend([
            Action::Follow,
            Action::FocusNext,
            Action::PageDown,
            Action::FocusNext,
            Action::Activate,
            Action::Help,
            Action::Close,
            Action::ActorFilter,
            Action::Insert('k'),
            Action::Insert('i'),
            Action::Submit,
            Action::Top,
            Action::Follow,
        ]);
        let (mut plain_bytes, mut short_bytes) = (0, 0);
        for (i, action) in steps.into_iter().enumerate() {
            app.update(action);
            plain.draw(|f| ui::render(f, &app, &theme)).unwrap();
            short.draw(|f| ui::render(f, &app, &theme)).unwrap();
            let (a, b) = (plain_tape.take(), short_tape.take());
            plain_bytes += a.len();
            short_bytes += b.len();
            assert!(
                !bold_over_dark_short_code(&b),
                "step {i}: bold text over a 30–37 colour, which terminals brighten: {:?}",
                String::from_utf8_lossy(&b)
            );
            plain_screen.process(&a);
            short_screen.process(&b);
            assert_eq!(
                cells(short_screen.screen()),
                cells(plain_screen.screen()),
                "step {i}: {action:?}"
            );
        }
        assert!(
            short_bytes * 100 <= plain_bytes * (100 - saving),
            "{short_bytes} B encoded, {plain_bytes} B plain"
        );
    }
}

/// True when text is written while bold is on and the foreground was set
/// with a 16-colour code 30–37: many terminals show that in the bright
/// colour, which the 256-colour form the encoder replaces does not.
fn bold_over_dark_short_code(bytes: &[u8]) -> bool {
    let (mut bold, mut dark) = (false, false);
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b && bytes.get(i + 1) == Some(&b'[') {
            let end = (i + 2..bytes.len())
                .find(|&j| (0x40..=0x7e).contains(&bytes[j]))
                .unwrap_or(bytes.len() - 1);
            if bytes[end] == b'm' {
                let params = String::from_utf8_lossy(&bytes[i + 2..end]).into_owned();
                let tokens: Vec<&str> = params.split(';').collect();
                let mut t = 0;
                while t < tokens.len() {
                    match tokens[t].parse::<u32>().unwrap_or(0) {
                        0 => (bold, dark) = (false, false),
                        1 => bold = true,
                        22 => bold = false,
                        30..=37 => dark = true,
                        39 | 90..=97 => dark = false,
                        38 => {
                            dark = false;
                            t += if tokens.get(t + 1) == Some(&"2") {
                                4
                            } else {
                                2
                            };
                        }
                        48 | 58 => {
                            t += if tokens.get(t + 1) == Some(&"2") {
                                4
                            } else {
                                2
                            }
                        }
                        _ => {}
                    }
                    t += 1;
                }
            }
            i = end + 1;
        } else if bytes[i] == 0x1b {
            i += 2;
        } else {
            if bold && dark && bytes[i] > b' ' {
                return true;
            }
            i += 1;
        }
    }
    false
}
