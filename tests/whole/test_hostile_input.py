"""Hostile and careless input: every input is read in isolation (one poison
input never stops the batch), nothing grows without bound, readers never
write nor wait, and what reaches a terminal or a Markdown renderer is inert.

Every input here is generated in the test; the texts are invented.
"""

from __future__ import annotations

import io
import json
import random
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsprism import Prism, Settings
from newsprism import clean as clean_module
from newsprism.clean import _near_repeat, _RepeatIndex, _shingles
from newsprism.records import RawDocument
from newsprism.render.markdown import _md, _statement

KB = 1024
MB = 1024 * 1024


def good_text(i: int) -> str:
    """An invented article, different for every i."""
    return (
        f"Marrowby ferry number {i} returns to service\n\n"
        f"The harbour office of Marrowby said on Tuesday that ferry number {i} would sail again from "
        f"pier {i % 7 + 1} next week, after a repair to its rudder that took {i % 5 + 2} weeks. The "
        f"harbour master Ida Brenn said the crossing would run {i % 4 + 3} times a day until spring.\n"
    )


def good_object(i: int) -> dict[str, object]:
    return {"title": f"Brackenholm lantern walk number {i}",
            "text": f"Organisers in Brackenholm said on Friday that lantern walk number {i} would start at "
                    f"the riverside park at {i % 12 + 1} o'clock, because the market square is closed for "
                    "repairs until the end of October, and asked walkers to bring their own lanterns."}


def stored(db: str) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        conn.close()


def deep_json(levels: int = 100_000) -> str:
    return "[" * levels + "]" * levels


# ---------------------------------------------------------------- the poison corpus


