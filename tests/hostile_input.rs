//! Input too big or wrong: huge articles, a huge corpus, a huge query and
//! broken corpus files load, update and draw without a hang or a panic, and
//! every problem names its file and line while the rest still loads.
//! (Single validation errors are covered one by one in check_validation.rs;
//! here they come all at once, with the file-system cases it leaves out.)

mod hostile_support;

use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::sync::OnceLock;

use chronicle::app::{Action, App, Focus, Keymap, Shared};
use chronicle::corpus::{self, Loaded, Location};
use chronicle::ui::{self, theme::Theme};
use hostile_support::Scratch;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The screen as text, one line per row.
fn screen(app: &App) -> String {
    let mut buf = Buffer::empty(Rect::new(0, 0, app.size.width, app.size.height));
    ui::draw(app, &Theme::colour(), buf.area, &mut buf);
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn load(dir: &Scratch) -> Loaded {
    corpus::load(&Location::Dir(dir.path.clone()))
}

fn shared(loaded: Loaded) -> Shared {
    Shared::new(loaded.corpus, loaded.problems)
}

/// An article with front matter, one actor and one event citing `excerpt`.
fn one_article_corpus(dir: &Scratch, body: &str, excerpt: &str) {
    dir.write(
        "articles/big.md",
        format!("+++\nid = \"big\"\ntitle = \"Big\"\n+++\n{body}"),
    );
    dir.write("actors.toml", "[[actor]]\nid = \"a\"\nname = \"Anna\"\n");
    dir.write(
        "events.toml",
        format!(
            "[[event]]\nid = \"e\"\ndate = \"2024-01-01\"\ntitle = \"E\"\nkind = \"other\"\n\
             summary = \"S\"\n[[event.source]]\narticle = \"big\"\nexcerpt = \"{excerpt}\"\n"
        ),
    );
}

/// Focuses the article pane, jumps to its end and returns the screen.
fn article_bottom(app: &mut App) -> String {
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Article);
    app.update(Action::Bottom);
    screen(app)
}

#[test]
fn ten_megabyte_article_scrolls_to_its_last_line() {
    let dir = Scratch::new("in-10mb");
    let mut body = String::with_capacity(10 << 20);
    let mut n = 0;
    while body.len() < 10 << 20 {
        body += &format!("word{n} ");
        n += 1;
        if n % 2000 == 0 {
            body += "\n\n";
        }
    }
    body += "THE-END";
    one_article_corpus(&dir, &body, "word1 word2");
    let loaded = load(&dir);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert!(loaded.corpus.articles[0].body.len() > 10_000_000);
    let mut app = App::new(shared(loaded), Keymap::default(), 100, 30);
    assert!(screen(&app).contains("word1 word2"));
    let shown = article_bottom(&mut app);
    assert!(shown.contains("THE-END"), "{shown}");
    // A resize re-wraps; the scroll stays in range and can reach the end.
    app.update(Action::Resize(61, 20));
    screen(&app);
    app.update(Action::Bottom);
    assert!(screen(&app).contains("THE-END"));
}

#[test]
fn megabyte_line_without_spaces_is_cut_to_the_pane() {
    let dir = Scratch::new("in-1mb-line");
    let body = format!("{}Z", "x".repeat(1 << 20));
    one_article_corpus(&dir, &body, "xxxx");
    let mut app = App::new(shared(load(&dir)), Keymap::default(), 100, 30);
    let top = screen(&app);
    assert!(top.contains("xxxxxxxxxx"));
    let shown = article_bottom(&mut app);
    assert!(shown.contains('Z'), "{shown}");
    for line in shown.lines() {
        assert_eq!(line.chars().count(), 100, "no row overflows: {line}");
    }
}

#[test]
fn article_longer_than_65535_lines_shows_its_last_line() {
    let dir = Scratch::new("in-70k-lines");
    let lines = 70_000;
    let body: String = (0..lines).map(|i| format!("line {i}\n\n")).collect();
    one_article_corpus(&dir, &body, "line 0");
    let mut app = App::new(shared(load(&dir)), Keymap::default(), 100, 30);
    let shown = article_bottom(&mut app);
    let last = format!("line {}", lines - 1);
    assert!(shown.contains(&last), "{shown}");
    // The position note counts past u16: "…/139999".
    assert!(shown.contains(&format!("/{}", 2 * lines - 1)), "{shown}");
    app.update(Action::Top);
    assert!(screen(&app).contains("line 0"));
}

const BIG_EVENTS: usize = 100_000;

