"""Alignment: a story's claims grouped across its articles (lexical and entity similarity, complete
linkage), the groups' happenings, and the checks of values, titles and captions."""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

import numpy as np

from ..copies import (
    independent_sources,
    noun_credits,
    outlet_credits,
    quotations,
    rewrites,
    run_holders,
    story_writers,
    writer_credits,
)
from ..gazetteer import geo
from ..lexicon import REPEAT_MARKERS
from ..outlets import known_outlets
from ..records import (
    Alignment,
    Analysis,
    Article,
    ArticlePair,
    Claim,
    ClaimGroup,
    Copies,
    Difference,
    Entity,
    Happening,
    OutletCredit,
)
from ..settings import AlignSettings
from .extract import extract, tokens
from .status import (
    STATUSES,
    ancestors,
    claim_group,
    compare,
    contains_text,
    distance_vs_in,
    entity_name,
    may_contain,
    norm_text,
    number_differences,
    origins_of_line,
    same_name_words,
    surfaces,
)

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
    outlets, credits, rewritten, holders = origin_context(articles, copies, s)
    claims: list[Claim] = []
    for art in articles:
        an = by_article.get(art.article_id)
        if an is not None:
            claims.extend(_claims_of(art, an, by_id, s))
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
    linked: list[tuple[list[int], int]] = []
    for m in _complete_link(decide, floor):
        rep = _medoid(m, decide, claims)
        # every citation states the displayed line: a member that does not leaves the group
        stay = [k for k in m if k == rep or cosine is None or _states(claims[rep], claims[k], float(cosine[rep, k]), s)]
        linked.append((sorted(stay, key=lambda k: _order(claims[k])), rep))
        linked.extend(([k], k) for k in m if k not in stay)
    linked.sort(key=lambda m: _order(claims[m[0][0]]))
    members = [m for m, _ in linked]
    groups = []
    for idx, rep in linked:
        groups.append(claim_group([claims[k] for k in idx], sim[np.ix_(idx, idx)].tolist(), copies, by_id, s,
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


def _claims_of(art: Article, an: Analysis, by_id: Mapping[str, Entity], s: AlignSettings) -> list[Claim]:
    """An article's claims. One flagged ``empty`` (a body under ``min_body_words``) is a brief or a
    page whose text is boilerplate: with ``short_article_claims`` it states its title and those body
    sentences that share a content word with the title, the words of its outlet's name aside (what
    is off the title's subject is taken for the page's boilerplate; a title that only names the
    outlet states nothing, nor do a gallery's captions); without, nothing."""
    if "empty" not in art.flags:
        return list(extract(art, an, by_id))
    if not s.short_article_claims:
        return []
    head = set(tokens(art.title or "")) - set(tokens(art.outlet or ""))
    return [c for c in extract(art, an, by_id) if c.field in ("title", "body") and set(tokens(c.text)) & head]


def origin_context(articles: Sequence[Article], copies: Copies, s: AlignSettings) -> tuple[
        dict[str, str | None], tuple[OutletCredit, ...], Sequence[ArticlePair], dict[tuple[str, ...], set[str]]]:
    """What counting a line's origins needs of a story's articles (``status.origins_of_line``): each
    article's outlet, the outlet credits, the rewritten pairs and the runs of words each origin holds."""
    outlets = {a.article_id: a.outlet for a in articles}
    # an outlet of the shipped table credited though none of its articles is in the story
    # ("the New York Times reported"): members crediting it are one origin with it
    names = {a.outlet for a in articles if a.outlet} | set(known_outlets())
    credits = tuple(cr for a in articles for cr in outlet_credits(a, names, s.credit_paragraphs))
    live = [a for a in articles if "empty" not in a.flags]
    article_origins = {aid: o.key for o in independent_sources([a.article_id for a in live], copies, outlets)
                       for aid in o.article_ids}
    rewritten = rewrites(live, s.rewrite_run, s.rewrite_runs, credits, s.rewrite_credits, s.rewrite_share_run,
                         s.rewrite_share, article_origins, s.rewrite_share_min, s.rewrite_copy,
                         s.origin_twin_marks, s.origin_spelling)
    # runs of words the articles of each origin hold: the sentence test of line_origins leaves out
    # those of three origins or more (names and stock phrases of the story)
    holders = (run_holders(live, s.line_share_run, article_origins, s.origin_twin_marks,
                           s.origin_spelling)
               if (s.line_share > 0 or s.line_frame > 0) and s.line_share_run > 0 else {})
    if s.line_order > 0:  # and single words, for the skeleton test (the story's own vocabulary left out)
        holders = {**holders, **run_holders(live, 1, article_origins, s.origin_twin_marks, s.origin_spelling)}
    # an interview given to the writer of another outlet's article ("told Dowd") or to an outlet named
    # before by a noun ("told the magazine") credits that outlet
    writers = story_writers(articles)
    credits += tuple(cr for a in articles for cr in (*writer_credits(a, writers), *noun_credits(a, names)))
    return outlets, credits, rewritten, holders


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
        docs[a].update(tokens(c.text))
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


#: a number written as a value ("70", "$1,500", "49m", "8-7"), not one inside a name ("MiG-31", "Kh-47M2")
_NUMBER = re.compile(r"(?<![\w.,])(?<![A-Za-z]-)\d(?:[\d,.]*\d)?(?![\dA-Z])")


def _numbers(text: str) -> set[str]:
    return set(_NUMBER.findall(text))


def _states(line: Claim, member: Claim, cosine: float, s: AlignSettings) -> bool:
    """Whether a member of a group states its displayed line: the sentence vectors' cosine
    reaches ``line_cosine``, or the member holds at least ``line_cover`` of the line's words
    (stop words aside) and every number the line writes (0: every member does). A sentence that
    shares a topic or one of two facts with the line does not; nor does one quoting words of
    which the line's quotation has none (one speaker's two remarks are two statements); by its words,
    a member must also hold ``line_cover_lower`` of the line's content words written in lower case
    (0: not checked): a sentence sharing the line's names but not what it says of them."""
    if s.line_cosine <= 0:
        return True
    quoted = [set(tokens(" ".join(quotations(c.text)))) for c in (line, member)]
    if all(quoted) and not quoted[0] & quoted[1]:
        return False
    if s.line_repeat and _repeats(line.text) != _repeats(member.text):
        return False
    if s.line_display_cosine > 0 and (line.field != "body" or member.field != "body"):
        return cosine >= max(s.line_cosine, s.line_display_cosine)
    if cosine >= s.line_cosine:
        return True
    held_words = set(tokens(member.text))
    if s.line_cover_lower > 0 and (lower := set(tokens(" ".join(_LOWER.findall(line.text))))) and len(
            lower & held_words) < s.line_cover_lower * len(lower):
        return False
    words = set(tokens(line.text))
    held = len(words & held_words) / len(words) if words else 1.0
    return held >= s.line_cover and _numbers(line.text) <= _numbers(member.text)


def _repeats(text: str) -> bool:
    """Whether a sentence marks what it reports as a repeat ("fires another missile"):
    ``lexicon.REPEAT_MARKERS``."""
    return any(w in REPEAT_MARKERS for w in re.findall(r"[a-z]+", text.lower()))


#: a word written in lower case (not a name): what a line says of the names it holds
_LOWER = re.compile(r"(?<![\w'-])[a-z][a-z'-]*")


def _medoid(idx: Sequence[int], decide: np.ndarray, claims: Sequence[Claim]) -> int:
    """The line a group displays: the member the others state most fully, the
    one of which every other member holds the largest share of the words (stop
    words aside; the least share over the others counts: a sentence that adds a
    second fact to what another member says is not the line they all state);
    then the one most similar to the others. Body sentences before titles and
    captions; ties to the earliest."""
    words = {k: set(tokens(claims[k].text)) for k in idx}

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
    amounts of the same thing said of the same action (see number_differences), and for a
    distance from a place against "in" that place (see distance_vs_in); each
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
        if norm_text(a.text) == norm_text(b.text):
            continue
        diffs = number_differences(a, b, s, counts_only=float(sim[i, j]) < s.measure_threshold)
        # a distance from a place against "in" that place ("50 km from X" / "in X"): compatible, shown
        shared = set(a.places) & set(b.places)
        if shared:
            diffs += distance_vs_in(a, b, shared, {p: entity_name(p, by_id) for p in shared})
        key = tuple(sorted(f"{d.a_value}|{d.b_value}".lower() for d in diffs))
        if not diffs or key in seen:
            continue  # a wire story and its copy against one other source: one card
        seen.add(key)
        status = "conflicting" if any(d.status == "conflict" for d in diffs) else "more-specific"
        ids = (a.claim_id, b.claim_id)
        gid = "g" + hashlib.sha256(f"values|{a.claim_id}|{b.claim_id}".encode()).hexdigest()[:12]
        origins = tuple(o.key for o in origins_of_line((a, b), copies, outlets, credits, s, rewritten, holders))
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
        diffs = [d for d in compare(claims[j], c, float(sim[i, j]), True, by_id, s) if d.status == "conflict"]
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
            related |= ancestors(x, by_id, ("part_of",))
        # how often the body sets the event at each place ("in X", "at X", "X trip")
        body_sites = Counter(p for c in claims if c.article_id == art.article_id and c.field == "body"
                             for p in c.sites)
        text = art.text
        conflicts = []
        for p in title.sites:
            if p in related or where & ancestors(p, by_id, ("part_of",)):
                continue
            # the body must set the event where its main event is, and at other places at least
            # twice as often as at the headline's; and never say that one place lies in the other
            others = sum(n for q, n in body_sites.items() if q != p)
            if not any(body_sites[w] for w in where) or 2 * body_sites[p] >= others:
                continue
            if any(contains_text(text, vp, vw) for vp in surfaces(p, by_id) for w in where
                   for vw in surfaces(w, by_id)):
                continue
            inner = [w for w in where if geo(entity_name(w, by_id)) is None] or list(where)
            if any(may_contain(entity_name(p, by_id), entity_name(w, by_id)) for w in inner):
                continue
            # a headline's "place" that the body's sentence writes as the start of a longer name ("Kraft" in
            # "the Kraft Foods plant in ..."): a name of what stands there, not another place
            if any(re.search(rf"\b{re.escape(vp)}\s+[A-Z]", body.text) for vp in surfaces(p, by_id)):
                continue
            # a headline's short form of the body's place ("NE Varnholm" / "Northeast Varnholm")
            if any(same_name_words(vp, v) for vp in surfaces(p, by_id)
                   for v in (w.text, *(s for x in where for s in surfaces(x, by_id)))):
                continue
            name = by_id[p].name if p in by_id else p
            conflicts.append(Difference("place", "conflict", title.claim_id, name, body.claim_id, w.text))
        if conflicts:
            gid = "g" + hashlib.sha256(f"headline|{title.claim_id}|{body.claim_id}".encode()).hexdigest()[:12]
            origins = tuple(o.key for o in independent_sources((art.article_id,), copies, outlets))
            out.append(ClaimGroup(gid, (title.claim_id, body.claim_id), (art.article_id,), origins, "conflicting",
                                  tuple(conflicts), True, body.claim_id, "internal"))
    return out


def _order(c: Claim) -> tuple[str, int, int]:
    return c.article_id, 0 if c.field == "title" else 1 if c.field == "body" else 2, c.start


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
    docs = [Counter(tokens(c.text)) for c in claims]
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
