"""Date resolution on news_cluster articles labelled blind: a second corpus beside TimeBank.

Usage: .venv/bin/python benchmarks/news_dates.py sample [--set 1|2] [--sheet FILE]
       .venv/bin/python benchmarks/news_dates.py spans [--set 1|2] RAW [--out FILE]
       .venv/bin/python benchmarks/news_dates.py build [--set 1|2] DIR [--labels FILE]
       .venv/bin/python benchmarks/news_dates.py score [--set 1|2] [--labels FILE] [--errors N (set 2)]

Protocol: ``SEED`` draws ``N`` articles among the news_cluster articles whose text holds at least
``MIN_CHARS`` characters; each article's region is its text's first lines (whole lines) up to
``REGION_CHARS`` characters. ``sample`` writes the labelling sheet outside the repository (it quotes
the articles): per article, its publication day and weekday and the region's lines, numbered. The
labeller marks every date expression of the region with a calendar value (TimeML DATE: a day, a
week, a month or a year; the day of a TIME) and its value, read against the publication day, without
seeing any output of newsprism. The labels keep spans only (article id, start, end, value).

``spans RAW``: the labeller's lines (``Dnn<TAB>Lk<TAB>surface<TAB>occurrence<TAB>value``: the sheet's
article number, the line's number in the region, the expression as written, which occurrence of it in
that line, its TimeML value) -> ``LABELS`` (``article<TAB>start<TAB>end<TAB>value``, offsets into the
article's ``text`` field; no text). ``build DIR`` writes, outside the repository, a gold folder in the
format of ``../shared/benchmarks/timebank``: ``docs/<id>.txt`` (the region's text), ``dct.tsv`` (the
publication day), ``timex.jsonl`` (one DATE per label), ``articles.jsonl`` (the region, published at the
article's ``date_publish`` as newsprism reads it; ``--at-noon``: at noon UTC of that day, as TimeBank's
articles are, the labeller having seen the day only) and the TimeBank folder's ``score.py``. ``score``
builds it in a temporary folder and runs ``timebank.py GOLD_DIR --held-out`` on it: the set is held
out, so only the aggregate figures are printed, never an error.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "benchmarks" / "giveme5w1h_news_cluster"
#: The TimeBank folder, whose ``score.py`` scores the built set too.
TIMEBANK = ROOT.parent / "shared" / "benchmarks" / "timebank"
#: The labels: spans only (article id, start, end, value).
LABELS = ROOT / "benchmarks" / "data" / "news-dates-labels.tsv"
#: Set 2's labels: 40 more articles (``SEED2``, outside set 1's draw), labelled blind the same way and read
#: for rules (in sample: ``score --set 2 --errors N`` lists its misses).
LABELS2 = ROOT / "benchmarks" / "data" / "news-dates-labels-2.tsv"
#: The values a label may take: a TimeML DATE (day, ISO week, month, year).
VALUE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?$")
SEED = 20261223
N = 60
SEED2 = 20261225
N2 = 40
MIN_CHARS = 400
REGION_CHARS = 1500


def articles(corpus: Path = CORPUS) -> dict[str, dict[str, str]]:
    """The news_cluster articles by id, those with a publication date and enough text."""
    out = {}
    for f in sorted((corpus / "data").glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        if d.get("date_publish") and len(d.get("text") or "") >= MIN_CHARS:
            out[d["dId"]] = d
    return out


def region(text: str) -> int:
    """Where an article's labelled region ends: after the first whole lines reaching ``REGION_CHARS``."""
    end = 0
    while end < len(text) and end < REGION_CHARS:
        nl = text.find("\n", end)
        end = len(text) if nl < 0 else nl + 1
    return end


def draw(corpus: Path = CORPUS, set_: int = 1) -> list[str]:
    """The articles of a set, in sheet order: set 1 (held out) drawn with ``SEED``; set 2 (read) with
    ``SEED2`` among the articles outside set 1."""
    pool = sorted(articles(corpus))
    first = random.Random(SEED).sample(pool, N)
    if set_ == 1:
        return first
    return random.Random(SEED2).sample([a for a in pool if a not in set(first)], N2)


