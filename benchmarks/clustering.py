"""Story clustering on ../shared/benchmarks/giveme5w1h_news_cluster, cross-validated.

The 69 gold events are split into two folds (even / odd event id). Parameters
are tuned on one fold's articles and scored on the other's, and the other way
round; the held-out scores are what we report. Metrics (the corpus README):
pairwise precision/recall/F1 over article pairs, B-cubed P/R/F1 and ARI.

    .venv/bin/python benchmarks/clustering.py [--corpus DIR] [--json] [--quick]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprism import Prism  # noqa: E402
from newsprism.copies import find_copies  # noqa: E402
from newsprism.records import Article  # noqa: E402
from newsprism.stories import StorySettings, assign  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "benchmarks" / "giveme5w1h_news_cluster"

GRID: dict[str, list[float]] = {
    "threshold": [0.1, 0.15, 0.2, 0.25],
    "revive_threshold": [0.3, 0.5],
    "merge_threshold": [0.3, 0.5],
    "window_days": [14.0, 30.0],
    "title_weight": [1.0, 2.0],
    "entity_weight": [0.0, 1.0],
}
QUICK: dict[str, list[float]] = {"threshold": [0.15, 0.2], "window_days": [30.0]}


def load(corpus: Path) -> tuple[list[Article], dict[str, str]]:
    """Ingest the corpus into a throw-away store; return articles and gold event per article id."""
    with (corpus / "labels.tsv").open(encoding="utf-8") as fh:
        event = {row["file"]: row["event_id"] for row in csv.DictReader(fh, delimiter="\t")}
    with tempfile.TemporaryDirectory() as tmp, Prism(db=Path(tmp) / "nc.db") as prism:
        prism.ingest([str(corpus / "data")])
        arts = list(prism.store.iter_articles())
    gold = {a.article_id: event[Path(a.source).name] for a in arts}
    return arts, gold


def scores(pred: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    from sklearn.metrics import adjusted_rand_score

    ids = sorted(gold)
    tp = fp = fn = 0
    for a, b in itertools.combinations(ids, 2):
        same_p, same_g = pred[a] == pred[b], gold[a] == gold[b]
        tp += same_p and same_g
        fp += same_p and not same_g
        fn += same_g and not same_p
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    pc, gc = Counter(pred[i] for i in ids), Counter(gold[i] for i in ids)
    both = Counter((pred[i], gold[i]) for i in ids)
    bp = sum(both[(pred[i], gold[i])] / pc[pred[i]] for i in ids) / len(ids)
    br = sum(both[(pred[i], gold[i])] / gc[gold[i]] for i in ids) / len(ids)
    return {
        "pairwise_p": p, "pairwise_r": r, "pairwise_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "bcubed_p": bp, "bcubed_r": br, "bcubed_f1": 2 * bp * br / (bp + br) if bp + br else 0.0,
        "ari": adjusted_rand_score([gold[i] for i in ids], [pred[i] for i in ids]),
        "stories": len(set(pred[i] for i in ids)), "events": len(gc),
    }


def cluster(arts: list[Article], settings: StorySettings, use_copies: bool = True) -> dict[str, str]:
    groups = [g.article_ids for g in find_copies(arts).groups] if use_copies else []
    return assign(arts, settings, copy_groups=groups).story_of()


def tune(arts: list[Article], gold: dict[str, str], grid: dict[str, list[float]]) -> tuple[StorySettings, float]:
    best: tuple[float, StorySettings] | None = None
    keys = list(grid)
    for values in itertools.product(*(grid[k] for k in keys)):
        params = dict(zip(keys, values, strict=True))
        if params.get("revive_threshold", 1.0) < params["threshold"]:
            continue
        st = StorySettings(**params)  # type: ignore[arg-type]
        sc = scores(cluster(arts, st), gold)
        obj = (sc["pairwise_f1"] + sc["bcubed_f1"]) / 2
        if best is None or obj > best[0] + 1e-12:
            best = (obj, st)
    assert best is not None
    return best[1], best[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--quick", action="store_true", help="a small grid (smoke test)")
    args = ap.parse_args()
    if not (args.corpus / "data").is_dir() or not (args.corpus / "labels.tsv").is_file():
        print(f"error: corpus not found at {args.corpus} (expected data/ and labels.tsv); "
              "pass --corpus DIR", file=sys.stderr)
        return 2
    arts, gold = load(args.corpus)
    grid = QUICK if args.quick else GRID
    folds = [
        [a for a in arts if int(gold[a.article_id]) % 2 == k] for k in (0, 1)
    ]
    out: dict[str, object] = {"articles": len(arts), "events": len(set(gold.values())), "folds": []}
    held: list[dict[str, float]] = []
    for k in (0, 1):
        train, test = folds[1 - k], folds[k]
        t0 = time.perf_counter()
        st, obj = tune(train, {a.article_id: gold[a.article_id] for a in train}, grid)
        sc = scores(cluster(test, st), {a.article_id: gold[a.article_id] for a in test})
        held.append(sc)
        out["folds"].append({  # type: ignore[attr-defined]
            "test_fold": k, "train_articles": len(train), "test_articles": len(test),
            "tuned": {k: getattr(st, k) for k in grid},
            "train_objective": round(obj, 4), "held_out": {m: round(v, 4) for m, v in sc.items()},
            "tune_seconds": round(time.perf_counter() - t0, 1),
        })
    out["held_out_mean"] = {m: round(sum(h[m] for h in held) / 2, 4) for m in held[0]}
    default = StorySettings()
    out["defaults_whole_corpus"] = {m: round(v, 4) for m, v in scores(cluster(arts, default), gold).items()}
    out["defaults_whole_corpus_without_copies"] = {
        m: round(v, 4) for m, v in scores(cluster(arts, default, use_copies=False), gold).items()}
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(f"{out['articles']} articles, {out['events']} gold events; two folds split by event id parity")
        for f in out["folds"]:  # type: ignore[attr-defined]
            h = f["held_out"]
            print(f"fold {f['test_fold']} held out ({f['test_articles']} articles), tuned on the other: "
                  f"{f['tuned']}")
            print(f"  pairwise P {h['pairwise_p']:.3f} R {h['pairwise_r']:.3f} F1 {h['pairwise_f1']:.3f} | "
                  f"B-cubed P {h['bcubed_p']:.3f} R {h['bcubed_r']:.3f} F1 {h['bcubed_f1']:.3f} | "
                  f"ARI {h['ari']:.3f} | {h['stories']} stories / {h['events']} events")
        for name in ("held_out_mean", "defaults_whole_corpus", "defaults_whole_corpus_without_copies"):
            h = out[name]  # type: ignore[assignment]
            print(f"{name}: pairwise F1 {h['pairwise_f1']:.3f} (P {h['pairwise_p']:.3f} R {h['pairwise_r']:.3f}) "  # type: ignore[index]
                  f"B-cubed F1 {h['bcubed_f1']:.3f} ARI {h['ari']:.3f}")  # type: ignore[index]
    return 0


if __name__ == "__main__":
    sys.exit(main())
