"""Date resolution on TimeBank 1.2 (TempEval-3 TBAQ-cleaned): extraction recall and value accuracy.

Usage: .venv/bin/python benchmarks/timebank.py [GOLD_DIR] [--half all|dev|test|test-a|test-b]
       [--errors N] [--pred FILE] [--json]

GOLD_DIR defaults to ../shared/benchmarks/timebank (183 news documents, their creation
dates and gold TIMEX3 values; its README says how to score). Each document goes through
newsprism as shipped: cleaned as a plain-text document with the creation date as its
publication time (``articles.jsonl``: the date at 12:00 UTC), analysed with the default
model and settings; every resolved DATE/TIME expression (day, week, month or year) is
mapped back to the document's text and scored by the corpus's own ``score.py``
(relaxed span overlap, one-to-one): extraction recall, value accuracy, value F1, by
granularity and relative vs absolute surface.

``--half``: the documents, sorted, are shuffled with seed 18 and cut in two fixed
halves, ``dev`` and ``test``; ``all`` (default) is both. The ``test`` half's documents,
sorted, are shuffled again with seed 1812 and cut in two: ``test-a`` (the first half,
46 documents) and ``test-b`` (the second, 46). Every half is in sample: ``dev`` from the
first rounds, ``test-a`` from the round that opened it, ``test-b`` (held out until then)
from the tenth session's round; their errors may be listed (``--errors N``) and read.

``--held-out``: another corpus in this folder format that is held out (the news_cluster
set that ``news_dates.py score`` builds): the aggregate figures only, no breakdown by
granularity or surface and no errors, which would describe the held-out errors.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _articles import cleaned_article

from newsprism.analyse import analyse, source_span
from newsprism.records import Analysis, Article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "benchmarks" / "timebank"
SEED = 18
#: The seed that cuts the ``test`` half into ``test-a`` (in sample) and ``test-b`` (held out).
TEST_SPLIT_SEED = 1812
#: Halves whose errors may be listed and read: all of them (TimeBank is wholly in sample).
READABLE = ("dev", "test-a", "test-b", "test", "all")
#: The figures printed for a held-out corpus (``--held-out``): the aggregates only, no breakdown by kind.
AGGREGATES = (("extraction_recall", "extraction recall (any overlap):"), ("value_accuracy", "value accuracy on matched:"),
              ("value_precision", "value precision:"), ("value_recall", "value recall:"), ("value_f1", "value F1:"))
#: Granularities the corpus scores (a quarter or a decade has no concrete TimeML value there).
SCORED = ("day", "week", "month", "year")


def halves(docs: list[str]) -> dict[str, list[str]]:
    """The fixed halves: sorted, shuffled with ``SEED``, cut in the middle; the second
    (``test``) sorted, shuffled with ``TEST_SPLIT_SEED`` and cut again (``test-a``, ``test-b``)."""
    order = sorted(docs)
    random.Random(SEED).shuffle(order)
    mid = len(order) // 2
    test = sorted(order[mid:])
    random.Random(TEST_SPLIT_SEED).shuffle(test)
    cut = len(test) // 2
    return {"dev": sorted(order[:mid]), "test": sorted(test), "test-a": sorted(test[:cut]),
            "test-b": sorted(test[cut:]), "all": sorted(order)}


def predictions(article: Article, analysis: Analysis) -> list[dict[str, Any]]:
    """Resolved expressions as ``{doc, start, end, value}``, offsets into the document's text."""
    out = []
    seen = set()
    title_at = article.source_text.find(article.title) if article.title else -1
    for t in analysis.times:
        if t.status != "resolved" or not t.value or t.granularity not in SCORED:
            continue
        if t.field == "title":
            if title_at < 0:
                continue
            span: tuple[int, int] | None = (title_at + t.start, title_at + t.end)
        else:
            span = source_span(article, t.field, t.start, t.end)
        if span is None or span in seen:
            continue
        seen.add(span)
        out.append({"doc": article.source, "start": span[0], "end": span[1], "value": t.value, "text": t.text})
    return out


def _scorer(gold: Path) -> Any:
    spec = importlib.util.spec_from_file_location("timebank_score", gold / "score.py")
    if spec is None or spec.loader is None:
        sys.exit(f"{gold / 'score.py'}: cannot load the scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--half", choices=("all", "dev", "test", "test-a", "test-b"), default="all")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="list N errors (not with --held-out)")
    ap.add_argument("--held-out", action="store_true",
                    help="a held-out corpus: print the aggregate figures only, never its errors")
    ap.add_argument("--pred", type=Path, help="also write the predictions (JSONL) here")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not (args.gold / "articles.jsonl").is_file():
        sys.exit(f"{args.gold}: no TimeBank corpus (articles.jsonl) there; see ../shared/benchmarks/README.md")
    if args.errors and args.held_out:
        sys.exit("--errors with --held-out: a held-out corpus's errors are not listed")
    rows = [json.loads(line) for line in (args.gold / "articles.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    keep = set(halves([r["id"] for r in rows])[args.half])
    rows = [r for r in rows if r["id"] in keep]
    articles = [cleaned_article(None, r["text"], r["published"], r["id"]) for r in rows]
    preds = [p for a, an in zip(articles, analyse(articles), strict=True) for p in predictions(a, an)]
    scorer = _scorer(args.gold)
    with tempfile.TemporaryDirectory() as tmp:
        sub = Path(tmp)
        (sub / "docs").mkdir()
        for r in rows:
            (sub / "docs" / f"{r['id']}.txt").symlink_to((args.gold / "docs" / f"{r['id']}.txt").resolve())
        with open(args.gold / "timex.jsonl", encoding="utf-8") as f, open(sub / "timex.jsonl", "w") as g:
            g.writelines(line for line in f if line.strip() and json.loads(line)["doc"] in keep)
        pred_path = args.pred or sub / "pred.jsonl"
        pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
        if not args.json:
            seeds = f"seeds {SEED}, {TEST_SPLIT_SEED}" if args.half.startswith("test-") else f"seed {SEED}"
            print(f"documents: {len(rows)} (" + ("held out" if args.held_out else f"half: {args.half}, {seeds}") + ")")
        if not args.held_out:
            scorer.score(sub, pred_path, args.errors, args.json)
            return
        with contextlib.redirect_stdout(io.StringIO()):  # the breakdown by kind would read the held-out errors
            res = scorer.score(sub, pred_path, 0, False)
        aggregate = {k: v for k, v in res.items() if k != "breakdown"}
        if args.json:
            print(json.dumps(aggregate, indent=1))
            return
        print(f"gold DATE/TIME timexes with a concrete calendar value: {res['gold']}")
        print(f"predictions: {res['predictions']} ({res['pred_overlapping_gold']} overlap scored gold)")
        n = res["gold"]
        found, correct = round(res["extraction_recall"] * n), round(res["value_recall"] * n)
        counts = {"extraction_recall": f"{found}/{n}", "value_accuracy": f"{correct}/{found}",
                  "value_precision": f"{correct}/{res['pred_overlapping_gold']}", "value_recall": f"{correct}/{n}"}
        for key, label in AGGREGATES:
            print(f"{label:33}{res[key]:.3f}" + (f" ({counts[key]})" if key in counts else ""))
        print("(aggregate only: a held-out corpus, whose errors are not broken down)")


if __name__ == "__main__":
    main()
