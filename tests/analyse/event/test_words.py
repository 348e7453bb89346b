"""analyse.event.words: the patterns the main-event rules read, on invented phrases."""

from __future__ import annotations

import pytest

from newsprism.analyse.event.words import SENTENCE_START, WHEN_WORDS
from newsprism.lexicon import CLOCK_IN_SPAN as CLOCK


@pytest.mark.parametrize(("text", "when"), [
    ("on Saturday", True), ("in Sept.", True), ("late at night", True), ("at 9pm", True), ("at 6:10", True),
    ("two days", False), ("108 years", False), ("a maybe", False),
])
def test_words_a_when_names_a_day_a_date_or_a_time_not_a_duration(text: str, when: bool) -> None:
    assert bool(WHEN_WORDS.search(text)) is when


@pytest.mark.parametrize(("text", "clock"), [("7 pm", True), ("6:10am", True), ("11 a.m.", True), ("1995", False),
                                             ("3 apples", False)])
def test_words_clock_times(text: str, clock: bool) -> None:
    assert bool(CLOCK.search(text)) is clock


@pytest.mark.parametrize(("before", "starts"), [("", True), ("The gate failed. ", True), ('Officials said: "', True),
                                                ("the ", False), ("Mr. Dahl met", False)])
def test_words_a_word_after_a_full_stop_or_a_colon_starts_a_sentence(before: str, starts: bool) -> None:
    assert bool(SENTENCE_START.search(before)) is starts
