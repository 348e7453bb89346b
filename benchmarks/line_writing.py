"""Independence of one line: do two members state it in one writer's words (``line_share``)?

Usage:
  .venv/bin/python benchmarks/line_writing.py cv --db STORE [--audits 1,2,3,4]
  .venv/bin/python benchmarks/line_writing.py headline --db STORE [--audits 1,2,3,4]
  .venv/bin/python benchmarks/line_writing.py order --db STORE [--audits dev,1,2,3,4,4b,6b]
  .venv/bin/python benchmarks/line_writing.py run --db STORE [--audits dev,1,2,3,4,4b,6b]
  .venv/bin/python benchmarks/line_writing.py writers --db STORE [--audits dev,1,2,3,4,4b,6b]
  .venv/bin/python benchmarks/line_writing.py frame --db STORE --audits dev,1,2,3,4,4b,6b,orun --ecb-db ECB
  .venv/bin/python benchmarks/line_writing.py copy --db STORE --audits dev,1,2,3,4,4b,6b,orun --ecb-db ECB
  .venv/bin/python benchmarks/line_writing.py marks --db STORE --audits dev,1,2,3,4,4b,6b,orun --ecb-db ECB
  .venv/bin/python benchmarks/line_writing.py named --db STORE --audits dev,1,2,3,4,4b,6b,orun --ecb-db ECB
  .venv/bin/python benchmarks/line_writing.py twins --db STORE --audits dev,1,2,3,4,4b,6b,orun --ecb-db ECB
  .venv/bin/python benchmarks/line_writing.py spelling --db STORE --audits dev,1,2,3,4,4b,6b,orun --ecb-db ECB
  .venv/bin/python benchmarks/line_writing.py retold --db STORE --audits dev,1,2,3,4,4b,6b,orun --ecb-db ECB \
      --ecb-audits 7,8,10,orun

STORE is a store built by ``newsprism run`` over ../shared/benchmarks/giveme5w1h_news_cluster/data, ECB one over
../shared/benchmarks/ecbplus_dev/docs. Labels: the
group and summary items of the audits named (``audit-labels.tsv`` is audit 1, ``audit-N-labels.tsv`` audit N,
``audit-dev-labels.tsv`` dev; never audit-5 or audit-6, the held-out draws; 6b was
read in the round of ``order``; ``line_share`` was chosen on 1-4 before
4b and dev were read), each item whose line and the citations labelled as stating it come from two
outlets or more: the labeller's count of independent outlets among them (``outlets``) says whether the line
stands on two independent origins (>= 2) or one. For each item the script counts the line's origins with
``copies.line_origins`` at the shipped origin settings (copies, wire credits, outlet credits, a shared run of
``origin_run`` words, rewritten articles) plus the sentence test of ``line_share`` (two members whose sentences
share at least that fraction of the shorter one's distinct runs of ``line_share_run`` words outside quotation
marks, each holding a word written in lower case that is not a stop word, leaving out runs the articles of
three origins of the story or more hold, and at least ``line_share_min`` such runs in two separate passages or
more, are one origin). Leaving one story out, each fold chooses (run, share, min) by F0.5 of "two origins or more"
over the other stories' items (ties: the setting that joins fewer members, the test off first); it prints each
fold's choice, the pooled held-out figures, the spread of held-out accuracy per story, and every setting over all
items (in-sample). ``headline`` keeps the line test at its shipped setting and chooses ``line_headline`` (two
headlines sharing that fraction of the shorter one's pairs of adjacent content words are one origin) the same way;
``order`` keeps both at their shipped settings and chooses (``line_order``, ``line_order_min``): two members whose
content words in lower case outside quotation marks align in order over that fraction of the shorter one's, and
that many words or more, are one origin. ``run`` keeps every sentence test at its shipped setting and chooses
``origin_run`` (two members whose sentences share one run of that many words outside quotation marks are one origin;
0: off, the first setting); ``writers`` keeps every test at its shipped setting and tries the interview credit to
a writer of another outlet's article of the story (``copies.writer_credits``: "told Dowd") or to an outlet named
before by a noun (``copies.noun_credits``: "told the magazine") off and on. ``frame`` keeps every test at its
shipped setting and chooses (``line_frame``, ``line_frame_min``): two members whose longest run of words in common
outside quotation marks holds that many words in lower case (not stop words) and that fraction of the shorter
one's are one origin (the writing around a quotation carried over). ``copy`` keeps every test at its shipped
setting and chooses ``rewrite_copy``: two articles whose shorter text shares that fraction of its runs of
``rewrite_run`` words outside quotation marks are one origin (a short wire text run twice). ``marks`` and
``named`` keep every other test at its shipped setting and choose ``line_twin_marks`` (the frame test reading
``"...''`` as a closed quotation) and ``line_named`` (members naming one outlet beside an outlet noun are one
origin), off or on; ``twins`` keeps every other test at its shipped setting and chooses ``origin_twin_marks``
(every origin test, not the frame test alone, and the article-level rewrite test reading ``"...''`` as a closed
quotation), off or on; ``spelling`` chooses ``origin_spelling`` the same way (every origin test reading British
spellings as their American twins, ``lexicon.american_spelling``). ``retold`` keeps every other test at its shipped
setting and chooses (``line_retold``, ``line_retold_min``): two members whose words outside quotation marks (every
word, ``copies.retold_words``) align in order over that fraction of the shorter sentence's words, and that many
words or more, are one origin (one sentence retold with a word or two changed). With ``--ecb-db``
the ECB+ labels (audits 7, 8 and 10 and ECB+'s items of ``origin-run-labels.tsv``; audit-8 read from the round
of ``origin_twin_marks``, audit-10 from the round of ``line_retold``) join the folds: one
story of either corpus is held out at a time, and the held-out figures are printed per corpus too.
Outlet credits name the story's outlets and every outlet of the shipped table, as ``claims.align`` does.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _audit_items import stating_items
from _loso import f_half, leave_one_story_out

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
FILES = {"1": "audit-labels.tsv", "2": "audit-2-labels.tsv", "3": "audit-3-labels.tsv", "4": "audit-4-labels.tsv",
         "4b": "audit-4b-labels.tsv", "dev": "audit-dev-labels.tsv", "6b": "audit-6b-labels.tsv",
         "orun": "origin-run-labels.tsv"}
#: The ECB+ label sets (``--ecb-db``): audits 7 and 8 and ECB+'s items of the origin_run labels.
ECB_FILES = {"7": "audit-7-labels.tsv", "8": "audit-8-labels.tsv", "10": "audit-10-labels.tsv",
             "orun": "origin-run-labels.tsv"}
COPIES = (0.0, 0.1, 0.15, 0.2, 0.3, 0.5)
FRAMES = (0.0, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0)
FRAME_MINS = (2, 3, 4, 5)
RUNS = (3, 4, 5)
HEADLINES = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0)
ORDERS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
ORDER_MINS = (3, 4, 5, 6, 8)
ORIGIN_RUNS = (0, 5, 6, 7, 8, 9, 10, 12, 15)
RETOLDS = (0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 1.0)
RETOLD_MINS = (5, 6, 8, 10, 12)
QUOTED_REPORT = True  # the sentence test reads a quoted report credited to an outlet (copies.line_origins)
SHARES = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)
MINS = (1, 2, 3)
OFF = (0, 0.0, 0)


def _items(prism: Any, audits: list[str], corpus: str = "news_cluster") -> list[dict[str, Any]]:
    out = []
    for n in audits:
        for r, stating in stating_items(DATA / (ECB_FILES if corpus == "ecbplus" else FILES)[n]):
            if r.get("corpus", corpus) != corpus:
                continue
            outlets = {(prism.article(sp.split(":")[0]).outlet or sp.split(":")[0]).casefold() for sp in stating}
            if len(outlets) < 2:
                continue
            out.append({"audit": n, "item": r["item"], "spans": stating, "label": int(r["outlets"]) >= 2,
                        "corpus": corpus})
    return out


def _claim(prism: Any, span: str, cache: dict[str, Any]) -> Any:
    from newsprism.records import Claim

    parts = span.split(":")
    aid, field, rng = parts[0], ":".join(parts[1:-1]), parts[-1]
    s, e = (int(x) for x in rng.split("-"))
    a = cache.setdefault(aid, prism.article(aid))
    text = a.text if field == "body" else a.title if field == "title" else a.captions[int(field.split(":")[1])].text
    return Claim(span, aid, field, s, e, text[s:e], None, None, None, (), (), (), (), (), False)


def _quoted(claim: Any, quotes: dict[str, Any]) -> Any:
    """The claim with the kind of the first quotation of its article overlapping it, as ``claims.extract``
    gives it (``quote``: direct, indirect or None)."""
    import dataclasses

    for q in quotes.get(claim.article_id, ()):
        if q.field == claim.field and q.start < claim.end and claim.start < q.end:
            return dataclasses.replace(claim, quote=q.kind, attribution=q.speaker)
    return claim


def cv(sources: list[tuple[Any, str, list[str]]], mode: str = "cv") -> None:
    """``sources``: (an open store, its corpus, the label sets read from it) per corpus."""
    from newsprism.copies import (
        _content_runs,
        as_read,
        independent_sources,
        line_origins,
        noun_credits,
        outlet_credits,
        rewrites,
        story_writers,
        writer_credits,
    )
    from newsprism.outlets import known_outlets
    from newsprism.settings import AlignSettings

    s = AlignSettings()
    settings: list[Any] = [OFF] + [(k, t, m) for k in RUNS for t in SHARES for m in MINS]
    if mode == "headline":  # the line test at its shipped setting, the headline test chosen
        settings = [(s.line_share_run, s.line_share, s.line_share_min, h) for h in HEADLINES]
    if mode == "order":  # the line and headline tests at their shipped settings, the order test chosen
        base = (s.line_share_run, s.line_share, s.line_share_min, s.line_headline)
        settings = [(*base, 0.0, 0)] + [(*base, o, m) for o in ORDERS for m in ORDER_MINS]
    base = (s.line_share_run, s.line_share, s.line_share_min, s.line_headline, s.line_order, s.line_order_min)
    if mode == "run":  # every sentence test at its shipped setting, origin_run chosen
        settings = [(*base, r, True, said) for said in (True, False) for r in ORIGIN_RUNS]
    if mode == "writers":  # every test at its shipped setting, interviews credited to a writer's outlet or not
        settings = [(*base, s.origin_run, False), (*base, s.origin_run, True)]
    if mode == "frame":  # every other test shipped; line_frame and line_frame_min chosen
        settings = [(*base, s.origin_run, True, True, s.rewrite_copy, 0.0, 0)]
        settings += [(*base, s.origin_run, True, True, s.rewrite_copy, f, fm) for f in FRAMES[1:] for fm in FRAME_MINS]
    if mode == "copy":  # every other test shipped; rewrite_copy chosen
        settings = [(*base, s.origin_run, True, True, c, s.line_frame, s.line_frame_min) for c in COPIES]
    if mode == "marks":  # every other test shipped; the frame test reading "...'' as a quotation or not
        settings = [(*base, s.origin_run, True, True, s.rewrite_copy, s.line_frame, s.line_frame_min, t)
                    for t in (False, True)]
    if mode == "named":  # every other test shipped; one origin for members naming one outlet or not
        settings = [(*base, s.origin_run, True, True, s.rewrite_copy, s.line_frame, s.line_frame_min,
                     s.line_twin_marks, n) for n in (False, True)]
    if mode == "twins":  # every other test shipped; every origin test reading "...'' as a quotation or not
        settings = [(*base, s.origin_run, True, True, s.rewrite_copy, s.line_frame, s.line_frame_min,
                     s.line_twin_marks, s.line_named, t) for t in (False, True)]
    if mode == "spelling":  # every other test shipped; British spellings read as American or not
        settings = [(*base, s.origin_run, True, True, s.rewrite_copy, s.line_frame, s.line_frame_min,
                     s.line_twin_marks, s.line_named, s.origin_twin_marks, sp) for sp in (False, True)]
    if mode == "retold":  # every other test shipped; line_retold and line_retold_min chosen
        shipped = (*base, s.origin_run, True, True, s.rewrite_copy, s.line_frame, s.line_frame_min,
                   s.line_twin_marks, s.line_named, s.origin_twin_marks, s.origin_spelling)
        settings = [(*shipped, 0.0, 0)] + [(*shipped, r, m) for r in RETOLDS for m in RETOLD_MINS]
    reads = [(t, s.origin_spelling) for t in ((False, True) if mode == "twins" else (s.origin_twin_marks,))]
    if mode == "spelling":
        reads = [(s.origin_twin_marks, sp) for sp in (False, True)]
    items: list[dict[str, Any]] = []
    for prism, corpus, audits in sources:
        found = _items(prism, audits, corpus)
        items += found
        story_of = {aid: st.story_id for st in prism.stories() for aid in st.article_ids}
        cache: dict[str, Any] = {}
        per_story: dict[str, Any] = {}
        for it in found:
            sid = story_of[it["spans"][0].split(":")[0]]
            it["story"] = f"{corpus}:{sid}"
            if sid not in per_story:
                job = prism.story_job(sid)
                arts = [a for a in job.articles if "empty" not in a.flags]
                outlets = {a.article_id: a.outlet for a in job.articles}
                names = {a.outlet for a in job.articles if a.outlet} | set(known_outlets())
                credits = tuple(cr for a in job.articles for cr in outlet_credits(a, names, s.credit_paragraphs))
                origin = {aid: o.key for o in independent_sources([a.article_id for a in arts], job.copies, outlets)
                          for aid in o.article_ids}
                joined = {(c, *rd): rewrites(arts, s.rewrite_run, s.rewrite_runs, credits, s.rewrite_credits, copied=c,
                                             twin_marks=rd[0], spelling=rd[1])
                          for c in (COPIES if mode == "copy" else (s.rewrite_copy,)) for rd in reads}
                holders = {}
                for rd in reads:
                    for k in (1, *RUNS):
                        h: dict[tuple[str, ...], set[str]] = {}
                        for a in arts:
                            for r in _content_runs(as_read(a.text, *rd), k):
                                h.setdefault(r, set()).add(origin.get(a.article_id, a.article_id))
                        holders[(k, *rd)] = h
                    one = holders[(1, *rd)]
                    holders[(s.line_share_run, *rd)] = {**holders[(s.line_share_run, *rd)], **one}  # the order test
                writers = story_writers(job.articles)
                told = tuple(cr for a in job.articles for cr in (*writer_credits(a, writers), *noun_credits(a, names)))
                quotes = {a.article_id: an.quotes for a, an in zip(job.articles, job.analyses, strict=True)}
                per_story[sid] = (job.copies, outlets, credits, joined, holders, told, quotes)
            copies, outlets, credits, joined, holders, told, quotes = per_story[sid]
            claims = [_quoted(_claim(prism, sp, cache), quotes) for sp in it["spans"]]
            it["pred"] = {}
            for st in settings:
                k, t, m, h, o, om = (*st, 0.0, 0.0, 0)[:6]
                run = st[6] if len(st) > 6 else s.origin_run
                with_told = credits + told if (st[7] if len(st) > 7 else True) else credits
                said = st[8] if len(st) > 8 else True
                copy, frame, frame_min = st[9:12] if len(st) > 9 else (s.rewrite_copy, s.line_frame, s.line_frame_min)
                twin = st[12] if len(st) > 12 else s.line_twin_marks
                named = st[13] if len(st) > 13 else s.line_named
                every = st[14] if len(st) > 14 else s.origin_twin_marks
                spelling = st[15] if len(st) > 15 else s.origin_spelling
                retold, retold_min = st[16:18] if len(st) > 16 else (s.line_retold, s.line_retold_min)
                origins = line_origins(claims, copies, outlets, with_told, run, joined[(copy, every, spelling)],
                                       said_runs=said, share_run=k, share=t, share_min=m,
                                       holders=holders.get((k, every, spelling)), headline=h,
                                       order=o, order_min=om, quoted_report=QUOTED_REPORT, frame=frame,
                                       frame_min=frame_min, twin_marks=twin,
                                       named=named, twin_marks_all=every, spelling=spelling, retold=retold,
                                       retold_min=retold_min)
                it["pred"][st] = len(origins) >= 2
    stories = sorted({it["story"] for it in items})
    print(f"{len(items)} items ({sum(it['label'] for it in items)} labelled two origins or more), "
          f"{len(stories)} stories, " + "; ".join(f"{corpus} {','.join(audits)}" for _, corpus, audits in sources))

    off = settings[0]

    def joins(st: Any) -> int:
        return sum(not it["pred"][st] for it in items)

    folds = leave_one_story_out(items, settings, lambda _train, st: (-joins(st), st == off, st))
    chosen, accs = folds.chosen, folds.accuracies
    for st, n in chosen.most_common():
        print(f"  chosen {st} (run, share, min[, headline[, order, order_min[, origin_run, ...]]]; first: off) in {n} "
              f"of {len(stories)} folds")
    tp, fp, fn, acc = folds.counts()
    print(f"held out: accuracy {acc:.3f}, precision of 'two origins or more' {tp / max(1, tp + fp):.3f} "
          f"({tp} of {tp + fp}), recall {tp / max(1, tp + fn):.3f}; per story accuracy median "
          f"{statistics.median(accs):.3f} (range {min(accs):.3f}-{max(accs):.3f})")
    held = iter(folds.held)
    by_corpus: dict[str, list[tuple[bool, bool]]] = {}
    for sid in stories:  # leave_one_story_out holds the stories out in this order
        for it in items:
            if it["story"] == sid:
                by_corpus.setdefault(it["corpus"], []).append(next(held))
    for corpus, pairs in by_corpus.items():
        tp = sum(k and lab for k, lab in pairs)
        fp = sum(k and not lab for k, lab in pairs)
        fn = sum(lab and not k for k, lab in pairs)
        print(f"  held out, {corpus}: precision {tp / max(1, tp + fp):.3f} ({tp} of {tp + fp}), "
              f"recall {tp / max(1, tp + fn):.3f} ({len(pairs)} items)")
    for corpus in by_corpus:
        f, p, r, a = f_half([it for it in items if it["corpus"] == corpus], off)
        print(f"  test off, {corpus}: P {p:.3f}, R {r:.3f}")
    f, p, r, a = f_half(items, off)
    print(f"test off, all items: F0.5 {f:.3f}, P {p:.3f}, R {r:.3f}, accuracy {a:.3f}")
    print("every setting over all items (in-sample), best 15 by F0.5:")
    for st in sorted(settings, key=lambda st: -f_half(items, st)[0])[:15]:
        f, p, r, a = f_half(items, st)
        print(f"  {st}: F0.5 {f:.3f}, P {p:.3f}, R {r:.3f}, accuracy {a:.3f}, one origin {joins(st)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cmd", choices=("cv", "headline", "order", "run", "writers", "frame", "copy", "marks", "named", "retold",
                                    "twins", "spelling"))
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--audits", default="1,2,3,4",
                    help="which audits' labels (dev, 1-4, 4b, 6b, orun; never 5, 6: held out): comma-separated")
    ap.add_argument("--ecb-db", type=Path, help="a store built over ECB+ (ecbplus_dev/docs): its labels too")
    ap.add_argument("--ecb-audits", default="7,8,orun", help="which ECB+ labels (7, 8, 10, orun): comma-separated")
    args = ap.parse_args()
    from newsprism import Prism

    with Prism(db=args.db) as prism:
        sources = [(prism, "news_cluster", [a for a in args.audits.split(",") if a])]
        if args.ecb_db is None:
            cv(sources, args.cmd)
            return
        with Prism(db=args.ecb_db) as ecb:
            cv([*sources, (ecb, "ecbplus", [a for a in args.ecb_audits.split(",") if a])], args.cmd)


if __name__ == "__main__":
    main()
