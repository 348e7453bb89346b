"""Analysis in worker processes: the articles spread over ``workers`` processes
in even batches, results handed back in input order (the same records one
process makes; the workers are forked after the spaCy pipeline is loaded, so
they share it copy-on-write and none loads it again)."""

from __future__ import annotations

import math
import multiprocessing
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import datetime

from ..records import Analysis, Article, PoolPlan, Problem
from ..settings import Settings
from . import analyse_batch, load_model

Batch = tuple[tuple[Analysis, ...], tuple[Problem, ...]]

#: Fewest articles per worker process worth starting it for: below, one process
#: does all (a fork and the worker's first batch cost about as much as a few
#: articles; see docs/analysis.md).
MIN_ARTICLES_PER_WORKER = 8
#: Batches per worker when the articles are spread: enough that no worker is left
#: with one long last batch while the others wait.
BATCHES_PER_WORKER = 4


def analyse_batches(
    batches: Sequence[Sequence[Article]],
    settings: Settings,
    bases: Mapping[str, datetime] | None = None,
) -> Iterator[Batch]:
    """Analyse the articles of ``batches`` in order; yields (analyses, problems) per
    batch as :func:`analyse_batch` does.

    One process (this one, with the batches as given) when ``settings.workers``
    is 1 or there are fewer than :data:`MIN_ARTICLES_PER_WORKER` articles per
    worker. Otherwise the articles are cut again into even batches, at most
    ``analyse_batch_size`` long and about :data:`BATCHES_PER_WORKER` per worker
    (32 articles in batches of 32 would keep one of two workers idle), over a
    pool whose workers each keep at most two batches in flight, so memory stays
    bounded however many batches come.
    """
    bases = bases or {}
    articles = [a for batch in batches for a in batch]
    workers, size = plan(len(articles), settings)
    if workers <= 1:
        for batch in batches:
            yield analyse_batch(batch, settings, _bases_of(batch, bases))
        return
    even = [articles[i:i + size] for i in range(0, len(articles), size)]
    load_model(settings)  # loaded here, before the fork: the workers share it; fails early when missing
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        pending: deque[Future[Batch]] = deque()
        for batch in even:
            pending.append(pool.submit(analyse_batch, batch, settings, _bases_of(batch, bases)))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def plan(articles: int, settings: Settings) -> PoolPlan:
    """(worker processes, batch size) for ``articles`` articles: one worker (and
    ``analyse_batch_size``) when a pool would not pay for itself."""
    workers = min(settings.workers, articles // MIN_ARTICLES_PER_WORKER)
    if workers <= 1:
        return PoolPlan(1, settings.analyse_batch_size)
    return PoolPlan(workers, max(1, min(settings.analyse_batch_size, math.ceil(articles / (workers * BATCHES_PER_WORKER)))))


def _bases_of(batch: Sequence[Article], bases: Mapping[str, datetime]) -> dict[str, datetime]:
    return {a.article_id: bases[a.article_id] for a in batch if a.article_id in bases}
