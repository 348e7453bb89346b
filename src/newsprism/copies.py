"""Copies: which articles are the same report republished or rewritten.

MinHash signatures over word shingles of the cleaned body give candidate
pairs through LSH banding (datasketch's bands and rows, computed for the whole
batch with numpy), and a sampled-shingle index adds the pairs of a short text
inside a long one, which Jaccard LSH misses; every candidate is then verified
on the exact shingle sets, so the indexes only decide what is compared, never
what is linked. A verified pair is ``identical``, a ``copy`` (the same text with small
edits: a wire story republished) or a ``rewrite`` (much of one text inside the
other, with material added or cut). Linked articles form copy groups; each
group's likely origin is an article crediting a wire agency, else the earliest
published.

:func:`independent_sources` is the one place that counts sources: a copy group
counts once, articles crediting one wire agency count once. :func:`line_origins`
counts them for one line (the members of a claim group): there an article that
credits another outlet for what it reports (:func:`outlet_credits`: "told
Newsweek", "according to CNN") is that outlet's report, and two members sharing a
run of words outside quotation marks are one report (a wire copy not found as a
copy, a close rewrite); the same words inside quotation marks are a statement
given to several outlets and count for each.

Pure functions over records: no I/O, no clock, no module-level state.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache

import numpy as np

from .lexicon import BROADCAST_STATION, REPORT_CREDITS, STOP_WORDS, dateline_agency
from .lexicon import WIRES as WIRES
from .outlets import printed_names
from .records import Article, ArticlePair, Claim, OutletCredit, WireCredit
from .records import Copies as Copies  # re-exported: its old home
from .records import CopyGroup as CopyGroup  # re-exported: its old home
from .records import CopyLink as CopyLink  # re-exported: its old home
from .records import Origin as Origin  # re-exported: its old home
from .settings import CopySettings as CopySettings  # re-exported: its old home

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

_TOKEN = re.compile(r"\w+", re.U)

KINDS = ("identical", "copy", "rewrite")


# ------------------------------------------------------------------ public


def find_copies(articles: Iterable[Article] | Callable[[], Iterable[Article]],
                settings: CopySettings | None = None) -> Copies:
    """Find copies and rewrites among ``articles``.

    Articles flagged ``empty`` (and bodies shorter than one shingle) never
    join. Deterministic: the result depends only on the articles, not on
    their order. ``articles`` may be a function that gives the same articles
    in the same order each time it is called: they are then read twice
    (signatures, then the candidates' texts) and never held all at once, so
    that a batch larger than memory can be given as a stream. A sequence is
    read twice as it is; any other iterable is made a list first.
    """
    s = settings or CopySettings()
    if callable(articles):
        read = articles
    else:
        given = articles if isinstance(articles, Sequence) else list(articles)

        def read() -> Iterable[Article]:
            return given
    b, r = _lsh_bands(s.lsh_threshold, s.num_perm)
    perms = _permutations(s.num_perm, s.seed)
    mod = np.uint64(s.sample_mod or 1)
    token_cache: dict[str, int] = {}
    # compact state, per article read (skipping ``empty`` ones): its id, stream position, origin
    # key's parts, and for a text with shingles the b * r MinHash values its bands read and its
    # sampled shingles; the full shingle sets are made again, in a second read, for the candidates
    ids: list[str] = []
    at = array("q")  # stream position
    pubs = array("d")  # published timestamp (inf: none)
    ranks = array("b")  # _origin_key's first part: 0 the wire itself, 1 crediting a wire, 2 neither
    shingled = array("b")  # 1: the text has shingles
    wires: dict[str, str] = {}
    blocks: list[np.ndarray] = []  # MinHash values, one row per article, _BLOCK rows a block
    sampled = array("Q")
    sampled_of = array("i")  # for each sampled shingle, its article (index into ``ids``)
    for pos, a in enumerate(read()):
        if "empty" in a.flags:
            continue
        k = len(ids)
        if w := wire_credit(a):
            wires[a.article_id] = w
        key = _origin_key(a, wires)
        ids.append(a.article_id)
        at.append(pos)
        pubs.append(key[2])
        ranks.append(key[0])
        if k % _BLOCK == 0:
            blocks.append(np.zeros((_BLOCK, b * r), dtype=np.uint32))
        sh = _shingles(a.text, s.shingle, token_cache)
        shingled.append(1 if sh.size else 0)
        if sh.size:
            blocks[-1][k % _BLOCK] = _minhash(sh, perms)[: b * r]
            if s.sample_mod:
                mine = sh[sh % mod == 0]
                sampled.frombytes(mine.tobytes())
                sampled_of.extend([k] * len(mine))
    del token_cache
    # rows: the articles with shingles sorted by id (the order of rows and of ties, as ever)
    row_art = np.array([k for k in sorted(range(len(ids)), key=ids.__getitem__) if shingled[k]],
                       dtype=np.int64)  # row -> index in ids
    del shingled
    n = len(row_art)
    found = [_band_candidates(blocks, s, rows=row_art)] if n else []
    del blocks
    if s.sample_mod and n:
        row_of = np.full(len(ids), -1, dtype=np.int32)
        row_of[row_art] = np.arange(n, dtype=np.int32)
        h = np.frombuffer(sampled, dtype=np.uint64) if len(sampled) else np.empty(0, np.uint64)
        text = row_of[np.frombuffer(sampled_of, dtype=np.int32)] if len(sampled_of) else np.empty(0, np.int32)
        del row_of
        found.append(_sampled_candidates(h, text, n, s))
        del h, text
    del sampled, sampled_of
    pairs = np.unique(np.concatenate(found)) if found else np.empty(0, dtype=np.int64)
    del found
    later, earlier = np.divmod(pairs, np.int64(max(n, 1)))
    del pairs
    links = _verify_read(read, ids, np.frombuffer(at, dtype=np.int64) if len(at) else np.empty(0, np.int64),
                         row_art, later, earlier, pubs, ranks, s)
    links.sort(key=lambda x: (x.source, x.target))
    inside = {x for link in links for x in (link.source, link.target)}
    meta = {aid: (ranks[i], pubs[i]) for i, aid in enumerate(ids) if aid in inside}
    groups = _groups(links, meta, wires)
    return Copies(tuple(links), groups, tuple(WireCredit(aid, w) for aid, w in sorted(wires.items())))


#: rows of MinHash values per block (the values are never one array grown and copied)
_BLOCK = 1024
#: words whose hashes are remembered at most (the memory is dropped when full: same hashes, bounded memory)
_TOKEN_CACHE = 1 << 12
_NONE = float("inf")  # the published time of an undated article


def _verify_read(read: Callable[[], Iterable[Article]], ids: Sequence[str], at: np.ndarray, row_art: np.ndarray,
                 later: np.ndarray, earlier: np.ndarray, pubs: Sequence[float], ranks: Sequence[int],
                 s: CopySettings) -> list[CopyLink]:
    """Verify the candidate pairs (rows ``later``, ``earlier``) in a second read of the articles:
    a pair once both its texts are read, each candidate's shingles held from its reading until
    its last pair is verified."""
    links: list[CopyLink] = []
    if not len(later):
        return links
    pos = at[row_art]  # row -> stream position
    due = np.maximum(pos[later], pos[earlier])  # a pair is verified once its later text is read
    order = np.argsort(due, kind="stable")
    due_sorted = due[order].tolist()
    last = np.full(len(row_art), -1, dtype=np.int64)
    np.maximum.at(last, np.concatenate([later, earlier]), np.concatenate([due, due]))
    cand = np.flatnonzero(last >= 0)
    need = dict(zip(pos[cand].tolist(), cand.tolist(), strict=True))  # stream position -> its row
    drop: dict[int, list[int]] = {}
    for c, p in zip(cand.tolist(), last[cand].tolist(), strict=True):
        drop.setdefault(p, []).append(c)

    def key(row: int) -> tuple[int, int, float, str]:
        i = int(row_art[row])
        return (ranks[i], 0 if pubs[i] != _NONE else 1, pubs[i], ids[i])

    held: dict[int, np.ndarray] = {}
    cache: dict[str, int] = {}
    j, total = 0, len(due_sorted)
    for p, a in enumerate(read()):
        row = need.get(p)
        if row is None:
            continue
        if a.article_id != ids[int(row_art[row])]:
            raise ValueError(f"find_copies: the articles read the second time differ from the first "
                             f"(at {p}: {a.article_id}, not {ids[int(row_art[row])]})")
        held[row] = _shingles(a.text, s.shingle, cache)
        while j < total and due_sorted[j] == p:
            q = int(order[j])
            k, e = int(later[q]), int(earlier[q])
            if link := _link(key(e), held[e], key(k), held[k], s):
                links.append(link)
            j += 1
        for x in drop.pop(p, ()):
            del held[x]
        if j >= total:
            break
    if j < total:
        raise ValueError("find_copies: the articles read the second time differ from the first")
    return links


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
    part = _Partition()
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
        for m in matches:
            printed = _bare(m.group("outlet"))
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
    out.sort(key=lambda c: (c.field, c.start, c.key))
    return tuple(dict.fromkeys(out))


def rewrites(articles: Sequence[Article], run: int, shared: int, credits: Sequence[OutletCredit] = (),
             credited: int = 0, share_run: int = 0, share: float = 0.0,
             origins: Mapping[str, str] | None = None, share_min: int = 0) -> tuple[ArticlePair, ...]:
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
    least ``credited`` times (``credits``: see :func:`outlet_credits`). 0 turns a
    test off. Quotations do not count: a statement quoted by each outlet is no
    shared writing."""
    count = Counter((c.article_id, c.key) for c in credits)
    runs = {a.article_id: _unquoted_runs(a.text, run) for a in articles} if shared > 0 and run > 0 else {}
    content = ({a.article_id: _content_runs(a.text, share_run) for a in articles}
               if share > 0 and share_run > 0 else {})
    holders = run_holders(articles, share_run, origins) if content else {}  # run -> the origins holding it
    out = []
    for i, a in enumerate(articles):
        for b in articles[i + 1:]:
            if (a.outlet or a.article_id).casefold() == (b.outlet or b.article_id).casefold():
                continue
            if ((runs and len(runs[a.article_id] & runs[b.article_id]) >= shared)
                    or (content and _share(content[a.article_id], content[b.article_id], holders, share_min)
                        >= share)
                    or (credited > 0 and max(
                        count[(a.article_id, _credited_key(b.outlet))] if b.outlet else 0,
                        count[(b.article_id, _credited_key(a.outlet))] if a.outlet else 0) >= credited)):
                out.append(ArticlePair(a.article_id, b.article_id))
    return tuple(out)


def run_holders(articles: Iterable[Article], run: int,
                origins: Mapping[str, str] | None = None) -> dict[tuple[str, ...], set[str]]:
    """Each distinct run of ``run`` words outside quotation marks (holding a word
    other than a stop word or a number) of the articles' texts, and the origins
    whose articles hold it (``origins``: article id -> its origin key, see
    :func:`independent_sources`; an article is its own origin when absent)."""
    out: dict[tuple[str, ...], set[str]] = {}
    for a in articles:
        for r in _content_runs(a.text, run):
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
                 share_min: int = 1, holders: Mapping[tuple[str, ...], set[str]] | None = None) -> list[Origin]:
    """The independent origins among the members of one line (the claims of a
    group, one per article): :func:`independent_sources` of their articles,
    then one origin for a member and the outlet a credit covering it names
    (see :func:`outlet_credits`), and one for two members whose texts share a
    run of ``run`` words outside quotation marks (0: not checked), and for two
    members of articles ``joined`` names as a pair (see :func:`rewrites`), and for
    two members whose sentences share at least the fraction ``share`` of the
    shorter one's distinct runs of ``share_run`` words outside quotation marks
    (each holding a word written in lower case other than a stop word: names
    are no one's writing; runs that
    ``holders``, run -> the origins of the story whose articles hold it, gives
    three origins or more left out: names and stock phrases of the story), and
    at least ``share_min`` of them, in two separate passages or more (0: not
    checked; one writer's sentence reworded, a press release rewritten by two
    outlets: two independent writers may share one phrase); and a line
    never counts more origins than outlets (with ``outlets``): when it would,
    each outlet's members are one origin. Each origin
    keeps the key of one of its articles' own origins (the credited outlet's
    when it is a member), so it is one of the story's columns."""
    article_ids = tuple(dict.fromkeys(c.article_id for c in claims))
    base = independent_sources(article_ids, copies, outlets)
    key_of = {aid: o.key for o in base for aid in o.article_ids}
    part = _Partition()
    find, union = part.find, part.union

    credited: set[str] = set()
    for c in claims:
        for cr in credits:
            if (cr.article_id == c.article_id and cr.cover in ("*", c.field)
                    and c.start < cr.cover_end and cr.cover_start < c.end):
                union(key_of[c.article_id], cr.key)
                credited.add(cr.key)
    if run > 0:
        runs = [(c, _unquoted_runs(c.text, run)) for c in claims]
        for i, (a, ra) in enumerate(runs):
            for b, rb in runs[i + 1:]:
                if a.article_id != b.article_id and ra & rb:
                    union(key_of[a.article_id], key_of[b.article_id])
    if share > 0 and share_run > 0:
        content = [(c, _writing_runs(c.text, share_run)) for c in claims]
        for i, (a, ra) in enumerate(content):
            for b, rb in content[i + 1:]:
                if a.article_id != b.article_id and _passages(ra, rb, holders, share_min) >= 2 and _share(
                        ra, rb, holders, share_min) >= share:
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


