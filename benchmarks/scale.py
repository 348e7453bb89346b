"""Speed and memory of copies and stories on synthetic corpora (10k, 100k articles).

A deterministic generator writes articles of ~300 words: each belongs to a
synthetic event (its own rare words and capitalised names over a shared
vocabulary); 10% are republications of an earlier article with small edits
and 5% rewrites (half the text, half new). All articles fall in a few days,
so every story stays live.

Reports: copy detection articles/s (signatures + LSH + verification, one core),
story assignment ms/article as the number of live stories grows (wall-clock
median and p95, and the median of the process's CPU time, steadier on a
shared machine), and peak
memory (tracemalloc for the Python heap, plus ru_maxrss for the process).

    .venv/bin/python benchmarks/scale.py [--n 10000] [--events N] [--json] [--skip-copies] [--skip-stories] [--tracemalloc]
                                      [--word-support X] [--split-below X] [--compare-minhash] [--skip-whole] [--pipeline]
                                      [--stream]

``--pipeline`` instead runs the two stages once each, as a run does (copies, then stories
with the copy groups), and reports their time, CPU time, the process's RSS before them and
its peak, the peak Python heap of each stage per article (with ``--tracemalloc``) and a
digest of the results (copy links and groups; memberships, merges and stories) to compare
two versions of the code on the same articles. With ``--stream`` the articles are never all held:
:func:`stream` makes them one at a time (each original body kept as 16-bit word numbers, so that
republications can be made from it), copies read them twice through a function and stories once;
the time spent making them is reported apart (``generate_s``) and left out of the stages' times.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import hashlib
import json
import math
import os
import random
import resource
import statistics
import sys
import time
import tracemalloc
from array import array
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import numpy as np  # noqa: E402
from _articles import make_article  # noqa: E402

from newsprism.copies import find_copies  # noqa: E402
from newsprism.records import Article  # noqa: E402
from newsprism.stories import StorySettings, assign  # noqa: E402

T0 = datetime(2030, 1, 1, tzinfo=UTC)
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "ben", "dor", "gal", "pe", "qua", "zin", "tor", "el"]


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n))


def _code(rng: random.Random, n: int) -> int:
    """A word as ``_word`` draws it (the same draws), kept as its syllables' numbers, 4 bits each."""
    code = 0
    for _ in range(n):
        code = code << 4 | rng.choice(range(len(SYLLABLES)))
    return code


def _spell(code: int, n: int) -> str:
    return "".join(SYLLABLES[code >> 4 * (n - 1 - k) & 15] for k in range(n))


