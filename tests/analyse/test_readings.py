"""analyse.readings: what a date expression denotes, and the calendar arithmetic the time rules share."""

from __future__ import annotations

from datetime import date

import pytest

from newsprism.analyse.readings import (
    NO_ANCHOR,
    Reading,
    as_week,
    count,
    dated,
    need_anchor,
    normalise,
    period_start,
    shift_months,
    strip_leading,
    two_digit_year,
)


@pytest.mark.parametrize(("value", "start"), [
    ("2025-03-11", date(2025, 3, 11)), ("2025-W11", date(2025, 3, 10)), ("2025-03", date(2025, 3, 1)),
    ("2025-Q2", date(2025, 4, 1)), ("2025", date(2025, 1, 1)),
    ("2025-02-30", None), ("2025-W54", None), ("next week", None), ("2025-Q5", None),
], ids=["day", "week", "month", "quarter", "year", "no-such-day", "no-such-week", "words", "no-such-quarter"])
def test_readings_period_start_puts_any_granularity_in_calendar_order(value: str, start: date | None) -> None:
    assert period_start(value) == start


@pytest.mark.parametrize(("text", "normal"), [
    ("Saturday's", "saturday"), ("Sept. 17", "sept 17"), ("mid-July", "mid july"), ("March 3rd, 2024", "march 3 2024"),
    ("the ’98 season", "the '98 season"), ("(local)", "local"),
], ids=["possessive", "abbreviation-stop", "hyphen", "ordinal-and-comma", "curly-apostrophe-year", "brackets"])
def test_readings_normalise(text: str, normal: str) -> None:
    assert normalise(text) == normal


def test_readings_strip_leading_words_before_a_date() -> None:
    assert strip_leading("early on saturday") == "saturday"
    assert strip_leading("in the middle of march") == "march"
    assert strip_leading("saturday") == "saturday"


def test_readings_a_relative_expression_without_an_anchor_is_unresolved_with_its_reason() -> None:
    assert need_anchor(None, "day") == Reading(None, "day", "unresolved", NO_ANCHOR)
    assert need_anchor(date(2025, 3, 11), "day") is None


def test_readings_dated_refuses_a_day_the_calendar_lacks() -> None:
    assert dated(2024, 2, 29) == Reading("2024-02-29", "day", "resolved")
    assert dated(2025, 2, 29) == Reading(None, "day", "unresolved", "no such day in the calendar")
    assert dated(2025, 2, None) == Reading("2025-02", "month", "resolved")


def test_readings_week_months_and_counts() -> None:
    assert as_week(date(2025, 1, 1)) == Reading("2025-W01", "week", "resolved")
    assert as_week(date(2024, 12, 30)) == Reading("2025-W01", "week", "resolved")  # the ISO year
    assert shift_months(date(2025, 1, 31), -1) == (2024, 12) and shift_months(date(2025, 11, 5), 3) == (2026, 2)
    assert (count("a"), count("3"), count("2.5"), count("twelve"), count("many")) == (1, 3.0, 2.5, 12.0, None)


@pytest.mark.parametrize(("yy", "anchor", "year"), [
    (98, date(2001, 5, 1), 1998), (3, date(2001, 5, 1), 2003), (98, None, 1998), (29, None, 2029),
    (5, date(2096, 1, 1), 2105),
], ids=["last-century", "this-century", "undated-before-2030", "undated-2029", "next-century"])
def test_readings_two_digit_year_nearest_the_anchor(yy: int, anchor: date | None, year: int) -> None:
    assert two_digit_year(yy, anchor) == year
