"""CPU time of the analyse pool: one process against 2 workers, with main's batches
(as given: 32 + 8 for 40 articles) and with the even batches, plus a forked worker's start.

Usage: .venv/bin/python benchmarks/workers_cpu.py [CORPUS_DIR] [--limit N] [--repeat R]

The first N files (sorted by name) are ingested into a temporary store, the spaCy
model is loaded once, then each way analyses the same articles
(``analyse.pool.analyse_batches``) and reports wall time, CPU time of this process
and of its children (``getrusage``), CPU per article, and whether the records are
the same. CPU time is the figure to quote on a shared machine; wall-clock ratios
only mean something when a core is free. The load average is printed.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from newsprism import Prism, Settings
from newsprism.analyse import analyse_batch, load_model
from newsprism.analyse import pool as _pool

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "benchmarks" / "giveme5w1h_news_cluster" / "data"


def _cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def _given_batches(articles: int, settings: Settings) -> tuple[int, int]:
    """The plan before even batches: the given batches over min(workers, batches) processes."""
    batches = -(-articles // settings.analyse_batch_size)
    return max(1, min(settings.workers, batches)), settings.analyse_batch_size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args(argv)
    src = Path(args.corpus)
    if not src.is_dir():
        print(f"{src}: corpus not found (see ../shared/benchmarks/README)", file=sys.stderr)
        return 2
    files = [str(p) for p in sorted(p for p in src.iterdir() if p.is_file())[: args.limit]]
    with tempfile.TemporaryDirectory(prefix="np-workers-") as tmp, \
            Prism(db=Path(tmp) / "w.db", settings=Settings(workers=1)) as prism:
        prism.ingest(files)
        arts = list(prism.store.iter_articles())
    out: dict[str, object] = {"articles": len(arts), "loadavg_before": os.getloadavg()}
    t = time.perf_counter()
    load_model(Settings())
    out["model_load_s"] = round(time.perf_counter() - t, 2)
    analyse_batch(arts[:2], Settings())  # first-call costs (rules, packs) paid before timing, as forked workers inherit them
    even = _pool.plan
    records: set[int] = set()
    rows: dict[str, list[dict[str, float]]] = {}
    ways = (("one", 1, even), ("two_given_batches", 2, _given_batches), ("two_even_batches", 2, even))
    for _ in range(args.repeat):
        for name, workers, plan in ways:
            _pool.plan = plan
            s = Settings(workers=workers)
            size = s.analyse_batch_size
            batches = [arts[i:i + size] for i in range(0, len(arts), size)]
            c0, k0, t0 = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN), time.perf_counter()
            got = [a for done, _problems in _pool.analyse_batches(batches, s) for a in done]
            wall = time.perf_counter() - t0
            cpu = _cpu(resource.RUSAGE_SELF) - c0 + _cpu(resource.RUSAGE_CHILDREN) - k0
            rows.setdefault(name, []).append({
                "busiest_worker_articles": _busiest(len(arts), plan(len(arts), s)),
                "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
                "cpu_ms_per_article": round(1000 * cpu / len(arts), 1)})
            records.add(hash(tuple(repr(a) for a in got)))
    _pool.plan = even
    out.update(rows)
    out["same_records"] = len(records) == 1
    k0, t0 = _cpu(resource.RUSAGE_CHILDREN), time.perf_counter()
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        pool.submit(analyse_batch, arts[:1], Settings()).result()
    out["fresh_worker_one_article"] = {"wall_s": round(time.perf_counter() - t0, 3),
                                       "cpu_s": round(_cpu(resource.RUSAGE_CHILDREN) - k0, 3)}
    out["loadavg_after"] = os.getloadavg()
    print(json.dumps(out, indent=1))
    return 0


def _busiest(articles: int, plan: tuple[int, int]) -> int:
    """Articles on the busiest worker when batches go round the workers in turn."""
    workers, size = plan
    load = [0] * workers
    for i, start in enumerate(range(0, articles, size)):
        load[i % workers] += min(size, articles - start)
    return max(load)


if __name__ == "__main__":
    raise SystemExit(main())
