"""Prism: the one object every face (CLI, web, scripts) calls.

It opens the store, runs the stages and returns records. It never prints,
exits or formats for a terminal; progress goes to a callback.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

from . import clean as _clean
from . import ingest as _ingest
from . import inputs as _inputs
from .errors import InputError, ModelError, NotFoundError, SettingsError, StoreError
from .records import (
    AnalyseResult,
    Analysis,
    Article,
    BuiltStory,
    ClaimHit,
    ClaimVector,
    CleaningReport,
    Dossier,
    DossierLine,
    Entity,
    IndexEntry,
    IngestResult,
    Problem,
    StoryFailure,
    StoryFiles,
    StoryIndex,
    StoryJob,
)
from .records import RunResult as RunResult  # re-exported: its old home
from .records import StoryDetail as StoryDetail  # re-exported: its old home
from .settings import Settings
from .store import ArticleSummary, Store, StoreVersion

if TYPE_CHECKING:
    import numpy as np

    from .claims import Claim
    from .copies import Copies
    from .stories import Stories, StorySummary

#: ``progress(event, done, total, detail)``: event is ``start`` (total known),
#: ``input`` (one input read, detail = its path) or ``problem`` (detail = Problem).
Progress = Callable[[str, int, int, object], None]
T = TypeVar("T")


#: A batch of cleaned articles waiting to be stored is written once it holds
#: ``Settings.batch_size`` articles or this many bytes of raw input and text.
BATCH_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class _Cleaned:
    """One cleaned article waiting to be stored, with its raw input."""

    source: str
    article: Article
    raw_id: str | None
    raw: bytes
    raw_source: str


@dataclass(frozen=True, slots=True)
class _Known:
    """An article already stored from the same raw bytes (not cleaned again)."""

    article_id: str


class Prism:
    """A newsprism store and the pipeline over it.

    Args:
        db: path of the SQLite store (created if missing unless ``readonly``);
            defaults to ``settings.db``.
        settings: run settings; defaults to :class:`Settings` ().
        readonly: open the store for reading only: it must exist, nothing is
            ever written to it, and the writing methods (``ingest``,
            ``analyse``, ``run``, ``update_copies``, ``update_stories``,
            ``update_dossier``) raise StoreError. Copies and stories not yet
            brought up to date by a writer are computed in memory, and a
            dossier needs its articles analysed.
    """

    def __init__(self, db: str | Path | None = None, settings: Settings | None = None, *,
                 readonly: bool = False) -> None:
        self.settings = settings or Settings()
        if db is not None:
            self.settings = self.settings.replace(db=str(db))
        self.readonly = readonly
        self.store = Store(self.settings.db, readonly=readonly)

    def close(self) -> None:
        self.store.close()

    @contextmanager
    def _storing(self) -> Iterator[None]:
        """One store transaction; a SQLite failure becomes a StoreError naming the store."""
        try:
            with self.store.atomic():
                yield
        except sqlite3.Error as exc:
            raise StoreError(f"{self.settings.db}: {exc}") from None

    def _writable(self, what: str) -> None:
        if self.readonly:
            raise StoreError(f"{self.settings.db}: opened read-only; {what} writes to the store")

    def __enter__(self) -> Prism:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ ingest

    def ingest(
        self,
        paths: list[str],
        *,
        progress: Progress | None = None,
        stdin: BinaryIO | None = None,
        now: datetime | None = None,
    ) -> IngestResult:
        """Read, clean and store articles from files, directories or ``-``.

        One bad input never stops the batch: it is returned as a Problem and
        its writes are rolled back. Articles already stored are counted as
        present; a changed article at a known URL is stored as a revision.
        """
        self._writable("ingest")
        settings = self.settings
        now = now or datetime.now(UTC)
        found: dict[str, list[str]] = {"added": [], "present": [], "revised": []}
        problems: list[Problem] = []
        total = _inputs.count(paths) if progress else 0
        if progress:
            progress("start", 0, total, None)
        done = 0
        batch: list[_Cleaned] = []
        size = 0

        def problem(p: Problem) -> None:
            problems.append(p)
            if progress:
                progress("problem", done, total, p)

        def flush() -> None:
            nonlocal size
            for kind, value in self._store_batch(batch, now):
                if isinstance(value, Problem):
                    problem(value)
                else:
                    found[kind].append(value)
            batch.clear()
            size = 0

        for item in _inputs.iter_inputs(paths, settings, stdin=stdin):
            if isinstance(item, Problem):
                problem(item)
            else:
                for entry in self._clean_one(item):
                    if isinstance(entry, Problem):
                        problem(entry)
                        continue
                    if isinstance(entry, _Known):
                        found["present"].append(entry.article_id)
                        continue
                    batch.append(entry)
                    size += len(entry.raw) + 2 * len(entry.article.source_text)
                    if len(batch) >= settings.batch_size or size >= BATCH_BYTES:
                        flush()
            if not (isinstance(item, _inputs.Input) and item.chunked):
                done += 1
            if progress:
                progress("input", done, total, item.source if isinstance(item, _inputs.Input) else item.path)
        flush()
        return IngestResult(tuple(found["added"]), tuple(found["present"]), tuple(found["revised"]),
                            tuple(problems))

    def _clean_one(self, item: _inputs.Input) -> Iterator[_Cleaned | _Known | Problem]:
        """Read and clean one input, outside any store transaction.

        This is where one input is isolated from the batch: whatever goes
        wrong reading it, or cleaning one of its items, becomes a Problem
        naming the input (or the item: ``path:line``, ``path#n``), and the
        batch goes on. Settings and model errors still stop the run.
        Raw bytes read before (their content hash is a stored current
        article's ``raw_id``) are not cleaned again: their articles come back
        as ``_Known``, counted as present.
        """
        if not item.chunked:
            known = self.store.articles_of_raw(_ingest.raw_id(item.data))
            if known:  # these very bytes were read before: not read or cleaned again
                yield from (_Known(aid) for aid in known)
                return
        try:
            for doc in _ingest.read(item, self.settings):
                if isinstance(doc, Problem):
                    yield doc
                    continue
                # an item with raw bytes of its own (a feed entry, a JSON record) read before
                known = self.store.articles_of_raw(doc.raw_id) if doc.raw and doc.raw_id else []
                if known:
                    yield from (_Known(aid) for aid in known)
                    continue
                try:
                    article = _clean.clean(doc, self.settings)
                    raw = doc.raw.encode("utf-8") if doc.raw else item.data
                except InputError as exc:
                    yield Problem(exc.path, exc.reason)
                    continue
                except (SettingsError, ModelError):
                    raise
                except Exception as exc:  # one item must not stop the batch
                    yield Problem(doc.source, _unexpected("cleaned", exc))
                    continue
                yield _Cleaned(doc.source, article, doc.raw_id, raw, item.source)
        except InputError as exc:
            yield Problem(exc.path, exc.reason)
        except (SettingsError, ModelError):
            raise
        except Exception as exc:  # one input must not stop the batch
            yield Problem(item.source, _unexpected("read", exc))

    def _store_batch(self, batch: list[_Cleaned], now: datetime) -> list[tuple[str, str | Problem]]:
        """Store cleaned articles in one short transaction (the write lock is
        held only while writing), each in a savepoint: an article that cannot
        be stored becomes a Problem and leaves nothing behind."""
        out: list[tuple[str, str | Problem]] = []
        if not batch:
            return out
        store = self.store
        try:
            with store.atomic():
                for c in batch:
                    try:
                        with store.atomic():
                            if c.raw_id:
                                store.add_raw(c.raw_id, c.raw_source, c.raw)
                            out.append((store.add_article(c.article, now), c.article.article_id))
                    except (sqlite3.IntegrityError, sqlite3.DataError, sqlite3.InterfaceError,
                            sqlite3.ProgrammingError, ValueError, OverflowError) as exc:
                        out.append(("problem", Problem(c.source, _unexpected("stored", exc))))
        except sqlite3.Error as exc:
            raise StoreError(f"{self.settings.db}: {exc}; what was committed before is kept") from None
        return out

    # ------------------------------------------------------------ reading

    def articles(self, include_superseded: bool = False) -> list[ArticleSummary]:
        """One summary per stored article, oldest first."""
        return self.store.summaries(include_superseded)

    def article(self, ref: str) -> Article:
        """One article by id or unique id prefix (NotFoundError if none)."""
        return self.store.article(ref)

    def search(self, query: str, limit: int = 20) -> list[Article]:
        """Articles matching a full-text query (SQLite FTS5 syntax), best first.

        Raises InputError when the query is not valid FTS5 (an unbalanced
        quote, a bare operator).
        """
        return [self.store.article(i) for i in self._fts(self.store.search, query, limit)]

    def search_claims(self, query: str, limit: int = 20) -> list[ClaimHit]:
        """Claim groups of the dossiers a writer stored (``run``, ``dossier``)
        matching a full-text query (SQLite FTS5 syntax), best first. A group
        of a story that was since merged or split may still answer until its
        dossier is stored again. Raises InputError as :meth:`search` does."""
        return self._fts(self.store.search_claims, query, limit)

    def _fts(self, search: Callable[[str, int], list[T]], query: str, limit: int) -> list[T]:
        try:
            return search(query, limit)
        except sqlite3.OperationalError as exc:
            if any(w in str(exc) for w in ("locked", "disk", "no such table", "malformed")):
                raise StoreError(f"{self.settings.db}: {exc}") from None
            raise InputError("query", f"not a valid full-text query ({exc}); put words in double quotes "
                                      'to search for them literally, e.g. "NEAR("') from None

    def version(self) -> StoreVersion:
        """What the store holds now (see :class:`newsprism.store.StoreVersion`);
        cheap, so a face can check it on every request and cache under it."""
        return self.store.version()

    def ingest_report(self) -> CleaningReport:
        """Counts for a cleaning report: articles, flags, removals by reason."""
        store = self.store
        return CleaningReport(len(store.summaries()), store.count("articles"), store.count("removals"),
                              store.flag_counts(), store.removal_counts())

    # ------------------------------------------------------------ analysis

    def analyse(
        self,
        refs: list[str] | None = None,
        *,
        reanalyse: bool = False,
        progress: Progress | None = None,
        now: datetime | None = None,
    ) -> AnalyseResult:
        """Analyse stored articles (all current ones, or those named) and
        resolve entities across every stored analysis.

        Articles already analysed are skipped unless ``reanalyse``. An
        undated article's relative dates resolve against the earliest
        publication time of its story (copies and stories are brought up to
        date, and stored, first when some article is undated). Progress
        events: ``start`` (total), ``article`` (detail = article id).
        Raises ModelError when the configured spaCy pipeline is not installed.
        """
        from . import resolve as _resolve
        from .analyse import pool as _pool

        self._writable("analyse")
        now = now or datetime.now(UTC)
        store = self.store
        articles = [store.article(r) for r in refs] if refs else list(store.iter_articles())
        done = set() if reanalyse else store.analysed_ids()
        todo = [a for a in articles if a.article_id not in done]
        skipped = tuple(a.article_id for a in articles if a.article_id in done)
        if progress:
            progress("start", 0, len(todo), None)
        model = None
        batch = self.settings.analyse_batch_size
        bases = self._story_bases([a for a in todo if a.published is None])
        analysed: list[str] = []
        problems: list[Problem] = []
        n = 0
        try:
            batches = [todo[i:i + batch] for i in range(0, len(todo), batch)]
            for results, failed in _pool.analyse_batches(batches, self.settings, bases):
                with store.atomic():
                    for result in results:
                        store.add_analysis(result, now)
                        model = result.model
                        analysed.append(result.article_id)
                        n += 1
                        if progress:
                            progress("article", n, len(todo), result.article_id)
                for problem in failed:
                    problems.append(problem)
                    n += 1
                    if progress:
                        progress("problem", n, len(todo), problem)
            entities = self._resolve_entities(_resolve, now, force=bool(todo))
        except sqlite3.Error as exc:
            raise StoreError(f"{self.settings.db}: {exc}; analyses committed before are kept") from None
        return AnalyseResult(tuple(analysed), skipped, entities, model, tuple(problems))

    def _resolve_entities(self, resolve: Any, now: datetime, *, force: bool) -> int:
        """Resolve entities across every stored analysis and store them; skipped
        (the stored count returned) when no analysis changed since the last time.

        Resolution reads the stored mentions alone; an analysis is read and written
        again only when it was added since the last resolution or resolution changed
        its mentions (then its quote speakers are set anew). The result is that of
        ``resolve.resolve`` over every stored analysis."""
        store = self.store
        if not force and store.derived_fingerprint("entities") == store.analyses_fingerprint():
            return store.count("entities")
        last = store.derived_fingerprint("resolved_upto")
        since = store.analyses_since(int(last) if last and last.isdigit() else 0)

        def write(changed: tuple[Analysis, ...]) -> None:
            with store.atomic():  # bounded transactions, one a batch
                for result in changed:
                    store.add_analysis(result, now)

        found = resolve.update(list(store.iter_mentions()), self.settings, since.article_ids,
                               store.analyses_by_id, write, lambda: store.analyses_since(0).article_ids)
        entities = found.entities
        # the fingerprints are set last, so a run killed before resolves anew next time
        with store.atomic():
            store.drop_claim_vectors(found.unwritten)
            store.replace_entities(entities)
            store.set_derived_fingerprint("entities", store.analyses_fingerprint())
            store.set_derived_fingerprint("resolved_upto", str(store.analyses_since(since.last_row).last_row))
        return len(entities)

    def _story_bases(self, undated: list[Article]) -> dict[str, datetime]:
        """For undated articles, the earliest publication time in their story
        (from stories already computed; none when stories were not run)."""
        if not undated:
            return {}
        from . import story_index as _story_index

        return _story_index.earliest_published(self._current_stories(), self.store.iter_articles(), undated)

    def analysis(self, ref: str) -> Analysis:
        """The stored analysis of one article (NotFoundError if not analysed)."""
        article = self.store.article(ref)
        found = self.store.analysis(article.article_id)
        if found is None:
            raise NotFoundError(f"article {article.article_id} has not been analysed; run `newsprism analyse`")
        return found

    def entities(self, article_ids: list[str] | None = None, *, story: str | None = None) -> list[Entity]:
        """Canonical entities with mention counts and the variants seen, most
        mentioned first; with ``article_ids`` or ``story`` (a story id or
        unique prefix), only those mentioned in these articles."""
        if story is not None:
            article_ids = [*(article_ids or ()), *(a.article_id for a in self.story(story).articles)]
        return self.store.entities(set(article_ids) if article_ids is not None else None)

    def entity(self, entity_id: str) -> Entity:
        """One canonical entity by id (NotFoundError if none)."""
        found = self.store.entities_by_id([entity_id])
        if not found:
            raise NotFoundError(f"no entity {entity_id!r} in {self.settings.db}; list them with `newsprism entities`")
        return found[0]

    # ------------------------------------------------------------ copies and stories

    def update_copies(self, *, force: bool = False) -> Copies:
        """Find copies among all current articles and store them.

        Skipped (the stored result returned) when no article was added or
        revised since the last run, unless ``force``.
        """
        self._writable("update_copies")
        return self._current_copies(force=force)

    def _current_copies(self, *, force: bool = False, persist: bool = True) -> Copies:
        """Stored copies when current; else computed, and stored when ``persist`` (a writer's call)
        unless read-only."""
        from . import copies as _copies

        store = self.store
        fingerprint = store.articles_fingerprint()
        if not force and store.derived_fingerprint("copies") == fingerprint:
            return store.copies()
        found = _copies.find_copies(store.iter_articles(), self.settings.copies)
        if persist and not self.readonly:
            with self._storing():
                store.replace_copies(found)
                store.set_derived_fingerprint("copies", fingerprint)
        return found

    def copies(self) -> Copies:
        """Copy links and copy groups (computed in memory when out of date; nothing is written:
        :meth:`update_copies` stores them)."""
        return self._current_copies(persist=False)

    def update_stories(self, *, force: bool = False) -> Stories:
        """Assign articles not yet in a story to stories, and store the result.

        Incremental: stored assignments are kept and only new articles are
        placed (in publication order); ``force`` reclusters everything.
        Copies are brought up to date first (a copy group shares a story).
        """
        self._writable("update_stories")
        return self._current_stories(force=force)

    def _current_stories(self, *, force: bool = False, persist: bool = True) -> Stories:
        """Stored stories when current; else computed (incrementally), and
        stored when ``persist`` (a writer's call) unless read-only."""
        from . import stories as _stories

        store = self.store
        copies = self._current_copies(persist=persist)
        fingerprint = store.articles_fingerprint()
        if not force and store.derived_fingerprint("stories") == fingerprint:
            return store.stories()
        result = _stories.update(store.iter_articles(), self.settings.stories,
                                 None if force else store.stories(), copies)
        if self.readonly or not persist:
            return result
        with self._storing():
            store.replace_stories(result)
            store.set_derived_fingerprint("stories", fingerprint)
        return result

    def stories(self, *, update: bool = True) -> list[StorySummary]:
        """Every story, newest activity first: brought up to date in memory, unless ``update`` is
        false (then the stories as stored). Nothing is written: :meth:`update_stories` stores them."""
        from . import story_index as _story_index

        result = self._current_stories(persist=False) if update else self.store.stories()
        copies = self._current_copies(persist=False) if update else self.store.copies()
        return _story_index.summaries(result, copies, {a.article_id: a for a in self.store.iter_articles()})

    def story_job(self, ref: str, *, update: bool = True) -> StoryJob:
        """What ``run`` hands the story pool to build one story's dossier (``story_pool.build``): its
        analysed articles, their entities, copies and stored claim vectors, and the dossier cache's key.
        Nothing is written (stories brought up to date in memory, unless ``update`` is false)."""
        return self._with_vectors(self._story_job(self.story(ref, update=update), missing="skip"))

    def story(self, ref: str, *, update: bool = True) -> StoryDetail:
        """One story by id (or unique id prefix, or a merged story's id), with
        its articles, copy groups and independent sources (stories brought up
        to date in memory, unless ``update`` is false; nothing is written)."""
        from . import story_index as _story_index

        result = self._current_stories(persist=False) if update else self.store.stories()
        sid = _story_index.find(result, ref, self.settings.db)
        copies = self._current_copies(persist=False) if update else self.store.copies()
        return self._detail(sid, _story_index.index(result, copies))

    def _detail(self, sid: str, index: StoryIndex) -> StoryDetail:
        """One story's detail, reading only its own articles from the store."""
        from . import story_index as _story_index

        articles = {a.article_id: a for a in self.store.articles_by_id(index.member_ids(sid)) if not a.superseded}
        return _story_index.detail(index, sid, articles)

    # ------------------------------------------------------------ dossiers

    def dossier(self, ref: str, *, update: bool = True) -> Dossier:
        """The dossier of one story (id, unique prefix or a merged story's id).

        Nothing is written: the dossier stored last time is returned when its
        inputs are unchanged, else it is built in memory and not stored
        (:meth:`update_dossier` stores it). Every article of the story must be
        analysed: NotFoundError says to run ``newsprism analyse``. With
        ``update`` false, stories and copies are read as stored, never computed.
        """
        detail = self.story(ref, update=update)
        return self._cached_dossier(detail, store=False, missing="raise")[0]

    def update_dossier(self, ref: str) -> Dossier:
        """Build one story's dossier and store it, as ``run`` stores every story's:
        the cache later reads return, and the claims ``search`` finds. Stories and
        copies are brought up to date and stored first, and the story's articles
        not analysed yet are analysed (which needs the spaCy pipeline)."""
        self._writable("update_dossier")
        self.update_stories()
        return self._dossier(self.story(ref, update=False))

    def _dossier(self, detail: StoryDetail) -> Dossier:
        """The story's dossier, its unanalysed articles analysed first, stored (a writer's call)."""
        return self._cached_dossier(detail, store=True, missing="analyse")[0]

    def _cached_dossier(self, detail: StoryDetail, *, store: bool, missing: str) -> tuple[Dossier, bool]:
        """The story's dossier, and whether it was built now (False: its inputs
        are those of the dossier stored last time, which is returned). A dossier
        built now is stored when ``store`` (never read-only), with its claim
        vectors; ``missing`` says what becomes of unanalysed articles (see
        :meth:`_story_job`)."""
        from . import story_pool as _story_pool

        job = self._story_job(detail, missing=missing)
        cached = self.store.cached_dossier(job.story_id, job.key)
        if isinstance(cached, Dossier):
            return cached, False
        built = _story_pool.build(self._with_vectors(job), self.settings, render=False, catch=False)
        assert built.dossier is not None
        if store and not self.readonly:
            self._store_built(built)
        return built.dossier, True

    def _story_job(self, detail: StoryDetail, *, missing: str) -> StoryJob:
        """What the story's dossier is built from, read from the store (``story_pool.job``), without
        claim vectors yet. Unanalysed articles (``missing``): ``"analyse"`` them (a writer's call;
        read-only, as ``"raise"``), ``"raise"`` NotFoundError, or ``"skip"`` them (left out: their
        analysis failed)."""
        from . import story_pool as _story_pool

        analyses = self.store.analyses_by_id([a.article_id for a in detail.articles])
        unanalysed = _story_pool.unanalysed(detail, analyses)
        if unanalysed and (missing == "raise" or (missing == "analyse" and self.readonly)):
            raise NotFoundError(
                f"{len(unanalysed)} of the {len(detail.articles)} articles of story {detail.summary.story_id} have "
                "not been analysed; run `newsprism analyse` (or `newsprism run`) first")
        if unanalysed and missing == "analyse":
            self.analyse(unanalysed)
            analyses.update(self.store.analyses_by_id(unanalysed))
        return _story_pool.job(detail, analyses, self.store.entities_with_relations, self.settings)

    def _with_vectors(self, job: StoryJob) -> StoryJob:
        """The job with the claim vectors stored for its articles (``story_pool.with_vectors``)."""
        from . import embed as _embed
        from . import story_pool as _story_pool

        return _story_pool.with_vectors(job, lambda ids: self.store.claim_vectors(ids, _embed.MODEL), self.settings)

    def _store_built(self, built: BuiltStory) -> DossierLine:
        """Store a dossier built now, its index line, its claim groups for search and the claim vectors
        encoded for it; returns the line."""
        from . import embed as _embed

        assert built.dossier is not None
        line = DossierLine.of(built.dossier)
        with self._storing():
            if built.vectors:
                self.store.add_claim_vectors(_embed.MODEL, built.vectors)
            self.store.cache_dossier(built.story_id, built.key, built.dossier, line)
            self.store.index_claims(built.story_id, built.dossier.groups)
        return line

    def claim_embedder(self, *, store: bool = False) -> Callable[[Sequence[Claim]], np.ndarray]:
        """The ``embed`` function of ``claims.align``: claim vectors from the store's cache, the
        missing ones encoded, and stored when ``store`` (a writer's call; a reader computes, never
        stores). For aligning outside a dossier build (benchmarks); a build reads the cache into
        its :class:`StoryJob`."""
        from . import embed as _embed

        def keep(fresh: list[ClaimVector]) -> None:
            if fresh and store and not self.readonly:
                with self._storing():
                    self.store.add_claim_vectors(_embed.MODEL, fresh)

        return _embed.embedder(lambda ids: self.store.claim_vectors(ids, _embed.MODEL), keep,
                               self.settings.embedding_threads)

    def run(
        self,
        paths: list[str],
        out: str | Path,
        *,
        progress: Progress | None = None,
        stdin: BinaryIO | None = None,
    ) -> RunResult:
        """The main job: ingest ``paths``, analyse, find copies and stories, and
        write the report to ``out``: ``index.html``, and for every story
        ``<story>.html`` and ``<story>.json``.

        Progress events are those of ingest and analyse, each preceded by
        ``stage`` (detail = ``ingest``, ``analyse``, ``stories``, ``dossiers``),
        then ``start``/``story`` (detail = story id) while dossiers are written.
        A story whose dossier cannot be built is reported in ``failed`` and the
        others are still written.
        """
        from . import report as _report
        from . import story_index as _story_index
        from . import story_pool as _story_pool

        def stage(name: str) -> None:
            if progress:
                progress("stage", 0, 0, name)

        stage("ingest")
        ingested = self.ingest(paths, progress=progress, stdin=stdin)
        stage("stories")
        self.update_stories()
        stage("analyse")
        analysed = self.analyse(progress=progress)
        stage("dossiers")
        folder = _report.folder(out)
        summaries = self.stories()
        if progress:
            progress("start", 0, len(summaries), None)
        by_story = _story_index.index(self.update_stories(), self._current_copies())
        done: dict[str, tuple[StoryFiles, DossierLine] | StoryFailure] = {}

        def finished(sid: str, outcome: tuple[StoryFiles, DossierLine] | StoryFailure) -> None:
            done[sid] = outcome
            if progress and not isinstance(outcome, StoryFailure):
                progress("story", len(done), len(summaries), sid)

        def jobs() -> Iterator[StoryJob]:
            """The stories to build; the others (unchanged, or their dossier stored) are finished here."""
            for summary in summaries:
                sid = summary.story_id
                try:
                    detail = self._detail(sid, by_story)
                    job = self._story_job(detail, missing="skip")
                    files = _report.story_files(folder, sid)
                    # an unchanged story whose files are there: its index line, without reading its dossier
                    line = self.store.dossier_line(sid, job.key) if _report.exists(files) else None
                    cached = None if line is not None else self.store.cached_dossier(sid, job.key)
                    if isinstance(cached, Dossier):  # its line not kept yet: keep it now
                        line = DossierLine.of(cached)
                        with self._storing():
                            self.store.set_dossier_line(sid, job.key, line)
                        files = _report.write_story(folder, sid, cached, detail.articles, fresh=False)
                    if line is not None:
                        finished(sid, (files, line))
                        continue
                    job = self._with_vectors(job)
                except _story_pool.STORY_ERRORS as exc:  # a bug must not lose the other stories
                    finished(sid, StoryFailure(sid, f"{type(exc).__name__}: {exc}"))
                    continue
                yield job

        for built in _story_pool.build_all(jobs(), self.settings):  # in worker processes when several
            sid = built.story_id
            if built.dossier is None:
                finished(sid, StoryFailure(sid, built.failure or "failed"))
                continue
            line = self._store_built(built)
            files = _report.story_files(folder, sid)
            _report.write_texts(files, built.html, built.json)
            finished(sid, (files, line))
        written = [o[0] for s in summaries if not isinstance(o := done[s.story_id], StoryFailure)]
        pages = [IndexEntry(o[0].html.name, o[1]) for s in summaries
                 if not isinstance(o := done[s.story_id], StoryFailure)]
        failed = [o for s in summaries if isinstance(o := done[s.story_id], StoryFailure)]
        return RunResult(ingested, analysed, tuple(written), _report.write_index(folder, pages), tuple(failed))


def _unexpected(stage: str, exc: BaseException) -> str:
    """The reason for an input that failed in a way no reader foresaw."""
    if isinstance(exc, RecursionError):
        return f"could not be {stage}: nested too deeply"
    text = " ".join(str(exc).split())
    if len(text) > 200:
        text = text[:199] + "\u2026"
    return f"could not be {stage} ({type(exc).__name__}: {text}); skipped, the rest goes on"
