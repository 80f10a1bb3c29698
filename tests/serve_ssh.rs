//! `chronicle serve` end to end: the OpenSSH client (`ssh -tt` in a pty)
//! against the server on a loopback port, screens read through vt100.
//! Each test starts its own server with a fresh key pair.

#[allow(dead_code)]
mod e2e_support;
mod serve_support;

use std::process::Command;
use std::time::Duration;

use e2e_support::{Pty, TIMEOUT};
use serve_support::{coloured, fills_width, looks, selected, Server};

#[test]
fn twenty_concurrent_readers_each_see_their_own_screen() {
    let server = Server::start_with(&["--max-sessions-per-ip", "20"]);
    // Each its own size; every other one asks for no colour.
    let readers: Vec<(Pty, u16, bool)> = (0..20u16)
        .map(|i| {
            let (cols, rows) = (60 + 7 * i, 20 + i);
            let mono = i % 2 == 1;
            let env: &[(&str, &str)] = if mono { &[("NO_COLOR", "1")] } else { &[] };
            (server.reader(cols, rows, env), cols, mono)
        })
        .collect();
    // Reader i moves the selection down i times.
    for (i, (pty, _, _)) in readers.iter().enumerate() {
        pty.send(&"j".repeat(i));
    }
    for (i, (pty, cols, mono)) in readers.iter().enumerate() {
        let moved = pty.wait_screen(TIMEOUT, |s| selected(&s.contents()) == Some(i + 1));
        assert!(moved, "reader {i} is not at {}:\n{}", i + 1, pty.screen());
        assert_eq!(pty.with_screen(|s| s.size().1), *cols);
        assert!(fills_width(pty), "reader {i}:\n{}", pty.screen());
        assert_eq!(coloured(pty), !mono, "reader {i}");
    }
    // Nobody's keys moved anyone else.
    std::thread::sleep(Duration::from_millis(300));
    for (i, (pty, _, _)) in readers.iter().enumerate() {
        assert_eq!(
            selected(&pty.screen()),
            Some(i + 1),
            "reader {i}:\n{}",
            pty.screen()
        );
    }
    let log = server.log.lock().unwrap();
    assert_eq!(log.iter().filter(|l| l.contains(": started, ")).count(), 20);
}

#[test]
fn a_resize_redraws_that_reader_only() {
    let server = Server::start();
    let resized = server.reader(80, 24, &[]);
    let other = server.reader(100, 30, &[]);
    other.settle(Duration::from_millis(300));
    resized.settle(Duration::from_millis(300));
    let before = other.output_len();
    let drawn = resized.output_len();
    resized.resize(120, 36);
    let redrawn = resized.wait_screen(TIMEOUT, |s| {
        let last = s.rows(0, 120).nth(35);
        last.is_some_and(|r| r.contains("quit"))
    });
    assert!(redrawn, "no frame at the new size:\n{}", resized.screen());
    assert!(resized.output_len() > drawn);
    assert!(fills_width(&resized), "{}", resized.screen());
    other.settle(Duration::from_millis(300));
    assert_eq!(other.output_len(), before, "the other reader was redrawn");
}

#[test]
fn quit_leaves_the_screen_and_exits_0() {
    let server = Server::start();
    let mut pty = server.reader(90, 28, &[]);
    pty.send("q");
    let status = pty.wait_exit(TIMEOUT).expect("ssh exited");
    assert!(status.success(), "{status:?}");
    assert!(
        !pty.with_screen(|s| s.alternate_screen()),
        "still on the alternate screen"
    );
    assert!(pty.wrote(b"\x1b[?2004l"), "bracketed paste left on");
    server.wait_log("ended (quit)");
}

#[test]
fn colour_follows_the_readers_no_color_not_the_servers() {
    let server = Server::start();
    let plain = server.reader(100, 30, &[("NO_COLOR", "1")]);
    let colour = server.reader(100, 30, &[]);
    plain.settle(Duration::from_millis(200));
    colour.settle(Duration::from_millis(200));
    assert!(coloured(&colour), "no colour for a colour terminal");
    assert!(!coloured(&plain), "colour despite the reader's NO_COLOR");
}

