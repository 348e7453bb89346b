"""Reports of one happening on news_cluster (held apart from ECB+, where they were tuned).

Usage: .venv/bin/python benchmarks/happening_news_cluster.py [--workdir DIR] [--corpus DIR]

The 383 articles of ../shared/benchmarks/giveme5w1h_news_cluster are ingested and analysed
into a store under ``--workdir`` (kept for a second run) and clustered into stories. For each
story of two articles or more it prints where ``claims._article_events`` cuts the story at the
shipped defaults (the gold event of each article: the corpus's ``labels.tsv``), counts the
article pairs of one story that span two gold events or one, cut or kept, and compares the
happenings ``claims.align`` makes at the shipped defaults with the previous rule (no cut,
``happening_link_threshold`` 0.5, ``happening_threshold`` 0.2): the largest happening's share
of a story's statement groups.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import statistics
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "benchmarks" / "giveme5w1h_news_cluster"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/np-news-cluster-happenings"))
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    if not (args.corpus / "labels.tsv").exists():
        raise SystemExit(f"{args.corpus}: the news_cluster folder (labels.tsv, data/) is not there")
    from newsprism import Prism
    from newsprism import claims as C
    from newsprism.settings import AlignSettings

    with (args.corpus / "labels.tsv").open(encoding="utf-8") as f:
        gold = {r["file"]: r["event_id"] for r in csv.DictReader(f, delimiter="\t")}
    args.workdir.mkdir(parents=True, exist_ok=True)
    prism = Prism(db=args.workdir / "nc.db")
    files = sorted((args.corpus / "data").glob("*.json"))
    if len(prism.articles()) < len(files):
        prism.ingest([str(p) for p in files])
        prism.analyse()
    embed = prism.claim_embedder()
    copies = prism.store.copies()
    shipped = AlignSettings()
    previous = dataclasses.replace(shipped, happening_link_threshold=0.5, happening_threshold=0.2,
                                   happening_article_threshold=-1.0, happening_article_ratio=0.0)
    pairs: Counter[tuple[str, str]] = Counter()
    cut = 0
    share: dict[str, list[float]] = {"previous": [], "shipped": []}
    stories = [s for s in prism.stories() if len(s.article_ids) > 1]
    for st in stories:
        arts = [prism.article(i) for i in st.article_ids]
        anas = [prism.analysis(i) for i in st.article_ids]
        event = {a.article_id: gold.get(Path(a.source).name, "?") for a in arts}
        ents = prism.store.entities_with_relations(set(st.article_ids))
        by_id = {e.entity_id: e for e in ents}
        claims = [c for a, an in zip(arts, anas, strict=True) if "empty" not in a.flags
                  for c in C.extract(a, an, by_id)]
        part = {c.article_id: int(k) for c, k in zip(claims, C._article_events(claims, by_id, shipped), strict=True)}
        if len(set(part.values())) > 1:
            cut += 1
            print(f"cut {st.story_id} ({len(part)} articles): (gold event, part) x articles",
                  sorted(Counter((event[a], k) for a, k in part.items()).items()))
        ids = sorted(part)
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                pairs[("one gold event" if event[a] == event[b] else "two gold events",
                       "cut" if part[a] != part[b] else "kept")] += 1
        for name, settings in (("previous", previous), ("shipped", shipped)):
            al = C.align(arts, anas, ents, copies, settings, embed=embed)
            groups = sum(1 for g in al.groups if g.kind == "statement")
            largest = max((len(h.group_ids) for h in al.happenings), default=0)
            share[name].append(largest / groups if groups else 0.0)
    print(f"stories of 2+ articles: {len(stories)}; cut: {cut}")
    print("article pairs of one story:", ", ".join(f"{k[0]} {k[1]} {v}" for k, v in sorted(pairs.items())))
    for name, xs in share.items():
        print(f"{name}: the largest happening's share of a story's statement groups, median {statistics.median(xs):.2f}")


if __name__ == "__main__":
    main()
