"""Bad input through the real CLI: each bad input gets one line on stderr,
``failed: PATH: reason``; the rest of the batch is stored; ``ingest`` exits 1;
the store keeps everything it held before and passes ``PRAGMA integrity_check``.

Every test first stores one good article (the ``seeded`` fixture), then runs a
batch of bad inputs followed by one more good file.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import newsprism.ingest
import newsprism.inputs
from newsprism import Prism, Settings
from newsprism.inputs import Input, iter_inputs
from newsprism.records import Problem

GOOD = (
    "Marrowby council votes to mend the harbour wall\n\n"
    "The town council of Marrowby voted seven to two on Tuesday evening to repair the old harbour "
    "wall before the winter storms, the council clerk Ada Finch said. Work will start in March and "
    "cost about 40,000 crowns, paid from the reserve fund.\n"
)
OTHER = (
    "Brackenholm moves its lantern festival\n\n"
    "Organisers in Brackenholm said on Friday that the lantern festival would move from the market "
    "square to the riverside park this year, because repairs to the square will not be finished "
    "before the end of October.\n"
)
MB = 1024 * 1024


@dataclass
class Seeded:
    """A store holding one article, and a second good file for the batch."""

    tmp: Path
    db: str
    before: list[str]  # `articles --json` lines
    other: str


def articles(cli: Callable[..., object], db: str) -> list[str]:
    r = cli("articles", "--db", db, "--json")
    assert r.exit_code == 0, r.stderr  # type: ignore[attr-defined]
    return r.stdout.splitlines()  # type: ignore[attr-defined, no-any-return]


def integrity(db: str) -> str:
    with sqlite3.connect(db) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def count(db: str) -> int:
    """Articles committed so far, read without taking a write lock."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        conn.close()


def failures(stderr: str) -> list[str]:
    """The lines on stderr, in order."""
    return stderr.splitlines()


def summary(db: str, new: int, failed: int, present: int = 0) -> str:
    return f"ingested {new} new, 0 revised, {present} already present, {failed} failed (store: {db})\n"


def assert_kept(s: Seeded, cli: Callable[..., object], added: int) -> list[str]:
    """The store holds what it held, plus ``added`` articles; returns the new rows."""
    assert integrity(s.db) == "ok"
    after = articles(cli, s.db)
    assert len(after) == len(s.before) + added
    assert [row for row in after if row in s.before] == s.before
    return [row for row in after if row not in s.before]


@pytest.fixture
def seeded(cli, tmp_path: Path, db: str) -> Seeded:  # type: ignore[no-untyped-def]
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    r = cli("ingest", str(good), "--db", db, "--quiet")
    assert r.exit_code == 0, r.stderr
    other = tmp_path / "other.txt"
    other.write_text(OTHER, encoding="utf-8")
    before = articles(cli, db)
    assert len(before) == 1 and integrity(db) == "ok"
    return Seeded(tmp_path, db, before, str(other))


# ---------------------------------------------------------------- one bad file


def _sparse_200mb(path: Path) -> None:
    with path.open("wb") as f:
        f.write(b"The town council of Marrowby met on Tuesday.\n")
        f.truncate(200 * MB)


def _bytes(data: bytes) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.write_bytes(data)

    return make


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _dangling_link(path: Path) -> None:
    path.symlink_to(path.parent / "gone.txt")


def _unreadable(path: Path) -> None:
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)


