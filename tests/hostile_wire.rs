//! Hostile text must never control the terminal: a corpus full of escape
//! sequences, controls, bidi overrides, invisible and complex characters is
//! loaded, driven through the explorer and drawn through the real crossterm
//! backend into a byte buffer; only the backend's own escape sequences may
//! reach the wire. The non-interactive commands are checked the same way.

mod hostile_support;

use std::cell::RefCell;
use std::io::{self, Write};
use std::os::unix::ffi::OsStrExt;
use std::process::Command;
use std::rc::Rc;

use chronicle::app::{Action, App, Focus, Keymap, Shared};
use chronicle::corpus::{self, Loaded, Location};
use chronicle::filter::rank_actors;
use chronicle::sgr::Sgr16;
use chronicle::ui::{self, theme::Theme};
use hostile_support::{check_text, parse_wire, toml_str, Scratch};
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// Every fixture the issue names, as (label, text).
fn fixtures() -> Vec<(&'static str, String)> {
    let zalgo = format!("Z{}algo", "\u{301}".repeat(500));
    vec![
        ("osc0-bel", "a\x1b]0;pwned title\x07b".into()),
        ("osc0-st", "a\x1b]0;pwned title\x1b\\b".into()),
        ("osc52-bel", "a\x1b]52;c;cHduZWQ=\x07b".into()),
        ("osc52-st", "a\x1b]52;c;cHduZWQ=\x1b\\b".into()),
        ("osc52-open", "a\x1b]52;c;cHduZWQ=".into()),
        (
            "csi",
            "a\x1b[2J\x1b[H\x1b[10;10H\x1b[3A\x1b[K\x1b[?1049hb".into(),
        ),
        ("dcs", "a\x1bP1$r0m\x1b\\b\x1bPq#0;2;0;0;0\x1b\\c".into()),
        ("dsr", "a\x1b[6n\x1b[c\x1b[>cb".into()),
        ("apc", "a\x1b_Gf=100;AAAA\x1b\\b".into()),
        ("c1", "a\u{9b}2J\u{9d}0;c1 title\u{9c}b\u{9b}6n".into()),
        ("lone-esc", "end\x1b".into()),
        ("c0", "a\x07b\x08c\x00d\x7fe\x0bf\x0cg".into()),
        ("cr-only", "one\rtwo\rthree".into()),
        (
            "mixed-eol",
            "one\r\ntwo\nthree\rfour\u{2028}five\u{2029}six\u{85}seven".into(),
        ),
        ("tabs", "col\tumn\t\ttabbed".into()),
        (
            "sgr",
            "\x1b[31;1;5mred\x1b[0m \x1b[38;5;196mcolour\x1b[m".into(),
        ),
        (
            "rlo",
            "invoice\u{202e}fdp.exe\u{202c} \u{2066}iso\u{2069}\u{2067}r\u{2068}f\u{2069}".into(),
        ),
        (
            "zero-width",
            "Ma\u{200b}cron\u{2060}\u{feff}\u{ad}\u{200e}\u{200f}\u{61c}".into(),
        ),
        (
            "zwj-emoji",
            "👩\u{200d}👩\u{200d}👧 family 🧑\u{200d}🚀".into(),
        ),
        ("flags", "🇰🇷🇷🇺🇺🇸 flags".into()),
        ("cjk", "朝鮮通信社 x 朝鮮中央通信".into()),
        ("ambiguous", "±×÷ αβγ ①② ΩЖ … ° ‰".into()),
        ("combining", zalgo),
        (
            "nfd-hangul",
            "\u{1112}\u{1161}\u{11ab}\u{1100}\u{116e}\u{11a8} NFD".into(),
        ),
    ]
}

/// Fixtures that can sit inside a quote and also inside an article line
/// and still be found there after both are sanitized.
const QUOTABLE: [&str; 9] = [
    "osc0-bel",
    "sgr",
    "rlo",
    "zero-width",
    "zwj-emoji",
    "cjk",
    "combining",
    "nfd-hangul",
    "c1",
];

const ACTORS: [(&str, &str); 8] = [
    ("macron", "Emmanuel Ma\u{200b}cron"),
    ("kim", "Kim\tJong\tUn\x1b[31m"),
    ("putin", "\u{202e}Vladimir\u{202c} Putin\u{2066}"),
    ("hangul", "\u{1112}\u{1161}\u{11ab} Han"),
    ("clip", "Eve\x1b]52;c;cHduZWQ=\x07 Clip"),
    ("family", "👩\u{200d}👩\u{200d}👧 Family 🇰🇷"),
    ("turkish", "İlhan Öztürk"),
    ("ligature", "Straße ﬁnance Oﬃce"),
];

