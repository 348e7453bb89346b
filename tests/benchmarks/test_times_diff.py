"""benchmarks/times_diff.py: a dump of an invented corpus, and the expressions two dumps read differently."""

from __future__ import annotations

import json
from pathlib import Path

from _support import load_benchmark


def test_times_diff_dumps_and_compares(tmp_path: Path) -> None:
    bench = load_benchmark("times_diff")
    doc = {"title": "Ferry news", "text": "The ferry sailed on Monday. It returns in two weeks.",
           "published": "2025-10-30T09:00:00+00:00", "url": "https://example.org/ferry"}
    (tmp_path / "a.json").write_text(json.dumps(doc), encoding="utf-8")
    old = tmp_path / "old.jsonl"
    assert bench.dump([str(tmp_path / "a.json")], old) >= 1
    rows = bench.load(old)
    assert any(r["text"] == "Monday" and r["value"] == "2025-10-27" for r in rows.values())
    new = {k: dict(r, value="2025-11-03") if r["text"] == "Monday" else r for k, r in rows.items()}
    ((key, was, now),) = bench.differences(rows, new)
    assert rows[key]["text"] == "Monday" and was == ("2025-10-27", "resolved") and now == ("2025-11-03", "resolved")
    assert bench.differences(rows, rows) == []
