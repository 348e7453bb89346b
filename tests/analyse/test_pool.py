"""How the analyse stage spreads articles over worker processes (no spaCy model needed)."""

from __future__ import annotations

import pytest

from newsprism.analyse import pool
from newsprism.settings import Settings


def test_pool_plan_one_process_for_few_articles() -> None:
    s = Settings(workers=2, analyse_batch_size=32)
    assert pool.plan(0, s) == (1, 32)
    assert pool.plan(2 * pool.MIN_ARTICLES_PER_WORKER - 1, s) == (1, 32)
    assert pool.plan(40, Settings(workers=1, analyse_batch_size=32)) == (1, 32)


def test_pool_plan_even_batches_keep_every_worker_busy() -> None:
    s = Settings(workers=2, analyse_batch_size=32)
    workers, size = pool.plan(40, s)
    assert (workers, size) == (2, 5)  # 8 batches of 5, not 32 + 8
    assert pool.plan(10_000, s) == (2, 32)  # never above analyse_batch_size
    assert pool.plan(10_000, Settings(workers=64, analyse_batch_size=32))[0] == 64


def test_pool_few_articles_start_no_process(monkeypatch: pytest.MonkeyPatch, make_article) -> None:
    calls: list[int] = []

    def fake_batch(batch, settings, bases):  # type: ignore[no-untyped-def]
        calls.append(len(batch))
        return (), ()

    def no_pool(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a pool was started")

    monkeypatch.setattr(pool, "analyse_batch", fake_batch)
    monkeypatch.setattr(pool, "ProcessPoolExecutor", no_pool)
    articles = [make_article(f"Body {i}.", "Title") for i in range(5)]
    batches = [articles[:3], articles[3:]]
    assert len(list(pool.analyse_batches(batches, Settings(workers=2)))) == 2
    assert calls == [3, 2]  # the batches as given
