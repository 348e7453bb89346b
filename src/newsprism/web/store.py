"""The web face's view of the store: one read-only Prism per worker thread,
and what is slow to compute cached under the store's version.

Nothing here computes: stories and dossiers come from :class:`Prism`; this
module only decides when to ask again (when :meth:`Prism.version` changes,
so an ``ingest`` or ``run`` in another process shows without a restart).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from ..api import Prism, StoryDetail
from ..errors import NotFoundError
from ..records import Entity
from ..settings import Settings
from ..store import ArticleSummary, StoreVersion

if TYPE_CHECKING:
    from ..dossier import Dossier
    from ..stories import StorySummary

T = TypeVar("T")


class NotAnalysedError(NotFoundError):
    """A story whose articles have not all been analysed: no dossier yet."""


@dataclass(frozen=True, slots=True)
class Listing:
    """Every story, and which story each article is in."""

    stories: tuple[StorySummary, ...]  # newest activity first
    story_of: dict[str, str]  # article id -> story id


class WebStore:
    """Prisms per thread over one store file, and a bounded cache.

    Args:
        settings: the settings the server was started with (``db`` names the store).
        cache_size: how many computed values (dossiers, listings) to keep.
    """

    def __init__(self, settings: Settings, cache_size: int = 128) -> None:
        self.settings = settings
        self._local = threading.local()
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[object, ...], object] = OrderedDict()
        self._cache_size = cache_size
        self._opened: list[Prism] = []

    def prism(self) -> Prism:
        """This thread's Prism (opened on first use; SQLite connections stay in their thread)."""
        prism: Prism | None = getattr(self._local, "prism", None)
        if prism is None:
            prism = Prism(settings=self.settings, readonly=True)
            self._local.prism = prism
            with self._lock:
                self._opened.append(prism)
        return prism

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for prism in opened:
            with contextlib.suppress(sqlite3.ProgrammingError):  # another thread's connection: it closes at exit
                prism.close()

    def version(self) -> StoreVersion:
        return self.prism().version()

    def memo(self, key: tuple[object, ...], compute: Callable[[], T]) -> T:
        """``compute()``, kept under ``key`` (which should hold the parts of the store version it depends on)."""
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]  # type: ignore[return-value]
        value = compute()
        with self._lock:
            self._cache[key] = value
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return value

    # ------------------------------------------------------------ reads

    def listing(self) -> Listing:
        """Every story as stored (computing stories is the writer's job)."""
        v = self.version()

        def compute() -> Listing:
            stories = tuple(self.prism().stories(update=False))
            return Listing(stories, {a: s.story_id for s in stories for a in s.article_ids})

        return self.memo(("listing", v.stories), compute)

    def articles(self) -> tuple[ArticleSummary, ...]:
        v = self.version()
        return self.memo(("articles", v.articles, v.stories), lambda: tuple(self.prism().articles()))

    def entities(self) -> tuple[Entity, ...]:
        v = self.version()
        return self.memo(("entities", v.analyses), lambda: tuple(self.prism().entities()))

    def story(self, ref: str) -> StoryDetail:
        v = self.version()
        return self.memo(("story", ref, v.stories), lambda: self.prism().story(ref, update=False))

    def analysed(self) -> frozenset[str]:
        v = self.version()
        return self.memo(("analysed", v.analyses), lambda: frozenset(self.prism().store.analysed_ids()))

    def dossier(self, ref: str) -> Dossier:
        """The dossier of a story; NotAnalysedError when some of its articles
        are not analysed (the server never analyses: that writes)."""
        listed = {s.story_id: s for s in self.listing().stories}
        summary = listed.get(ref) or self.story(ref).summary  # a prefix or a merged id: ask Prism
        analysed = self.analysed()
        missing = [a for a in summary.article_ids if a not in analysed]
        if missing:
            raise NotAnalysedError(
                f"story {summary.story_id}: {len(missing)} of its {summary.size} articles are not "
                f"analysed yet, so it has no dossier; run `newsprism analyse --db {self.settings.db}`")
        v = self.version()
        sid = summary.story_id
        return self.memo(("dossier", sid, v.stories, v.analyses), lambda: self.prism().dossier(sid, update=False))
