"""Records of the inputs: raw documents, cleaned articles, their removals, and what ingesting returns."""

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
