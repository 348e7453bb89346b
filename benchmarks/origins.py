"""How many independent origins state a line: the counting rules of copies.line_origins against audit labels.

Usage:
  .venv/bin/python benchmarks/origins.py cv --db STORE [--labels L1.tsv L2.tsv]   (choose by leave-one-story-out)
  .venv/bin/python benchmarks/origins.py eval --db STORE --labels L.tsv --run K --paragraphs P
      [--rewrite-run R --rewrite-runs N --rewrite-credits C]   (one setting; copies.rewrites, off by default)
  .venv/bin/python benchmarks/origins.py chance --db STORE   (choose the run on the pair labels' different facts)

STORE is a store built by ``newsprism run`` over ../shared/benchmarks/giveme5w1h_news_cluster/data. The labels are
audit files (``benchmarks/audit.py``'s format): for each group and summary line, its citations as spans, which of
them state the printed line (``says``) and the labeller's count of independent outlets among the stating ones
(``outlets``). Only items with two or more stating citations count. An item's predicted count is
``len(copies.line_origins(...))`` over its stating citations (the cited spans as claims), with the article's
outlet credits (``copies.outlet_credits`` against the outlet names of the article's story) and the store's copy
groups; an item needs no longer be in today's output, its citations are read by their spans.

Scores: the share of items whose count equals the labeller's (``exact``), and "corroborated" (count >= 2) as a
classification against the labeller's count >= 2 (precision, recall, F0.5). ``cv`` chooses ``run`` (the shared
run of words outside quotation marks; 0 = off) and ``paragraphs`` (the reach of an outlet credit: 0 its sentence,
P its paragraph and P - 1 after, -1 the whole article; ``none`` = credits off) by exact-count accuracy with
leave-one-story-out over the items' stories, and prints the choice in each fold and the held-out scores.

``chance`` reads ``benchmarks/data/alignment-pairs.tsv`` (claim pairs of two outlets, labelled blind: 1 = the same
fact, 0 = not): two claims that state *different* facts are never one report of one line, so a run of K words
outside quotation marks that such a pair shares is a shared name or stock phrase, not copied wording. For each K it
prints the share of label-0 and label-1 pairs (of articles that are not copies of one another) sharing a run, and
chooses, leaving one story out at a time, the smallest K at which no label-0 pair of the other stories shares one;
it prints each fold's choice and the held-out share of label-0 pairs that the chosen K would merge.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
DEFAULT_LABELS = (DATA / "audit-dev-labels.tsv", DATA / "audit-labels.tsv")
RUNS = (0, 4, 5, 6, 7, 8, 9, 10, 12, 15)
REACHES: tuple[int | None, ...] = (None, 0, 1, 2, -1)


def _sane(text: str, start: int, end: int) -> bool:
    """A span on word boundaries (spans of an older store whose cleaning has changed since are not)."""
    return end <= len(text) and (start == 0 or not text[start - 1].isalnum()) \
        and (end == len(text) or not text[end].isalnum())


def _items(prism: Any, labels: Path) -> list[dict[str, Any]]:
    """The labelled items with two or more stating citations, each with its claims and its story."""
    from newsprism.records import Claim

    story_of: dict[str, str] = {}
    members: dict[str, tuple[str, ...]] = {}
    for st in prism.stories(update=False):
        members[st.story_id] = tuple(st.article_ids)
        for a in st.article_ids:
            story_of[a] = st.story_id
    with labels.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t")
                if r["kind"] in ("group", "summary")]
    out = []
    for r in rows:
        spans = r["spans"].split(";")
        says = [x for x in r["says"].split(",") if x]
        stating = [spans[0]] + [sp for sp, x in zip(spans[1:], says, strict=False) if x == "1"]
        if len(stating) < 2 or not r["outlets"]:
            continue
        claims = []
        for sp in stating:
            aid, field, rest = sp.split(":", 2)
            if field == "caption":
                field, rest = f"caption:{rest.split(':')[0]}", rest.split(":")[1]
            start, end = (int(x) for x in rest.split("-"))
            art = prism.article(aid)
            text = art.text if field == "body" else art.title if field == "title" else \
                art.captions[int(field.split(":")[1])].text
            if not _sane(text, start, end):
                break
            claims.append(Claim(sp, aid, field, start, end, text[start:end], None, None, None, (), (), (), (), (),
                                False))
        if len(claims) < len(stating):
            continue
        sid = story_of.get(claims[0].article_id, claims[0].article_id)
        out.append({"labels": labels.name, "item": r["item"], "story": sid, "claims": claims,
                    "story_articles": members.get(sid, ()), "outlets": int(r["outlets"])})
    return out


def _predict(prism: Any, items: list[dict[str, Any]], copies: Any, run: int, reach: int | None,
             cache: dict[Any, Any], rewrite: tuple[int, int, int] = (0, 0, 0)) -> list[int]:
    from newsprism.copies import line_origins, outlet_credits, rewrites

    out = []
    for it in items:
        ids = {c.article_id for c in it["claims"]}
        arts = {a: cache.setdefault(("a", a), prism.article(a)) for a in ids}
        outlets = {a: arts[a].outlet for a in ids}
        credits: list[Any] = []
        if reach is not None:
            names = cache.get(("n", it["story"]))
            if names is None:
                names = cache[("n", it["story"])] = tuple(sorted({
                    o for a in it["story_articles"] if (o := cache.setdefault(("a", a), prism.article(a)).outlet)}))
            for a in sorted(ids):
                credits.extend(cache.setdefault(("c", a, reach), outlet_credits(arts[a], names, reach)))
        joined = rewrites([arts[a] for a in sorted(ids)], rewrite[0], rewrite[1], credits, rewrite[2])
        out.append(len(line_origins(it["claims"], copies, outlets, credits, run, joined)))
    return out


def _scores(pred: list[int], gold: list[int]) -> dict[str, float]:
    tp = sum(p >= 2 and g >= 2 for p, g in zip(pred, gold, strict=True))
    fp = sum(p >= 2 and g < 2 for p, g in zip(pred, gold, strict=True))
    fn = sum(p < 2 and g >= 2 for p, g in zip(pred, gold, strict=True))
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f05 = 1.25 * prec * rec / (0.25 * prec + rec) if prec + rec else 0.0
    exact = sum(p == g for p, g in zip(pred, gold, strict=True)) / max(1, len(gold))
    return {"n": len(gold), "exact": exact, "precision": prec, "recall": rec, "f05": f05, "fp": fp, "fn": fn}


def _show(name: str, s: dict[str, float]) -> str:
    return (f"{name}: {s['n']} items, exact count {s['exact']:.3f}; corroborated precision {s['precision']:.3f} "
            f"recall {s['recall']:.3f} F0.5 {s['f05']:.3f} ({s['fp']} counted >= 2 against a label of 1, "
            f"{s['fn']} counted 1 against >= 2)")


def chance(prism: Any) -> None:
    from newsprism.copies import _unquoted_runs, independent_sources

    copies = prism.store.copies()
    story_of = {a: st.story_id for st in prism.stories(update=False) for a in st.article_ids}
    rows = []
    with (DATA / "alignment-pairs.tsv").open(encoding="utf-8") as f:
        for r in csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"):
            texts = []
            for side in ("a", "b"):
                art = prism.article(r[f"article_{side}"])
                field, start, end = r[f"field_{side}"], int(r[f"start_{side}"]), int(r[f"end_{side}"])
                full = art.text if field == "body" else art.title if field == "title" else \
                    art.captions[int(field.split(":")[1])].text
                texts.append(full[start:end] if _sane(full, start, end) else None)
            ids = [r["article_a"], r["article_b"]]
            outlets = {a: prism.article(a).outlet for a in ids}
            if None in texts or len(independent_sources(ids, copies, outlets)) < 2:
                continue  # a broken span, or copies (one origin already)
            shared = {k: bool(_unquoted_runs(texts[0], k) & _unquoted_runs(texts[1], k)) for k in RUNS[1:]}
            rows.append((story_of.get(ids[0], ids[0]), r["label"], shared))
    neg = [x for x in rows if x[1] == "0"]
    pos = [x for x in rows if x[1] == "1"]
    print(f"{len(rows)} pairs of independent articles ({len(neg)} different facts, {len(pos)} the same fact) "
          f"in {len({x[0] for x in rows})} stories")
    for k in RUNS[1:]:
        print(f"  run {k:2d}: different facts sharing one {sum(x[2][k] for x in neg)} of {len(neg)}; "
              f"same fact {sum(x[2][k] for x in pos)} of {len(pos)}")
    chosen: Counter[int] = Counter()
    held = merged = 0
    for sid in sorted({x[0] for x in rows}):
        train = [x for x in neg if x[0] != sid]
        k = next((k for k in RUNS[1:] if not any(x[2][k] for x in train)), 0)
        chosen[k] += 1
        test = [x for x in neg if x[0] == sid]
        held += len(test)
        merged += sum(bool(k) and x[2][k] for x in test)
    print("chosen per fold (leave one story out): " + ", ".join(f"run {k}: {n}" for k, n in sorted(chosen.items())))
    print(f"held out: {merged} of {held} different-fact pairs share a run at their fold's choice")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cmd", choices=("cv", "eval", "chance"))
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--labels", type=Path, nargs="+", default=list(DEFAULT_LABELS))
    ap.add_argument("--run", type=int, default=0)
    ap.add_argument("--paragraphs", default="none")
    ap.add_argument("--rewrite-run", type=int, default=0)
    ap.add_argument("--rewrite-runs", type=int, default=0)
    ap.add_argument("--rewrite-credits", type=int, default=0)
    args = ap.parse_args()
    from newsprism import Prism

    with Prism(db=args.db, readonly=True) as prism:
        if args.cmd == "chance":
            chance(prism)
            return
        copies = prism.store.copies()
        items = [it for lab in args.labels for it in _items(prism, lab)]
        gold = [it["outlets"] for it in items]
        cache: dict[Any, Any] = {}
        if args.cmd == "eval":
            reach = None if args.paragraphs == "none" else int(args.paragraphs)
            rewrite = (args.rewrite_run, args.rewrite_runs, args.rewrite_credits)
            print(_show(f"run {args.run}, paragraphs {args.paragraphs}, rewrites {rewrite}",
                        _scores(_predict(prism, items, copies, args.run, reach, cache, rewrite), gold)))
            return
        preds = {(run, reach): _predict(prism, items, copies, run, reach, cache) for run in RUNS for reach in REACHES}
        for (run, reach), p in preds.items():
            print(_show(f"  all items, run {run}, paragraphs {reach}", _scores(p, gold)))
        stories = sorted({it["story"] for it in items})
        held: list[int] = [0] * len(items)
        chosen: Counter[tuple[int, int | None]] = Counter()
        for sid in stories:
            train = [k for k, it in enumerate(items) if it["story"] != sid]
            test = [k for k, it in enumerate(items) if it["story"] == sid]

            def key(setting: tuple[int, int | None], train: list[int] = train) -> tuple[float, float, int, int]:
                s = _scores([preds[setting][k] for k in train], [gold[k] for k in train])
                # ties: the rule that merges less (no credit reach before a shorter one, a longer run)
                return (s["exact"], s["f05"], -(setting[1] is not None), setting[0] or 10**6)

            best = max(preds, key=key)
            chosen[best] += 1
            for k in test:
                held[k] = preds[best][k]
        print(f"{len(items)} items in {len(stories)} stories ({', '.join(str(p) for p in args.labels)})")
        print("chosen per fold (run, paragraphs): " + ", ".join(f"{k}: {n}" for k, n in chosen.most_common()))
        print(_show("held out (leave-one-story-out)", _scores(held, gold)))
        print(_show("baseline (no credits, no runs)", _scores(preds[(0, None)], gold)))


if __name__ == "__main__":
    main()
