"""Claims: the statements of a story's articles, aligned across sources.

Each sentence of a body, each title and each caption is a :class:`Claim`
carrying its attribution, entities, quantities, times and negation. Claims
that state the same thing in different articles are grouped (lexical overlap
weighted by rarity within the story, plus shared entities); a title or a
caption may also join a group holding a sentence of its own article, which
is how a headline or a caption that disagrees with its own text is found.

A group's status counts **independent origins** among the members that state
its line (copies of one report, an outlet's report and the articles crediting
it, members sharing wording outside quotation marks count once, see
:func:`newsprism.copies.line_origins`) and compares the
normalised values its claims carry: numbers with units, dates, places,
designations and negation. Differences are either conflicts or "more
specific" (Tu-95MS is a Tu-95; an airfield lies in its city). The stage
shows evidence; it never decides who is right.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

import numpy as np

from .analyse.rules import REPORTING_VERBS
from .copies import independent_sources, line_origins, outlet_credits, rewrites, run_holders
from .gazetteer import geo
from .lexicon import (
    COUNT_OUTCOME_BREAKS,
    COUNT_OUTCOME_FILLERS,
    COUNT_OUTCOMES,
    PICTURE_DATE_AFTER,
    PICTURE_DATE_BEFORE,
    REMAINING_COUNT_AFTER,
    REMAINING_COUNT_WORDS,
    SMALL_NUMBER_WORDS,
    STOP_WORDS,
    strip_inflection,
)
from .records import Alignment as Alignment  # re-exported: its old home
from .records import (
    Analysis,
    Article,
    ArticlePair,
    Copies,
    Entity,
    Happening,
    Mention,
    Origin,
    OutletCredit,
    Quantity,
    TimeExpression,
)
from .records import Claim as Claim  # re-exported: its old home
from .records import ClaimGroup as ClaimGroup  # re-exported: its old home
from .records import Difference as Difference  # re-exported: its old home
from .settings import AlignSettings as AlignSettings  # re-exported: its old home

#: Statuses, strongest first: a group takes the first that applies.
STATUSES = ("conflicting", "more-specific", "corroborated", "single-source")

_WORD = re.compile(r"[A-Za-z][A-Za-z\-']+|\d[\d,.]*")
_NEGATION = re.compile(r"\b(not|no|never|none|neither|nor|cannot|denied|denies|deny|without)\b|n't\b", re.I)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LOCATIVE = re.compile(r"\b(in|at|near|inside|outside|to|from|into|of)\s+(the\s+)?$", re.I)
_SITE = re.compile(r"\b(in|at|near|inside|outside)\s+(the\s+)?$", re.I)
_SITE_AFTER = re.compile(r"\s+(trip|visit|summit|airfield)\b", re.I)
_FROM_DISTANCE = re.compile(r"(kilomet(er|re)s?|km|miles?|meters?|metres?)\s+(from|of|outside|north|south|east|west)\b",
                            re.I)


def extract(article: Article, analysis: Analysis,
            entities: Mapping[str, Entity] | None = None) -> tuple[Claim, ...]:
    """The claims of one article: its title, its body sentences, its captions."""
    spans: list[tuple[str, int, int, str]] = []
    if article.title:
        spans.append(("title", 0, len(article.title), article.title))
    body = article.text
    carry: int | None = None  # a fragment too short to stand alone ("VARNHOLM") opens the next sentence
    for s, e in analysis.sentences:
        if carry is not None and not body[carry:s].strip("\n ").count("\n"):
            s = carry
        carry = None
        if len(_WORD.findall(body[s:e])) < 4 and "\n" not in body[e:e + 2]:
            carry = s
            continue
        spans.append(("body", s, e, body[s:e]))
    for i, c in enumerate(article.captions):
        spans.append((f"caption:{i}", 0, len(c.text), c.text))
    out = []
    for field, s, e, text in spans:
        if len(_WORD.findall(text)) < 4:
            continue
        out.append(_claim(article.article_id, field, s, e, text, analysis, entities or {}))
    return tuple(out)


def _inside(field: str, s: int, e: int, r_field: str, rs: int, re_: int) -> bool:
    return field == r_field and s <= rs and re_ <= e


def _claim(article_id: str, field: str, s: int, e: int, text: str, analysis: Analysis,
           entities: Mapping[str, Entity]) -> Claim:
    mentions = [m for m in analysis.mentions if _inside(field, s, e, m.field, m.start, m.end)]
    ids: list[str] = []
    places: list[str] = []
    sites: list[str] = []
    equipment: list[str] = []
    for m in mentions:
        eid = m.entity_id
        if not eid:
            continue
        ids.append(eid)
        if m.stands_for:
            ids.append(m.stands_for)
        if m.label == "EQUIPMENT":
            equipment.append(eid)
        elif m.label in _PLACE_LABELS and not m.metonymic and _is_place(text, m, s):
            places.append(eid)
            if _is_site(text, m, s):
                sites.append(eid)
    attribution = entity = quote = None
    for q in analysis.quotes:
        overlaps = q.field == field and q.start < e and s < q.end
        if overlaps:
            attribution, entity, quote = q.speaker, q.speaker_entity_id, q.kind
            break
    return Claim(
        claim_id=f"{article_id}:{field}:{s}",
        article_id=article_id,
        field=field,
        start=s,
        end=e,
        text=text,
        attribution=attribution,
        attribution_entity=entity,
        quote=quote,
        entities=tuple(dict.fromkeys(ids)),
        places=tuple(dict.fromkeys(places)),
        equipment=tuple(dict.fromkeys(equipment)),
        quantities=tuple(q for q in analysis.quantities if _inside(field, s, e, q.field, q.start, q.end)),
        times=tuple(t for t in analysis.times if _inside(field, s, e, t.field, t.start, t.end)),
        negated=bool(_NEGATION.search(text)),
        sites=tuple(dict.fromkeys(sites)),
    )


def _is_site(text: str, m: Mention, offset: int) -> bool:
    """Where something happens: "in X", "at X", "X trip"; a facility only so."""
    before = text[: m.start - offset]
    after = text[m.end - offset:]
    return bool(_SITE.search(before)) or bool(_SITE_AFTER.match(after))


def _is_place(text: str, m: Mention, offset: int) -> bool:
    """A place mention used as where something is or happens (not "Moscow's
    weapons"): a facility always; a town or country after a locative word or
    before "trip", "visit"."""
    if m.label == "FAC":
        return True
    before = text[: m.start - offset]
    after = text[m.end - offset:]
    return bool(_LOCATIVE.search(before)) or bool(re.match(r"\s+(trip|visit|summit|airfield)\b", after))


# ---------------------------------------------------------------- alignment


def align(
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    entities: Sequence[Entity],
    copies: Copies,
    settings: AlignSettings | None = None,
    embed: Callable[[Sequence[Claim]], np.ndarray] | None = None,
) -> Alignment:
    """Extract the claims of a story's articles and group those that state
    the same thing; give each group its status.

    ``embed`` (optional) returns one unit vector per claim; with it, pairs of
    claims of different articles are decided by the vectors' cosine (among the
    pairs words and entities propose), without it by words and entities alone.
    """
    s = settings or AlignSettings()
    by_id = {e.entity_id: e for e in entities}
    by_article = {a.article_id: a for a in analyses}
    outlets = {a.article_id: a.outlet for a in articles}
    names = {a.outlet for a in articles if a.outlet}
    credits = tuple(cr for a in articles for cr in outlet_credits(a, names, s.credit_paragraphs))
    live = [a for a in articles if "empty" not in a.flags]
    article_origins = {aid: o.key for o in independent_sources([a.article_id for a in live], copies, outlets)
                       for aid in o.article_ids}
    rewritten = rewrites(live, s.rewrite_run, s.rewrite_runs, credits, s.rewrite_credits, s.rewrite_share_run,
                         s.rewrite_share, article_origins, s.rewrite_share_min)
    # runs of words the articles of each origin hold: the sentence test of line_origins leaves out
    # those of three origins or more (names and stock phrases of the story)
    holders = run_holders(live, s.line_share_run, article_origins) if s.line_share > 0 and s.line_share_run > 0 else {}
    claims: list[Claim] = []
    for art in articles:
        an = by_article.get(art.article_id)
        if an is not None and "empty" not in art.flags:
            claims.extend(extract(art, an, by_id))
    sim = _similarities(claims, by_id, s.entity_weight)
    n = len(claims)
    index: dict[str, int] = {}
    owner = np.array([index.setdefault(c.article_id, len(index)) for c in claims], dtype=int)
    same_article = owner[:, None] == owner[None, :]
    decide, floor = sim, s.threshold
    cosine: np.ndarray | None = None
    if embed is not None and n:
        vectors = embed(claims)
        cosine = np.asarray(vectors @ vectors.T, dtype=np.float64)
        # words and entities propose a pair, the sentence vectors decide
        decide = np.where(sim >= s.embedding_gate, cosine, 0.0)
        floor = s.embedding_threshold
        # a statement in the same words (a shared run of words: a quotation, a copied
        # clause) needs less of the vectors: "Shoigu also introduced Kim to the ..."
        ii, jj = np.nonzero(np.triu((decide >= s.wording_threshold) & (decide < floor) & ~same_article, k=1))
        runs: dict[int, frozenset[tuple[str, ...]]] = {}
        for i, j in zip(ii.tolist(), jj.tolist(), strict=True):
            for k in (i, j):
                if k not in runs:
                    runs[k] = _word_runs(claims[k].text, s.wording_run)
            if runs[i] & runs[j]:
                decide[i, j] = decide[j, i] = floor
    decide = np.where(same_article, -1.0, decide)  # one claim per article in a group
    members = sorted((sorted(m, key=lambda k: _order(claims[k])) for m in _complete_link(decide, floor)),
                     key=lambda m: _order(claims[m[0]]))
    groups = []
    for idx in members:
        rep = _medoid(idx, decide, claims)
        groups.append(_group([claims[k] for k in idx], sim[np.ix_(idx, idx)].tolist(), copies, by_id, s,
                             outlets, claims[rep].claim_id, credits, rewritten, holders))
    happenings: list[Happening] = []
    # without sentence vectors every group is a happening of its own
    parts = [[g] for g in range(len(members))] if cosine is None else _happenings(claims, members, cosine, by_id, s)
    for part in parts:
        part = sorted(part, key=lambda g: (-groups[g].sources, g))
        ids = tuple(dict.fromkeys(a for g in part for a in groups[g].article_ids))
        origins = tuple(o.key for o in independent_sources(ids, copies, outlets))
        hid = "h" + hashlib.sha256("|".join(groups[g].group_id for g in part).encode()).hexdigest()[:12]
        happenings.append(Happening(hid, tuple(groups[g].group_id for g in part), ids, origins))
        for g in part:
            groups[g] = replace(groups[g], happening=hid)
    happenings.sort(key=lambda h: (-h.sources, -len(h.group_ids), h.happening_id))
    groups.extend(_value_checks(claims, members, decide, sim, copies, by_id, s, outlets, credits, rewritten,
                                holders))
    groups.extend(_internal_checks(claims, sim, copies, by_id, s, outlets))
    groups.extend(_headline_checks(articles, by_article, claims, by_id, copies, outlets))
    groups.sort(key=lambda g: (-g.sources, STATUSES.index(g.status)))
    return Alignment(tuple(claims), tuple(groups), tuple(happenings))


def _arguments(c: Claim, by_id: Mapping[str, Entity]) -> frozenset[str]:
    """What a sentence says a happening involves: its canonical entities (a
    variant also as what it is a variant of: participants, places, equipment)
    and the days its resolved dates name."""
    days = {f"day:{t.value[:10]}" for t in c.times if t.status == "resolved" and t.granularity == "day" and t.value}
    return _expand(c.entities, by_id) | days


def _article_events(claims: Sequence[Claim], by_id: Mapping[str, Entity], s: AlignSettings) -> np.ndarray:
    """Which of the story's events each claim's article reports, as one label per
    claim: an article is mostly about one happening, so its claims take its
    article's. An article is the rarity-weighted vector of the words and canonical
    entities (``happening_entity_weight`` each) of its first
    ``happening_lead_claims`` claims (its title and lead); the average-link tree
    over their cosine is cut, from the top, where the two sides are less alike than
    ``happening_article_threshold``, or (both sides two articles or more) less than
    ``happening_article_ratio`` times the likeness within the looser side."""
    from scipy.cluster.hierarchy import linkage, to_tree

    index: dict[str, int] = {}
    owner = [index.setdefault(c.article_id, len(index)) for c in claims]
    n = len(index)
    if n < 2:
        return np.zeros(len(claims), dtype=int)
    docs: list[Counter[str]] = [Counter() for _ in range(n)]
    read: Counter[int] = Counter()
    for c, a in zip(claims, owner, strict=True):  # claims come in article order: title, body, captions
        read[a] += 1
        if 0 < s.happening_lead_claims < read[a]:
            continue
        docs[a].update(_tokens(c.text))
        docs[a].update("\0" + e for e in _expand(c.entities, by_id))
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    vocab: dict[str, int] = {}
    x = np.zeros((n, len(df)))
    for a, d in enumerate(docs):
        for t, tf in d.items():
            weight = s.happening_entity_weight if t.startswith("\0") else 1.0
            x[a, vocab.setdefault(t, len(vocab))] = weight * (1 + math.log(tf)) * math.log(1 + n / df[t])
    x /= np.maximum(np.linalg.norm(x, axis=1), 1e-12)[:, None]
    sim = x @ x.T
    dist = np.clip(1.0 - sim[np.triu_indices(n, k=1)], 0.0, None)
    label = np.zeros(n, dtype=int)

    def within(ix: list[int]) -> float:
        sub = sim[np.ix_(ix, ix)]
        return float((sub.sum() - np.trace(sub)) / (len(ix) * (len(ix) - 1)))

    todo = [to_tree(linkage(dist, method="average"))]
    events = 0
    while todo:
        node = todo.pop()
        if not node.is_leaf():
            a, b = node.get_left().pre_order(), node.get_right().pre_order()
            cross = float(sim[np.ix_(a, b)].mean())
            if cross < s.happening_article_threshold or (
                    len(a) > 1 and len(b) > 1 and cross < s.happening_article_ratio * min(within(a), within(b))):
                todo.extend((node.get_left(), node.get_right()))
                continue
        label[node.pre_order()] = events
        events += 1
    return label[owner]


def _happenings(claims: Sequence[Claim], members: Sequence[Sequence[int]], cosine: np.ndarray,
                by_id: Mapping[str, Entity], s: AlignSettings, events: np.ndarray | None = None) -> list[list[int]]:
    """Statement groups that report one happening, as lists of indices into
    ``members``: average link over the sentence vectors' cosine, starting from
    the groups (so every group lies inside one happening). Two parts merge when
    some claim of one and some claim of the other are linked (sharing a
    participant, place or date with cosine >= ``happening_argument_threshold``,
    or cosine >= ``happening_link_threshold`` alone; never two claims whose
    articles report different events of the story, see :func:`_article_events`,
    or ``events``: one label per claim) and the mean over every pair across them
    reaches ``happening_threshold`` (a pair of different events counts -1)."""
    n = len(claims)
    args = [_arguments(c, by_id) for c in claims]
    index: dict[str, list[int]] = defaultdict(list)
    for k, a in enumerate(args):
        for x in a:
            index[x].append(k)
    shared = np.zeros((n, n), dtype=bool)
    for ks in index.values():
        if len(ks) > 1:
            shared[np.ix_(ks, ks)] = True
    if events is None:
        events = _article_events(claims, by_id, s)
    apart = events[:, None] != events[None, :]
    link = ((shared & (cosine >= s.happening_argument_threshold)) | (cosine >= s.happening_link_threshold)) & ~apart
    cosine = np.where(apart, -1.0, cosine)
    from scipy import sparse

    part_of = np.empty(n, dtype=int)
    for g, idx in enumerate(members):
        part_of[list(idx)] = g
    m = len(members)
    linked = np.zeros((m, m), dtype=bool)
    ii, jj = np.nonzero(link)
    linked[part_of[ii], part_of[jj]] = True
    np.fill_diagonal(linked, False)
    # parts merge only inside a connected component of the links: cluster each apart
    comp = list(range(m))

    def find(x: int) -> int:
        while comp[x] != x:
            comp[x] = comp[comp[x]]
            x = comp[x]
        return x

    for i, j in zip(*np.nonzero(np.triu(linked, k=1)), strict=True):
        ri, rj = find(int(i)), find(int(j))
        if ri != rj:
            comp[max(ri, rj)] = min(ri, rj)
    by_comp: dict[int, list[int]] = defaultdict(list)
    for g in range(m):
        by_comp[find(g)].append(g)
    out: list[list[int]] = []
    for gs in by_comp.values():
        if len(gs) == 1:
            out.append(gs)
            continue
        cols = [k for g in gs for k in members[g]]
        rows = [a for a, g in enumerate(gs) for _k in members[g]]
        sub = sparse.csr_matrix((np.ones(len(cols)), (rows, range(len(cols)))), shape=(len(gs), len(cols)))
        # sums of cosine over the pairs across two parts
        total = np.asarray((sub @ (sub @ cosine[np.ix_(cols, cols)]).T).T)
        size = np.array([float(len(members[g])) for g in gs])
        near = [set(np.nonzero(row)[0].tolist()) for row in linked[np.ix_(gs, gs)]]
        parts = [[g] for g in gs]
        version = [0] * len(gs)
        heap = [(-total[i, j] / (size[i] * size[j]), i, j, 0, 0) for i in range(len(gs)) for j in near[i] if i < j]
        heapq.heapify(heap)
        while heap:
            neg, i, j, vi, vj = heapq.heappop(heap)
            if -neg < s.happening_threshold:
                break
            if vi != version[i] or vj != version[j] or not parts[i] or not parts[j]:
                continue  # stale: one side has merged since
            total[i, :] += total[j, :]
            total[:, i] += total[:, j]
            size[i] += size[j]
            parts[i].extend(parts[j])
            parts[j] = []
            near[i] = (near[i] | near[j]) - {i, j}
            for k in near[j] - {i}:
                near[k].discard(j)
                near[k].add(i)
            version[i] += 1
            for k in near[i]:
                if parts[k]:
                    lo, hi = min(i, k), max(i, k)
                    heapq.heappush(heap, (-total[lo, hi] / (size[lo] * size[hi]), lo, hi, version[lo], version[hi]))
        out.extend(sorted(p) for p in parts if p)
    return sorted(out, key=lambda p: p[0])


def _complete_link(decide: np.ndarray, floor: float) -> list[list[int]]:
    """Groups in which every two members are at least ``floor`` similar
    (complete link): the most similar pair first; two groups merge only when
    every pair across them reaches the floor, so loosely related sentences
    never chain into one group."""
    n = decide.shape[0]
    ii, jj = np.nonzero(np.triu(decide >= floor, k=1))
    order = np.lexsort((jj, ii, -decide[ii, jj]))
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for i, j in zip(ii[order].tolist(), jj[order].tolist(), strict=True):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        if float(decide[np.ix_(members[gi], members[gj])].min()) < floor:
            continue
        members[gi].extend(members.pop(gj))
        for k in members[gi]:
            group_of[k] = gi
    return list(members.values())


def _word_runs(text: str, n: int) -> frozenset[tuple[str, ...]]:
    """Every run of ``n`` words of a text, in order (lower-cased): two texts
    sharing one share a run of at least ``n`` words."""
    words = re.findall(r"\w+", text.lower())
    return frozenset(tuple(words[k:k + n]) for k in range(len(words) - n + 1))


def _medoid(idx: Sequence[int], decide: np.ndarray, claims: Sequence[Claim]) -> int:
    """The line a group displays: the member the others state most fully, the
    one of which every other member holds the largest share of the words (stop
    words aside; the least share over the others counts: a sentence that adds a
    second fact to what another member says is not the line they all state);
    then the one most similar to the others. Body sentences before titles and
    captions; ties to the earliest."""
    words = {k: set(_tokens(claims[k].text)) for k in idx}

    def key(k: int) -> tuple[bool, float, float, tuple[str, int, int]]:
        others = [o for o in idx if o != k]
        held = min(len(words[k] & words[o]) for o in others) / len(words[k]) if others and words[k] else 0.0
        sims = [decide[k, o] for o in others]
        return (claims[k].field != "body", -held, -(sum(sims) / len(sims)) if sims else 0.0, _order(claims[k]))
    return min(idx, key=key)


def _value_checks(claims: Sequence[Claim], members: Sequence[Sequence[int]], decide: np.ndarray, sim: np.ndarray,
                  copies: Copies, by_id: Mapping[str, Entity], s: AlignSettings,
                  outlets: Mapping[str, str | None], credits: Sequence[OutletCredit] = (),
                  rewritten: Sequence[ArticlePair] = (),
                  holders: Mapping[tuple[str, ...], set[str]] | None = None) -> list[ClaimGroup]:
    """Two sources counting the same thing differently rarely say it in words
    close enough to be one statement: claims of two articles that are not in
    one group but are close (``value_threshold``) are compared for counts and
    amounts of the same thing said of the same action (see _numbers), and for a
    distance from a place against "in" that place (see _distance_vs_in); each
    difference is a card of its own, two claims, one value each. The groups
    (and what they count as corroborated) are left as they are."""
    group_of = {k: g for g, idx in enumerate(members) for k in idx}
    ii, jj = np.nonzero(np.triu(decide >= s.value_threshold, k=1))
    out: list[ClaimGroup] = []
    seen: set[tuple[str, ...]] = set()
    for i, j in zip(ii.tolist(), jj.tolist(), strict=True):
        a, b = claims[i], claims[j]
        if group_of.get(i) == group_of.get(j) or a.article_id == b.article_id or not (a.quantities or b.quantities):
            continue
        if _norm(a.text) == _norm(b.text):
            continue
        diffs = _numbers(a, b, s, counts_only=float(sim[i, j]) < s.measure_threshold)
        # a distance from a place against "in" that place ("50 km from X" / "in X"): compatible, shown
        shared = set(a.places) & set(b.places)
        if shared:
            diffs += _distance_vs_in(a, b, shared, {p: _name(p, by_id) for p in shared})
        key = tuple(sorted(f"{d.a_value}|{d.b_value}".lower() for d in diffs))
        if not diffs or key in seen:
            continue  # a wire story and its copy against one other source: one card
        seen.add(key)
        status = "conflicting" if any(d.status == "conflict" for d in diffs) else "more-specific"
        ids = (a.claim_id, b.claim_id)
        gid = "g" + hashlib.sha256(f"values|{a.claim_id}|{b.claim_id}".encode()).hexdigest()[:12]
        origins = tuple(o.key for o in _line_origins((a, b), copies, outlets, credits, s, rewritten, holders))
        if len(origins) < 2:
            continue
        out.append(ClaimGroup(gid, ids, (a.article_id, b.article_id), origins, status, tuple(diffs), False,
                              a.claim_id, "values"))
    return out


def _internal_checks(claims: Sequence[Claim], sim: np.ndarray, copies: Copies, by_id: Mapping[str, Entity],
                     s: AlignSettings, outlets: Mapping[str, str | None]) -> list[ClaimGroup]:
    """A title or caption against the body sentence of its own article that
    it states most nearly: a difference between them is an inconsistency
    inside one article, its own card, never part of a cross-source group."""
    out = []
    for i, c in enumerate(claims):
        if c.field == "body":
            continue
        body = [j for j, d in enumerate(claims) if d.article_id == c.article_id and d.field == "body"]
        if not body:
            continue
        j = max(body, key=lambda k: (sim[i, k], -k))
        if sim[i, j] < s.internal_threshold:
            continue
        diffs = [d for d in _compare(claims[j], c, float(sim[i, j]), True, by_id, s) if d.status == "conflict"]
        if not diffs:
            continue
        pair = [claims[j], c]
        gid = "g" + hashlib.sha256(f"internal|{c.claim_id}|{claims[j].claim_id}".encode()).hexdigest()[:12]
        origins = tuple(o.key for o in independent_sources((c.article_id,), copies, outlets))
        out.append(ClaimGroup(gid, tuple(x.claim_id for x in pair), (c.article_id,), origins, "conflicting",
                              tuple(diffs), True, claims[j].claim_id, "internal"))
    return out


def _headline_checks(articles: Sequence[Article], analyses: Mapping[str, Analysis], claims: Sequence[Claim],
                     by_id: Mapping[str, Entity], copies: Copies,
                     outlets: Mapping[str, str | None]) -> list[ClaimGroup]:
    """A headline that puts the event somewhere its own text does not: the
    title's places against the place of the article's main event."""
    out = []
    for art in articles:
        an = analyses.get(art.article_id)
        title = next((c for c in claims if c.article_id == art.article_id and c.field == "title"), None)
        if an is None or title is None or not title.sites or an.event.where is None:
            continue
        w = an.event.where
        if w.field != "body":
            continue
        where = {m.entity_id for m in an.mentions
                 if m.field == "body" and w.start <= m.start and m.end <= w.end and m.entity_id}
        body = next((c for c in claims if c.article_id == art.article_id and c.field == "body"
                     and c.start <= w.start and w.end <= c.end), None)
        if not where or body is None:
            continue
        related = set(where)
        for x in where:
            related |= _ancestors(x, by_id, ("part_of",))
        # how often the body sets the event at each place ("in X", "at X", "X trip")
        body_sites = Counter(p for c in claims if c.article_id == art.article_id and c.field == "body"
                             for p in c.sites)
        text = art.text
        conflicts = []
        for p in title.sites:
            if p in related or where & _ancestors(p, by_id, ("part_of",)):
                continue
            # the body must set the event where its main event is, and at other places at least
            # twice as often as at the headline's; and never say that one place lies in the other
            others = sum(n for q, n in body_sites.items() if q != p)
            if not any(body_sites[w] for w in where) or 2 * body_sites[p] >= others:
                continue
            if any(_contains_text(text, vp, vw) for vp in _surfaces(p, by_id) for w in where
                   for vw in _surfaces(w, by_id)):
                continue
            inner = [w for w in where if geo(_name(w, by_id)) is None] or list(where)
            if any(_may_contain(_name(p, by_id), _name(w, by_id)) for w in inner):
                continue
            name = by_id[p].name if p in by_id else p
            conflicts.append(Difference("place", "conflict", title.claim_id, name, body.claim_id, w.text))
        if conflicts:
            gid = "g" + hashlib.sha256(f"headline|{title.claim_id}|{body.claim_id}".encode()).hexdigest()[:12]
            origins = tuple(o.key for o in independent_sources((art.article_id,), copies, outlets))
            out.append(ClaimGroup(gid, (title.claim_id, body.claim_id), (art.article_id,), origins, "conflicting",
                                  tuple(conflicts), True, body.claim_id, "internal"))
    return out


def _surfaces(eid: str, by_id: Mapping[str, Entity]) -> tuple[str, ...]:
    e = by_id.get(eid)
    return tuple(dict.fromkeys((e.name, *e.variants))) if e else (eid,)


def _order(c: Claim) -> tuple[str, int, int]:
    return c.article_id, 0 if c.field == "title" else 1 if c.field == "body" else 2, c.start


def _tokens(text: str) -> list[str]:
    out = []
    for w in _WORD.findall(text.lower()):
        w = w.strip("'-")
        if len(w) < 3 or w in STOP_WORDS:
            continue
        out.append(strip_inflection(w))
    return out


def _similarities(claims: Sequence[Claim], by_id: Mapping[str, Entity], weight: float) -> np.ndarray:
    """Pairwise similarity: cosine of rarity-weighted words, blended with the
    Jaccard overlap of entities (a variant counts as what it is a variant of)."""
    from scipy import sparse

    vectors = _vectors(claims)
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, vec in enumerate(vectors):
        for term, value in vec.items():
            rows.append(i)
            cols.append(vocab.setdefault(term, len(vocab)))
            vals.append(value)
    ents = [_expand(c.entities, by_id) for c in claims]
    eids: dict[str, int] = {}
    er, ec = [], []
    for i, e in enumerate(ents):
        for x in e:
            er.append(i)
            ec.append(eids.setdefault(x, len(eids)))
    n = len(claims)
    words = sparse.csr_matrix((vals, (rows, cols)), shape=(n, max(1, len(vocab))))
    marks = sparse.csr_matrix((np.ones(len(er)), (er, ec)), shape=(n, max(1, len(eids))))
    cos = (words @ words.T).toarray()
    inter = (marks @ marks.T).toarray()
    sizes = np.asarray(marks.sum(axis=1)).ravel()
    union = sizes[:, None] + sizes[None, :] - inter
    jac = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
    both = (sizes[:, None] > 0) & (sizes[None, :] > 0)
    return np.asarray((1 - weight) * cos + weight * np.where(both, jac, 0.0), dtype=np.float64)


def _vectors(claims: Sequence[Claim]) -> list[dict[str, float]]:
    docs = [Counter(_tokens(c.text)) for c in claims]
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    n = len(docs) or 1
    out = []
    for d in docs:
        v = {t: (1 + math.log(tf)) * math.log(1 + n / df[t]) for t, tf in d.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({t: x / norm for t, x in v.items()})
    return out


def _expand(ids: Sequence[str], by_id: Mapping[str, Entity]) -> frozenset[str]:
    """An entity and what it is a variant of (Tu-95MS counts as a Tu-95)."""
    out = set(ids)
    for eid in ids:
        e = by_id.get(eid)
        if e is not None:
            out.update(r.target for r in e.relations if r.kind == "variant_of")
    return frozenset(out)


def _similarity(a: dict[str, float], b: dict[str, float], ea: frozenset[str], eb: frozenset[str],
                weight: float) -> float:
    if len(a) > len(b):
        a, b = b, a
    cos = sum(x * b.get(t, 0.0) for t, x in a.items())
    ent = len(ea & eb) / len(ea | eb) if ea and eb else 0.0
    return (1 - weight) * cos + weight * ent


# ---------------------------------------------------------------- status


def _group(claims: list[Claim], sims: list[list[float]], copies: Copies, by_id: Mapping[str, Entity],
           s: AlignSettings, outlets: Mapping[str, str | None], representative: str,
           credits: Sequence[OutletCredit] = (), rewritten: Sequence[ArticlePair] = (),
           holders: Mapping[tuple[str, ...], set[str]] | None = None) -> ClaimGroup:
    article_ids = tuple(dict.fromkeys(c.article_id for c in claims))
    # the origins of this line: copies once, a member crediting another outlet is that outlet's
    # report, members sharing wording outside quotation marks are one report (copies.line_origins)
    origins = tuple(o.key for o in _line_origins(claims, copies, outlets, credits, s, rewritten, holders))
    diffs: list[Difference] = []
    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            if claims[i].article_id != claims[j].article_id:
                diffs.extend(_compare(claims[i], claims[j], sims[i][j], False, by_id, s))
    statuses = {d.status for d in diffs}
    if "conflict" in statuses:
        status = "conflicting"
    elif "more-specific" in statuses:
        status = "more-specific"
    elif len(origins) >= 2:
        status = "corroborated"
    else:
        status = "single-source"
    gid = "g" + hashlib.sha256("|".join(c.claim_id for c in claims).encode()).hexdigest()[:12]
    return ClaimGroup(gid, tuple(c.claim_id for c in claims), article_ids, origins, status, tuple(diffs), False,
                      representative)


def _line_origins(claims: Sequence[Claim], copies: Copies, outlets: Mapping[str, str | None],
                  credits: Sequence[OutletCredit], s: AlignSettings, rewritten: Sequence[ArticlePair],
                  holders: Mapping[tuple[str, ...], set[str]] | None) -> list[Origin]:
    """The independent origins of one line at the ``[claims]`` origin settings (copies.line_origins)."""
    return line_origins(claims, copies, outlets, credits, s.origin_run, rewritten, share_run=s.line_share_run,
                        share=s.line_share, share_min=s.line_share_min, holders=holders)


def _compare(a: Claim, b: Claim, sim: float, internal: bool, by_id: Mapping[str, Entity],
             s: AlignSettings) -> list[Difference]:
    out: list[Difference] = []
    if _norm(a.text) == _norm(b.text):
        return out  # the same words (a wire story and its copy) state the same values
    floor = s.internal_threshold if internal else 0.0
    if sim >= max(floor, s.number_threshold):
        out.extend(_numbers(a, b, s, counts_only=sim < max(floor, s.measure_threshold)))
    if sim >= (floor if internal else s.date_threshold):
        out.extend(_dates(a, b, internal))
    if sim >= max(floor, s.place_threshold):
        out.extend(_places(a, b, by_id))
    out.extend(_designations(a, b, by_id))
    if (a.negated != b.negated and a.field == b.field == "body" and sim >= s.negation_threshold
            and _overlap(_words(a.text), _words(b.text)) >= s.negation_overlap
            and min(len(a.text), len(b.text)) >= 0.75 * max(len(a.text), len(b.text))):
        out.append(Difference("negation", "conflict", a.claim_id, _neg(a), b.claim_id, _neg(b)))
    return out


def _neg(c: Claim) -> str:
    return "negated" if c.negated else "affirmed"


def _numbers(a: Claim, b: Claim, s: AlignSettings, counts_only: bool = False) -> list[Difference]:
    """Numbers that disagree: the same measured thing, values apart beyond the
    tolerance, neither value found anywhere in the other claim (two numbers of
    one sentence are two facts), and said of the same action (see _same_action).
    A bound that admits the other value ("at least five" against "seven") is
    compatible: a "more-specific" difference, shown, not a conflict."""
    out = []
    for qa in a.quantities:
        if _name_number(a, qa) or _written(qa, b):
            continue
        for qb in b.quantities:
            if not _comparable(qa, qb) or (counts_only and qa.canonical_unit is not None):
                continue
            if _name_number(b, qb) or _written(qb, a):
                continue
            la, ha = _range(qa, s.number_tolerance)
            lb, hb = _range(qb, s.number_tolerance)
            if (qa.unit or "").lower() != (qb.unit or "").lower():  # "12 inches" / "30 centimetres": converted
                la, ha, lb, hb = la * 0.97, ha * 1.03, lb * 0.97, hb * 1.03
            if not (_same_action(a, qa, b, qb) and _modifier(a, qa) == _modifier(b, qb)
                    and _same_outcome(a, qa, b, qb)):
                continue
            if ha < lb or hb < la:
                if not _matched(qa, b.quantities, s) and not _matched(qb, a.quantities, s):
                    out.append(Difference("number", "conflict", a.claim_id, qa.text, b.claim_id, qb.text))
            elif (qa.bound or qb.bound) and (qa.bound, qa.low, qa.high) != (qb.bound, qb.low, qb.high):
                out.append(Difference("number", "more-specific", a.claim_id, qa.text, b.claim_id, qb.text))
    return out



def _written(q: Quantity, other: Claim) -> bool:
    """The other claim writes the same number, even where it is no quantity of
    its own ("25 defendants, five of whom ..." has the five)."""
    if q.low != q.high or q.low != int(q.low) or q.canonical_unit not in (None,):
        return False
    n = int(q.low)
    forms = {f"{n:,}", str(n)} | ({SMALL_NUMBER_WORDS[n]} if n < len(SMALL_NUMBER_WORDS) else set())
    return any(re.search(rf"(?<![\w.,]){re.escape(f)}(?![\w]|[.,]\d)", other.text, re.I) for f in forms)


def _matched(q: Quantity, others: Sequence[Quantity], s: AlignSettings) -> bool:
    lo, hi = _range(q, s.number_tolerance)
    for o in others:
        if o.canonical_unit != q.canonical_unit:
            continue
        ol, oh = _range(o, s.number_tolerance)
        if not (hi < ol or oh < lo):
            return True
    return False


_QUANTITY_WORDS = frozenset((
    "about", "around", "approximately", "roughly", "nearly", "almost", "some", "over", "under", "more", "less",
    "than", "up", "at", "least", "most", "just", "only", "another", "additional"))


def _name_number(c: Claim, q: Quantity) -> bool:
    """A number that is part of a name: "Falcon 9", "Boeing 737", "Apollo 11"."""
    if q.canonical_unit is not None or not q.text[:1].isdigit():
        return False
    before = c.text[: max(0, q.start - c.start)].rstrip()
    prev = before.rsplit(None, 1)[-1] if before else ""
    return (prev[:1].isupper() and prev.lower() not in _QUANTITY_WORDS
            and bool(re.fullmatch(r"[A-Z][\w-]*", prev)))  # "Falcon 9"; not "Germany; 27"


def _same_action(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    """The words around two numbers (names and the measure aside) overlap:
    two of them, or a quarter of the shorter context."""
    ca, cb = _context(a, qa), _context(b, qb)
    shared = len(ca & cb)
    return shared >= 2 or (shared >= 1 and shared >= 0.25 * min(len(ca), len(cb)))


def _same_outcome(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    """Two counts of one outcome: "40 people were injured" and "seven people
    were killed" count different people; "within four outs of the title" (what
    remains) is not "two outs in the eighth". Unknown outcomes do not differ."""
    oa, ob = _outcome(a, qa), _outcome(b, qb)
    return (oa is None or ob is None or oa == ob) and _remaining(a, qa) == _remaining(b, qb)


def _outcome(c: Claim, q: Quantity) -> str | None:
    """What happened to what a count counts (``lexicon.COUNT_OUTCOMES``): its
    casualty word ("seven killed"), an outcome after it in the same clause
    ("40 people were injured"), or one just before it ("injuring another 40")."""
    if q.measures and q.measures.lower() in COUNT_OUTCOMES:
        return COUNT_OUTCOMES[q.measures.lower()]
    clause = re.split(r"[,;:.()\u2014\u2013]", c.text[max(0, q.end - c.start):], maxsplit=1)[0]
    for w in re.findall(r"[\w'-]+", clause.lower())[:6]:
        if w in COUNT_OUTCOMES:
            return COUNT_OUTCOMES[w]
        if w in COUNT_OUTCOME_BREAKS:
            break
    for w in reversed(re.findall(r"[\w'-]+", c.text[:max(0, q.start - c.start)].lower())[-3:]):
        if w in COUNT_OUTCOMES:
            return COUNT_OUTCOMES[w]
        if w not in COUNT_OUTCOME_FILLERS:
            break
    return None


def _remaining(c: Claim, q: Quantity) -> bool:
    """A count of what remains to a goal: "within four outs of the title"."""
    before = re.findall(r"[\w'-]+", c.text[:max(0, q.start - c.start)].lower())
    after = re.findall(r"[\w'-]+", re.split(r"[,;:.()]", c.text[max(0, q.end - c.start):], maxsplit=1)[0].lower())
    return (bool(before) and before[-1] in REMAINING_COUNT_WORDS) or bool(set(after[:2]) & REMAINING_COUNT_AFTER)


def _context(c: Claim, q: Quantity, width: int = 8) -> set[str]:
    """Lower-case content words near a number, without names and the measure itself."""
    rel_s, rel_e = q.start - c.start, q.end - c.start
    before = re.findall(r"[\w'-]+", c.text[:max(0, rel_s)])[-width:]
    after = re.findall(r"[\w'-]+", c.text[max(0, rel_e):])[:width]
    measure = {strip_inflection(w) for w in (q.measures or "").lower().split()}
    words = re.findall(r"[\w'-]+", c.text)
    # in a headline in title case every word is capitalised: names cannot be told apart
    title_case = sum(w[:1].isupper() for w in words) > 0.6 * max(1, len(words))
    out = {strip_inflection(w.lower()) for w in before + after
           if (title_case or w[:1].islower()) and len(w) > 3 and w.lower() not in STOP_WORDS
           and w.lower() not in _QUANTITY_WORDS}
    return out - measure


def _modifier(c: Claim, q: Quantity) -> str:
    """The words between a count and what it counts: "22 ambulance crews" and
    "four fire and rescue crews" count different crews."""
    if not q.measures:
        return ""
    rest = c.text[q.end - c.start:]
    head = q.measures.lower().split()[-1]
    m = re.search(rf"\b{re.escape(head[:-1] if len(head) > 3 else head)}", rest.lower())
    if m is None or m.start() > 40:
        return ""
    return " ".join(w for w in re.findall(r"[\w-]+", rest[:m.start()].lower()) if w not in STOP_WORDS)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _words(text: str) -> set[str]:
    return {w for w in _tokens(text) if not _NEGATION.fullmatch(w)}


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _comparable(qa: Quantity, qb: Quantity) -> bool:
    if qa.canonical_unit != qb.canonical_unit:
        return False
    # counts and measurements alike: only of the same thing ("$10" previous offer
    # and "$82 per share" are two amounts, not two accounts of one)
    return bool(qa.measures) and qa.measures == qb.measures


def _range(q: Quantity, tolerance: float) -> tuple[float, float]:
    """The values a quantity admits: an approximate one ("about 50") the
    tolerance and a half on each side; an exact one only what its rounding
    allows ("2,000" or "143 million": half a unit of the last non-zero digit,
    when that is a thousand or more; "12" and "145.5" are exact)."""
    low = q.canonical_low if q.canonical_low is not None else q.low
    high = q.canonical_high if q.canonical_high is not None else q.high
    scale = (low / q.low) if q.low and q.canonical_low is not None else 1.0
    if q.approximate:
        lo, hi = low * (1 - tolerance * 1.5), high * (1 + tolerance * 1.5)
    else:
        lo, hi = low - _rounding(q.low) * scale, high + _rounding(q.high) * scale
        lo, hi = min(lo, low * (1 - 0.005)), max(hi, high * (1 + 0.005))
    if q.bound == "upper":
        lo = 0.0
    if q.bound == "lower":
        hi = math.inf
    return lo, hi


def _rounding(value: float) -> float:
    if not value or value != int(value):
        return 0.0
    n, step = int(abs(value)), 1
    while n % (step * 10) == 0:
        step *= 10
    return step / 2 if step >= 1000 else 0.0


def _dates(a: Claim, b: Claim, internal: bool = False) -> list[Difference]:
    """Resolved days that differ. Inside one article (a title or caption
    against its text) only the days of what is reported: not the day a
    statement was made ("officials said Thursday") nor the day a picture was
    taken or published ("in this Nov. 2 file photo")."""
    da = {t.value: t for t in a.times if t.status == "resolved" and t.granularity == "day" and t.value
          and not (internal and _not_event_day(a, t))}
    db = {t.value: t for t in b.times if t.status == "resolved" and t.granularity == "day" and t.value
          and not (internal and _not_event_day(b, t))}
    if not da or not db or set(da) & set(db):
        return []
    ta, tb = da[min(da)], db[min(db)]
    return [Difference("date", "conflict", a.claim_id, f"{ta.text} ({ta.value})", b.claim_id, f"{tb.text} ({tb.value})")]


_DATE_LEAD = frozenset({"on", "late", "early", "last", "this"})
_IRREGULAR_REPORTING = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "wrote": "write"}


def _not_event_day(c: Claim, t: TimeExpression) -> bool:
    """A day that dates a statement (after a reporting verb: "the airline said
    Wednesday") or, in a caption, the picture (``lexicon.PICTURE_DATE_*``: "an
    image from a video made public on April 14", "in this Nov. 2, 2017 file
    photo"). A caption's closing dateline (", Tokyo, August 29, 2017.") is
    compared: the picture may show what the text reports."""
    rel_s, rel_e = t.start - c.start, t.end - c.start
    before, after = c.text[:max(0, rel_s)], c.text[max(0, rel_e):]
    words = re.findall(r"[\w'-]+", before.lower())
    while words and words[-1] in _DATE_LEAD:
        words.pop()
    if words:
        w = words[-1]
        stems = {_IRREGULAR_REPORTING.get(w, w), w[:-1], w[:-2], w[:-3], w[:-3] + "e"}
        if stems & REPORTING_VERBS and not before.rstrip().endswith((",", ";", ":")):
            return True
    if not c.field.startswith("caption"):
        return False
    return bool(PICTURE_DATE_BEFORE.search(before) or PICTURE_DATE_AFTER.search(after))


def _ancestors(eid: str, by_id: Mapping[str, Entity], kinds: tuple[str, ...]) -> set[str]:
    seen: set[str] = set()
    todo = [eid]
    while todo:
        e = by_id.get(todo.pop())
        if e is None:
            continue
        for r in e.relations:
            if r.kind in kinds and r.target not in seen:
                seen.add(r.target)
                todo.append(r.target)
    return seen


def _places(a: Claim, b: Claim, by_id: Mapping[str, Entity]) -> list[Difference]:
    if not a.places or not b.places:
        return []
    pa, pb = set(a.places), set(b.places)
    up_a = {p: _ancestors(p, by_id, ("part_of",)) for p in pa}
    up_b = {p: _ancestors(p, by_id, ("part_of",)) for p in pb}
    names = {p: by_id[p].name if p in by_id else p for p in pa | pb}
    if pa & pb:
        narrower = _distance_vs_in(a, b, pa & pb, names)
        return narrower
    for x in pa:
        for y in pb:
            if y in up_a[x]:
                return [Difference("place", "more-specific", a.claim_id, names[x], b.claim_id, names[y])]
            if x in up_b[y]:
                return [Difference("place", "more-specific", a.claim_id, names[x], b.claim_id, names[y])]
    # a conflict needs both claims to set the event somewhere (in X / at X / X trip),
    # and neither to name the other's place as such
    sa, sb = set(a.sites) - pb, set(b.sites) - pa
    if not sa or not sb or set(a.sites) & set(b.sites):
        return []
    both = a.text + " " + b.text
    if any(_contains_text(both, vx, vy) for x in sa for y in sb
           for vx in (names[x], *_surfaces(x, by_id)) for vy in (names[y], *_surfaces(y, by_id))):
        return []
    if any(_may_contain(names[x], names[y]) for x in sa for y in sb):
        return []
    x, y = sorted(sa)[0], sorted(sb)[0]
    return [Difference("place", "conflict", a.claim_id, names[x], b.claim_id, names[y])]


def _name(eid: str, by_id: Mapping[str, Entity]) -> str:
    return by_id[eid].name if eid in by_id else eid


def _may_contain(x: str, y: str) -> bool:
    """True when one place may well lie in the other, so that two sources
    naming them do not disagree: a country and a place inside it (or a place
    the gazetteer does not know: a town, a beach, a zoo), a region and a town.
    Two different countries, or regions of different countries, never do."""
    gx, gy = geo(x), geo(y)
    if gx is None and gy is None:
        return False  # two towns or sites: the text has to say (see _contains_text)
    if gx is None or gy is None:
        return True
    (kx, cx), (ky, cy) = gx, gy
    if kx == ky == "country":
        return False
    return bool(cx & cy)


def _contains_text(text: str, x: str, y: str) -> bool:
    """Text that says one place lies in the other: "Cincinnati, Ohio",
    "Las Vegas in the US", "Russia's Far East"."""
    for inner, outer in ((x, y), (y, x)):
        i, o = re.escape(inner), re.escape(outer)
        if re.search(rf"{i}(,\s+[A-Z][\w .'-]*){{0,2}},\s+(the\s+)?{o}\b|{i}\s+in\s+(the\s+)?(\w+\s+)?{o}\b|"
                     rf"{o}['’]s\s+{i}", text):
            return True
    return False


def _distance_vs_in(a: Claim, b: Claim, shared: set[str], names: Mapping[str, str]) -> list[Difference]:
    """"about 40 km from Varnholm" against "in Varnholm": compatible,
    the first more specific."""
    fa, fb = bool(_FROM_DISTANCE.search(a.text)), bool(_FROM_DISTANCE.search(b.text))
    if fa == fb:
        return []
    near, within = (a, b) if fa else (b, a)
    m = _FROM_DISTANCE.search(near.text)
    tail = near.text[m.end():m.end() + 40] if m else ""
    # the distance must be measured from the place the other claim sets the event in
    candidates = [p for p in shared if p in within.sites and names[p] in tail]
    if not candidates:
        return []
    place = min((names[p] for p in candidates), key=lambda n: (tail.find(n), n))
    q = next((q.text for q in near.quantities if q.canonical_unit in ("km", "m", "mi")), "a distance")
    return [Difference("place", "more-specific", near.claim_id, f"{q} from {place}", within.claim_id, f"in {place}")]


def _designations(a: Claim, b: Claim, by_id: Mapping[str, Entity]) -> list[Difference]:
    out = []
    for x in a.equipment:
        for y in b.equipment:
            if x == y:
                continue
            if y in _ancestors(x, by_id, ("variant_of",)) or x in _ancestors(y, by_id, ("variant_of",)):
                nx = by_id[x].name if x in by_id else x
                ny = by_id[y].name if y in by_id else y
                out.append(Difference("designation", "more-specific", a.claim_id, nx, b.claim_id, ny))
    return out


def status_counts(groups: Sequence[ClaimGroup]) -> dict[str, int]:
    """How many groups have each status."""
    counts: dict[str, int] = defaultdict(int)
    for g in groups:
        counts[g.status] += 1
    return {s: counts.get(s, 0) for s in STATUSES}
