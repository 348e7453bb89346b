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

``cv --audits`` adds the article pairs the group audits judge (``audit-2-labels.tsv``, ``audit-3-labels.tsv``:
among the citations labelled as stating the line, two outlets counted as one independent outlet are one origin;
when every outlet is counted, each pair of them is two), the majority label where a pair is judged more than
once, and adds to the grid the share of the shorter text's content runs the other shares
(``copies.shared_writing``, ``rewrite_share_run`` / ``rewrite_share``). Audit-1 and the development audit are
left out: their labeller counted outlet names, wire copies included. ``cv --audits --ecb-db ECB`` adds the
ECB+ pairs the ECB+ group audits judge (``audit-7-labels.tsv``, ``audit-8-labels.tsv``, ``audit-10-labels.tsv``,
taken the same way) from a store built over ``ecbplus_dev/docs``; an ECB+ pair's fold is its gold topic (the file
name's first number), a news_cluster pair's its story. Texts are read as the shipped origin tests read them
(``origin_twin_marks``, ``origin_spelling``: ``copies.as_read``).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import sys
from bisect import bisect_left
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _audit_items import stating_items

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "benchmarks" / "data" / "rewrite-labels.tsv"
SEED = 20261209
RUNS = (5, 6, 8)
THRESHOLDS = (5, 10, 15, 20, 25, 30, 35, 40, 50, 70, 100, 10**9)  # 10**9: off
CREDITS = (1, 2, 3, 10**9)  # credits of the other's outlet (copies.outlet_credits, its sentence); 10**9: off
OFF = 10**9
SHARE_RUNS = (3, 4, 5)
SHARES = (0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 2.0)
SHARE_MINS = (20,)  # the fewest shared runs the share test asks for: fixed (rewrite_share_min), not chosen here  # 2.0: off
AUDITS = ("audit-2-labels.tsv", "audit-3-labels.tsv")
ECB_AUDITS = ("audit-7-labels.tsv", "audit-8-labels.tsv", "audit-10-labels.tsv")


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


def audit_pairs(prism: Any, audits: tuple[str, ...] = AUDITS) -> list[dict[str, str]]:
    """Article pairs of two outlets judged by the group audits (see the module's docstring), one row each:
    article_a, article_b, label (the majority; ties: one origin)."""
    votes: dict[tuple[str, str], list[int]] = {}
    outlet: dict[str, str] = {}
    for name in audits:
        for r, stating in stating_items(ROOT / "benchmarks" / "data" / name):
            by_outlet: dict[str, list[str]] = {}
            for aid in dict.fromkeys(sp.split(":")[0] for sp in stating):
                if aid not in outlet:
                    outlet[aid] = (prism.article(aid).outlet or aid).casefold()
                by_outlet.setdefault(outlet[aid], []).append(aid)
            k = int(r["outlets"])
            if len(by_outlet) < 2 or k not in (1, len(by_outlet)):
                continue  # two or more outlets counted, not all: which pairs are one is not said
            for oa, ob in itertools.combinations(sorted(by_outlet), 2):
                for a in by_outlet[oa]:
                    for b in by_outlet[ob]:
                        votes.setdefault((min(a, b), max(a, b)), []).append(int(k == 1))
    return [{"article_a": a, "article_b": b, "label": str(int(2 * sum(v) >= len(v)))}
            for (a, b), v in sorted(votes.items())]


def _topic(source: str | None) -> str | None:
    """An ECB+ document's gold topic: the first number of its file name (``12_ecb_...``)."""
    name = Path(source or "").name
    return name.split("_")[0] if name[:1].isdigit() else None


