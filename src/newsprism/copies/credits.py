"""Credits and origins: a wire or an outlet credited by an article, rewrites and shared writing, and the
independent origins of a group of articles or of one line."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from ..lexicon import (
    BROADCAST_STATION,
    FIRST_PERSON,
    INTERVIEW_CREDITS,
    OUTLET_NOUNS,
    REPORT_CREDITS,
    STOP_WORDS,
    WIRES,
    american_spelling,
    dateline_agency,
)
from ..outlets import known_outlets, printed_names
from ..records import Article, ArticlePair, Claim, Copies, Origin, OutletCredit

# ------------------------------------------------------------------ rule tables

_WIRE_RES = tuple((name, re.compile("|".join(pats), re.M)) for name, pats in WIRES.items())
#: Characters at the start of the body searched for a dateline credit.
_DATELINE_CHARS = 160
#: Last-paragraph credit lines ("Reporting by ...; Editing by ..." is Reuters house style).
#: Removal reasons whose text can carry a wire credit.
_CREDIT_REMOVALS = frozenset({"credit", "copyright", "byline", "dateline"})
#: A removed line that credits a picture, not the text ("Image copyright AFP", "/AFP/Getty Images").
_PICTURE_CREDIT = re.compile(r"\b(image|images|photo|photos|photograph|picture|pictures|caption)\b", re.I)
_TAIL_RES = (("Reuters", re.compile(r"\b(?:Reporting|Writing) by\b.*\bEditing by\b", re.S)),)

TOKEN = re.compile(r"\w+", re.U)


class Partition:
    """Disjoint sets of string keys (union-find); a set's root is its smallest key."""

    __slots__ = ("_parent",)

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self._parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, x: str, y: str) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self._parent[max(rx, ry)] = min(rx, ry)

    def nodes(self) -> list[str]:
        """Every key seen, in the order first seen."""
        return list(self._parent)


def independent_sources(article_ids: Sequence[str], copies: Copies,
                        outlets: Mapping[str, str | None] | None = None) -> list[Origin]:
    """The independent origins of a set of articles.

    A copy group counts once; articles crediting the same wire agency count
    once (two outlets running one AP story are one source, AP and Reuters on
    one event are two); with ``outlets`` (article id -> outlet name), the
    articles of one outlet count once, its own reports and the wire stories it
    ran alike, and so does everything they are copies of (one outlet is one
    source: an outlet beside its own wire copy corroborates nothing). Sources
    joined so are one origin, however they chain: an origin holding an
    outlet's own report is named for that outlet (``outlet:...``), one made of
    wire copies only for the wire (``wire:...``). Every other article is its
    own source. Origins come in the order of their first article in
    ``article_ids``.
    """
    group_of = {aid: g for g in copies.groups for aid in g.article_ids}
    wire_of = {w.article_id: w.wire for w in copies.wires}
    outlets = outlets or {}
    part = Partition()
    find, union = part.find, part.union

    keys: dict[str, str] = {}
    wires: dict[str, str | None] = {}
    own: set[str] = set()  # outlet nodes with a report of their own (not a wire copy)
    for aid in article_ids:
        g = group_of.get(aid)
        wire = (g.wire if g else None) or wire_of.get(aid)
        wires[aid] = wire
        keys[aid] = f"wire:{wire}" if wire else f"group:{g.group_id}" if g else f"article:{aid}"
        find(keys[aid])
        if outlet := outlets.get(aid):
            node = f"outlet:{outlet.casefold()}"
            union(keys[aid], node)
            if not wire:
                own.add(node)
    named: dict[str, tuple[tuple[int, str], str]] = {}
    for node in part.nodes():
        root = find(node)
        rank = (0 if node in own else 1 if node.startswith("wire:") else 2, node)
        if node.startswith(("outlet:", "wire:")) and (root not in named or rank < named[root][0]):
            named[root] = (rank, node)
    found: dict[str, tuple[str, list[str], str | None]] = {}
    for aid in article_ids:
        root = find(keys[aid])
        key = named[root][1] if root in named else keys[aid]
        g = group_of.get(aid)
        if key not in found:
            found[key] = (g.origin if g else aid, [], wires[aid])
        found[key][1].append(aid)
    return [Origin(k, o, tuple(ids), w) for k, (o, ids, w) in found.items()]


def outlet_credits(article: Article, names: Iterable[str], paragraphs: int = 0) -> tuple[OutletCredit, ...]:
    """Where ``article`` credits another outlet for what it reports: a phrase of
    ``lexicon.REPORT_CREDITS`` naming one of ``names`` (the outlets of its story,
    as printed: see :func:`newsprism.outlets.printed_names`), a wire agency or a
    broadcast station outside the story (``lexicon.BROADCAST_STATION``).
    Its own outlet never counts. Each credit covers the sentence holding it
    (``paragraphs`` 0), its paragraph and the ``paragraphs - 1`` after it, or
    the whole article (``paragraphs`` -1): its ``cover`` span, field ``*``."""
    own = _credited_key(article.outlet) if article.outlet else None
    every = tuple(sorted({n for n in names if n}))
    names = tuple(n for n in every if _credited_key(n) != own)
    if not names:
        return ()
    surfaces = _credit_surfaces(names)
    body = article.text
    starts = [0]
    for par in article.paragraphs[:-1]:
        starts.append(starts[-1] + len(par) + 2)
    texts = (("title", article.title or ""), ("body", body))
    left_out = frozenset(_credit_surfaces(every)).difference(surfaces)
    found = _credit_matches(texts, _credit_patterns(every)[1], left_out)
    if found is None:  # a name left out here matched: this article's own patterns decide
        found = _credit_matches(texts, _credit_patterns(names)[1], frozenset())
        assert found is not None
    out: list[OutletCredit] = []
    for field, matches in found:
        text = body if field == "body" else article.title or ""
        for m in matches:
            printed = _bare(m.group("outlet"))
            if _inside_a_name(printed, text, m.start("outlet"), m.end("outlet")):
                continue
            # a broadcast station outside the story is named as printed ("local ABC7": ABC7)
            name = surfaces.get(printed) or re.sub(r"^local\s+", "", printed)
            key = _credited_key(name)
            if key == own:
                continue
            start, end = m.span()
            if paragraphs < 0:
                cover, c0, c1 = "*", 0, len(body) + len(article.title or "") + 1
            elif paragraphs == 0 or field == "title":
                cover, c0, c1 = field, start, end
            else:
                k = max(i for i, st in enumerate(starts) if st <= start)
                last = min(len(starts), k + paragraphs) - 1
                cover, c0, c1 = field, starts[k], starts[last] + len(article.paragraphs[last])
            out.append(OutletCredit(article.article_id, field, start, end, name, key, cover, c0, c1))
    return _in_text_order(out)