/// A corpus of 100,000 events (every tenth a headline with nine
/// sub-events), built and loaded once for the tests that use it.
fn big_corpus() -> &'static Shared {
    static BIG: OnceLock<Shared> = OnceLock::new();
    BIG.get_or_init(|| {
        let dir = Scratch::new("in-100k");
        one_article_corpus(&dir, "The base text of every event.", "base text");
        dir.write(
            "actors.toml",
            "[[actor]]\nid = \"a\"\nname = \"Anna\"\n[[actor]]\nid = \"b\"\nname = \"Boris\"\n",
        );
        let mut events = String::with_capacity(BIG_EVENTS * 200);
        for i in 0..BIG_EVENTS {
            let (y, m, d) = (1900 + i / 400, i / 31 % 12 + 1, i % 28 + 1);
            events += &format!(
                "[[event]]\nid = \"e{i}\"\ndate = \"{y}-{m:02}-{d:02}\"\ntitle = \"Event number {i}\"\n\
                 kind = \"meeting\"\nactors = [\"{}\"]\nsummary = \"Summary {i}\"\n",
                if i % 3 == 0 { "a" } else { "b" }
            );
            if i % 10 != 0 {
                events += &format!("parent = \"e{}\"\n", i - i % 10);
            }
            events += "[[event.source]]\narticle = \"big\"\nexcerpt = \"base text\"\n";
        }
        dir.write("events.toml", events);
        let loaded = load(&dir);
        assert!(loaded.problems.is_empty(), "{:?}", &loaded.problems[..3]);
        assert_eq!(loaded.corpus.events.len(), BIG_EVENTS);
        shared(loaded)
    })
}

#[test]
fn hundred_thousand_events_page_filter_and_draw() {
    let shared = big_corpus();
    let mut app = App::new(shared.clone(), Keymap::default(), 120, 40);
    assert_eq!(app.rows.len(), BIG_EVENTS);
    assert!(screen(&app).contains(&format!("1/{BIG_EVENTS}")));
    app.update(Action::Bottom);
    assert!(screen(&app).contains(&format!("{BIG_EVENTS}/{BIG_EVENTS}")));
    for _ in 0..3 {
        app.update(Action::PageUp);
    }
    screen(&app);
    // A text filter over every event, typed a key at a time.
    app.update(Action::TextFilter);
    for c in "number 9999".chars() {
        app.update(Action::Insert(c));
    }
    screen(&app);
    app.update(Action::Submit);
    let ids: Vec<&str> = app
        .rows
        .iter()
        .filter(|r| !r.context)
        .map(|r| app.corpus().events[r.event].id.as_str())
        .collect();
    let mut expected: Vec<String> = (0..BIG_EVENTS)
        .filter(|i| i.to_string().contains("9999"))
        .map(|i| format!("e{i}"))
        .collect();
    let mut got: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    expected.sort();
    got.sort();
    assert_eq!(got, expected);
    // An actor chip and folding over the whole corpus.
    app.update(Action::ClearFilters);
    app.update(Action::ActorFilter);
    for c in "anna".chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::Submit);
    assert!(screen(&app).contains("Anna"));
    app.update(Action::Collapse);
    app.update(Action::Resize(60, 15));
    screen(&app);
}

/// A 5,000-character query, typed into both inputs: the input keeps a
/// bounded prefix, the end typed stays in view and every step still draws.
/// The text query goes to the shipped corpus (over 100,000 events each key
/// refilters everything; the test above types there), the actor query to
/// the big one.
#[test]
fn five_thousand_character_query_is_bounded() {
    let query: String = "kim jong un met putin at vostochny "
        .chars()
        .cycle()
        .take(5000)
        .collect();
    let shipped = shared(corpus::load(&Location::Embedded));
    for (shared, open) in [
        (&shipped, Action::TextFilter),
        (big_corpus(), Action::ActorFilter),
    ] {
        let mut app = App::new(shared.clone(), Keymap::default(), 100, 30);
        let all = app.rows.len();
        app.update(open);
        for (i, c) in query.chars().enumerate() {
            app.update(Action::Insert(c));
            if i % 1000 == 0 {
                screen(&app);
            }
        }
        let input = app.input().expect("the input stays open");
        assert!(input.text.chars().count() < query.len());
        assert!(query.starts_with(&input.text));
        let end: String = input
            .text
            .chars()
            .skip(input.text.chars().count() - 12)
            .collect();
        let shown = screen(&app);
        assert!(
            shown.contains(&format!("{end}▏")),
            "the end typed shows: {shown}"
        );
        if open == Action::TextFilter {
            let note = format!("{} match", app.match_count);
            assert!(shown.contains(&note), "{shown}");
        } else {
            assert!(shown.contains("0 found"), "{shown}");
        }
        app.update(Action::Cancel);
        assert_eq!(app.rows.len(), all);
    }
}

