"""analyse.rules: the patterns of the analyse stage's rule tables, on invented words."""

from __future__ import annotations

import pytest

from newsprism.analyse.rules import DECADE_RE, DESIGNATION_RE, DURATION_RE, QUANTITY_RE


@pytest.mark.parametrize(("word", "designation"), [
    ("Tu-160", True), ("Tu-95MS", True), ("MiG-31I", True), ("Kh-47M2", True), ("S-400", True), ("F-35A", True),
    ("Hwasong-17", True), ("Mi-8", True),
    ("B-1", False), ("A-1", False), ("COVID-19", False), ("Boeing-737", False),  # one letter needs two digits
])
def test_rules_designations_of_military_equipment(word: str, designation: bool) -> None:
    assert bool(DESIGNATION_RE.match(word)) is designation


@pytest.mark.parametrize(("text", "decade"), [("1990s", True), ("the 1990's", True), ("'90s", True), ("80s", True),
                                             ("1995", False)])
def test_rules_decades(text: str, decade: bool) -> None:
    assert bool(DECADE_RE.match(text)) is decade


@pytest.mark.parametrize(("text", "duration"), [("three years", True), ("48 hours", True), ("two-day", True),
                                               ("20-year-old", True), ("Saturday", False), ("the 90s", False)])
def test_rules_durations_are_no_dates(text: str, duration: bool) -> None:
    assert bool(DURATION_RE.search(text)) is duration


@pytest.mark.parametrize(("text", "found"), [
    ("about 1,200 residents", "about 1,200"), ("up to ten times", "up to ten"), ("$5 million", "$5 million"),
    ("between 1,500 and 2,000 km", "between 1,500 and 2,000"), ("3.5 bn", "3.5 bn"),
])
def test_rules_quantities_with_their_bounds_scales_and_currencies(text: str, found: str) -> None:
    m = QUANTITY_RE.search(text)
    assert m is not None and m.group(0) == found
