"""Main-event (5W1H) precision on the Giveme5W1H gold standard, in-sample.

Usage: .venv/bin/python benchmarks/fivew1h.py [GOLD_DIR] [--show N] [--raw]

GOLD_DIR defaults to ../shared/benchmarks/giveme5w1h_gold_standard/data
(96 JSON articles; answers in fiveWoneH.<question>.annotated[].text).

Matching rule: a prediction is correct when at least half of its word tokens
(lower-cased ``\\w+`` tokens, as a set) occur in one annotated phrase of
that question ("relaxed": it shares one content word with one). A prediction
for an article whose annotators gave no phrase for that question (they agreed
there is none) counts as wrong. Precision = correct / predicted; coverage =
predicted / articles; recall = correct / articles with an annotated phrase.

In-sample: the main-event rules (``newsprism.analyse.event``) were written
reading these 96 articles and their answers, so every figure here is
in-sample; none is a held-out estimate. A held-out figure needs another
corpus.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _articles import cleaned_article, make_article

from newsprism.analyse import Layout, analyse, doc_text, headline_doc, load_model
from newsprism.analyse.event import main_event
from newsprism.analyse.times import times
from newsprism.records import Event

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


class Score:
    """Counts per question: predicted, correct, relaxed-correct, gold-answerable, articles."""

    def __init__(self) -> None:
        self.c = {q: [0, 0, 0, 0, 0] for q in QUESTIONS}
        self.rules: dict[tuple[str, str], list[int]] = {}  # (question, rule) -> [predicted, correct]

    def add(self, event: Event, gold: dict[str, list[str]], wrong: list[str] | None = None) -> None:
        for q in QUESTIONS:
            row = self.c[q]
            row[4] += 1
            row[3] += bool(gold[q])
            part = getattr(event, q)
            if part is None:
                continue
            row[0] += 1
            row[2] += relaxed(part.text, gold[q])
            by_rule = self.rules.setdefault((q, part.rule), [0, 0])
            by_rule[0] += 1
            if correct(part.text, gold[q]):
                row[1] += 1
                by_rule[1] += 1
            elif wrong is not None:
                wrong.append(f"{q}: {part.text!r} ({part.field})  gold={gold[q]}")

    def rule_table(self, title: str) -> str:
        """Precision of the answers each rule gave (EventPart.rule)."""
        lines = [title, f"{'question':9} {'rule':34} {'precision':>9} {'correct':>8} {'predicted':>9}"]
        for q in QUESTIONS:
            for (qq, rule), (p, c) in sorted(self.rules.items(), key=lambda kv: -kv[1][0]):
                if qq == q:
                    lines.append(f"{q:9} {rule:34} {c / p if p else 0:9.3f} {c:8d} {p:9d}")
        return "\n".join(lines)

    def table(self, title: str) -> str:
        lines = [title, f"{'question':9} {'precision':>9} {'correct':>8} {'predicted':>9} {'coverage':>8} "
                        f"{'recall':>7} {'relaxed P':>9}"]
        tot = [0, 0, 0, 0, 0]
        for q in (*QUESTIONS, "overall"):
            r = self.c[q] if q != "overall" else tot
            if q != "overall":
                tot = [a + b for a, b in zip(tot, r, strict=True)]
            p, c, lo, g, n = r
            lines.append(f"{q:9} {c / p if p else 0:9.3f} {c:8d} {p:9d} {p / n if n else 0:8.2f} "
                         f"{c / g if g else 0:7.3f} {lo / p if p else 0:9.3f}")
        return "\n".join(lines)


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
    articles, golds = [], []
    for f in files:
        d = json.loads(f.read_text(encoding="utf-8"))
        if args.raw:
            from datetime import datetime
            published = None
            try:
                published = datetime.fromisoformat(d["date_publish"]) if d.get("date_publish") else None
            except ValueError:
                published = None
            articles.append(make_article(d.get("title"), d.get("text") or "", published, f.name))
        else:
            articles.append(cleaned_article(d.get("title"), d.get("text") or "", d.get("date_publish"), f.name))
        golds.append({q: [a["text"] for a in d["fiveWoneH"][q]["annotated"] if a.get("text")] for q in QUESTIONS})

    t = time.perf_counter()
    nlp = load_model()
    docs = list(nlp.pipe((doc_text(a) for a in articles), batch_size=32))
    inputs = [(doc, a, Layout.of(a), times(doc, a, Layout.of(a), None), headline_doc(nlp, a))
              for doc, a in zip(docs, articles, strict=True)]
    elapsed = time.perf_counter() - t
    # the benchmark calls main_event as analyse() does: check it on a few articles
    for r, (doc, a, layout, tr, td) in zip(analyse(articles[:12]), inputs[:12], strict=True):
        assert r.event == main_event(doc, a.article_id, layout, tr, title_doc=td), "benchmark and analyse() disagree"

    everything = Score()
    wrong: list[str] = []
    for (doc, a, layout, tr, td), gold in zip(inputs, golds, strict=True):
        everything.add(main_event(doc, a.article_id, layout, tr, title_doc=td), gold, wrong)

    print(f"articles: {len(files)}   analysed in {elapsed:.1f} s")
    print(everything.table("\nin sample (the rules were written reading these articles):"))
    print(everything.rule_table("\nin sample, by the rule that gave the answer:"))
    if args.show:
        for q in QUESTIONS:
            for line in [w for w in wrong if w.startswith(q + ":")][: args.show]:
                print(f"  wrong {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
