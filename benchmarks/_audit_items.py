"""The labelled group and summary items of the claims audits (``benchmarks/data/audit-*-labels.tsv``,
protocol in ``audit.py``), as the scripts that choose independence settings read them."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path


def stating_items(path: Path) -> Iterator[tuple[dict[str, str], list[str]]]:
    """Each group or summary item whose outlets were counted, with the spans that state its line: the
    printed line's own and every citation the labeller marked 1."""
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"))
    for r in rows:
        if r["kind"] not in ("group", "summary") or not r["outlets"]:
            continue
        spans = r["spans"].split(";")
        says = [x for x in r["says"].split(",") if x]
        yield r, [spans[0]] + [sp for sp, x in zip(spans[1:], says, strict=False) if x == "1"]
