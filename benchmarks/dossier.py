"""The main job on the 383-article news_cluster corpus, and every story's dossier.

Usage: .venv/bin/python benchmarks/dossier.py [CORPUS_DIR] [--workdir DIR] [--sample FILE] [--json]

1. Runs ``newsprism run CORPUS --out DIR/report`` in a child process on a new
   store and reports its wall time and peak resident memory (ru_maxrss of the
   child): ingest, stories, analysis with spaCy, and the report.
2. Opens the store and asks for every story's dossier in this process
   (``Prism.update_dossier``, as ``run`` stores each one):
   that each one builds, the time per dossier (median, and the median of five
   builds of the story nearest 20 articles), the distribution of claim-group
   statuses and of conflict cards by kind.
3. Where a story holds wire copies, checks that corroboration counts origins:
   for every claim group, its ``sources`` must equal the number of distinct
   independent origins of the articles it cites, and never the number of
   articles.
4. ``--sample FILE`` writes 20 conflict cards, drawn with a fixed seed, as
   Markdown for a person to judge (docs/dossier-benchmark.md holds the verdicts).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from newsprism import Prism
from newsprism.copies import independent_sources

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "benchmarks" / "giveme5w1h_news_cluster" / "data"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--workdir", help="Keep the store and report here (default: a temporary folder).")
    ap.add_argument("--sample", help="Write 20 sampled conflict cards to this Markdown file.")
    ap.add_argument("--seed", type=int, default=20261126)
    ap.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = ap.parse_args()
    if not Path(args.corpus).exists():
        print(f"corpus not found: {args.corpus} (see ../shared/benchmarks/README.md)", file=sys.stderr)
        return 2
    work = Path(args.workdir or tempfile.mkdtemp(prefix="np-dossier-"))
    work.mkdir(parents=True, exist_ok=True)
    db, out = work / "bench.db", work / "report"
    for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        p.unlink(missing_ok=True)

    exe = Path(sys.executable).with_name("newsprism")
    t0 = time.perf_counter()
    proc = subprocess.run([str(exe), "run", args.corpus, "--db", str(db), "--out", str(out), "--json", "-q"],
                          capture_output=True, text=True)
    wall = time.perf_counter() - t0
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if proc.returncode not in (0, 1):
        print(proc.stderr, file=sys.stderr)
        return 1
    run = json.loads(proc.stdout)

    figures: dict[str, object] = {
        "run_wall_s": round(wall, 1),
        "run_peak_rss_mib": round(peak_mib),
        "articles_ingested": len(run["ingest"]["added"]),
        "input_failures": len(run["ingest"]["failed"]),
        "analysed": run["analysed"],
        "stories": len(run["stories"]),
        "stories_failed": run["failed"],
    }

    statuses: Counter[str] = Counter()
    cards: Counter[str] = Counter()
    times: list[float] = []
    sizes: dict[str, int] = {}
    all_cards = []
    wrong_counts = 0  # a line counting more origins than its articles have: a bug
    fewer = 0  # lines counting fewer: an outlet credit, shared wording or one outlet (copies.line_origins)
    groups_with_copies = 0
    copy_cited = [0, 0]  # articles cited by the groups that cite copies, and their independent origins
    built = 0
    with Prism(db=db) as prism:
        copies = prism.store.copies()
        for s in prism.stories():
            detail = prism.story(s.story_id)
            t = time.perf_counter()
            d = prism.update_dossier(s.story_id)
            times.append(time.perf_counter() - t)
            built += 1
            sizes[s.story_id] = len(detail.articles)
            statuses.update(g.status for g in d.groups)
            for c in d.conflicts:
                cards[f"{c.kind}: {c.status}{' (inside one article)' if c.internal else ''}"] += 1
                if c.status == "conflict":
                    all_cards.append((s.story_id, d.headline, c))
            for g in d.groups:
                arts = sorted({c.article_id for c in g.citations})
                origins = len(independent_sources(arts, copies, {a.article_id: a.outlet for a in detail.articles}))
                wrong_counts += g.sources > origins
                fewer += g.sources < origins
                if origins < len(arts):
                    groups_with_copies += 1
                    copy_cited[0] += len(arts)
                    copy_cited[1] += origins
        target = min(sizes, key=lambda k: (abs(sizes[k] - 20), -sizes[k]))
        detail = prism.story(target)
        reps = []
        for _ in range(5):
            t = time.perf_counter()
            prism.update_dossier(target)
            reps.append(time.perf_counter() - t)

    figures.update({
        "dossiers_built": built,
        "dossier_s_median": round(statistics.median(times), 3),
        "dossier_s_max": round(max(times), 3),
        "story_near_20": {"id": target, "articles": sizes[target],
                          "dossier_s_median_of_5": round(statistics.median(reps), 3)},
        "claim_groups": sum(statuses.values()),
        "statuses": dict(statuses.most_common()),
        "cards": dict(cards.most_common()),
        "groups_citing_copies": groups_with_copies,
        "their_cited_articles_and_origins": copy_cited,
        "groups_counting_more_than_their_articles_origins": wrong_counts,
        "groups_counting_fewer_line_origins": fewer,
    })
    if args.sample:
        rng = random.Random(args.seed)
        picked = rng.sample(all_cards, min(20, len(all_cards)))
        lines = [f"# 20 conflict cards sampled with seed {args.seed}\n"]
        for n, (sid, head, c) in enumerate(picked, 1):
            lines.append(f"## {n}. {c.kind}{' (inside one article)' if c.internal else ''} — story {sid}: {head}\n")
            for side in c.sides:
                lines.append(f"- **{side.value}** — {', '.join(side.outlets)}")
                for st in side.statements:
                    lines.append(f"  - {' '.join(st.text.split())}")
            lines.append("")
        Path(args.sample).write_text("\n".join(lines), encoding="utf-8")
        figures["sample"] = args.sample

    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        for k, v in figures.items():
            print(f"{k:42} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