def sheet(out: Path, corpus: Path = CORPUS, set_: int = 1) -> None:
    docs = articles(corpus)
    lines = ["# Date labelling sheet (not for the repository: it quotes articles)", ""]
    drawn = draw(corpus, set_)
    for k, aid in enumerate(drawn):
        d = docs[aid]
        day = date.fromisoformat(d["date_publish"][:10])
        text = d["text"]
        lines.append(f"=== D{k:02d} {aid} published {day.isoformat()} ({day.strftime('%A')})")
        for n, line in enumerate(text[:region(text)].split("\n")):
            if line.strip():
                lines.append(f"[L{n}] {line}")
        lines.append("")
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(drawn)} articles (set {set_}, seed {SEED if set_ == 1 else SEED2}) -> {out}")


def spans(raw: str, docs: dict[str, dict[str, str]], drawn: list[str]) -> list[tuple[str, int, int, str]]:
    """The labeller's lines as ``(article id, start, end, value)``, offsets into the article's text.

    ``drawn`` is the sheet's order (``Dnn`` is its ``nn``-th article); a line is found among the region's
    lines as the sheet numbers them (blank ones counted), the surface as its ``occurrence``-th match in that
    line (exactly, else with any run of spaces for a space). Raises ValueError naming the first line that does
    not fit (a malformed line, an unknown article or line, a surface not found that often, a value that is no
    TimeML date)."""
    out = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\r\n").split("\t")
        if len(fields) != 5:
            raise ValueError(f"line {n}: {len(fields)} fields, expected 5")
        dnn, lk, surface, occurrence, value = (f.strip() if k != 2 else f for k, f in enumerate(fields))
        m_doc, m_line = re.fullmatch(r"D(\d+)", dnn), re.fullmatch(r"L(\d+)", lk)
        if m_doc is None or m_line is None or not occurrence.isdigit() or int(occurrence) < 1:
            raise ValueError(f"line {n}: expected Dnn, Lk and an occurrence >= 1: {fields[:2]} {occurrence!r}")
        if not VALUE_RE.match(value):
            raise ValueError(f"line {n}: value {value!r} is no TimeML date (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www)")
        k = int(m_doc.group(1))
        if k >= len(drawn):
            raise ValueError(f"line {n}: no article {dnn} (the sheet has {len(drawn)})")
        aid = drawn[k]
        text = docs[aid]["text"]
        lines = text[:region(text)].split("\n")
        li = int(m_line.group(1))
        if li >= len(lines):
            raise ValueError(f"line {n}: {dnn} has no line {lk}")
        offset = sum(len(x) + 1 for x in lines[:li])
        pattern = re.escape(surface.strip()).replace("\\ ", r"\s+")
        found = [m for m in re.finditer(pattern, lines[li])] if surface.strip() else []
        if len(found) < int(occurrence):
            raise ValueError(f"line {n}: {dnn} {lk}: the surface is there {len(found)} time(s), not {occurrence}")
        m = found[int(occurrence) - 1]
        out.append((aid, offset + m.start(), offset + m.end(), value))
    return out


def write_labels(rows: list[tuple[str, int, int, str]], out: Path) -> None:
    out.write_text("article\tstart\tend\tvalue\n" + "".join(f"{a}\t{s}\t{e}\t{v}\n" for a, s, e, v in rows),
                   encoding="utf-8")


