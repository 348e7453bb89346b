"""A sample of timeline entries from a built store, for a person to check each date against its sentence.

Usage: .venv/bin/python benchmarks/timeline_dates.py STORE [--seed N] [--n N] [--json]

Builds every story's dossier from STORE (a copy: building may write the dossier
cache) and draws N timeline entries (story, date, statement) with a fixed seed
from all of them. For each it prints the date and its granularity, the
publication time of the cited article, the time expressions in the cited span
that gave the date (text, span, base) and the sentence, so that a reader can
say whether the date is the one the sentence means. The verdicts are a
person's, made while reading this output (not blind); docs/dates-benchmark.md gives
the seed, the count and the kinds of errors.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from newsprism import Prism


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--seed", type=int, default=1818)
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--json", action="store_true", help="one JSON object per entry")
    args = ap.parse_args()
    if not args.store.is_file():
        print(f"{args.store}: no such store", file=sys.stderr)
        return 2
    rows = []
    with Prism(args.store) as prism:
        stories = sorted(s.story_id for s in prism.stories(update=False))
        for sid in stories:
            for e in prism.dossier(sid, update=False).timeline:
                rows.append((sid, e))
        print(f"stories: {len(stories)}, timeline entries: {len(rows)}, seed {args.seed}", file=sys.stderr)
        pick = random.Random(args.seed).sample(range(len(rows)), min(args.n, len(rows)))
        for k, i in enumerate(sorted(pick), 1):
            sid, e = rows[i]
            c = e.statement.citations[0]
            article = prism.article(c.article_id)
            times = [t for t in prism.analysis(c.article_id).times
                     if t.field == c.field and c.start <= t.start < c.end and t.value == e.date]
            row = {
                "n": k, "story": sid, "date": e.date, "granularity": e.granularity, "article": c.article_id,
                "field": c.field, "start": c.start, "end": c.end,
                "published": article.published.isoformat() if article.published else None,
                "times": [(t.text, t.start, t.end, t.base) for t in times], "sentence": e.statement.text,
            }
            if args.json:
                print(json.dumps(row, ensure_ascii=False))
            else:
                print(f"[{k}] {e.date} ({e.granularity})  published {row['published']}  "
                      f"{c.article_id} {c.field} {c.start}-{c.end}")
                for t in times:
                    print(f"     time: {t.text!r} {t.start}-{t.end} base={t.base}")
                print(f"     {' '.join(e.statement.text.split())[:600]}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
