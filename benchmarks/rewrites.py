"""Uncredited rewrites: which pairs of articles share enough writing to be one origin (copies.rewrites).

Usage:
  .venv/bin/python benchmarks/rewrites.py cv --db STORE      (choose rewrite_run / rewrite_runs by leave-one-story-out)
  .venv/bin/python benchmarks/rewrites.py sample --db STORE --sheet SHEET.md   (draw the pairs; write the sheet)

STORE is a store built by ``newsprism run`` over ../shared/benchmarks/giveme5w1h_news_cluster/data. The labels
(``benchmarks/data/rewrite-labels.tsv``, protocol in its header) say for a pair of articles of two outlets whether
one's text is derived from the other's (1) or not (0). ``cv`` computes, for each labelled pair, the number of
distinct runs of K words outside quotation marks the two texts share and how often one credits the other's outlet
(``copies.rewrites``), and for each story held out chooses (K, threshold, credits) by accuracy over the other
stories' pairs (ties: the setting that joins fewer pairs, then the longer run, the more credits); it prints each
fold's choice, the held-out accuracy, precision and recall, and the figures of every setting over all pairs
(in-sample). ``sample`` draws the pairs as the labels' header says and writes a sheet
outside the repository (it quotes articles) showing only each article's outlet, time, title and opening.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
from bisect import bisect_left
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "benchmarks" / "data" / "rewrite-labels.tsv"
SEED = 20261209
RUNS = (5, 6, 8)
THRESHOLDS = (5, 10, 15, 20, 25, 30, 35, 40, 50, 70, 100, 10**9)  # 10**9: off
CREDITS = (1, 2, 3, 10**9)  # credits of the other's outlet (copies.outlet_credits, its sentence); 10**9: off
OFF = 10**9


def _lis(seq: list[int]) -> int:
    tails: list[int] = []
    for x in seq:
        i = bisect_left(tails, x)
        tails[i:i + 1] = [x]
    return len(tails)


def candidates(prism: Any) -> list[tuple[str, str, str]]:
    """(story, a, b): articles of two outlets and two origins sharing >= 3 groups in the same order."""
    out = []
    for story in prism.stories():
        d = prism.dossier(story.story_id)
        outlet = {s.article_id: s.outlet or s.article_id for s in d.sources}
        origin = {s.article_id: s.origin for s in d.sources}
        pos: dict[str, set[int]] = {}
        for st in d.groups:
            for c in st.citations:
                if c.field == "body":
                    pos.setdefault(c.article_id, set()).add(c.start)
        order = {a: {s: i for i, s in enumerate(sorted(v))} for a, v in pos.items()}
        shared: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for st in d.groups:
            body = {c.article_id: c.start for c in st.citations if c.field == "body"}
            for a, b in itertools.combinations(sorted(body), 2):
                shared.setdefault((a, b), []).append((order[a][body[a]], order[b][body[b]]))
        for (a, b), pairs in shared.items():
            if outlet[a] != outlet[b] and origin[a] != origin[b] and _lis([y for _, y in sorted(pairs)]) >= 3:
                out.append((story.story_id, a, b))
    return sorted(out, key=lambda x: (x[1], x[2]))


def sample(prism: Any, sheet: Path) -> None:
    pairs = [(a, b) for _, a, b in candidates(prism)]
    rng = random.Random(SEED)
    chosen = rng.sample(pairs, min(32, len(pairs)))
    lines = ["# Rewrite sheet (not for the repository: it quotes articles)", ""]
    rows = []
    for n, (a, b) in enumerate(chosen, 1):
        if rng.random() < 0.5:
            a, b = b, a
        rows.append((n, a, b))
        lines.append(f"## pair {n}")
        for aid in (a, b):
            art = prism.article(aid)
            lines += [f"### [{art.outlet}] {art.published} {art.title}", art.text[:1400], ""]
    sheet.write_text("\n".join(lines), encoding="utf-8")
    for n, a, b in rows:
        print(f"{n}\t{a}\t{b}\t")
    print(f"{len(rows)} of {len(pairs)} candidate pairs; sheet {sheet}")


def _scores(pred: list[bool], gold: list[bool]) -> tuple[float, float, float, int, int]:
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    fn = sum(g and not p for p, g in zip(pred, gold, strict=True))
    acc = sum(p == g for p, g in zip(pred, gold, strict=True)) / max(1, len(gold))
    return acc, tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0, fp, fn


def cv(prism: Any, labels: Path) -> None:
    from newsprism.copies import _credited_key, _unquoted_runs, outlet_credits

    stories_by_id = {st.story_id: st for st in prism.stories(update=False)}
    story_of = {a: sid for sid, st in stories_by_id.items() for a in st.article_ids}
    with labels.open(encoding="utf-8") as f:
        rows = list(csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"))
    shared: dict[int, list[int]] = {k: [] for k in RUNS}
    credited: list[int] = []
    for r in rows:
        a, b = prism.article(r["article_a"]), prism.article(r["article_b"])
        for k in RUNS:
            shared[k].append(len(_unquoted_runs(a.text, k) & _unquoted_runs(b.text, k)))
        names = sorted({o for x in stories_by_id[story_of[a.article_id]].article_ids if (o := prism.article(x).outlet)})
        credited.append(max(sum(c.key == _credited_key(y.outlet) for c in outlet_credits(x, names)) if y.outlet else 0
                            for x, y in ((a, b), (b, a))))
    gold = [r["label"] == "1" for r in rows]
    stories = [story_of.get(r["article_a"], r["article_a"]) for r in rows]
    settings = [(k, t, c) for k in RUNS for t in THRESHOLDS for c in CREDITS]

    def pred(setting: tuple[int, int, int], idx: list[int]) -> list[bool]:
        return [shared[setting[0]][i] >= setting[1] or credited[i] >= setting[2] for i in idx]

    print(f"{len(rows)} pairs ({sum(gold)} labelled rewrites) in {len(set(stories))} stories ({labels.name})")
    for k in RUNS:
        print(f"  run {k}: shared runs of rewrites {sorted(s for s, g in zip(shared[k], gold, strict=True) if g)}; "
              f"of the others, the highest {sorted((s for s, g in zip(shared[k], gold, strict=True) if not g))[-5:]}")
    print(f"  credits of the other's outlet: rewrites {sorted(c for c, g in zip(credited, gold, strict=True) if g)}; "
          f"others {sorted(c for c, g in zip(credited, gold, strict=True) if not g)}")
    chosen: Counter[tuple[int, int, int]] = Counter()
    held = [False] * len(rows)
    for sid in sorted(set(stories)):
        train = [i for i, s in enumerate(stories) if s != sid]
        best = max(settings, key=lambda st: (_scores(pred(st, train), [gold[i] for i in train])[0],
                                              -sum(pred(st, train)), st[0], st[2]))
        chosen[best] += 1
        for i in (i for i, s in enumerate(stories) if s == sid):
            held[i] = pred(best, [i])[0]
    print("chosen per fold (run, shared runs, credits; 1000000000 = off): "
          + ", ".join(f"{k}: {n}" for k, n in chosen.most_common()))
    acc, prec, rec, fp, fn = _scores(held, gold)
    print(f"held out (leave-one-story-out): accuracy {acc:.3f}, precision {prec:.3f}, recall {rec:.3f} "
          f"({fp} joined against a label of 0, {fn} missed)")
    for st in settings:
        if st[2] not in (2, OFF):
            continue
        acc, prec, rec, fp, fn = _scores(pred(st, list(range(len(rows)))), gold)
        print(f"  all pairs (in-sample), run {st[0]}, >= {st[1] if st[1] < OFF else 'off'} shared, credits >= "
              f"{st[2] if st[2] < OFF else 'off'}: accuracy {acc:.3f}, precision {prec:.3f}, recall {rec:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cmd", choices=("cv", "sample"))
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--sheet", type=Path, default=Path("/tmp/np-rewrite-sheet.md"))
    args = ap.parse_args()
    if str(args.sheet.resolve()).startswith(str(ROOT)):
        raise SystemExit("the sheet quotes articles: write it outside the repository")
    from newsprism import Prism

    with Prism(db=args.db) as prism:
        if args.cmd == "cv":
            cv(prism, args.labels)
        else:
            sample(prism, args.sheet)


if __name__ == "__main__":
    main()
