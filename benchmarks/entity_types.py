"""Entity types and names on news_cluster, labelled blind: is a canonical entity the kind of thing shown?

Usage:
  .venv/bin/python benchmarks/entity_types.py sample --db STORE --sheet SHEET --labels LABELS
  .venv/bin/python benchmarks/entity_types.py answers --labels LABELS RAW   (the labeller's answers into LABELS)
  .venv/bin/python benchmarks/entity_types.py score --db STORE [--labels LABELS] [--half dev|held|all] [--show]

STORE is a store built by ``newsprism run`` over ../shared/benchmarks/giveme5w1h_news_cluster/data.

Protocol. Frame: the canonical entities found in the text (not from an alias pack) with at least
``MIN_MENTIONS`` name mentions. ``SEED`` draws ``N`` of them; for each, up to three of its name mentions
in different articles (drawn with the same generator) are kept as spans (``article:field:start-end``)
and shown on the sheet (written outside the repository: it quotes articles) in the paragraph around
them, with the entity's display name, but not its type. The labeller gives, from the sheet alone, the
type of the thing the marked words name (``PERSON``, ``ORG``, ``GPE``, ``LOC``, ``FAC``, ``NORP``,
``EQUIPMENT``; ``OTHER`` for a name of another kind: an event, a work, a product that is not
equipment; ``NOT`` when the words are no name) and whether the display name is a right name for it
(``1``/``0``). The items are cut in two halves by ``SEED``: ``dev`` (its misses may be listed and
read for rules) and ``held`` (never listed).

``score`` finds each item's entity again by its first span that is still a name mention and compares
its type: exactly, and by class (a person; an organisation; a place: ``GPE``, ``LOC`` or ``FAC``; a
group: ``NORP``; equipment). ``OTHER`` and ``NOT`` are wrong for every type.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "benchmarks" / "data" / "entity-type-labels.tsv"
SEED = 20261224
N = 200
MIN_MENTIONS = 2
TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EQUIPMENT", "OTHER", "NOT")
CLASS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place",
         "NORP": "group", "EQUIPMENT": "equipment"}
COLUMNS = ["item", "spans", "half", "type", "name_ok"]
HEADER = f"""# Entity types on news_cluster for benchmarks/entity_types.py (protocol: its docstring).
# Spans only: article:field:start-end of up to three name mentions of one canonical entity, ';' between them.
# Drawn with seed {SEED} from a store built at main d7127a7; type and name_ok labelled blind from the sheet
# (the mentions in their paragraphs and the display name, not the type) by a Claude helper session.
"""


def _field_text(article: Any, field: str) -> str:
    if field == "body":
        return str(article.text)
    if field == "title":
        return str(article.title or "")
    return str(article.captions[int(field.split(":")[1])].text)


def _context(text: str, start: int, end: int, width: int = 250) -> str:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    lo, hi = max(lo, start - width), min(hi, end + width)
    return ("…" if lo > 0 else "") + text[lo:start] + "[[" + text[start:end] + "]]" + text[end:hi] + "…"


def _mentions(prism: Any) -> dict[str, list[Any]]:
    from newsprism.errors import NotFoundError

    out: dict[str, list[Any]] = {}
    for a in prism.articles():
        try:
            analysis = prism.analysis(a.article_id)
        except NotFoundError:  # an article without analysis has no mentions
            continue
        for m in analysis.mentions:
            if m.kind == "name" and m.entity_id:
                out.setdefault(m.entity_id, []).append(m)
    return out


def sample(prism: Any, sheet: Path, labels: Path) -> None:
    by_entity = _mentions(prism)
    frame = [e for e in prism.entities() if e.source == "text" and e.mentions >= MIN_MENTIONS
             and e.entity_id in by_entity]
    frame.sort(key=lambda e: e.entity_id)
    rng = random.Random(SEED)
    chosen = rng.sample(frame, min(N, len(frame)))
    halves = ["dev"] * (len(chosen) // 2) + ["held"] * (len(chosen) - len(chosen) // 2)
    rng.shuffle(halves)
    lines = ["# Entity type sheet (not for the repository: it quotes articles)", ""]
    rows = []
    for k, e in enumerate(chosen):
        ms = sorted(by_entity[e.entity_id], key=lambda m: (m.article_id, m.field, m.start))
        rng.shuffle(ms)
        picked, seen = [], set()
        for m in ms:
            if m.article_id not in seen:
                picked.append(m)
                seen.add(m.article_id)
            if len(picked) == 3:
                break
        lines.append(f"=== E{k:03d} name shown: {e.name}")
        for m in picked:
            text = _field_text(prism.article(m.article_id), m.field)
            lines.append("- " + _context(text, m.start, m.end).replace("\n", " "))
        lines.append("")
        rows.append([f"E{k:03d}", ";".join(f"{m.article_id}:{m.field}:{m.start}-{m.end}" for m in picked),
                     halves[k], "", ""])
    sheet.write_text("\n".join(lines), encoding="utf-8")
    _write(labels, rows)
    print(f"{len(chosen)} entities of {len(frame)} (seed {SEED}) -> {labels}; sheet {sheet}")


def _write(labels: Path, rows: list[list[str]]) -> None:
    with labels.open("w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(COLUMNS)
        w.writerows(rows)


def read(labels: Path) -> list[dict[str, str]]:
    with labels.open(encoding="utf-8") as f:
        return list(csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"))


def answers(labels: Path, raw: Path) -> None:
    """Put the labeller's ``Ennn<TAB>TYPE<TAB>NAME_OK`` lines into the labels file."""
    got = {}
    for line in raw.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item, type_, ok = line.split("\t")[:3]
            if type_ not in TYPES or ok not in ("0", "1"):
                sys.exit(f"{raw}: bad answer line {line!r}")
            got[item] = (type_, ok)
    rows = read(labels)
    missing = [r["item"] for r in rows if r["item"] not in got]
    if missing:
        sys.exit(f"{raw}: no answer for {', '.join(missing[:10])}")
    _write(labels, [[r["item"], r["spans"], r["half"], *got[r["item"]]] for r in rows])
    print(f"{len(rows)} items labelled -> {labels}")