#: A byline entry that names one writer: two to four capitalised words ("Maureen Dowd", "Mary-Kate O'Neil").
_WRITER = re.compile(r"[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){1,3}")


def story_writers(articles: Iterable[Article]) -> dict[str, str]:
    """The writers of a story's articles, each name as printed -> the outlet of the article whose byline
    gives it: the full name and the surname (4 letters or more), a name two outlets' bylines give left out, and
    so is an outlet or a wire a byline names ("The Washington Post", "Associated Press")."""
    articles = list(articles)
    outlets = {_bare(p).casefold() for n in {*(a.outlet for a in articles if a.outlet), *known_outlets()}
               for p in printed_names(n)}
    found: dict[str, set[str]] = {}
    for a in articles:
        if not a.outlet:
            continue
        for entry in a.byline:
            for m in _WRITER.finditer(re.sub(r"^\s*[Bb][Yy]\s+", "", entry)):
                words = m.group().split()
                if words[0] == "The" or _bare(m.group()).casefold() in outlets or _credited_key(m.group()) != (
                        f"outlet:{m.group().casefold()}"):
                    continue  # an outlet or a wire the byline names, not a writer
                for name in {" ".join(words), *([words[-1]] if len(words[-1]) >= 4 else [])}:
                    found.setdefault(name, set()).add(a.outlet)
    return {name: next(iter(outs)) for name, outs in found.items() if len(outs) == 1}


def writer_credits(article: Article, writers: Mapping[str, str]) -> tuple[OutletCredit, ...]:
    """Where ``article`` credits an interview given to the writer of another outlet's article of its story
    ("Thurman told Dowd", "speaking to Jane Roe"): a credit to that writer's outlet (``writers``: see
    :func:`story_writers`), covering the sentence (the credit phrase) as :func:`outlet_credits` with
    ``paragraphs`` 0. A writer of the article's own outlet never counts. The name is matched as printed."""
    own = _credited_key(article.outlet) if article.outlet else None
    names = {n: o for n, o in writers.items() if _credited_key(o) != own}
    if not names:
        return ()
    alternatives = _alternation(names)
    who = rf"(?P<outlet>(?<![\w.])(?-i:{alternatives})(?![\w-]|\s+(?-i:[A-Z])))"
    out: list[OutletCredit] = []
    for field, text in (("title", article.title or ""), ("body", article.text)):
        for rx in (re.compile(p.replace("{outlet}", who), re.I) for p in INTERVIEW_CREDITS):
            for m in rx.finditer(text):
                outlet = names[" ".join(m.group("outlet").split())]
                start, end = m.span()
                out.append(OutletCredit(article.article_id, field, start, end, outlet, _credited_key(outlet),
                                        field, start, end))
    return _in_text_order(out)


#: Characters before "told the magazine" searched for the outlet it names.
_NOUN_REACH = 1000
_NOUNS = "|".join(n.replace(" ", r"\s+") for n in OUTLET_NOUNS)
_NOUN = rf"(?P<noun>(?-i:the\s+(?:{_NOUNS}))\b)"
_NOUN_CREDITS = tuple(re.compile(p.replace("{outlet}", _NOUN), re.I) for p in INTERVIEW_CREDITS)


@lru_cache(maxsize=64)
def _printed_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """Any of these outlet names or a wire as printed (:func:`_credit_surfaces`), "The" allowed before."""
    surfaces = _credit_surfaces(names)
    alternatives = _alternation(surfaces)
    return re.compile(rf"(?<![\w.])(?:[Tt]he\s+)?(?:{alternatives})(?![\w-])")


def noun_credits(article: Article, names: Iterable[str]) -> tuple[OutletCredit, ...]:
    """Where ``article`` credits an interview given to an outlet it names by a noun ("told the magazine",
    ``lexicon.OUTLET_NOUNS``): a credit to the last of ``names`` (as :func:`outlet_credits` reads them,
    wires included) the article printed in the ``_NOUN_REACH`` characters before it, in the same field
    (a wire only for "the agency", "the news agency"; any other outlet only for another noun); none
    when that is its own outlet or it printed none. Covers the sentence (the credit phrase), as
    :func:`outlet_credits` with ``paragraphs`` 0."""
    own = _credited_key(article.outlet) if article.outlet else None
    every = tuple(sorted({n for n in names if n}))
    surfaces, _ = _credit_patterns(every)
    if not surfaces:
        return ()
    printed = _printed_pattern(every)
    out: list[OutletCredit] = []
    for field, text in (("title", article.title or ""), ("body", article.text)):
        for rx in _NOUN_CREDITS:
            for m in rx.finditer(text):
                agency = m.group("noun").split()[-1].lower() == "agency"
                before = [x for x in printed.finditer(text, max(0, m.start() - _NOUN_REACH), m.start())
                          if not _inside_a_name(_bare(x.group()), text, x.start(), x.end())]
                if not before:
                    continue
                outlet = surfaces[_bare(before[-1].group())]
                key = _credited_key(outlet)
                if key == own or agency != key.startswith("wire:"):
                    continue  # its own outlet, or a wire called "the paper" (another paper, unnamed)
                start, end = m.span()
                out.append(OutletCredit(article.article_id, field, start, end, outlet, key, field, start, end))
    return _in_text_order(out)