def _unquoted_runs(text: str, n: int, lower: bool = True) -> frozenset[tuple[str, ...]]:
    """Every run of ``n`` words (lower-cased, in order; as written with ``lower``
    false) of the parts of a text outside quotation marks: a quotation closed
    here but opened in an earlier sentence counts from the text's start, one
    left open runs to its end."""
    parts = _QUOTED.split(text)
    if (m := _CLOSING.search(parts[0])) and not _OPENING.search(parts[0][:m.start()]):
        parts[0] = parts[0][m.end():]
    if m := _OPENING.search(parts[-1]):
        parts[-1] = parts[-1][:m.start()]
    out: set[tuple[str, ...]] = set()
    for part in parts:
        words = _TOKEN.findall(part.lower() if lower else part)
        out.update(tuple(words[k:k + n]) for k in range(len(words) - n + 1))
    return frozenset(out)


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


@lru_cache(maxsize=64)
def _credit_patterns(names: tuple[str, ...]) -> tuple[dict[str, str], tuple[re.Pattern[str], ...]]:
    """(printed name -> credited name, compiled REPORT_CREDITS) for these outlet names and the wires."""
    surfaces = _credit_surfaces(names)
    alternatives = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(surfaces, key=lambda x: (-len(x), x)))
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


# ------------------------------------------------------------------ shingles and signatures