def poison_corpus(root: Path) -> tuple[int, list[tuple[str, str]]]:
    """A folder mixing good files with one of every kind of poison input.
    Returns (good articles, [(path as printed, reason)] of the bad inputs)."""
    root.mkdir()
    good = 0
    bad: list[tuple[str, str]] = []
    for i in range(5):
        (root / f"good{i}.txt").write_text(good_text(i), encoding="utf-8")
        good += 1
    # a JSON Lines file: 20 good lines around one line nested 100,000 deep
    lines = [json.dumps(good_object(i)) for i in range(20)]
    lines.insert(7, deep_json())
    (root / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    good += 20
    bad.append((f"{root / 'mixed.jsonl'}:8",
                "JSON nested too deeply to read (arrays or objects inside one another)"))
    cases = {
        "deep.json": (deep_json(), "JSON nested too deeply to read (arrays or objects inside one another)"),
        "surrogate.json": ('{"title": "a \\ud800", "text": "' + "words " * 40 + '"}',
                           "field 'title' holds a lone surrogate (an escape such as \\ud800 that is half of a "
                           "character)"),
        "bigint.json": ('{"title": "Numbers", "count": ' + "9" * 5000 + "}",
                        "JSON holds a number with too many digits to read"),
        "authors.json": (json.dumps({**good_object(90), "authors": 5}),
                         "field 'authors' must be a string or a list of strings, not a number"),
        "captions.json": (json.dumps({**good_object(91), "captions": 5}),
                          "field 'captions' must be a string or a list of strings, not a number"),
    }
    for name, (text, reason) in cases.items():
        (root / name).write_text(text, encoding="utf-8")
        bad.append((str(root / name), reason))
    nul = good_text(92).encode() + b"x" * (9 * KB) + b"\x00tail\n"
    (root / "late-nul.txt").write_bytes(nul)
    bad.append((str(root / "late-nul.txt"), "not text: holds NUL bytes (a binary file)"))
    mixed = "Caf\u00e9 news\n\nThe caf\u00e9 opened.\n".encode() + b"\x81\x8d\x90 broken line\n"
    (root / "mixed-enc.txt").write_bytes(mixed)
    bad.append((str(root / "mixed-enc.txt"),
                "mixed encodings: UTF-8, but line 4 neither UTF-8 nor cp1252; convert the file to UTF-8"))
    # a file name that is not UTF-8, holding a good article: stored, named with \xff
    (root.joinpath(b"bad\xff.txt".decode("utf-8", "surrogateescape"))).write_text(good_text(93), "utf-8")
    good += 1
    # a file name that is not UTF-8 holding a bad article: named once, on one line
    (root.joinpath(b"worse\xfe.json".decode("utf-8", "surrogateescape"))).write_text("[" * 100_000, "utf-8")
    bad.append((f"{root}/worse\\xfe.json", "JSON nested too deeply to read (arrays or objects inside one another)"))
    return good, bad


def test_ingest_poison_corpus_stores_every_good_file_and_names_each_bad_one_once(  # type: ignore[no-untyped-def]
        cli, tmp_path: Path, db: str) -> None:
    good, bad = poison_corpus(tmp_path / "corpus")
    r = cli("ingest", str(tmp_path / "corpus"), "--db", db, "--quiet")
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    assert sorted(lines) == sorted(f"failed: {path}: {reason}" for path, reason in bad)
    assert stored(db) == good
    assert r.stdout == f"ingested {good} new, 0 revised, 0 already present, {len(bad)} failed (store: {db})\n"
    # a rerun stops nowhere either: everything is present, the same inputs fail
    again = cli("ingest", str(tmp_path / "corpus"), "--db", db, "--quiet")
    assert again.exit_code == 1 and sorted(again.stderr.splitlines()) == sorted(lines)
    assert stored(db) == good


def test_ingest_an_item_that_breaks_the_cleaner_is_one_problem(  # type: ignore[no-untyped-def]
        tmp_path: Path, monkeypatch) -> None:
    real = clean_module.clean

    def breaks_on_seven(doc, settings):  # type: ignore[no-untyped-def]
        if "number 7 " in doc.text:
            raise RecursionError("maximum recursion depth exceeded")
        if "number 8 " in doc.text:
            raise KeyError("boom")
        return real(doc, settings)

    monkeypatch.setattr(clean_module, "clean", breaks_on_seven)
    path = tmp_path / "items.jsonl"
    path.write_text("".join(json.dumps(good_object(i)) + "\n" for i in range(10)), encoding="utf-8")
    with Prism(tmp_path / "s.db") as prism:
        result = prism.ingest([str(path)])
    assert len(result.added) == 8
    assert [str(p) for p in result.problems] == [
        f"{path}:8: could not be cleaned: nested too deeply",
        f"{path}:9: could not be cleaned (KeyError: 'boom'); skipped, the rest goes on",
    ]


# ---------------------------------------------------------------- standard input


def test_ingest_closed_stdin_is_a_problem_and_the_rest_goes_on(  # type: ignore[no-untyped-def]
        tmp_path: Path, monkeypatch) -> None:
    good = tmp_path / "good.txt"
    good.write_text(good_text(1), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", None)
    with Prism(tmp_path / "s.db") as prism:
        result = prism.ingest(["-", str(good)])
    assert [str(p) for p in result.problems] == ["<stdin>: standard input is closed"]
    assert len(result.added) == 1


def test_cli_ingest_with_stdin_closed_by_the_shell(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(good_text(2), encoding="utf-8")
    db = tmp_path / "s.db"
    r = subprocess.run(f'"{sys.executable}" -m newsprism ingest - "{good}" --db "{db}" --quiet <&-',
                       shell=True, capture_output=True, text=True, timeout=120)
    assert (r.returncode, r.stderr) == (1, "failed: <stdin>: standard input is closed\n")
    assert stored(str(db)) == 1


class Endless(io.RawIOBase):
    """A stream that never ends (like /dev/zero); counts what was read."""

    def __init__(self, byte: bytes) -> None:
        self.byte = byte
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def,override]
        n = len(buffer)
        buffer[:n] = self.byte * n
        self.read_bytes += n
        return n


def test_ingest_stdin_is_read_up_to_the_limit_only(tmp_path: Path) -> None:
    stream = Endless(b"a")
    settings = Settings(max_file_bytes=1 * MB)
    with Prism(tmp_path / "s.db", settings) as prism:
        result = prism.ingest(["-"], stdin=io.BufferedReader(stream))  # type: ignore[arg-type]
    assert [str(p) for p in result.problems] == [
        "<stdin>: more than 1 MB, over the limit for one document (only JSON Lines are streamed); "
        "raise it with --max-file-size"]
    assert stream.read_bytes <= 1 * MB + 64 * KB


def test_ingest_jsonl_on_stdin_over_the_limit_is_streamed(tmp_path: Path) -> None:
    data = "".join(json.dumps(good_object(i)) + "\n" for i in range(4000)).encode()
    assert len(data) > 1 * MB
    with Prism(tmp_path / "s.db", Settings(max_file_bytes=1 * MB)) as prism:
        result = prism.ingest(["-"], stdin=io.BytesIO(data))
    assert (len(result.added), result.problems) == (4000, ())


def test_ingest_jsonl_line_over_the_limit_is_skipped_unread(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import newsprism.inputs

    monkeypatch.setattr(newsprism.inputs, "JSONL_CHUNK_BYTES", 64 * KB)
    lines = [json.dumps(good_object(i)) for i in range(400)]
    lines[250] = json.dumps({**good_object(250), "text": "word " * (60 * KB)})  # 300 KB
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Prism(tmp_path / "s.db", Settings(max_file_bytes=200 * KB)) as prism:
        result = prism.ingest([str(path)])
    assert [str(p) for p in result.problems] == [
        f"{path}:251: line longer than the 0.195312 MB limit for one document; skipped"]
    assert len(result.added) == 399


# ---------------------------------------------------------------- encodings and NUL


def test_ingest_mixed_encodings_are_decoded_per_line_and_said(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    text = "Harbour caf\u00e9 reopens\n\nThe caf\u00e9 on the quay of Marrowby reopened on Monday after repairs.\n"
    path.write_bytes(text.encode() + "Le caf\u00e9 est ouvert.\n".encode("latin-1"))
    with Prism(tmp_path / "s.db") as prism:
        result = prism.ingest([str(path)])
        article = prism.article(result.added[0])
    assert article.encoding == "utf-8; cp1252 on line 4"
    assert article.paragraphs[-1].endswith("Le caf\u00e9 est ouvert.")


def test_ingest_a_legacy_file_throughout_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(("Caf\u00e9 du port\n\n" + "Le caf\u00e9 du port a rouvert lundi apr\u00e8s des travaux. " * 4)
                     .encode("cp1252"))
    with Prism(tmp_path / "s.db") as prism:
        result = prism.ingest([str(path)])
        assert result.problems == ()
        assert "caf\u00e9" in prism.article(result.added[0]).text


def test_ingest_legacy_text_with_a_chance_utf8_pair_is_not_read_per_line(tmp_path: Path) -> None:
    lines = ["\u041f\u0430\u0440\u043e\u043c \u0432\u0435\u0440\u043d\u0443\u043b\u0441\u044f "
             "\u0432 \u0433\u0430\u0432\u0430\u043d\u044c \u0432\u043e "
             "\u0432\u0442\u043e\u0440\u043d\u0438\u043a \u0443\u0442\u0440\u043e\u043c."] * 6
    data = "\n\n".join(f"{line} {i}" for i, line in enumerate(lines)).encode("cp1251")
    data += b"\n\n\xd0\xa2\n"  # cp1251 for two letters, and valid UTF-8 by chance
    path = tmp_path / "ru.txt"
    path.write_bytes(data)
    with Prism(tmp_path / "s.db") as prism:
        result = prism.ingest([str(path)])
        article = prism.article(result.added[0])
    assert not article.encoding.startswith("utf-8")
    assert "\u041f\u0430\u0440\u043e\u043c" in article.text


# ---------------------------------------------------------------- settings


@pytest.mark.parametrize(("line", "message"), [
    ('batch_size = "abc"', "batch_size must be a whole number, not 'abc' (a string)"),
    ("outlets = 5", 'outlets must be a table of strings (name = "value"), not 5 (a number)'),
    ('languages = "en"', "languages must be a list of strings, such as [\"en\"], not 'en' (a string)"),
    ("repeat_similarity = true", "repeat_similarity must be a number, not True (a boolean)"),
    ("embeddings = 1", "embeddings must be true or false, not 1 (a number)"),
], ids=["int", "table", "list", "float", "bool"])
def test_cli_settings_of_the_wrong_type_exit_2(cli, tmp_path: Path, line: str, message: str) -> None:  # type: ignore[no-untyped-def]
    toml = tmp_path / "s.toml"
    toml.write_text(line + "\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(good_text(3), encoding="utf-8")
    r = cli("ingest", str(good), "--db", str(tmp_path / "s.db"), "--settings", str(toml))
    assert (r.exit_code, r.stderr) == (2, f"error: {toml}: {message}\n")
    assert not (tmp_path / "s.db").exists()


# ---------------------------------------------------------------- the store


READERS = [("articles",), ("stories",), ("copies",), ("report",), ("entities",), ("show", "x"),
           ("story", "x"), ("dossier", "x")]


@pytest.mark.parametrize("command", READERS, ids=[c[0] for c in READERS])
def test_cli_reading_command_on_a_missing_store_exits_2_and_creates_nothing(  # type: ignore[no-untyped-def]
        cli, tmp_path: Path, monkeypatch, command: tuple[str, ...]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSPRISM_DB", raising=False)
    r = cli(*command)
    assert (r.exit_code, r.stderr) == (
        2, "error: newsprism.db: no such store; create one with `newsprism ingest` (or give another --db)\n")
    assert list(tmp_path.iterdir()) == []


def _ingested(cli, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "s.db")
    files = []
    for i in range(3):
        files.append(tmp_path / f"g{i}.txt")
        files[-1].write_text(good_text(i), encoding="utf-8")
    assert cli("ingest", *map(str, files), "--db", db, "--quiet").exit_code == 0
    return db


def _snapshot(db: str) -> dict[str, bytes]:
    """The store's bytes and its write-ahead log's (SQLite may leave an empty
    log and its index next to the store after a read: no data)."""
    files = {p.name: p.read_bytes() for p in sorted(Path(db).parent.glob(Path(db).name + "*"))
             if not p.name.endswith("-shm")}
    return {name: data for name, data in files.items() if data or not name.endswith("-wal")}


def test_cli_reading_commands_never_write(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = _ingested(cli, tmp_path)
    before = _snapshot(db)
    assert cli("stories", "--db", db).exit_code == 0
    sid = json.loads(cli("stories", "--db", db, "--json").stdout.splitlines()[0])["id"]
    for command in (("articles",), ("copies",), ("report",), ("entities",), ("story", sid)):
        r = cli(*command, "--db", db)
        assert r.exit_code == 0, (command, r.stderr)
    r = cli("dossier", sid, "--db", db)
    assert r.exit_code == 2
    assert r.stderr.endswith(f"articles of story {sid} have not been analysed; run `newsprism analyse` "
                             "(or `newsprism run`) first\n")
    assert _snapshot(db) == before


def test_cli_reading_a_store_in_a_read_only_folder(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = _ingested(cli, tmp_path)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for p in tmp_path.glob("s.db-*"):
        p.unlink()
    Path(db).chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        r = cli("articles", "--db", db)
        assert r.exit_code == 0, r.stderr
        assert len(r.stdout.splitlines()) == 3
    finally:
        tmp_path.chmod(0o755)


def test_cli_a_foreign_sqlite_file_is_refused_untouched(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE birds (name TEXT)")
    conn.execute("INSERT INTO birds VALUES ('wren')")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    good = tmp_path / "good.txt"
    good.write_text(good_text(4), encoding="utf-8")
    message = (f"error: {other}: an SQLite database but not a newsprism store (no newsprism tables); "
               "left untouched; give another --db\n")
    for command in (("articles",), ("ingest", str(good))):
        r = cli(*command, "--db", str(other))
        assert (r.exit_code, r.stderr) == (2, message)
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.txt", "other.db"]


def test_cli_a_corrupt_store_is_a_clear_error(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = _ingested(cli, tmp_path)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(Path(db).read_bytes())
    rng = random.Random(5)
    for page in range(2, len(data) // 4096):
        start = page * 4096 + 8
        data[start:start + 512] = rng.randbytes(512)
    Path(db).write_bytes(bytes(data))
    for command in ("stories", "articles", "copies"):
        r = cli(command, "--db", db)
        assert r.exit_code == 2, (command, r.stdout)
        assert r.stderr.startswith(f"error: {db}: ") and r.stderr.count("\n") == 1, r.stderr


def test_cli_reader_does_not_wait_for_a_writer(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = _ingested(cli, tmp_path)
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM removals")
    try:
        r = cli("articles", "--db", db)
        assert r.exit_code == 0, r.stderr
        assert len(r.stdout.splitlines()) == 3
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_ingest_holds_no_write_lock_while_cleaning(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "s.db"
    Prism(db).close()
    real = clean_module.clean
    free: list[bool] = []

    def clean_and_probe(doc, settings):  # type: ignore[no-untyped-def]
        other = sqlite3.connect(db, isolation_level=None, timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            free.append(True)
        except sqlite3.OperationalError:
            free.append(False)
        finally:
            other.close()
        return real(doc, settings)

    monkeypatch.setattr(clean_module, "clean", clean_and_probe)
    paths = []
    for i in range(5):
        paths.append(tmp_path / f"g{i}.txt")
        paths[-1].write_text(good_text(i), encoding="utf-8")
    with Prism(db, Settings(batch_size=2)) as prism:
        assert len(prism.ingest([str(p) for p in paths]).added) == 5
    assert free == [True] * 5


# ---------------------------------------------------------------- output


def test_cli_terminal_output_strips_control_characters(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "s.db")
    evil = tmp_path / "evil.txt"
    evil.write_text("Ferry \x1b[2J\x1b]0;pwned\x07 news\n\n" + good_text(5).split("\n\n", 1)[1], encoding="utf-8")
    bad = tmp_path / "two\nlines\x1b[31m.json"
    bad.write_text("[" * 100_000, encoding="utf-8")
    r = cli("ingest", str(evil), str(bad), "--db", db, "--quiet")
    assert r.exit_code == 1
    assert r.stderr == (f"failed: {tmp_path}/two\\nlines\\x1b[31m.json: JSON nested too deeply to read "
                        "(arrays or objects inside one another)\n")
    listing = cli("articles", "--db", db).stdout
    assert "\x1b" not in listing and "\x07" not in listing and "Ferry \\x1b[2J\\x1b]0;pwned\\x07 news" in listing
    aid = listing.split()[0]
    shown = cli("show", aid, "--db", db).stdout
    assert "\x1b" not in shown and "\\x1b[2J" in shown


def test_render_markdown_escapes_html_and_links() -> None:
    assert _md('<script>alert(1)</script> <img src=x onerror="alert(2)">') == (
        '&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror="alert(2)"&gt;')
    assert _md("[click](javascript:alert(3)) <javascript:alert(4)>") == (
        "\\[click\\](javascript:alert(3)) &lt;javascript:alert(4)&gt;")
    assert _md("AT&T | 5 > 4") == "AT&amp;T \\| 5 &gt; 4"
    from newsprism.dossier import Citation, Statement

    s = Statement(text="<b>x</b> [y](javascript:z)", status="corroborated", sources=1, group_id="g1",
                  citations=(Citation(article_id="a1", outlet="<i>Out</i>", field="body", start=0, end=3),))
    line = _statement(s)
    assert "<" not in line and "](" not in line.replace("\\](", "")


# ---------------------------------------------------------------- repeated paragraphs


def _brute_force(mine, kept, threshold):  # type: ignore[no-untyped-def]
    """The check as it was before the index: every kept paragraph in turn."""
    for theirs, index in kept:
        small, large = sorted((len(mine), len(theirs)))
        if not large or small / large < threshold:
            continue
        if len(mine & theirs) / len(mine | theirs) >= threshold:
            return index
    return None


@pytest.mark.parametrize("threshold", [0.5, 0.8, 0.9, 1.0])
def test_clean_near_repeat_index_gives_the_brute_force_answer(threshold: float) -> None:
    rng = random.Random(int(threshold * 100))
    vocab = [f"w{i}" for i in range(300)]
    paragraphs: list[str] = []
    for _ in range(400):
        if paragraphs and rng.random() < 0.3:  # a near copy of an earlier paragraph
            words = rng.choice(paragraphs).split()
            for _ in range(rng.randrange(0, 3)):
                words[rng.randrange(len(words))] = rng.choice(vocab)
            if rng.random() < 0.5:
                words.append(rng.choice(vocab))
        else:
            words = [rng.choice(vocab[:40] if rng.random() < 0.5 else vocab) for _ in range(rng.randrange(8, 40))]
        paragraphs.append(" ".join(words))
    blocks = [clean_module._make_block(p, 0, len(p), []) for p in paragraphs]
    index = _RepeatIndex(threshold, blocks)
    kept: list[tuple[frozenset[int], int]] = []
    hits = 0
    for n, p in enumerate(paragraphs):
        mine = _shingles(p)
        expected = _brute_force(mine, kept, threshold)
        assert _near_repeat(mine, index) == expected, n
        if expected is None:
            kept.append((mine, n))
            index.add(mine, n)
        else:
            hits += 1
    assert hits > 20


def test_clean_repeated_paragraphs_are_found_in_a_long_text() -> None:
    rng = random.Random(9)
    vocab = [f"word{i}" for i in range(5000)]
    paragraphs = [" ".join(rng.choice(vocab) for _ in range(30)) for _ in range(3000)]
    text = "Title line\n\n" + "\n\n".join([*paragraphs, paragraphs[10] + " extra", paragraphs[2000]])
    doc = RawDocument(source="long.txt", format="text", encoding="utf-8", text=text)
    article = clean_module.clean(doc, Settings())
    repeats = [r.detail for r in article.removals if r.reason == "repeated-paragraph"]
    assert repeats == ["repeats paragraph 11", "repeats paragraph 2001"]


# ---------------------------------------------------------------- markup bounds and removal runs


def test_ingest_markup_over_the_element_or_depth_limit_is_refused_and_the_batch_goes_on(
        tmp_path: Path) -> None:
    many = tmp_path / "many.html"
    many.write_text("<html><body>" + "<p>a</p>" * 2001 + "</body></html>", encoding="utf-8")
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 300 + "<p>Text.</p>" + "</div>" * 300 + "</body></html>",
                    encoding="utf-8")
    feed = tmp_path / "deep.xml"
    feed.write_text("<rss><channel><item><title>t</title><description>" + "<b>" * 300 + "x"
                    + "</b>" * 300 + "</description></item></channel></rss>", encoding="utf-8")
    fine = tmp_path / "fine.html"
    body = "".join(f"<p>{p}</p>" for p in good_text(3).split("\n\n")[1:])
    fine.write_text(f"<html><body><h1>Marrowby ferry returns</h1>{body}</body></html>", encoding="utf-8")
    with Prism(tmp_path / "s.db", Settings(max_markup_elements=2000)) as prism:
        result = prism.ingest([str(p) for p in (deep, feed, fine, many)])
    assert [str(p) for p in result.problems] == [
        f"{deep}: HTML page nests elements more than 255 deep (max_markup_depth); refused",
        f"{feed}: feed nests elements more than 255 deep (max_markup_depth); refused",
        f"{many}: HTML page holds more than 2,000 elements (max_markup_elements), more than any news "
        "page; refused"]
    assert stored(str(tmp_path / "s.db")) == 1
    # at the limit, a page is read
    many.write_text("<html><body>" + "<p>Ferry news.</p>" * 1997 + "</body></html>", encoding="utf-8")
    with Prism(tmp_path / "s.db", Settings(max_markup_elements=2000)) as prism:
        assert not prism.ingest([str(many)]).problems


def test_clean_consecutive_removals_of_one_reason_are_one_run() -> None:
    lines = ["Kicker"] * 5000
    text = "Ferry returns\n\n" + "\n\n".join(lines) + "\n\n" + good_text(1).split("\n\n", 1)[1]
    doc = RawDocument(source="runs.txt", format="text", encoding="utf-8", text=text)
    article = clean_module.clean(doc, Settings())
    kickers = [r for r in article.removals if r.reason == "kicker"]
    assert len(kickers) == 1
    (run,) = kickers
    assert run.detail == "a run of 5000 removals"
    assert run.text == text[run.start:run.end] == "\n\n".join(lines)
    assert article.paragraphs and article.paragraphs[0].startswith("The harbour office")
    # a short run stays one removal each, as before
    short = RawDocument(source="r.txt", format="text", encoding="utf-8",
                        text="Ferry returns\n\nEsk flood\n\nBreaking\n\n" + good_text(1).split("\n\n", 1)[1])
    assert [r.text for r in clean_module.clean(short, Settings()).removals if r.reason == "kicker"] == [
        "Esk flood", "Breaking"]


def test_analyse_writes_the_entity_resolution_in_bounded_transactions(  # type: ignore[no-untyped-def]
        tmp_path: Path, monkeypatch) -> None:
    paths = []
    for i in range(7):
        paths.append(tmp_path / f"g{i}.txt")
        paths[-1].write_text(good_text(i), encoding="utf-8")
    with Prism(tmp_path / "s.db", Settings(spacy_model="blank:en", analyse_batch_size=3)) as prism:
        prism.ingest([str(p) for p in paths])
        store = prism.store
        real_atomic, real_add = store.atomic, store.add_analysis
        written: list[int] = []  # analyses written per outermost transaction
        depth = [0]

        @contextmanager
        def atomic():  # type: ignore[no-untyped-def]
            if depth[0] == 0:
                written.append(0)
            depth[0] += 1
            try:
                with real_atomic():
                    yield
            finally:
                depth[0] -= 1

        def add_analysis(result, now):  # type: ignore[no-untyped-def]
            assert depth[0] > 0
            written[-1] += 1
            real_add(result, now)

        monkeypatch.setattr(store, "atomic", atomic)
        monkeypatch.setattr(store, "add_analysis", add_analysis)
        prism.analyse()
    # (stories first: the articles are undated) 7 analyses in 3 + 3 + 1, then the
    # entities alone: the blank model finds no entity, so resolution changes no
    # analysis and writes none again (the changed ones go in batches the same way)
    assert written[-4:] == [3, 3, 1, 0] and max(written) <= 3


def test_cli_json_output_escapes_del_and_c1_controls(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "s.db")
    evil = tmp_path / "evil.txt"
    evil.write_text("Ferry \x9b2J\x90 news\x7f café\n\n" + good_text(5).split("\n\n", 1)[1], encoding="utf-8")
    assert cli("ingest", str(evil), "--db", db, "--quiet").exit_code == 0
    listing = cli("articles", "--db", db, "--json").stdout
    aid = json.loads(listing)["id"]
    shown = cli("show", aid, "--db", db, "--json").stdout
    for out in (listing, shown):
        assert not any("\x7f" <= ch <= "\x9f" for ch in out)
        assert "\\u009b2J\\u0090 news\\u007f café" in out
    assert json.loads(shown)["title"] == "Ferry \x9b2J\x90 news\x7f café"


def test_ingest_text_over_the_paragraph_limit_is_refused_and_the_batch_goes_on(tmp_path: Path) -> None:
    many = tmp_path / "many.txt"
    many.write_text("Marrowby ferry log\n" + "a\n" * 1200, encoding="utf-8")
    fine = tmp_path / "fine.txt"
    fine.write_text(good_text(3), encoding="utf-8")
    with Prism(tmp_path / "s.db", Settings(max_paragraphs=1000)) as prism:
        result = prism.ingest([str(many), str(fine)])
    assert [str(p) for p in result.problems] == [
        f"{many}: text holds more than 1,000 paragraphs (max_paragraphs), more than any news article; refused"]
    assert stored(str(tmp_path / "s.db")) == 1
