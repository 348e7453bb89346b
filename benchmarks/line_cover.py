"""Does a citation state its line? The ``line_cosine`` / ``line_cover`` test of ``claims.align``.

Usage:
  .venv/bin/python benchmarks/line_cover.py cv --db STORE [--audits dev,1,2,3,4,4b]

STORE is a store built by ``newsprism run`` over ../shared/benchmarks/giveme5w1h_news_cluster/data. Labels: every
(printed line, citation) pair of the group and summary items of the audits named (``audit-dev-labels.tsv`` is
``dev``, ``audit-labels.tsv`` audit 1, ``audit-N-labels.tsv`` audit N; never audit-5 or audit-6, the held-out
draws), 1 when the labeller marked that the citation states the line's fact. Each pair is found among the story's claims as
``claims.align`` extracts them today (pairs whose spans are no longer claims are left out) and kept when the shipped
grouping rule joins it (sentence vectors' cosine at least ``embedding_threshold``, or ``wording_threshold`` with a
shared run of ``wording_run`` words): the pairs the test judges. Leaving one story out, each fold chooses
(``line_cosine``, ``line_cover``) by F0.5 of "states the line" over the other stories' pairs (ties: the setting
keeping fewer pairs); the script prints each fold's choice, the pooled held-out precision and recall, the spread of held-out
accuracy per story, and every setting over all pairs (in-sample).
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _loso import f_half, leave_one_story_out

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
FILES = {"dev": "audit-dev-labels.tsv", "1": "audit-labels.tsv", "2": "audit-2-labels.tsv",
         "3": "audit-3-labels.tsv", "4": "audit-4-labels.tsv", "4b": "audit-4b-labels.tsv",
         "6b": "audit-6b-labels.tsv"}
COSINES = (0.75, 0.8, 0.85, 0.9, 1.01)  # 1.01: the words and numbers alone
COVERS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7)
LOWERS = (0.0, 0.2, 0.3, 0.4, 0.5)  # line_cover_lower
OFF = (0.0, 0.0, 0.0)


def _pairs(audits: list[str]) -> list[dict[str, Any]]:
    out = []
    for n in audits:
        with (DATA / FILES[n]).open(encoding="utf-8") as f:
            rows = list(csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"))
        for r in rows:
            if r["kind"] not in ("group", "summary"):
                continue
            spans = r["spans"].split(";")
            says = [x for x in r["says"].split(",") if x]
            for sp, x in zip(spans[1:], says, strict=False):
                out.append({"audit": n, "item": r["item"], "line": spans[0], "cit": sp, "label": x == "1"})
    return out


def cv(prism: Any, audits: list[str]) -> None:
    from newsprism.claims import align
    from newsprism.claims.alignment import _states, _word_runs
    from newsprism.settings import Settings

    s = Settings().claims
    pairs = _pairs(audits)
    story_of = {aid: st.story_id for st in prism.stories() for aid in st.article_ids}
    embed = prism.claim_embedder()
    found: dict[str, Any] = {}
    for sid in sorted({story_of[p["line"].split(":")[0]] for p in pairs if p["line"].split(":")[0] in story_of}):
        job = prism.story_job(sid)
        seen: dict[str, Any] = {}

        def capture(claims: Any, seen: dict[str, Any] = seen) -> Any:
            seen["claims"], seen["vectors"] = list(claims), embed(claims)
            return seen["vectors"]

        align(job.articles, job.analyses, job.entities, job.copies, s, embed=capture)
        if "claims" in seen:
            found[sid] = ({f"{c.article_id}:{c.field}:{c.start}-{c.end}": i for i, c in enumerate(seen["claims"])},
                          seen["claims"], seen["vectors"])
    settings = [OFF] + [(c, v, w) for c in COSINES for v in COVERS for w in LOWERS]
    items = []
    for p in pairs:
        sid = story_of.get(p["line"].split(":")[0])
        if sid not in found or p["line"] not in found[sid][0] or p["cit"] not in found[sid][0]:
            continue
        index, claims, vectors = found[sid]
        a, b = claims[index[p["line"]]], claims[index[p["cit"]]]
        cos = float(vectors[index[p["line"]]] @ vectors[index[p["cit"]]])
        worded = bool(_word_runs(a.text, s.wording_run) & _word_runs(b.text, s.wording_run))
        if not (cos >= s.embedding_threshold or (cos >= s.wording_threshold and worded)):
            continue
        p = {**p, "story": sid, "pred": {}}
        for st in settings:
            p["pred"][st] = _states(a, b, cos, dataclasses.replace(s, line_cosine=st[0], line_cover=st[1],
                                                                   line_cover_lower=st[2]))
        items.append(p)
    stories = sorted({p["story"] for p in items})
    print(f"{len(pairs)} labelled pairs, {len(items)} of them claims today and grouped by the shipped rule "
          f"({sum(p['label'] for p in items)} labelled stating the line), {len(stories)} stories, audits "
          f"{','.join(audits)}")

    def kept(idx: Sequence[dict[str, Any]], st: tuple[float, ...]) -> int:
        return sum(p["pred"][st] for p in idx)

    folds = leave_one_story_out(items, settings, lambda train, st: (-kept(train, st), st))
    chosen, accs = folds.chosen, folds.accuracies
    for st, n in chosen.most_common():
        print(f"  chosen {st} (line_cosine, line_cover, line_cover_lower; (0.0, 0.0, 0.0) = off) in {n} of "
              f"{len(stories)} folds")
    tp, fp, fn, _ = folds.counts()
    print(f"held out: precision of 'states the line' {tp / max(1, tp + fp):.3f} ({tp} of {tp + fp}), recall "
          f"{tp / max(1, tp + fn):.3f}; per story accuracy median {statistics.median(accs):.3f} "
          f"(range {min(accs):.3f}-{max(accs):.3f})")
    f, pr, rc, a = f_half(items, OFF)
    print(f"test off, all pairs: F0.5 {f:.3f}, P {pr:.3f}, R {rc:.3f}, accuracy {a:.3f}")
    print("every setting over all pairs (in-sample), best 12 by F0.5:")
    for st in sorted(settings, key=lambda st: -f_half(items, st)[0])[:12]:
        f, pr, rc, a = f_half(items, st)
        print(f"  {st}: F0.5 {f:.4f}, P {pr:.3f}, R {rc:.3f}, accuracy {a:.3f}, kept {kept(items, st)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cmd", choices=("cv",))
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--audits", default="dev,1,2,3,4,4b,6b",
                    help="which audits' labels (never 5 or 6: held out): comma-separated")
    args = ap.parse_args()
    audits = [a for a in args.audits.split(",") if a]
    if any(a not in FILES for a in audits):
        raise SystemExit(f"--audits: each of {', '.join(FILES)} (audit-5 and audit-6 are held out)")
    from newsprism import Prism

    with Prism(db=args.db, readonly=True) as prism:
        cv(prism, audits)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