def stream(n: int, events: int, seed: int = 7) -> Iterator[Article]:
    """The articles of :func:`generate`, made one at a time: each original body is kept as 16-bit
    word numbers (not text), so that a million articles never sit in memory at once."""
    rng = random.Random(seed)
    common = [_word(rng, 3) for _ in range(3000)]
    event_words = array("H", (_code(rng, 4) for _ in range(events * 15)))
    event_names = array("H", (_code(rng, 4) for _ in range(events * 4)))
    # an original body: its event and 305 numbers (300 words, then the title's 5), each word
    # 0-14 the event's words, 15-18 its names, 19- the common words
    body_event = array("i")
    body_words = array("H")
    words_of = range(15)
    names_of = range(4)
    common_of = range(3000)

    def text_of(k: int) -> tuple[str, str]:
        e = body_event[k]

        def spell(w: int) -> str:
            if w < 15:
                return _spell(event_words[e * 15 + w], 4)
            if w < 19:
                return _spell(event_names[e * 4 + w - 15], 4).capitalize()
            return common[w - 19]

        words = [spell(w) for w in body_words[k * 305:k * 305 + 300]]
        title = " ".join(spell(w) for w in body_words[k * 305 + 300:k * 305 + 305])
        sentences = [" ".join(words[j:j + 20]).capitalize() + "." for j in range(0, 300, 20)]
        return title, "\n".join(" ".join(sentences[j:j + 3]) for j in range(0, len(sentences), 3))

    for i in range(n):
        when = T0 + timedelta(seconds=i * 259200 / n)  # three days in all
        r = rng.random()
        if body_event and r < 0.10:  # republication, one word changed
            title, body = text_of(rng.randrange(len(body_event)))
            words = body.split()
            words[rng.randrange(len(words))] = rng.choice(common)
            body = " ".join(words)
        elif body_event and r < 0.15:  # rewrite: half the text kept, half new
            title, body = text_of(rng.randrange(len(body_event)))
            words = body.split()
            keep = words[: len(words) // 2]
            body = " ".join(keep + [rng.choice(common) for _ in range(len(words) - len(keep))])
        else:
            e = rng.randrange(events)
            picked = array("H")
            for _ in range(300):
                x = rng.random()
                picked.append(rng.choice(words_of) if x < 0.15 else 15 + rng.choice(names_of)
                              if x < 0.22 else 19 + rng.choice(common_of))
            picked.extend([15 + w for w in rng.sample(names_of, 2)] + rng.sample(words_of, 3))
            body_event.append(e)
            body_words.extend(picked)
            title, body = text_of(len(body_event) - 1)
        yield make_article(title, body, when, source=f"synthetic/{i}")


def generate(n: int, events: int, seed: int = 7) -> list[Article]:
    """``n`` synthetic articles over ``events`` events, in time order (see the module's docstring)."""
    return list(stream(n, events, seed))


def compare_minhash(arts: list[Article], num_perm: int = 128, shingle: int = 5) -> dict[str, float]:
    """Articles/s of MinHash signatures and of the LSH index: newsprism's batched numpy
    against datasketch's ``MinHash`` and ``MinHashLSH``.

    Three ways over the same texts: (1) newsprism: 64-bit shingle hashes, then one numpy
    multiply-shift over all permutations (``copies._minhash``); (2) datasketch ``update_batch``
    on the same shingle hashes (its legacy scheme, permutations made once and shared), so
    only the signature step differs; (3) datasketch as usually called: shingle strings
    hashed by its default SHA-1 function. (1) and (2) include making the shingle hashes.
    Then the candidate pairs from the same signatures: datasketch's ``MinHashLSH`` (insert and
    query per text) against ``copies._band_candidates`` (one batch, same bands and rows).
    """
    from datasketch import MinHash

    from newsprism.copies import _TOKEN, _minhash, _permutations, _shingles

    out: dict[str, float] = {}
    cache: dict[str, int] = {}
    perms = _permutations(num_perm, 1)
    t = time.perf_counter()
    for a in arts:
        sh = _shingles(a.text, shingle, cache)
        if sh.size:
            _minhash(sh, perms)
    out["numpy_batched"] = len(arts) / (time.perf_counter() - t)
    shared = MinHash(num_perm=num_perm, seed=1, scheme="legacy").permutations
    cache = {}
    t = time.perf_counter()
    for a in arts:
        sh = _shingles(a.text, shingle, cache)
        m = MinHash(num_perm=num_perm, hashfunc=int, permutations=shared, scheme="legacy")
        m.update_batch((sh >> np.uint64(32)).tolist())  # 32-bit values, as its legacy scheme expects
    out["datasketch_update_batch_same_hashes"] = len(arts) / (time.perf_counter() - t)
    t = time.perf_counter()
    for a in arts:
        words = _TOKEN.findall(a.text.lower())
        grams = [" ".join(words[i:i + shingle]).encode("utf-8") for i in range(len(words) - shingle + 1)]
        m = MinHash(num_perm=num_perm, permutations=shared, scheme="legacy")
        m.update_batch(grams)
    out["datasketch_sha1_strings"] = len(arts) / (time.perf_counter() - t)
    # the LSH index over the same signatures: datasketch's MinHashLSH (insert and query, one text
    # at a time) against newsprism's batch banding (same bands and rows); both give the same pairs
    from datasketch import LeanMinHash, MinHashLSH

    from newsprism.copies import CopySettings, _band_candidates

    settings = CopySettings()
    cache = {}
    sigs = [_minhash(sh, perms) for a in arts if (sh := _shingles(a.text, shingle, cache)).size]
    t = time.perf_counter()
    lsh = MinHashLSH(threshold=settings.lsh_threshold, num_perm=num_perm)
    found = 0
    for k, sig in enumerate(sigs):
        mh = LeanMinHash(seed=1, hashvalues=sig, scheme="legacy")
        found += len(lsh.query(mh))
        lsh.insert(k, mh)
    out["lsh_datasketch"] = len(sigs) / (time.perf_counter() - t)
    t = time.perf_counter()
    batch = _band_candidates(np.stack(sigs), settings)
    out["lsh_numpy_batch"] = len(sigs) / (time.perf_counter() - t)
    assert found == batch.size, "the two indexes disagree"
    return {k: round(v) for k, v in out.items()}


def _rss_mb() -> float:
    """The process's resident memory now (Linux), in MB."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def _digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


class _Timed:
    """Articles of :func:`stream`, made afresh at each call, with the time spent making them."""

    def __init__(self, n: int, events: int) -> None:
        self.n, self.events = n, events
        self.seconds = 0.0
        self.cpu = 0.0

    def __call__(self) -> Iterator[Article]:
        it = stream(self.n, self.events)
        while True:
            t, c = time.perf_counter(), time.process_time()
            a = next(it, None)
            self.seconds += time.perf_counter() - t
            self.cpu += time.process_time() - c
            if a is None:
                return
            yield a


def pipeline(arts: list[Article] | _Timed, traced: bool) -> dict[str, object]:
    """Copies, then stories with the copy groups, once each: time, memory and a digest of the results.

    ``arts``: the articles, or (``--stream``) a maker of them, called once by stories and twice
    by copies; the time spent making them is reported apart and left out of the stages' times.
    """
    n = len(arts) if isinstance(arts, list) else arts.n
    from newsprism.copies import CopySettings, _lsh_bands

    # copies import datasketch (and SciPy) on first use: imported here, so that tracemalloc
    # counts the stages' state and not a module import
    _lsh_bands(CopySettings().lsh_threshold, CopySettings().num_perm)
    out: dict[str, object] = {"rss_before_mb": round(_rss_mb(), 1)}
    if traced:
        tracemalloc.start()

    def made() -> tuple[float, float]:
        return (arts.seconds, arts.cpu) if isinstance(arts, _Timed) else (0.0, 0.0)

    t, c = time.perf_counter(), time.process_time()
    g0 = made()
    copies = find_copies(arts)
    g1 = made()
    out["copies_s"] = round(time.perf_counter() - t - (g1[0] - g0[0]), 1)
    out["copies_cpu_s"] = round(time.process_time() - c - (g1[1] - g0[1]), 1)
    if traced:
        out["copies_heap_peak_bytes_per_article"] = round(tracemalloc.get_traced_memory()[1] / n)
        tracemalloc.reset_peak()
    out["copies_digest"] = _digest(copies.links, copies.groups, copies.wires)
    out["links"], out["groups"] = len(copies.links), len(copies.groups)
    print(f"copies done: {out['copies_s']} s, process peak RSS "  # progress, for a long run cut short
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB", file=sys.stderr, flush=True)
    groups = [g.article_ids for g in copies.groups]
    del copies
    t, c = time.perf_counter(), time.process_time()
    stories = assign(arts() if isinstance(arts, _Timed) else arts, copy_groups=groups)
    g2 = made()
    out["stories_s"] = round(time.perf_counter() - t - (g2[0] - g1[0]), 1)
    out["stories_cpu_s"] = round(time.process_time() - c - (g2[1] - g1[1]), 1)
    if isinstance(arts, _Timed):
        out["generate_s"], out["generate_cpu_s"] = round(arts.seconds, 1), round(arts.cpu, 1)
    if traced:
        out["stories_heap_peak_bytes_per_article"] = round(tracemalloc.get_traced_memory()[1] / n)
        tracemalloc.stop()
    out["stories_digest"] = _digest(stories.memberships, stories.merges, stories.stories)
    out["stories"] = len(stories.stories)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["rss_peak_mb"] = round(peak, 1)
    out["rss_peak_over_before_bytes_per_article"] = round((peak - float(out["rss_before_mb"])) * 2**20 / n)  # type: ignore[arg-type]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--events", type=int, default=None, help="synthetic events (default n/2)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--skip-copies", action="store_true")
    ap.add_argument("--skip-stories", action="store_true")
    ap.add_argument("--skip-whole", action="store_true",
                    help="time only the per-article assignment step, not assign() over the whole stream")
    ap.add_argument("--word-support", type=float, default=None,
                    help="StorySettings.word_support for the run (default: the StorySettings default)")
    ap.add_argument("--split-below", type=float, default=None,
                    help="StorySettings.split_below for the run (default: the StorySettings default)")
    ap.add_argument("--tracemalloc", action="store_true", help="also measure the peak Python heap (a second, slower run)")
    ap.add_argument("--pipeline", action="store_true",
                    help="copies then stories once each, as a run does: time, RSS, heap per article, result digests")
    ap.add_argument("--compare-minhash", action="store_true",
                    help="time MinHash signatures and the LSH index: newsprism's batched numpy against datasketch")
    ap.add_argument("--stream", action="store_true",
                    help="with --pipeline: the articles made as the stages read them, never all held "
                         "(copies read them twice, stories once; the time spent making them reported apart)")
    args = ap.parse_args()
    events = args.events or max(1, args.n // 2)
    if args.stream:
        if not args.pipeline:
            ap.error("--stream goes with --pipeline")
        out0: dict[str, object] = {"articles": args.n, "events": events, "streamed": True}
        gc.collect()
        out0.update(pipeline(_Timed(args.n, events), args.tracemalloc))
        out0["loadavg"] = [round(x, 2) for x in os.getloadavg()]
        print(json.dumps(out0, indent=1))
        return 0
    t = time.perf_counter()
    arts = generate(args.n, events)
    out: dict[str, object] = {"articles": args.n, "events": events, "generate_s": round(time.perf_counter() - t, 1)}
    print(f"generated in {out['generate_s']} s, RSS {_rss_mb():.0f} MB", file=sys.stderr, flush=True)
    gc.collect()
    if args.pipeline:
        out.update(pipeline(arts, args.tracemalloc))
        out["loadavg"] = [round(x, 2) for x in os.getloadavg()]
        print(json.dumps(out, indent=1))
        return 0
    if args.compare_minhash:
        out["minhash_articles_per_s"] = compare_minhash(arts)
    if not args.skip_copies:
        t = time.perf_counter()
        copies = find_copies(arts)
        dt = time.perf_counter() - t
        peak = 0
        if args.tracemalloc:  # a second run: tracemalloc slows Python down several times
            del copies
            tracemalloc.start()
            copies = find_copies(arts)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        out["copies"] = {"seconds": round(dt, 2), "articles_per_s": round(args.n / dt),
                         "links": len(copies.links), "groups": len(copies.groups),
                         "peak_python_heap_mb": round(peak / 2**20, 1)}
        del copies
        gc.collect()
    if not args.skip_stories:
        settings = StorySettings()
        if args.word_support is not None:
            settings = dataclasses.replace(settings, word_support=args.word_support)
        if args.split_below is not None:
            settings = dataclasses.replace(settings, split_below=args.split_below)
        block = max(1, args.n // 10)
        blocks = []
        whole = math.nan
        if not args.skip_whole:
            t = time.perf_counter()
            result = assign(arts, settings)
            whole = time.perf_counter() - t
            del result
        peak_assign = 0
        if args.tracemalloc:
            gc.collect()
            tracemalloc.start()
            result = assign(arts, settings)
            peak_assign = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            del result
        gc.collect()
        # one online pass over the whole stream, timing each article (replay-free)
        from newsprism.story_cluster import Clusterer  # the clusterer inside assign(), to time each article
        from newsprism.story_features import features

        # IDF counted up front, the features made again in the timed step (as the online mode does)
        c = Clusterer(dataclasses.replace(settings, batch_idf=False))
        nums = [c.take(a) for a in arts]
        for a in arts:
            c.count(c.intern(features(a, settings)))
        c.frozen = True
        times: list[float] = []
        cpu: list[float] = []  # CPU time of this process: steadier than wall time on a shared machine
        for k in sorted(nums, key=lambda k: (arts[k].published, arts[k].article_id)):
            t, tc = time.perf_counter(), time.process_time()
            c.add(k, ())
            cpu.append(time.process_time() - tc)
            times.append(time.perf_counter() - t)
            if len(times) % block == 0:
                window = times[-block:]
                blocks.append({"articles": len(times), "live_stories": len(c.stories),
                               "median_ms": round(statistics.median(window) * 1000, 3),
                               "p95_ms": round(sorted(window)[int(0.95 * len(window))] * 1000, 3),
                               "cpu_median_ms": round(statistics.median(cpu[-block:]) * 1000, 3)})
        out["stories"] = {"assign_whole_stream_s": round(whole, 2),
                          "assign_articles_per_s": round(args.n / whole) if whole == whole else None,
                          "assign_peak_python_heap_mb": round(peak_assign / 2**20, 1),
                          "articles_per_s": round(len(times) / sum(times)),
                          "mean_ms": round(sum(times) / len(times) * 1000, 3),
                          "stories": len(c.stories), "blocks": blocks}
    out["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(f"{args.n} synthetic articles, {events} events (generated in {out['generate_s']} s)")
        if "minhash_articles_per_s" in out:
            for k, v in out["minhash_articles_per_s"].items():  # type: ignore[attr-defined]
                print(f"{'LSH index' if k.startswith('lsh') else 'MinHash signatures'}, {k}: {v} articles/s")
        if "copies" in out:
            c_ = out["copies"]
            print(f"copies: {c_['articles_per_s']} articles/s ({c_['seconds']} s), {c_['links']} links, "  # type: ignore[index]
                  f"{c_['groups']} groups, peak Python heap {c_['peak_python_heap_mb']} MB")  # type: ignore[index]
        if "stories" in out:
            s = out["stories"]
            print(f"stories: assign() over the whole stream {s['assign_whole_stream_s']} s = "  # type: ignore[index]
                  f"{s['assign_articles_per_s']} articles/s (features, IDF, assignment), "  # type: ignore[index]
                  f"peak Python heap {s['assign_peak_python_heap_mb']} MB")  # type: ignore[index]
            print(f"  assignment step alone: mean {s['mean_ms']} ms/article, "  # type: ignore[index]
                  f"{s['stories']} stories at the end")  # type: ignore[index]
            for b in s["blocks"]:  # type: ignore[index]
                print(f"  after {b['articles']:>7} articles, {b['live_stories']:>7} live stories: "
                      f"median {b['median_ms']} ms, p95 {b['p95_ms']} ms, CPU median {b['cpu_median_ms']} ms per article")
        print(f"process max RSS {out['max_rss_mb']} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
