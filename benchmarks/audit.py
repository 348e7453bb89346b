"""A labelled audit of dossiers on news_cluster or ECB+: corroborated groups, summary lines, conflict cards.

Usage:
  .venv/bin/python benchmarks/audit.py sample --db STORE --sheet SHEET.md   (draw the items; write the sheet)
  .venv/bin/python benchmarks/audit.py score --db STORE                     (score the labels against today's output)

STORE is a store built by ``newsprism run`` over ../shared/benchmarks/giveme5w1h_news_cluster/data (at the
shipped settings). Protocol (``benchmarks/data/audit-labels.tsv`` holds the items and their labels, as spans):

* Frame: every story of the store, less the stories that hold an article of
  ``benchmarks/data/alignment-pairs.tsv`` (the pair labels the thresholds were chosen on) or of
  ``audit-dev-labels.tsv`` (labels read while developing). Scoring draws (``audit-labels.tsv``, seed
  20261207, and ``audit-2-labels.tsv``, seed 20261208, a fresh draw after the stories changed) may overlap.
  ``--frame pairs`` draws from the other stories instead (those holding a pair-labelled article: the
  alignment thresholds were chosen on those pairs, but no audit item of them was read for rules;
  ``audit-4b-labels.tsv``, seed 20261212), groups and summary lines only.
* Items, drawn with ``random.Random(SEED)``: 50 groups with status ``corroborated`` (``Dossier.groups``),
  50 summary lines (``Dossier.summary``; all of them when the frame holds fewer), and every conflict card
  of the whole corpus (``Dossier.conflicts``, conflicts and "more specific" alike, inside one article or
  across sources: the frame alone holds too few).
* The sheet (written outside the repository: it holds article text) shows, per item in shuffled order,
  only the cited sentences and each one's outlet: not the status, the source count, the similarity or
  the setting that produced it. The labeller reads the first cited sentence (the line the dossier
  prints) and marks each other citation 1 when it states that line's fact (the same happening or value,
  even worded differently; a sentence that only shares a topic or an entity is 0), 0 otherwise; for a
  card, 1 when the sides are a real difference about one fact (same thing counted/dated/placed,
  different values), 0 otherwise.
* Scores: a corroborated group is right when every citation states the line and the citing
  articles come from at least two outlets that are not copies of one another (the labeller's count of
  independent outlets among the stating citations, column ``outlets``); summary citations: the share of
  citations (the printed line's own included) that state the line; cards: the share of real ones.
  ``score`` matches items by their spans to today's output and says how many no longer exist; for groups it
  also scores those still corroborated today (a group whose members are unchanged but whose origins now count
  fewer than two is no longer "corroborated": the precision of what is still shown as such).

ECB+ (``--corpus ecbplus``): the 772 plain-text documents of ../shared/benchmarks/ecbplus_dev (topics 1-35;
no outlets, no dates), none of whose dossiers was read for rules. Build the store, then draw:

  nice .venv/bin/newsprism run ../shared/benchmarks/ecbplus_dev/docs --db ECB.db --out /tmp/np-ecb-report -q
  .venv/bin/python benchmarks/audit.py sample --corpus ecbplus --db ECB.db --seed SEED \
      --labels benchmarks/data/audit-N-labels.tsv --sheet /tmp/audit-N-sheet.md

The frame is every story (``all``); the items are drawn as above (50 corroborated groups, 50 summary lines,
every conflict card), and the sheet shows each citation's document by a neutral name (``doc-`` and the
first 8 characters of its article id) instead of an outlet: the documents' file names carry ECB+'s topic and
its half (``ecb``/``ecbplus``, the two similar events), which the labeller must not see. ``score`` and the
outlet counts need nothing more: ``audit.py score --db ECB.db --labels benchmarks/data/audit-N-labels.tsv``.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
LABELS = DATA / "audit-labels.tsv"
PAIRS = DATA / "alignment-pairs.tsv"
SEED = 20261207
FRAMES = {"news_cluster": ("held", "pairs"), "ecbplus": ("all",)}  # the frames a corpus may draw from, default first
ECB_NAME = re.compile(r"\d+_(ecb|plus)_\d+_\d+ecb(plus)?\.txt")  # an ECB+ document's file name
COLUMNS = ["item", "kind", "spans", "says", "outlets", "real"]
HEADER = """# Audit items of news_cluster dossiers for benchmarks/audit.py (protocol: that script's docstring).
# Spans only: article:field:start-end, ';' between citations (the first is the line printed), '|' between a card's sides.
# says: per citation after the first, 1 = states the printed line's fact, 0 = not (groups and summary lines);
# outlets: independent outlets among the stating citations (the labeller's count); real: a card's verdict.
# Drawn with seed SEED. Labelled by hand by a Claude helper session (issue 17) on 2026-12-06 from the sheet alone
# (cited sentences and outlets, in shuffled order, no status, count or setting shown).
"""
HEADER_ECB = """# Audit items of ECB+ dossiers (ecbplus_dev, frame: all stories) for benchmarks/audit.py
# (protocol: that script's docstring and benchmarks/data/audit-4-protocol.md).
# Spans only: article:field:start-end, ';' between citations (the first is the line printed), '|' between a card's sides.
# says: per citation after the first, 1 = states the printed line's fact, 0 = not (groups and summary lines);
# outlets: independent documents among the stating citations (the labeller's count); real: a card's verdict.
# Drawn with seed SEED; to be labelled blind from the sheet alone (cited sentences and neutral document names,
# in shuffled order, no status, count or setting shown).
"""


def frame_of(corpus: str, frame: str | None) -> str:
    """The frame a draw uses: the corpus's default when none is named; an error for a frame the corpus lacks
    (``held`` and ``pairs`` are defined by news_cluster's labels; ECB+ draws from all its stories)."""
    if corpus not in FRAMES:
        raise ValueError(f"unknown corpus {corpus!r} (known: {', '.join(FRAMES)})")
    if frame is None:
        return FRAMES[corpus][0]
    if frame not in FRAMES[corpus]:
        raise ValueError(f"frame {frame!r} is not one of {corpus}'s: {', '.join(FRAMES[corpus])}")
    return frame


def draws_cards(frame: str) -> bool:
    """Every conflict card of the corpus is drawn with the held frame (news_cluster) or the whole corpus (ECB+)."""
    return frame in ("held", "all")


def doc_name(article_id: str) -> str:
    """The name an ECB+ sheet shows for a document: neutral, unlike its file name (topic and half)."""
    return f"doc-{article_id[:8]}"


def check_ecbplus(sources: list[str]) -> None:
    """Refuse a store that is not an ECB+ one (``sources``: its articles' input paths)."""
    other = [s for s in sources if not ECB_NAME.fullmatch(Path(s).name)]
    if other or not sources:
        raise ValueError("the store is not an ECB+ store: " + (f"{len(other)} of its {len(sources)} articles "
                         f"come from elsewhere (e.g. {other[0]})" if other else "it holds no article") +
                         "; build it with newsprism run ../shared/benchmarks/ecbplus_dev/docs --db STORE")


def _stories(prism: Any, labels: Path) -> list[Any]:
    """The frame: stories holding no article of the labels thresholds were chosen on."""
    held = set()
    with PAIRS.open(encoding="utf-8") as f:
        for row in csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"):
            held |= {row["article_a"], row["article_b"]}
    for other in sorted(DATA.glob("audit-dev*labels.tsv")):  # development labels only: scoring draws may overlap
        if other.resolve() == labels.resolve():
            continue
        with other.open(encoding="utf-8") as f:
            for row in csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"):
                held |= {sp.split(":")[0] for sp in row["spans"].replace("|", ";").split(";")}
    return [s for s in prism.stories() if not held & set(s.article_ids)]


def _span(c: Any) -> str:
    return f"{c.article_id}:{c.field}:{c.start}-{c.end}"


def _items(prism: Any, labels: Path, frame_kind: str = "held") -> dict[str, list[tuple[str, Any]]]:
    """Every candidate item of the frame, by kind: (spans key, object). ``frame_kind``: ``held`` (the
    stories holding no labelled pair or development label), ``pairs`` (the others: stories holding an
    article of the pair labels the thresholds were chosen on, never read for rules) or ``all``."""
    out: dict[str, list[tuple[str, Any]]] = {"group": [], "summary": [], "card": []}
    held = {s.story_id for s in _stories(prism, labels)}
    every = {s.story_id for s in prism.stories()}
    frame = {"held": held, "pairs": every - held, "all": every}[frame_kind]
    for story in prism.stories():
        d = prism.dossier(story.story_id)
        for card in d.conflicts:  # cards are few: every card of the corpus
            key = "|".join(";".join(_span(c) for st in side.statements for c in st.citations) for side in card.sides)
            out["card"].append((key, card))
        if story.story_id not in frame:
            continue
        for st in d.groups:
            if st.status == "corroborated":
                out["group"].append((";".join(_span(c) for c in st.citations), st))
        for st in d.summary:
            out["summary"].append((";".join(_span(c) for c in st.citations), st))
    return out


def _text(prism: Any, c: Any, cache: dict[str, Any]) -> str:
    a = cache.setdefault(c.article_id, prism.article(c.article_id))
    if c.field == "body":
        return str(a.text[c.start:c.end])
    if c.field == "title":
        return str(a.title[c.start:c.end])
    return str(a.captions[int(c.field.split(":")[1])].text[c.start:c.end])


def sample(prism: Any, sheet: Path, labels: Path, seed: int, frame: str = "held", corpus: str = "news_cluster") -> None:
    items = _items(prism, labels, frame)
    rng = random.Random(seed)
    chosen = [("group", k, o) for k, o in rng.sample(items["group"], min(50, len(items["group"])))]
    chosen += [("summary", k, o) for k, o in rng.sample(items["summary"], min(50, len(items["summary"])))]
    if draws_cards(frame):  # cards: every card of the corpus, drawn with the held frame or the whole corpus
        chosen += [("card", k, o) for k, o in items["card"]]
    rng.shuffle(chosen)
    cache: dict[str, Any] = {}

    def source(c: Any) -> str:
        return doc_name(c.article_id) if corpus == "ecbplus" else str(c.outlet)

    lines = ["# Audit sheet (not for the repository: it quotes articles)", ""]
    with labels.open("w", encoding="utf-8", newline="") as f:
        f.write((HEADER_ECB if corpus == "ecbplus" else HEADER).replace("SEED", str(seed)))
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(COLUMNS)
        for n, (kind, key, obj) in enumerate(chosen, 1):
            w.writerow([n, kind, key, "", "", ""])
            lines.append(f"## item {n}")
            if kind == "card":
                for side in obj.sides:
                    lines.append(f"- side **{side.value}**")
                    for st in side.statements:
                        for c in st.citations:
                            lines.append(f"  - [{source(c)}] {_text(prism, c, cache)}")
            else:
                for i, c in enumerate(obj.citations):
                    lines.append(f"- {'LINE' if i == 0 else f'c{i}'} [{source(c)}] {_text(prism, c, cache)}")
            lines.append("")
    sheet.write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(chosen)} items ({sum(k == 'group' for k, _, _ in chosen)} groups, "
          f"{sum(k == 'summary' for k, _, _ in chosen)} summary lines, {sum(k == 'card' for k, _, _ in chosen)} cards)"
          f" -> {labels}; sheet {sheet}; frame {frame}: {len(items['group'])} corroborated groups, "
          f"{len(items['summary'])} summary lines")


