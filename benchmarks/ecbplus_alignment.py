"""Claim alignment on ECB+ (topics 1-35): the strict sentence-pair score of ../shared/benchmarks/ecbplus_dev.

Usage: .venv/bin/python benchmarks/ecbplus_alignment.py [--workdir DIR] [--bench DIR] [--sweep] [--sweep-ratio]
       [--sweep-groups]

The folder's 772 plain-text documents are ingested and analysed into a store under
``--workdir`` (kept: a second run reuses it). Claim groups are then made by
``newsprism.claims.align`` at the shipped defaults (``AlignSettings()``, sentence
embeddings on, as ``Settings().embeddings`` ships), two ways:

* **gold topics**: the articles of one ECB+ topic (both of its similar events together)
  are aligned as one story: alignment alone, which must keep the topic's two events apart;
* **newsprism stories**: the articles as newsprism's own story clustering groups them
  (end to end: a story that mixes the two events of a topic costs precision).

Every group of two or more claims becomes one line of a PRED_GROUPS.jsonl, each claim's
span mapped back to the document's characters; the folder's ``score.py`` scores it
(strict, its default) and the script prints its output, plus P/R/F1 per topic
(median and range: the spread over topics). ``--sweep`` redoes the happening step of
every story (aligned once with ``short_article_claims`` on, once off) over ``short_article_claims`` x
``happening_lead_claims`` x
(``happening_article_threshold``, ``happening_article_ratio``) x ``happening_link_threshold``
x ``happening_threshold`` and reports, by leave-one-topic-out, the setting the other 32 topics
would choose, the pooled held-out P/R/F1 and the held-out F1 per topic (this benchmark
rewards lumping within one event, see its README). ``--sweep-ratio`` does it over
``happening_article_ratio`` alone (``HAPPENING_RATIO``, the other settings as shipped).
``--sweep-groups`` does the same over the statement groups' ``embedding_threshold``.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import importlib.util
import json
import statistics
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "benchmarks" / "ecbplus_dev"
SWEEP = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
HAPPENING_LEAD = (4, 8, 0)  # happening_lead_claims (0: every claim)
HAPPENING_ARTICLE = ((0.03, 0.0), (0.03, 0.5), (0.06, 0.0), (0.06, 0.5))  # article threshold, ratio
HAPPENING_LINK = (0.4, 0.5)
HAPPENING_THRESHOLD = (0.05, 0.2)
# --sweep-ratio: the article split's ratio alone, the other happening settings as shipped
HAPPENING_RATIO = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def _score_module(bench: Path) -> Any:
    spec = importlib.util.spec_from_file_location("ecb_score", bench / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _store(bench: Path, workdir: Path) -> Any:
    from newsprism import Prism

    workdir.mkdir(parents=True, exist_ok=True)
    prism = Prism(db=workdir / "ecb.db")
    docs = sorted((bench / "docs").glob("*.txt"))
    if len(prism.articles()) < len(docs):
        print(f"ingesting and analysing {len(docs)} documents into {workdir / 'ecb.db'} (minutes)", file=sys.stderr)
        prism.ingest([str(p) for p in docs])
        prism.analyse()
    return prism


def _spans(article: Any, claim: Any) -> tuple[int, int] | None:
    """The claim's span in the document's characters."""
    if claim.field == "body":
        return article.offsets.span_to_source(claim.start, claim.end)  # type: ignore[no-any-return]
    at = article.source_text.find(claim.text)
    return (at, at + len(claim.text)) if at >= 0 else None


def _score(bench: Path, score: Any, groups: list[dict[str, Any]], path: Path) -> tuple[str, dict[str, Any]]:
    per_topic = _counts(bench, score, groups, path)  # writes the groups to path
    proc = subprocess.run([sys.executable, str(bench / "score.py"), "alignment", str(bench), str(path)],
                          capture_output=True, text=True, check=True)
    f1s = {t: score.prf(tp, npred, ngold) for t, (tp, npred, ngold) in per_topic.items()}
    return proc.stdout, f1s


def _spread(f1s: dict[str, tuple[float, float, float]]) -> str:
    out = []
    for k, name in enumerate(("P", "R", "F1")):
        xs = [v[k] for v in f1s.values()]
        out.append(f"{name} median {statistics.median(xs):.3f} (range {min(xs):.3f}-{max(xs):.3f})")
    return f"per topic ({len(f1s)} topics): " + ", ".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/np-ecbplus"))
    ap.add_argument("--bench", type=Path, default=BENCH)
    ap.add_argument("--sweep", action="store_true", help="leave-one-topic-out over the happening settings")
    ap.add_argument("--sweep-ratio", action="store_true",
                    help="leave-one-topic-out over happening_article_ratio alone (HAPPENING_RATIO)")
    ap.add_argument("--sweep-groups", action="store_true", help="the same over the groups' embedding_threshold")
    args = ap.parse_args()
    if not (args.bench / "score.py").exists():
        raise SystemExit(f"{args.bench}: the ECB+ benchmark folder (score.py) is not there")
    from newsprism.claims import AlignSettings

    score = _score_module(args.bench)
    prism = _store(args.bench, args.workdir)
    source_of = {Path(a.source).name: a.article_id for a in (prism.article(s.article_id) for s in prism.articles())}
    with (args.bench / "labels.tsv").open(encoding="utf-8") as f:
        topic_of = {r["file"]: r["topic"] for r in csv.DictReader(f, delimiter="\t")}
    by_topic: dict[str, list[str]] = defaultdict(list)
    for name, aid in sorted(source_of.items()):
        by_topic[topic_of[name]].append(aid)
    shipped = AlignSettings()
    print(f"shipped defaults: embeddings={prism.settings.embeddings} {shipped}")
    topics = list(by_topic.values())
    stories = [list(s.article_ids) for s in prism.stories()]
    for mode, name, sets in (("topics", "gold topics as stories (alignment alone)", topics),
                             ("stories", f"newsprism stories ({len(stories)}; end to end)", stories)):
        aligned = _align_all(prism, sets, shipped)
        made = _lines(aligned)
        for level, what in (("groups", "statement groups (one fact)"), ("happenings", "reports of one happening")):
            out, f1s = _score(args.bench, score, made[level], args.workdir / f"pred-{level}-{mode}.jsonl")
            print(f"== {name}: {what}\n" + out + _spread(f1s), flush=True)
        if args.sweep or args.sweep_ratio:
            # the sweep also aligns every story with short_article_claims turned the other way
            other = dataclasses.replace(shipped, short_article_claims=not shipped.short_article_claims)
            both = {shipped.short_article_claims: aligned, other.short_article_claims: _align_all(prism, sets, other)}
            _sweep_happenings(args, score, shipped, mode, both, ratio_only=not args.sweep)
    if args.sweep_groups:
        _sweep_groups(args, score, prism, shipped, topics)


def _align_all(prism: Any, sets: list[list[str]], settings: Any) -> list[tuple[Any, ...]]:
    """Each story aligned once: (alignment, articles by id, entities by id, cosine of its claims)."""
    import numpy as np

    from newsprism import claims as C

    embed = prism.claim_embedder(store=True) if prism.settings.embeddings else None
    copies = prism.store.copies()
    out = []
    for ids in sets:
        arts = [prism.article(i) for i in ids]
        ents = prism.store.entities_with_relations(set(ids))
        al = C.align(arts, [prism.analysis(i) for i in ids], ents, copies, settings, embed=embed)
        cosine = None
        if embed is not None and al.claims:
            vectors = embed(al.claims)
            cosine = np.asarray(vectors @ vectors.T, dtype=np.float64)
        out.append((al, {a.article_id: a for a in arts}, {e.entity_id: e for e in ents}, cosine))
    return out


def _members(al: Any, by_art: dict[str, Any], claim_ids: Any) -> list[dict[str, Any]]:
    found = []
    for cid in claim_ids:
        c = al.claim(cid)
        span = _spans(by_art[c.article_id], c)
        if span:
            found.append({"file": Path(by_art[c.article_id].source).name, "start": span[0], "end": span[1]})
    return found


def _lines(aligned: list[tuple[Any, ...]], happening: Any = None,
           events: list[Any] | None = None) -> dict[str, list[dict[str, Any]]]:
    """PRED_GROUPS lines of each level: ``groups`` (statement groups, one fact each) and
    ``happenings`` (reports of one happening: all the claims of its groups), the latter
    as ``align`` made them or, with ``happening`` (settings), made again at those settings
    (``events``: each story's article events, made at those settings, to reuse)."""
    from newsprism import claims as C

    out: dict[str, list[dict[str, Any]]] = {"groups": [], "happenings": []}
    for k, (al, by_art, by_id, cosine) in enumerate(aligned):
        statements = [g for g in al.groups if g.kind == "statement"]
        for g in statements:
            if len(g.claim_ids) >= 2 and happening is None:
                out["groups"].append({"members": _members(al, by_art, g.claim_ids)})
        if happening is None or cosine is None:  # as align made them (a story without claims has none)
            parts = [list(h.group_ids) for h in al.happenings]
        else:
            at = {c.claim_id: k for k, c in enumerate(al.claims)}
            members = [[at[c] for c in g.claim_ids] for g in statements]
            parts = [[statements[g].group_id for g in part]
                     for part in C._happenings(al.claims, members, cosine, by_id, happening,
                                               None if events is None else events[k])]
        by_gid = {g.group_id: g for g in statements}
        for part in parts:
            cids = [cid for gid in part for cid in by_gid[gid].claim_ids]
            if len(cids) >= 2:
                out["happenings"].append({"members": _members(al, by_art, cids)})
    return out


def _micro(counts: dict[str, tuple[int, int, int]], keep: Any) -> tuple[float, float, float]:
    tp = sum(counts[t][0] for t in counts if keep(t))
    pred = sum(counts[t][1] for t in counts if keep(t))
    pos = sum(counts[t][2] for t in counts if keep(t))
    p = tp / pred if pred else 1.0
    r = tp / pos if pos else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _sweep_happenings(args: Any, score: Any, shipped: Any, mode: str, both: dict[bool, list[tuple[Any, ...]]],
                      ratio_only: bool = False) -> None:
    """Leave one topic out over the happening settings (the stories aligned once per value of
    ``short_article_claims``, the keys of ``both``): for each topic, the setting with the best
    micro F1 over the other topics' pairs, scored on it. ``ratio_only``:
    ``happening_article_ratio`` over ``HAPPENING_RATIO``, the rest as shipped."""
    counts: dict[tuple[float, ...], dict[str, tuple[int, int, int]]] = {}
    for short in sorted(both, reverse=True):
        _sweep_grid(args, score, shipped, mode, both[short], short, counts, ratio_only)
    _choose(mode, counts, "(short, lead, article, ratio, link, threshold)")


def _sweep_grid(args: Any, score: Any, shipped: Any, mode: str, aligned: list[tuple[Any, ...]], short: bool,
                counts: dict[tuple[float, ...], dict[str, tuple[int, int, int]]], ratio_only: bool) -> None:
    """The pair counts per topic of every happening setting of the grid, into ``counts``."""
    from newsprism import claims as C

    s0 = shipped
    articles = ([(s0.happening_article_threshold, r) for r in HAPPENING_RATIO] if ratio_only
                else list(HAPPENING_ARTICLE))
    for lead in ((s0.happening_lead_claims,) if ratio_only else HAPPENING_LEAD):
        for at, ratio in articles:
            base = dataclasses.replace(shipped, happening_lead_claims=lead, happening_article_threshold=at,
                                       happening_article_ratio=ratio)
            events = [None if cosine is None else C._article_events(al.claims, by_id, base)
                      for al, _a, by_id, cosine in aligned]
            for link in ((s0.happening_link_threshold,) if ratio_only else HAPPENING_LINK):
                for t in ((s0.happening_threshold,) if ratio_only else HAPPENING_THRESHOLD):
                    s = dataclasses.replace(base, happening_link_threshold=link, happening_threshold=t)
                    key = (short, lead, at, ratio, link, t)
                    groups = _lines(aligned, s, events)["happenings"]
                    counts[key] = _counts(args.bench, score, groups, args.workdir / f"pred-h-{mode}.jsonl")
                    p, r, f = _micro(counts[key], lambda _t: True)
                    print(f"{mode}: short {short} lead {lead} article {at} ratio {ratio} link {link} threshold {t}: "
                          f"P {p:.3f} R {r:.3f} F1 {f:.3f}", flush=True)


def _choose(mode: str, counts: dict[tuple[float, ...], dict[str, tuple[int, int, int]]], names: str) -> None:
    """Leave one topic out over ``counts`` (setting -> per-topic pair counts): print the settings
    chosen, the held-out F1 per fold and the pooled held-out P/R/F1."""
    topics = sorted(next(iter(counts.values())))
    chosen, held, pooled = [], [], [0, 0, 0]
    for out in topics:
        best = max(counts, key=lambda k, out=out: (_micro(counts[k], lambda t, out=out: t != out)[2], k))
        chosen.append(best)
        tp, pred, pos = counts[best][out]
        held.append(_micro({out: (tp, pred, pos)}, lambda _t: True)[2])
        pooled = [pooled[0] + tp, pooled[1] + pred, pooled[2] + pos]
    p, r, f = _micro({"all": (pooled[0], pooled[1], pooled[2])}, lambda _t: True)
    picks = ", ".join(f"{k} x{chosen.count(k)}" for k in sorted(set(chosen)))
    print(f"{mode}: leave-one-topic-out ({len(topics)} folds): chosen {names} "
          f"{picks}; held-out F1 per fold median {statistics.median(held):.3f} (range {min(held):.3f}-"
          f"{max(held):.3f}); pooled held-out P {p:.3f} R {r:.3f} F1 {f:.3f}", flush=True)


_LOADED: dict[tuple[Path, Any], tuple[Any, set[Any], set[Any]]] = {}


def _counts(bench: Path, score: Any, groups: list[dict[str, Any]], path: Path) -> dict[str, tuple[int, int, int]]:
    """Per topic: true, predicted and positive scored pairs."""
    with path.open("w", encoding="utf-8") as f:
        for g in groups:
            f.write(json.dumps(g) + "\n")
    if (bench, score) not in _LOADED:
        b = score.load_bench(bench)
        _LOADED[(bench, score)] = (b, *score.strict_pairs(b)[:2])
    b, pos, neg = _LOADED[(bench, score)]
    pred, _ = score.predicted_pairs(b, score.read_groups(path))
    per_topic: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    topic = [s.topic for s in b.sentences]
    for p in pos:
        per_topic[topic[p[0]]][2] += 1
    for p in pred & (pos | neg):
        per_topic[topic[p[0]]][1] += 1
        per_topic[topic[p[0]]][0] += p in pos
    return {t: (v[0], v[1], v[2]) for t, v in per_topic.items()}


def _sweep_groups(args: Any, score: Any, prism: Any, shipped: Any, topics: list[list[str]]) -> None:
    """The statement groups at other values of embedding_threshold, leave one topic out."""
    table = {}
    f1s: dict[str, Any] = {}
    for t in SWEEP:
        s = dataclasses.replace(shipped, embedding_threshold=t)
        groups = _lines(_align_all(prism, topics, s))["groups"]
        _out, table[t] = _score(args.bench, score, groups, args.workdir / f"pred-{t}.jsonl")
        f1s = table[t]
        print(f"embedding_threshold {t}: " + _out.strip().splitlines()[-1])
    names = sorted(f1s)
    chosen, held = [], []
    for t_out in names:  # leave one topic out: pick on the others (mean F1 over their topics), score it
        best = max(SWEEP, key=lambda t: (statistics.mean(table[t][x][2] for x in names if x != t_out), t))
        chosen.append(best)
        held.append(table[best][t_out][2])
    print(f"leave-one-topic-out: chosen thresholds {sorted(set(chosen))}, held-out F1 median "
          f"{statistics.median(held):.3f} (range {min(held):.3f}-{max(held):.3f})")

if __name__ == "__main__":
    main()