def read_labels(path: Path) -> list[tuple[str, int, int, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            a, s, e, v = line.split("\t")
            rows.append((a, int(s), int(e), v))
    return rows


def build(out: Path, labels: list[tuple[str, int, int, str]], drawn: list[str], docs: dict[str, dict[str, str]],
          scorer: Path = TIMEBANK / "score.py", at_noon: bool = False) -> None:
    """A gold folder in the TimeBank folder's format for the ``drawn`` articles' regions (every drawn article,
    labelled or not: one with no date expression has none to find). Each is published at its ``date_publish``
    as newsprism reads it (a time of day, a zone or none), or with ``at_noon`` at noon UTC of that day, as
    TimeBank's articles are (the labeller saw the day only)."""
    if stray := {a for a, *_ in labels} - set(drawn):
        raise ValueError(f"labels of {len(stray)} article(s) not drawn, e.g. {sorted(stray)[0]}")
    (out / "docs").mkdir(parents=True, exist_ok=True)
    arts, timexes, dct = [], [], ["doc\tdct"]
    for aid in drawn:
        d = docs[aid]
        text = d["text"][:region(d["text"])]
        (out / "docs" / f"{aid}.txt").write_text(text, encoding="utf-8")
        dct.append(f"{aid}\t{d['date_publish'][:10]}")
        title = text.split("\n", 1)[0].strip() or aid
        published = f"{d['date_publish'][:10]}T12:00:00+00:00" if at_noon else d["date_publish"]
        arts.append({"id": aid, "title": title, "text": text, "published": published,
                     "url": d.get("url") or f"news_cluster://{aid}"})
        for k, (_, s, e, v) in enumerate(sorted(x for x in labels if x[0] == aid)):
            if e > len(text):
                raise ValueError(f"{aid}: label {s}-{e} lies past the region ({len(text)} characters)")
            timexes.append({"doc": aid, "start": s, "end": e, "text": text[s:e], "tid": f"t{k + 1}", "type": "DATE",
                            "value": v})
    (out / "dct.tsv").write_text("\n".join(dct) + "\n", encoding="utf-8")
    (out / "timex.jsonl").write_text("".join(json.dumps(t) + "\n" for t in timexes), encoding="utf-8")
    (out / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")
    shutil.copy(scorer, out / "score.py")


def _inside_repo(path: Path) -> bool:
    return path.resolve().is_relative_to(ROOT)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sp = sub.add_parser("sample")
    sp.add_argument("--sheet", type=Path, default=Path("/tmp/dates-sheet.txt"))
    sp.add_argument("--set", type=int, choices=(1, 2), default=1, dest="set_")
    sp = sub.add_parser("spans", help="the labeller's lines -> the labels (spans only)")
    sp.add_argument("raw", type=Path)
    sp.add_argument("--out", type=Path)
    sp.add_argument("--set", type=int, choices=(1, 2), default=1, dest="set_")
    sp = sub.add_parser("build", help="a gold folder in TimeBank's format, outside the repository")
    sp.add_argument("dir", type=Path)
    sp.add_argument("--labels", type=Path)
    sp.add_argument("--set", type=int, choices=(1, 2), default=1, dest="set_")
    sp.add_argument("--at-noon", action="store_true", help="publish each article at noon UTC of its day")
    sp = sub.add_parser("score", help="build in a temporary folder and print the figures (set 1: aggregates only)")
    sp.add_argument("--labels", type=Path)
    sp.add_argument("--set", type=int, choices=(1, 2), default=1, dest="set_")
    sp.add_argument("--errors", type=int, default=0, metavar="N", help="list N errors (set 2 only: set 1 is held out)")
    sp.add_argument("--at-noon", action="store_true", help="publish each article at noon UTC of its day")
    args = ap.parse_args()
    if args.cmd == "sample":
        sheet(args.sheet, set_=args.set_)
        return
    if not (CORPUS / "data").is_dir():
        sys.exit(f"{CORPUS}: no news_cluster corpus there; see ../shared/benchmarks/README.md")
    docs = articles()
    drawn = draw(set_=args.set_)
    default = LABELS if args.set_ == 1 else LABELS2
    if args.cmd == "spans":
        args.out = args.out or default
        try:
            rows = spans(args.raw.read_text(encoding="utf-8"), docs, drawn)
        except ValueError as exc:
            sys.exit(f"{args.raw}: {exc}")
        write_labels(rows, args.out)
        print(f"{len(rows)} labels, {len({r[0] for r in rows})} articles -> {args.out}")
        return
    labels = read_labels(args.labels or default)
    if args.cmd == "build":
        if _inside_repo(args.dir):
            sys.exit(f"{args.dir}: inside the repository; the gold folder quotes the articles, write it outside")
        build(args.dir, labels, drawn, docs, at_noon=args.at_noon)
        print(f"{len(drawn)} articles, {len(labels)} labels -> {args.dir}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp), labels, drawn, docs, at_noon=args.at_noon)
        if args.set_ == 1:
            if args.errors:
                sys.exit("--errors: set 1 is held out, its errors are not listed")
            how = ["--held-out"]
        else:
            how = ["--errors", str(args.errors)]
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "timebank.py"), tmp, *how], check=True)


if __name__ == "__main__":
    main()
