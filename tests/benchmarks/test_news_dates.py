"""benchmarks/news_dates.py: the labeller's lines to spans, and a gold folder in TimeBank's format.

Invented articles and labels only; the check against TimeBank's own scorer skips when ../shared is absent.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from _support import load_benchmark

BODY = ("Ferry strike ends\n"
        "\n"
        "The ferry crews voted on Monday to end the strike, and the first sailing left  on Tuesday.\n"
        "The union said in March 2024 that the March talks had failed; on Monday it agreed.\n"
        "A line past the region.\n")
DOCS = {
    "a1": {"text": BODY, "date_publish": "2025-10-29T08:00:00", "url": "https://example.org/ferry"},
    "a2": {"text": "Quay news\nNothing dated here.\n", "date_publish": "2025-10-30T00:00:00"},
}
DRAWN = ["a1", "a2"]


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    module = load_benchmark("news_dates")
    monkeypatch.setattr(module, "REGION_CHARS", 150)  # the region: the first three lines of BODY and the fourth
    return module


def test_news_dates_spans_finds_each_occurrence_in_its_line(bench) -> None:  # type: ignore[no-untyped-def]
    raw = ("D00\tL2\ton Monday\t1\t2025-10-27\n"
           "D00\tL2\ton Tuesday\t1\t2025-10-28\n"  # two spaces before it in the text: any run of spaces fits
           "D00\tL3\tMarch\t2\t2024-03\n"  # "March 2024" holds the first "March"
           "D00\tL3\ton Monday\t1\t2025-10-27\n")
    rows = bench.spans(raw, DOCS, DRAWN)
    assert [BODY[s:e] for _, s, e, _ in rows] == ["on Monday", "on Tuesday", "March", "on Monday"]
    assert rows[2][1] == BODY.index("March talks")
    assert rows[3][1] == BODY.index("on Monday it")
    assert [v for *_, v in rows] == ["2025-10-27", "2025-10-28", "2024-03", "2025-10-27"]
    assert all(a == "a1" for a, *_ in rows)


@pytest.mark.parametrize(("raw", "says"), [
    ("D00\tL2\ton Monday\t2\t2025-10-27", r"1 time\(s\), not 2"),
    ("D00\tL2\ton Sunday\t1\t2025-10-26", r"0 time\(s\)"),
    ("D05\tL2\ton Monday\t1\t2025-10-27", "no article D05"),
    ("D00\tL9\ton Monday\t1\t2025-10-27", "has no line L9"),
    ("D00\tL2\ton Monday\t1\tlast Monday", "no TimeML date"),
    ("D00\tL2\ton Monday\t2025-10-27", "4 fields"),
])
def test_news_dates_spans_refuses_a_line_that_does_not_fit(bench, raw: str, says: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=says):
        bench.spans(raw, DOCS, DRAWN)


def test_news_dates_labels_keep_spans_only(bench, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = bench.spans("D00\tL2\ton Monday\t1\t2025-10-27\n", DOCS, DRAWN)
    path = tmp_path / "labels.tsv"
    bench.write_labels(rows, path)
    assert path.read_text(encoding="utf-8").splitlines() == ["article\tstart\tend\tvalue", f"a1\t{rows[0][1]}\t"
                                                             f"{rows[0][2]}\t2025-10-27"]
    assert bench.read_labels(path) == rows


def test_news_dates_build_writes_the_timebank_format(bench, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = bench.spans("D00\tL2\ton Monday\t1\t2025-10-27\nD00\tL3\tMarch\t2\t2024-03\n", DOCS, DRAWN)
    scorer = tmp_path / "score.py"
    scorer.write_text("# a scorer\n", encoding="utf-8")
    out = tmp_path / "gold"
    bench.build(out, rows, DRAWN, DOCS, scorer)
    region = BODY[:bench.region(BODY)]
    assert region.endswith("had failed; on Monday it agreed.\n") and "past the region" not in region
    assert (out / "docs" / "a1.txt").read_text(encoding="utf-8") == region
    assert (out / "docs" / "a2.txt").is_file()  # drawn, with no label: nothing to find there
    assert (out / "dct.tsv").read_text(encoding="utf-8").splitlines() == ["doc\tdct", "a1\t2025-10-29", "a2\t2025-10-30"]
    timexes = [json.loads(x) for x in (out / "timex.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(t["doc"], t["text"], t["type"], t["value"]) for t in timexes] == [
        ("a1", "on Monday", "DATE", "2025-10-27"), ("a1", "March", "DATE", "2024-03")]
    arts = [json.loads(x) for x in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert arts[0]["text"] == region and arts[0]["published"] == "2025-10-29T08:00:00"
    assert arts[0]["title"] == "Ferry strike ends"
    assert (out / "score.py").read_text(encoding="utf-8") == "# a scorer\n"
    bench.build(tmp_path / "noon", rows, DRAWN, DOCS, scorer, at_noon=True)
    noon = [json.loads(x) for x in (tmp_path / "noon" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [a["published"] for a in noon] == ["2025-10-29T12:00:00+00:00", "2025-10-30T12:00:00+00:00"]
    with pytest.raises(ValueError, match="not drawn"):
        bench.build(tmp_path / "other", [("zz", 0, 3, "2025")], DRAWN, DOCS, scorer)


def test_news_dates_build_is_scored_by_timebanks_scorer(bench, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The built folder reads with TimeBank's own ``score.py``: the gold as predictions scores 1.0."""
    if not (bench.TIMEBANK / "score.py").is_file():
        pytest.skip("../shared/benchmarks/timebank is absent")
    rows = bench.spans("D00\tL2\ton Monday\t1\t2025-10-27\nD00\tL3\tMarch\t2\t2024-03\n", DOCS, DRAWN)
    out = tmp_path / "gold"
    bench.build(out, rows, DRAWN, DOCS)
    spec = importlib.util.spec_from_file_location("built_score", out / "score.py")
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps({"doc": a, "start": s, "end": e, "value": v}) + "\n" for a, s, e, v in rows),
                    encoding="utf-8")
    got = scorer.score(out, pred, 0, True)
    assert got["gold"] == 2 and got["value_f1"] == 1.0
