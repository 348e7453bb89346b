"""Cleaning time against input size: is ``clean.clean`` linear?

Generates plain-text articles of 1 to 50 MB (invented words drawn from a
Zipf-like vocabulary, 20 to 80 words a paragraph, one paragraph in twenty a
near copy of an earlier one, as repeated leads are), cleans each with
``clean.clean`` and prints the median time over N runs, the time per MB and
its ratio to the smallest size's: a ratio that stays near 1 is linear growth.

    .venv/bin/python benchmarks/clean_scaling.py [--sizes 1,2,5,10,20,50] [--repeat N] [--json]

``--baseline`` also times the repeated-paragraph check as it was before the
shingle index (every kept paragraph compared in turn) on the sizes up to 2 MB.
Generated in the script: no corpus needed, nothing written to disk.
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import random
import resource
import statistics
import sys
import time
from typing import Any

from newsprism import clean
from newsprism.records import RawDocument
from newsprism.settings import Settings

MB = 1024 * 1024


def generate(size: int, seed: int = 1) -> str:
    """About ``size`` bytes of invented news-like text."""
    rng = random.Random(seed)
    vocab = ["".join(rng.choice("bcdfghjklmnprstvwz") + rng.choice("aeiou") for _ in range(rng.randint(1, 4)))
             for _ in range(20_000)]
    weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocab))))
    out = ["Harbour news of the day", ""]
    total = 0
    paragraphs: list[str] = []
    while total < size:
        if paragraphs and rng.random() < 0.05:
            words = rng.choice(paragraphs).split()
            words[rng.randrange(len(words))] = rng.choice(vocab)
            text = " ".join(words)
        else:
            words = rng.choices(vocab, cum_weights=weights, k=rng.randint(20, 80))
            text = " ".join(words).capitalize() + "."
            paragraphs.append(text)
        out.append(text)
        out.append("")
        total += len(text) + 2
    return "\n".join(out)


def _brute_force(mine: Any, kept: list[tuple[Any, int]], threshold: float) -> int | None:
    for theirs, index in kept:
        small, large = sorted((len(mine), len(theirs)))
        if not large or small / large < threshold:
            continue
        if len(mine & theirs) / len(mine | theirs) >= threshold:
            return index
    return None


class _BruteIndex:
    """The list the check walked before the index, behind the index's interface."""

    def __init__(self, threshold: float, blocks: object) -> None:
        self.threshold = threshold
        self.sets: list[tuple[Any, int]] = []

    def add(self, shingles: Any, index: int) -> None:
        self.sets.append((shingles, index))


def time_clean(text: str, repeat: int, settings: Settings) -> list[float]:
    doc = RawDocument(source="generated.txt", format="text", encoding="utf-8", text=text)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        article = clean.clean(doc, settings)
        times.append(time.perf_counter() - start)
    assert article.paragraphs
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,2,5,10,20,50", help="sizes in MB, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline", action="store_true", help="also time the check before the index (<= 2 MB)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sizes = [float(x) for x in args.sizes.split(",")]
    settings = Settings()
    rows: list[dict[str, Any]] = []
    for mb in sizes:
        text = generate(int(mb * MB))
        times = time_clean(text, args.repeat, settings)
        row: dict[str, Any] = {"mb": mb, "median_s": statistics.median(times), "min_s": min(times),
                               "max_s": max(times)}
        if args.baseline and mb <= 2:
            real_index, real_check = clean.stage.RepeatIndex, clean.stage.near_repeat
            clean.stage.RepeatIndex = _BruteIndex  # type: ignore[assignment,misc]
            clean.stage.near_repeat = lambda mine, kept: _brute_force(mine, kept.sets, kept.threshold)  # type: ignore[assignment,attr-defined]
            try:
                row["before_index_s"] = statistics.median(time_clean(text, 1, settings))
            finally:
                clean.stage.RepeatIndex, clean.stage.near_repeat = real_index, real_check  # type: ignore[misc]
        rows.append(row)
        if not args.json:
            first = rows[0]["median_s"] / rows[0]["mb"]
            per = row["median_s"] / mb
            extra = f"   before the index: {row['before_index_s']:7.2f} s" if "before_index_s" in row else ""
            print(f"{mb:5g} MB  median {row['median_s']:7.2f} s  (min {row['min_s']:.2f}, max {row['max_s']:.2f})"
                  f"  {per:6.3f} s/MB  x{per / first:4.2f}{extra}", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if args.json:
        print(json.dumps({"rows": rows, "peak_rss_mb": peak, "python": sys.version.split()[0],
                          "machine": platform.machine()}, indent=1))
    else:
        print(f"peak RSS {peak:.0f} MB; Python {sys.version.split()[0]} on {platform.machine()}; "
              f"{args.repeat} run(s) a size")


if __name__ == "__main__":
    main()
