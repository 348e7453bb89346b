"""analyse.datewords: the words and clock pattern of the time resolver, on invented text."""

from __future__ import annotations

import pytest

from newsprism.analyse.datewords import CLOCK_RE, MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS


def test_datewords_every_month_and_weekday_abbreviation_names_one() -> None:
    assert sorted(set(MONTHS.values())) == list(range(1, 13))
    assert all(MONTHS[name[:3]] == n for n, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december"), 1))
    assert all(WEEKDAYS[i].startswith(abbr[:3]) for abbr, i in WEEKDAY_ABBREVIATIONS.items())


@pytest.mark.parametrize(("text", "clock"), [
    ("2100 GMT", "2100 GMT"), ("at 21:00", "21:00"), ("9.30 a.m.", "9.30 a.m."), ("9 pm", "9 pm"),
    ("(local)", "(local)"),
    ("in 1990", None), ("3.5 million", None), ("10:1 odds", None), ("2023-09-16", None), ("12.5%", None),
])
def test_datewords_clock_times_and_what_is_no_clock(text: str, clock: str | None) -> None:
    m = CLOCK_RE.search(text)
    assert (m.group(0) if m else None) == clock
