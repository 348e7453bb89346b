"""Speed of ``newsprism run``: throughput vs spaCy alone, workers, incremental runs,
dossier time per story vs store size.

Usage: .venv/bin/python benchmarks/run_speed.py [CORPUS_DIR] [--limit N] [--repeat R] [--json]
       [--profile-plus1 FILE] [--keep DIR] [--no-dossier-scaling] [--vs-spacy-only]

CORPUS_DIR defaults to ../shared/benchmarks/giveme5w1h_news_cluster/data (383
articles); ``--limit`` takes the first N files (sorted by name). Every round runs,
in turn, in this one process (the spaCy model loaded once, before timing):

- ``spacy``: ``nlp.pipe`` of the configured model alone over the same texts analyse builds
  (spaCy's own components, with newsprism's ruler, paragraph and name fixes added as
  ``analyse.add_ruler`` adds them, and spaCy's own lemmatizer: not ``newsprism_lemmas``);
- ``run1`` / ``run2``: ``Prism.run`` into a fresh store with ``workers`` = 1 / 2;
- ``again``: a second ``run`` over the same inputs into ``run1``'s store (nothing new);
- ``plus1``: a ``run`` adding the last file to a store that holds (and reported) the others;
- ``dossier``: every story's dossier rebuilt (cache emptied) in a store of half the files,
  then the same stories in the store of all of them: seconds per story for each, and seconds
  per article of the story (the stories themselves grow with the store: ``dossier_article_*``
  tells the store's size apart from the story's).

Printed: the median of each over the rounds, the ratios taken round by round (the
machine's load drifts; a ratio within one round is the figure to quote) with their
median, and the load average before and after. Speeds are articles per second.
CPU seconds (this process and its worker processes, ``getrusage``) are printed beside the
wall times, with ratios of them: on a shared machine they are the figures to quote.
``cpu_run2_in_workers_pct`` is the share of the ``workers=2`` run's CPU done in worker
processes, and ``cpu_run2_vs_run1_bound`` the speed-up over one process that two free
cores would give it at best (that share running in half the time). ``stages_workers1`` /
``stages_workers2``: wall and CPU seconds of each stage of ``run1`` / ``run2`` (the
``stage`` progress events; analyse includes entity resolution, dossiers the claim vectors,
alignment, rendering and writing). ``--keep DIR`` copies each round's stores and report
folders to DIR (diff ``out1``, ``out2`` and ``outp``); ``--no-dossier-scaling`` skips the
``dossier`` measure; ``--vs-spacy-only`` times ``spacy`` and ``run1`` alone (with ``run1``'s stages), the
pair of the throughput ratio, each round in turn.
``--profile-plus1 FILE`` also writes a cProfile of the first round's ``plus1`` run to FILE
(read it with ``python -m pstats FILE``); that round's times then include the profiler.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from newsprism import Prism, Settings
from newsprism.analyse import add_ruler, doc_text, load_model
from newsprism.resolve import load_packs

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "benchmarks" / "giveme5w1h_news_cluster" / "data"


def _corpus(src: Path, files: list[Path], into: Path) -> Path:
    into.mkdir(parents=True)
    for f in files:
        shutil.copy(f, into / f.name)
    return into


def _cpu() -> float:
    """CPU seconds of this process and its finished children (worker processes)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


STAGES = ("ingest", "stories", "analyse", "dossiers")


def _timed_run(db: Path, corpus: Path, out: Path, workers: int,
               stages: dict[str, list[float]] | None = None) -> tuple[float, int, float]:
    """(wall seconds, articles analysed, CPU seconds) of one run; with ``stages``, each stage's wall and
    CPU seconds are appended under ``<stage>_wall`` / ``<stage>_cpu``."""
    marks: list[tuple[str, float, float]] = []

    def progress(event: str, _done: int, _total: int, detail: object) -> None:
        if event == "stage":
            marks.append((str(detail), time.perf_counter(), _cpu()))

    with Prism(db=db, settings=Settings(workers=workers)) as prism:
        t, c = time.perf_counter(), _cpu()
        result = prism.run([str(corpus)], out, progress=progress if stages is not None else None)
        wall, cpu = time.perf_counter() - t, _cpu() - c
    if stages is not None:
        ends = [*marks[1:], ("end", t + wall, c + cpu)]
        for (name, t0, c0), (_next, t1, c1) in zip(marks, ends, strict=True):
            stages.setdefault(f"{name}_wall", []).append(t1 - t0)
            stages.setdefault(f"{name}_cpu", []).append(c1 - c0)
    return wall, len(result.analyse.analysed), cpu


