"""records.analysis: the records of the analyse and resolve stages."""

from __future__ import annotations

import dataclasses

import pytest

from newsprism.records import Mention, Relation


def test_analysis_records_are_frozen_and_compare_by_value() -> None:
    mention = Mention("a1", "Harbour Board", "ORG", 4, 17, "body")
    assert mention == Mention("a1", "Harbour Board", "ORG", 4, 17, "body")
    assert {Relation("part-of", "e2"), Relation("part-of", "e2")} == {Relation("part-of", "e2")}
    with pytest.raises(dataclasses.FrozenInstanceError):
        mention.text = "Board"  # type: ignore[misc]