def _keys(labels: Path) -> set[tuple[str, str]]:
    with labels.open(encoding="utf-8") as f:
        return {(r["kind"], r["spans"]) for r in csv.DictReader((ln for ln in f if not ln.startswith("#")),
                                                                delimiter="\t")}


def score(prism: Any, labels: Path, exclude: tuple[Path, ...] = ()) -> None:
    items = _items(prism, labels, "all")
    present = {kind: {k for k, _ in rows} for kind, rows in items.items()}
    with labels.open(encoding="utf-8") as f:
        rows = list(csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"))
    if exclude:  # items another draw holds too (read for rules there): leave them out
        other = set().union(*(_keys(p) for p in exclude))
        kept_rows = [r for r in rows if (r["kind"], r["spans"]) not in other]
        print(f"left out {len(rows) - len(kept_rows)} items that {', '.join(p.name for p in exclude)} hold too")
        rows = kept_rows
    groups = [r for r in rows if r["kind"] == "group"]
    summary = [r for r in rows if r["kind"] == "summary"]
    cards = [r for r in rows if r["kind"] == "card"]
    right = sum(all(x == "1" for x in r["says"].split(",") if x) and int(r["outlets"] or 0) >= 2 for r in groups)
    partial = sum(any(x == "1" for x in r["says"].split(",")) and not all(x == "1" for x in r["says"].split(","))
                  for r in groups)
    cited = sum(1 + len([x for x in r["says"].split(",") if x]) for r in summary)
    stating = sum(1 + sum(x == "1" for x in r["says"].split(",")) for r in summary)
    real = sum(r["real"] == "1" for r in cards)
    gone = {kind: sum(r["spans"] not in present[kind] for r in rows if r["kind"] == kind) for kind in present}
    print(f"corroborated groups: {right} of {len(groups)} right ({right / max(1, len(groups)):.3f}); "
          f"{partial} with some citation not stating the line")
    ok = [all(x == "1" for x in r["says"].split(",") if x) and int(r["outlets"] or 0) >= 2 for r in groups]
    kept = [o for r, o in zip(groups, ok, strict=True) if r["spans"] in present["group"]]
    print(f"  of those still corroborated in today's output: {sum(kept)} of {len(kept)} right "
          f"({sum(kept) / max(1, len(kept)):.3f}); {len(groups) - len(kept)} no longer corroborated "
          f"({sum(ok) - sum(kept)} of them labelled right)")
    print(f"summary citations: {stating} of {cited} state their line ({stating / max(1, cited):.3f}) "
          f"over {len(summary)} lines")
    kept_lines = [r for r in summary if r["spans"] in present["summary"]]
    k_cited = sum(1 + len([x for x in r["says"].split(",") if x]) for r in kept_lines)
    k_stating = sum(1 + sum(x == "1" for x in r["says"].split(",")) for r in kept_lines)
    print(f"  of the lines still in today's summaries: {k_stating} of {k_cited} ({k_stating / max(1, k_cited):.3f}) "
          f"over {len(kept_lines)} lines")
    print(f"conflict cards: {real} of {len(cards)} real ({real / max(1, len(cards)):.3f}); "
          f"cards in today's output: {len(items['card'])}")
    shown = [r for r in cards if r["spans"] in present["card"]]
    print(f"  of those still in today's output: {sum(r['real'] == '1' for r in shown)} of {len(shown)} real "
          f"({sum(r['real'] == '1' for r in shown) / max(1, len(shown)):.3f}); "
          f"{len(cards) - len(shown)} gone ({sum(r['real'] == '1' for r in cards) - sum(r['real'] == '1' for r in shown)}"
          " of them labelled real)")
    by_key = dict(items["card"])
    for status in ("conflict", "more-specific"):
        mine = [r for r in shown if by_key[r["spans"]].status == status]
        agree = sum((r["real"] == "1") == (status == "conflict") for r in mine)
        print(f"  shown as {status}: {len(mine)}, labelled a real difference: {sum(r['real'] == '1' for r in mine)}; "
              f"labeller agrees with the card's verdict: {agree} of {len(mine)}")
    print(f"labelled items no longer in today's output: {gone}")
    # a group or line whose citations are the same but whose printed line is another of them: its labels
    # judged the old line, so it is not scored; counted here
    for kind in ("group", "summary"):
        sets = {frozenset(k.split(";")) for k, _ in items[kind]}
        moved = [r for r in rows if r["kind"] == kind and r["spans"] not in present[kind]
                 and frozenset(r["spans"].split(";")) in sets]
        if moved:
            print(f"  of the {kind} items gone, {len(moved)} are shown with the same citations and another line "
                  f"(items {', '.join(r['item'] for r in moved)}; unscored: the labels judged the old line)")


def independence(prism: Any) -> None:
    """Counts that need no labels: corroborated groups whose citations all come from one outlet, and
    stories counting more independent sources than they have outlets (each with how many hold a wire
    copy). Both should be 0: an outlet's own report and a wire story it ran count as one origin."""
    groups = one_outlet = one_outlet_wire = stories = more = more_wire = 0
    for story in prism.stories():
        d = prism.dossier(story.story_id)
        stories += 1
        outlets = {s.outlet or s.article_id for s in d.sources}
        if d.independent_sources > len(outlets):
            more += 1
            more_wire += any(s.origin.startswith("wire:") for s in d.sources)
        origin = {s.article_id: s.origin for s in d.sources}
        outlet = {s.article_id: s.outlet or s.article_id for s in d.sources}
        for st in d.groups:
            if st.status != "corroborated":
                continue
            groups += 1
            if len({outlet[c.article_id] for c in st.citations}) == 1:
                one_outlet += 1
                one_outlet_wire += any(origin[c.article_id].startswith("wire:") for c in st.citations)
    print(f"corroborated groups citing one outlet only: {one_outlet} of {groups} "
          f"({one_outlet_wire} of them an outlet's own report beside a wire story it ran)")
    print(f"stories counting more independent sources than outlets: {more} of {stories} "
          f"({more_wire} of them with a wire copy)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cmd", choices=("sample", "score"))
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--sheet", type=Path, default=Path("/tmp/np-audit-sheet.md"))
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--exclude", type=Path, action="append", default=[],
                    help="score: leave out the items this labels file holds too (repeatable)")
    ap.add_argument("--corpus", choices=tuple(FRAMES), default="news_cluster",
                    help="the corpus STORE was built from (ecbplus: ../shared/benchmarks/ecbplus_dev/docs)")
    ap.add_argument("--frame", choices=("held", "pairs", "all"), default=None,
                    help="sample: the stories drawn from (news_cluster: held, the default: no labelled article; "
                         "pairs: those of the pair labels; ecbplus: all)")
    args = ap.parse_args()
    try:
        frame = frame_of(args.corpus, args.frame)
    except ValueError as e:
        raise SystemExit(str(e)) from None
    if str(args.sheet.resolve()).startswith(str(ROOT)):
        raise SystemExit("the sheet quotes articles: write it outside the repository")
    from newsprism import Prism

    with Prism(db=args.db) as prism:
        if args.corpus == "ecbplus":
            try:
                check_ecbplus([a.source for a in prism.store.iter_articles()])
            except ValueError as e:
                raise SystemExit(f"{args.db}: {e}") from None
        if args.cmd == "sample":
            sample(prism, args.sheet, args.labels, args.seed, frame, args.corpus)
        else:
            score(prism, args.labels, tuple(args.exclude))
            independence(prism)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