# (file name, how to make it or None for a missing path, suffix of the path in
# the message, reason)
CASES = [
    pytest.param("photo.txt", _bytes(b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(512)), "",
                 "not text: starts like a PNG image", id="binary-png"),
    pytest.param("blob.dat", _bytes(b"GC\x00\x01" + random.Random(2).randbytes(512)), "",
                 "not text: holds NUL bytes (a binary file)", id="binary-nul"),
    pytest.param("empty.txt", _bytes(b""), "", "empty file", id="empty"),
    pytest.param("blank.txt", _bytes(b"  \n\t \r\n\n   "), "", "empty file", id="whitespace-only"),
    pytest.param("huge.txt", _sparse_200mb, "",
                 "file is 200.0 MB, over the 50 MB limit for one document (only JSON Lines are streamed); "
                 "raise it with --max-file-size", id="200mb"),
    pytest.param("cut.json", _bytes(b'{"title": "Council vote", "text": "The council of Marr'), "",
                 "malformed JSON at line 1, column 35: Unterminated string", id="json-truncated"),
    pytest.param("cut2.json", _bytes(b'{"title": "Council vote",\n "text": "The council"'), "",
                 "malformed JSON at line 2, column 23: Expecting ',' delimiter", id="json-unclosed"),
    pytest.param("page.html", _bytes(b"<html><body><div>"), "",
                 "malformed HTML: no article text or title found", id="html-no-text"),
    pytest.param("script.html", _bytes(b"<!DOCTYPE html><html><head><title></title></head>"
                                       b"<body><script>var x = 1;</script></body></html>"), "",
                 "malformed HTML: no article text or title found", id="html-script-only"),
    pytest.param("feed.xml", _bytes(b"<rss><channel><item><title>x</ti"), "#0",
                 "feed entry has no title, content or summary (malformed feed XML: unclosed token at line 1)",
                 id="feed-cut-in-item"),
    pytest.param("feed2.xml", _bytes(b"<rss>\n<channel>\n<title>Marrowby Radio</ti"), "",
                 "malformed feed XML: unclosed token at line 3", id="feed-cut-before-items"),
    pytest.param("feed3.xml", _bytes(b'<?xml version="1.0"?>\n<rss version="2.0"><channel>'
                                     b"<title>Marrowby Radio</title></channel></rss>"), "",
                 "feed has no entries", id="feed-empty"),
    pytest.param("catalog.xml", _bytes(b'<?xml version="1.0"?><catalog><book/></catalog>'), "",
                 "XML, but not an RSS or Atom feed; pass --format to override", id="other-xml"),
    pytest.param("noise.txt", _bytes(bytes(range(0x80, 0x100)) * 8), "",
                 "undecodable bytes: not UTF-8, UTF-16 or a recognisable legacy encoding", id="undecodable"),
    pytest.param("nope.txt", None, "", "no such file or directory", id="missing"),
    pytest.param("pipe", _fifo, "", "not a regular file", id="fifo"),
    pytest.param("link.txt", _dangling_link, "", "broken symbolic link (its target does not exist)",
                 id="dangling-symlink"),
    pytest.param("secret.txt", _unreadable, "", "permission denied", id="unreadable",
                 marks=pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")),
]


@pytest.mark.parametrize(("name", "make", "suffix", "reason"), CASES)
def test_bad_file_is_one_line_and_the_batch_goes_on(  # type: ignore[no-untyped-def]
    cli, seeded: Seeded, name: str, make: Callable[[Path], None] | None, suffix: str, reason: str
) -> None:
    path = seeded.tmp / name
    if make is not None:
        make(path)
    r = cli("ingest", str(path), seeded.other, "--db", seeded.db, "--quiet")
    assert failures(r.stderr) == [f"failed: {path}{suffix}: {reason}"]
    assert r.exit_code == 1
    assert r.stdout == summary(seeded.db, new=1, failed=1)
    (new,) = assert_kept(seeded, cli, added=1)
    assert json.loads(new)["source"] == seeded.other


def test_oversized_file_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    _sparse_200mb(path)
    tracemalloc.start()
    try:
        (item,) = iter_inputs([str(path)], Settings())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(item, Problem) and item.reason.startswith("file is 200.0 MB")
    assert peak < MB  # only a 4 KiB head is read to sniff for JSON Lines


def test_several_bad_files_in_one_batch(cli, seeded: Seeded) -> None:  # type: ignore[no-untyped-def]
    empty = seeded.tmp / "empty.txt"
    empty.write_bytes(b"")
    png = seeded.tmp / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    missing = seeded.tmp / "missing.txt"
    r = cli("ingest", str(empty), seeded.other, str(png), str(missing), "--db", seeded.db, "--quiet")
    assert failures(r.stderr) == [
        f"failed: {empty}: empty file",
        f"failed: {png}: not text: starts like a PNG image",
        f"failed: {missing}: no such file or directory",
    ]
    assert r.exit_code == 1
    assert r.stdout == summary(seeded.db, new=1, failed=3)
    assert_kept(seeded, cli, added=1)


def test_each_problem_is_printed_once(cli, seeded: Seeded) -> None:  # type: ignore[no-untyped-def]
    missing = seeded.tmp / "missing.txt"
    r = cli("ingest", str(missing), "--db", seeded.db, "--quiet")
    assert r.stderr == f"failed: {missing}: no such file or directory\n"


def test_path_with_brackets_is_printed_as_is(cli, seeded: Seeded) -> None:  # type: ignore[no-untyped-def]
    folder = seeded.tmp / "x["
    folder.mkdir()
    (folder / "b].txt").write_bytes(b"")
    (seeded.tmp / "a[red]b.txt").write_bytes(b"")
    r = cli("ingest", str(folder / "b].txt"), str(seeded.tmp / "a[red]b.txt"), "--db", seeded.db, "--quiet")
    assert failures(r.stderr) == [f"failed: {seeded.tmp}/x[/b].txt: empty file",
                                  f"failed: {seeded.tmp}/a[red]b.txt: empty file"]


# ---------------------------------------------------------------- multi-item inputs


def test_jsonl_bad_lines_are_reported_by_line_and_the_others_stored(  # type: ignore[no-untyped-def]
    cli, seeded: Seeded
) -> None:
    path = seeded.tmp / "wire.jsonl"
    lines = [
        json.dumps({"title": "Marrowby ferry fares rise", "text": OTHER}),
        '{"title": "Broken", "text": "cut',
        json.dumps({"title": "Marrowby school reopens", "text": GOOD.replace("harbour wall", "school roof")}),
        "[1, 2]",
        json.dumps({"id": 7}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = cli("ingest", str(path), "--db", seeded.db, "--quiet")
    assert failures(r.stderr) == [
        f"failed: {path}:2: malformed JSON at column 29: Unterminated string",
        f"failed: {path}:4: expected a JSON object, found list",
        f"failed: {path}:5: JSON object has no title, text or description (keys: id)",
    ]
    assert r.exit_code == 1
    assert r.stdout == summary(seeded.db, new=2, failed=3)
    new = assert_kept(seeded, cli, added=2)
    assert [json.loads(row)["source"] for row in new] == [f"{path}:1", f"{path}:3"]


def test_large_jsonl_is_streamed_not_refused(cli, seeded: Seeded, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # small chunks, so that lines cross several chunk boundaries and a bad
    # line far down is still reported with its line number in the file
    monkeypatch.setattr(newsprism.inputs, "JSONL_CHUNK_BYTES", 256 * 1024)
    path = seeded.tmp / "big.jsonl"
    n, bad = 3000, 2500
    filler = " ".join(f"word{j}" for j in range(150))
    with path.open("w", encoding="utf-8") as f:
        for i in range(1, n + 1):
            if i == bad:
                f.write("{not json\n")
            else:
                f.write(json.dumps({"title": f"Marrowby notice {i}",
                                    "text": f"Notice {i} of the Marrowby council. {filler}"}) + "\n")
    assert path.stat().st_size > 3 * MB
    r = cli("ingest", str(path), "--db", seeded.db, "--quiet", "--max-file-size", "1")
    assert failures(r.stderr) == [
        f"failed: {path}:{bad}: malformed JSON at column 2: Expecting property name enclosed in double quotes"]
    assert r.exit_code == 1
    assert r.stdout == summary(seeded.db, new=n - 1, failed=1)
    new = assert_kept(seeded, cli, added=n - 1)
    sources = {json.loads(row)["source"] for row in new}
    assert sources == {f"{path}:{i}" for i in range(1, n + 1) if i != bad}


# ---------------------------------------------------------------- HTML that is bad but readable


def test_garbage_markup_is_stored_and_flagged_empty(cli, seeded: Seeded) -> None:  # type: ignore[no-untyped-def]
    path = seeded.tmp / "garbage.html"
    path.write_bytes(b"<<<>>><div><<p>>< / >&&&;</")
    r = cli("ingest", str(path), "--db", seeded.db, "--quiet")
    assert (r.exit_code, r.stderr) == (0, "")
    (new,) = assert_kept(seeded, cli, added=1)
    row = json.loads(new)
    assert row["source"] == str(path) and row["paragraphs"] == 0 and "empty" in row["flags"]


def test_unclosed_html_tags_are_still_read(cli, seeded: Seeded) -> None:  # type: ignore[no-untyped-def]
    path = seeded.tmp / "unclosed.html"
    path.write_text("<html><body><h1>Harbour wall vote<p>" + GOOD.split("\n\n")[1].replace(" wall", " <b>wall"),
                    encoding="utf-8")
    r = cli("ingest", str(path), "--db", seeded.db, "--quiet")
    assert (r.exit_code, r.stderr) == (0, "")
    (new,) = assert_kept(seeded, cli, added=1)
    shown = json.loads(cli("show", json.loads(new)["id"], "--db", seeded.db, "--json").stdout)
    assert shown["title"] == "Harbour wall vote"
    assert "voted seven to two" in " ".join(shown["paragraphs"])


# ---------------------------------------------------------------- encodings that do decode

RU = ("Марровби чинит стену гавани\n\n"
      "Городской совет Марровби во вторник проголосовал за ремонт старой стены гавани. "
      "Работы начнутся в марте и обойдутся примерно в сорок тысяч крон, сообщила секретарь совета "
      "Ада Финч. Против проголосовали два депутата, которые считают, что деньги нужны школе.")
FR = ("Marrowby répare le mur du port\n\n"
      "Le conseil municipal de Marrowby a voté mardi soir la réparation du vieux mur du port avant "
      "l'hiver, a déclaré la greffière Ada Finch. Les travaux débuteront en mars et coûteront environ "
      "quarante mille couronnes, prélevées sur le fonds de réserve, à la demande du maître de port.")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        pytest.param(RU.encode("cp1251"), ["проголосовал", "гавани", "Финч"], id="cp1251-russian"),
        pytest.param(FR.encode("latin-1"), ["réparation", "déclaré", "débuteront", "maître"], id="latin1-french"),
        pytest.param(b"\xff\xfe" + FR.encode("utf-16-le"), ["greffière", "coûteront"], id="utf16le-bom"),
        pytest.param(b"\xfe\xff" + RU.encode("utf-16-be"), ["Городской", "секретарь"], id="utf16be-bom"),
    ],
)
def test_legacy_and_utf16_encodings_decode(cli, seeded: Seeded, data: bytes, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    path = seeded.tmp / "article.txt"
    path.write_bytes(data)
    r = cli("ingest", str(path), "--db", seeded.db, "--quiet")
    assert (r.exit_code, r.stderr) == (0, "")
    (new,) = assert_kept(seeded, cli, added=1)
    shown = json.loads(cli("show", json.loads(new)["id"], "--db", seeded.db, "--json").stdout)
    body = " ".join(shown["paragraphs"])
    assert all(w in body for w in words), body


# ---------------------------------------------------------------- a file that disappears


def _three_files(root: Path) -> list[Path]:
    root.mkdir()
    paths = []
    for name, votes in (("a.txt", "six to three"), ("b.txt", "five to four"), ("c.txt", "eight to one")):
        (root / name).write_text(GOOD.replace("seven to two", votes), encoding="utf-8")
        paths.append(root / name)
    return paths


def test_file_disappearing_mid_run_api(tmp_path: Path) -> None:
    a, b, c = _three_files(tmp_path / "in")
    deleted: list[object] = []

    def progress(event: str, done: int, total: int, detail: object) -> None:
        if event == "input" and not deleted:
            c.unlink()
            deleted.append(detail)

    with Prism(db=tmp_path / "x.db") as prism:
        result = prism.ingest([str(tmp_path / "in")], progress=progress)
        assert deleted == [str(a)]
        assert result.problems == (Problem(str(c), "file disappeared before it could be read"),)
        assert len(result.added) == 2
        assert [s.source for s in prism.articles()] == [str(a), str(b)]
        assert prism.store.integrity() == "ok"


def test_file_disappearing_mid_run_cli(cli, seeded: Seeded, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a, b, c = _three_files(seeded.tmp / "in")
    real_read = newsprism.ingest.read

    def read_then_delete(item: Input, settings: Settings):  # type: ignore[no-untyped-def]
        if c.exists():
            c.unlink()  # after the directory was listed, before c.txt is opened
        return real_read(item, settings)

    monkeypatch.setattr(newsprism.ingest, "read", read_then_delete)
    r = cli("ingest", str(seeded.tmp / "in"), "--db", seeded.db, "--quiet")
    assert failures(r.stderr) == [f"failed: {c}: file disappeared before it could be read"]
    assert r.exit_code == 1
    assert r.stdout == summary(seeded.db, new=2, failed=1)
    new = assert_kept(seeded, cli, added=2)
    assert [json.loads(row)["source"] for row in new] == [str(a), str(b)]


# ---------------------------------------------------------------- many files, and kill -9


def _many(root: Path, n: int) -> None:
    root.mkdir()
    for i in range(n):
        (root / f"{i:05d}.txt").write_text(
            f"Marrowby notice {i}\n\nThe town council of Marrowby agreed notice {i} on Tuesday by {i % 9 + 1} "
            f"votes to {i % 5}, the clerk Ada Finch said, and work on item {i} will start in week "
            f"{i % 52 + 1} and take about {i % 12 + 2} weeks to finish.\n",
            encoding="utf-8",
        )


@pytest.mark.slow
def test_directory_of_10000_files(cli, seeded: Seeded) -> None:  # type: ignore[no-untyped-def]
    _many(seeded.tmp / "many", 10_000)
    r = cli("ingest", str(seeded.tmp / "many"), "--db", seeded.db, "--quiet")
    assert (r.exit_code, r.stderr) == (0, "")
    assert r.stdout == summary(seeded.db, new=10_000, failed=0)
    assert_kept(seeded, cli, added=10_000)


def _ingest_process(root: Path, db: str) -> list[str]:
    return [sys.executable, "-m", "newsprism", "ingest", str(root), "--db", db, "--quiet"]


@pytest.mark.slow
def test_kill_9_mid_ingest_leaves_a_usable_store_and_a_rerun_completes(  # type: ignore[no-untyped-def]
    cli, seeded: Seeded
) -> None:
    n = 5000
    root = seeded.tmp / "many"
    _many(root, n)
    proc = subprocess.Popen(_ingest_process(root, seeded.db), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while count(seeded.db) <= 1:  # the seeded article is there from the start
            assert proc.poll() is None, "ingest ended before it could be killed"
            assert time.monotonic() < deadline, "no batch committed within 120 s"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL

    assert integrity(seeded.db) == "ok"
    stored = count(seeded.db) - 1
    assert 0 < stored < n
    assert_kept(seeded, cli, added=stored)

    rerun = subprocess.run(_ingest_process(root, seeded.db), capture_output=True, text=True, timeout=300)
    assert (rerun.returncode, rerun.stderr) == (0, "")
    assert rerun.stdout == summary(seeded.db, new=n - stored, failed=0, present=stored)
    assert integrity(seeded.db) == "ok"
    assert_kept(seeded, cli, added=n)