_SHIFT = np.uint64(32)
_MIX = np.uint64(0x9E3779B97F4A7C15)


def _shingles(text: str, k: int, cache: dict[str, int]) -> np.ndarray:
    """Sorted unique 64-bit hashes of the k-word shingles of ``text``."""
    words = _TOKEN.findall(text.lower())
    if len(words) < k:
        return np.empty(0, dtype=np.uint64)
    found = list(map(cache.get, words))
    hashes = [x if x is not None else _token_hash(words[i], cache) for i, x in enumerate(found)]
    ids = np.array(hashes, dtype=np.uint64)
    n = len(words) - k + 1
    h = ids[:n].copy()
    with np.errstate(over="ignore"):
        for j in range(1, k):
            h = h * _MIX + ids[j:j + n]
    return np.unique(h)


def _token_hash(word: str, cache: dict[str, int]) -> int:
    b = word.encode("utf-8")
    h = (zlib.crc32(b) << 32) | zlib.adler32(b)
    if len(cache) >= _TOKEN_CACHE:
        cache.clear()
    cache[word] = h
    return h


@lru_cache(maxsize=16)
def _lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) of the LSH index: datasketch's choice for the threshold and permutations
    (it weighs false positives and false negatives equally). Imported here: datasketch brings scipy."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return int(lsh.b), int(lsh.r)