/// Writes the hostile corpus: fixtures in article titles, bodies, file
/// names, actor names, event titles, summaries, places and quotes.
fn write_corpus(dir: &Scratch) {
    let fx = fixtures();
    let mut actors = String::new();
    for (id, name) in ACTORS {
        actors += &format!("[[actor]]\nid = \"{id}\"\nname = {}\n", toml_str(name));
        actors += &format!("role = {}\n\n", toml_str(&format!("role\t{}", fx[0].1)));
    }
    actors += &format!(
        "[[actor]]\nid = \"zalgo\"\nname = {}\naliases = [{}]\n",
        toml_str(&fx[22].1),
        toml_str("Z\u{301}\u{301}")
    );
    dir.write("actors.toml", actors);

    // Article with front matter: a hostile title, every fixture in the body,
    // with a marker word per fixture for event excerpts, and quotable lines.
    let mut body = String::new();
    for (i, (label, text)) in fx.iter().enumerate() {
        body += &format!("marker{i:02} {label}: {text}\n\n");
    }
    for (i, (label, text)) in fx.iter().enumerate() {
        if QUOTABLE.contains(label) {
            body += &format!("Q{i:02} said: {text}\n\n");
        }
    }
    let title = format!("Title {} {} {}", fx[0].1, fx[16].1, fx[14].1);
    dir.write(
        "articles/hostile.md",
        format!(
            "+++\nid = \"hostile\"\ntitle = {}\noutlet = {}\nurl = {}\n+++\n{body}",
            toml_str(&title),
            toml_str(&fx[15].1),
            toml_str(&format!("https://example.com/{}", fx[2].1))
        ),
    );
    // No front matter: the title line is raw bytes.
    dir.write(
        "articles/raw.txt",
        format!(
            "Raw {}\t{}\tT {}\n\nraw body {} {} {}\n",
            fx[0].1, fx[5].1, fx[21].1, fx[12].1, fx[11].1, fx[10].1
        ),
    );
    // Invalid UTF-8: raw 8-bit C1 bytes.
    dir.write(
        "articles/c1-raw.md",
        b"C1 raw bytes\n\nbefore \x9b2J after \x9d0;x\x9c end\n".as_slice(),
    );
    // A raw ESC in a TOML comment is a syntax error; its message is shown.
    dir.write(
        "articles/bad-toml.md",
        format!(
            "+++\nid = \"bad-toml\" # \x1b]0;comment\x07\ntitle = \"ok\"\n{} = 1\n+++\nText.\n",
            toml_str("\x1b[2Jkey\u{202e}")
        ),
    );
    // A hostile file name, on an article with no title: the name is shown.
    let mut name = b"articles/evil\x1b]0;file name\x07\xe2\x80\xae".to_vec();
    name.extend_from_slice(b"gpj\xe2\x80\x8b.md");
    dir.write(
        std::ffi::OsStr::from_bytes(&name),
        "\n\nA body under a hostile file name.\n",
    );

    let mut events = String::new();
    for (i, (label, text)) in fx.iter().enumerate() {
        let actor = ACTORS[i % ACTORS.len()].0;
        events += &format!(
            "[[event]]\nid = \"e{i:02}\"\ndate = \"2023-{:02}-{:02}\"\ntitle = {}\n",
            i % 12 + 1,
            i % 28 + 1,
            toml_str(&format!("E{i:02} {label} {text} end"))
        );
        if i > 0 && i % 5 != 0 {
            events += &format!("parent = \"e{:02}\"\n", i - i % 5);
        }
        events += &format!(
            "place = {}\nkind = \"other\"\nactors = [\"{actor}\", \"zalgo\"]\nsummary = {}\n",
            toml_str(&format!("place {text}")),
            toml_str(&format!("summary {text}"))
        );
        events += &format!("[[event.source]]\narticle = \"hostile\"\nexcerpt = \"marker{i:02}\"\n");
        events += "[[event.source]]\narticle = \"raw\"\nexcerpt = \"raw body\"\n\n";
    }
    dir.write("events.toml", events);

    let mut quotes = String::new();
    for (i, (label, text)) in fx.iter().enumerate() {
        if !QUOTABLE.contains(label) {
            continue;
        }
        quotes += &format!(
            "[[quote]]\nid = \"q{i:02}\"\narticle = \"hostile\"\nspeaker = \"{}\"\nevent = \"e{i:02}\"\ntext = {}\n\n",
            ACTORS[i % ACTORS.len()].0,
            toml_str(&format!("said: {text}"))
        );
    }
    dir.write("quotes.toml", quotes);
}

