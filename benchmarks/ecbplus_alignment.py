"""Claim alignment on ECB+ (topics 1-35): the strict sentence-pair score of ../shared/benchmarks/ecbplus_dev.

Usage: .venv/bin/python benchmarks/ecbplus_alignment.py [--workdir DIR] [--bench DIR] [--sweep]

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
(median and range: the spread over topics). ``--sweep`` also scores the topic run at
other values of ``embedding_threshold`` and reports, by leave-one-topic-out, the
threshold the other topics would choose and the held-out F1 it gives: what ECB+ alone
would pick (this benchmark rewards lumping within one event, see its README).
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


def _groups(prism: Any, sets: list[list[str]], settings: Any) -> list[dict[str, Any]]:
    from newsprism import claims as C

    out = []
    embed = prism._embedder() if prism.settings.embeddings else None
    copies = prism.store.copies()
    for ids in sets:
        arts = [prism.article(i) for i in ids]
        analyses = [prism.analysis(i) for i in ids]
        ents = prism.store.entities_with_relations(set(ids))
        al = C.align(arts, analyses, ents, copies, settings, embed=embed)
        by_id = {a.article_id: a for a in arts}
        for g in al.groups:
            if len(g.claim_ids) < 2 or g.internal:
                continue
            members = []
            for cid in g.claim_ids:
                c = al.claim(cid)
                span = _spans(by_id[c.article_id], c)
                if span:
                    members.append({"file": Path(by_id[c.article_id].source).name, "start": span[0], "end": span[1]})
            out.append({"members": members})
    return out


def _score(bench: Path, score: Any, groups: list[dict[str, Any]], path: Path) -> tuple[str, dict[str, Any]]:
    with path.open("w", encoding="utf-8") as f:
        for g in groups:
            f.write(json.dumps(g) + "\n")
    proc = subprocess.run([sys.executable, str(bench / "score.py"), "alignment", str(bench), str(path)],
                          capture_output=True, text=True, check=True)
    b = score.load_bench(bench)
    pred, _ = score.predicted_pairs(b, score.read_groups(path))
    pos, neg, _ex = score.strict_pairs(b)
    per_topic: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # true, predicted, positive
    topic = [s.topic for s in b.sentences]
    for p in pos:
        per_topic[topic[p[0]]][2] += 1
    for p in pred & (pos | neg):
        per_topic[topic[p[0]]][1] += 1
        per_topic[topic[p[0]]][0] += p in pos
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
    ap.add_argument("--sweep", action="store_true")
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
    out, f1s = _score(args.bench, score, _groups(prism, list(by_topic.values()), shipped),
                      args.workdir / "pred-topics.jsonl")
    print("== gold topics as stories (alignment alone)\n" + out + _spread(f1s))
    stories = [list(s.article_ids) for s in prism.stories()]
    out, f1s = _score(args.bench, score, _groups(prism, stories, shipped), args.workdir / "pred-stories.jsonl")
    print(f"== newsprism stories ({len(stories)}; end to end)\n" + out + _spread(f1s))
    if args.sweep:
        table = {}
        for t in SWEEP:
            s = dataclasses.replace(shipped, embedding_threshold=t)
            _out, table[t] = _score(args.bench, score, _groups(prism, list(by_topic.values()), s),
                                    args.workdir / f"pred-{t}.jsonl")
            print(f"embedding_threshold {t}: " + _out.strip().splitlines()[-1])
        topics = sorted(f1s)
        chosen, held = [], []
        for t_out in topics:  # leave one topic out: pick on the others (micro F1 over their pairs), score it
            best = max(SWEEP, key=lambda t: (statistics.mean(table[t][x][2] for x in topics if x != t_out), t))
            chosen.append(best)
            held.append(table[best][t_out][2])
        print(f"leave-one-topic-out: chosen thresholds {sorted(set(chosen))}, held-out F1 median "
              f"{statistics.median(held):.3f} (range {min(held):.3f}-{max(held):.3f})")


if __name__ == "__main__":
    main()
