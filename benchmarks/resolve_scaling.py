"""Entity resolution time against the store's size: is ``resolve.resolve_mentions`` linear?

A run resolves the mentions of every analysed article of the store again, so its time must grow with
the number of mentions, not with its square. Generates articles of five person mentions each
(invented given names, middle names or initials and surnames drawn from a fixed pool, so that
surnames repeat across articles as in a store of many stories), resolves each size and prints the
median time over N runs, the time per 1,000 mentions and its ratio to the smallest size's: a ratio
that stays near 1 is linear growth.

    .venv/bin/python benchmarks/resolve_scaling.py [--sizes 1000,2000,4000,8000] [--repeat N] [--json]

Generated in the script: no corpus needed, nothing written to disk.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from typing import Any

from newsprism.records import ArticleMentions, Mention
from newsprism.resolve import resolve_mentions

MENTIONS = 5


def generate(n: int, seed: int = 1) -> list[ArticleMentions]:
    """``n`` articles of invented person names; surnames from a pool that grows with ``n``."""
    rng = random.Random(seed)
    syllables = [c + v for c in "bcdfghjklmnprstvwz" for v in "aeiou"] + [v + c for v in "aeiou" for c in "lnrst"]

    def word(k: int) -> str:
        return "".join(rng.choice(syllables) for _ in range(k)).capitalize()

    given = [word(2) for _ in range(200)]
    middle = [word(2) for _ in range(50)] + [f"{c}." for c in "ABCDEFGHJK"]
    surnames = [word(3) for _ in range(max(100, n // 2))]
    out = []
    for a in range(n):
        ms, at = [], 0
        for _ in range(MENTIONS):
            parts = [rng.choice(given), rng.choice(surnames)]
            if rng.random() < 0.3:
                parts.insert(1, rng.choice(middle))
            if rng.random() < 0.2:
                parts = parts[-1:]
            name = " ".join(parts)
            ms.append(Mention(f"a{a}", name, "PERSON", at, at + len(name)))
            at += len(name) + 1
        out.append(ArticleMentions(f"a{a}", tuple(ms)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,2000,4000,8000", help="articles per store, comma-separated")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    rows: list[dict[str, Any]] = []
    for n in (int(s) for s in args.sizes.split(",")):
        articles = generate(n)
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            resolved = resolve_mentions(articles)
            times.append(time.perf_counter() - t)
        median = statistics.median(times)
        rows.append({"articles": n, "mentions": n * MENTIONS, "entities": len(resolved.entities),
                     "median_seconds": round(median, 3),
                     "seconds_per_1k_mentions": round(median / (n * MENTIONS / 1000), 4)})
    base = rows[0]["seconds_per_1k_mentions"]
    for r in rows:
        r["ratio_to_smallest"] = round(r["seconds_per_1k_mentions"] / base, 2) if base else None
    if args.json:
        print(json.dumps(rows, indent=1))
    else:
        for r in rows:
            print(f"{r['articles']:>7} articles {r['mentions']:>7} mentions {r['entities']:>7} entities  "
                  f"median {r['median_seconds']:.3f} s  {r['seconds_per_1k_mentions']:.4f} s/1k mentions  "
                  f"x{r['ratio_to_smallest']}")


if __name__ == "__main__":
    main()