def _groups_of_equal(keys: np.ndarray, cap: int | None = None) -> np.ndarray:
    """Pair codes ``i * n + j`` (i < j) of the rows whose keys are equal; groups over ``cap`` skipped."""
    n = np.int64(keys.size)
    order = np.argsort(keys, kind="stable")  # equal keys keep their rows in ascending order
    k = keys[order]
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    sizes = np.diff(np.r_[starts, k.size])
    two = starts[sizes == 2]
    codes = [order[two].astype(np.int64) * n + order[two + 1]]
    big = (sizes > 2) if cap is None else (sizes > 2) & (sizes <= cap)
    for st, size in zip(starts[big].tolist(), sizes[big].tolist(), strict=True):
        g = order[st:st + size].astype(np.int64)
        i, j = np.triu_indices(size, 1)
        codes.append(g[i] * n + g[j])
    return np.concatenate(codes)


def _pairs(codes: list[np.ndarray], n: int, min_count: int = 1) -> np.ndarray:
    """The pairs (codes ``earlier * n + later``) seen at least ``min_count`` times, as sorted
    codes ``later * n + earlier`` (one int64 a pair: no Python set per text)."""
    if not codes:
        return np.empty(0, dtype=np.int64)
    pairs, counts = np.unique(np.concatenate(codes), return_counts=True)
    earlier, later = np.divmod(pairs[counts >= min_count], np.int64(n))
    out: np.ndarray = np.sort(later * np.int64(n) + earlier)
    return out


