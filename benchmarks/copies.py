"""Copy detection on ../shared/benchmarks/giveme5w1h_news_cluster (or ``--corpus`` ecbplus_dev).

Lists every copy group found, with its links' kind, containment and Jaccard,
outlets and the chosen origin. Checks:
- gold consistency: a link between articles of two different gold events is
  certainly a false copy (a lower bound on false copies);
- candidate recall: the links found through the candidate indexes (MinHash
  LSH banding and the sampled-shingle index) against an exhaustive
  verification of every pair with the same thresholds.

    .venv/bin/python benchmarks/copies.py [--corpus DIR] [--json]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from clustering import DEFAULT, load, present  # noqa: E402

from newsprism.copies import CopySettings, _shingles, _verify, find_copies, wire_credit  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not present(args.corpus):
        print(f"error: corpus not found at {args.corpus} (expected labels.tsv and data/ or docs/); pass --corpus DIR",
              file=sys.stderr)
        return 2
    arts, gold = load(args.corpus)
    by_id = {a.article_id: a for a in arts}
    settings = CopySettings()
    t = time.perf_counter()
    found = find_copies(arts, settings)
    seconds = time.perf_counter() - t
    # exhaustive: every pair verified exactly
    cache: dict[str, int] = {}
    usable = sorted((a for a in arts if "empty" not in a.flags), key=lambda a: a.article_id)
    sh = {a.article_id: _shingles(a.text, settings.shingle, cache) for a in usable}
    wires = {a.article_id: w for a in usable if (w := wire_credit(a))}
    exhaustive = set()
    for a, b in itertools.combinations(usable, 2):
        if sh[a.article_id].size and sh[b.article_id].size and _verify(a, sh[a.article_id], b, sh[b.article_id],
                                                                       wires, settings):
            exhaustive.add(frozenset((a.article_id, b.article_id)))
    lsh = {frozenset((x.source, x.target)) for x in found.links}
    cross = [x for x in found.links if gold[x.source] != gold[x.target]]
    groups = []
    for g in found.groups:
        links = [x for x in found.links if x.source in g.article_ids]
        groups.append({
            "group": g.group_id, "event": gold[g.origin], "origin": g.origin,
            "origin_outlet": by_id[g.origin].outlet, "reason": g.reason,
            "outlets": [by_id[i].outlet for i in g.article_ids],
            "title": by_id[g.origin].title,
            "links": [{"source": by_id[x.source].outlet, "target": by_id[x.target].outlet, "kind": x.kind,
                       "containment": x.containment, "jaccard": x.jaccard, "shared": x.shared} for x in links],
        })
    kinds: dict[str, int] = {}
    for x in found.links:
        kinds[x.kind] = kinds.get(x.kind, 0) + 1
    out = {
        "articles": len(arts), "empty_skipped": len(arts) - len(usable), "seconds": round(seconds, 3),
        "links": len(found.links), "kinds": kinds, "groups": len(found.groups),
        "articles_in_groups": sum(len(g.article_ids) for g in found.groups),
        "cross_event_links": len(cross),
        "exhaustive_links": len(exhaustive),
        "candidate_recall_vs_exhaustive": round(len(lsh & exhaustive) / len(exhaustive), 4) if exhaustive else 1.0,
        "wire_credits": dict(sorted({w.wire: sum(1 for x in found.wires if x.wire == w.wire) for w in found.wires}.items())),
        "copy_groups": groups,
    }
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    print(f"{out['articles']} articles ({out['empty_skipped']} empty, skipped); find_copies {out['seconds']} s")
    print(f"{out['links']} links {out['kinds']}, {out['groups']} copy groups over {out['articles_in_groups']} articles")
    print(f"links across gold events (certain false copies): {out['cross_event_links']}")
    print(f"candidate recall against exhaustive pair verification: {out['candidate_recall_vs_exhaustive']} "
          f"({len(lsh & exhaustive)}/{len(exhaustive)})")
    print(f"wire credits found: {out['wire_credits']}")
    for g in groups:
        print(f"\nevent {g['event']}: {g['title']}")
        print(f"  origin {g['origin_outlet']} ({g['reason']}); outlets: {', '.join(o or '?' for o in g['outlets'])}")
        for x in g["links"]:
            print(f"    {x['source']} -> {x['target']}: {x['kind']}, containment {x['containment']:.3f}, "
                  f"Jaccard {x['jaccard']:.3f}, {x['shared']} shared shingles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
