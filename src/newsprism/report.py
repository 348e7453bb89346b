"""The report folder ``Prism.run`` writes: each story's HTML page and JSON dossier, and the index.

A file is written whole or not at all (a temporary file, then a rename); a folder or a file that
cannot be written is an InputError naming it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .errors import InputError
from .records import Article, Dossier, IndexEntry, StoryFiles, StoryTexts
from .render.html import index_page, story_page
from .render.json import dossier_dict
from .render.json import text as json_text


def folder(path: str | Path) -> Path:
    """The report folder, created when missing."""
    out = Path(path)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(str(out), f"cannot create the report folder ({exc.strerror or exc})") from None
    return out


def story_files(out: Path, story_id: str) -> StoryFiles:
    """The paths of a story's report files (which may not exist yet)."""
    return StoryFiles(story_id, out / f"{story_id}.html", out / f"{story_id}.json")


def exists(files: StoryFiles) -> bool:
    """Whether both of a story's report files are there."""
    return files.html.exists() and files.json.exists()


def write_story(out: Path, story_id: str, dossier: Dossier, articles: Sequence[Article], *,
                fresh: bool = True) -> StoryFiles:
    """Write ``<story>.html`` and ``<story>.json``; when the dossier is not ``fresh`` (the one stored
    last time) and both files exist, they were written from it then and are left as they are."""
    files = story_files(out, story_id)
    if fresh or not exists(files):
        write_texts(files, *story_texts(dossier, articles))
    return files


def story_texts(dossier: Dossier, articles: Sequence[Article]) -> StoryTexts:
    """The text of a story's HTML page and JSON dossier (no I/O: a worker process renders them)."""
    return StoryTexts(story_page(dossier, articles),
                      json_text(dossier_dict(dossier)) + "\n")


def write_texts(files: StoryFiles, html: str, json_text: str) -> None:
    """Write a story's rendered page and dossier (:func:`story_texts`) to its files."""
    _write(files.html, html)
    _write(files.json, json_text)


def write_index(out: Path, pages: Sequence[IndexEntry]) -> Path:
    """Write ``index.html`` listing the stories' pages."""
    index = out / "index.html"
    _write(index, index_page(pages))
    return index


def _write(path: Path, text: str) -> None:
    """Write a report file whole or not at all (a temporary file, then rename)."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        raise InputError(str(path), f"cannot write ({exc.strerror or exc})") from None
