"""Records of claims (aligned by claims.align) and dossiers (built by dossier.build)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from .analysis import Analysis, Entity, Quantity, TimeExpression
from .inputs import Article
from .stories import Copies

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