def _dossier_seconds(db: Path, stories: list[str]) -> tuple[float, float]:
    """Seconds per story and per article of those stories."""
    with Prism(db=db, settings=Settings(workers=1)) as prism:
        articles = sum(len(s.article_ids) for s in prism.stories() if s.story_id in set(stories))
        prism.store.conn.execute("DELETE FROM dossiers")
        t = time.perf_counter()
        for sid in stories:
            prism.update_dossier(sid)  # built and stored, as `run` does
        spent = time.perf_counter() - t
        return spent / max(len(stories), 1), spent / max(articles, 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--profile-plus1", default=None, help="write a cProfile of the first plus1 run here")
    ap.add_argument("--keep", default=None, help="copy the rounds' stores and report folders here (to diff them)")
    ap.add_argument("--no-dossier-scaling", action="store_true",
                    help="skip the dossier seconds per story, half vs whole store (two more builds)")
    ap.add_argument("--vs-spacy-only", action="store_true",
                    help="time spacy and run1 alone (the throughput ratio and run1's stages)")
    args = ap.parse_args(argv)
    src = Path(args.corpus)
    if not src.is_dir():
        print(f"{src}: corpus not found (see ../shared/benchmarks/README)", file=sys.stderr)
        return 2
    files = sorted(p for p in src.iterdir() if p.is_file())[: args.limit]
    settings = Settings()
    import spacy

    nlp = spacy.load(settings.spacy_model)  # the yardstick: spaCy's pipeline as it ships ...
    add_ruler(nlp, load_packs(settings))  # ... with the components newsprism adds
    load_model(settings)  # the pipeline `run` uses, loaded before timing
    load_before = os.getloadavg()
    times: dict[str, list[float]] = {k: [] for k in ("spacy", "run1", "run2", "again", "plus1",
                                                     "dossier_half", "dossier_full",
                                                     "dossier_article_half", "dossier_article_full")}
    ratios: dict[str, list[float]] = {k: [] for k in ("run1_vs_spacy", "run2_vs_run1", "again_pct", "plus1_pct",
                                                      "dossier_full_vs_half", "dossier_article_full_vs_half",
                                                      "cpu_run1_vs_spacy",
                                                      "cpu_again_pct", "cpu_plus1_pct", "cpu_run2_vs_run1",
                                                      "cpu_run2_in_workers_pct", "cpu_run2_vs_run1_bound")}
    cpu: dict[str, list[float]] = {k: [] for k in ("spacy", "run1", "run2", "again", "plus1")}
    stages1: dict[str, list[float]] = {}
    stages2: dict[str, list[float]] = {}
    n = 0
    with tempfile.TemporaryDirectory(prefix="np-speed-") as tmp:
        base = Path(tmp)
        all_files = _corpus(src, files, base / "all")
        rest = _corpus(src, files[:-1], base / "rest")
        half = _corpus(src, files[: len(files) // 2], base / "half")
        with Prism(db=base / "texts.db", settings=Settings(workers=1)) as prism:
            prism.ingest([str(all_files)])
            texts = [doc_text(a) for a in prism.store.iter_articles()]
        for r in range(args.repeat):
            t, c = time.perf_counter(), _cpu()
            for _doc in nlp.pipe(texts, batch_size=settings.analyse_batch_size):
                pass
            times["spacy"].append(time.perf_counter() - t)
            cpu["spacy"].append(_cpu() - c)
            rd = base / f"r{r}"
            rd.mkdir()
            t1, n, c1 = _timed_run(rd / "one.db", all_files, rd / "out1", 1, stages1)
            if args.vs_spacy_only:
                times["run1"].append(t1)
                cpu["run1"].append(c1)
                ratios["run1_vs_spacy"].append((n / t1) / (len(texts) / times["spacy"][-1]))
                ratios["cpu_run1_vs_spacy"].append((n / c1) / (len(texts) / cpu["spacy"][-1]))
                if args.keep:
                    shutil.copytree(rd, Path(args.keep) / f"r{r}", dirs_exist_ok=True)
                print(f"round {r + 1}: spacy {times['spacy'][-1]:.2f}, run1 {t1:.2f}", file=sys.stderr)
                continue
            kids = resource.getrusage(resource.RUSAGE_CHILDREN)
            kids_before = kids.ru_utime + kids.ru_stime
            t2, _, c2 = _timed_run(rd / "two.db", all_files, rd / "out2", 2, stages2)
            kids = resource.getrusage(resource.RUSAGE_CHILDREN)
            in_workers = kids.ru_utime + kids.ru_stime - kids_before
            ta, _, ca = _timed_run(rd / "one.db", all_files, rd / "out1", 1)
            _timed_run(rd / "rest.db", rest, rd / "outp", 1)
            profiler = cProfile.Profile() if args.profile_plus1 and r == 0 else None
            if profiler:
                profiler.enable()
            tp, _, cp = _timed_run(rd / "rest.db", all_files, rd / "outp", 1)
            if profiler:
                profiler.disable()
                profiler.dump_stats(args.profile_plus1)
            dh = df = dah = daf = float("nan")
            if not args.no_dossier_scaling:
                _timed_run(rd / "half.db", half, rd / "outh", 1)
                with Prism(db=rd / "half.db", settings=Settings(workers=1)) as prism:
                    stories = [s.story_id for s in prism.stories()]
                with Prism(db=rd / "two.db", settings=Settings(workers=1)) as prism:
                    full_ids = {s.story_id for s in prism.stories()}
                stories = [s for s in stories if s in full_ids]  # the same stories, grown store
                dh, dah = _dossier_seconds(rd / "half.db", stories)
                df, daf = _dossier_seconds(rd / "two.db", stories)
            for k, v in (("run1", t1), ("run2", t2), ("again", ta), ("plus1", tp), ("dossier_half", dh),
                         ("dossier_full", df), ("dossier_article_half", dah), ("dossier_article_full", daf)):
                times[k].append(v)
            for k, v in (("run1", c1), ("run2", c2), ("again", ca), ("plus1", cp)):
                cpu[k].append(v)
            sp, csp = times["spacy"][-1], cpu["spacy"][-1]
            ratios["run1_vs_spacy"].append((n / t1) / (len(texts) / sp))
            ratios["run2_vs_run1"].append(t1 / t2)
            ratios["again_pct"].append(100 * ta / t1)
            ratios["plus1_pct"].append(100 * tp / t1)
            ratios["dossier_full_vs_half"].append(df / dh)
            ratios["dossier_article_full_vs_half"].append(daf / dah)
            ratios["cpu_run1_vs_spacy"].append((n / c1) / (len(texts) / csp))
            ratios["cpu_again_pct"].append(100 * ca / c1)
            ratios["cpu_plus1_pct"].append(100 * cp / c1)
            ratios["cpu_run2_vs_run1"].append(c2 / c1)
            ratios["cpu_run2_in_workers_pct"].append(100 * in_workers / c2)
            # with two free cores, the CPU done in two workers takes half its time at best (Amdahl)
            ratios["cpu_run2_vs_run1_bound"].append(c1 / (c2 - in_workers + in_workers / 2))
            if args.keep:
                shutil.copytree(rd, Path(args.keep) / f"r{r}", dirs_exist_ok=True)
            print(f"round {r + 1}: " + ", ".join(f"{k} {v[-1]:.2f}" for k, v in times.items()), file=sys.stderr)
    if args.vs_spacy_only:  # the measures not taken
        for d in (times, cpu, ratios):
            for k in [k for k, v in d.items() if not v]:
                del d[k]
    report = {
        "articles": n, "texts": len(texts), "repeat": args.repeat, "cores": os.cpu_count(),
        "loadavg_before": load_before, "loadavg_after": os.getloadavg(),
        "median_seconds": {k: round(statistics.median(v), 3) for k, v in times.items()},
        "median_cpu_seconds": {k: round(statistics.median(v), 3) for k, v in cpu.items()},
        "stages_workers1": {k: round(statistics.median(v), 3) for k, v in stages1.items()},
        "stages_workers2": {k: round(statistics.median(v), 3) for k, v in stages2.items()},
        "median_ratio": {k: round(statistics.median(v), 3) for k, v in ratios.items()},
        "ratios": {k: [round(x, 3) for x in v] for k, v in ratios.items()},
    }
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        for k, v in report.items():
            print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
