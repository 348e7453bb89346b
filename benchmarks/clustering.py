"""Story clustering on ../shared/benchmarks/giveme5w1h_news_cluster, cross-validated.

The 69 gold events are split into two folds (even / odd event id). Parameters
are tuned on one fold's articles and scored on the other's, and the other way
round; the held-out scores are what we report. ``--repeats R`` adds R random
splits of the events into ``--k`` folds (seeded), each fold scored with
parameters tuned on the others, and reports their mean and spread. Metrics
(the corpus README): pairwise precision/recall/F1 over article pairs, B-cubed
P/R/F1 and ARI. ``--errors`` lists, per held-out fold, the gold events split
over several stories or sharing one, with each misplaced article's decision.

    .venv/bin/python benchmarks/clustering.py [--corpus DIR] [--json] [--quick] [--errors]
                                              [--repeats R] [--k K]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import random
import statistics
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
from newsprism.stories import Stories, StorySettings, assign, story_id  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "benchmarks" / "giveme5w1h_news_cluster"

GRID: dict[str, list[float]] = {
    "threshold": [0.12, 0.15, 0.2],
    "revive_threshold": [0.3, 0.4],
    "lone_threshold": [0.05, 0.07, 1.1],  # 1.1: no lone-candidate rule
    "lone_margin": [0.06, 0.1],
    "story_merge": [0.15, 0.2, 1.1],  # 1.1: no story-to-story merging
    "word_support": [0.0, 0.7],  # 0: a join may rest on one shared word
}
QUICK: dict[str, list[float]] = {"threshold": [0.12, 0.15], "story_merge": [0.15, 1.1]}


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


_GROUPS: dict[frozenset[str], list[tuple[str, ...]]] = {}


def run(arts: list[Article], settings: StorySettings, use_copies: bool = True) -> Stories:
    groups: list[tuple[str, ...]] = []
    if use_copies:
        key = frozenset(a.article_id for a in arts)
        if key not in _GROUPS:  # copies do not depend on the story settings: find them once per article set
            _GROUPS[key] = [tuple(g.article_ids) for g in find_copies(arts).groups]
        groups = _GROUPS[key]
    return assign(arts, settings, copy_groups=groups)


def cluster(arts: list[Article], settings: StorySettings, use_copies: bool = True) -> dict[str, str]:
    return run(arts, settings, use_copies).story_of()


def tune(arts: list[Article], gold: dict[str, str], grid: dict[str, list[float]]) -> tuple[StorySettings, float]:
    best: tuple[float, StorySettings] | None = None
    keys = list(grid)
    for values in itertools.product(*(grid[k] for k in keys)):
        params = dict(zip(keys, values, strict=True))
        if params.get("revive_threshold", 1.0) < params.get("threshold", 0.0):
            continue
        if params.get("lone_threshold", 0.0) > 1.0 and params.get("lone_margin") != grid.get("lone_margin", [None])[0]:
            continue  # the rule is off: its margin does not matter
        st = StorySettings(**params)  # type: ignore[arg-type]
        sc = scores(cluster(arts, st), gold)
        obj = (sc["pairwise_f1"] + sc["bcubed_f1"]) / 2
        if best is None or obj > best[0] + 1e-12:
            best = (obj, st)
    assert best is not None
    return best[1], best[0]


def errors(arts: list[Article], gold: dict[str, str], result: Stories, names: dict[str, str]) -> list[str]:
    """Lines naming the gold events split over stories or sharing one, and why each article went where."""
    by_id = {a.article_id: a for a in arts}
    pred = result.story_of()
    opener = {story_id(a.article_id): a.article_id for a in arts}
    members: dict[str, list[str]] = {}
    for aid in pred:
        members.setdefault(pred[aid], []).append(aid)

    def label(event: str) -> str:
        return f"{event} {names.get(event, '')[:45]}"

    def majority(sid: str) -> str:
        return Counter(gold[x] for x in members[sid]).most_common(1)[0][0]

    lines = []
    events: dict[str, Counter[str]] = {}
    for aid in pred:
        events.setdefault(gold[aid], Counter())[pred[aid]] += 1
    how = {m.article_id: m for m in result.memberships}
    for event, stories in sorted(events.items(), key=lambda kv: -len(kv[1])):
        if len(stories) < 2:
            continue
        main = stories.most_common(1)[0][0]
        lines.append(f"  split   {label(event)}: {sorted(stories.values(), reverse=True)}")
        for aid in sorted(x for x in pred if gold[x] == event and pred[x] != main):
            a, m = by_id[aid], how[aid]
            where = "its own story" if majority(pred[aid]) == event else f"a story of {label(majority(pred[aid]))}"
            lines.append(f"          {m.how} {m.similarity:.3f} -> {where}: {a.published and a.published.date()} "
                         f"{(a.title or '(no title)')[:60]!r} ({len(a.text.split())} words)")
    for sid, ids in sorted(members.items()):
        found = Counter(gold[x] for x in ids)
        if len(found) < 2:
            continue
        lines.append(f"  merged  {', '.join(f'{label(e)} x{n}' for e, n in found.most_common())}")
        for aid in sorted(ids, key=lambda x: (by_id[x].published is None, by_id[x].published or 0, x)):  # type: ignore[operator]
            if gold[aid] != gold[opener.get(sid, aid)]:
                m = how[aid]
                lines.append(f"          {m.how} {m.similarity:.3f}: {(by_id[aid].title or '(no title)')[:70]!r}")
    for mg in result.merges:
        if mg.article_id in gold and opener.get(mg.merged) in gold and opener.get(mg.into) in gold \
                and gold[opener[mg.merged]] != gold[opener[mg.into]]:
            lines.append(f"  merge across events at {mg.similarity:.3f}, bridged by "
                         f"{(by_id[mg.article_id].title or '')[:60]!r}")
    return lines


def cross_validate(arts: list[Article], gold: dict[str, str], folds: list[set[str]], grid: dict[str, list[float]],
                   names: dict[str, str], show_errors: bool) -> list[dict[str, object]]:
    """Tune on all folds but one, score the one; for each fold. ``folds`` are sets of gold event ids."""
    out = []
    for k, events in enumerate(folds):
        train = [a for a in arts if gold[a.article_id] not in events]
        test = [a for a in arts if gold[a.article_id] in events]
        t0 = time.perf_counter()
        st, obj = tune(train, {a.article_id: gold[a.article_id] for a in train}, grid)
        test_gold = {a.article_id: gold[a.article_id] for a in test}
        result = run(test, st)
        sc = scores(result.story_of(), test_gold)
        out.append({
            "test_fold": k, "train_articles": len(train), "test_articles": len(test),
            "tuned": {g: getattr(st, g) for g in grid},
            "train_objective": round(obj, 4), "held_out": {m: round(v, 4) for m, v in sc.items()},
            "tune_seconds": round(time.perf_counter() - t0, 1),
            "errors": errors(test, test_gold, result, names) if show_errors else [],
        })
    return out


def summary(folds: list[dict[str, object]]) -> dict[str, dict[str, float]]:
    metrics = list(folds[0]["held_out"])  # type: ignore[call-overload]
    values = {m: [f["held_out"][m] for f in folds] for m in metrics}  # type: ignore[index]
    return {
        "mean": {m: round(statistics.fmean(v), 4) for m, v in values.items()},
        "sd": {m: round(statistics.stdev(v), 4) if len(v) > 1 else 0.0 for m, v in values.items()},
        "min": {m: round(min(v), 4) for m, v in values.items()},
    }


def _line(h: dict[str, float]) -> str:
    return (f"pairwise P {h['pairwise_p']:.3f} R {h['pairwise_r']:.3f} F1 {h['pairwise_f1']:.3f} | "
            f"B-cubed P {h['bcubed_p']:.3f} R {h['bcubed_r']:.3f} F1 {h['bcubed_f1']:.3f} | ARI {h['ari']:.3f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--quick", action="store_true", help="a small grid (smoke test)")
    ap.add_argument("--errors", action="store_true", help="list split and merged gold events per held-out fold")
    ap.add_argument("--repeats", type=int, default=0, help="random event splits, on top of the parity folds")
    ap.add_argument("--k", type=int, default=3, help="folds per random split")
    args = ap.parse_args()
    if not (args.corpus / "data").is_dir() or not (args.corpus / "labels.tsv").is_file():
        print(f"error: corpus not found at {args.corpus} (expected data/ and labels.tsv); "
              "pass --corpus DIR", file=sys.stderr)
        return 2
    arts, gold = load(args.corpus)
    with (args.corpus / "labels.tsv").open(encoding="utf-8") as fh:
        names = {row["event_id"]: row["event"] for row in csv.DictReader(fh, delimiter="\t")}
    grid = QUICK if args.quick else GRID
    events = sorted(set(gold.values()), key=int)
    parity = [{e for e in events if int(e) % 2 == k} for k in (0, 1)]
    out: dict[str, object] = {"articles": len(arts), "events": len(events), "grid": grid}
    out["folds"] = cross_validate(arts, gold, parity, grid, names, args.errors)
    out["held_out_mean"] = summary(out["folds"])["mean"]  # type: ignore[arg-type]
    splits = []
    for r in range(args.repeats):
        shuffled = list(events)
        random.Random(r).shuffle(shuffled)
        folds = [set(shuffled[i::args.k]) for i in range(args.k)]
        splits += [{"repeat": r, **f} for f in cross_validate(arts, gold, folds, grid, names, args.errors)]
    if splits:
        out["random_splits"] = {"repeats": args.repeats, "k": args.k, "folds": splits, **summary(splits)}
    default = StorySettings()
    out["defaults_whole_corpus"] = {m: round(v, 4) for m, v in scores(cluster(arts, default), gold).items()}
    out["defaults_whole_corpus_without_copies"] = {
        m: round(v, 4) for m, v in scores(cluster(arts, default, use_copies=False), gold).items()}
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    print(f"{out['articles']} articles, {out['events']} gold events; two folds split by event id parity")
    for f in out["folds"]:  # type: ignore[attr-defined]
        h = f["held_out"]
        print(f"fold {f['test_fold']} held out ({f['test_articles']} articles), tuned on the other: {f['tuned']}")
        print(f"  {_line(h)} | {h['stories']} stories / {h['events']} events")
        for e in f["errors"]:
            print(e)
    print(f"held_out_mean (parity folds): {_line(out['held_out_mean'])}")  # type: ignore[arg-type]
    if splits:
        rs = out["random_splits"]
        print(f"{args.repeats} random splits of the events into {args.k} folds (seeds 0..{args.repeats - 1}):")
        for f in splits:
            print(f"  repeat {f['repeat']} fold {f['test_fold']} ({f['test_articles']} articles) "
                  f"tuned {f['tuned']}")
            print(f"    {_line(f['held_out'])}")  # type: ignore[arg-type]
            for e in f["errors"]:  # type: ignore[attr-defined]
                print("  " + e)
        print(f"random splits mean: {_line(rs['mean'])}")  # type: ignore[index]
        print(f"random splits sd:   {_line(rs['sd'])}")  # type: ignore[index]
        print(f"random splits min:  {_line(rs['min'])}")  # type: ignore[index]
    for name in ("defaults_whole_corpus", "defaults_whole_corpus_without_copies"):
        print(f"{name}: {_line(out[name])}")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
