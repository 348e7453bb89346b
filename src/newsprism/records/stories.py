"""Records of copies (found by copies.find_copies) and stories (made by stories.assign and stories.summarise)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

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
