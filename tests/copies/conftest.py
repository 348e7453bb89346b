"""The copies tests' fixtures: a wire report republished by several outlets, and a rewrite."""

from __future__ import annotations

import pytest

from newsprism.records import Article

from .helpers import REWRITE, WIRE, art, republished


@pytest.fixture
def syndicated() -> dict[str, Article]:
    return {
        "wire": art("wire", WIRE, outlet="NPA", hours=0),
        "a": art("a", republished(WIRE), outlet="Skelby Courier", hours=1),
        "b": art("b", republished(WIRE, "Read more about ferry safety on our website."), outlet="Coast Today", hours=2),
        "c": art("c", list(WIRE), outlet="Nordland Daily", hours=3),
        "rewrite": art("rewrite", REWRITE, outlet="Island Voice", hours=4),
    }