/// Problems of every kind in one corpus: each named with file and line,
/// and everything valid still loads.
#[test]
fn broken_files_are_reported_and_the_rest_loads() {
    let dir = Scratch::new("in-broken");
    let ok = "+++\nid = \"ok\"\ntitle = \"Fine\"\n+++\nA fine article about Anna.\n";
    dir.write("articles/ok.md", ok);
    dir.write(
        "articles/bad-utf8.md",
        b"Title\n\nfine\nbad \xff\xfe byte\n".as_slice(),
    );
    dir.write(
        "articles/bom.md",
        format!("\u{feff}{ok}").replace("\"ok\"", "\"bom\""),
    );
    dir.write("articles/empty.md", "");
    dir.write("articles/blank.md", " \n\t\n  \r\n\u{3000}\n");
    dir.write(
        "articles/zz-dup.md",
        "+++\nid = \"ok\"\ntitle = \"Same id\"\n+++\nText.\n",
    );
    dir.write(
        "articles/dates.md",
        "+++\nid = \"dates\"\ntitle = \"Dates\"\npublished = \"2023-02-30\"\n+++\nText.\n",
    );
    dir.write(
        "actors.toml",
        "[[actor]]\nid = \"anna\"\nname = \"Anna\"\n\n[[actor]]\nid = \"nameless\"\nname = \"\"\n\n\
         [[actor]]\nid = \"blank\"\nname = \" \\u200B \"\n\n[[actor]]\nid = \"anna\"\nname = \"Anna Two\"\n\n\
         [[actor]]\nid = \"surrogate\"\nname = \"bad \\uD800 escape\"\n",
    );
    let event = |id: &str, date: &str, title: &str| {
        format!(
            "[[event]]\nid = \"{id}\"\ndate = \"{date}\"\ntitle = \"{title}\"\nkind = \"other\"\n\
             summary = \"S\"\n[[event.source]]\narticle = \"ok\"\nexcerpt = \"fine article\"\n\n"
        )
    };
    let events = [
        event("good", "2023-09-13", "Good"),
        event("feb30", "2023-02-30", "Bad day"),
        event("month13", "2023-13", "Bad month"),
        event("untitled", "2023-09-14", ""),
        event("good", "2023-09-15", "Duplicate"),
        event("also-good", "2023-09", "Also good"),
    ]
    .concat();
    dir.write("events.toml", &events);
    let loaded = load(&dir);
    let shown: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    let line_of = |text: &str, needle: &str| {
        text[..text.find(needle).expect("needle is in the text")]
            .matches('\n')
            .count()
            + 1
    };
    let expect = |file: &str, line: usize, says: &str| {
        let want = format!("{file}:{line}:");
        assert!(
            shown
                .iter()
                .any(|p| p.contains(&want) && p.to_lowercase().contains(says)),
            "no problem at {want} saying {says:?} in {shown:#?}"
        );
    };
    expect("bad-utf8.md", 4, "invalid utf-8");
    expect("empty.md", 1, "no text");
    expect("blank.md", 1, "no text");
    expect("zz-dup.md", 2, "duplicate article id");
    expect("dates.md", 4, "not a real date");
    expect("actors.toml", 7, "`name` is empty");
    expect("actors.toml", 11, "`name` is empty");
    expect("actors.toml", 14, "duplicate actor id");
    expect("actors.toml", 19, "toml");
    expect("events.toml", line_of(&events, "2023-02-30"), "day");
    expect("events.toml", line_of(&events, "2023-13"), "month");
    expect(
        "events.toml",
        line_of(&events, "title = \"\""),
        "`title` is empty",
    );
    expect(
        "events.toml",
        line_of(&events, "Duplicate") - 2,
        "duplicate event id",
    );

    let c = &loaded.corpus;
    fn ids<'a>(it: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
        let mut v: Vec<&str> = it.collect();
        v.sort();
        v
    }
    assert_eq!(
        ids(c.articles.iter().map(|a| a.id.as_str())),
        ["bad-utf8", "bom", "dates", "ok"]
    );
    let bom = c
        .articles
        .iter()
        .find(|a| a.id == "bom")
        .expect("bom loads");
    assert_eq!(bom.title, "Fine");
    assert_eq!(
        ids(c.events.iter().map(|e| e.id.as_str())),
        ["also-good", "good"]
    );
    assert_eq!(c.actors.iter().filter(|a| a.id == "anna").count(), 1);
    // And the explorer shows it all, problems included.
    let mut app = App::new(shared(loaded), Keymap::default(), 100, 30);
    app.update(Action::Problems);
    let screen = screen(&app);
    assert!(
        screen.contains("bad-utf8.md:4:5: invalid UTF-8"),
        "{screen}"
    );
}

