"""Canonical entities against ECB+ participant and location chains: B-cubed over mentions found.

Every ECB+ document of ``../shared/benchmarks/ecbplus_dev`` is analysed and resolved as one story per
topic (the way newsprism would see a topic's articles together). A gold entity or location mention
(kind ``entity`` or ``location`` with a cross-document chain) is *found* when a newsprism name mention
overlaps it; over the mentions found, B-cubed precision and recall compare the canonical entity ids
with the gold chains. Also printed: how many gold mentions were found.

    .venv/bin/python benchmarks/entities.py [--corpus DIR] [--topics N]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _articles import cleaned_article

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "ecbplus_dev"


def bcubed(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    """B-cubed P, R, F1 of (gold, predicted) cluster labels, one pair per item."""
    by_gold: dict[str, list[int]] = defaultdict(list)
    by_pred: dict[str, list[int]] = defaultdict(list)
    for i, (g, p) in enumerate(pairs):
        by_gold[g].append(i)
        by_pred[p].append(i)
    prec = rec = 0.0
    for g, p in pairs:
        same = len(set(by_gold[g]) & set(by_pred[p]))
        prec += same / len(by_pred[p])
        rec += same / len(by_gold[g])
    n = len(pairs) or 1
    prec, rec = prec / n, rec / n
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--topics", type=int, default=0, help="only the first N topics (0: all)")
    args = ap.parse_args()
    if not (args.corpus / "mentions.jsonl").is_file():
        sys.exit(f"{args.corpus}: ECB+ benchmark not found (see ../shared/benchmarks/README.md)")
    from newsprism.analyse import analyse, source_span
    from newsprism.resolve import resolve

    gold: dict[str, list[dict[str, object]]] = defaultdict(list)
    for line in (args.corpus / "mentions.jsonl").open(encoding="utf-8"):
        m = json.loads(line)
        if m["kind"] in ("entity", "location") and m["chain"] and not str(m["chain"]).startswith("intra:"):
            gold[m["file"]].append(m)
    by_topic: dict[str, list[Path]] = defaultdict(list)
    for f in sorted((args.corpus / "docs").glob("*.txt")):
        by_topic[f.name.split("_")[0]].append(f)
    topics = sorted(by_topic, key=int)[: args.topics or None]
    pairs: list[tuple[str, str]] = []
    total = 0
    for topic in topics:
        files = by_topic[topic]
        articles = [cleaned_article(None, f.read_text(encoding="utf-8"), None, f.name) for f in files]
        res = resolve(analyse(articles))
        for f, art, an in zip(files, articles, res.analyses, strict=True):
            spans = []
            for m in an.mentions:
                if m.kind == "name" and m.entity_id:
                    src = source_span(art, m.field, m.start, m.end)
                    if src is not None:
                        spans.append((src[0], src[1], m.entity_id))
            for g in gold.get(f.name, ()):
                total += 1
                gs, ge = int(str(g["start"])), int(str(g["end"]))
                hit = next((eid for s, e, eid in spans if s < ge and gs < e), None)
                if hit is not None:
                    pairs.append((str(g["chain"]), hit))
    p, r, f1 = bcubed(pairs)
    print(f"topics={len(topics)} gold_mentions={total} found={len(pairs)} ({len(pairs) / max(total, 1):.3f}) "
          f"bcubed_p={p:.3f} bcubed_r={r:.3f} bcubed_f1={f1:.3f}")


if __name__ == "__main__":
    main()