fn load(dir: &Scratch) -> Loaded {
    corpus::load(&Location::Dir(dir.path.clone()))
}

/// Where the backend writes: a buffer the test can drain between frames.
#[derive(Clone, Default)]
struct Tap(Rc<RefCell<Vec<u8>>>);

impl Write for Tap {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Tap {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

/// A terminal drawing through the real crossterm backend into memory.
struct Wire {
    term: Terminal<CrosstermBackend<Sgr16<Tap>>>,
    tap: Tap,
    /// A terminal emulator reading the same bytes.
    screen: vt100::Parser,
    /// Every screen drawn so far, for checking that text did show.
    seen: String,
    /// The text written between escape sequences: whole grapheme clusters
    /// (the emulator splits ZWJ sequences that terminals may join).
    raw: String,
    frames: usize,
}

impl Wire {
    fn new(w: u16, h: u16) -> Wire {
        let tap = Tap::default();
        let backend = CrosstermBackend::new(Sgr16::new(tap.clone()));
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        };
        Wire {
            term: Terminal::with_options(backend, options).expect("a fixed viewport needs no tty"),
            tap,
            screen: vt100::Parser::new(h, w, 0),
            seen: String::new(),
            raw: String::new(),
            frames: 0,
        }
    }

    /// Draws the app and checks the bytes written for this frame.
    fn draw(&mut self, app: &App, theme: &Theme, step: &str) {
        self.term
            .draw(|frame| ui::render(frame, app, theme))
            .expect("drawing into memory cannot fail");
        let bytes = self.tap.take();
        let wire = parse_wire(&bytes)
            .unwrap_or_else(|e| panic!("{step} at {}x{}: {e}", app.size.width, app.size.height));
        self.screen.process(&bytes);
        self.seen.push_str(&self.screen.screen().contents());
        self.seen.push('\n');
        self.raw.push_str(&wire.text);
        self.frames += 1;
        assert_aligned(app, theme, step);
    }
}

/// Wide and complex characters never push a pane's right border out of
/// place: every row of every pane ends with its border.
fn assert_aligned(app: &App, theme: &Theme, step: &str) {
    if app.overlay().is_some() || app.input().is_some() {
        return;
    }
    let mut buf = Buffer::empty(app.size);
    ui::draw(app, theme, app.size, &mut buf);
    let panes = app.panes();
    for rect in [panes.timeline, panes.article, panes.quotes]
        .into_iter()
        .flatten()
    {
        for y in rect.y..rect.bottom() {
            let right = buf[(rect.right() - 1, y)].symbol();
            assert!(
                matches!(
                    right,
                    "│" | "┃" | "┐" | "┘" | "┓" | "┛" | "║" | "█" | "▐" | "╮" | "╯"
                ),
                "{step}: row {y} of {rect:?} ends with {right:?}, not a border"
            );
        }
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Insert(c));
    }
}