def _band_candidates(signatures: np.ndarray | Sequence[np.ndarray], s: CopySettings,
                     rows: np.ndarray | None = None) -> np.ndarray:
    """MinHash LSH in one batch: texts whose signatures agree on all ``r`` rows of at least one of
    the ``b`` bands are candidates (the banding of datasketch's ``MinHashLSH``, with its ``b`` and
    ``r``; each band's rows are mixed into one 64-bit key and the keys sorted, band by band).
    ``signatures`` is one array, or blocks of rows read as one; with ``rows``, the texts are
    those rows of it, in that order. The pairs come as sorted codes ``later * n + earlier``
    (:func:`_pairs`), in the texts' order."""
    b, r = _lsh_bands(s.lsh_threshold, s.num_perm)
    mix = _permutations(r, s.seed + 1)[0]  # odd 64-bit multipliers
    blocks = [signatures] if isinstance(signatures, np.ndarray) else signatures
    seen = np.empty(0, dtype=np.int64)  # the pairs of the bands so far, each once
    n = 0
    with np.errstate(over="ignore"):
        for band in range(b):
            keys = np.concatenate([(x[:, band * r:(band + 1) * r] * mix).sum(axis=1, dtype=np.uint64)
                                   for x in blocks])
            if rows is not None:
                keys = keys[rows]
            n = keys.size
            seen = np.union1d(seen, _groups_of_equal(keys))
    return _pairs([seen], n)


def _sampled_candidates(h: np.ndarray, text: np.ndarray, n: int, s: CopySettings) -> np.ndarray:
    """Pairs of texts sharing at least ``s.sample_hits`` sampled shingles (hash 0 mod
    ``s.sample_mod``), as sorted codes ``later * n + earlier``: the candidates of a short text
    inside a long one, which Jaccard LSH misses. Sampled shingles found in more than
    ``s.sample_cap`` texts (boilerplate) do not count. ``h`` are the sampled shingles of the
    ``n`` texts, ``text`` the text of each (a text's shingles unique, in any order). A sort
    of the samples, range of hash values by range (equal hashes fall in one range), each
    range's pairs counted before the next: no loop over texts, and never every pair code of
    every shared shingle at once."""
    if not n or not h.size:
        return np.empty(0, dtype=np.int64)
    big = np.int64(n)
    part = (h >> np.uint64(64 - _SAMPLE_RANGES_BITS)).astype(np.int64)
    pairs: list[np.ndarray] = []
    counts: list[np.ndarray] = []
    for k in range(1 << _SAMPLE_RANGES_BITS):
        sel = np.flatnonzero(part == k)
        if sel.size < 2:
            continue
        hk, tk = h[sel], text[sel].astype(np.int64)
        # rows of equal sampled hashes (of two texts: a text's shingles are unique), as earlier * n + later
        first, second = np.divmod(_groups_of_equal(hk, s.sample_cap), np.int64(hk.size))
        a, b = tk[first], tk[second]
        found, seen = np.unique(np.minimum(a, b) * big + np.maximum(a, b), return_counts=True)
        pairs.append(found)
        counts.append(seen)
    if not pairs:
        return np.empty(0, dtype=np.int64)
    every, where = np.unique(np.concatenate(pairs), return_inverse=True)
    total = np.zeros(every.size, dtype=np.int64)
    np.add.at(total, where, np.concatenate(counts))
    earlier, later = np.divmod(every[total >= s.sample_hits], big)
    out: np.ndarray = np.sort(later * big + earlier)
    return out