#[test]
fn missing_directory_is_one_clear_problem() {
    let dir = Scratch::new("in-missing");
    let gone = dir.path.join("no-such-corpus");
    let loaded = corpus::load(&Location::Dir(gone.clone()));
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    let shown = loaded.problems[0].to_string();
    assert!(
        shown.starts_with(&format!("{}:1:1: ", gone.display())),
        "{shown}"
    );
    assert!(shown.contains("cannot open corpus"), "{shown}");
    let mut app = App::new(shared(loaded), Keymap::default(), 80, 24);
    app.update(Action::Down);
    assert!(screen(&app).contains("No events in this corpus."));
}

#[test]
fn unreadable_file_is_reported_unless_running_as_root() {
    let dir = Scratch::new("in-unreadable");
    let ok = "+++\nid = \"ok\"\ntitle = \"Fine\"\n+++\nText.\n";
    dir.write("articles/ok.md", ok);
    let locked = dir.write("articles/locked.md", ok.replace("\"ok\"", "\"locked\""));
    let mut perms = fs::metadata(&locked).expect("exists").permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o000);
    fs::set_permissions(&locked, perms).expect("chmod");
    if fs::read(&locked).is_ok() {
        eprintln!(
            "skipped: running as root (or with CAP_DAC_OVERRIDE), chmod 000 does not stop reading"
        );
        return;
    }
    let loaded = load(&dir);
    let shown: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        shown
            .iter()
            .any(|p| p.contains("locked.md:1:1: cannot read") && p.contains("ermission denied")),
        "{shown:?}"
    );
    assert_eq!(loaded.corpus.articles.len(), 1);
}

#[test]
fn non_utf8_file_name_loads_under_a_readable_name() {
    let dir = Scratch::new("in-latin1");
    dir.write(
        std::ffi::OsStr::from_bytes(b"articles/caf\xe9-\xff.md"),
        "Latin-1 name\n\nText.\n",
    );
    let loaded = load(&dir);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let article = &loaded.corpus.articles[0];
    assert_eq!(article.id, "caf\u{fffd}-\u{fffd}");
    assert_eq!(article.title, "Latin-1 name");
}

#[test]
fn symlink_loop_is_reported_and_the_rest_loads() {
    let dir = Scratch::new("in-loop");
    dir.write("articles/ok.md", "Fine\n\nText.\n");
    std::os::unix::fs::symlink("loop.md", dir.path.join("articles/loop.md")).expect("symlink");
    std::os::unix::fs::symlink("b.md", dir.path.join("articles/a.md")).expect("symlink");
    std::os::unix::fs::symlink("a.md", dir.path.join("articles/b.md")).expect("symlink");
    std::os::unix::fs::symlink("..", dir.path.join("articles/up.md")).expect("symlink");
    let loaded = load(&dir);
    let shown: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    for name in ["loop.md", "a.md", "b.md"] {
        assert!(
            shown
                .iter()
                .any(|p| p.contains(&format!("articles/{name}:1:1: cannot read"))),
            "{name}: {shown:#?}"
        );
    }
    assert!(
        shown
            .iter()
            .any(|p| p.contains("up.md:1:1: is not a regular file")),
        "{shown:#?}"
    );
    assert_eq!(loaded.corpus.articles.len(), 1);
}

/// A FIFO where a file should be is skipped without being opened: opening
/// one blocks until a writer comes, which none will.
#[test]
fn a_fifo_is_skipped_and_does_not_block_the_load() {
    let dir = Scratch::new("in-fifo");
    dir.write("articles/ok.md", "Fine\n\nText.\n");
    for name in ["articles/pipe.md", "events.toml"] {
        let path = std::ffi::CString::new(dir.path.join(name).as_os_str().as_encoded_bytes())
            .expect("no NUL in a temp path");
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o600) }, 0, "mkfifo");
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let path = dir.path.clone();
    std::thread::spawn(move || {
        let loaded = chronicle::corpus::load(&chronicle::corpus::Location::Dir(path));
        let _ = tx.send(
            loaded
                .problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>(),
        );
    });
    let shown = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("the load blocked on a FIFO");
    for name in ["articles/pipe.md", "events.toml"] {
        assert!(
            shown
                .iter()
                .any(|p| p.contains(&format!("{name}:1:1: is not a regular file"))),
            "{name}: {shown:#?}"
        );
    }
}
