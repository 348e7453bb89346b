"""Main-event (5W1H) precision on the Giveme5W1H gold standard.

Usage: .venv/bin/python benchmarks/fivew1h.py [GOLD_DIR] [--show N]

GOLD_DIR defaults to ../shared/benchmarks/giveme5w1h_gold_standard/data
(96 JSON articles; answers in fiveWoneH.<question>.annotated[].text).

Matching rule: a prediction is correct when at least half of its word tokens
(lower-cased ``\\w+`` tokens, as a set) occur in one annotated phrase of
that question ("relaxed": it shares one content word with one). Precision = correct / predicted, per question and over the
four questions. A prediction for an article whose annotators gave no phrase
for that question counts as wrong. Coverage = predicted / articles.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _articles import cleaned_article, make_article

from newsprism.analyse import analyse

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "benchmarks" / "giveme5w1h_gold_standard" / "data"
QUESTIONS = ("who", "what", "when", "where")
_WORD = re.compile(r"\w+")


def tokens(text: str) -> set[str]:
    return {t.lower() for t in _WORD.findall(text)}


STOP = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "as", "is", "are",
    "was", "were", "be", "been", "has", "have", "had", "its", "his", "her", "their", "this", "that", "these", "those",
})


def correct(prediction: str, gold: list[str], threshold: float = 0.5) -> bool:
    """Strict rule: >= threshold of the prediction's tokens in one annotated phrase."""
    p = tokens(prediction)
    if not p:
        return False
    return any(len(p & tokens(g)) / len(p) >= threshold for g in gold)


def relaxed(prediction: str, gold: list[str]) -> bool:
    """Relaxed rule: the prediction shares a content word with an annotated phrase."""
    p = tokens(prediction) - STOP
    return any(p & (tokens(g) - STOP) for g in gold)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=str(DEFAULT))
    ap.add_argument("--raw", action="store_true", help="skip newsprism's cleaner (analyse the text as given)")
    ap.add_argument("--show", type=int, default=0, help="print N wrong predictions per question")
    args = ap.parse_args(argv)
    files = sorted(Path(args.gold).glob("*.json"))
    if not files:
        print(f"no gold files under {args.gold}", file=sys.stderr)
        return 2
    docs, golds = [], []
    for f in files:
        d = json.loads(f.read_text(encoding="utf-8"))
        published = None
        if d.get("date_publish"):
            try:
                published = datetime.fromisoformat(d["date_publish"])
            except ValueError:
                published = None
        if args.raw:
            docs.append(make_article(d.get("title"), d.get("text") or "", published, f.name))
        else:
            docs.append(cleaned_article(d.get("title"), d.get("text") or "", d.get("date_publish"), f.name))
        golds.append({q: [a["text"] for a in d["fiveWoneH"][q]["annotated"] if a.get("text")] for q in QUESTIONS})
    t = time.perf_counter()
    results = analyse(docs)
    elapsed = time.perf_counter() - t
    stats = {q: [0, 0] for q in QUESTIONS}
    loose = dict.fromkeys(QUESTIONS, 0)
    wrong: dict[str, list[str]] = {q: [] for q in QUESTIONS}
    for r, gold in zip(results, golds, strict=True):
        for q in QUESTIONS:
            part = getattr(r.event, q)
            if part is None:
                continue
            stats[q][1] += 1
            loose[q] += relaxed(part.text, gold[q])
            if correct(part.text, gold[q]):
                stats[q][0] += 1
            else:
                wrong[q].append(f"{part.text!r}  gold={gold[q]}")
    n = len(files)
    print(f"articles: {n}   analysed in {elapsed:.1f} s")
    print(f"{'question':9} {'precision':>9} {'correct':>8} {'predicted':>9} {'coverage':>8} {'relaxed P':>9}")
    tc = tp = tl = 0
    for q in QUESTIONS:
        c, p = stats[q]
        tc, tp, tl = tc + c, tp + p, tl + loose[q]
        print(f"{q:9} {c / p if p else 0:9.3f} {c:8d} {p:9d} {p / n:8.2f} {loose[q] / p if p else 0:9.3f}")
    print(f"{'overall':9} {tc / tp if tp else 0:9.3f} {tc:8d} {tp:9d} {tp / (4 * n):8.2f} {tl / tp if tp else 0:9.3f}")
    for q in QUESTIONS:
        for line in wrong[q][: args.show]:
            print(f"  wrong {q}: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