def rewrites(articles: Sequence[Article], run: int, shared: int, credits: Sequence[OutletCredit] = (),
             credited: int = 0, share_run: int = 0, share: float = 0.0,
             origins: Mapping[str, str] | None = None, share_min: int = 0,
             copied: float = 0.0, twin_marks: bool = False, spelling: bool = False) -> tuple[ArticlePair, ...]:
    """Pairs of articles of two outlets of which one is written from the other:
    their texts share at least ``shared`` distinct runs of ``run`` words outside
    quotation marks (see :func:`line_origins`; a rewrite, or one text run by
    both, credited or not), or at least the fraction ``share`` of the shorter
    text's distinct runs of ``share_run`` words outside quotation marks that hold
    a word other than a stop word and that no article of a third origin of
    ``articles`` has (``origins``: article id -> its origin key, see
    :func:`independent_sources`; names and stock phrases of the story are every
    report's; :func:`shared_writing`: a rewrite reworded clause by clause keeps
    short runs), and at least ``share_min`` of them (two short texts on one
    event share their few names), or one credits the other's outlet at
    least ``credited`` times (``credits``: see :func:`outlet_credits`), or the
    shorter text shares at least the fraction ``copied`` of its distinct runs of
    ``run`` words outside quotation marks with the other (a wire text run twice
    with small edits, however short). 0 turns a test off. Quotations do not
    count: a statement quoted by each outlet is no shared writing. With
    ``twin_marks``, two straight single marks closing a quotation (``"...''``) close
    it (:func:`closed_twins`); with ``spelling``, British spellings are read as their
    American twins (``lexicon.american_spelling``)."""
    count = Counter((c.article_id, c.key) for c in credits)
    text = {a.article_id: as_read(a.text, twin_marks, spelling) for a in articles}
    runs = ({a.article_id: _unquoted_runs(text[a.article_id], run) for a in articles}
            if (shared > 0 or copied > 0) and run > 0 else {})
    content = ({a.article_id: _content_runs(text[a.article_id], share_run) for a in articles}
               if share > 0 and share_run > 0 else {})
    holders = run_holders(articles, share_run, origins, twin_marks, spelling) if content else {}  # run -> origins
    out = []
    for i, a in enumerate(articles):
        for b in articles[i + 1:]:
            if (a.outlet or a.article_id).casefold() == (b.outlet or b.article_id).casefold():
                continue
            ra, rb = (runs[a.article_id], runs[b.article_id]) if runs else (frozenset(), frozenset())
            if ((shared > 0 and len(ra & rb) >= shared)
                    or (copied > 0 and ra and rb and len(ra & rb) >= copied * min(len(ra), len(rb)))
                    or (content and _share(content[a.article_id], content[b.article_id], holders, share_min)
                        >= share)
                    or (credited > 0 and max(
                        count[(a.article_id, _credited_key(b.outlet))] if b.outlet else 0,
                        count[(b.article_id, _credited_key(a.outlet))] if a.outlet else 0) >= credited)):
                out.append(ArticlePair(a.article_id, b.article_id))
    return tuple(out)


def run_holders(articles: Iterable[Article], run: int,
                origins: Mapping[str, str] | None = None, twin_marks: bool = False,
                spelling: bool = False) -> dict[tuple[str, ...], set[str]]:
    """Each distinct run of ``run`` words outside quotation marks (holding a word
    other than a stop word or a number) of the articles' texts, and the origins
    whose articles hold it (``origins``: article id -> its origin key, see
    :func:`independent_sources`; an article is its own origin when absent); with
    ``twin_marks``, ``"...''`` is a closed quotation (:func:`closed_twins`); with ``spelling``,
    British spellings are read as American (``lexicon.american_spelling``)."""
    out: dict[tuple[str, ...], set[str]] = {}
    for a in articles:
        for r in _content_runs(as_read(a.text, twin_marks, spelling), run):
            out.setdefault(r, set()).add((origins or {}).get(a.article_id, a.article_id))
    return out


def shared_writing(a: str, b: str, run: int, others: Iterable[str] = ()) -> tuple[float, int]:
    """The share of the shorter text's distinct runs of ``run`` words outside
    quotation marks, each holding a word that is not a stop word
    (``lexicon.STOP_WORDS``) nor a number, that the other text also has and
    that none of ``others`` (the texts of third origins) has (0 when either has
    none), and how many runs that is."""
    ra, rb = _content_runs(a, run), _content_runs(b, run)
    common: set[tuple[str, ...]] = set()
    for text in others:
        common |= _content_runs(text, run) & ra & rb
    n = len((ra & rb) - common)
    return (n / min(len(ra), len(rb)) if ra and rb else 0.0), n


def _content_runs(text: str, n: int) -> frozenset[tuple[str, ...]]:
    return frozenset(r for r in _unquoted_runs(text, n) if any(w not in STOP_WORDS and not w.isdigit() for w in r))


def _passages(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]],
              holders: Mapping[tuple[str, ...], set[str]] | None = None, least: int = 0) -> int:
    """How many separate passages the runs both sets hold make (runs held by three origins or more
    left out, as :func:`_share`): runs that overlap in order ("a b c", "b c d" or "c d e") are one
    passage; 0 when fewer than ``least`` runs are shared."""
    both = [r for r in a & b if holders is None or len(holders.get(r, ())) <= 2]
    if len(both) < max(1, least):
        return 0
    heads = {r[:k] for r in both for k in range(1, len(r))}
    # a passage ends at each run that no shared run goes on from (overlapping it by one word or more)
    return sum(not any(r[j:] in heads for j in range(1, len(r))) for r in both)


def _share(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]],
           holders: Mapping[tuple[str, ...], set[str]] | None = None, least: int = 0) -> float:
    """The share of the smaller set that the other has, runs held by three origins or more left
    out; 0 when fewer than ``least`` are shared."""
    if not a or not b:
        return 0.0
    both = a & b
    if holders is not None:
        both = frozenset(r for r in both if len(holders.get(r, ())) <= 2)
    return len(both) / min(len(a), len(b)) if len(both) >= least else 0.0


