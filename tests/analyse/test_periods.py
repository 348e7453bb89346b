"""Named periods and points from the day of writing: seasons, quarters, holidays a rule dates, "a decade ago",
"in two weeks", "this time last year", a bare "last", and "today" meaning nowadays. Invented sentences and dates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from newsprism.analyse import analyse
from newsprism.analyse.periods import FISCAL_QUARTER, holiday_on
from newsprism.analyse.readings import period_start
from newsprism.analyse.times import NOWADAYS, read
from newsprism.records import Article

WEDNESDAY = date(2024, 3, 13)  # early spring


def _value(text: str, anchor: date | None = WEDNESDAY, direction: str = "past",
           near: tuple[str, str] | None = None) -> tuple[str | None, str | None]:
    got = read(text, anchor, direction, near=near)
    return got.value, got.granularity


@pytest.mark.parametrize(("text", "direction", "anchor", "expected"), [
    ("last fall", "past", WEDNESDAY, "2023-FA"),
    ("last autumn", "past", WEDNESDAY, "2023-FA"),
    ("last winter", "past", WEDNESDAY, "2023-WI"),  # December to February, just over
    ("last winter", "past", date(2024, 1, 10), "2022-WI"),  # in a winter: the one before it
    ("last spring", "past", WEDNESDAY, "2023-SP"),  # this spring has begun: the one before
    ("this past summer", "past", date(2024, 9, 3), "2024-SU"),
    ("next spring", "future", WEDNESDAY, "2025-SP"),
    ("next summer", "future", WEDNESDAY, "2024-SU"),  # the first not begun
    ("this summer", "past", WEDNESDAY, "2024-SU"),  # of the year of writing, whatever the tense
    ("this fall", "future", WEDNESDAY, "2024-FA"),
    ("this winter", "either", WEDNESDAY, "2023-WI"),  # the nearer winter
    ("this winter", "either", date(2024, 11, 1), "2024-WI"),
    ("in the summer", "past", WEDNESDAY, "2023-SU"),
    ("in the summer", "future", WEDNESDAY, "2024-SU"),
    ("early spring", "past", WEDNESDAY, "2024-SP"),  # begun: the current one counts
    ("summer 2019", "past", WEDNESDAY, "2019-SU"),
    ("the autumn of 2019", "past", WEDNESDAY, "2019-FA"),
], ids=lambda v: str(v))
def test_periods_a_season_is_the_one_a_reader_means(text: str, direction: str, anchor: date, expected: str) -> None:
    assert _value(text, anchor, direction) == (expected, "season")


@pytest.mark.parametrize(("text", "expected"), [
    ("winter 2019", ("2019", "year")),  # which winter is not said: the year
    ("the fall", (None, None)),  # "the fall of the city": not read as autumn
    ("the previous summer", (None, None)),  # counted from a date told, not from the day of writing
])
def test_periods_a_season_that_does_not_say_which(text: str, expected: tuple[str | None, str | None]) -> None:
    assert _value(text) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-SP", date(2024, 3, 1)), ("2024-SU", date(2024, 6, 1)), ("2024-FA", date(2024, 9, 1)),
    ("2023-WI", date(2023, 12, 1)),
])
def test_periods_a_season_starts_on_its_first_month(value: str, expected: date) -> None:
    assert period_start(value) == expected


@pytest.mark.parametrize(("text", "direction", "expected"), [
    ("this quarter", "future", "2024-Q1"),
    ("the current quarter", "past", "2024-Q1"),
    ("last quarter", "past", "2023-Q4"),
    ("next quarter", "future", "2024-Q2"),
])
def test_periods_a_quarter_from_the_day_of_writing(text: str, direction: str, expected: str) -> None:
    assert _value(text, direction=direction) == (expected, "quarter")


@pytest.mark.parametrize("text", ["the fiscal first quarter", "its fiscal fourth quarter", "the third fiscal quarter"])
def test_periods_a_fiscal_quarter_without_its_year_is_unresolved(text: str) -> None:
    got = read(text, WEDNESDAY, "past")
    assert (got.status, got.granularity, got.reason) == ("unresolved", "quarter", FISCAL_QUARTER)


@pytest.mark.parametrize(("name", "year", "expected"), [
    ("easter", 2024, date(2024, 3, 31)), ("easter", 2025, date(2025, 4, 20)), ("good friday", 2024, date(2024, 3, 29)),
    ("easter monday", 2023, date(2023, 4, 10)), ("thanksgiving", 2023, date(2023, 11, 23)),
    ("labor day", 2023, date(2023, 9, 4)), ("memorial day", 2024, date(2024, 5, 27)),
])
def test_periods_a_holiday_a_rule_dates(name: str, year: int, expected: date) -> None:
    assert holiday_on(name, year) == expected


@pytest.mark.parametrize(("text", "direction", "expected"), [
    ("Easter", "future", "2024-03-31"),
    ("Easter", "past", "2023-04-09"),
    ("last Easter", "past", "2023-04-09"),
    ("on Thanksgiving Day", "past", "2023-11-23"),
    ("Labor Day 2021", "past", "2021-09-06"),
])
def test_periods_a_movable_holiday_looks_the_sentences_way(text: str, direction: str, expected: str) -> None:
    assert _value(text, direction=direction) == (expected, "day")


@pytest.mark.parametrize(("text", "direction", "expected"), [
    ("a decade ago", "past", ("2014", "year")),
    ("nearly two decades ago", "past", ("2004", "year")),
    ("this time last year", "past", ("2023-03", "month")),
    ("in two weeks", "future", ("2024-03-27", "day")),  # "will vote in two weeks": fourteen days on
    ("in three days", "future", ("2024-03-16", "day")),
    ("in two weeks' time", "future", ("2024-03-27", "day")),
    ("in two weeks", "past", (None, None)),  # "rose 5% in two weeks": a duration
    ("in a few weeks", "future", (None, "week")),  # a vague count
    ("early in the year", "past", ("2024", "year")),
    ("over the weekend", "past", ("2024-W10", "week")),
    ("the week before last", "past", ("2024-W09", "week")),
    ("the month before last", "past", ("2024-01", "month")),
    ("the year before last", "past", ("2022", "year")),
    ("the second half of next year", "future", ("2025", "year")),  # a half has no value of its own
    ("the 2023 fourth quarter", "past", ("2023-Q4", "quarter")),
    ("2023's third quarter", "past", ("2023-Q3", "quarter")),
    ("the week of March 4", "past", ("2024-W10", "week")),  # that day's week
    ("the weekend of Feb. 24", "past", ("2024-W08", "week")),
    ("as of March 4", "past", ("2024-03-04", "day")),
])
def test_periods_points_counted_from_the_day_of_writing(text: str, direction: str,
                                                        expected: tuple[str | None, str | None]) -> None:
    assert _value(text, direction=direction) == expected


@pytest.mark.parametrize(("text", "near", "expected"), [
    ("the same time last year", None, ("2023-03", "month")),  # as "this time last year"
    ("this time a year ago", None, ("2023-03", "month")),
    ("the same month last year", None, ("2023-03", "month")),
    ("the same day last year", None, ("2023-03-13", "day")),
    ("the same week a year earlier", None, ("2023-W11", "week")),
    ("the same period last year", None, ("2023", "year")),  # a period of unsaid months: the year
    ("the corresponding period last year", ("2024-Q3", "quarter"), ("2023", "year")),
    ("the same quarter a year ago", None, ("2023", "year")),
    # "ferry traffic in January fell from the same month last year": the January a year back
    ("the same month last year", ("2024-01", "month"), ("2023-01", "month")),
    ("the same day last year", ("2024-02-29", "day"), ("2023-02-28", "day")),
    ("the same month last year", ("2024", "year"), ("2023-03", "month")),  # a year names no month
    ("this time last year", ("2024-01", "month"), ("2023-03", "month")),  # "this time" is now
], ids=lambda v: str(v))
def test_periods_the_same_period_a_year_back(text: str, near: tuple[str, str] | None,
                                             expected: tuple[str, str]) -> None:
    assert _value(text, near=near) == expected


@pytest.mark.parametrize(("text", "near", "expected"), [
    ("last", ("1999", "year"), ("1998", "year")),  # "twice the payout this year as last"
    ("next", ("1999-10", "month"), ("1999-11", "month")),  # "this month and next"
    ("next", ("1999-Q3", "quarter"), ("1999-Q4", "quarter")),
    ("last", None, (None, None)),  # no unit to borrow
    ("last", ("1999-10-04", "day"), (None, None)),  # no ellipsis of a day
])
def test_periods_a_bare_last_or_next_borrows_the_unit_told_before(text: str, near: tuple[str, str] | None,
                                                                   expected: tuple[str | None, str | None]) -> None:
    assert _value(text, date(1999, 10, 27), "past", near) == expected


def test_periods_seasons_and_counts_in_sentences(make_article: Callable[..., Article]) -> None:
    published = datetime(1999, 10, 27, 12, 0, tzinfo=UTC)
    body = ("The bakery chain will open more shops over the summer and next spring. The board will vote in two "
            "weeks. Sales rose 5% in two weeks. Last fall the chain shut a plant, and winter storms hurt sales.")
    (result,) = analyse([make_article(body, published=published)])
    got = [(t.text, t.value) for t in result.times]
    assert ("next spring", "2000-SP") in got  # a bare "summer" inside a longer span is not read alone
    assert ("two weeks", "1999-11-10") in got and ("two weeks", None) in got
    assert ("Last fall", "1998-FA") in got
    assert ("winter", None) in got  # "winter storms": a kind of storm
    (result,) = analyse([make_article("That would be the first time in 48 years. It was a long and quiet winter.",
                                      published=published)])
    assert [t.value for t in result.times] == [None, None]  # a span of time; a described winter


@pytest.mark.parametrize(("body", "nowadays"), [
    ("The fund, which was set up in the 1970s by his uncle, continues today.", True),
    ("Built in 1890, the old mill is today the region's biggest museum.", True),
    ("The ferry is the most capable vessel in service today.", True),
    ("It is twice as strong as the next best engine available today.", True),
    ("The minister today said the plan was dead.", False),
    ("Officials are meeting today in the capital.", False),
    ("The court rules today on the appeal.", False),
    ("Schools remain closed today after the storm last week.", False),
    ("Today's is the worst crash on the line since 1959.", False),  # the day's crash
], ids=lambda v: str(v)[:30])
def test_periods_today_meaning_nowadays(body: str, nowadays: bool, make_article: Callable[..., Article]) -> None:
    published = datetime(2018, 10, 26, 12, 0, tzinfo=UTC)
    (result,) = analyse([make_article(body, published=published)])
    (today,) = [t for t in result.times if t.text.lower() == "today"]
    if nowadays:
        assert (today.status, today.reason) == ("unresolved", NOWADAYS)
    else:
        assert today.value == "2018-10-26"


def test_periods_a_capitalised_day_word_inside_a_sentence_is_a_name(make_article: Callable[..., Article]) -> None:
    published = datetime(2018, 2, 5, 12, 0, tzinfo=UTC)
    body = ("The mayor told Harbour Today last month that the quay would close.\n\n"
            "Today, the quay is shut. He said: Today it ends.")
    (result,) = analyse([make_article(body, published=published, title="Quay To Close Today")])
    got = [(t.field, t.text, t.value) for t in result.times]
    assert ("body", "last month", "2018-01") in got  # the rest of "Today last month" read alone
    assert [v for f, x, v in got if f == "body" and x.startswith("Today")] == [None, "2018-02-05", "2018-02-05"]
    assert ("title", "Today", "2018-02-05") in got  # a headline capitalises every word
