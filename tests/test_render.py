"""Renderers against golden files (pytest --update-golden rewrites them)."""

from __future__ import annotations

import json
from pathlib import Path

from newsprism import Prism, Settings
from newsprism.render import article_dict, article_text

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"


def _article(tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    with Prism(db=tmp_path / "g.db", settings=Settings()) as prism:
        (aid,) = prism.ingest([str(DEMO / name)]).added
        return prism.article(aid)


def test_render_article_text(tmp_path: Path, golden) -> None:  # type: ignore[no-untyped-def]
    a = _article(tmp_path, "harbour-gazette.txt")
    text = article_text(a).replace(str(DEMO), "examples/demo")
    golden("harbour-gazette.txt", text)


def test_render_article_json(tmp_path: Path, golden) -> None:  # type: ignore[no-untyped-def]
    a = _article(tmp_path, "harbour-gazette.txt")
    data = article_dict(a)
    data["source"] = "examples/demo/harbour-gazette.txt"
    golden("harbour-gazette.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n")