def line_origins(claims: Sequence[Claim], copies: Copies, outlets: Mapping[str, str | None] | None = None,
                 credits: Sequence[OutletCredit] = (), run: int = 0,
                 joined: Sequence[ArticlePair] = (), *, share_run: int = 0, share: float = 0.0,
                 share_min: int = 1, holders: Mapping[tuple[str, ...], set[str]] | None = None,
                 headline: float = 0.0, order: float = 0.0, order_min: int = 0,
                 quoted_report: bool = True, said_runs: bool = True, frame: float = 0.0,
                 frame_min: int = 0, twin_marks: bool = False, named: bool = False,
                 twin_marks_all: bool = False, spelling: bool = False, retold: float = 0.0,
                 retold_min: int = 0) -> list[Origin]:
    """The independent origins among the members of one line (the claims of a
    group, one per article): :func:`independent_sources` of their articles,
    then one origin for a member and the outlet a credit covering it names
    (see :func:`outlet_credits`, :func:`writer_credits`), and one for two members whose texts share a
    run of ``run`` words outside quotation marks (0: not checked; with ``said_runs``, a run some member
    gives inside quotation marks is left out: a statement each outlet gives, its marks lost in one), and for two
    members of articles ``joined`` names as a pair (see :func:`rewrites`), and for
    two members whose sentences share at least the fraction ``share`` of the
    shorter one's distinct runs of ``share_run`` words outside quotation marks
    (each holding a word written in lower case other than a stop word: names
    are no one's writing; runs that
    ``holders``, run -> the origins of the story whose articles hold it, gives
    three origins or more left out: names and stock phrases of the story), and
    at least ``share_min`` of them, in two separate passages or more (0: not
    checked; one writer's sentence reworded, a press release rewritten by two
    outlets: two independent writers may share one phrase); and for two members that are
    headlines (field ``title``) whose pairs of adjacent content words (:func:`headline_pairs`:
    case and word endings aside, stop words left out) share at least the fraction ``headline``
    of the shorter one's, two pairs or more (0: not checked; a headline in Title Case has no
    word in lower case for the sentence test); and for two members whose content words written in
    lower case outside quotation marks align in order (:func:`aligned_words`: word endings aside;
    words that ``holders`` gives as held by three origins or more, keyed as one-word runs, left out:
    the story's own vocabulary) over at least the fraction ``order`` of the shorter one's,
    ``order_min`` words or more (0: not checked; a rewrite that swaps words but keeps the other's
    clause skeleton); with ``quoted_report``, the sentence test reads the words inside quotation
    marks of a member whose own sentence credits an outlet's report ("...," the agency reports; not
    "told X"): an outlet quoting another's report is that report's writing; and one origin
    for two members whose longest run of words outside quotation marks in common (:func:`shared_frame`)
    holds at least ``frame_min`` words written in lower case that are not stop words
    (:func:`writing_words`), and the fraction ``frame`` of the shorter one's such words outside
    quotation marks, and holds a run of ``share_run`` words that ``holders`` gives as held by two
    origins at most (0: not checked; the words a writer put around a quotation, or a sentence
    carried over with a word or two changed: "X said as she stepped off the lifeboat" under two
    names; a stock phrase of the story, "told a news conference", is no one's writing; a member
    that is a direct quotation, field ``quote``, with no quotation mark of its own is a quotation
    running on from an earlier sentence, and one whose words outside quotation marks hold a
    first-person pronoun (``lexicon.FIRST_PERSON``) someone's speech: none of its words count; with
    ``twin_marks``, two straight single marks closing a quotation opened by a double mark, ``"...''``, close
    it for this test: ``_TWIN_CLOSE``); with ``named``, one origin for two members that name the same
    outlet beside an outlet noun (:func:`named_outlets`: "the news agency X", "X magazine"), an outlet
    outside the story's table, and for a member naming so the outlet of another (its name as printed,
    letters only, a web address's ending aside: "The Hollywood Reporter", hollywoodreporter.com), a name one
    member gives after its noun counting in another that prints it capitalised without one; and a line
    never counts more origins than outlets (with ``outlets``): when it would,
    each outlet's members are one origin. With ``twin_marks_all``, every test reads ``"...''`` as a
    closed quotation (:func:`closed_twins`), not the frame test alone; with ``spelling``, every test reads
    British spellings as their American twins (``lexicon.american_spelling``: "criticised", "criticized").
    With ``retold``, one origin for two members whose words outside quotation marks (every word, names
    and small words too, :func:`retold_words`) align in order (:func:`aligned_words`) over at least the
    fraction ``retold`` of the shorter one's, ``retold_min`` words or more: one sentence retold with a word
    or two changed ("a rusted flare was recovered on the deck", "... was found on the deck"), whose
    words the story's other reports may hold too (a wire text run by many), so no run of it is the
    writer's own by the story's count; a member that is a direct quotation without a mark of its own, or
    whose words outside quotation marks hold a first-person pronoun, gives no words (someone's speech).
    Each origin
    keeps the key of one of its articles' own origins (the credited outlet's
    when it is a member), so it is one of the story's columns."""
    if twin_marks_all or spelling:
        claims = [dataclasses.replace(c, text=as_read(c.text, twin_marks_all, spelling)) for c in claims]
    article_ids = tuple(dict.fromkeys(c.article_id for c in claims))
    base = independent_sources(article_ids, copies, outlets)
    key_of = {aid: o.key for o in base for aid in o.article_ids}
    part = Partition()
    find, union = part.find, part.union

    credited: set[str] = set()
    reported: set[str] = set()  # members whose own sentence credits an outlet's report (not an interview)
    for c in claims:
        for cr in credits:
            if (cr.article_id == c.article_id and cr.cover in ("*", c.field)
                    and c.start < cr.cover_end and cr.cover_start < c.end):
                union(key_of[c.article_id], cr.key)
                credited.add(cr.key)
                if (quoted_report and c.start <= cr.start and cr.end <= c.end
                        and not _INTERVIEW.search(c.text[cr.start - c.start:cr.end - c.start])):
                    reported.add(c.claim_id)
    if run > 0 and len(claims) > 1:  # a line of one member has no pair to compare
        # a run some member gives inside quotation marks is a statement quoted, marks lost elsewhere
        said = frozenset().union(*(_quoted_runs(c.text, run) for c in claims)) if said_runs else frozenset()
        runs = [(c, _unquoted_runs(c.text, run) - said) for c in claims]
        for i, (a, ra) in enumerate(runs):
            for b, rb in runs[i + 1:]:
                if a.article_id != b.article_id and ra & rb:
                    union(key_of[a.article_id], key_of[b.article_id])
    if share > 0 and share_run > 0 and len(claims) > 1:
        content = [(c, _writing_runs(_QUOTE_MARKS.sub(" ", c.text) if c.claim_id in reported else c.text, share_run))
                   for c in claims]
        for i, (a, ra) in enumerate(content):
            for b, rb in content[i + 1:]:
                if a.article_id != b.article_id and _passages(ra, rb, holders, share_min) >= 2 and _share(
                        ra, rb, holders, share_min) >= share:
                    union(key_of[a.article_id], key_of[b.article_id])
    if headline > 0:
        heads = [(c, headline_pairs(c.text)) for c in claims if c.field == "title"]
        for i, (a, ha) in enumerate(heads):
            for b, hb in heads[i + 1:]:
                both = len(ha & hb)
                if a.article_id != b.article_id and both >= 2 and both >= headline * min(len(ha), len(hb)):
                    union(key_of[a.article_id], key_of[b.article_id])
    if frame > 0 and len(claims) > 1:
        marked = {c.claim_id: _TWIN_CLOSE.sub('"', c.text) if twin_marks else c.text for c in claims}
        said = frozenset().union(*(_quoted_runs(marked[c.claim_id], 1) for c in claims)) if said_runs else frozenset()
        # a direct quotation with no mark of its own runs on from an earlier sentence, a sentence in the
        # first person is someone's speech: no writer's words
        parts = [(c, [] if c.quote == "direct" and not _MARKS.search(c.text) else _unquoted_words(marked[c.claim_id]))
                 for c in claims]
        parts = [(c, [] if any(w in FIRST_PERSON for p in ws for w in p) else ws) for c, ws in parts]
        total = {c.claim_id: sum(writing_words(p) for p in ws) for c, ws in parts}
        for i, (a, pa) in enumerate(parts):
            for b, pb in parts[i + 1:]:
                if a.article_id == b.article_id or find(key_of[a.article_id]) == find(key_of[b.article_id]):
                    continue
                found = shared_frame(pa, pb)
                own = writing_words(found)
                shorter = min(total[a.claim_id], total[b.claim_id])
                words = tuple(w.lower() for w in found)
                if (own >= max(1, frame_min) and own >= frame * shorter
                        and _own_writing(words, share_run, holders) and not _quoted_in(words, list(marked.values()), said)):
                    union(key_of[a.article_id], key_of[b.article_id])
    if retold > 0 and len(claims) > 1:
        # a headline is no one's sentence (independent desks write near the same ones); a quotation without
        # a mark of its own, or words in the first person, are someone's speech
        told = {c.claim_id: retold_words(c.text) for c in claims if c.field != "title"
                and not (c.quote == "direct" and not _MARKS.search(c.text))}
        told = {k: v for k, v in told.items() if not v.first_person}
        for i, a in enumerate(claims):
            for b in claims[i + 1:]:
                ta, tb = told.get(a.claim_id), told.get(b.claim_id)
                if (ta is None or tb is None or a.article_id == b.article_id
                        or find(key_of[a.article_id]) == find(key_of[b.article_id])):
                    continue
                if _retold(ta, tb, retold, retold_min):
                    union(key_of[a.article_id], key_of[b.article_id])
    if named and len(claims) > 1:
        own_of = {aid: _letters(o) for aid, o in (outlets or {}).items() if o}
        beside = {c.claim_id: named_outlets(c.text) for c in claims}
        # a name one member gives after its noun ("the news agency X"), another may print bare
        line = set().union(*(named_outlets(c.text, before=False) for c in claims))
        names = {c.claim_id: (beside[c.claim_id] | (line & _capitalised(c.text))) - {own_of.get(c.article_id)}
                 for c in claims}
        for i, a in enumerate(claims):
            for b in claims[i + 1:]:
                if a.article_id != b.article_id and (names[a.claim_id] & names[b.claim_id]
                                                     or own_of.get(b.article_id) in names[a.claim_id]
                                                     or own_of.get(a.article_id) in names[b.claim_id]):
                    union(key_of[a.article_id], key_of[b.article_id])
    if order > 0 and len(claims) > 1:
        common = {w for (w, *rest), o in (holders or {}).items() if not rest and len(o) > 2}
        seqs = [(c, skeleton(c.text, common)) for c in claims]
        for i, (a, sa) in enumerate(seqs):
            for b, sb in seqs[i + 1:]:
                if a.article_id != b.article_id and sa and sb:
                    n = aligned_words(sa, sb)
                    if n >= max(1, order_min) and n >= order * min(len(sa), len(sb)):
                        union(key_of[a.article_id], key_of[b.article_id])
    members = set(article_ids)
    for x, y in joined:
        if x in members and y in members:
            union(key_of[x], key_of[y])
    # an outlet is one source however many articles it runs: a line no more origins than outlets
    # (an outlet's own report beside a wire story it ran, both stating the line, is one outlet)
    outlet_of = {aid: ((outlets or {}).get(aid) or f"article:{aid}").casefold() for aid in article_ids}
    if len({find(k) for k in key_of.values()}) > len(set(outlet_of.values())):
        first: dict[str, str] = {}
        for aid in article_ids:
            union(first.setdefault(outlet_of[aid], key_of[aid]), key_of[aid])
    by_root: dict[str, Origin] = {}
    for o in base:
        by_root.setdefault(find(o.key), o)
    for o in base:  # a credited outlet that is a member names the origin
        if o.key in credited:
            by_root[find(o.key)] = o
    merged: dict[str, list[str]] = {}
    for aid in article_ids:
        merged.setdefault(find(key_of[aid]), []).append(aid)
    return [Origin(by_root[r].key, by_root[r].article_id, tuple(ids), by_root[r].wire) for r, ids in merged.items()]