#[test]
fn a_paste_is_text_not_keys() {
    let server = Server::start();
    let mut pty = server.reader(100, 30, &[]);
    pty.send("/");
    assert!(pty.wait_for("46 matches", TIMEOUT), "{}", pty.screen());
    // A pasted `q` types a q into the filter instead of quitting.
    pty.send("\x1b[200~qj\x1b[201~");
    assert!(pty.wait_for("qj▏  no matches", TIMEOUT), "{}", pty.screen());
    assert!(
        pty.wait_exit(Duration::from_millis(300)).is_none(),
        "the paste quit"
    );
}

#[test]
fn without_a_pty_a_reader_gets_the_event_listing() {
    let server = Server::start();
    let out = server.run("id", &["-T"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listing = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .arg("events")
        .output()
        .expect("chronicle events");
    assert!(!listing.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&listing.stdout)
    );
}

#[test]
fn exec_forwarding_and_unknown_keys_are_refused() {
    let server = Server::start();
    let exec = server.run("id", &["-T", "-o", "RemoteCommand=cat /etc/passwd"]);
    assert!(!exec.status.success());
    assert!(
        exec.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&exec.stdout)
    );
    let err = String::from_utf8_lossy(&exec.stderr);
    assert!(err.contains("exec request failed"), "{err}");
    server.wait_log("refused exec");

    let forward = server.run("id", &["-W", "127.0.0.1:9"]);
    assert!(!forward.status.success());
    server.wait_log("refused port forwarding");

    let stranger = server.run("stranger", &["-T"]);
    assert!(!stranger.status.success());
    assert!(stranger.stdout.is_empty());
    let err = String::from_utf8_lossy(&stranger.stderr);
    assert!(err.contains("Permission denied (publickey)"), "{err}");
    server.wait_log("offered an unknown key");
}

#[test]
fn sigterm_says_goodbye_to_every_reader_and_exits_0() {
    let mut server = Server::start();
    let mut readers = [server.reader(80, 24, &[]), server.reader(100, 30, &[])];
    let killed = Command::new("kill")
        .args(["-TERM", &server.pid()])
        .status()
        .expect("kill");
    assert!(killed.success());
    for pty in &mut readers {
        let status = pty.wait_exit(TIMEOUT).expect("ssh exited");
        assert!(status.success(), "{status:?}");
        assert!(
            pty.screen().contains("the server is stopping; goodbye"),
            "{}",
            pty.screen()
        );
        assert!(!pty.with_screen(|s| s.alternate_screen()));
    }
    let status = server.child.wait().expect("the server exited");
    assert!(status.success(), "{status:?}");
    server.wait_log("saying goodbye to 2 readers");
    assert_eq!(
        server
            .log
            .lock()
            .unwrap()
            .iter()
            .filter(|l| l.contains("ended (server stopped)"))
            .count(),
        2
    );
}

