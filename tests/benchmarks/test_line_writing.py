"""benchmarks/line_writing.py: the claims it rebuilds from label spans carry their quotation's kind, and
ECB+'s rows of a label file that mixes corpora are read for ECB+ only."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

from _support import load_benchmark
from newsprism.records import Claim


def _script() -> ModuleType:
    return load_benchmark("line_writing")


def _claim(start: int, end: int) -> Claim:
    return Claim(f"a:body:{start}", "a", "body", start, end, "The ferry left the quay.", None, None, None,
                 (), (), (), (), (), False)


def test_line_writing_claims_take_the_kind_of_the_quotation_overlapping_them() -> None:
    quotes = {"a": (SimpleNamespace(field="body", start=40, end=90, kind="direct", speaker="the mayor"),)}
    inside = _script()._quoted(_claim(30, 60), quotes)
    assert inside.quote == "direct" and inside.attribution == "the mayor"
    assert _script()._quoted(_claim(0, 30), quotes).quote is None  # ends before the quotation opens
    assert _script()._quoted(_claim(30, 60), {}).quote is None


def test_line_writing_reads_each_corpus_rows_of_a_mixed_label_file(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    script = _script()
    rows = ["item\tkind\tspans\tsays\toutlets\treal\tcorpus",
            "1\tgroup\tx1:body:0-10;x2:body:0-10\t1\t1\t\tecbplus",
            "2\tgroup\ty1:body:0-10;y2:body:0-10\t1\t2\t\tnews_cluster"]
    (tmp_path / "mixed.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setattr(script, "DATA", tmp_path)
    monkeypatch.setitem(script.ECB_FILES, "orun", "mixed.tsv")
    monkeypatch.setitem(script.FILES, "orun", "mixed.tsv")
    prism = SimpleNamespace(article=lambda aid: SimpleNamespace(outlet=None))
    ecb = script._items(prism, ["orun"], "ecbplus")
    assert [(it["item"], it["label"], it["corpus"]) for it in ecb] == [("1", False, "ecbplus")]
    nc = script._items(prism, ["orun"], "news_cluster")
    assert [(it["item"], it["label"]) for it in nc] == [("2", True)]
