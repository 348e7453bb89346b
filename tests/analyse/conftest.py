"""The analysis tests run on the cached parses of their invented texts (``tests/_parses.py``), not on
the spaCy model; those marked ``model`` load the real one."""

from __future__ import annotations

import pytest

from _parses import parses  # noqa: F401  (the fixture)


@pytest.fixture(autouse=True)
def _cached_parses(parses: None) -> None:  # noqa: F811
    """Every test here parses through the cache."""