#[test]
fn a_slow_reader_costs_no_memory_and_is_redrawn_whole_when_it_reads_again() {
    let mut server = Server::start();
    let (cols, rows) = (250, 24);
    let mut slow = server.slow_reader(cols, rows);
    let other = server.reader(cols, rows, &[]);
    // From one view to another and back: frames of the whole screen.
    let jump = |slow: &mut serve_support::slow::SlowReader, times: usize| {
        for _ in 0..times {
            for key in ["2", "3"] {
                slow.send(key);
                std::thread::sleep(Duration::from_millis(25));
            }
        }
    };
    slow.hold();
    let mut jumps = 0;
    while server.logged("not reading; frames dropped") == 0 {
        assert!(
            jumps < 1000,
            "the slow reader's link never filled:\n{}",
            server.log.lock().unwrap().join("\n")
        );
        jump(&mut slow, 10);
        jumps += 10;
    }
    // Some 7 kB of frames a jump: 1.4 MB the server may not keep.
    let before = server.rss_kb();
    jump(&mut slow, 200);
    // The other reader is served meanwhile.
    other.send("j");
    assert!(other.wait_for(" 2/46", TIMEOUT), "{}", other.screen());
    let after = server.rss_kb();
    assert!(
        after < before + 512,
        "the server grew from {before} to {after} kB"
    );
    // The same state for both, then the slow reader reads again.
    slow.send("1g");
    other.send("1g");
    std::thread::sleep(Duration::from_millis(50));
    slow.send("jjj");
    other.send("jjj");
    slow.release();
    server.wait_log("reading again; redrawn whole");
    let start = std::time::Instant::now();
    loop {
        let (mine, theirs) = (slow.with_screen(looks), other.with_screen(looks));
        let Some(at) = mine.iter().zip(&theirs).position(|(a, b)| a != b) else {
            break;
        };
        assert!(
            start.elapsed() < TIMEOUT,
            "row {}, column {}: {:?}, not {:?}, on\n{}",
            at / usize::from(cols),
            at % usize::from(cols),
            mine[at],
            theirs[at],
            slow.screen()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(selected(&slow.screen()), Some(4), "{}", slow.screen());
    // Stopped while it is not reading: the server says goodbye to it too,
    // and exits.
    slow.hold();
    while server.logged("not reading; frames dropped") < 2 {
        jump(&mut slow, 10);
    }
    let killed = Command::new("kill")
        .args(["-TERM", &server.pid()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let status = server.wait_exit().expect("the server exited");
    assert!(status.success(), "{status:?}");
    assert_eq!(server.logged("ended (server stopped)"), 2);
}

#[test]
fn each_reader_gets_the_servers_config_and_the_theme_they_ask_for() {
    let dir = e2e_support::TempDir::new("serve-config");
    dir.write(
        "serve.toml",
        "theme = \"mono\"\n[keys.normal]\nquit = [\"x\"]\n",
    );
    let config = dir.path().join("serve.toml");
    let server = Server::start_with(&["--config", config.to_str().expect("a UTF-8 path")]);
    let plain = server.reader(100, 30, &[]);
    let colour = server.reader(100, 30, &[("CHRONICLE_THEME", "default")]);
    let unknown = server.reader(100, 30, &[("CHRONICLE_THEME", "nope")]);
    for pty in [&plain, &colour, &unknown] {
        pty.settle(Duration::from_millis(200));
    }
    assert!(
        !coloured(&plain),
        "the server's mono theme:\n{}",
        plain.screen()
    );
    assert!(
        coloured(&colour),
        "the theme asked for:\n{}",
        colour.screen()
    );
    assert!(
        !coloured(&unknown),
        "the server's theme for an unknown name"
    );
    server.wait_log("no theme is named nope; the server's");
    // The config's keys: x quits.
    let mut plain = plain;
    plain.send("x");
    assert!(plain.wait_exit(TIMEOUT).is_some_and(|s| s.success()));
    server.wait_log("ended (quit)");
}

#[test]
fn a_bad_config_stops_the_server_before_it_listens() {
    let dir = e2e_support::TempDir::new("serve-bad-config");
    dir.write("serve.toml", "follow_delay_ms = 100\ntheme = \"nope\"\n");
    let out = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--allow-any-key",
            "--host-key",
        ])
        .arg(dir.path().join("host_key"))
        .arg("--config")
        .arg(dir.path().join("serve.toml"))
        .output()
        .expect("run chronicle serve");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("serve.toml:2:"), "{err}");
    assert!(!err.contains("listening"), "{err}");
}

#[test]
fn an_idle_reader_is_told_and_closed() {
    let server = Server::start_with(&["--idle-timeout", "1s"]);
    let mut pty = server.reader(80, 24, &[]);
    let status = pty.wait_exit(TIMEOUT).expect("closed when idle");
    assert!(status.success(), "{status:?}");
    assert!(
        pty.screen().contains("closed after 1 s without input"),
        "{}",
        pty.screen()
    );
    server.wait_log("ended (idle timeout)");
}

#[test]
fn connections_past_max_sessions_are_refused() {
    let server = Server::start_with(&["--max-sessions", "1"]);
    let first = server.reader(80, 24, &[]);
    let second = server.run("id", &["-T"]);
    assert!(!second.status.success());
    assert!(second.stdout.is_empty());
    server.wait_log("refused, 1 session already");
    // The first reader goes on.
    first.send("j");
    assert!(first.wait_for(" 2/46", TIMEOUT), "{}", first.screen());
}

#[test]
fn one_address_is_held_to_its_sessions_and_its_rate() {
    let server = Server::start_with(&[
        "--max-sessions-per-ip",
        "1",
        "--max-connections-per-minute",
        "2",
    ]);
    let mut first = server.reader(80, 24, &[]);
    let second = server.run("id", &["-T"]);
    assert!(!second.status.success());
    assert!(second.stdout.is_empty());
    server.wait_log("connection 2 from 127.0.0.1:");
    server.wait_log("refused, 1 session from that address already");
    first.send("q");
    assert!(first.wait_exit(TIMEOUT).is_some_and(|s| s.success()));
    server.wait_log("ended (quit)");
    // The server counts it closed once it has seen the link go too.
    std::thread::sleep(Duration::from_millis(300));
    // Its session is over: another may start, the second this minute.
    let third = server.run("id", &["-T"]);
    assert!(
        third.status.success(),
        "{}",
        String::from_utf8_lossy(&third.stderr)
    );
    let fourth = server.run("id", &["-T"]);
    assert!(!fourth.status.success());
    server.wait_log("refused, 2 connections from that address in the last minute");
}

#[test]
fn a_client_killed_mid_session_ends_that_session_only() {
    let server = Server::start();
    let victim = server.reader(80, 24, &[]);
    let other = server.reader(100, 30, &[]);
    // Killed while quiet: the server learns of it from the link alone,
    // not from a failed write.
    victim.send("j");
    assert!(victim.wait_for(" 2/46", TIMEOUT), "{}", victim.screen());
    victim.settle(Duration::from_millis(200));
    let killed = Command::new("kill")
        .args(["-KILL", &victim.pid().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let ended = server.wait_log("ended (hung up)");
    assert!(ended.contains("session 1 "), "{ended}");
    // Only log lines: nothing tried to write to the dead channel and
    // printed its failure.
    let log = server.log.lock().unwrap().clone();
    assert!(
        log.iter().all(|l| l.contains(" chronicle serve: ")),
        "{log:#?}"
    );
    other.send("j");
    assert!(other.wait_for(" 2/46", TIMEOUT), "{}", other.screen());
    let third = server.reader(90, 25, &[]);
    third.send("jj");
    assert!(third.wait_for(" 3/46", TIMEOUT), "{}", third.screen());
}

#[test]
fn an_export_writes_nothing_on_the_server_without_export_dir() {
    let server = Server::start();
    let pty = server.reader(120, 30, &[]);
    pty.send("e");
    pty.send("m");
    assert!(
        pty.wait_for("it keeps no exports", TIMEOUT),
        "{}",
        pty.screen()
    );
    // Nothing in the server's working directory (where `.` would put it).
    let written: Vec<_> = std::fs::read_dir(server.dir.path())
        .expect("the server's directory")
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("chronicle-export")
        })
        .collect();
    assert!(written.is_empty(), "{written:?}");
}

#[test]
fn y_puts_the_selected_event_on_the_readers_clipboard() {
    let server = Server::start();
    let pty = server.reader(120, 30, &[]);
    pty.send("jy");
    assert!(
        pty.wait_for("copied the event and its source", TIMEOUT),
        "{}",
        pty.screen()
    );
    let output = pty.output();
    let start = e2e_support::find(&output, b"\x1b]52;c;").expect("an OSC 52 sequence") + 7;
    let end = start + e2e_support::find(&output[start..], b"\x07").expect("its end");
    let text = String::from_utf8(unbase64(&output[start..end])).expect("UTF-8");
    // The second event's title, as `chronicle events` lists it too.
    let title = text
        .lines()
        .next()
        .and_then(|l| l.split_once(' '))
        .map(|(_, t)| t);
    let title = title.expect("a date and a title");
    let listing = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .arg("events")
        .output()
        .expect("chronicle events");
    assert!(
        String::from_utf8_lossy(&listing.stdout).contains(title),
        "{text}"
    );
    assert!(text.contains("— "), "no source in {text}");
}

/// Base64 back to bytes (the test's own, to check the server's).
fn unbase64(coded: &[u8]) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let digits: Vec<u8> = coded
        .iter()
        .filter(|&&c| c != b'=')
        .map(|&c| value(c))
        .collect();
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for d in digits {
        bits = bits << 6 | u32::from(d);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    out
}
