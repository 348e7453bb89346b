"""Story + its records -> Dossier: a plain data object, every statement cited.

A dossier says what happened (the best-corroborated statements), who says so
(sources, counted by independent origin), what only one source says, where
sources disagree (conflict cards with both values and who says each), and how
each outlet framed the story. Every sentence it holds carries citations:
article id, field and character span.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

from .analyse.readings import period_start
from .copies import independent_sources
from .records import (
    Alignment,
    Analysis,
    Article,
    Claim,
    ClaimGroup,
    CopiedArticle,
    Copies,
    CopyBranch,
    Entity,
    EntitySection,
    Exclusive,
    MatrixRow,
    Quantity,
    Quote,
    RelatedEntity,
    Share,
    SpeakerQuotes,
    StatusCount,
)
from .records import Citation as Citation  # re-exported: its old home
from .records import ConflictCard as ConflictCard  # re-exported: its old home
from .records import Detail as Detail  # re-exported: its old home
from .records import Dossier as Dossier  # re-exported: its old home
from .records import EntityEntry as EntityEntry  # re-exported: its old home
from .records import Framing as Framing  # re-exported: its old home
from .records import HappeningEntry as HappeningEntry
from .records import QuoteEntry as QuoteEntry  # re-exported: its old home
from .records import Side as Side  # re-exported: its old home
from .records import Source as Source  # re-exported: its old home
from .records import Statement as Statement  # re-exported: its old home
from .records import TimelineEntry as TimelineEntry  # re-exported: its old home
from .settings import DossierSettings, Settings

_ENTITY_SECTIONS = (
    ("people", ("PERSON",)),
    ("organisations", ("ORG",)),
    ("places", ("GPE", "LOC", "FAC")),
    ("equipment", ("EQUIPMENT",)),
    ("groups", ("NORP",)),  # nationalities, religious and political groups ("Russian", "Taliban")
)


def build(
    story_id: str,
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    entities: Sequence[Entity],
    copies: Copies,
    alignment: Alignment,
    settings: DossierSettings | None = None,
) -> Dossier:
    """Assemble the dossier of one story from its records (``settings``: the ``[dossier]`` section)."""
    settings = settings or DossierSettings()
    arts = sorted(articles, key=lambda a: (a.published is None, a.published or datetime.min, a.article_id))
    by_article = {a.article_id: a for a in arts}
    claims = {c.claim_id: c for c in alignment.claims}
    outlet = {a.article_id: a.outlet for a in arts}
    origins = independent_sources([a.article_id for a in arts], copies, {a.article_id: a.outlet for a in arts})
    origin_of = {aid: o.key for o in origins for aid in o.article_ids}

    def cite(c: Claim) -> Citation:
        return Citation(c.article_id, c.field, c.start, c.end, outlet.get(c.article_id))

    def statement(g: ClaimGroup) -> Statement:
        members = [claims[cid] for cid in g.claim_ids]
        best = claims[g.representative] if g.representative in claims else _representative(members, by_article)
        # the line printed is one of the members; it cites itself first
        ordered = [best, *(c for c in members if c is not best)]
        return Statement(best.text, tuple(cite(c) for c in ordered), g.status, g.sources, g.group_id)

    groups = [g for g in alignment.groups if all(cid in claims for cid in g.claim_ids)]
    statements = {g.group_id: statement(g) for g in groups}
    sources = tuple(_sources(arts, copies, origin_of))
    # the summary: lines two or more independent origins state, none of them in
    # dispute; an inconsistency inside one article is its own card, not a summary line
    summary = [statements[g.group_id] for g in groups
               if g.kind == "statement" and g.sources >= 2 and g.status != "conflicting"
               and any(claims[c].field == "body" for c in g.claim_ids)]
    summary.sort(key=lambda s: (-s.sources, _first_position(s, by_article)))
    summary = summary[:settings.summary_sentences] or [statements[g.group_id] for g in groups[:1]]

    exclusives: dict[str, list[Statement]] = defaultdict(list)
    for g in groups:
        if g.kind == "statement" and g.sources == 1 and any(claims[c].field == "body" for c in g.claim_ids):
            exclusives[g.origins[0]].append(statements[g.group_id])
    details = _details(groups, claims, origin_of, by_entity={e.entity_id: e for e in entities}, cite=cite)

    columns = [o.key for o in origins]
    matrix = []
    for g in groups:
        marks = []
        for key in columns:
            inside = [a for a in g.article_ids if origin_of.get(a) == key]
            marks.append("says" if inside else "")
        matrix.append(MatrixRow(g.group_id, tuple(marks)))

    dates = [a.published for a in arts if a.published]
    head = _headline(arts, groups, claims, summary)
    return Dossier(
        story_id=story_id,
        headline=head,
        first=min(dates) if dates else None,
        last=max(dates) if dates else None,
        sources=sources,
        independent_sources=len(origins),
        summary=tuple(summary),
        timeline=_timeline(groups, claims, cite, by_article),
        entities=_entities(entities, {a.article_id for a in arts}),
        quotes=_quotes(analyses, outlet),
        conflicts=_conflicts(groups, claims, cite),
        exclusives=tuple(Exclusive(k, tuple(v)) for k, v in exclusives.items()),
        details=details,
        groups=tuple(statements[g.group_id] for g in groups),
        matrix=tuple(matrix),
        copy_tree=tuple(
            CopyBranch(g.origin, tuple(CopiedArticle(aid, _kind(aid, g.origin, copies))
                                       for aid in g.article_ids if aid != g.origin))
            for g in copies.groups if g.origin in by_article
        ),
        framing=_framing(arts, groups, claims, statements),
        status_counts=tuple(StatusCount(k, n) for k, n in sorted(Counter(g.status for g in groups).items())),
        happenings=tuple(
            HappeningEntry(h.happening_id, h.sources, tuple(statements[gid] for gid in h.group_ids))
            for h in alignment.happenings
            if len(h.group_ids) >= 2 and all(gid in statements for gid in h.group_ids)),
    )


def inputs_key(settings: Settings, story_id: str, article_ids: Sequence[str], analyses: Sequence[Analysis],
               entities: Sequence[Entity], copies: Copies) -> str:
    """The fingerprint of what a story's dossier is built from: the key its stored dossier is kept
    under, which a build with other inputs, other code or other dossier settings misses. Only the
    settings a dossier is built from count (ingest, analysis and story settings are in the inputs
    already), so a server or a reader started with another settings file still finds the dossier a
    run stored."""
    built_with = (settings.align_settings(), settings.embeddings, settings.dossier)
    return hashlib.sha256(repr((
        code_fingerprint(), built_with, story_id, tuple(article_ids), list(analyses),
        sorted(entities, key=lambda e: e.entity_id), copies)).encode("utf-8")).hexdigest()


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of newsprism's code and data files: a cached dossier (and the report
    files written from it) is rebuilt whenever any of them changes."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix not in (".pyc",) and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _representative(members: Sequence[Claim], by_article: Mapping[str, Article]) -> Claim:
    """The statement to print for a group: a body sentence, from the earliest
    article, shortest among equals."""
    body = [c for c in members if c.field == "body"] or list(members)
    return min(body, key=lambda c: (_published(by_article.get(c.article_id)), len(c.text)))


def _published(a: Article | None) -> datetime:
    return a.published.replace(tzinfo=None) if a is not None and a.published else datetime.max


def _first_position(s: Statement, by_article: Mapping[str, Article]) -> float:
    """How early in its articles a statement comes (0 = the lead)."""
    spots = []
    for c in s.citations:
        a = by_article.get(c.article_id)
        if c.field == "body" and a is not None and a.text:
            spots.append(c.start / len(a.text))
    return min(spots) if spots else 1.0


def _kind(aid: str, origin: str, copies: Copies) -> str:
    for link in copies.links:
        if {link.source, link.target} == {aid, origin}:
            return link.kind
    return "copy"


def _sources(arts: Sequence[Article], copies: Copies, origin_of: Mapping[str, str]) -> list[Source]:
    group_of = {aid: g for g in copies.groups for aid in g.article_ids}
    out = []
    for a in arts:
        g = group_of.get(a.article_id)
        if g is None:
            role, copy_of = "independent", None
        elif g.origin == a.article_id:
            role, copy_of = "origin", None
        else:
            role, copy_of = _kind(a.article_id, g.origin, copies), g.origin
            role = "rewrite" if role == "rewrite" else "copy"
        out.append(Source(a.article_id, a.outlet, a.title, a.url, a.published,
                          origin_of.get(a.article_id, f"article:{a.article_id}"), role, copy_of, a.flags))
    return out


def _headline(arts: Sequence[Article], groups: Sequence[ClaimGroup], claims: Mapping[str, Claim],
              summary: Sequence[Statement]) -> str:
    """The title that best states the story: the one whose claim group has the
    most independent sources, else the earliest title. A title flagged as
    inconsistent with its own article's text is never the headline; when every
    title is, the lead statement of the summary is."""
    flagged = _flagged_titles(groups, claims)
    best: tuple[int, str] | None = None
    for g in groups:
        for cid in g.claim_ids:
            c = claims[cid]
            if c.field == "title" and c.article_id not in flagged and (best is None or g.sources > best[0]):
                best = (g.sources, c.text)
    if best is not None:
        return best[1]
    title = next((a.title for a in arts if a.title and a.article_id not in flagged), None)
    if title:
        return title
    return summary[0].text if summary else "(untitled story)"


def _flagged_titles(groups: Sequence[ClaimGroup], claims: Mapping[str, Claim]) -> set[str]:
    """The articles whose title conflicts with a sentence of their own text."""
    out = set()
    for g in groups:
        for d in g.differences:
            a, b = claims.get(d.a), claims.get(d.b)
            if d.status != "conflict" or a is None or b is None or a.article_id != b.article_id:
                continue
            out |= {c.article_id for c in (a, b) if c.field == "title"}
    return out


def _timeline(groups: Sequence[ClaimGroup], claims: Mapping[str, Claim],
              cite: Callable[[Claim], Citation], by_article: Mapping[str, Article]) -> tuple[TimelineEntry, ...]:
    """Resolved dates: one entry per claim group and date, printing the
    group's representative sentence and citing every sentence that gives it.
    A caption's date is the photo's (a gallery's captions are other days'
    news): captions make no timeline entries."""
    out = []
    for g in groups:
        dated: dict[tuple[str, str], list[Claim]] = {}
        for cid in g.claim_ids:
            c = claims[cid]
            if c.field.startswith("caption"):
                continue
            for t in c.times:
                if t.status != "resolved" or not t.value or not t.granularity:
                    continue
                members = dated.setdefault((t.value, t.granularity), [])
                if c not in members:
                    members.append(c)
        for (value, granularity), cs in dated.items():
            best = _representative(cs, by_article)
            stated = Statement(best.text, tuple(cite(c) for c in cs), g.status, g.sources, g.group_id)
            out.append(TimelineEntry(value, granularity, stated))
    # in calendar order whatever the granularity ("2025-W10" before "2025-03-11"), the wider period first
    out.sort(key=lambda e: (str(period_start(e.date) or e.date), e.date, -e.statement.sources, e.statement.group_id))
    seen: set[tuple[str, str]] = set()
    unique = []
    for e in out:  # a sentence checked against its own headline sits in two groups: list it once
        if (e.date, e.statement.text) not in seen:
            seen.add((e.date, e.statement.text))
            unique.append(e)
    return tuple(unique)


def _entities(entities: Sequence[Entity], article_ids: set[str]) -> tuple[EntitySection, ...]:
    names = {e.entity_id: e.name for e in entities}
    out = []
    for section, labels in _ENTITY_SECTIONS:
        rows = [
            EntityEntry(e.entity_id, e.name, e.label, e.mentions, e.variants,
                        tuple(RelatedEntity(r.kind, names.get(r.target, r.target)) for r in e.relations))
            for e in entities
            if e.label in labels and set(e.articles) & article_ids
        ]
        rows.sort(key=lambda r: (-r.mentions, r.name))
        out.append(EntitySection(section, tuple(rows)))
    return tuple(out)


#: The fewest words a part of a quote needs to count as a copy of the whole (fewer are common phrases).
_QUOTE_PART_WORDS = 6


def _quotes(analyses: Sequence[Analysis], outlet: Mapping[str, str | None]) -> tuple[SpeakerQuotes, ...]:
    """Quotes by speaker; one entry per quote, citing every article that carries the same words (or a
    part of them of at least ``_QUOTE_PART_WORDS`` words: a copy that cut the quote short; spelled with
    or without points, "U.S." or "US"). The entry's
    speaker is the one most of those articles give (the first of them on a tie): a copy whose page
    layout hid the attribution neither splits the quote off nor goes uncited. A quote no article
    attributes is left out."""
    copies: dict[str, list[tuple[Quote, Citation]]] = {}  # normalised words -> every article's quote
    for an in analyses:
        if an.article_id not in outlet:
            continue
        for q in an.quotes:
            cite = Citation(an.article_id, q.field, q.start, q.end, outlet.get(an.article_id))
            # (a point or an apostrophe inside a word is no break: "U.S." and "US" are one spelling)
            words = " ".join(re.sub(r"[^\w\s]", " ", re.sub(r"(?<=\w)[.'’](?=\w)", "", q.text.lower())).split())
            copies.setdefault(words, []).append((q, cite))
    # a copy that carries part of a longer quote is that quote (longest first, so parts join the whole)
    for words in sorted(copies, key=len):
        if len(words.split()) < _QUOTE_PART_WORDS:
            continue
        whole = next((w for w in sorted(copies, key=len, reverse=True)
                      if len(w) > len(words) and f" {words} " in f" {w} "), None)
        if whole is not None:
            copies[whole] += copies.pop(words)
    by_speaker: dict[str, list[QuoteEntry]] = defaultdict(list)
    for found in copies.values():
        votes = Counter(q.speaker_entity_id or q.speaker for q, _ in found if q.speaker)
        if not votes:
            continue
        key = max(votes, key=lambda k: votes[k])  # the first most common
        q, cite = next((q, c) for q, c in found if q.speaker and (q.speaker_entity_id or q.speaker) == key)
        also = tuple(c for _, c in found if c is not cite)
        by_speaker[key].append(QuoteEntry(q.speaker or "", q.speaker_entity_id, q.kind, q.text, q.verb, cite, also))
    rows = sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return tuple(SpeakerQuotes(max((q.speaker for q in v), key=len), tuple(v)) for _k, v in rows)


def _conflicts(groups: Sequence[ClaimGroup], claims: Mapping[str, Claim],
               cite: Callable[[Claim], Citation]) -> tuple[ConflictCard, ...]:
    """One card per group and kind of difference: each value, who states it, where."""
    out = []
    for g in groups:
        kinds = dict.fromkeys((d.kind, d.status) for d in g.differences)
        for kind, status in kinds:
            sides: dict[str, list[Claim]] = defaultdict(list)
            for d in g.differences:
                if (d.kind, d.status) != (kind, status):
                    continue
                for cid, value in ((d.a, d.a_value), (d.b, d.b_value)):
                    if claims[cid] not in sides[value]:
                        sides[value].append(claims[cid])
            cards = []
            for value, cs in sides.items():
                # a wire story and its copies say it in the same words: print it once, cite each
                same: dict[str, list[Claim]] = {}
                for c in cs:
                    same.setdefault(" ".join(c.text.split()).lower(), []).append(c)
                stated = tuple(Statement(v[0].text, tuple(cite(c) for c in v), g.status, g.sources, g.group_id)
                               for v in same.values())
                outlets = tuple(dict.fromkeys(cite(c).outlet or "?" for c in cs))
                cards.append(Side(value, stated, outlets))
            one_article = len({c.article_id for side in sides.values() for c in side}) == 1
            out.append(ConflictCard(g.group_id, kind, status, one_article, tuple(cards)))
    out.sort(key=lambda c: (c.status != "conflict", not c.internal, c.kind))
    return tuple(out)


def _details(groups: Sequence[ClaimGroup], claims: Mapping[str, Claim], origin_of: Mapping[str, str], *,
             by_entity: Mapping[str, Entity], cite: Callable[[Claim], Citation]) -> tuple[Detail, ...]:
    out: list[Detail] = []
    for g in groups:
        if g.kind != "statement" or g.sources < 2 or g.status == "conflicting":  # a disputed value is a card
            continue
        members = [claims[c] for c in g.claim_ids if claims[c].field == "body"]
        for c in members:
            origin = origin_of.get(c.article_id, c.article_id)
            others = [o for o in members if origin_of.get(o.article_id, o.article_id) != origin]
            stated = Statement(c.text, (cite(c),), g.status, g.sources, g.group_id)
            for q in c.quantities:
                if not any(_same_quantity(q, oq) for o in others for oq in o.quantities):
                    out.append(Detail(origin, "quantity", q.text, stated))
            # designations (names with a digit) no other source prints in any form
            theirs = {v for o in others for eid in o.equipment for v in _designations(by_entity.get(eid), o.text)}
            for eid in c.equipment:
                for v in _designations(by_entity.get(eid), c.text):
                    if not any(t in v or v in t for t in theirs):
                        out.append(Detail(origin, "designation", v, stated))
    unique = {(d.origin, d.kind, d.value): d for d in out}
    return tuple(unique.values())


def _designations(e: Entity | None, text: str) -> list[str]:
    return [v for v in (e.variants if e else ()) if any(ch.isdigit() for ch in v) and v in text]


def _same_quantity(a: Quantity, b: Quantity) -> bool:
    return a.canonical_unit == b.canonical_unit and a.low == b.low and a.high == b.high


def _framing(arts: Sequence[Article], groups: Sequence[ClaimGroup], claims: Mapping[str, Claim],
             statements: Mapping[str, Statement]) -> tuple[Framing, ...]:
    group_of = {cid: g.group_id for g in groups if g.kind == "statement" for cid in g.claim_ids}
    out = []
    for a in arts:
        mine = [c for c in claims.values() if c.article_id == a.article_id and c.field == "body"]
        mine.sort(key=lambda c: c.start)
        total = sum(c.end - c.start for c in mine) or 1
        share: Counter[str] = Counter()
        for c in mine:
            share[group_of.get(c.claim_id, c.claim_id)] += c.end - c.start
        lead = None
        if mine:
            first = mine[0]
            g = statements.get(group_of.get(first.claim_id, ""))
            lead = Statement(first.text, (Citation(a.article_id, "body", first.start, first.end, a.outlet),),
                             g.status if g else "single-source", g.sources if g else 1,
                             g.group_id if g else first.claim_id)
        out.append(Framing(a.article_id, a.outlet, lead,
                           tuple(Share(gid, round(n / total, 3)) for gid, n in share.most_common())))
    return tuple(out)