#: the sampled shingles are paired in 2**this ranges of hash value, one at a time
_SAMPLE_RANGES_BITS = 3


def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    gen = np.random.default_rng(seed)
    a = gen.integers(1, 2**63, size=num_perm, dtype=np.uint64) | np.uint64(1)  # odd multipliers
    b = gen.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    return a, b


def _minhash(shingles: np.ndarray, perms: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Batched MinHash: ``num_perm`` multiply-shift hashes of every shingle
    (the top 32 bits of ``a * x + b`` mod 2**64), minimum per hash."""
    a, b = perms
    with np.errstate(over="ignore"):
        phv = (shingles[np.newaxis, :] * a[:, np.newaxis] + b[:, np.newaxis]) >> _SHIFT
    out: np.ndarray = phv.min(axis=1)
    return out


# ------------------------------------------------------------------ verification and groups


class _Partition:
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



def _verify(
    a: Article, sa: np.ndarray, b: Article, sb: np.ndarray, wires: dict[str, str], s: CopySettings
) -> CopyLink | None:
    """The link between two articles, given their shingles, or None."""
    return _link(_origin_key(a, wires), sa, _origin_key(b, wires), sb, s)


def _link(ka: tuple[int, int, float, str], sa: np.ndarray, kb: tuple[int, int, float, str], sb: np.ndarray,
          s: CopySettings) -> CopyLink | None:
    """The link between two texts (their origin keys and shingles), or None."""
    shared = int(np.intersect1d(sa, sb, assume_unique=True).size)
    if shared < s.min_shared:
        return None
    shorter = min(sa.size, sb.size)
    containment = shared / shorter
    if containment < s.min_containment:
        return None
    jaccard = shared / (sa.size + sb.size - shared)
    if jaccard >= s.identical_jaccard:
        kind = "identical"
    elif jaccard >= s.copy_jaccard:
        kind = "copy"
    else:
        kind = "rewrite"
    first, second = sorted((ka, kb))
    return CopyLink(first[3], second[3], kind, round(jaccard, 4), round(containment, 4), shared)


def _origin_key(a: Article, wires: Mapping[str, str]) -> tuple[int, int, float, str]:
    """Sort key: the wire itself first (its outlet is the credited agency),
    then articles crediting a wire, then dated before undated, earliest, id."""
    pub = a.published.timestamp() if a.published else _NONE
    wire = wires.get(a.article_id)
    rank = 2 if wire is None else 0 if (a.outlet or "").casefold() == wire.casefold() else 1
    return (rank, 0 if a.published else 1, pub, a.article_id)


def _groups(links: list[CopyLink], meta: Mapping[str, tuple[int, float]],
            wires: Mapping[str, str]) -> tuple[CopyGroup, ...]:
    """Copy groups of the linked articles; ``meta``: article id -> (origin rank, published timestamp)."""
    part = _Partition()
    find = part.find
    for link in links:
        part.union(link.source, link.target)
    members: dict[str, list[str]] = {}
    for aid in sorted({x for link in links for x in (link.source, link.target)}):
        members.setdefault(find(aid), []).append(aid)

    def key(aid: str) -> tuple[int, int, float, str]:
        rank, pub = meta[aid]
        return (rank, 0 if pub != _NONE else 1, pub, aid)

    out = []
    for ids in members.values():
        arts = sorted(ids, key=key)
        origin = arts[0]
        wire = wires.get(origin)
        if wire:
            reason = f"credits {wire}"
        elif meta[origin][1] != _NONE:
            reason = "earliest published"
        else:
            reason = "no credit or date; first by id"
        rest = sorted(arts[1:], key=lambda x: (meta[x][1] == _NONE, meta[x][1] if meta[x][1] != _NONE else 0, x))
        gid = hashlib.sha256(min(ids).encode()).hexdigest()[:12]
        out.append(CopyGroup(gid, (origin, *rest), origin, wire, reason))
    out.sort(key=lambda g: g.group_id)
    return tuple(out)
