"""Main-event (5W1H) precision on the Giveme5W1H gold standard, held out.

Usage: .venv/bin/python benchmarks/fivew1h.py [GOLD_DIR] [--folds K] [--show N] [--raw]

GOLD_DIR defaults to ../shared/benchmarks/giveme5w1h_gold_standard/data
(96 JSON articles; answers in fiveWoneH.<question>.annotated[].text).

Matching rule: a prediction is correct when at least half of its word tokens
(lower-cased ``\\w+`` tokens, as a set) occur in one annotated phrase of
that question ("relaxed": it shares one content word with one). A prediction
for an article whose annotators gave no phrase for that question (they agreed
there is none) counts as wrong. Precision = correct / predicted; coverage =
predicted / articles; recall = correct / articles with an annotated phrase.

Held out: the articles, sorted by file name, go to K folds by position
(article i in fold i mod K). For each fold, the choices of
:class:`newsprism.analyse.event.EventOptions` (the grid below) are chosen on
the other folds, by micro-F1 of precision and recall over the four questions
(so that answering less is not rewarded), and scored on the fold; a tie
goes to the first set in the grid's fixed order (not to ``DEFAULT_OPTIONS``,
which was chosen on all folds, the held-out one included); the headline
sums the held-out folds. The in-sample figures of
``DEFAULT_OPTIONS`` (the choice made on all folds) are printed too.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _articles import cleaned_article, make_article

from newsprism.analyse import Layout, analyse, doc_text, headline_doc, load_model
from newsprism.analyse.event import DEFAULT_OPTIONS, EventOptions, main_event
from newsprism.analyse.times import times
from newsprism.records import Event

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "benchmarks" / "giveme5w1h_gold_standard" / "data"
QUESTIONS = ("who", "what", "when", "where")
_WORD = re.compile(r"\w+")
#: The tunable choices and the values tried (every combination: 2 * 2 * 2 * 3 * 2 ** 13 = 196,608).
GRID: dict[str, tuple[Any, ...]] = {
    "lead_sentences": (2, 3),
    "when_sentences": (3, 8),
    "who_skip_sources": (False, True),
    "who_title_actor": ("none", "subject", "any"),
    "when_main_clause": (False, True),
    "where_title_modifier": (False, True),
    "where_modifier_first": (False, True),
    "where_dateline": (False, True),
    "where_any": (False, True),
    "who_skip_passive": (False, True),
    "what_headline_verb": (False, True),
    "when_clock": (False, True),
    "where_specific": (False, True),
    "when_not_modifier": (False, True),
    "when_title_event": (False, True),
    "what_lead_in_headline": (False, True),
    "who_agent": (False, True),
}
#: The options each answer depends on (an answer is computed once per distinct setting of these).
DEPENDS: dict[str, tuple[str, ...]] = {
    "who": ("lead_sentences", "who_skip_sources", "who_title_actor", "who_skip_passive", "who_agent"),
    "what": ("lead_sentences", "what_headline_verb", "what_lead_in_headline"),
    "when": ("when_sentences", "when_main_clause", "when_clock", "when_not_modifier", "when_title_event"),
    "where": ("lead_sentences", "when_sentences", "where_title_modifier", "where_modifier_first", "where_dateline",
              "where_any", "where_specific"),
}


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


def options_grid() -> list[EventOptions]:
    """Every combination of GRID in a fixed order (each option's values as GRID lists them, the first
    first): a tie goes to the earliest, so that no choice made on all articles (``DEFAULT_OPTIONS``)
    decides what a held-out fold gets."""
    return [EventOptions(**dict(zip(GRID, v, strict=True))) for v in itertools.product(*GRID.values())]


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

    def merge(self, other: Score) -> None:
        for q in QUESTIONS:
            self.c[q] = [a + b for a, b in zip(self.c[q], other.c[q], strict=True)]
        for k, (p, c) in other.rules.items():
            row = self.rules.setdefault(k, [0, 0])
            row[0] += p
            row[1] += c

    def rule_table(self, title: str) -> str:
        """Precision of the answers each rule gave (EventPart.rule)."""
        lines = [title, f"{'question':9} {'rule':34} {'precision':>9} {'correct':>8} {'predicted':>9}"]
        for q in QUESTIONS:
            for (qq, rule), (p, c) in sorted(self.rules.items(), key=lambda kv: -kv[1][0]):
                if qq == q:
                    lines.append(f"{q:9} {rule:34} {c / p if p else 0:9.3f} {c:8d} {p:9d}")
        return "\n".join(lines)

    def f1(self) -> float:
        p = sum(r[0] for r in self.c.values())
        c = sum(r[1] for r in self.c.values())
        g = sum(r[3] for r in self.c.values())
        return 2 * c / (p + g) if p + g else 0.0

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
    ap.add_argument("--folds", type=int, default=4, help="folds for held-out scoring (default 4)")
    ap.add_argument("--show", type=int, default=0, help="print N held-out wrong predictions per question")
    args = ap.parse_args(argv)
    files = sorted(Path(args.gold).glob("*.json"))
    if not files:
        print(f"no gold files under {args.gold}", file=sys.stderr)
        return 2
    k = max(2, min(args.folds, len(files)))
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

    grid = options_grid()
    default = grid.index(DEFAULT_OPTIONS)  # DEFAULT_OPTIONS must be a point of the grid
    fold = [i % k for i in range(len(files))]
    # Each answer depends on a few options only (DEPENDS): compute the events once per distinct
    # setting of them, and each question's counts per fold, so the whole grid costs sums.
    cache: dict[tuple[Any, ...], list[Event]] = {}
    counts: dict[tuple[str, tuple[Any, ...]], list[list[int]]] = {}  # (q, key) -> per fold [pred, correct, gold]

    def key(q: str, o: EventOptions) -> tuple[Any, ...]:
        return tuple(getattr(o, n) for n in DEPENDS[q])

    def events_of(o: EventOptions) -> list[Event]:
        full = tuple(asdict(o).values())
        if full not in cache:
            cache[full] = [main_event(doc, a.article_id, layout, tr, o, td) for doc, a, layout, tr, td in inputs]
        return cache[full]

    for o in grid:
        for q in QUESTIONS:
            if (q, key(q, o)) in counts:
                continue
            per = [[0, 0, 0] for _ in range(k)]
            for i, ev in enumerate(events_of(o)):
                part = getattr(ev, q)
                per[fold[i]][2] += bool(golds[i][q])
                if part is not None:
                    per[fold[i]][0] += 1
                    per[fold[i]][1] += correct(part.text, golds[i][q])
            counts[(q, key(q, o))] = per

    def f1(j: int, keep: set[int]) -> float:
        p = c = g = 0
        for q in QUESTIONS:
            for f in keep:
                row = counts[(q, key(q, grid[j]))][f]
                p, c, g = p + row[0], c + row[1], g + row[2]
        return 2 * c / (p + g) if p + g else 0.0

    def score(j: int, keep: set[int], wrong: list[str] | None = None) -> Score:
        s = Score()
        for i, ev in enumerate(events_of(grid[j])):
            if fold[i] in keep:
                s.add(ev, golds[i], wrong)
        return s

    held = Score()
    wrong: list[str] = []
    chosen = []
    for f in range(k):
        train = set(range(k)) - {f}
        best = max(range(len(grid)), key=lambda j: (f1(j, train), -j))
        chosen.append(best)
        held.merge(score(best, {f}, wrong))
    everything = set(range(k))
    best_all = max(range(len(grid)), key=lambda j: (f1(j, everything), -j))

    print(f"articles: {len(files)}   folds: {k} (article i in fold i mod {k}, files sorted by name)   "
          f"analysed in {elapsed:.1f} s   option sets tried: {len(grid)}")
    print(held.table(f"\nheld out (options chosen on the other {k - 1} folds by micro-F1):"))
    print(score(default, everything).table("\nin sample (DEFAULT_OPTIONS on all articles):"))
    print(held.rule_table("\nheld out, by the rule that gave the answer:"))
    for f, j in enumerate(chosen):
        diff = {n: v for n, v in asdict(grid[j]).items() if v != getattr(DEFAULT_OPTIONS, n)}
        print(f"fold {f}: chosen options differ from DEFAULT_OPTIONS in {diff or 'nothing'}")
    if best_all != default:
        print(f"note: on all folds the best options are {grid[best_all]}, not DEFAULT_OPTIONS")
    if args.show:
        for q in QUESTIONS:
            for line in [w for w in wrong if w.startswith(q + ":")][: args.show]:
                print(f"  wrong {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