def cv(prism: Any, labels: Path, audits: bool = False, share_off: bool = False, ecb: Any = None) -> None:
    from newsprism.copies import _credited_key, _unquoted_runs, as_read, outlet_credits, shared_writing
    from newsprism.settings import AlignSettings

    s = AlignSettings()
    with labels.open(encoding="utf-8") as f:
        rows: list[dict[str, Any]] = list(csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"))
    for r in rows:
        r["prism"] = prism
    for store, names in ((prism, AUDITS), (ecb, ECB_AUDITS)):
        if store is None or not audits:
            continue
        by_id = {st.story_id: st for st in store.stories(update=False)}
        of = {a: sid for sid, st in by_id.items() for a in st.article_ids}
        seen = {(min(r["article_a"], r["article_b"]), max(r["article_a"], r["article_b"])) for r in rows}
        extra = [r for r in audit_pairs(store, names) if (r["article_a"], r["article_b"]) not in seen]
        rows += [{**r, "prism": store} for r in extra if of.get(r["article_a"]) and of.get(r["article_a"]) ==
                 of.get(r["article_b"])]
    stories_by_id: dict[tuple[int, str], Any] = {}
    story_of: dict[tuple[int, str], str] = {}
    for store in {id(r["prism"]): r["prism"] for r in rows}.values():
        for st in store.stories(update=False):
            stories_by_id[(id(store), st.story_id)] = st
            for a in st.article_ids:
                story_of[(id(store), a)] = st.story_id
    shared: dict[int, list[int]] = {k: [] for k in RUNS}
    share: dict[int, list[float]] = {k: [] for k in SHARE_RUNS}
    share_n: dict[int, list[int]] = {k: [] for k in SHARE_RUNS}
    credited: list[int] = []
    origin_of: dict[tuple[int, str], dict[str, str]] = {}
    third: list[str] = []
    folds: list[str] = []
    for r in rows:
        store = r["prism"]
        a, b = store.article(r["article_a"]), store.article(r["article_b"])
        ta, tb = (as_read(x.text, s.origin_twin_marks, s.origin_spelling) for x in (a, b))
        for k in RUNS:
            shared[k].append(len(_unquoted_runs(ta, k) & _unquoted_runs(tb, k)))
        sid = story_of.get((id(store), a.article_id), a.article_id)
        topic = _topic(a.source) if store is ecb else None
        folds.append(f"ecbplus:topic {topic}" if topic else f"{'ecbplus' if store is ecb else 'news_cluster'}:{sid}")
        if audits:
            if (id(store), sid) not in origin_of:
                origin_of[(id(store), sid)] = {src.article_id: src.origin for src in store.dossier(sid).sources}
            og = origin_of[(id(store), sid)]
            third = [as_read(store.article(x).text, s.origin_twin_marks, s.origin_spelling) for x, o in og.items()
                     if o not in (og.get(a.article_id), og.get(b.article_id))]
        for k in SHARE_RUNS:
            x, n = shared_writing(ta, tb, k, third) if audits else (0.0, 0)
            share[k].append(x)
            share_n[k].append(n)
        names = sorted({o for x in stories_by_id[(id(store), sid)].article_ids if (o := store.article(x).outlet)})
        credited.append(max(sum(c.key == _credited_key(y.outlet) for c in outlet_credits(x, names)) if y.outlet else 0
                            for x, y in ((a, b), (b, a))))
    gold = [r["label"] == "1" for r in rows]
    stories = folds
    shares = [(k, t, m) for k in SHARE_RUNS for t in ((2.0,) if share_off else SHARES) for m in SHARE_MINS
              if t < 2 or m == SHARE_MINS[0]] if audits else [(4, 2.0, 0)]
    settings = [(k, t, c, sk, st, sm) for k in RUNS for t in THRESHOLDS for c in CREDITS for sk, st, sm in shares]

    def pred(setting: tuple[int, int, int, int, float, int], idx: list[int]) -> list[bool]:
        k, t, c, sk, st, sm = setting
        return [shared[k][i] >= t or credited[i] >= c or (share[sk][i] >= st and share_n[sk][i] >= sm) for i in idx]

    print(f"{len(rows)} pairs ({sum(gold)} labelled one origin) in {len(set(stories))} folds ({labels.name}"
          f"{' and the pairs of ' + ', '.join(AUDITS + (ECB_AUDITS if ecb is not None else ())) if audits else ''})")
    for k in RUNS:
        print(f"  run {k}: shared runs of rewrites {sorted(s for s, g in zip(shared[k], gold, strict=True) if g)}; "
              f"of the others, the highest {sorted((s for s, g in zip(shared[k], gold, strict=True) if not g))[-5:]}")
    if audits:
        for k in SHARE_RUNS:
            print(f"  share of {k}-word content runs: one origin "
                  f"{sorted(round(s, 2) for s, g in zip(share[k], gold, strict=True) if g)}; of the others, "
                  f"the highest {sorted(round(s, 2) for s, g in zip(share[k], gold, strict=True) if not g)[-5:]}")
    print(f"  credits of the other's outlet: rewrites {sorted(c for c, g in zip(credited, gold, strict=True) if g)}; "
          f"others {sorted(c for c, g in zip(credited, gold, strict=True) if not g)}")
    # ties in accuracy: the setting that joins fewer pairs (counts more origins), or with --audits also the one
    # that joins more (counts fewer: a line shown as corroborated is what a fact-checker must trust)
    for sign in ((1, -1) if audits else (1,)):
        chosen: Counter[tuple[int, int, int, int, float, int]] = Counter()
        held = [False] * len(rows)
        for sid in sorted(set(stories)):
            train = [i for i, s in enumerate(stories) if s != sid]
            best = max(settings, key=lambda st: (_scores(pred(st, train), [gold[i] for i in train])[0],
                                                  -sign * sum(pred(st, train)), st[0], st[2], -st[3], st[5]))
            chosen[best] += 1
            for i in (i for i, s in enumerate(stories) if s == sid):
                held[i] = pred(best, [i])[0]
        print(f"ties broken for the setting that joins {'fewer' if sign > 0 else 'more'} pairs:")
        print("  chosen per fold (run, shared runs, credits, share run, share, fewest shared; 1000000000 and 2.0 = off): "
              + ", ".join(f"{k}: {n}" for k, n in chosen.most_common()))
        acc, prec, rec, fp, fn = _scores(held, gold)
        print(f"  held out (leave-one-story-out): accuracy {acc:.3f}, precision {prec:.3f}, recall {rec:.3f} "
              f"({fp} joined against a label of 0, {fn} missed)")
        for corpus in ("news_cluster", "ecbplus"):
            idx = [i for i, f in enumerate(stories) if f.startswith(corpus + ":")]
            if idx:
                acc, prec, rec, fp, fn = _scores([held[i] for i in idx], [gold[i] for i in idx])
                print(f"    {corpus}: {len(idx)} pairs, accuracy {acc:.3f}, precision {prec:.3f}, recall {rec:.3f} "
                      f"({fp} joined against a label of 0, {fn} missed)")
        per_story = []
        for sid in sorted(set(stories)):
            idx = [i for i, s in enumerate(stories) if s == sid]
            per_story.append(sum(held[i] == gold[i] for i in idx) / len(idx))
        per_story.sort()
        print(f"  held-out accuracy per story: median {per_story[len(per_story) // 2]:.3f} "
              f"(range {per_story[0]:.3f}-{per_story[-1]:.3f}, {len(per_story)} stories)")
    for st in settings:
        if st[2] not in (2, OFF) or st[5] != 20 or (st[3], st[4]) not in ((4, 2.0), (3, 0.15), (3, 0.25)):
            continue
        acc, prec, rec, fp, fn = _scores(pred(st, list(range(len(rows)))), gold)
        if st[1] in (25, OFF):
            print(f"  all pairs (in-sample), run {st[0]}, >= {st[1] if st[1] < OFF else 'off'} shared, credits >= "
                  f"{st[2] if st[2] < OFF else 'off'}, share of {st[3]}-word runs >= {st[4] if st[4] < 2 else 'off'} "
                  f"(at least {st[5]}): "
                  f"accuracy {acc:.3f}, precision {prec:.3f}, recall {rec:.3f}")


def groups(prism: Any) -> None:
    """Choose the share test on what the audits score: for each group labelled in ``AUDITS`` (kind ``group``),
    the origins its citations count (``copies.line_origins`` at the shipped settings, the rewritten pairs of each
    setting of the share test) and so whether it is still shown as corroborated. Leaving one story out, the
    setting with the best F0.5 over the other stories' items (right: every citation states the line and the
    labeller counts two independent outlets or more; shown: two origins or more) is scored on the held-out
    story's items. Prints each fold's choice, the pooled held-out precision and recall of what is shown."""
    from types import SimpleNamespace

    from newsprism.copies import _content_runs, _share, line_origins, outlet_credits, rewrites
    from newsprism.settings import AlignSettings

    s = AlignSettings()
    copies = prism.copies()
    stories_by_id = {st.story_id: st for st in prism.stories(update=False)}
    story_of = {a: sid for sid, st in stories_by_id.items() for a in st.article_ids}
    items = []
    for name in AUDITS:
        with (ROOT / "benchmarks" / "data" / name).open(encoding="utf-8") as f:
            items += [(name, r) for r in csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t")
                      if r["kind"] == "group"]
    cache: dict[str, Any] = {}

    def art(aid: str) -> Any:
        if aid not in cache:
            cache[aid] = prism.article(aid)
        return cache[aid]

    per_story: dict[str, Any] = {}
    rows = []
    for name, r in items:
        claims = []
        for sp in r["spans"].split(";"):
            aid, field, *rest = sp.split(":")
            start, end = map(int, rest[-1].split("-"))
            a = art(aid)
            text = a.text if field == "body" else a.title if field == "title" else a.captions[int(rest[0])].text
            claims.append(SimpleNamespace(article_id=aid, field=field if field in ("body", "title") else
                                          f"caption:{rest[0]}", start=start, end=end, text=text[start:end]))
        sid = story_of[claims[0].article_id]
        if sid not in per_story:
            arts = [art(x) for x in stories_by_id[sid].article_ids]
            arts = [a for a in arts if "empty" not in a.flags]
            names = {a.outlet for a in arts if a.outlet}
            credits = tuple(cr for a in arts for cr in outlet_credits(a, names, s.credit_paragraphs))
            base = set(rewrites(arts, s.rewrite_run, s.rewrite_runs, credits, s.rewrite_credits))
            runs = {k: {a.article_id: _content_runs(a.text, k) for a in arts} for k in SHARE_RUNS}
            origin = {src.article_id: src.origin for src in prism.dossier(sid).sources}
            holders: dict[int, dict[tuple[str, ...], set[str]]] = {k: {} for k in SHARE_RUNS}
            for k in SHARE_RUNS:
                for aid, rs in runs[k].items():
                    for run in rs:
                        holders[k].setdefault(run, set()).add(origin.get(aid, aid))
            per_story[sid] = (arts, credits, base, runs, holders)
        says = [x for x in r["says"].split(",") if x]
        right = all(x == "1" for x in says) and int(r["outlets"] or 0) >= 2
        rows.append((name, r["item"], sid, claims, right))
    settings = [(k, t) for k in SHARE_RUNS for t in SHARES]
    shown: dict[tuple[int, float], list[bool]] = {}
    for k, t in settings:
        out = []
        for _, _, sid, claims, _ in rows:
            arts, credits, base, runs, holders = per_story[sid]
            ids = {c.article_id for c in claims}
            joined = set(base)
            for i, a in enumerate(arts):
                for b in arts[i + 1:]:
                    if a.article_id in ids and b.article_id in ids and (a.outlet or "").casefold() != (
                            b.outlet or "").casefold() and _share(runs[k][a.article_id], runs[k][b.article_id],
                                                                     holders[k], s.rewrite_share_min) >= t:
                        joined.add((a.article_id, b.article_id))
            outlets = {a.article_id: a.outlet for a in arts}
            out.append(len(line_origins(claims, copies, outlets, credits, s.origin_run, tuple(joined))) >= 2)
        shown[(k, t)] = out

    def f05(idx: list[int], st: tuple[int, float]) -> tuple[float, float, float]:
        tp = sum(shown[st][i] and rows[i][4] for i in idx)
        sh = sum(shown[st][i] for i in idx)
        pos = sum(rows[i][4] for i in idx)
        p, rc = (tp / sh if sh else 1.0), (tp / pos if pos else 1.0)
        return (1.25 * p * rc / (0.25 * p + rc) if p + rc else 0.0), p, rc

    stories = [r[2] for r in rows]
    print(f"{len(rows)} labelled groups ({sum(r[4] for r in rows)} right) of {len(set(stories))} stories "
          f"({', '.join(AUDITS)})")
    for st in settings:
        f, p, rc = f05(list(range(len(rows))), st)
        print(f"  share of {st[0]}-word runs >= {st[1] if st[1] < 2 else 'off'}: shown {sum(shown[st])}, "
              f"precision {p:.3f}, recall {rc:.3f}, F0.5 {f:.3f} (all items, in-sample)")
    chosen: Counter[tuple[int, float]] = Counter()
    held = [False] * len(rows)
    for sid in sorted(set(stories)):
        train = [i for i, x in enumerate(stories) if x != sid]
        best = max(settings, key=lambda st: (f05(train, st)[0], -st[1], -st[0]))
        chosen[best] += 1
        for i in (i for i, x in enumerate(stories) if x == sid):
            held[i] = shown[best][i]
    tp = sum(h and r[4] for h, r in zip(held, rows, strict=True))
    print("chosen per fold (share run, share; 2.0 = off): " + ", ".join(f"{k}: {n}" for k, n in chosen.most_common()))
    print(f"held out (leave-one-story-out): shown {sum(held)} of {len(rows)}, right among them {tp} "
          f"(precision {tp / max(1, sum(held)):.3f}), recall {tp / max(1, sum(r[4] for r in rows)):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cmd", choices=("cv", "groups", "sample"))
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--sheet", type=Path, default=Path("/tmp/np-rewrite-sheet.md"))
    ap.add_argument("--audits", action="store_true", help="cv: add the pairs the group audits judge")
    ap.add_argument("--share-off", action="store_true", help="cv --audits: the same pairs, the share test left out")
    ap.add_argument("--ecb-db", type=Path, help="cv --audits: a store built over ECB+ (ecbplus_dev/docs): its pairs too")
    args = ap.parse_args()
    if str(args.sheet.resolve()).startswith(str(ROOT)):
        raise SystemExit("the sheet quotes articles: write it outside the repository")
    from newsprism import Prism

    with Prism(db=args.db) as prism:
        if args.cmd == "cv" and args.ecb_db is not None:
            with Prism(db=args.ecb_db) as ecb:
                cv(prism, args.labels, args.audits, args.share_off, ecb)
        elif args.cmd == "cv":
            cv(prism, args.labels, args.audits, args.share_off)
        elif args.cmd == "groups":
            groups(prism)
        else:
            sample(prism, args.sheet)


if __name__ == "__main__":
    main()
