"""Every time expression of a corpus as resolved, and what two resolvers read differently.

Usage: .venv/bin/python benchmarks/times_diff.py dump INPUT... --out FILE
       .venv/bin/python benchmarks/times_diff.py diff OLD NEW

``dump`` reads the inputs as ``newsprism run`` does (every file, any format), cleans and
analyses each article with the default settings and writes one JSON object per time
expression: article id, field, span, text, value, granularity, status and the article's
publication time. ``diff`` prints the expressions (by article, field and span) whose value
or status differ between two dumps, then their count. To compare with another resolver,
dump with its source first on the path, e.g. main's:
``git archive main src | tar -x -C /tmp/main && PYTHONPATH=/tmp/main/src .venv/bin/python
benchmarks/times_diff.py dump CORPUS --out old.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

Key = tuple[str, str, int, int]


def dump(paths: list[str], out: Path) -> int:
    """Write every time expression of the articles under ``paths``; the number written."""
    from newsprism.analyse import analyse
    from newsprism.clean import clean
    from newsprism.ingest import read
    from newsprism.inputs import iter_inputs
    from newsprism.records import Article, RawDocument
    from newsprism.settings import Settings

    settings = Settings()
    articles: list[Article] = []
    for item in iter_inputs(paths, settings):
        if not hasattr(item, "data"):
            continue  # a Problem: an unreadable path
        for doc in read(item, settings):  # type: ignore[arg-type]
            if isinstance(doc, RawDocument) and isinstance(article := clean(doc, settings), Article):
                articles.append(article)
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for article, analysis in zip(articles, analyse(articles), strict=True):
            for t in analysis.times:
                f.write(json.dumps({"article": article.article_id, "field": t.field, "start": t.start, "end": t.end,
                                    "text": t.text, "value": t.value, "granularity": t.granularity,
                                    "status": t.status, "published": article.published.isoformat()
                                    if article.published else None}) + "\n")
                n += 1
    return n


def load(path: Path) -> dict[Key, dict[str, Any]]:
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {(r["article"], r["field"], r["start"], r["end"]): r for r in rows}


def differences(old: dict[Key, dict[str, Any]], new: dict[Key, dict[str, Any]]) -> list[tuple[Key, Any, Any]]:
    """(key, old (value, status), new (value, status)) for each expression read differently or in one dump only."""
    out = []
    for key in sorted(old.keys() | new.keys()):
        a, b = old.get(key), new.get(key)
        va = (a["value"], a["status"]) if a else None
        vb = (b["value"], b["status"]) if b else None
        if va != vb:
            out.append((key, va, vb))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("inputs", nargs="+")
    d.add_argument("--out", type=Path, required=True)
    c = sub.add_parser("diff")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    args = ap.parse_args()
    if args.cmd == "dump":
        print(f"{dump(args.inputs, args.out)} time expressions -> {args.out}")
        return 0
    for p in (args.old, args.new):
        if not p.is_file():
            print(f"{p}: no such dump", file=sys.stderr)
            return 2
    old, new = load(args.old), load(args.new)
    diffs = differences(old, new)
    for (article, field, start, end), va, vb in diffs:
        text = (new.get((article, field, start, end)) or old[(article, field, start, end)])["text"]
        print(f"{article} {field} {start}-{end} {text!r}: {va} -> {vb}")
    print(f"{len(diffs)} of {len(old.keys() | new.keys())} time expressions read differently")
    return 0


if __name__ == "__main__":
    sys.exit(main())
