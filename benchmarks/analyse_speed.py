"""Speed of the whole analysis vs spaCy's own ``nlp.pipe`` (the floor).

Usage: .venv/bin/python benchmarks/analyse_speed.py [CORPUS_DIR] [--repeat N] [--batch-size B]

CORPUS_DIR defaults to ../shared/benchmarks/giveme5w1h_news_cluster/data
(383 articles). The articles are read and cleaned in memory with newsprism's
own readers and cleaner. Both runs see the same texts (title, body and
captions, as analyse builds them) in the same process: first spaCy alone
(the configured model as installed, ``nlp.pipe``), then ``analyse`` +
``resolve`` (the same model plus newsprism's components and extractors).
Each is run ``--repeat`` times after a warm-up on 20 texts, alternating;
the medians are printed with their ratio, and the ratio of each pair of
neighbouring runs (robust to a machine whose load changes). Peak memory is the process's
maximum resident set size (ru_maxrss) after each phase.
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import sys
import time
from pathlib import Path

import spacy

from newsprism import Settings
from newsprism.analyse import analyse, doc_text, load_model
from newsprism.clean import clean
from newsprism.ingest import read
from newsprism.inputs import iter_inputs
from newsprism.records import Article, Problem
from newsprism.resolve import resolve

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "benchmarks" / "giveme5w1h_news_cluster" / "data"


def load_articles(path: str, settings: Settings) -> list[Article]:
    out = []
    for item in iter_inputs([path], settings):
        if isinstance(item, Problem):
            continue
        for doc in read(item, settings):
            if not isinstance(doc, Problem):
                out.append(clean(doc, settings))
    return out


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=None)
    args = ap.parse_args(argv)
    settings = Settings(**({"analyse_batch_size": args.batch_size} if args.batch_size else {}))
    articles = load_articles(args.corpus, settings)
    if not articles:
        print(f"no articles under {args.corpus}", file=sys.stderr)
        return 2
    texts = [doc_text(a) for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"articles: {len(articles)}  words: {words}  model: {settings.spacy_model}  "
          f"batch size: {settings.analyse_batch_size}  spaCy {spacy.__version__}")
    print(f"peak RSS after reading: {peak_mib():.0f} MiB")

    plain = spacy.load(settings.spacy_model)
    ours = load_model(settings)
    list(plain.pipe(texts[:20], batch_size=settings.analyse_batch_size))
    analyse(articles[:20], settings)
    print(f"peak RSS after loading both pipelines: {peak_mib():.0f} MiB")

    spacy_times, ours_times = [], []
    for _ in range(args.repeat):
        gc.collect()
        t = time.perf_counter()
        for _doc in plain.pipe(texts, batch_size=settings.analyse_batch_size):
            pass
        spacy_times.append(time.perf_counter() - t)
        gc.collect()
        t = time.perf_counter()
        resolve(analyse(articles, settings, ours), settings)
        ours_times.append(time.perf_counter() - t)
    n = len(articles)
    s_med, o_med = statistics.median(spacy_times), statistics.median(ours_times)
    print(f"spaCy nlp.pipe alone : {n / s_med:7.2f} articles/s  ({s_med:.1f} s; runs: "
          f"{', '.join(f'{x:.1f}' for x in spacy_times)})")
    print(f"newsprism analysis   : {n / o_med:7.2f} articles/s  ({o_med:.1f} s; runs: "
          f"{', '.join(f'{x:.1f}' for x in ours_times)})")
    pairs = [s / o for s, o in zip(spacy_times, ours_times, strict=True)]
    print(f"ratio (analysis / spaCy alone): {s_med / o_med:.2f}x of the medians; per run pair: "
          f"{', '.join(f'{r:.2f}' for r in pairs)} (median {statistics.median(pairs):.2f}x)")
    print(f"peak RSS: {peak_mib():.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