/// Selection, panes, scrolling, zoom, filters, overlays: one drive of the
/// explorer at one size, drawing after every step.
fn drive(shared: &Shared, theme: &Theme, w: u16, h: u16) -> Wire {
    let mut app = App::new(shared.clone(), Keymap::default(), w, h);
    let mut wire = Wire::new(w, h);
    wire.draw(&app, theme, "start");
    for _ in 0..app.rows.len() {
        app.update(Action::Down);
        wire.draw(&app, theme, "down");
        app.update(Action::NextSource);
        wire.draw(&app, theme, "next source");
    }
    app.update(Action::Top);
    for step in [
        Action::Expand,
        Action::Collapse,
        Action::Activate,
        Action::FocusNext,
        Action::PageDown,
        Action::Bottom,
        Action::Zoom,
        Action::Top,
        Action::Zoom,
        Action::FocusNext,
        Action::Down,
        Action::Activate,
        Action::Zoom,
        Action::Zoom,
        Action::FocusNext,
    ] {
        app.update(step);
        wire.draw(&app, theme, &format!("{step:?}"));
    }
    assert_eq!(app.focus, Focus::Timeline);

    app.update(Action::ActorFilter);
    wire.draw(&app, theme, "actor picker");
    type_text(&mut app, "Macron");
    wire.draw(&app, theme, "actor picker: Macron");
    let input = app.input().expect("the actor input is open");
    let best = input.hits.first().expect("Macron is found");
    assert_eq!(app.corpus().actors[best.actor].id, "macron");
    app.update(Action::Submit);
    wire.draw(&app, theme, "actor chip");
    assert!(app.rows.iter().all(|r| {
        let e = &app.corpus().events[r.event];
        r.context || e.actors.contains(&best_actor(&app, "macron"))
    }));

    for query in [
        "İlhan", "ı", "ß", "ss", "ﬁ", "fi", "ﬃ", "👩", "\u{200d}", "🇰", "朝",
    ] {
        app.update(Action::ActorFilter);
        type_text(&mut app, query);
        wire.draw(&app, theme, &format!("actor picker: {query}"));
        app.update(Action::Cancel);
    }

    // Hostile text typed or pasted into the text filter.
    app.update(Action::TextFilter);
    let typed = format!(
        "\x1b]0;typed\x07\u{9b}2J\u{202e}e{}\u{200b}x\t朝",
        "\u{301}".repeat(300)
    );
    type_text(&mut app, &typed);
    wire.draw(&app, theme, "typed hostile filter");
    app.update(Action::Submit);
    wire.draw(&app, theme, "hostile filter kept");
    app.update(Action::ClearFilters);

    for (open, label) in [(Action::Help, "help"), (Action::Problems, "problems")] {
        app.update(open);
        wire.draw(&app, theme, label);
        for step in [Action::PageDown, Action::Down, Action::PageDown, Action::Up] {
            app.update(step);
            wire.draw(&app, theme, &format!("{label} {step:?}"));
        }
        app.update(Action::Close);
        wire.draw(&app, theme, &format!("{label} closed"));
    }
    wire
}

fn best_actor(app: &App, id: &str) -> usize {
    app.corpus()
        .actors
        .iter()
        .position(|a| a.id == id)
        .expect("actor exists")
}

#[test]
fn hostile_corpus_loads_what_is_valid_and_reports_the_rest() {
    let dir = Scratch::new("wire-load");
    write_corpus(&dir);
    let loaded = load(&dir);
    let c = &loaded.corpus;
    assert_eq!(c.events.len(), fixtures().len(), "{:#?}", loaded.problems);
    assert_eq!(c.actors.len(), ACTORS.len() + 1);
    assert_eq!(c.quotes.len(), QUOTABLE.len(), "{:#?}", loaded.problems);
    // hostile, raw, c1-raw, bad-toml and the hostile file name.
    assert_eq!(c.articles.len(), 5, "{:#?}", loaded.problems);
    let shown: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        shown
            .iter()
            .any(|p| p.contains("c1-raw.md:3:8: invalid UTF-8")),
        "{shown:#?}"
    );
    assert!(
        shown.iter().any(|p| p.contains("bad-toml.md:2:")),
        "{shown:#?}"
    );
    assert!(
        shown
            .iter()
            .any(|p| p.contains("evil") && p.contains("no title")),
        "{shown:#?}"
    );
    for p in &shown {
        check_text(p, &[], "problem").unwrap();
    }
    let macron = &c.actors[0];
    assert_eq!(macron.name, "Emmanuel Macron");
    let cleaned = |id: &str| c.articles.iter().any(|a| a.id == id && a.cleaned);
    assert!(cleaned("hostile") && cleaned("raw"));
}

#[test]
fn nothing_forbidden_reaches_the_wire_at_any_size() {
    let dir = Scratch::new("wire-draw");
    write_corpus(&dir);
    let loaded = load(&dir);
    let shared = Shared::new(loaded.corpus, loaded.problems);
    // Odd widths put wide characters across pane edges; the mono theme's
    // styles take other SGR paths.
    let colour: [(u16, u16); 7] = [
        (80, 24),
        (81, 25),
        (99, 33),
        (121, 41),
        (151, 45),
        (41, 11),
        (39, 9),
    ];
    let mono = [(80, 24), (41, 11)];
    let runs = colour
        .iter()
        .map(|&size| (Theme::colour(), size))
        .chain(mono.iter().map(|&size| (Theme::mono(), size)));
    for (theme, (w, h)) in runs {
        let wire = drive(&shared, &theme, w, h);
        assert!(wire.frames > 30);
        if w >= 80 {
            // The text did show: cleaned, composed, whole.
            for visible in [
                "Macron",
                "朝鮮通信社",
                "한국",
                "👩\u{200d}👩\u{200d}👧",
                "E00 osc0-bel ab end",
            ] {
                assert!(
                    wire.seen.contains(visible) || wire.raw.contains(visible),
                    "{visible:?} never drawn at {w}x{h}"
                );
            }
        }
    }
}

