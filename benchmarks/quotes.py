"""Quote speaker accuracy on a hand-labelled sample of news_cluster quotes.

Protocol (docs/analysis.md, "Quote speakers"): every quoted span of the 383 news_cluster texts
(``_quote_spans.quote_spans``: quote marks only, no parser) is a unit; ``sample`` draws units at
random with ``SEED`` and writes a labelling sheet (the quote and the paragraphs around it, never a
predicted speaker) outside the repository. Each unit was labelled blind from that sheet with the
speaker's canonical name and the span of a name for the speaker in the text (or excluded: not
speech, no speaker in the text); ``benchmarks/data/quote-labels.tsv`` keeps spans only. The labelled
units are split in two halves by ``SEED``: ``dev`` (read while writing rules) and ``held`` (reported
as held out).

Commands:
    sample [--n N] [--sheet FILE]     the sheet to label
    score [--half dev|held|all] [--show]   speaker accuracy at shipped defaults
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
from _quote_spans import paragraphs, quote_spans  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "giveme5w1h_news_cluster"
LABELS = Path(__file__).parent / "data" / "quote-labels.tsv"
SEED = 21


def _texts(corpus: Path) -> dict[str, dict[str, str]]:
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


def sample(corpus: Path, n: int) -> list[tuple[str, int, int]]:
    return random.Random(SEED).sample(units(corpus), n)


def _sheet(corpus: Path, n: int, out: Path) -> None:
    texts = _texts(corpus)
    lines = []
    for k, (aid, s, e) in enumerate(sample(corpus, n)):
        text = texts[aid].get("text") or ""
        paras = paragraphs(text)
        i = next(j for j, (ps, pe) in enumerate(paras) if ps <= s <= pe)
        lines.append(f"=== Q{k:03d} {aid} {s} {e}")
        for j in range(max(0, i - 3), min(len(paras), i + 2)):
            ps, pe = paras[j]
            para = text[ps:pe]
            if j == i:
                para = text[ps:s] + "[[" + text[s:e] + "]]" + text[e:pe]
            lines.append(("> " if j == i else "  ") + para)
        lines.append("")
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"{n} units (seed {SEED}) -> {out}")


_ROLE_IDS = frozenset({"Q006", "Q031", "Q036", "Q046", "Q074", "Q094", "Q104", "Q105", "Q121", "Q131", "Q137",
                       "Q148", "Q150", "Q165", "Q166"})


def _locate(text: str, surface: str, qs: int, qe: int) -> tuple[int, int] | None:
    """The occurrence of ``surface`` nearest the quote (outside it), whole words, case first."""
    for flags in (0, re.IGNORECASE):
        hits = [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text, flags)
                if not (qs <= m.start() < qe)]
        if hits:
            return min(hits, key=lambda h: min(abs(h[0] - qs), abs(h[0] - qe)))
    return None


def _spans(corpus: Path, raw: Path, n: int) -> None:
    """Turn the labeller's sheet answers (``Qnnn<TAB>canonical<TAB>surface``) into span rows."""
    texts = _texts(corpus)
    units_ = sample(corpus, n)
    rows = []
    for line in raw.read_text(encoding="utf-8").splitlines():
        qid, canonical, surface = line.split("\t")
        aid, qs, qe = units_[int(qid[1:])]
        text = texts[aid].get("text") or ""
        if canonical == "-":
            rows.append((qid, aid, qs, qe, "", "", "", "excluded"))
            continue
        found = _locate(text, surface, qs, qe)
        if found is None:
            sys.exit(f"{qid}: {surface!r} not found in {aid}")
        kind = "role" if qid in _ROLE_IDS else "name"
        rows.append((qid, aid, qs, qe, found[0], found[1], canonical, kind))
    kept = [r[0] for r in rows if r[7] != "excluded"]
    random.Random(SEED).shuffle(kept)
    dev = set(kept[: len(kept) // 2])
    with LABELS.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(("qid", "article_id", "quote_start", "quote_end", "speaker_start", "speaker_end", "speaker",
                    "kind", "half"))
        for r in rows:
            half = "" if r[7] == "excluded" else ("dev" if r[0] in dev else "held")
            w.writerow((*r, half))
    print(f"{len(rows)} rows, {len(kept)} labelled ({len(dev)} dev, {len(kept) - len(dev)} held) -> {LABELS}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    sp = sub.add_parser("sample")
    sp.add_argument("--n", type=int, default=200)
    sp.add_argument("--sheet", type=Path, default=Path("/tmp/quote-sheet.txt"))
    sp.add_argument("--corpus", type=Path, default=CORPUS)
    sp = sub.add_parser("spans")
    sp.add_argument("raw", type=Path)
    sp.add_argument("--n", type=int, default=200)
    sp.add_argument("--corpus", type=Path, default=CORPUS)
    args = p.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"{args.corpus}: corpus not found (see ../shared/benchmarks/README.md)")
    if args.cmd == "sample":
        _sheet(args.corpus, args.n, args.sheet)
    elif args.cmd == "spans":
        _spans(args.corpus, args.raw, args.n)


if __name__ == "__main__":
    main()