#: Quotations: double marks, curly single marks, guillemets, and straight single marks
#: opened before a word and closed after one ("'We are here,' she said"; an apostrophe
#: inside a word neither opens nor closes).
_QUOTED = re.compile(r'"[^"\n]*"|\u201c[^\u201d\n]*\u201d|\u2018.*?\u2019(?!\w)|\u00ab[^\u00bb\n]*\u00bb'
                     r"|(?<!\w)'(?=[\w\u201c\"]).*?(?<=[\w.,!?\u201d\"])'(?!\w)")
_OPENING = re.compile(r'\u201c|\u00ab|(?<!\w)"(?=\w)|(?<!\w)[\u2018\'](?=\w)')
_CLOSING = re.compile(r'\u201d|\u00bb|(?<=[\w.,!?])"|(?<=[.,!?])[\u2019\']')


#: Two straight single marks after a word or a comma closing a double mark ("We will,'' she said): a
#: typewriter style of closing quotation mark, read as a double mark by the frame test (``twin_marks``).
_TWIN_CLOSE = re.compile(r"(?<=[\w.,!?])''(?!\w)")


def closed_twins(text: str) -> str:
    """The text with each pair of straight single marks closing a quotation (``"We will,'' she said``: a
    typewriter style) written as a double mark and a space, so the quotation parser reads it closed and
    every offset into the text stays where it was."""
    return _TWIN_CLOSE.sub('" ', text)


