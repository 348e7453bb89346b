"""The seed articles: "Cleaning and metadata" in ../shared/corpus/seeds-EXPECTED.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism import Prism

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"
A = SEEDS / "000_c97cc6f86fabe07a.txt"
B = SEEDS / "004_2a234b03c89ab8fc.txt"

pytestmark = [
    pytest.mark.acceptance,
    pytest.mark.skipif(not A.exists() or not B.exists(), reason=f"seed articles not found under {SEEDS}"),
]


def _lines(path: Path) -> list[str]:
    """The seed file's non-blank lines, read where it lies (its text is not copied here)."""
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split())


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Prism(db=db) as prism:
        result = prism.ingest([str(SEEDS)])
        assert result.ok and len(result.added) == 2
        out = {}
        for aid in result.added:
            a = prism.article(aid)
            out[Path(a.source).name[:3]] = {"article": a}
    return out


def test_seed_a_metadata(seeds) -> None:  # type: ignore[no-untyped-def]
    a = seeds["000"]["article"]
    assert a.title == _lines(A)[0]
    assert (a.outlet, a.outlet_evidence) == ("London Insider", "promo line")
    assert a.published is None and a.updated is None and a.byline == ()
    assert a.language == "en"
    promo = [r for r in a.removals if r.reason == "promo"]
    assert [r.text for r in promo] == [line for line in _lines(A) if line.startswith("Follow ")]
    assert len(promo) == 1
    assert not any("Google News" in p for p in a.paragraphs)


def test_seed_a_repeated_lead_removed_and_logged(seeds) -> None:  # type: ignore[no-untyped-def]
    a = seeds["000"]["article"]
    opening = _norm(_lines(A)[1])[:60]  # the first body paragraph, printed twice in the seed
    lead = [p for p in a.paragraphs if _norm(p).startswith(opening)]
    assert len(lead) == 1 and a.paragraphs[0] == lead[0]
    (rep,) = [r for r in a.removals if r.reason == "repeated-paragraph"]
    assert rep.detail == "repeats paragraph 1"
    assert _norm(rep.text) == _norm(lead[0])


def test_seed_b_metadata(seeds) -> None:  # type: ignore[no-untyped-def]
    b = seeds["004"]["article"]
    assert b.title == _lines(B)[0]
    assert b.published.isoformat() == "2023-09-18T10:34:01+09:00"
    assert b.updated.isoformat() == "2023-09-18T13:40:11+09:00"
    assert b.time_zone.zone == "Asia/Seoul" and b.time_zone.inferred
    assert "Seoul" in b.time_zone.reason
    (by_line,) = [line for line in _lines(B) if line.startswith("By ")]
    names = tuple(by_line.removeprefix("By ").split(" and "))
    assert len(names) == 2 and b.byline == names
    assert b.outlet == "Pulse by Maeil Business Newspaper"
    assert b.language == "en"
    assert any(r.reason == "copyright" and "All rights reserved" in r.text for r in b.removals)
    assert not any("All rights reserved" in p or p.startswith(by_line[:8]) for p in b.paragraphs)


def test_seed_b_caption_kept_once_not_as_body(seeds) -> None:  # type: ignore[no-untyped-def]
    b = seeds["004"]["article"]
    assert len(b.captions) == 1
    caption = next(line for line in _lines(B) if line.endswith("[Photo by Yonhap]"))
    opening = _norm(caption)[:50]  # the caption's words, printed twice in the seed
    assert _norm(b.captions[0].text).startswith(opening)
    assert "이미지 확대" not in b.captions[0].text
    assert not any(opening in _norm(p) for p in b.paragraphs)
    reasons = [r.reason for r in b.removals]
    assert reasons.count("caption") == 1 and reasons.count("caption-repeat") == 1
    assert [r.text for r in b.removals if r.reason == "ui-residue"] == ["이미지 확대"]


@pytest.mark.parametrize(("key", "body", "expected"), [
    ("000", 14, {"title", "repeated-paragraph", "promo"}),
    ("004", 8, {"title", "dateline", "caption", "ui-residue", "caption-repeat", "byline", "copyright"}),
])
def test_seed_nothing_else_of_the_body_is_lost(seeds, key: str, body: int, expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    a = seeds[key]["article"]
    assert len(a.paragraphs) == body
    assert {r.reason for r in a.removals} == expected
    kept = {_norm(p) for p in a.paragraphs}
    accounted = kept | {_norm(r.text) for r in a.removals} | {_norm(c.text) for c in a.captions}
    for block in (SEEDS / Path(a.source).name).read_text(encoding="utf-8").split("\n\n"):
        if block.strip():
            norm = _norm(block)
            assert norm in accounted or norm.replace("이미지 확대", "") in accounted, block[:60]


def test_seed_show_json(seeds, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "s.db")
    assert cli("ingest", str(B), "--db", db, "--quiet").exit_code == 0
    data = json.loads(cli("show", seeds["004"]["article"].article_id, "--db", db, "--json").stdout)
    assert data["published"] == "2023-09-18T10:34:01+09:00"
    assert data["time_zone"]["inferred"] is True
    assert data["byline"] == ["Kim Sung-hoon", "Han Yubin"]
    assert len(data["captions"]) == 1 and data["flags"] == []