#[test]
fn actor_filter_sees_through_zero_width_characters() {
    let dir = Scratch::new("wire-actor");
    write_corpus(&dir);
    let loaded = load(&dir);
    let hits = rank_actors(&loaded.corpus, "Macron");
    let first = hits.first().expect("a hit");
    assert_eq!(loaded.corpus.actors[first.actor].id, "macron");
    assert_eq!(first.form, "Emmanuel Macron");
}

#[test]
fn fuzzy_highlight_of_special_case_mappings_does_not_panic() {
    let dir = Scratch::new("wire-fuzzy");
    write_corpus(&dir);
    let loaded = load(&dir);
    let shared = Shared::new(loaded.corpus, loaded.problems);
    let theme = Theme::colour();
    for query in [
        "İ", "i̇", "ılhan", "ÖZTÜRK", "ß", "SS", "ﬁ", "FI", "ﬃ", "👧", "🇷", "한", "Z\u{301}",
    ] {
        let hits = rank_actors(&shared.corpus, query);
        for hit in &hits {
            let count = hit.form.chars().count();
            assert!(hit.indices.iter().all(|&i| i < count), "{query:?} {hit:?}");
        }
        for (w, h) in [(80, 24), (41, 11)] {
            let mut app = App::new(shared.clone(), Keymap::default(), w, h);
            app.update(Action::ActorFilter);
            type_text(&mut app, query);
            Wire::new(w, h).draw(&app, &theme, query);
        }
    }
}

/// The wire checker itself catches what it must: raw text written into a
/// cell goes to the terminal untouched.
#[test]
fn the_wire_checker_rejects_hostile_cells() {
    for bad in [
        "\x1b]0;x\x07",
        "a\u{202e}b",
        "a\u{200b}b",
        "\u{9b}2J",
        "e\u{301}\u{301}\u{301}\u{301}\u{301}",
        "\u{1112}\u{1161}",
    ] {
        let mut wire = Wire::new(10, 1);
        wire.term
            .draw(|frame| {
                frame.buffer_mut()[(0, 0)].set_symbol(bad);
            })
            .expect("draw");
        let bytes = wire.tap.take();
        assert!(parse_wire(&bytes).is_err(), "{bad:?} passed the checker");
    }
    let mut wire = Wire::new(10, 1);
    wire.term
        .draw(|frame| {
            frame.buffer_mut()[(0, 0)].set_symbol("ok");
        })
        .expect("draw");
    let bytes = wire.tap.take();
    assert!(parse_wire(&bytes).expect("clean").text.contains("ok"));
}

fn run(dir: &Scratch, args: &[&str]) -> (Vec<u8>, Vec<u8>) {
    let out = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .arg("--corpus")
        .arg(&dir.path)
        .args(args)
        .output()
        .expect("the binary runs");
    (out.stdout, out.stderr)
}

fn check_json_strings(value: &serde_json::Value, what: &str) {
    match value {
        serde_json::Value::String(s) => check_text(s, &[], what).unwrap(),
        serde_json::Value::Array(items) => items.iter().for_each(|v| check_json_strings(v, what)),
        serde_json::Value::Object(map) => map.values().for_each(|v| check_json_strings(v, what)),
        _ => {}
    }
}

#[test]
fn commands_print_only_sanitized_text() {
    let dir = Scratch::new("wire-cmd");
    write_corpus(&dir);
    for args in [
        &["events"][..],
        &["events", "--json"],
        &["events", "--actor", "Macron"],
        &["quotes"],
        &["quotes", "--json"],
        &["check"],
        &["events", "--actor", "\x1b]0;x\x07nobody\u{202e}"],
    ] {
        let (stdout, stderr) = run(&dir, args);
        for (name, bytes) in [("stdout", &stdout), ("stderr", &stderr)] {
            let text = std::str::from_utf8(bytes)
                .unwrap_or_else(|e| panic!("{args:?} {name} is not UTF-8: {e}"));
            check_text(text, &['\n', '\t'], &format!("{args:?} {name}")).unwrap();
        }
        if args.contains(&"--json") {
            let value: serde_json::Value = serde_json::from_slice(&stdout).expect("valid JSON");
            let items = value.as_array().expect("a list");
            assert!(!items.is_empty());
            check_json_strings(&value, &format!("{args:?} JSON"));
        } else if args == ["events"] {
            let text = String::from_utf8_lossy(&stdout);
            assert_eq!(text.lines().count(), fixtures().len());
            assert!(text.contains("Emmanuel Macron") && text.contains("한국"));
        }
    }
}