def as_read(text: str, twin_marks: bool = False, spelling: bool = False) -> str:
    """A text as the origin tests read it: with ``twin_marks``, ``"...''`` closed (:func:`closed_twins`);
    with ``spelling``, British spellings as American (``lexicon.american_spelling``). Offsets keep."""
    if twin_marks:
        text = closed_twins(text)
    return american_spelling(text) if spelling else text


#: A name beside an outlet noun (``lexicon.OUTLET_NOUNS``; "agency" only as "news agency", as a government
#: agency is no outlet): the noun then the name ("the news agency, X,", "magazine The X": ``_NAMED_AFTER``) or
#: the name then the noun, no name after it ("X magazine"; not "Ruritanian magazine X", not an owner's "X's
#: website": ``_NAMED_BEFORE``). A name: one to four words each capitalised, on one line.
_CAP_WORD = r"[A-Z][\w'\u2019&.-]*"  # a capitalised word of a name ("O'Neill", "AT&T", "U.S.")
_NAME = rf"((?:The[^\S\n]+)?{_CAP_WORD}(?:[^\S\n]+{_CAP_WORD}){{0,3}})"
_NOUNS = "|".join(n.replace(" ", r"\s+") for n in OUTLET_NOUNS if n != "agency")
_NAMED_AFTER = re.compile(rf"\b(?:{_NOUNS}),?[^\S\n]+{_NAME}")
_NAMED_BEFORE = re.compile(rf"{_NAME}(?<!'s)(?<!\u2019s)[^\S\n]+(?:{_NOUNS})\b(?!,?[^\S\n]+[A-Z])")


def _letters(name: str) -> str:
    """An outlet's name as :func:`named_outlets` keys it: lower case, letters and digits only, no leading
    "the", no web address ending ("The Hollywood Reporter", "hollywoodreporter.com": hollywoodreporter)."""
    name = re.sub(r"\.(?:com|net|org|co\.uk|co|ca|com\.au|uk|us|au|in|ie|nz)$", "", name.strip().casefold())
    return re.sub(r"\W|_", "", re.sub(r"^the\s+", "", name))


def named_outlets(text: str, before: bool = True) -> set[str]:
    """The outlets a text names beside an outlet noun (``_NAMED_AFTER``; with ``before``, ``_NAMED_BEFORE``
    too), keyed by :func:`_letters` (three letters or more, not a stop word: "The newspaper", "This
    magazine" name none)."""
    found = {_letters(m.group(1)) for rx in (_NAMED_AFTER, *((_NAMED_BEFORE,) if before else ()))
             for m in rx.finditer(text)}
    return {k for k in found if len(k) >= 3 and k not in STOP_WORDS}


_CAPITALISED = re.compile(_CAP_WORD)


def _capitalised(text: str) -> set[str]:
    """Every run of one to four capitalised words of a text on one line (not its first word), keyed by
    :func:`_letters`."""
    out: set[str] = set()
    words = [(m.start(), m.end()) for m in _CAPITALISED.finditer(text) if m.start() > 0]
    for i in range(len(words)):
        for j in range(i, min(i + 4, len(words))):
            gap = text[words[j - 1][1]:words[j][0]] if j > i else " "
            if not gap.isspace() or "\n" in gap:
                break
            out.add(_letters(text[words[i][0]:words[j][1]]))
    return out


def _split_quotations(text: str) -> tuple[list[str], list[str]]:
    """The parts of a text outside quotation marks and its quoted passages (see ``_QUOTED``),
    marks included: a quotation closed here but opened in an earlier sentence runs from the
    text's start, one left open runs to its end."""
    parts = _QUOTED.split(text)
    quoted = _QUOTED.findall(text)
    if (m := _CLOSING.search(parts[0])) and not _OPENING.search(parts[0][:m.start()]):
        quoted.insert(0, parts[0][:m.end()])
        parts[0] = parts[0][m.end():]
    if m := _OPENING.search(parts[-1]):
        quoted.append(parts[-1][m.start():])
        parts[-1] = parts[-1][:m.start()]
    return parts, quoted


def quotations(text: str) -> list[str]:
    """The quoted passages of a text, marks included, as :func:`_unquoted_runs` reads them
    (:func:`_split_quotations`)."""
    return _split_quotations(text)[1]


def _unquoted_parts(text: str) -> list[str]:
    """The parts of a text outside quotation marks (:func:`_split_quotations`)."""
    return _split_quotations(text)[0]


def _quoted_runs(text: str, n: int) -> frozenset[tuple[str, ...]]:
    """Every run of ``n`` words (lower-cased, in order) inside the quoted passages of a text
    (:func:`_split_quotations`)."""
    out: set[tuple[str, ...]] = set()
    for part in _split_quotations(text)[1]:
        words = TOKEN.findall(part.lower())
        out.update(tuple(words[k:k + n]) for k in range(len(words) - n + 1))
    return frozenset(out)


def _unquoted_words(text: str) -> list[list[str]]:
    """The words (as written, in order) of each part of a text outside quotation marks."""
    return [w for part in _unquoted_parts(text) if (w := TOKEN.findall(part))]


def writing_words(words: Iterable[str]) -> int:
    """How many of these words are written in lower case and are not stop words (``lexicon.STOP_WORDS``):
    what a writer's own wording holds, names and small words aside."""
    return sum(w.islower() and w not in STOP_WORDS for w in words)


