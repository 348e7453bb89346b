"""Dossiers story by story: a story's :class:`StoryJob` assembled from its detail and what the store
holds for it (:func:`job`, :func:`with_vectors`), then claim vectors, alignment, the dossier and its
report files' text for each job, in this process or in workers, handed back in the order the jobs
came (the same records one process makes). Nothing here touches the store: the caller passes what
it read (or a reader function), a job carries the claim vectors stored for its articles, and a built
story the ones encoded for it, which the caller stores."""

from __future__ import annotations

import dataclasses
import itertools
import multiprocessing
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from . import blas as _blas
from . import claims as _claims
from . import dossier as _dossier
from . import embed as _embed
from . import report as _report
from .records import (
    Analysis,
    BuiltStory,
    ClaimKey,
    ClaimVector,
    Copies,
    Entity,
    StoryDetail,
    StoryJob,
    StoryTexts,
)
from .settings import Settings

#: Fewest stories per worker process worth starting it for: below, one process builds them all
#: (a run that adds one article rebuilds a story or two).
MIN_STORIES_PER_WORKER = 2
#: Jobs in flight per worker: enough that a long story at the head does not leave a worker idle,
#: few enough that memory stays bounded however many stories come.
IN_FLIGHT_PER_WORKER = 4
#: Build errors that fail one story (reported, the others still built) rather than the run.
STORY_ERRORS = (ValueError, KeyError, IndexError, TypeError)


def unanalysed(detail: StoryDetail, analyses: Mapping[str, Analysis]) -> list[str]:
    """The ids of the story's articles that ``analyses`` holds no analysis of, in story order."""
    return [a.article_id for a in detail.articles if a.article_id not in analyses]


def story_entities(entities: Sequence[Entity], analyses: Sequence[Analysis]) -> tuple[Entity, ...]:
    """The story's own view of its entities: mentions counted and articles listed among the story's
    ``analyses`` only. The store restricts the entities the story mentions already, but not those their
    relations point to (Tu-95 for Tu-95MS), which came with the whole store's counts: an article of
    another story mentioning one of them changed this story's cache key and rebuilt an unchanged dossier."""
    counts = Counter(m.entity_id for an in analyses for m in an.mentions if m.entity_id)
    ids = {an.article_id for an in analyses}
    return tuple(dataclasses.replace(e, mentions=counts.get(e.entity_id, 0),
                                     articles=tuple(a for a in e.articles if a in ids)) for e in entities)


def job(detail: StoryDetail, analyses: Mapping[str, Analysis], entities: Callable[[set[str]], Sequence[Entity]],
        settings: Settings) -> StoryJob:
    """What the story's dossier is built from, without claim vectors yet (:func:`with_vectors`): its
    articles that ``analyses`` holds an analysis of (the others left out), their analyses, the entities
    they mention (``entities`` reads them for a set of article ids), the story's copies, and the
    fingerprint of all these (:func:`newsprism.dossier.inputs_key`, the dossier cache's key)."""
    articles = tuple(a for a in detail.articles if a.article_id in analyses)
    kept = tuple(analyses[a.article_id] for a in articles)
    ents = story_entities(entities({a.article_id for a in articles}), kept)
    copies = Copies(detail.copy_links, detail.copy_groups, detail.wires)
    sid = detail.summary.story_id
    key = _dossier.inputs_key(settings, sid, [a.article_id for a in detail.articles], kept, ents, copies)
    return StoryJob(sid, key, articles, kept, ents, copies, {}, detail.articles)


def with_vectors(job: StoryJob, stored: Callable[[set[str]], Mapping[ClaimKey, bytes]],
                 settings: Settings) -> StoryJob:
    """The job with the claim vectors ``stored`` holds for its articles (``stored`` reads them for a set
    of article ids); none when ``settings.embeddings`` is off."""
    if not settings.embeddings:
        return job
    return dataclasses.replace(job, vectors=stored({a.article_id for a in job.articles}))


def build(job: StoryJob, settings: Settings, *, render: bool = True, catch: bool = True) -> BuiltStory:
    """One story's dossier, its page and JSON text (unless not ``render``), and the claim vectors
    encoded for it; a :data:`STORY_ERRORS` error while building becomes the BuiltStory's
    ``failure`` (unless not ``catch``: then it is raised)."""
    cache = dict(job.vectors)
    fresh: list[ClaimVector] = []

    def keep(new: list[ClaimVector]) -> None:
        cache.update(new)  # as the store would hold them after this call
        fresh.extend(new)

    embed = _embed.embedder(lambda _ids: cache, keep, settings.embedding_threads) if settings.embeddings else None
    try:
        with _blas.one_thread():  # the same dossier on every machine
            alignment = _claims.align(job.articles, job.analyses, job.entities, job.copies, settings.claims,
                                      embed=embed)
            built = _dossier.build(job.story_id, job.articles, job.analyses, job.entities, job.copies,
                                   alignment, settings.dossier)
        html, json_text = _report.story_texts(built, job.page_articles) if render else StoryTexts("", "")
    except STORY_ERRORS as exc:  # a bug must not lose the other stories
        if not catch:
            raise
        return BuiltStory(job.story_id, job.key, None, failure=f"{type(exc).__name__}: {exc}")
    return BuiltStory(job.story_id, job.key, built, html, json_text, tuple(fresh))


def build_all(jobs: Iterable[StoryJob], settings: Settings) -> Iterator[BuiltStory]:
    """:func:`build` over ``jobs``, in their order.

    One process (this one) when ``settings.workers`` is 1 or there are fewer than
    :data:`MIN_STORIES_PER_WORKER` stories per worker (the first ``MIN_STORIES_PER_WORKER *
    workers`` jobs are read to decide); otherwise a pool of forked workers (they
    share the sentence encoder, loaded first) with at most :data:`IN_FLIGHT_PER_WORKER` jobs each
    in flight. ``jobs`` is read lazily, between results, in this process.
    """
    jobs = iter(jobs)
    # the first jobs are read before deciding: a run that rebuilds one story starts no process
    head: list[StoryJob] = []
    for job in jobs:
        head.append(job)
        if len(head) >= MIN_STORIES_PER_WORKER * settings.workers:
            break
    workers = min(settings.workers, len(head) // MIN_STORIES_PER_WORKER)
    if workers <= 1:
        for job in itertools.chain(head, jobs):
            yield build(job, settings)
        return
    if settings.embeddings:
        _embed.load(settings.embedding_threads)  # before the fork: the workers share it
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        pending: deque[Future[BuiltStory]] = deque()
        for job in itertools.chain(head, jobs):
            pending.append(pool.submit(build, job, settings))
            if len(pending) >= IN_FLIGHT_PER_WORKER * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
