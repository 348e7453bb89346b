"""Quote speaker accuracy on a hand-labelled sample of news_cluster quotes.

Protocol (docs/quotes.md, "Benchmark: quote speakers"): every quoted span of the 383 news_cluster texts
(``_quote_spans.quote_spans``: quote marks only, no parser) is a unit; ``sample`` draws units at
random with ``SEED`` and writes a labelling sheet (the quote and the paragraphs around it, never a
predicted speaker) outside the repository. Each unit was labelled blind from that sheet with the
speaker's canonical name and the span of a name for the speaker in the text (or excluded: not
speech, no speaker in the text); ``benchmarks/data/quote-labels.tsv`` keeps spans only. The labelled
units are split in two halves by ``SEED``: ``dev`` (read while writing rules) and ``held`` (held out
until its misses were read for rules too: sets 1 to 7 are in-sample whole; set 8 is the held-out measure).

Set 2 (``--set 2``, ``benchmarks/data/quote-labels-2.tsv``): 230 more units drawn with ``SEED2`` among
the units outside set 1's draw of 200, labelled blind the same way by another session (its columns
add the kind: ``name`` when the article names the speaker, ``role`` when it only describes them) while
the rules were being changed, by people who never saw those labels: all of set 2 was held out
(``half`` = ``held2``) for one round, then its misses were read for rules (in-sample since).

Set 3 (``--set 3``, ``benchmarks/data/quote-labels-3.tsv``): 230 more units drawn with ``SEED3`` among
the units outside sets 1 and 2, labelled blind the same way: held out (``held3``), its misses never listed.

Set 4 (``--set 4``, ``benchmarks/data/quote-labels-4.tsv``): 230 more units drawn with ``SEED4`` among
the units outside sets 1 to 3, labelled blind the same way: held out (``held4``), its misses never listed.

Set 3's misses were read for rules in the round after set 4 was labelled: set 3 is in-sample since.

Set 5 (``--set 5``, ``benchmarks/data/quote-labels-5.tsv``): 230 more units drawn with ``SEED5`` among
the units outside sets 1 to 4, labelled blind the same way: held out (``held5``) for one round.

Set 6 (``--set 6``, ``benchmarks/data/quote-labels-6.tsv``): 230 more units drawn with ``SEED6`` among
the units outside sets 1 to 5, labelled blind the same way: held out (``held6``) for one round.
Set 5's misses were read for rules in the round after set 6 was drawn: set 5 is in-sample since.

Set 7 (``--set 7``, ``benchmarks/data/quote-labels-7.tsv``): 230 more units drawn with ``SEED7`` among
the units outside sets 1 to 6, labelled blind the same way: held out (``held7``), its misses never listed.
Set 6's misses were read for rules in the round after set 7 was drawn: set 6 is in-sample since.

Set 7's misses were read for rules in the round after set 8 was drawn: set 7 is in-sample since.

Set 8 (``--set 8``, ``benchmarks/data/quote-labels-8.tsv``): 230 more units drawn with ``SEED8`` among
the units outside sets 1 to 7 (255 were left), labelled blind the same way: held out (``held8``), its
misses never listed, drawn after set 6's rules to measure the same code on a second fresh set.

Set 9 (``--set 9``, ``benchmarks/data/quote-labels-9.tsv``): 230 units of ECB+ drawn with ``SEED9``, labelled
blind the same way: held out (``held9``) for two rounds, then its misses were read for rules in the round
after set 10 was drawn: set 9 is in-sample since. Its titles are the documents' first lines, which the
cleaner takes as the title: a quote or speaker there is placed in the text by ``_source_span``.

Set 10 (``--set 10``, ``benchmarks/data/quote-labels-10.tsv``): 230 units of ECB+ drawn with ``SEED10``
among the ECB+ units outside set 9's draw, labelled blind the same way: held out (``held10``).

Commands:
    sample [--set 1..10] [--n N] [--sheet FILE]     the sheet to label
    spans [--set 1..10] RAW                          the labeller's answers to span rows
    score [--set 1..10] [--half dev|held|all] [--show]   speaker accuracy at shipped defaults
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _quote_spans import paragraphs, quote_spans

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "giveme5w1h_news_cluster"
ECBPLUS = CORPUS.parent / "ecbplus_dev"
LABELS = Path(__file__).parent / "data" / "quote-labels.tsv"
LABELS2 = Path(__file__).parent / "data" / "quote-labels-2.tsv"
LABELS3 = Path(__file__).parent / "data" / "quote-labels-3.tsv"
LABELS4 = Path(__file__).parent / "data" / "quote-labels-4.tsv"
LABELS5 = Path(__file__).parent / "data" / "quote-labels-5.tsv"
LABELS6 = Path(__file__).parent / "data" / "quote-labels-6.tsv"
LABELS7 = Path(__file__).parent / "data" / "quote-labels-7.tsv"
LABELS8 = Path(__file__).parent / "data" / "quote-labels-8.tsv"
LABELS9 = Path(__file__).parent / "data" / "quote-labels-9.tsv"
LABELS10 = Path(__file__).parent / "data" / "quote-labels-10.tsv"
SEED = 21
SEED2 = 23
SEED3 = 29
SEED4 = 31
SEED5 = 37
SEED6 = 41
SEED7 = 43
SEED8 = 47
SEED9 = 53
SEED10 = 59
N1, N2, N3, N4, N5, N6, N7, N8, N9, N10 = 200, 230, 230, 230, 230, 230, 230, 230, 230, 230
_LABELS = {1: LABELS, 2: LABELS2, 3: LABELS3, 4: LABELS4, 5: LABELS5, 6: LABELS6, 7: LABELS7, 8: LABELS8,
           9: LABELS9, 10: LABELS10}
_SEEDS = {1: SEED, 2: SEED2, 3: SEED3, 4: SEED4, 5: SEED5, 6: SEED6, 7: SEED7, 8: SEED8, 9: SEED9, 10: SEED10}
_N = {1: N1, 2: N2, 3: N3, 4: N4, 5: N5, 6: N6, 7: N7, 8: N8, 9: N9, 10: N10}
#: Sets whose misses are never listed (held out). Set 7's misses are read since the round after set 8
#: was drawn, set 9's since the round after set 10 was drawn: they are in-sample.
HELD_OUT = frozenset({8, 10})
#: Sets drawn from ECB+ rather than news_cluster.
ECBPLUS_SETS = frozenset({9, 10})
SETS = tuple(sorted(_LABELS))


def _texts(corpus: Path) -> dict[str, dict[str, str]]:
    if (corpus / "docs").is_dir():  # ECB+: plain-text files, no title or date; the file name is the id
        return {f.name: {"text": f.read_text(encoding="utf-8")} for f in sorted((corpus / "docs").glob("*.txt"))}
    out = {}
    for f in sorted((corpus / "data").glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        out[d["dId"]] = d
    return out


def units(corpus: Path) -> list[tuple[str, int, int]]:
    """Every quoted span: (article id, start, end), in a fixed order."""
    out = []
    for aid, d in sorted(_texts(corpus).items()):
        out += [(aid, s, e) for s, e in quote_spans(d.get("text") or "")]
    return out


def sample(corpus: Path, n: int, set_: int = 1) -> list[tuple[str, int, int]]:
    if set_ == 9:  # another corpus: no earlier draw to leave out
        return random.Random(_SEEDS[set_]).sample(units(corpus), n)
    if set_ in ECBPLUS_SETS:  # a later ECB+ set: the units outside set 9's draw
        earlier = set(sample(corpus, N9, 9))
        return random.Random(_SEEDS[set_]).sample([u for u in units(corpus) if u not in earlier], n)
    if set_ == 1:
        return random.Random(SEED).sample(units(corpus), n)
    earlier = set(sample(corpus, N1))
    if set_ >= 3:
        earlier |= set(sample(corpus, N2, 2))
    if set_ >= 4:
        earlier |= set(sample(corpus, N3, 3))
    if set_ >= 5:
        earlier |= set(sample(corpus, N4, 4))
    if set_ >= 6:
        earlier |= set(sample(corpus, N5, 5))
    if set_ >= 7:
        earlier |= set(sample(corpus, N6, 6))
    if set_ >= 8:
        earlier |= set(sample(corpus, N7, 7))
    return random.Random(_SEEDS[set_]).sample([u for u in units(corpus) if u not in earlier], n)


def _prefix(set_: int) -> str:
    return {1: "Q", 2: "R", 3: "S", 4: "T", 5: "U", 6: "V", 7: "W", 8: "X", 9: "Y", 10: "Z"}[set_]


def _sheet(corpus: Path, n: int, out: Path, set_: int = 1) -> None:
    texts = _texts(corpus)
    lines = []
    for k, (aid, s, e) in enumerate(sample(corpus, n, set_)):
        text = texts[aid].get("text") or ""
        paras = paragraphs(text)
        i = next(j for j, (ps, pe) in enumerate(paras) if ps <= s <= pe)
        lines.append(f"=== {_prefix(set_)}{k:03d} {aid} {s} {e}")
        for j in range(max(0, i - 3), min(len(paras), i + 2)):
            ps, pe = paras[j]
            para = text[ps:pe]
            if j == i:
                para = text[ps:s] + "[[" + text[s:e] + "]]" + text[e:pe]
            lines.append(("> " if j == i else "  ") + para)
        lines.append("")
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"{n} units (set {set_}, seed {_SEEDS[set_]}) -> {out}")


_ROLE_IDS = frozenset({"Q006", "Q031", "Q036", "Q046", "Q074", "Q094", "Q104", "Q105", "Q121", "Q131", "Q137",
                       "Q148", "Q150", "Q165", "Q166"})


def _locate(text: str, surface: str, qs: int, qe: int) -> tuple[int, int] | None:
    """The occurrence of ``surface`` nearest the quote (outside it), whole words, case first."""
    for flags in (0, re.IGNORECASE):
        hits = [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text, flags)
                if not (qs <= m.start() < qe)]
        if hits:
            return min(hits, key=lambda h: min(abs(h[0] - qs), abs(h[0] - qe)))
    # a name glued to the word before it by the page's markup ("China DailyZhang Yuanxun")
    hits = [m.span() for m in re.finditer(re.escape(surface), text) if not (qs <= m.start() < qe)]
    if hits:
        return min(hits, key=lambda h: min(abs(h[0] - qs), abs(h[0] - qe)))
    # the name only inside the span, which unmatched quote marks stretched over "said X"
    inside = re.search(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text[qs:qe])
    return (qs + inside.start(), qs + inside.end()) if inside else None


def _spans(corpus: Path, raw: Path, n: int, set_: int = 1) -> None:
    """Turn the labeller's sheet answers (``Qnnn<TAB>canonical<TAB>surface``; sets 2 and 3 add ``<TAB>kind``)
    into span rows."""
    texts = _texts(corpus)
    units_ = sample(corpus, n, set_)
    rows = []
    for line in raw.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        qid, canonical, surface, *rest = line.split("\t")
        aid, qs, qe = units_[int(qid[1:])]
        text = texts[aid].get("text") or ""
        if canonical == "-":
            rows.append((qid, aid, qs, qe, "", "", "", "excluded"))
            continue
        found = _locate(text, surface, qs, qe)
        if found is None:
            sys.exit(f"{qid}: {surface!r} not found in {aid}")
        kind = (rest[0] if rest else "name") if set_ >= 2 else ("role" if qid in _ROLE_IDS else "name")
        rows.append((qid, aid, qs, qe, found[0], found[1], canonical, kind))
    kept = [r[0] for r in rows if r[7] != "excluded"]
    random.Random(SEED).shuffle(kept)
    dev = set(kept[: len(kept) // 2]) if set_ == 1 else set()
    out = _LABELS[set_]
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(("qid", "article_id", "quote_start", "quote_end", "speaker_start", "speaker_end", "speaker",
                    "kind", "half"))
        for r in rows:
            half = "" if r[7] == "excluded" else ("dev" if r[0] in dev else "held" if set_ == 1 else f"held{set_}")
            w.writerow((*r, half))
    print(f"{len(rows)} rows, {len(kept)} labelled ({len(dev)} dev, {len(kept) - len(dev)} held) -> {out}")


_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sir", "the", "a", "an", "one", "of"})


def _words(name: str) -> set[str]:
    from newsprism.resolve import normalise

    return {w for w in normalise(name).split() if w not in _TITLES}


def _correct(pred_names: tuple[str | None, ...], pred_span: tuple[int, int] | None, row: dict[str, str]) -> bool:
    """The predicted speaker is the labelled one: the same span, or the same name (a name's words
    within the other's: "Tan" = "Hock Tan"); for an unnamed speaker ("a relative"), its words. The
    names are the canonical name of the speaker's entity and the speaker's words in the article
    (labellers named one airline "ANA" and "All Nippon Airways")."""
    ss, se = int(row["speaker_start"]), int(row["speaker_end"])
    if pred_span is not None and pred_span[0] < se and ss < pred_span[1]:
        return True
    for pred_name in pred_names:
        got = _words(pred_name) if pred_name else set()
        for alt in row["speaker"].split("|"):
            want = _words(alt)
            if got and want and (got <= want or want <= got):
                return True
    return False


def _source_span(art: object, raw: dict[str, str], field: str, start: int, end: int) -> tuple[int, int] | None:
    """A record's span in the document's text; also in a title the cleaner took from the text's first line
    (ECB+ documents have no title of their own: ``source_span`` leaves titles out)."""
    from newsprism.analyse import source_span

    if field == "title" and not raw.get("title"):
        at = (raw.get("text") or "").find(getattr(art, "title", None) or "\0")
        return (at + start, at + end) if at >= 0 else None
    return source_span(art, field, start, end)  # type: ignore[arg-type]


def _score(corpus: Path, half: str, show: bool, labels: Path = LABELS) -> None:
    from _articles import cleaned_article

    from newsprism.analyse import analyse
    from newsprism.resolve import resolve

    rows = [r for r in csv.DictReader(labels.open(encoding="utf-8"), delimiter="\t")
            if r["kind"] != "excluded" and (half == "all" or r["half"] == half)]
    texts = _texts(corpus)
    ids = sorted({r["article_id"] for r in rows})
    articles = [cleaned_article(texts[i].get("title"), texts[i].get("text") or "", texts[i].get("date_publish"),
                                i if i.endswith(".txt") else f"{i}.json") for i in ids]
    res = resolve(analyse(articles))
    names = {e.entity_id: e.name for e in res.entities}
    by_doc = {a: (art, an) for a, art, an in zip(ids, articles, res.analyses, strict=True)}
    right = found = 0
    for r in rows:
        art, an = by_doc[r["article_id"]]
        qs, qe = int(r["quote_start"]), int(r["quote_end"])
        best = None
        for q in an.quotes:
            if q.kind != "direct":
                continue
            span = _source_span(art, texts[r["article_id"]], q.field, q.start, q.end)
            if span is not None and span[0] < qe and qs < span[1]:
                best = q
                break
        name = span_s = None
        if best is not None:
            found += 1
            if best.speaker_start is not None and best.speaker_end is not None:
                span_s = _source_span(art, texts[r["article_id"]], best.field, best.speaker_start, best.speaker_end)
            name = names.get(best.speaker_entity_id or "", best.speaker)
        ok = _correct((name, best.speaker if best is not None else None), span_s, r)
        right += ok
        if show and not ok:
            print(f"{r['qid']} {r['half']:4} want {r['speaker']!r:40} got {name!r}")
    n = len(rows)
    print(f"labels={labels.name} half={half} quotes={n} found={found} right={right} accuracy={right / n:.3f}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    sp = sub.add_parser("sample")
    sp.add_argument("--set", type=int, choices=SETS, default=1, dest="set_")
    sp.add_argument("--n", type=int)
    sp.add_argument("--sheet", type=Path, default=Path("/tmp/quote-sheet.txt"))
    sp.add_argument("--corpus", type=Path, help="default: news_cluster (ECB+ for sets 9 and 10)")
    sp = sub.add_parser("spans")
    sp.add_argument("raw", type=Path)
    sp.add_argument("--set", type=int, choices=SETS, default=1, dest="set_")
    sp.add_argument("--n", type=int)
    sp.add_argument("--corpus", type=Path, help="default: news_cluster (ECB+ for sets 9 and 10)")
    sp = sub.add_parser("score")
    sp.add_argument("--set", type=int, choices=SETS, default=1, dest="set_")
    halves = ("dev", "held", "held2", "held3", "held4", "held5", "held6", "held7", "held8", "held9", "held10", "all")
    sp.add_argument("--half", choices=halves, default="held")
    sp.add_argument("--show", action="store_true")
    sp.add_argument("--corpus", type=Path, help="default: news_cluster (ECB+ for sets 9 and 10)")
    args = p.parse_args()
    args.corpus = args.corpus or (ECBPLUS if args.set_ in ECBPLUS_SETS else CORPUS)
    if not args.corpus.is_dir():
        sys.exit(f"{args.corpus}: corpus not found (see ../shared/benchmarks/README.md)")
    if args.cmd == "sample":
        _sheet(args.corpus, args.n or _N[args.set_], args.sheet, args.set_)
    elif args.cmd == "spans":
        _spans(args.corpus, args.raw, args.n or _N[args.set_], args.set_)
    elif args.cmd == "score":
        if args.set_ in HELD_OUT and args.show:
            sys.exit(f"set {args.set_} is held out: its misses are not listed")
        _score(args.corpus, "all" if args.set_ >= 2 else args.half, args.show, _LABELS[args.set_])


if __name__ == "__main__":
    main()
