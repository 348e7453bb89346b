"""Frozen records passed between the stages.

Spans are half-open character offsets into an article's cleaned text
(``Article.text``: its paragraphs joined by blank lines). Datetimes are
timezone-aware.

A package by layer: ``inputs`` (raw documents, articles, removals), ``analysis`` (mentions,
quotes, times, events, entities), ``stories`` (copies and stories), ``dossier`` (claims and
dossiers), ``runs`` (listings, what Prism returns, the handoffs between the stages, the lookup
tables). Every record is imported from ``newsprism.records``.
"""

from __future__ import annotations

import dataclasses

from .analysis import AnalyseResult, Analysis, Entity, Event, EventPart, Mention, Quantity, Quote, Relation, TimeExpression
from .dossier import (
    Alignment,
    BuiltStory,
    Citation,
    Claim,
    ClaimGroup,
    ClaimKey,
    ClaimVector,
    ConflictCard,
    CopiedArticle,
    CopyBranch,
    Detail,
    Difference,
    Dossier,
    DossierLine,
    EntityEntry,
    EntitySection,
    Exclusive,
    Framing,
    Happening,
    HappeningEntry,
    MatrixRow,
    QuoteEntry,
    RelatedEntity,
    Share,
    Side,
    Source,
    SpeakerQuotes,
    Statement,
    StatusCount,
    StoryJob,
    TimelineEntry,
)
from .inputs import REMOVAL_REASONS, Article, Caption, IngestResult, OffsetMap, Problem, RawDocument, Removal, TimeZoneNote
from .runs import (
    AliasPacks,
    AnalysesSince,
    ArticleMentions,
    ArticlePair,
    ArticleSummary,
    ClaimHit,
    CleaningReport,
    Decoded,
    Embedded,
    EntityUpdate,
    FieldSpan,
    Gazetteer,
    GeoName,
    IndexEntry,
    Input,
    OutletChoice,
    OutletTable,
    PackEntry,
    PoolPlan,
    PrintedName,
    Resolution,
    ResolvedMentions,
    Rewrite,
    RunResult,
    SourceNames,
    StoreVersion,
    StoryDetail,
    StoryFailure,
    StoryFiles,
    StoryIndex,
    StoryTexts,
    Tally,
    Zone,
)
from .stories import (
    Copies,
    CopyGroup,
    CopyLink,
    Membership,
    Merge,
    Origin,
    OutletCredit,
    Stories,
    Story,
    StorySummary,
    WireCredit,
)

__all__ = [
    "REMOVAL_REASONS",
    "AliasPacks",
    "Alignment",
    "AnalyseResult",
    "AnalysesSince",
    "Analysis",
    "Article",
    "ArticleMentions",
    "ArticlePair",
    "ArticleSummary",
    "BuiltStory",
    "Caption",
    "Citation",
    "Claim",
    "ClaimGroup",
    "ClaimHit",
    "ClaimKey",
    "ClaimVector",
    "CleaningReport",
    "ConflictCard",
    "CopiedArticle",
    "Copies",
    "CopyBranch",
    "CopyGroup",
    "CopyLink",
    "Decoded",
    "Detail",
    "Difference",
    "Dossier",
    "DossierLine",
    "Embedded",
    "Entity",
    "EntityEntry",
    "EntitySection",
    "EntityUpdate",
    "Event",
    "EventPart",
    "Exclusive",
    "FieldSpan",
    "Framing",
    "Gazetteer",
    "GeoName",
    "Happening",
    "HappeningEntry",
    "IndexEntry",
    "IngestResult",
    "Input",
    "MatrixRow",
    "Membership",
    "Mention",
    "Merge",
    "OffsetMap",
    "Origin",
    "OutletChoice",
    "OutletCredit",
    "OutletTable",
    "PackEntry",
    "PoolPlan",
    "PrintedName",
    "Problem",
    "Quantity",
    "Quote",
    "QuoteEntry",
    "RawDocument",
    "RelatedEntity",
    "Relation",
    "Removal",
    "Resolution",
    "ResolvedMentions",
    "Rewrite",
    "RunResult",
    "Share",
    "Side",
    "Source",
    "SourceNames",
    "SpeakerQuotes",
    "Statement",
    "StatusCount",
    "StoreVersion",
    "Stories",
    "Story",
    "StoryDetail",
    "StoryFailure",
    "StoryFiles",
    "StoryIndex",
    "StoryJob",
    "StorySummary",
    "StoryTexts",
    "Tally",
    "TimeExpression",
    "TimeZoneNote",
    "TimelineEntry",
    "WireCredit",
    "Zone",
]


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
