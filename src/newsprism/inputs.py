"""Find the inputs named on a command line and read their bytes.

This is newsprism's boundary with the file system on the way in: it walks
directories, reads files and standard input, and turns every failure into a
:class:`~newsprism.records.Problem` naming the path and the reason. The
readers in :mod:`newsprism.ingest` only ever see bytes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .formats import sniff
from .records import Input as Input  # re-exported: its old home
from .records import Problem
from .settings import Settings

STDIN = "-"
#: JSON Lines files larger than the single-document limit are read in chunks
#: of about this many bytes, split at line ends.
JSONL_CHUNK_BYTES = 8 * 1024 * 1024


def count(paths: list[str]) -> int:
    """Count the files a list of paths names (for a progress bar)."""
    n = 0
    for path in paths:
        if path == STDIN:
            n += 1
        elif os.path.isdir(path):
            n += sum(1 for _ in _walk(Path(path)))
        else:
            n += 1
    return n


def display_name(path: str | Path) -> str:
    """A path as text that can be printed and stored: bytes that are not
    UTF-8 (kept by the file system as surrogate escapes) shown as ``\\xff``."""
    name = os.fspath(path)
    if not any("\udc80" <= ch <= "\udcff" for ch in name):
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def iter_inputs(
    paths: list[str], settings: Settings, stdin: BinaryIO | None = None
) -> Iterator[Input | Problem]:
    """Yield an Input per file (recursively for directories), or a Problem."""
    for path in paths:
        if path == STDIN:
            yield from _read_stdin(stdin, settings)
            continue
        p = Path(path)
        try:
            is_dir = p.is_dir()
            exists = is_dir or p.exists() or p.is_symlink()
        except (OSError, ValueError) as exc:  # a name too long, a NUL in the name
            yield Problem(display_name(path), f"cannot read path ({_why(exc)})")
            continue
        if is_dir:
            for child in _walk(p):
                yield from _read_file(child, settings)
        elif exists:
            yield from _read_file(p, settings)
        else:
            yield Problem(display_name(path), "no such file or directory")


def _why(exc: BaseException) -> str:
    return str(getattr(exc, "strerror", None) or exc)


def _read_stdin(stdin: BinaryIO | None, settings: Settings) -> Iterator[Input | Problem]:
    """Standard input, read up to the single-document limit (JSON Lines are
    streamed past it); closed or unreadable standard input is a Problem."""
    name = "<stdin>"
    stream = stdin
    if stream is None:
        stream = getattr(sys.stdin, "buffer", None) if sys.stdin is not None else None
    if stream is None:
        yield Problem(name, "standard input is closed")
        return
    try:
        yield from _read_stream(name, stream, settings)
    except (OSError, ValueError) as exc:  # a closed or unreadable stream
        yield Problem(name, f"cannot read standard input ({_why(exc)})")


def _read_stream(name: str, stream: BinaryIO, settings: Settings) -> Iterator[Input | Problem]:
    limit = settings.max_file_bytes
    data = _read_up_to(stream, limit + 1)
    if len(data) <= limit:
        yield Input(name, data)
        return
    fmt = settings.format or sniff(data[:4096], partial=True)
    if fmt != "jsonl":
        yield Problem(name, f"more than {limit / 1024 / 1024:g} MB, over the limit for one document "
                            "(only JSON Lines are streamed); raise it with --max-file-size")
        return
    yield from _jsonl_chunks(name, data, stream, limit)


def _read_up_to(stream: BinaryIO, size: int) -> bytes:
    """``size`` bytes, or fewer at the end of the stream (a raw stream or a
    pipe may return less than asked before its end)."""
    parts: list[bytes] = []
    left = size
    while left > 0:
        part = stream.read(left)
        if not part:
            break
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def _jsonl_chunks(name: str, head: bytes, stream: BinaryIO, limit: int) -> Iterator[Input | Problem]:
    """A JSON Lines stream in chunks of about JSONL_CHUNK_BYTES split at line
    ends; a line longer than ``limit`` is a Problem and is skipped unread."""
    line = 1
    buf = head
    while True:
        if len(buf) < JSONL_CHUNK_BYTES:
            more = stream.read(JSONL_CHUNK_BYTES)
            buf += more
            if not more:
                if buf:
                    yield Input(name, buf, first_line=line, chunked=True)
                return
            continue
        cut = buf.rfind(b"\n") + 1
        if cut == 0:  # no line end in the buffer: read the line on, up to the limit
            rest = stream.readline(limit + 1 - len(buf)) if len(buf) <= limit else b""
            buf += rest
            if buf.endswith(b"\n") or (not rest and len(buf) <= limit):
                yield Input(name, buf, first_line=line, chunked=True)
                line += buf.count(b"\n")
                buf = b""
                continue
            yield Problem(f"{name}:{line}", f"line longer than the {limit / 1024 / 1024:g} MB limit "
                                            "for one document; skipped")
            while True:  # skip to the end of the long line
                rest = stream.readline(JSONL_CHUNK_BYTES)
                if not rest or rest.endswith(b"\n"):
                    break
            line += 1
            buf = b""
            continue
        yield Input(name, buf[:cut], first_line=line, chunked=True)
        line += buf.count(b"\n", 0, cut)
        buf = buf[cut:]


def _walk(root: Path) -> Iterator[Path]:
    """Files under root, sorted, skipping hidden names; never follows a
    directory symlink (no loops)."""
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def _read_file(path: Path, settings: Settings) -> Iterator[Input | Problem]:
    name = display_name(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            yield Problem(name, "not a regular file")
            return
        if size > settings.max_file_bytes:
            yield from _read_large(path, size, settings)
            return
        with path.open("rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        if path.is_symlink():
            yield Problem(name, "broken symbolic link (its target does not exist)")
        else:
            yield Problem(name, "file disappeared before it could be read")
        return
    except PermissionError:
        yield Problem(name, "permission denied")
        return
    except IsADirectoryError:
        yield Problem(name, "is a directory")
        return
    except OSError as exc:
        yield Problem(name, f"cannot read file ({exc.strerror or exc})")
        return
    yield Input(name, data)


def _read_large(path: Path, size: int, settings: Settings) -> Iterator[Input | Problem]:
    """A file over the single-document limit: stream it if it is JSON Lines,
    refuse it otherwise."""
    name = display_name(path)
    with path.open("rb") as fh:
        head = fh.read(4096)
    fmt = settings.format or sniff(head, partial=True)
    if fmt != "jsonl":
        limit = settings.max_file_bytes / 1024 / 1024
        yield Problem(
            name,
            f"file is {size / 1024 / 1024:.1f} MB, over the {limit:g} MB limit for one "
            "document (only JSON Lines are streamed); raise it with --max-file-size",
        )
        return
    with path.open("rb") as fh:
        yield from _jsonl_chunks(name, b"", fh, settings.max_file_bytes)
