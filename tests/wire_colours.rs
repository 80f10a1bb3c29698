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
    // A style with a dark foreground under bold, as a user may configure:
    // it goes out in its 16-colour code too.
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
                !a_16_colour_in_its_long_form(&b),
                "step {i}: a 16-colour in its 256-colour form: {:?}",
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

/// True when one of the 16 colours goes out in its 256-colour form
/// (`38;5;n` or `48;5;n` with n under 16), which a 16-colour terminal does
/// not know.
fn a_16_colour_in_its_long_form(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b && bytes.get(i + 1) == Some(&b'[') {
            let end = (i + 2..bytes.len())
                .find(|&j| (0x40..=0x7e).contains(&bytes[j]))
                .unwrap_or(bytes.len() - 1);
            if bytes[end] == b'm' {
                let params = String::from_utf8_lossy(&bytes[i + 2..end]).into_owned();
                let tokens: Vec<u32> = params.split(';').map(|t| t.parse().unwrap_or(0)).collect();
                let mut t = 0;
                while t < tokens.len() {
                    match (tokens[t], tokens.get(t + 1), tokens.get(t + 2)) {
                        (38 | 48, Some(5), Some(&n)) if n < 16 => return true,
                        (38 | 48 | 58, Some(5), _) => t += 2,
                        (38 | 48 | 58, Some(2), _) => t += 4,
                        _ => {}
                    }
                    t += 1;
                }
            }
            i = end + 1;
        } else {
            i += 1;
        }
    }
    false
}
