"""Story clustering on two labelled corpora at once, cross-validated by held-out topics and events.

Corpora (next to the repository, ``../shared/benchmarks``):
- ``giveme5w1h_news_cluster``: 383 news articles with publication dates, 69 gold events;
- ``ecbplus_dev``: 772 articles in 33 topics, two similar events per topic (66 gold
  events), no publication dates; the ECB+-half files open with a URL line.

Cross-validation: the ECB+ topics (both events of a topic go together) and the
news_cluster events are each shuffled (seeded) into ``--k`` folds; fold i of
both corpora is held out at once. Parameters are grid-searched on the other
folds of both corpora (objective: the mean over the two corpora of the mean of
pairwise F1 and B-cubed F1) and scored on the held-out fold of each corpus,
which the tuner never saw. ``--repeats R`` repeats with R seeds (from ``--seed``, 0). Reported: each
fold's tuned settings and held-out scores, their mean, sd and min per corpus;
the shipped defaults (``StorySettings()``) on each whole corpus; with
``--choose``, the grid's best on both whole corpora (how the defaults are
picked). Metrics as in the corpora's READMEs (pairwise P/R/F1, B-cubed P/R/F1,
ARI). ``--errors`` lists split and merged gold events at the defaults;
``--at-defaults`` also scores each held-out fold at the shipped defaults (chosen on
the whole corpora, so in-sample there: it tells how much of a fold's shortfall is
the fold's own choice of settings and how much the fold's events);
``--landscape KEY,KEY`` prints, per fold, the training folds' best point for each combination of
those settings' values, its training objective per corpus and its held-out scores (why a fold chose
what it chose, and what the other choice would have scored);
``--pred DIR`` writes each corpus's predicted stories at the defaults as
``DIR/<corpus>.tsv`` (file, story) for the corpora's own ``score.py``. ``--grid NAME``
searches another grid of ``GRIDS`` (those tried against the default one).

    .venv/bin/python benchmarks/clustering.py [--news DIR] [--ecb DIR] [--k 3] [--repeats 1]
                                              [--choose] [--quick] [--grid NAME] [--errors] [--pred DIR] [--json]
                                              [--at-defaults] [--landscape KEY,KEY]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import math
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
from newsprism import stories as _stories  # noqa: E402
from newsprism import story_cluster as _story_cluster  # noqa: E402
from newsprism.copies import find_copies  # noqa: E402
from newsprism.records import Article  # noqa: E402
from newsprism.stories import Stories, StorySettings, assign, story_id  # noqa: E402

SHARED = ROOT.parent / "shared" / "benchmarks"
DEFAULT = SHARED / "giveme5w1h_news_cluster"
ECB = SHARED / "ecbplus_dev"

GRID: dict[str, list[float]] = {
    "threshold": [0.12, 0.15, 0.2],
    "link": [0.5, 0.7],  # 0: centroid cosine, 1: mean cosine to the story's articles
    "title_weight": [0.01, 0.2],
    "name_conflict": [0, 3],  # 0: names never block a join
    "story_merge": [0.25, 1.1],  # 1.1: no story-to-story merging
}
#: grids tried against GRID (``--grid``); title_weight left at 0.01, which every fold picked
GRIDS: dict[str, dict[str, list[float]]] = {
    "default": GRID,
    "years": {**{k: v for k, v in GRID.items() if k != "title_weight"},
              "year_gap": [math.inf, 3]},  # inf: years never block a join
    "years-lone": {**{k: v for k, v in GRID.items() if k != "title_weight"},
                   "year_gap": [math.inf, 3],
                   "lone_threshold": [1.1, 0.08],  # 1.1: off; a clear best (lone_margin ahead) joins from here
                   "lone_margin": [0.04]},
    "split": {**{k: v for k, v in GRID.items() if k != "title_weight"},
              "split_below": [0.0, 0.2, 0.25]},  # 0: no second-pass split
    "split-groups": {**{k: v for k, v in GRID.items() if k != "title_weight"},
                     "split_below": [0.0, 0.2, 0.25],
                     "split_min": [2, 3],  # the fewest articles each of the two groups must hold
                     "split_ward": [False, True]},  # Ward's groups instead of average link's
    "cohesion": {**{k: v for k, v in GRID.items() if k != "title_weight"},
                 "merge_cohesion": [0.0, 0.7, 0.85]},  # 0: two stories merge however tight each is
    "cohesion-title": {**GRID, "merge_cohesion": [0.0, 0.85]},  # and title_weight 0.01/0.2
    "common": {**{k: v for k, v in GRID.items() if k != "title_weight"},
               "min_df": [1, 2],  # 1: every term; 2: a term no earlier article holds is not read
               "split_below": [0.0, 0.25],
               "split_min": [2, 3]},
    # "common" at split_min 3 (most folds chose 3). Written with split_below 0/0.25, it searched 0.25 alone
    # while split_min 2 was the default (a point without the split was dropped unless its split_min was
    # the default); written as measured:
    "common-3": {**{k: v for k, v in GRID.items() if k != "title_weight"},
                 "min_df": [1, 2],
                 "split_below": [0.25],
                 "split_min": [3]},
    "split-3": {**{k: v for k, v in GRID.items() if k != "title_weight"},  # "common-3" without min_df 2
                "split_below": [0.25],
                "split_min": [3]},
    "rejoin": {**{k: v for k, v in GRID.items() if k != "title_weight"},  # "common-3" and a lone article's merge
               "min_df": [1, 2],
               "split_below": [0.25],
               "split_min": [3],
               "rejoin": [1.1, 0.12]},  # 1.1: off; 0.12 from a screen at the defaults (in-sample)
    # "rejoin" with the value chosen inside the folds, not on a whole-corpus screen (min_df 1: every fold chose it)
    "rejoin-wide": {**{k: v for k, v in GRID.items() if k != "title_weight"},
                    "min_df": [1],
                    "split_below": [0.25],
                    "split_min": [3],
                    "rejoin": [1.1, 0.08, 0.1, 0.12, 0.15, 0.2]},
    # "rejoin-wide" with an article whose every written date lies weeks before its publication time also
    # live for the stories of those dates (``looks_back``, a rule without a value to choose)
    "looks-back": {**{k: v for k, v in GRID.items() if k != "title_weight"},
                   "min_df": [1],
                   "split_below": [0.25],
                   "split_min": [3],
                   "rejoin": [1.1, 0.08, 0.1, 0.12, 0.15, 0.2],
                   "looks_back": [True]},
    "numbers": {**{k: v for k, v in GRID.items() if k != "title_weight"},
                "number_weight": [1.0, 2.0]},  # weight of the N: number features (an event's own counts, years)
}
#: the second pass's options when it is off (grid points differing only there are one point, the first)
_SPLIT_OFF = {"split_min": StorySettings().split_min, "split_ward": StorySettings().split_ward}
QUICK: dict[str, list[float]] = {"threshold": [0.15, 0.2], "name_conflict": [0, 2]}


def load(corpus: Path) -> tuple[list[Article], dict[str, str]]:
    """Ingest a corpus into a throw-away store; return articles and gold event per article id.

    news_cluster layout: ``data/`` and ``labels.tsv`` (``file``, ``event_id``);
    ECB+ layout: ``docs/`` and ``labels.tsv`` (``file``, ``topic``, ``event``).
    """
    with (corpus / "labels.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    ecb = (corpus / "docs").is_dir()
    event = {row["file"]: row["event" if ecb else "event_id"] for row in rows}
    with tempfile.TemporaryDirectory() as tmp, Prism(db=Path(tmp) / "c.db") as prism:
        prism.ingest([str(corpus / ("docs" if ecb else "data"))])
        arts = list(prism.store.iter_articles())
    gold = {a.article_id: event[Path(a.source).name] for a in arts}
    return arts, gold


def present(corpus: Path) -> bool:
    return (corpus / "labels.tsv").is_file() and ((corpus / "data").is_dir() or (corpus / "docs").is_dir())


def unit(event: str) -> str:
    """What a fold holds out whole: an ECB+ topic (``12_ecb`` and ``12_plus`` together), else the event."""
    return event.rsplit("_", 1)[0] if event.endswith(("_ecb", "_plus")) else event


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
_FEATURE_FIELDS = ("title_weight", "entity_weight", "body_words", "url_weight", "number_weight", "stem", "description")
_FEATURES: dict[tuple[object, ...], dict[str, float]] = {}
_features = _stories.features


def _cached_features(article: Article, s: StorySettings) -> dict[str, float]:
    """``stories.features``, computed once per article and feature settings (the grid reruns the same articles)."""
    key = (article.article_id, *(getattr(s, f) for f in _FEATURE_FIELDS))
    vec = _FEATURES.get(key)
    if vec is None:
        vec = _FEATURES[key] = _features(article, s)
    return dict(vec)


_stories.features = _cached_features  # type: ignore[assignment]
_story_cluster.features = _cached_features  # the name the clusterer calls (imported from story_features)


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


Corpus = tuple[str, list[Article], dict[str, str]]  # name, articles, gold event per article id


def objective(sc: dict[str, float]) -> float:
    return (sc["pairwise_f1"] + sc["bcubed_f1"]) / 2


def candidates(grid: dict[str, list[float]]) -> list[StorySettings]:
    out: list[StorySettings] = []
    keys = list(grid)
    for values in itertools.product(*(grid[k] for k in keys)):
        params = dict(zip(keys, values, strict=True))
        if params.get("revive_threshold", 1.0) < params.get("threshold", 0.0):
            continue
        if "split_below" in params and params["split_below"] <= 0:
            params.update({k: v for k, v in _SPLIT_OFF.items() if k in params})  # no second pass: its options
        st = StorySettings(**params)  # type: ignore[arg-type]                 # change nothing (one point)
        if st not in out:
            out.append(st)
    return out


def tune(corpora: list[Corpus], grid: dict[str, list[float]],
         seen: list[tuple[StorySettings, dict[str, float]]] | None = None) -> tuple[StorySettings, float]:
    """The grid point with the best mean objective over the corpora (ties: the earlier point).
    ``seen``, when given, receives every point with its objective on each corpus."""
    best: tuple[float, StorySettings] | None = None
    for st in candidates(grid):
        each = {name: objective(scores(cluster(arts, st), gold)) for name, arts, gold in corpora}
        obj = statistics.fmean(each.values())
        if seen is not None:
            seen.append((st, each))
        if best is None or obj > best[0] + 1e-12:
            best = (obj, st)
    assert best is not None
    return best[1], best[0]


def landscape(seen: list[tuple[StorySettings, dict[str, float]]], keys: list[str],
              test: list[Corpus]) -> list[dict[str, object]]:
    """For each combination of ``keys``' values: the grid point the training folds score best with
    those values, its training objective on each corpus, and its held-out scores (what the fold
    would have scored had the search been held to those values)."""
    cells: dict[tuple[object, ...], tuple[float, StorySettings, dict[str, float]]] = {}
    for st, each in seen:
        cell = tuple(getattr(st, k) for k in keys)
        obj = statistics.fmean(each.values())
        if cell not in cells or obj > cells[cell][0] + 1e-12:
            cells[cell] = (obj, st, each)
    out: list[dict[str, object]] = []
    for cell, (obj, st, each) in sorted(cells.items()):
        out.append({"values": dict(zip(keys, cell, strict=True)), "train_objective": round(obj, 4),
                    "train": {n: round(v, 4) for n, v in each.items()}, "settings": st,
                    "held_out": {name: {m: round(v, 4) for m, v in scores(cluster(arts, st), gold).items()}
                                 for name, arts, gold in test}})
    return out


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


def folds_of(corpora: list[Corpus], k: int, seed: int) -> list[dict[str, set[str]]]:
    """k folds; fold i holds out, in every corpus, a seeded i-th share of its units (topics or events)."""
    out: list[dict[str, set[str]]] = [{} for _ in range(k)]
    for name, _, gold in corpora:
        units = sorted({unit(e) for e in gold.values()})
        random.Random(seed).shuffle(units)
        for i in range(k):
            out[i][name] = set(units[i::k])
    return out


def cross_validate(corpora: list[Corpus], k: int, seed: int, grid: dict[str, list[float]],
                   at_defaults: bool = False, cells: list[str] | None = None) -> list[dict[str, object]]:
    """Tune on all folds but one (of every corpus at once), score the held-out fold of each corpus."""
    out: list[dict[str, object]] = []
    for i, held in enumerate(folds_of(corpora, k, seed)):
        train: list[Corpus] = []
        test: list[Corpus] = []
        for name, arts, gold in corpora:
            out_arts = [a for a in arts if unit(gold[a.article_id]) in held[name]]
            in_arts = [a for a in arts if unit(gold[a.article_id]) not in held[name]]
            train.append((name, in_arts, {a.article_id: gold[a.article_id] for a in in_arts}))
            test.append((name, out_arts, {a.article_id: gold[a.article_id] for a in out_arts}))
        t0 = time.perf_counter()
        seen: list[tuple[StorySettings, dict[str, float]]] = []
        st, obj = tune(train, grid, seen)
        held_out = {name: {m: round(v, 4) for m, v in scores(cluster(arts, st), gold).items()}
                    for name, arts, gold in test}
        out.append({"repeat": seed, "test_fold": i, "tuned": {g: getattr(st, g) for g in grid},
                    "train_objective": round(obj, 4), "test_articles": {n: len(a) for n, a, _ in test},
                    "held_out": held_out, "tune_seconds": round(time.perf_counter() - t0, 1)})
        if cells:
            out[-1]["landscape"] = landscape(seen, cells, test)
        if at_defaults:
            out[-1]["at_defaults"] = {name: {m: round(v, 4) for m, v in scores(cluster(arts, StorySettings()), gold).items()}
                                      for name, arts, gold in test}
    return out


def summary(folds: list[dict[str, object]], name: str) -> dict[str, dict[str, float]]:
    rows = [f["held_out"][name] for f in folds]  # type: ignore[index]
    metrics = list(rows[0])
    values = {m: [r[m] for r in rows] for m in metrics}
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
    ap.add_argument("--news", type=Path, default=DEFAULT, help="giveme5w1h_news_cluster folder")
    ap.add_argument("--ecb", type=Path, default=ECB, help="ecbplus_dev folder")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--quick", action="store_true", help="a small grid (smoke test)")
    ap.add_argument("--grid", choices=sorted(GRIDS), default="default", help="the grid searched (default: GRID)")
    ap.add_argument("--errors", action="store_true", help="list split and merged gold events at the defaults")
    ap.add_argument("--k", type=int, default=3, help="folds per split")
    ap.add_argument("--repeats", type=int, default=1, help="seeded splits (0: no cross-validation)")
    ap.add_argument("--seed", type=int, default=0, help="the first split's seed (then seed + 1, ...)")
    ap.add_argument("--choose", action="store_true", help="also print the grid's best on both whole corpora")
    ap.add_argument("--at-defaults", action="store_true",
                    help="also score each held-out fold at the shipped defaults (in-sample there)")
    ap.add_argument("--landscape", metavar="KEY,KEY", type=lambda v: v.split(","),
                    help="per fold, the training folds' best point for each combination of these settings' "
                         "values (e.g. name_conflict,story_merge), its training objective per corpus and "
                         "its held-out scores")
    ap.add_argument("--pred", type=Path, help="write DIR/<corpus>.tsv (file, story) at the defaults")
    args = ap.parse_args()
    corpora: list[Corpus] = []
    for name, path in (("news_cluster", args.news), ("ecbplus_dev", args.ecb)):
        if not present(path):
            print(f"error: corpus not found at {path} (expected labels.tsv and data/ or docs/); "
                  f"pass --{'news' if name == 'news_cluster' else 'ecb'} DIR", file=sys.stderr)
            return 2
        arts, gold = load(path)
        corpora.append((name, arts, gold))
    grid = QUICK if args.quick else GRIDS[args.grid]
    out: dict[str, object] = {"corpora": {n: {"articles": len(a), "events": len(set(g.values()))}
                                          for n, a, g in corpora}, "grid": grid}
    folds: list[dict[str, object]] = []
    for r in range(args.seed, args.seed + args.repeats):
        folds += cross_validate(corpora, args.k, r, grid, args.at_defaults, args.landscape)
    if folds:
        out["folds"] = folds
        out["held_out"] = {name: summary(folds, name) for name, _, _ in corpora}
    if args.choose:
        st, obj = tune(corpora, grid)
        out["chosen_on_all"] = {"settings": {g: getattr(st, g) for g in grid}, "objective": round(obj, 4)}
    default = StorySettings()
    out["defaults"] = {}
    names: dict[str, str] = {}
    if (args.news / "labels.tsv").is_file():
        with (args.news / "labels.tsv").open(encoding="utf-8") as fh:
            names = {row["event_id"]: row["event"] for row in csv.DictReader(fh, delimiter="\t")}
    error_lines: dict[str, list[str]] = {}
    for name, arts, gold in corpora:
        result = run(arts, default)
        out["defaults"][name] = {m: round(v, 4) for m, v in scores(result.story_of(), gold).items()}  # type: ignore[index]
        if args.errors:
            error_lines[name] = errors(arts, gold, result, names)
        if args.pred:
            args.pred.mkdir(parents=True, exist_ok=True)
            by_id = {a.article_id: a for a in arts}
            with (args.pred / f"{name}.tsv").open("w", encoding="utf-8") as fh:
                fh.write("file\tstory\n")
                for aid, sid in sorted(result.story_of().items(), key=lambda kv: Path(by_id[kv[0]].source).name):
                    fh.write(f"{Path(by_id[aid].source).name}\t{sid}\n")
    for f in folds:
        for c in f.get("landscape", []):  # type: ignore[attr-defined]
            c["settings"] = {g: getattr(c["settings"], g) for g in grid}
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    print(", ".join(f"{n}: {c['articles']} articles, {c['events']} gold events"  # type: ignore[index]
                    for n, c in out["corpora"].items()))  # type: ignore[attr-defined]
    for f in folds:
        print(f"repeat {f['repeat']} fold {f['test_fold']} held out {f['test_articles']}, tuned on the rest of both: "
              f"{f['tuned']}")
        for name, h in f["held_out"].items():  # type: ignore[attr-defined]
            print(f"  {name:13} {_line(h)} | {h['stories']} stories / {h['events']} events")
        for name, h in f.get("at_defaults", {}).items():  # type: ignore[attr-defined]
            print(f"  {name:13} at the shipped defaults: {_line(h)}")
        for c in f.get("landscape", []):  # type: ignore[attr-defined]
            rest = {g: v for g, v in c["settings"].items() if g not in c["values"] and len(grid[g]) > 1}
            print(f"  best with {c['values']}: train {c['train_objective']:.4f} ("
                  + ", ".join(f"{n} {v:.4f}" for n, v in c["train"].items()) + ") | held out "
                  + ", ".join(f"{n} {h['pairwise_f1']:.3f} / {h['bcubed_f1']:.3f}" for n, h in c["held_out"].items())
                  + f" | at {rest}")
    if folds:
        for name, sm in out["held_out"].items():  # type: ignore[attr-defined]
            for what in ("mean", "sd", "min"):
                print(f"held out {name:13} {what:4}: {_line(sm[what])}")
    if args.choose:
        print(f"grid best on both whole corpora: {out['chosen_on_all']}")
    for name, h in out["defaults"].items():  # type: ignore[attr-defined]
        print(f"defaults, whole {name:13}: {_line(h)} | {h['stories']} stories / {h['events']} events")
        for e in error_lines.get(name, []):
            print(e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
