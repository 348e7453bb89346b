"""The whole pipeline's runs over the demo corpus and invented articles parse through the cached
parses of their texts (``tests/_parses.py``), not the spaCy model."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from _parses import cached_model


@pytest.fixture(scope="module", autouse=True)
def _cached_parses(request: pytest.FixtureRequest) -> Iterator[None]:
    """For every module here (its module-scoped runs included); a module marked ``model`` gets the model."""
    if request.node.get_closest_marker("model") is not None:
        yield
        return
    with cached_model():
        yield