def shared_frame(a: Sequence[Sequence[str]], b: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """The longest run of words in common (case aside) to two texts' parts outside quotation marks (each a
    list of words: see ``_unquoted_words``), as ``a`` writes it, a run never crossing a quotation; the
    first found when two are as long."""
    best: tuple[str, ...] = ()
    for x0 in a:
        x = [w.lower() for w in x0]
        for y in ([w.lower() for w in y0] for y0 in b):
            prev = [0] * (len(y) + 1)
            for i, wx in enumerate(x):
                cur = [0] * (len(y) + 1)
                for j, wy in enumerate(y):
                    if wx == wy:
                        cur[j + 1] = prev[j] + 1
                        if cur[j + 1] > len(best):
                            best = tuple(x0[i + 1 - cur[j + 1]:i + 1])
                prev = cur
    return best


def _own_writing(words: Sequence[str], n: int, holders: Mapping[tuple[str, ...], set[str]] | None) -> bool:
    """Whether a run of words holds a run of ``n`` words (one holding a word other than a stop word or a
    number) that ``holders`` gives as held by two origins at most; any run of ``n`` words when ``holders``
    is None or ``n`` is 0, the whole run when it is shorter than ``n``."""
    if not holders or n <= 0:
        return True
    runs = [tuple(words[k:k + n]) for k in range(len(words) - n + 1)] or [tuple(words)]
    return any(len(holders.get(r, ())) <= 2 for r in runs if any(w not in STOP_WORDS and not w.isdigit() for w in r))


def _quoted_in(words: Sequence[str], texts: Sequence[str], said: frozenset[tuple[str, ...]]) -> bool:
    """Whether some member (``texts``: the members' texts) gives this run of words inside quotation marks
    (a statement quoted, its marks lost elsewhere): ``said`` holds every word a member quotes, checked first."""
    if not said or any((w,) not in said for w in words):
        return False
    n = len(words)
    return any(tuple(words) in _quoted_runs(t, n) for t in texts)


def _unquoted_runs(text: str, n: int, lower: bool = True) -> frozenset[tuple[str, ...]]:
    """Every run of ``n`` words (lower-cased, in order; as written with ``lower``
    false) of the parts of a text outside quotation marks: a quotation closed
    here but opened in an earlier sentence counts from the text's start, one
    left open runs to its end."""
    out: set[tuple[str, ...]] = set()
    for part in _unquoted_parts(text):
        words = TOKEN.findall(part.lower() if lower else part)
        out.update(tuple(words[k:k + n]) for k in range(len(words) - n + 1))
    return frozenset(out)


#: Any quotation mark, straight or curly, single or double.
_MARKS = re.compile('["\u201c\u201d\u00ab\u00bb]|(?<!\\w)[\'\u2018\u2019]|[\'\u2018\u2019](?!\\w)')
#: Quotation marks (double, curly, guillemets), as the sentence test drops them from a quoted report.
_QUOTE_MARKS = re.compile('["\u201c\u201d\u00ab\u00bb]')
#: A credit naming whom someone spoke to, not whose report a sentence gives.
_INTERVIEW = re.compile(r"\b(?:told|interview\w*|spoke|speaking)\b", re.I)

#: Letters of a word kept by :func:`headline_pairs` ("identify", "identified": "ident").
_STEM = 5


def headline_pairs(text: str) -> frozenset[tuple[str, str]]:
    """The pairs of adjacent words of a headline outside quotation marks, stop words
    (``lexicon.STOP_WORDS``) and numbers left out, each word lower-cased and cut to its first
    ``_STEM`` letters: "Astronauts Identify Unknown Microbes" and "Astronauts Have Identified
    Unknown Microbes" share all three."""
    out: set[tuple[str, str]] = set()
    parts = _QUOTED.split(text)
    for part in parts:
        words = [w[:_STEM] for w in TOKEN.findall(part.lower()) if w not in STOP_WORDS and not w.isdigit()]
        out.update(pairwise(words))
    return frozenset(out)


def skeleton(text: str, common: Iterable[str] = ()) -> tuple[str, ...]:
    """The content words of a text written in lower case outside quotation marks, in order, stop
    words (``lexicon.STOP_WORDS``) and ``common`` words left out, each cut to its first ``_STEM``
    letters: what a sentence says of its names, as :func:`aligned_words` compares it."""
    skip = STOP_WORDS | frozenset(common)
    out: list[str] = []
    for part in _unquoted_parts(text):
        out += [w[:_STEM] for w in TOKEN.findall(part) if w.islower() and w not in skip]
    return tuple(out)


def aligned_words(a: Sequence[str], b: Sequence[str]) -> int:
    """How many words of ``a`` and ``b`` align in order (the longest common subsequence): a
    sentence rewritten word for word with synonyms keeps the other's words around them in order."""
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


#: Contractions read as the words they stand for ("won't", "will not"; "isn't", "is not").
_WONT = re.compile(r"\b(w)on['\u2019]t\b", re.I)
_CANT = re.compile(r"\b(c)an['\u2019]t\b", re.I)
_NOT = re.compile(r"(?<=\w)n['\u2019]t\b", re.I)


class Retold(NamedTuple):
    """A sentence as the ``retold`` test of :func:`line_origins` reads it (:func:`retold_words`)."""

    words: tuple[str, ...]  # every word outside quotation marks, lower-cased, cut to its first _STEM letters
    content: tuple[str, ...]  # those that are not stop words or numbers
    writing: tuple[str, ...]  # those written in lower case: a writer's own words, not names
    length: int  # every word of the sentence, quoted words too
    first_person: bool  # a first-person pronoun outside quotation marks (lexicon.FIRST_PERSON): someone's speech


def retold_words(text: str) -> Retold:
    """The words of a sentence outside quotation marks, in order, lower-cased and cut to their first
    ``_STEM`` letters, a contraction read as its words ("won't": "will not"; "didn't": "did not"); its
    content words (no stop word, no number) and those of them written in lower case; how many words
    the whole sentence has, its quotations' included; and whether a first-person pronoun is written
    outside quotation marks."""
    text = _NOT.sub(" not", _CANT.sub(r"\1an not", _WONT.sub(r"\1ill not", text)))
    written = [w for part in _unquoted_parts(text) for w in TOKEN.findall(part)]
    words = tuple(w.lower()[:_STEM] for w in written)
    kept = [w for w in written if w.lower() not in STOP_WORDS and not w.isdigit()]
    return Retold(words, tuple(w.lower()[:_STEM] for w in kept), tuple(w[:_STEM] for w in kept if w.islower()),
                  len(TOKEN.findall(text)), any(w in FIRST_PERSON for w in written))


def _retold(a: Retold, b: Retold, share: float, least: int) -> bool:
    """Whether two sentences are one sentence retold: their words outside quotation marks align in order
    (:func:`aligned_words`) over at least ``share`` of the shorter sentence's words (quoted words count in
    its length, not in the alignment: the words around a quotation are an attribution), ``least`` words
    or more, their content words over ``share`` of the shorter one's, and two words written in lower
    case or more (a line of names, a menu path, is no one's writing)."""
    n = aligned_words(a.words, b.words)
    if n < max(1, least) or n < share * min(a.length, b.length):
        return False
    if aligned_words(a.content, b.content) < share * min(len(a.content), len(b.content)):
        return False
    return aligned_words(a.writing, b.writing) >= 2


def _writing_runs(text: str, n: int) -> frozenset[tuple[str, ...]]:
    """The runs of :func:`_content_runs` (lower-cased) that hold a word written in lower case that
    is not a stop word: a run of names and small words ("Kim and Shoigu") is no one's writing."""
    return frozenset(tuple(w.lower() for w in r) for r in _unquoted_runs(text, n, lower=False)
                     if any(w.islower() and w not in STOP_WORDS for w in r))


def _credited_key(name: str | None) -> str:
    """The origin key of a credited outlet: a wire agency's, else the outlet's."""
    text = name or ""
    for wire, rx in _WIRE_RES:
        if text == wire or (rx.search(text) and len(text) <= 30):
            return f"wire:{wire}"
    return f"outlet:{text.casefold()}"


#: A capitalised word just before or after a name ("Global Times", "Times Picayune").
_CAPITAL_BEFORE = re.compile(r"(?:^|[^\w.])[A-Z][\w'-]*\s+$")
_CAPITAL_AFTER = re.compile(r"^\s+[A-Z]")


def _inside_a_name(printed: str, text: str, start: int, end: int) -> bool:
    """A one-word name not in capitals ("Times", "Guardian") printed just after or just before a
    capitalised word is part of another name ("the Global Times said", "the Times Picayune")."""
    if " " in printed or printed.isupper():
        return False
    return bool(_CAPITAL_BEFORE.search(text[max(0, start - 40):start]) or _CAPITAL_AFTER.match(text[end:end + 3]))


def _bare(printed: str) -> str:
    """A printed name as :func:`_credit_surfaces` keys it: spaces collapsed, no leading "The"."""
    return re.sub(r"^[Tt]he\s+", "", " ".join(printed.split()))


@lru_cache(maxsize=256)
def _credit_surfaces(names: tuple[str, ...]) -> dict[str, str]:
    """Printed name -> credited name, for these outlet names and the wires (the first name printed so
    wins)."""
    surfaces: dict[str, str] = {}
    for name in (*names, *WIRES):
        for printed in printed_names(name):
            if bare := _bare(printed):
                surfaces.setdefault(bare, name)
    return surfaces


def _credit_matches(texts: Iterable[tuple[str, str]], patterns: Sequence[re.Pattern[str]],
                    left_out: frozenset[str]) -> list[tuple[str, list[re.Match[str]]]] | None:
    """Each text's matches of ``patterns``, or None when one names an outlet as printed in
    ``left_out``. The patterns of a story's every outlet stand in for an article's own (its outlet
    left out): the outlet names are alternatives of one group, so where no match takes one of the
    names left out, the search made every step the article's patterns make, and found the same
    matches."""
    out: list[tuple[str, list[re.Match[str]]]] = []
    for field, text in texts:
        matches = [m for rx in patterns for m in rx.finditer(text)]
        if left_out and any(_bare(m.group("outlet")) in left_out for m in matches):
            return None
        out.append((field, matches))
    return out


def _alternation(names: Iterable[str]) -> str:
    """A regex alternation of these names as printed, longest first, any run of spaces where a space is."""
    return "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(names, key=lambda x: (-len(x), x)))


def _in_text_order(credits: list[OutletCredit]) -> tuple[OutletCredit, ...]:
    """Credits in field and text order, each once."""
    return tuple(dict.fromkeys(sorted(credits, key=lambda c: (c.field, c.start, c.key))))


@lru_cache(maxsize=64)
def _credit_patterns(names: tuple[str, ...]) -> tuple[dict[str, str], tuple[re.Pattern[str], ...]]:
    """(printed name -> credited name, compiled REPORT_CREDITS) for these outlet names and the wires."""
    surfaces = _credit_surfaces(names)
    alternatives = _alternation(surfaces)
    outlet = rf"(?P<outlet>(?<![\w.])(?-i:(?:[Tt]he\s+)?(?:{alternatives})|{BROADCAST_STATION})(?![\w-]))"
    return surfaces, tuple(re.compile(p.replace("{outlet}", outlet), re.I) for p in REPORT_CREDITS)


def wire_credit(article: Article) -> str | None:
    """The wire agency an article credits, if any (credit line, byline,
    dateline or closing credit)."""
    places = [article.credit or "", " ".join(article.byline)]
    body = article.text
    places.append(body[:_DATELINE_CHARS])
    # a credit the cleaner removed (a copyright footer, a credit line) still credits
    places.extend(r.text for r in article.removals
                  if r.reason in _CREDIT_REMOVALS and len(r.text) < 300 and not _PICTURE_CREDIT.search(r.text))
    for text in places:
        for name, rx in _WIRE_RES:
            if text and rx.search(text):
                return name
    if wire := dateline_agency(body):
        return wire
    if article.paragraphs:
        last = article.paragraphs[-1]
        if len(last) < 300:
            for name, rx in _TAIL_RES:
                if rx.search(last):
                    return name
            for name, rx in _WIRE_RES:
                if rx.search(last) and len(last) < 120:
                    return name
    return None
