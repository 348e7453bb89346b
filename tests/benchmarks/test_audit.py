"""The audit's corpus and frame choice (benchmarks/audit.py), on invented stories and documents."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import ClassVar

import pytest

from _support import load_benchmark


def _audit() -> ModuleType:
    return load_benchmark("audit")


def test_frame_defaults_to_the_corpus_own_and_refuses_the_other_corpus_frames() -> None:
    audit = _audit()
    assert audit.frame_of("news_cluster", None) == "held"
    assert audit.frame_of("news_cluster", "pairs") == "pairs"
    assert audit.frame_of("ecbplus", None) == "all"
    with pytest.raises(ValueError, match="frame 'held' is not one of ecbplus's: all"):
        audit.frame_of("ecbplus", "held")
    with pytest.raises(ValueError, match="frame 'all' is not one of news_cluster's"):
        audit.frame_of("news_cluster", "all")
    with pytest.raises(ValueError, match="unknown corpus 'tass'"):
        audit.frame_of("tass", None)


def test_cards_are_drawn_with_the_held_frame_or_the_whole_corpus_only() -> None:
    audit = _audit()
    assert [audit.draws_cards(f) for f in ("held", "pairs", "all")] == [True, False, True]


def test_an_ecbplus_store_is_recognised_by_its_file_names() -> None:
    audit = _audit()
    audit.check_ecbplus(["docs/3_ecb_3_1ecb.txt", "/x/docs/3_plus_3_12ecbplus.txt"])
    with pytest.raises(ValueError, match=r"1 of its 2 articles come from elsewhere \(e.g. data/ab12.json\)"):
        audit.check_ecbplus(["docs/3_ecb_3_1ecb.txt", "data/ab12.json"])
    with pytest.raises(ValueError, match="holds no article"):
        audit.check_ecbplus([])


def _cite(article: str, start: int, end: int) -> SimpleNamespace:
    outlet = {"aaaa1111bbbb2222": "Harbour Post"}.get(article)  # the other has none
    return SimpleNamespace(article_id=article, field="body", start=start, end=end, outlet=outlet)


class _Prism:
    """Two invented stories: one corroborated group, one summary line, one conflict card."""

    TEXT: ClassVar[dict[str, str]] = {"aaaa1111bbbb2222": "The ferry left at noon. It carried 40 cars.",
                                      "cccc3333dddd4444": "A ferry sailed at noon. It had 42 cars aboard."}

    def stories(self) -> list[SimpleNamespace]:
        return [SimpleNamespace(story_id="s1", article_ids=["aaaa1111bbbb2222", "cccc3333dddd4444"])]

    def dossier(self, story_id: str) -> SimpleNamespace:
        a, c = self.TEXT
        line = SimpleNamespace(status="corroborated", citations=(_cite(a, 0, 23), _cite(c, 0, 23)))
        card = SimpleNamespace(status="conflict", sides=(
            SimpleNamespace(value="40", statements=(SimpleNamespace(citations=(_cite(a, 24, 43),)),)),
            SimpleNamespace(value="42", statements=(SimpleNamespace(citations=(_cite(c, 24, 46),)),))))
        return SimpleNamespace(groups=[line], summary=[line], conflicts=[card])

    def article(self, article_id: str) -> SimpleNamespace:
        return SimpleNamespace(text=self.TEXT[article_id], title="", captions=[])


def test_an_ecbplus_sheet_names_documents_neutrally_and_draws_every_card(tmp_path: Path) -> None:
    audit = _audit()
    sheet, labels = tmp_path / "sheet.md", tmp_path / "labels.tsv"
    audit.sample(_Prism(), sheet, labels, 7, "all", "ecbplus")
    text = sheet.read_text(encoding="utf-8")
    assert text.count("## item") == 3
    assert "- LINE [doc-aaaa1111] The ferry left at noon." in text
    assert "- c1 [doc-cccc3333] A ferry sailed at noon." in text
    assert "  - [doc-cccc3333] It had 42 cars aboard." in text
    assert "Harbour Post" not in text and "None" not in text
    tsv = labels.read_text(encoding="utf-8")
    assert tsv.startswith("# Audit items of ECB+ dossiers") and "Drawn with seed 7;" in tsv
    rows = [ln.split("\t") for ln in tsv.splitlines() if not ln.startswith("#")]
    assert rows[0] == audit.COLUMNS
    assert sorted(r[1] for r in rows[1:]) == ["card", "group", "summary"]
    assert "aaaa1111bbbb2222:body:24-43|cccc3333dddd4444:body:24-46" in [r[2] for r in rows[1:]]


def test_a_news_cluster_pairs_draw_shows_outlets_and_no_card(tmp_path: Path) -> None:
    audit = _audit()
    sheet, labels = tmp_path / "sheet.md", tmp_path / "labels.tsv"
    audit.sample(_Prism(), sheet, labels, 7, "all", "news_cluster")  # the corpus decides the names shown
    assert "- LINE [Harbour Post] The ferry left at noon." in sheet.read_text(encoding="utf-8")
    audit.sample(_Prism(), sheet, labels, 7, "pairs", "news_cluster")  # no invented story holds a pair label
    assert sheet.read_text(encoding="utf-8").count("## item") == 0
    assert labels.read_text(encoding="utf-8").startswith("# Audit items of news_cluster dossiers")
