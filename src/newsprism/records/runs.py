"""Records of listings, runs and the handoffs between the stages, the store and Prism; the lookup tables."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..lexicon import COUNTRY_ALIASES, normalise
from .analysis import AnalyseResult, Analysis, Entity, Mention, Relation
from .dossier import Dossier, DossierLine
from .inputs import Article, IngestResult
from .stories import Copies, CopyGroup, CopyLink, Membership, Origin, Stories, StorySummary, WireCredit

if TYPE_CHECKING:
    import numpy as np
from .dossier import ClaimVector

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
