"""How long runs of consecutive same-reason removals get on real corpora
(docs/ingest.md, "Bounds"): cleans each corpus into a temporary store with
every run of two or more logged as one, and prints the longest runs.

    .venv/bin/python benchmarks/removal_runs.py [DIR ...]
"""

from __future__ import annotations

import re
import sqlite3
import sys
import tempfile
from pathlib import Path

from newsprism import Prism, Settings

SHARED = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
CORPORA = ("giveme5w1h_news_cluster", "giveme5w1h_gold_standard", "ecbplus_dev")


def main(dirs: list[str]) -> None:
    paths = [Path(d) for d in dirs] or [SHARED / c for c in CORPORA]
    for path in paths:
        if not path.exists():
            print(f"{path}: absent, skipped")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            db = str(Path(tmp) / "runs.db")
            with Prism(db, Settings(removal_run=2)) as prism:
                added = len(prism.ingest([str(path)]).added)
            conn = sqlite3.connect(db)
            rows = conn.execute("SELECT a.source, r.detail FROM removals r JOIN articles a USING (article_id) "
                                "WHERE r.detail LIKE 'a run of %'").fetchall()
            conn.close()
        runs = sorted((int(re.match(r"a run of (\d+)", d).group(1)), s)  # type: ignore[union-attr]
                      for s, d in rows)
        print(f"{path.name}: {added} articles, {len(runs)} runs of 2 or more; longest: "
              + ", ".join(f"{n} ({Path(s).name})" for n, s in runs[-3:]))


if __name__ == "__main__":
    main(sys.argv[1:])
