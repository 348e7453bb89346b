"""Analysis in worker processes: batches of articles spread over ``workers``
processes, results handed back in input order (the same records one process
makes; each worker loads the spaCy pipeline once)."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import datetime

from ..records import Analysis, Article, Problem
from ..settings import Settings
from . import analyse_batch, load_model

Batch = tuple[tuple[Analysis, ...], tuple[Problem, ...]]


def analyse_batches(
    batches: Sequence[Sequence[Article]],
    settings: Settings,
    bases: Mapping[str, datetime] | None = None,
) -> Iterator[Batch]:
    """Analyse ``batches`` in order, over ``min(settings.workers, len(batches))``
    processes; yields each batch's (analyses, problems) as :func:`analyse_batch` does.

    One process (this one) when that is all there is to use; otherwise a pool
    whose workers each keep at most two batches in flight, so memory stays
    bounded however many batches come.
    """
    bases = bases or {}
    workers = min(settings.workers, len(batches))
    if workers <= 1:
        for batch in batches:
            yield analyse_batch(batch, settings, _bases_of(batch, bases))
        return
    load_model(settings)  # fail early, in this process, when the pipeline is missing; forked workers inherit it
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        pending: deque[Future[Batch]] = deque()
        for batch in batches:
            pending.append(pool.submit(analyse_batch, batch, settings, _bases_of(batch, bases)))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _bases_of(batch: Sequence[Article], bases: Mapping[str, datetime]) -> dict[str, datetime]:
    return {a.article_id: bases[a.article_id] for a in batch if a.article_id in bases}
