"""One BLAS thread for the products whose results feed a decision.

OpenBLAS splits a matrix product over as many threads as the machine has cores, and the split
changes how the sums are rounded. A similarity a hair from a threshold then lands on either side
of it depending on the machine: the same articles gave 5 of 87 news_cluster dossiers differently
with one thread and with two. Inside :func:`one_thread` every product runs on one thread, so the
stories and dossiers are the same on every machine (and the CPU time spent on threads that a
story's small matrices never repaid is saved). Processes run in parallel instead (``workers``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import numpy as np  # noqa: F401  (loaded first: the controller finds the BLAS numpy carries)


@lru_cache(maxsize=1)
def _controller() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


@contextmanager
def one_thread() -> Iterator[None]:
    """Every BLAS product inside runs on one thread (the count before is restored after)."""
    with _controller().limit(limits=1, user_api="blas"):
        yield


def threads() -> int:
    """The BLAS threads a product would use now (the most of any BLAS loaded; 1 when none)."""
    counts = [lib["num_threads"] for lib in _controller().info() if lib["user_api"] == "blas"]
    return max(counts, default=1)
