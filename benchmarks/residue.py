"""Page residue that reaches the dossiers: a checker independent of the cleaner.

Runs ``newsprism run`` over a corpus (default: the 383-article Giveme5W1H
news_cluster corpus) into a new store, then reads every story's JSON dossier and
counts the items whose text is page furniture: claim groups, summary lines,
timeline entries, quotes and entities.

    .venv/bin/python benchmarks/residue.py [CORPUS] [--workdir DIR] [--report DIR] [--show N] [--json]

``--report DIR`` checks dossiers already written by ``newsprism run --out DIR``
instead of running it. ``--show N`` prints up to N flagged items per kind (text
on the terminal only, never into the repository).

``--sample N [--seed S]`` instead cleans the corpus and prints, for N articles
drawn with a fixed seed, every removal (reason, detail, source span, text) for a
person to check against the source text that none holds a sentence of the
article's own text (protocol and verdicts: ``benchmarks/data/body-loss-check.md``).

The patterns below are the checker's own, written from the kinds of page
furniture (video player controls, gallery counters and captions, lists of related
headlines, social embeds, newsletter boxes, photo credits, "most read" sidebars)
before the cleaner's rules for them were written, and kept apart from
``src/newsprism/data/boilerplate.toml``: a checker that used the cleaner's rules
would measure nothing. After a first run on the uncleaned dossiers, three of its
patterns were narrowed because they matched the articles' own text (a bare
@handle inside a quoted tweet, "autoplay videos", "related topics"); later a
fourth, the bracketed line, because it took an editor's note (the publication's
own text) for a related headline. A statement whose every citation is a caption
(``caption:N``) is shown as a caption; a photo credit in it is not residue.

Captions: besides the statements shown as captions, it counts those that cite a
caption among other citations (each citation names its field, ``caption:N``) and
those whose wording is a photo caption's ("in this undated photo", "(pictured)"),
a caption left in the body; the latter are not counted as residue, since article
text can use the words too, and are read by hand (``--show N``).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "benchmarks" / "giveme5w1h_news_cluster" / "data"

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"

#: kind -> patterns (Python regexes; ``(?i)`` where case does not matter).
KINDS: dict[str, tuple[str, ...]] = {
    "video player": (
        r"\bJUST WATCHED\b",
        r"\bMUST WATCH\b",
        r"\bMore Videos\b",
        r"\bReplay\s+(?:More|Must|Just|\.\.\.)",
        r"^\s*Replay\s*$",
        r"(?i)\bvideo (?:loading|unavailable|will (?:start|play) in)\b",
        r"\b(?:Skip Ad|Autoplay|Now Playing|Watch Next|Click to play|Tap to play|Play now)\b",
        r"(?i)\bmedia playback is\b",
        r"(?i)\bthis video (?:is not available|requires)\b",
    ),
    "gallery": (
        r"(?i)\b(?:hide|show|toggle) caption\b",
        r"(?i)\b\d{1,3} of \d{1,3}\s+(?:photos|images|pictures|slides)\b",
        r"(?i)\b(?:next|previous|prev) (?:photo|image|picture|slide)\b",
        r"(?i)\b(?:launch|open|view|start|expand|enlarge) (?:the )?(?:gallery|slideshow|slide show)\b",
        r"(?i)\b(?:photo|picture|image) gallery\b",
        r"^\s*\d{1,3}\s*/\s*\d{1,3}\s",
        r"^\s*Gallery\s*[:|]",
    ),
    "related headlines": (
        # a bracketed line alone, unless it is the publication's own note on the
        # article ("[Editor's note: ...]", "[Update: ...]", "[Correction: ...]")
        r"^\s*\[(?!\s*(?i:editor'?s'? note|ed\. note|note|update|correction|clarification)\b)[^\]]{12,240}\]\s*$",
        r"\[[A-Z][^\]]{8,240}(?:…|\.\.\.)\s*\]",
        r"\b(?:READ MORE|Read More|RELATED|SEE ALSO|See Also|ALSO READ|Also Read|MORE ON THIS|More on this)\s*:",
        r"(?i)\brelated (?:stories|articles|coverage|content|links)\b",
        r"(?i)\byou (?:may|might) also like\b",
        r"(?i)\brecommended for you\b",
    ),
    "social embed": (
        r"(?i)\bpic\.twitter\.com/",
        r"(?i)\b(?:twitter|instagram|facebook|youtube|t)\.(?:com|co)/\w",
        r"\(@\w{1,15}\)",
        r"(?:—|–|--|-)\s*[^—–]{1,60}?@\w{1,15}\)?\s+" + _MONTH + r"\s+\d{1,2},\s+\d{4}",
        r"(?i)\ba (?:post|photo|video) shared by\b",
        r"(?i)\bview (?:this post|more) on (?:instagram|twitter|facebook)\b",
        r"(?i)\b(?:embed|tweet|twitter post) (?:from|by) @",
    ),
    "newsletter box": (
        r"(?i)\b(?:sign up|signup|subscribe)\b.{0,60}\b(?:newsletter|inbox|e-?mails?|alerts|updates)\b",
        r"(?i)\bnewsletter\b.{0,60}\b(?:sign up|subscribe|inbox)\b",
        r"(?i)\benter your e-?mail\b",
        r"(?i)\bthanks? (?:you )?for (?:signing up|subscribing)\b",
        r"(?i)\binvalid e-?mail\b",
        r"(?i)\bsee our privacy (?:notice|policy)\b",
    ),
    "photo credit": (
        r"(?i)\bgetty(?: images)?\b",
        r"(?i)\bAP Photo\b",
        r"\b(?:REUTERS|Reuters|AFP|EPA|AP|PA)/[A-Z]",
        r"(?i)\b(?:photo|picture|image|photograph)s?(?: credit)?\s*:\s*\S",
        r"(?i)\((?:photo|picture|image|photograph)s?\s+(?:by|from|courtesy)\b",
        r"(?i)\b(?:shutterstock|alamy|rex features|splash news|pa wire|pa images|epa-efe)\b",
        r"(?i)\bcredit\s*:\s*\S",
        r"(?i)\b(?:twitter|instagram|facebook)\s*/\s*@\w",
    ),
    "most read": (
        r"\bMOST (?:READ|POPULAR|VIEWED|SHARED)\b",
        r"\bMost (?:Read|Popular|Viewed|Shared)\b",
        r"(?i)\bmost (?:read|popular|viewed|shared) (?:in|on|stories|articles|now)\b",
        r"\bTRENDING\b",
        r"(?i)\btrending (?:now|stories)\b",
    ),
}
#: Kinds a caption may hold and still be a fair caption.
CAPTION_KINDS = frozenset({"photo credit"})
#: Wording of a photo's caption ("in this undated photo", "(pictured)", "Grab from
#: a video"): counted apart in statements not shown as captions, as a caption that
#: stayed in the body. Not residue by itself: article text can say "pictured" too,
#: so these are read by hand (``--show``).
CAPTION_WORDING = re.compile(
    r"(?i)^(?:FILE - )?In this (?:[\w.,]+ ){0,6}(?:file )?photo\b|\bin this (?:undated )?(?:handout )?photo\b"
    r"|\bThis (?:undated )?(?:handout )?(?:photo|image|picture)(?: \w+){0,8} shows\b|^(?:Grab|Still) from a video\b"
    r"|\(pictured(?:[ ,][^)]{0,30})?\)|^Pictured\b|, pictured,|\bis pictured\b"
    r"|\((?:left|right|centre|center|second (?:left|right))\)"
)
_COMPILED = {kind: tuple(re.compile(p) for p in pats) for kind, pats in KINDS.items()}


def kinds_of(text: str) -> list[str]:
    """The residue kinds whose patterns match ``text``."""
    return [kind for kind, pats in _COMPILED.items() if any(p.search(text) for p in pats)]


def _is_caption(statement: dict[str, Any]) -> bool:
    cites = statement.get("citations") or []
    return bool(cites) and all(str(c["field"]).startswith("caption") for c in cites)


def check(dossiers: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, list[tuple[str, str]]]]:
    """Counts per dossier field and per kind, and the flagged items."""
    counts: Counter[str] = Counter()
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    shown_as_caption: Counter[str] = Counter()
    cites_a_caption: Counter[str] = Counter()  # some citations captions, not all
    caption_wording: Counter[str] = Counter()
    examples: dict[str, list[tuple[str, str]]] = defaultdict(list)

    def judge(field: str, text: str, where: str, caption: bool = False) -> None:
        found = kinds_of(text)
        if caption:
            found = [k for k in found if k not in CAPTION_KINDS]
        if not found:
            return
        counts[field] += 1
        for kind in found:
            by_kind[field][kind] += 1
            examples[kind].append((f"{field} {where}", text))

    def shown(field: str, statement: dict[str, Any]) -> bool:
        """Whether the statement is shown as a caption; counts caption
        citations and caption wording in the others."""
        cap = _is_caption(statement)
        shown_as_caption[field] += cap
        if not cap:
            fields = [str(c["field"]) for c in statement.get("citations") or []]
            cites_a_caption[field] += any(f.startswith("caption") for f in fields)
            if CAPTION_WORDING.search(statement["text"]):
                caption_wording[field] += 1
                examples["caption wording"].append((f"{field} {_where(statement)}", statement["text"]))
        return cap

    totals: Counter[str] = Counter()
    for d in dossiers:
        for g in d["groups"]:
            totals["claim groups"] += 1
            judge("claim groups", g["text"], _where(g), shown("claim groups", g))
        for s in d["summary"]:
            totals["summary lines"] += 1
            judge("summary lines", s["text"], _where(s), shown("summary lines", s))
        for t in d["timeline"]:
            totals["timeline entries"] += 1
            judge("timeline entries", t["statement"]["text"], _where(t["statement"]),
                  shown("timeline entries", t["statement"]))
        for speaker in d["quotes"]:
            for q in speaker["quotes"]:
                totals["quotes"] += 1
                judge("quotes", f"{speaker['speaker']}: {q['text']}", q["citation"]["article_id"],
                      str(q["citation"]["field"]).startswith("caption"))
        for rows in d["entities"].values():
            for e in rows:
                totals["entities"] += 1
                judge("entities", " | ".join([e["name"], *e["variants"]]), e["entity_id"])
    figures = {
        "dossiers": len(dossiers),
        "residue": {f: counts[f] for f in ("claim groups", "summary lines", "timeline entries", "quotes",
                                           "entities")},
        "totals": dict(totals),
        "residue_by_kind": {f: dict(c.most_common()) for f, c in by_kind.items()},
        "shown_as_caption": dict(shown_as_caption),
        "cites_a_caption_among_others": dict(cites_a_caption),
        "caption_wording_not_shown_as_caption": dict(caption_wording),
    }
    return figures, examples


def _where(statement: dict[str, Any]) -> str:
    return " ".join(f"{c['article_id']}:{c['field']}:{c['start']}-{c['end']}" for c in statement["citations"][:3])


def sample(corpus: str, n: int, seed: int) -> int:
    """Print every removal of n articles of the corpus drawn with ``seed``."""
    from newsprism.clean import clean
    from newsprism.ingest import read
    from newsprism.inputs import iter_inputs
    from newsprism.records import RawDocument
    from newsprism.settings import Settings

    settings = Settings()
    articles = []
    for item in iter_inputs([corpus], settings):
        if isinstance(item, RawDocument) or not hasattr(item, "data"):
            continue
        for doc in read(item, settings):
            if isinstance(doc, RawDocument):
                articles.append(clean(doc, settings))
    articles.sort(key=lambda a: a.article_id)
    for a in random.Random(seed).sample(articles, min(n, len(articles))):
        print(f"== {a.article_id} {a.source} ({len(a.source_text)} chars, {len(a.removals)} removals)")
        for r in a.removals:
            print(f"  {r.reason:18} {r.start}-{r.end} {r.detail or ''}: {' '.join(r.text.split())}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--workdir", help="Keep the store and report here (default: a temporary folder).")
    ap.add_argument("--report", help="Check the JSON dossiers in this folder instead of running newsprism.")
    ap.add_argument("--show", type=int, default=0, help="Print up to N flagged items per kind.")
    ap.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    ap.add_argument("--sample", type=int, help="Print every removal of N articles drawn with --seed.")
    ap.add_argument("--seed", type=int, default=20261206)
    args = ap.parse_args()
    if args.sample:
        return sample(args.corpus, args.sample, args.seed)
    if args.report:
        report = Path(args.report)
    else:
        if not Path(args.corpus).exists():
            print(f"corpus not found: {args.corpus} (see ../shared/benchmarks/README.md)", file=sys.stderr)
            return 2
        work = Path(args.workdir or tempfile.mkdtemp(prefix="np-residue-"))
        work.mkdir(parents=True, exist_ok=True)
        db, report = work / "residue.db", work / "report"
        for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            p.unlink(missing_ok=True)
        exe = Path(sys.executable).with_name("newsprism")
        proc = subprocess.run([str(exe), "run", args.corpus, "--db", str(db), "--out", str(report), "-q"],
                              capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            print(proc.stderr, file=sys.stderr)
            return 1
    files = sorted(report.glob("*.json"))
    if not files:
        print(f"no JSON dossiers in {report}", file=sys.stderr)
        return 2
    dossiers = [json.loads(p.read_text("utf-8")) for p in files]
    dossiers = [d for d in dossiers if str(d.get("schema", "")).startswith("newsprism.dossier/")]
    figures, examples = check(dossiers)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"dossiers: {figures['dossiers']}")
        for field, n in figures["residue"].items():
            kinds = ", ".join(f"{k} {v}" for k, v in figures["residue_by_kind"].get(field, {}).items())
            print(f"{field:17} residue {n:5} of {figures['totals'].get(field, 0):6}" + (f"  ({kinds})" if kinds else ""))
        print("shown as captions (every citation a caption): "
              + ", ".join(f"{k} {v}" for k, v in figures["shown_as_caption"].items()))
        print("citing a caption among other citations: "
              + ", ".join(f"{k} {figures['cites_a_caption_among_others'].get(k, 0)}"
                          for k in figures["shown_as_caption"]))
        print("caption wording, not shown as a caption (read by hand): "
              + ", ".join(f"{k} {figures['caption_wording_not_shown_as_caption'].get(k, 0)}"
                          for k in figures["shown_as_caption"]))
    for kind, rows in examples.items():
        for where, text in rows[: args.show]:
            print(f"[{kind}] {where}: {' '.join(text.split())[:300]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
