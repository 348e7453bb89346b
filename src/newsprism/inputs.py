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
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .records import Problem
from .settings import Settings

STDIN = "-"
#: JSON Lines files larger than the single-document limit are read in chunks
#: of about this many bytes, split at line ends.
JSONL_CHUNK_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Input:
    """Bytes to read, and where they came from."""

    source: str
    data: bytes
    first_line: int = 1  # for a chunk of a large JSON Lines file
    chunked: bool = False


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


def iter_inputs(
    paths: list[str], settings: Settings, stdin: BinaryIO | None = None
) -> Iterator[Input | Problem]:
    """Yield an Input per file (recursively for directories), or a Problem."""
    for path in paths:
        if path == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield Input("<stdin>", stream.read())
            continue
        p = Path(path)
        if p.is_dir():
            for child in _walk(p):
                yield from _read_file(child, settings)
        elif p.exists() or p.is_symlink():
            yield from _read_file(p, settings)
        else:
            yield Problem(path, "no such file or directory")


def _walk(root: Path) -> Iterator[Path]:
    """Files under root, sorted, skipping hidden names; never follows a
    directory symlink (no loops)."""
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def _read_file(path: Path, settings: Settings) -> Iterator[Input | Problem]:
    name = str(path)
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
    name = str(path)
    with path.open("rb") as fh:
        head = fh.read(4096)
    from .ingest import sniff  # local import: ingest imports nothing from here

    fmt = settings.format or sniff(head, partial=True)
    if fmt != "jsonl":
        limit = settings.max_file_bytes / 1024 / 1024
        yield Problem(
            name,
            f"file is {size / 1024 / 1024:.1f} MB, over the {limit:g} MB limit for one "
            "document (only JSON Lines are streamed); raise it with --max-file-size",
        )
        return
    line = 1
    with path.open("rb") as fh:
        while True:
            chunk = fh.read(JSONL_CHUNK_BYTES)
            if not chunk:
                break
            rest = fh.readline()  # finish the line the chunk cut
            chunk += rest
            yield Input(name, chunk, first_line=line, chunked=True)
            line += chunk.count(b"\n")