def score(prism: Any, labels: Path, half: str = "held", show: bool = False) -> dict[str, float]:
    if show and half != "dev":
        sys.exit("--show lists the dev half only: the held half is never listed")
    by_field: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    for ms in _mentions(prism).values():
        for m in ms:
            by_field.setdefault((m.article_id, m.field), []).append((m.start, m.end, m.entity_id))

    def entity_at(span: str) -> str | None:
        """The entity of the name mention at this span, else of one overlapping it (a name cut shorter)."""
        aid, rest = span.split(":", 1)
        field, offsets = rest.rsplit(":", 1)
        start, end = (int(x) for x in offsets.split("-"))
        near = [(s != start or e != end, eid) for s, e, eid in by_field.get((aid, field), ()) if s < end and start < e]
        return min(near)[1] if near else None

    rows = [r for r in read(labels) if half == "all" or r["half"] == half]
    found = exact = klass = named = 0
    for r in rows:
        eid = next((e for e in map(entity_at, r["spans"].split(";")) if e is not None), None)
        if eid is None:
            continue
        e = prism.entity(eid)
        found += 1
        ok = e.label == r["type"]
        ok_class = CLASS.get(e.label) == CLASS.get(r["type"], "-")
        exact += ok
        klass += ok_class
        named += r["name_ok"] == "1" and ok
        if show and not ok:
            print(f"{r['item']} want {r['type']:9} got {e.label:9} {e.name!r} {list(e.variants)[:4]}")
    n = max(1, found)
    out = {"items": len(rows), "found": found, "type_accuracy": exact / n, "class_accuracy": klass / n,
           "name_ok_given_type": named / max(1, exact)}
    print(f"labels={labels.name} half={half} items={len(rows)} found={found} type accuracy={exact / n:.3f} "
          f"class accuracy={klass / n:.3f} (person / organisation / place / group / equipment)")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cmd", choices=("sample", "answers", "score"))
    ap.add_argument("raw", nargs="?", type=Path)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--sheet", type=Path, default=Path("/tmp/entity-type-sheet.txt"))
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--half", choices=("dev", "held", "all"), default="held")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    if args.cmd == "answers":
        if args.raw is None:
            sys.exit("answers needs the labeller's RAW file")
        answers(args.labels, args.raw)
        return
    if args.db is None or not args.db.is_file():
        sys.exit(f"{args.db}: no store (build one with `newsprism run` over news_cluster)")
    from newsprism import Prism

    with Prism(db=args.db) as prism:
        if args.cmd == "sample":
            sample(prism, args.sheet, args.labels)
        else:
            score(prism, args.labels, args.half, args.show)


if __name__ == "__main__":
    main()
