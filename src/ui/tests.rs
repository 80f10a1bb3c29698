//! Rows are cut in one place, and never without a '…'.

use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;

use super::put_row;
use crate::text::width::width;

/// The row's text as drawn, the second cell of a wide character skipped.
fn drawn(spans: &[&str], cells: u16) -> String {
    let mut buf = Buffer::empty(Rect::new(0, 0, cells, 1));
    let spans: Vec<Span> = spans.iter().map(|s| Span::raw(*s)).collect();
    put_row(&mut buf, 0, 0, cells, &spans, Style::default());
    let mut out = String::new();
    let mut skip = 0;
    for x in 0..cells {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let symbol = buf[(x, 0)].symbol();
        skip = width(symbol).saturating_sub(1);
        out.push_str(symbol);
    }
    out
}

#[test]
fn a_row_that_fits_is_drawn_whole_and_one_that_does_not_ends_in_an_ellipsis() {
    assert_eq!(drawn(&["43 quotes"], 9), "43 quotes");
    assert_eq!(
        drawn(&["· 46 events ", "· 43 quotes "], 20),
        "· 46 events · 43 qu…"
    );
    assert_eq!(drawn(&["hints", "    "], 6), "hints ");
    assert_eq!(drawn(&["朝鮮通信社"], 5), "朝鮮…");
    assert_eq!(drawn(&["ab", "cd"], 1), "…");
}

/// A pane title and note longer than the pane end in '…' inside the frame.
#[test]
fn a_pane_title_that_does_not_fit_ends_in_an_ellipsis() {
    use ratatui::text::Line;
    use ratatui::widgets::Widget;
    let mut buf = Buffer::empty(Rect::new(0, 0, 16, 3));
    let theme = super::theme::Theme::mono();
    let title = Line::from(" Timeline · 23 of 46 match ");
    super::pane_block(title, Some("123456/654321".into()), false, &theme)
        .render(buf.area, &mut buf);
    let row = |y: u16| -> String { (0..16).map(|x| buf[(x, y)].symbol().to_string()).collect() };
    assert_eq!(row(0), "┌ Timeline · 2…┐");
    assert_eq!(row(2), "└ 123456/65432…┘");
}

proptest! {
    /// Whatever the spans and the width: the row shows the text whole
    /// (up to trailing white space), or a prefix of it followed by '…'.
    #[test]
    fn no_row_is_cut_without_an_ellipsis(
        spans in prop::collection::vec("[a-z 朝é]{0,12}", 0..6),
        cells in 1u16..40,
    ) {
        let spans: Vec<&str> = spans.iter().map(String::as_str).collect();
        let whole: String = spans.concat();
        let row = drawn(&spans, cells);
        let shown = row.trim_end();
        prop_assert!(width(&row) <= usize::from(cells));
        if width(whole.trim_end()) <= usize::from(cells) {
            prop_assert_eq!(shown, whole.trim_end());
        } else {
            let head = shown.strip_suffix('…');
            prop_assert!(head.is_some(), "{:?} cut to {:?}", whole, row);
            prop_assert!(whole.starts_with(head.unwrap_or_default().trim_end()));
        }
    }
}
