//! A ratatui backend for a screen that is somewhere else (a reader's, at
//! the end of a pipe or an SSH channel): crossterm's backend writes the
//! bytes, and what ratatui asks about the screen (its size, where the
//! cursor is) is answered from the session's own state. crossterm's
//! backend would ask the process's terminal, or run `tput`, which on a
//! server is nobody's screen.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

pub struct Remote<W: Write> {
    out: CrosstermBackend<W>,
    /// The screen's size, as the session last heard it.
    pub size: Size,
    /// Where the last move left the cursor.
    cursor: Position,
}

impl<W: Write> Remote<W> {
    pub fn new(out: W, size: Size) -> Remote<W> {
        Remote {
            out: CrosstermBackend::new(out),
            size,
            cursor: Position::ORIGIN,
        }
    }
}

impl<W: Write> Write for Remote<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.out)
    }
}

impl<W: Write> Backend for Remote<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.out.draw(content)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.out.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.out.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.cursor = position.into();
        self.out.set_cursor_position(self.cursor)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.out.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.out.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        Ok(self.size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size,
            pixels: Size::default(),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.out)
    }
}
