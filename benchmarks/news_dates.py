"""Date resolution on news_cluster articles labelled blind: a second corpus beside TimeBank.

Usage: .venv/bin/python benchmarks/news_dates.py sample [--sheet FILE]

Protocol: ``SEED`` draws ``N`` articles among the news_cluster articles whose text holds at least
``MIN_CHARS`` characters; each article's region is its text's first lines (whole lines) up to
``REGION_CHARS`` characters. ``sample`` writes the labelling sheet outside the repository (it quotes
the articles): per article, its publication day and weekday and the region's lines, numbered. The
labeller marks every date expression of the region with a calendar value (TimeML DATE: a day, a
week, a month or a year; the day of a TIME) and its value, read against the publication day, without
seeing any output of newsprism. The labels keep spans only (article id, start, end, value).
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "giveme5w1h_news_cluster"
SEED = 20261223
N = 60
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


def draw(corpus: Path = CORPUS) -> list[str]:
    return random.Random(SEED).sample(sorted(articles(corpus)), N)


def sheet(out: Path, corpus: Path = CORPUS) -> None:
    docs = articles(corpus)
    lines = ["# Date labelling sheet (not for the repository: it quotes articles)", ""]
    for k, aid in enumerate(draw(corpus)):
        d = docs[aid]
        day = date.fromisoformat(d["date_publish"][:10])
        text = d["text"]
        lines.append(f"=== D{k:02d} {aid} published {day.isoformat()} ({day.strftime('%A')})")
        for n, line in enumerate(text[:region(text)].split("\n")):
            if line.strip():
                lines.append(f"[L{n}] {line}")
        lines.append("")
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"{N} articles (seed {SEED}) -> {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sp = sub.add_parser("sample")
    sp.add_argument("--sheet", type=Path, default=Path("/tmp/dates-sheet.txt"))
    args = ap.parse_args()
    if args.cmd == "sample":
        sheet(args.sheet)


if __name__ == "__main__":
    main()
