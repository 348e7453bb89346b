"""Latency of `newsprism serve` while another process ingests into the same store.

Two stores: the 383 news_cluster articles after `newsprism run` (real stories,
analyses and dossiers), and a synthetic store of 20,000 articles (deterministic
word-soup articles of ~300 words in 1,000 events of 6 to ~130 articles; stories written from the
generator's events, not clustered, since this measures serving, not
clustering; only the largest story is analysed, and its dossier built and stored as
`run` stores every story's). For each, a
real server (`newsprism serve`, uvicorn, one process) is started and, while a
`newsprism ingest` of more synthetic articles runs against the same store,
requests are timed one after another from this process (the writer ingests
folder after folder of 2,000 articles until the measurement ends):

- the stories page (`/`, pages 1-3 in turn),
- a search (`/search?q=...`, rotating words drawn from the store),
- the dossier page of the largest story (`/stories/ID`).

Reported per store: the first request (it computes the story listing), the
first request of each kind (the dossier's is cold: nothing cached), and
the median and p95 of the next N (warm: listings and dossiers are cached under
the store's version, which an ingest does not change until stories are
recomputed). Goals: p95 under 300 ms for the stories page and search, the
largest story's dossier page under 1 s.

    .venv/bin/python benchmarks/web.py [--corpus DIR] [--workdir DIR] [--n 20000] [--requests 60]
        [--stores news_cluster,synthetic] [--json]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import httpx  # noqa: E402
from _articles import make_article  # noqa: E402

from newsprism import Prism  # noqa: E402
from newsprism.copies import Copies  # noqa: E402
from newsprism.stories import Membership, Stories  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "benchmarks" / "giveme5w1h_news_cluster" / "data"
EXE = Path(sys.executable).parent / "newsprism"
T0 = datetime(2030, 1, 1, tzinfo=UTC)
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "ben", "dor", "gal", "pe", "qua", "zin", "tor", "el"]


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n))


def synthetic(n: int, events: int, seed: int) -> list[tuple[int, str, str, datetime]]:
    """``(event, title, body, published)``: word soup over a shared vocabulary,
    each event with its own rare words and capitalised names."""
    rng = random.Random(seed)
    common = [_word(rng, 3) for _ in range(3000)]
    words_of = [[_word(rng, 4) for _ in range(15)] for _ in range(events)]
    names_of = [[_word(rng, 4).capitalize() for _ in range(4)] for _ in range(events)]
    weights = [1 / (k + 50) for k in range(events)]  # with 20,000 articles: ~130 in the largest, ~6 in the smallest
    out = []
    for i in range(n):
        e = rng.choices(range(events), weights)[0]
        words = [rng.choice(words_of[e]) if (x := rng.random()) < 0.15 else rng.choice(names_of[e]) if x < 0.22
                 else rng.choice(common) for _ in range(300)]
        sentences = [" ".join(words[k:k + 20]).capitalize() + "." for k in range(0, 300, 20)]
        body = "\n".join(" ".join(sentences[k:k + 3]) for k in range(0, len(sentences), 3))
        title = " ".join([*rng.sample(names_of[e], 2), *rng.sample(words_of[e], 3)])
        out.append((e, title, body, T0 + timedelta(seconds=i * 259200 / n)))
    return out


def build_synthetic(db: Path, n: int) -> None:
    """Articles stored directly, stories from the events, the largest story analysed and its dossier stored."""
    rows = synthetic(n, events=1000, seed=11)
    now = datetime.now(UTC)
    with Prism(db=db) as prism:
        store = prism.store
        members: list[Membership] = []
        sizes: dict[int, list[str]] = {}
        with store.atomic():
            for i, (e, title, body, when) in enumerate(rows):
                a = make_article(title, body, when, source=f"synthetic/{i}")
                a = dataclasses.replace(a, outlet=f"Outlet {i % 40}")
                if store.add_article(a, now) == "added":
                    sizes.setdefault(e, []).append(a.article_id)
                    how = "opened" if len(sizes[e]) == 1 else "joined"
                    members.append(Membership(a.article_id, f"s{e:05d}", how, 1.0))
            store.replace_copies(Copies((), (), ()))
            store.replace_stories(Stories(tuple(members), ()))
            fingerprint = store.articles_fingerprint()
            store.set_derived_fingerprint("copies", fingerprint)
            store.set_derived_fingerprint("stories", fingerprint)
        largest = max(sizes, key=lambda e: len(sizes[e]))
        prism.analyse(sizes[largest])
        prism.update_dossier(f"s{largest:05d}")  # built and stored, as `run` stores every story's dossier


def write_ingest_batches(folder: Path, batches: int, n: int) -> list[Path]:
    """Folders of ``n`` more synthetic articles each, as JSON Lines files of
    100, for the concurrent ingest (a fresh folder for each ``newsprism ingest``)."""
    out = []
    for b in range(batches):
        sub = folder / f"batch-{b:02d}"
        out.append(sub)
        if sub.exists():
            continue
        sub.mkdir(parents=True)
        rows = synthetic(n, events=200, seed=99 + b)
        for k in range(0, n, 100):
            with (sub / f"part-{k:05d}.jsonl").open("w", encoding="utf-8") as f:
                for i, (_e, title, body, when) in enumerate(rows[k:k + 100], start=k):
                    f.write(json.dumps({"newsprism": 1, "title": title, "text": body, "published": when.isoformat(),
                                        "outlet": "Ingest Wire", "url": f"https://ingest.example/{b}/{i}"}) + "\n")
    return out


class Writer:
    """``newsprism ingest`` of one batch folder after another, against the
    served store, until stopped: the server is measured while it writes."""

    def __init__(self, db: Path, batches: list[Path]) -> None:
        self.db, self.batches = db, batches
        self.stop = threading.Event()
        self.runs = 0
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        for batch in self.batches:
            if self.stop.is_set():
                return
            subprocess.run([str(EXE), "ingest", "--db", str(self.db), str(batch), "-q"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            self.runs += 1

    def __enter__(self) -> Writer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def measure(db: Path, batches: list[Path], requests: int) -> dict[str, object]:
    port = _port()
    server = subprocess.Popen([str(EXE), "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    client = httpx.Client(base_url=base, timeout=120)
    try:
        for _ in range(200):
            try:
                client.get("/api/version")
                break
            except httpx.TransportError:
                time.sleep(0.1)
        t = time.perf_counter()  # the first request computes the story listing: the cold figure
        stories = client.get("/api/stories", params={"limit": 1000}).json()
        listing_cold = (time.perf_counter() - t) * 1000
        largest = max(stories, key=lambda s: s["size"])
        titles = [s["title"] for s in stories if s["title"]]
        rng = random.Random(5)
        words = [w for t in titles for w in t.split() if len(w) > 4 and w.isalpha()]
        kinds = {
            "stories": lambda i: client.get("/", params={"page": i % 3 + 1}),
            "search": lambda i: client.get("/search", params={"q": rng.choice(words)}),
            "dossier": lambda i: client.get(f"/stories/{largest['id']}"),
        }
        out: dict[str, object] = {"story_count": len(stories), "largest_story_articles": largest["size"],
                                  "listing_cold_ms": round(listing_cold, 1)}
        before = client.get("/api/version").json()["articles"]
        with Writer(db, batches) as writer:
            time.sleep(2)  # the ingest is under way
            for kind, call in kinds.items():
                times = []
                for i in range(requests + 1):
                    t = time.perf_counter()
                    r = call(i)
                    times.append((time.perf_counter() - t) * 1000)
                    assert r.status_code == 200, (kind, r.status_code, r.text[:300])
                warm = sorted(times[1:])
                out[kind] = {"cold_ms": round(times[0], 1), "median_ms": round(statistics.median(warm), 1),
                             "p95_ms": round(warm[int(0.95 * (len(warm) - 1))], 1), "max_ms": round(warm[-1], 1)}
            out["ingest_running_at_end"] = writer.thread.is_alive() and writer.runs < len(batches)
            out["articles_after"] = client.get("/api/version").json()["articles"]
        out["articles_before"] = before
        return out
    finally:
        client.close()
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(DEFAULT))
    ap.add_argument("--workdir", help="Keep the stores here and reuse them (default: a temporary folder).")
    ap.add_argument("--n", type=int, default=20000, help="Articles in the synthetic store.")
    ap.add_argument("--requests", type=int, default=60, help="Timed requests per kind after the first.")
    ap.add_argument("--stores", default="news_cluster,synthetic",
                    help="Which stores to measure (comma-separated: news_cluster, synthetic).")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not Path(args.corpus).exists():
        print(f"corpus not found: {args.corpus} (see ../shared/benchmarks/README.md)", file=sys.stderr)
        return 2
    work = Path(args.workdir or tempfile.mkdtemp(prefix="np-web-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, object] = {}
    for name, build in (
        ("news_cluster", lambda db: subprocess.run([str(EXE), "run", args.corpus, "--db", str(db), "--out",
                                                    str(work / "report"), "-q"], check=False,
                                                   stdout=subprocess.DEVNULL)),
        (f"synthetic_{args.n}", lambda db: build_synthetic(db, args.n)),
    ):
        if name.rstrip("_0123456789") not in {n.strip() for n in args.stores.split(",")}:
            continue
        pristine = work / f"{name}.db"
        t = time.perf_counter()
        if not pristine.exists():
            build(pristine)
            print(f"{name}: built in {time.perf_counter() - t:.0f} s", file=sys.stderr)
        db = work / f"{name}-serving.db"  # each measurement ingests into a copy
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        with Prism(db=pristine) as p:
            p.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy(pristine, db)
        batches = write_ingest_batches(work / "ingest", 6, 2000)
        results[name] = measure(db, batches, args.requests)
    results["machine"] = {"cpus": os.cpu_count(), "python": sys.version.split()[0]}
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        for name, r in results.items():
            if name == "machine":
                continue
            assert isinstance(r, dict)
            print(f"{name}: {r['story_count']} stories, largest {r['largest_story_articles']} articles; "
                  f"articles {r['articles_before']} -> {r['articles_after']} during the run "
                  f"(ingest still running at the end: {r['ingest_running_at_end']}); "
                  f"first listing (cold) {r['listing_cold_ms']} ms")
            for kind in ("stories", "search", "dossier"):
                k = r[kind]
                print(f"  {kind:8} cold {k['cold_ms']:8.1f} ms   median {k['median_ms']:7.1f} ms   "
                      f"p95 {k['p95_ms']:7.1f} ms   max {k['max_ms']:7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
