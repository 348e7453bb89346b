"""The demo corpus (examples/demo, described in examples/README.md) cleans as described."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism import Article, Prism, Settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Article]:
    settings = Settings.load(ROOT / "examples" / "newsprism.toml")
    with Prism(db=tmp_path_factory.mktemp("demo") / "demo.db", settings=settings) as prism:
        result = prism.ingest([str(ROOT / "examples" / "demo")])
        assert result.problems == () and len(result.added) == 8
        articles = [prism.article(i) for i in result.added]
    return {f"{a.outlet}#{a.item}" if a.item is not None else str(a.outlet): a for a in articles}


def test_demo_outlets_from_every_kind_of_evidence(demo: dict[str, Article]) -> None:
    evidence = {k: v.outlet_evidence for k, v in demo.items()}
    assert evidence["Nordic Press Agency"] == "copyright line"
    assert evidence["The Valley Courier"] == "site name"
    assert evidence["Esk Herald"] == "domain www.eskherald.example"
    assert evidence["Harbour Gazette"] == "promo line"
    assert evidence["Esk Valley Radio#0"] == "site name"


def test_demo_wire_origin_plain_text(demo: dict[str, Article]) -> None:
    a = demo["Nordic Press Agency"]
    assert a.title == "Spillway gate fails at Tormund Dam, flooding Esk river town; 1,200 evacuated"
    assert a.published is not None and a.published.isoformat() == "2025-03-11T08:15:00+01:00"
    assert a.time_zone is not None and a.time_zone.zone == "Europe/Oslo" and a.time_zone.inferred
    assert a.byline == ("Anna Lindqvist", "Petr Novak")
    assert a.paragraphs[0].startswith("VARNHOLM, March 11 (NPA)")


def test_demo_html_copy_keeps_caption_apart_and_credits_the_wire(demo: dict[str, Article]) -> None:
    a = demo["The Valley Courier"]
    assert a.credit == "NPA" and a.byline == ("Anna Lindqvist", "Petr Novak")
    assert [c.text for c in a.captions] and a.captions[0].text.endswith("(Photo: Erik Dahl / The Valley Courier)")
    assert not any(p == "Esk flood" or "Share" in p or "newsletter" in p.lower() for p in a.paragraphs)
    assert a.published is not None and a.published.isoformat() == "2025-03-11T10:20:00+01:00"
    assert a.time_zone is not None and not a.time_zone.inferred


def test_demo_rewrite_repeated_paragraph_removed(demo: dict[str, Article]) -> None:
    a = demo["Kessford Daily"]
    reps = [r for r in a.removals if r.reason == "repeated-paragraph"]
    assert len(reps) == 1 and reps[0].detail == "repeats paragraph 5"
    assert sum("Ingrid Falk" in p for p in a.paragraphs) == 1


def test_demo_harbour_gazette_caption_repeat_and_promo(demo: dict[str, Article]) -> None:
    a = demo["Harbour Gazette"]
    reasons = [r.reason for r in a.removals]
    for reason in ("title", "dateline", "caption", "ui-residue", "caption-repeat", "repeated-paragraph",
                   "byline", "promo"):
        assert reason in reasons
    assert len(a.captions) == 1 and "Enlarge image" not in a.captions[0].text
    assert a.byline == ("Mira Holm",)


def test_demo_feed_summary_only_flagged(demo: dict[str, Article]) -> None:
    full, summary = demo["Esk Valley Radio#0"], demo["Esk Valley Radio#1"]
    assert "summary-only" not in full.flags and "summary-only" in summary.flags
    assert summary.published is not None and summary.published.isoformat() == "2025-03-12T09:10:00+01:00"


def test_demo_all_english_and_dated(demo: dict[str, Article]) -> None:
    assert {a.language for a in demo.values()} == {"en"}
    assert all(a.published is not None for a in demo.values())


def test_demo_entities_one_type_per_name(demo: dict[str, Article]) -> None:
    from newsprism.analyse import analyse
    from newsprism.resolve import resolve

    res = resolve(analyse(list(demo.values())))
    by_name = {e.name: e for e in res.entities}
    assert by_name["Varnholm"].label in ("GPE", "LOC")
    assert [e.label for e in res.entities if e.name == "Kessford"] == ["GPE"]
    assert "Aske" not in by_name and "Aske" in by_name["Rolf Aske"].variants
    assert "Oldenborg" not in by_name and "Oldenborg" in by_name["Birgit Oldenborg"].variants
    assert by_name["Harbour Gazette"].label == "ORG"
