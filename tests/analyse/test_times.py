"""Time resolution: a reader's semantics, on invented sentences and dates.

The regression cases mirror the misdatings reported in issue 18 (a weekday a week
early, a clock time read as a year, a month-day in the wrong year, "May today" read
as a month, "last week" given a day, "today" or "Earlier that day" missed); every
fixture sentence and date here is made up.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
import spacy
from spacy.tokens import Doc

from _support import KST, MONDAY
from newsprism.analyse import Layout, analyse
from newsprism.analyse.readings import NO_ANCHOR, period_start
from newsprism.analyse.times import (
    CODE_NOT_YEAR,
    DECADE,
    DIFFERENCE,
    GAME_PERIOD,
    HOLIDAY_THING,
    NO_ANTECEDENT,
    RECURRING,
    read,
    times,
)
from newsprism.records import Article

TUESDAY = date(2025, 3, 11)
FRIDAY = date(2025, 7, 18)


def _value(text: str, anchor: date | None = TUESDAY, direction: str = "past",
           context: tuple[str, str] | None = None, label: str = "DATE") -> tuple[str | None, str | None]:
    got = read(text, anchor, direction, context, label)
    return got.value, got.granularity


# ------------------------------------------------------------ weekdays


@pytest.mark.parametrize(("text", "direction", "anchor", "expected"), [
    ("early Tuesday", "past", TUESDAY, "2025-03-11"),  # the publication day itself, not a week before
    ("Tuesday", "past", TUESDAY, "2025-03-11"),
    ("Sunday", "past", TUESDAY, "2025-03-09"),
    ("Monday night", "past", TUESDAY, "2025-03-10"),
    ("Friday", "past", FRIDAY, "2025-07-18"),  # "said Friday" in a Friday article
    ("Thursday night", "past", FRIDAY, "2025-07-17"),  # the night before, not a week on
    ("Thursday", "future", TUESDAY, "2025-03-13"),
    ("Tuesday", "future", TUESDAY, "2025-03-11"),
    ("Friday", "either", TUESDAY, "2025-03-07"),  # no tense: news tells what has happened
    ("this Friday", "past", TUESDAY, "2025-03-14"),  # "this": the nearest
    ("this Saturday", "past", TUESDAY, "2025-03-08"),
    ("last Tuesday", "past", TUESDAY, "2025-03-04"),
    ("next Tuesday", "past", TUESDAY, "2025-03-18"),
    ("Tuesday's", "past", TUESDAY, "2025-03-11"),
], ids=lambda v: str(v))
def test_times_weekday_counts_from_the_publication_day(text: str, direction: str, anchor: date,
                                                      expected: str) -> None:
    assert _value(text, anchor, direction) == (expected, "day")


# ------------------------------------------------------------ clock times


@pytest.mark.parametrize("text", ["2100 GMT", "2107 GMT", "0600 local time", "21:00", "9.30 a.m.", "7 pm ET"])
def test_times_clock_time_is_never_a_year(text: str) -> None:
    got = read(text, TUESDAY, "past")
    assert (got.value, got.status) == (None, "unresolved")


def test_times_bare_four_digits_tagged_time_are_a_clock_time() -> None:
    assert read("at 2100", TUESDAY, "past", None, "TIME").value is None


def test_times_clock_time_with_a_day_gives_the_day() -> None:
    assert _value("2107 GMT Monday") == ("2025-03-10", "day")


# ------------------------------------------------------------ month and day without a year


@pytest.mark.parametrize(("text", "direction", "expected"), [
    ("July 15", "past", "2025-07-15"),  # in a July 18 article, not the year before
    ("July 26", "future", "2025-07-26"),
    ("July 26", "either", "2025-07-26"),
    ("July 26", "past", "2025-07-26"),  # a year back would say "last year"
    ("Oct. 26", "past", "2024-10-26"),
    ("Jan. 14", "future", "2026-01-14"),  # the article looks ahead
    ("Jan. 14", "either", "2026-01-14"),
    ("Dec. 30", "past", "2024-12-30"),
    ("14 July", "past", "2025-07-14"),
    ("the 14th of July", "past", "2025-07-14"),
    ("Thursday, July 17", "past", "2025-07-17"),
    ("mid-July", "past", "2025-07"),
    ("April", "future", "2026-04"),
    ("April", "past", "2025-04"),
    ("July", "past", "2025-07"),
    ("last October", "past", "2024-10"),
    ("next March", "past", "2026-03"),
    ("June last year", "past", "2024-06"),
    ("March this year", "future", "2025-03"),
], ids=lambda v: str(v))
def test_times_month_takes_the_nearest_year_in_the_sentences_direction(text: str, direction: str,
                                                                     expected: str) -> None:
    value, granularity = _value(text, FRIDAY, direction)
    assert value == expected
    assert granularity == ("month" if len(expected) == 7 else "day")


def test_times_a_month_day_about_a_year_back_is_the_one_ahead() -> None:
    # "had proclaimed the end of the emergency on July 26" in a July 14 article: no "last year"
    assert _value("July 26", date(2025, 7, 14), "past") == ("2025-07-26", "day")
    assert _value("Sept. 30", date(2025, 7, 14), "past") == ("2024-09-30", "day")  # ten months back stays


@pytest.mark.parametrize(("text", "direction", "expected"), [
    ("early Tuesday", "past", "2025-03-11"),  # a launch in Asia, told in a Monday-evening article
    ("Tuesday", "either", "2025-03-11"),
    ("Monday", "past", "2025-03-10"),
    ("Sunday", "past", "2025-03-09"),
    ("March 11", "past", "2025-03-11"),
    ("today", "past", "2025-03-10"),  # the publication day stays the publication day
    ("yesterday", "past", "2025-03-09"),
])
def test_times_late_in_the_day_a_past_day_may_be_the_next_day(text: str, direction: str, expected: str) -> None:
    monday = date(2025, 3, 10)
    got = read(text, monday, direction, None, "DATE", None, late=True)
    assert got.value == expected
    if text == "early Tuesday":
        assert read(text, monday, direction).value == "2025-03-04"  # in the morning, a week before


def test_times_a_day_word_beats_a_name_read_as_a_month() -> None:
    # "Minister Ellen May today said": the model may tag "May today" as one date
    assert _value("May today", FRIDAY) == ("2025-07-18", "day")


def test_times_may_in_lower_case_is_no_month() -> None:
    assert read("may 5", FRIDAY).status == "unresolved"


# ------------------------------------------------------------ counted from the day of writing


@pytest.mark.parametrize(("text", "expected"), [
    ("today", ("2025-03-11", "day")),
    ("tonight", ("2025-03-11", "day")),
    ("yesterday", ("2025-03-10", "day")),
    ("late yesterday", ("2025-03-10", "day")),
    ("tomorrow", ("2025-03-12", "day")),
    ("last night", ("2025-03-10", "day")),
    ("the day before yesterday", ("2025-03-09", "day")),
    ("last week", ("2025-W10", "week")),  # a week, not a day
    ("this week", ("2025-W11", "week")),
    ("next week", ("2025-W12", "week")),
    ("two weeks ago", ("2025-02-25", "day")),  # weeks counted back are days: seven each
    ("a week ago", ("2025-03-04", "day")),
    ("this month", ("2025-03", "month")),
    ("earlier this month", ("2025-03", "month")),
    ("last month", ("2025-02", "month")),
    ("three months ago", ("2024-12", "month")),
    ("this year", ("2025", "year")),
    ("last year", ("2024", "year")),
    ("almost four years ago", ("2021", "year")),
    ("a year ago", ("2024", "year")),
    ("five days ago", ("2025-03-06", "day")),
    ("a year from now", ("2026", "year")),
    ("two weeks from now", ("2025-03-25", "day")),
    ("year-earlier", ("2024", "year")),  # "the year-earlier profit": a year before, at a year's granularity
    ("the year-ago quarter", ("2024", "year")),
], ids=lambda v: str(v))
def test_times_relative_to_the_day_of_writing(text: str, expected: tuple[str, str]) -> None:
    assert _value(text) == expected


@pytest.mark.parametrize(("text", "direction", "expected"), [
    ("the first Monday of April", "future", "2025-04-07"),
    ("the last Friday of February", "past", "2025-02-28"),
    ("the fourth Thursday of November", "future", "2025-11-27"),
    ("the first Tuesday in November 2024", "past", "2024-11-05"),
    ("the last Sunday of December", "past", "2024-12-29"),  # the month in the sentence's direction, then the day
], ids=lambda v: str(v))
def test_times_the_nth_weekday_of_a_month(text: str, direction: str, expected: str) -> None:
    assert _value(text, direction=direction) == (expected, "day")


@pytest.mark.parametrize(("text", "direction", "expected"), [
    ("just last night", "past", ("2025-03-10", "day")),
    ("Just last week", "past", ("2025-W10", "week")),
    ("only last year", "past", ("2024", "year")),
    ("as recently as last month", "past", ("2025-02", "month")),
    ("even this year", "past", ("2025", "year")),
    ("not until next year", "future", ("2026", "year")),
    ("no later than Friday", "future", ("2025-03-14", "day")),
    ("shortly before midnight Tuesday", "past", ("2025-03-11", "day")),
    ("last year alone", "past", ("2024", "year")),
    ("Friday at the earliest", "future", ("2025-03-14", "day")),
], ids=lambda v: str(v))
def test_times_a_word_that_focuses_or_bounds_a_date_keeps_its_day(text: str, direction: str,
                                                                  expected: tuple[str, str]) -> None:
    assert _value(text, direction=direction) == expected


@pytest.mark.parametrize("text", ["just weeks ago", "only a few days ago", "just hours", "at least a decade"])
def test_times_a_focused_vague_count_stays_unresolved(text: str) -> None:
    assert _value(text)[0] is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Earlier that day", "2025-03-08"),
    ("later that day", "2025-03-08"),
    ("the same day", "2025-03-08"),
    ("the next day", "2025-03-09"),
    ("the day before", "2025-03-07"),
    ("the previous Saturday", "2025-03-01"),  # counted from that Saturday: the one a week before
    ("the previous Thursday", "2025-03-06"),
    ("the following Monday", "2025-03-10"),
    ("the next Saturday", "2025-03-15"),
])
def test_times_that_day_is_the_day_named_before(text: str, expected: str) -> None:
    assert _value(text, context=("2025-03-08", "day")) == (expected, "day")


@pytest.mark.parametrize(("text", "context", "expected"), [
    ("That Friday", ("2025-03-03", "day"), "2025-03-07"),  # the Friday of the week of the day told
    ("that same Monday", ("2025-03-07", "day"), "2025-03-03"),
    ("that Monday", None, "2025-03-10"),  # no day told: the weekday alone, from the day of writing
    ("that Monday", ("2025-03", "month"), "2025-03-10"),
], ids=lambda v: str(v))
def test_times_that_weekday_is_of_the_week_of_the_day_told(text: str, context: tuple[str, str] | None,
                                                           expected: str) -> None:
    assert _value(text, anchor=TUESDAY, context=context) == (expected, "day")


@pytest.mark.parametrize(("text", "context", "expected"), [
    ("later that year", ("2019-06-03", "day"), ("2019", "year")),
    ("that month", ("2019-06-03", "day"), ("2019-06", "month")),
    ("the same week", ("2019-06-03", "day"), ("2019-W23", "week")),
    ("that year", ("2019", "year"), ("2019", "year")),
    ("that month", ("2019", "year"), (None, "month")),  # no month was named
    ("that year", None, (None, "year")),
    ("later in the year", None, ("2025", "year")),  # of the day of writing
    ("Earlier in the week", ("2019-06-03", "day"), ("2025-W11", "week")),
    ("earlier in the month", None, ("2025-03", "month")),
], ids=lambda v: str(v))
def test_times_the_period_of_a_date_told_before_or_of_writing(text: str, context: tuple[str, str] | None,
                                                              expected: tuple[str | None, str]) -> None:
    assert _value(text, context=context) == expected


@pytest.mark.parametrize(("text", "anchor", "direction", "expected"), [
    ("Christmas", date(2025, 12, 20), "past", "2025-12-25"),  # five days ahead, not a year back
    ("Christmas", date(2025, 1, 10), "past", "2024-12-25"),
    ("on Christmas Day", date(2025, 3, 11), "future", "2025-12-25"),
    ("last Christmas", date(2025, 12, 20), "past", "2024-12-25"),
    ("New Year's Eve", date(2025, 1, 3), "past", "2024-12-31"),
    ("Valentine's Day", date(2025, 3, 11), "either", "2025-02-14"),
    # national and civic days on a fixed date
    ("Bastille Day", date(2025, 7, 15), "past", "2025-07-14"),
    ("St. Patrick's Day", date(2025, 3, 20), "past", "2025-03-17"),
    ("Veterans Day", date(2025, 11, 1), "future", "2025-11-11"),
    ("Guy Fawkes Night", date(2025, 11, 6), "past", "2025-11-05"),
], ids=lambda v: str(v))
def test_times_a_holiday_on_a_fixed_day_is_that_day(text: str, anchor: date, direction: str, expected: str) -> None:
    assert _value(text, anchor, direction) == (expected, "day")


@pytest.mark.parametrize(("text", "expected"), [
    ("later in the day", "2025-03-08"),
    ("Earlier in the day", "2025-03-08"),
    ("the morning", "2025-03-08"),
    ("in the afternoon", "2025-03-08"),
    ("by mid-afternoon", "2025-03-08"),
    ("early morning", "2025-03-08"),
    ("on the day", "2025-03-08"),  # "the index rose 2% on the day"
], ids=lambda v: str(v))
def test_times_a_part_of_the_day_alone_is_of_the_day_told_before(text: str, expected: str) -> None:
    assert _value(text, context=("2025-03-08", "day")) == (expected, "day")


@pytest.mark.parametrize(("text", "direction", "expected"), [
    ("overnight", "past", "2025-03-10"),  # "five people were arrested overnight": last night
    ("overnight", "future", "2025-03-11"),  # "the vote will run overnight": tonight
], ids=lambda v: str(v))
def test_times_overnight_without_a_day_told_is_last_night(text: str, direction: str, expected: str) -> None:
    assert _value(text, direction=direction) == (expected, "day")


@pytest.mark.parametrize("text", ["by mid-afternoon", "late in the day", "in the early afternoon"])
def test_times_a_part_of_the_day_without_a_day_told_is_unresolved(text: str) -> None:
    # "the plane took off again in the early afternoon" in a story told without its day
    got = read(text, TUESDAY, "past", None)
    assert (got.value, got.granularity, got.status, got.reason) == (None, "day", "unresolved", NO_ANTECEDENT)


def test_times_overnight_after_a_day_told_is_either_side_of_it() -> None:
    # "lowered the gate late on Tuesday, and the river fell overnight" / "said on Tuesday that ... overnight"
    got = read("overnight", TUESDAY, "past", ("2025-03-08", "day"))
    assert (got.value, got.status) == (None, "unresolved")


def test_times_a_part_of_the_day_after_a_longer_period_in_its_sentence_names_no_day() -> None:
    # "in 1998 the ferry sank at night": some night of 1998, which one is not said
    got = read("at night", TUESDAY, "past", None, "DATE", ("1998", "year"))
    assert (got.value, got.status) == (None, "unresolved")


@pytest.mark.parametrize("text", ["at night", "in the evening"])
def test_times_a_part_of_the_day_in_a_present_is_any_day(text: str) -> None:
    # "the square is quiet at night": what happens on any day
    assert read(text, TUESDAY, "present").status == "unresolved"


@pytest.mark.parametrize("text", ["the evening news", "a second night", "the early hours"])
def test_times_a_part_of_the_day_in_a_longer_phrase_names_no_day(text: str) -> None:
    assert read(text, TUESDAY, "past", ("2025-03-08", "day")).status == "unresolved"


@pytest.mark.parametrize(("text", "direction", "context", "expected"), [
    ("on the 19th", "past", None, "2025-02-19"),  # the most recent 19th, looking back from 11 March
    ("the 3rd", "past", None, "2025-03-03"),
    ("the 21st", "future", None, "2025-03-21"),  # "is to visit the port on the 21st"
    ("the 2nd", "future", None, "2025-04-02"),
    ("the 21st", "past", ("2024-06-03", "day"), "2024-06-21"),  # "opened on June 3 and closed on the 21st"
    ("the 30th", "past", ("2024-11", "month"), "2024-11-30"),
], ids=lambda v: str(v))
def test_times_a_day_of_the_month_alone(text: str, direction: str, context: tuple[str, str] | None,
                                        expected: str) -> None:
    assert _value(text, direction=direction, context=context) == (expected, "day")


@pytest.mark.parametrize(("text", "expected"), [
    ("the first of March", "2025-03-01"), ("the third of May", "2025-05-03"),
    ("the twenty-first of February", "2025-02-21"), ("the 12th of February", "2025-02-12"),
], ids=lambda v: str(v))
def test_times_an_ordinal_day_of_a_month_is_a_day(text: str, expected: str) -> None:
    assert _value(text, direction="either") == (expected, "day")


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("Monday, Oct. 6", date(2025, 3, 11), "2025-10-06"),  # 6 October 2024 was a Sunday
    ("Sunday, Oct. 6", date(2025, 3, 11), "2024-10-06"),
    ("Friday, Jan. 2", date(2025, 3, 11), "2026-01-02"),
    ("Saturday and Jan. 7", date(2025, 3, 11), "2025-01-07"),  # two days: the weekday is not Jan. 7's
], ids=lambda v: str(v))
def test_times_a_weekday_with_a_month_and_day_picks_the_year_it_falls_on(text: str, anchor: date,
                                                                         expected: str) -> None:
    assert _value(text, anchor, "past") == (expected, "day")


@pytest.mark.parametrize(("text", "expected"), [
    ("a week or so ago", ("2025-03-04", "day")), ("a year or so ago", ("2024", "year")),
])
def test_times_or_so_hedges_a_count(text: str, expected: tuple[str, str]) -> None:
    assert _value(text) == expected


@pytest.mark.parametrize("text", ["Earlier that day", "the previous Friday"])
def test_times_that_day_without_a_day_before_is_unresolved(text: str) -> None:
    got = read(text, TUESDAY, "past", None)
    assert (got.value, got.granularity, got.status, got.reason) == (None, "day", "unresolved", NO_ANTECEDENT)


@pytest.mark.parametrize(("text", "near", "context", "expected"), [
    ("a year earlier", None, None, ("2024", "year")),  # nothing else in the sentence: from the day of writing
    ("a year earlier", ("2019-06", "month"), None, ("2018", "year")),
    ("two days later", ("2025-03-02", "day"), None, ("2025-03-04", "day")),
    ("three months earlier", None, None, ("2024-12", "month")),
    ("The following month", None, ("2024-04-20", "day"), ("2024-05", "month")),
    ("the previous year", None, ("2019", "year"), ("2018", "year")),
    ("the year before", None, ("2019", "year"), ("2018", "year")),
    ("the month after", None, ("2019-12-03", "day"), ("2020-01", "month")),
    ("the year-earlier period", ("2019-Q3", "quarter"), None, ("2018", "year")),
], ids=lambda v: str(v))
def test_times_counted_from_a_date_told_before(text: str, near: tuple[str, str] | None,
                                              context: tuple[str, str] | None, expected: tuple[str, str]) -> None:
    got = read(text, TUESDAY, "past", context, "DATE", near)
    assert (got.value, got.granularity) == expected


def test_times_a_day_later_than_a_year_has_no_day() -> None:
    got = read("a day later", TUESDAY, "past", None, "DATE", ("2019", "year"))
    assert (got.value, got.status) == (None, "unresolved")


@pytest.mark.parametrize(("text", "expected"), [
    ("the year", "2025"), ("the fiscal year", "2025"), ("the current fiscal year", "2025"),
    ("the end of the year", "2025"), ("year-end", "2025"), ("year's end", "2025"), ("by year end", "2025"),
])
def test_times_the_year_is_the_year_of_writing(text: str, expected: str) -> None:
    assert _value(text, direction="either") == (expected, "year")  # "costs for the year", "by year-end"


@pytest.mark.parametrize("text", ["year-end", "year end", "the end of the year"])
def test_times_a_year_end_told_in_the_past_is_the_last_one(text: str) -> None:
    # "shares have fallen 8% since year-end" in March: the end of the year before
    assert _value(text, direction="past") == ("2024-12-31", "day")


@pytest.mark.parametrize(("text", "expected"), [
    ("the end of the week", ("2025-W11", "week")), ("the rest of the month", ("2025-03", "month")),
    ("the beginning of the month", ("2025-03", "month")),
])
def test_times_the_end_of_the_week_is_of_the_week_of_writing(text: str, expected: tuple[str, str]) -> None:
    assert _value(text, direction="future") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("nineteen ninety-one", "1991"), ("the year two thousand", "2000"), ("two thousand and four", "2004"),
    ("nineteen hundred", "1900"), ("twenty twenty", "2020"),
])
def test_times_a_year_in_words(text: str, expected: str) -> None:
    assert _value(text, None) == (expected, "year")


@pytest.mark.parametrize(("text", "expected"), [
    ("January nineteen ninety-seven", "1997-01"), ("Sept. nineteen eighty-nine", "1989-09"),
    ("March of two thousand and one", "2001-03"),
])
def test_times_a_month_with_its_year_in_words(text: str, expected: str) -> None:
    # spoken news: the month of the year said after it, not the nearest such month
    assert _value(text, date(2025, 3, 11)) == (expected, "month")
    assert _value("may nineteen ninety", None)[0] is None  # "may" in lower case is no month


# ------------------------------------------------------------ absolute dates, granularity, undated articles


@pytest.mark.parametrize(("text", "expected"), [
    ("September 16, 2023", ("2023-09-16", "day")),
    ("16 September 2023", ("2023-09-16", "day")),
    ("Sept. 16, 2023", ("2023-09-16", "day")),
    ("Saturday, Sept. 16, 2023", ("2023-09-16", "day")),
    ("September 2023", ("2023-09", "month")),
    ("2023", ("2023", "year")),
    ("fiscal 2023", ("2023", "year")),
    ("the first half of 2023", ("2023", "year")),
    ("2023-09-16", ("2023-09-16", "day")),
    ("16.09.2023", ("2023-09-16", "day")),
    ("the third quarter of 2023", ("2023-Q3", "quarter")),
], ids=lambda v: str(v))
def test_times_absolute_dates_need_no_publication_day(text: str, expected: tuple[str, str]) -> None:
    assert _value(text, None) == expected
    assert _value(text) == expected


@pytest.mark.parametrize(("text", "granularity"), [
    ("Friday", "day"), ("July 15", "day"), ("in July", "month"), ("last week", "week"), ("today", "day"),
])
def test_times_undated_article_leaves_relative_dates_unresolved(text: str, granularity: str) -> None:
    got = read(text, None, "past")
    assert (got.value, got.granularity, got.status, got.reason) == (None, granularity, "unresolved", NO_ANCHOR)


@pytest.mark.parametrize("text", ["11:20 p.m.", "a second night", "the early hours", "midnight",
                                  "recently", "for 25 years", "the 1990s"])
def test_times_time_without_a_day_is_unresolved(text: str) -> None:
    got = read(text, TUESDAY, "past")
    assert got.value is None and got.status == "unresolved" and got.reason


def test_times_no_such_day() -> None:
    got = read("February 30, 2023", TUESDAY, "past")
    assert (got.value, got.status, got.reason) == (None, "unresolved", "no such day in the calendar")


# ------------------------------------------------------------ whole sentences through the pipeline (cached parses)


def _article(body: str, published: datetime, title: str | None = None) -> Article:
    return Article(
        article_id="t1", source="test", format="text", encoding="utf-8", url=None, outlet=None,
        outlet_evidence=None, title=title, byline=(), credit=None, published=published, updated=None,
        time_zone=None, language="en", paragraphs=tuple(body.split("\n\n")), captions=(), removals=(),
        flags=(), description=None, source_text=body,
    )


@pytest.mark.parametrize(("hour", "expected"), [(21, "2025-03-11"), (0, "2025-03-11"), (9, "2025-03-04")],
                         ids=["evening", "no-time-of-day", "morning"])
def test_times_publication_hour_decides_a_weekday_after_it(hour: int, expected: str) -> None:
    monday = datetime(2025, 3, 10, hour, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert ("early Tuesday", expected) in _resolved("Vesteria fired a rocket early Tuesday, officials said.", monday)


def test_times_sentences_resolve_as_a_reader_would() -> None:
    tuesday = datetime(2025, 3, 11, 9, 5, tzinfo=timezone(timedelta(hours=9)))
    body = ("The coastal republic of Vesteria fired a rocket early Tuesday, the navy said.\n\n"
            "It was the second launch since a test on Sunday, which the navy tracked until 2100 GMT.\n\n"
            "The council will meet on Jan. 14 to discuss the launches, and again in April.\n\n"
            "Minister Ellen May today said the tests must stop.\n\n"
            "A ferry was stopped on March 2. Earlier that day, the port had closed.\n\n"
            "The navy said last week that it had seen almost four years ago a similar test.")
    (result,) = analyse([_article(body, tuesday)])
    got = {t.text: (t.value, t.granularity) for t in result.times}
    assert got["early Tuesday"] == ("2025-03-11", "day")
    assert got["Sunday"] == ("2025-03-09", "day")
    assert got.get("2100 GMT", (None, None))[0] is None
    assert got["Jan. 14"] == ("2026-01-14", "day")
    assert got["April"] == ("2025-04", "month")
    assert ("2025-03-11", "day") in [v for k, v in got.items() if "today" in k]
    assert got["March 2"] == ("2025-03-02", "day")
    assert got["Earlier that day"] == ("2025-03-02", "day")
    assert got["last week"] == ("2025-W10", "week")
    assert got["almost four years ago"] == ("2021", "year")


def test_times_the_body_counts_from_the_day_the_headline_names() -> None:
    friday = datetime(2025, 3, 14, 18, 0, tzinfo=UTC)
    a = _article("The index closed 2% lower, down 4% from the previous Friday.\n\nTraders left early.", friday,
                 title="Harbour shares slide Friday")
    (result,) = analyse([a])
    got = {t.text: (t.value, t.field) for t in result.times}
    assert got["Friday"] == ("2025-03-14", "title")
    assert got["the previous Friday"] == ("2025-03-07", "body")


def test_times_parts_of_the_day_and_days_of_the_month_in_sentences() -> None:
    wednesday = datetime(2025, 3, 12, 12, 0, tzinfo=UTC)
    body = ("Ferry prices in Lundar dropped sharply overnight, traders said.\n\n"
            "Good evening. The harbour board met on Friday and, by mid-afternoon, had voted to close the quay.\n\n"
            "The quay first closed on Feb. 3 and reopened on the 19th.")
    (result,) = analyse([_article(body, wednesday)])
    got = {t.text: (t.value, t.status) for t in result.times}
    assert got["evening"] == (None, "unresolved")  # a greeting
    assert got["Friday"] == ("2025-03-07", "resolved")
    assert got["mid-afternoon"] == ("2025-03-07", "resolved")  # the day told before it
    assert got["overnight"] == ("2025-03-11", "resolved")  # no day told before it: last night
    assert got["the 19th"] == ("2025-02-19", "resolved")  # the month told before it


@pytest.mark.parametrize(("body", "text"), [
    ("Crowds are expected for the afternoon launch from the cape.", "afternoon"),
    ("The scheme is the butt of late-night TV jokes.", "late-night"),
    ("It was another harrowing night for savers.", "night"),
    ("The night was cold and wet on the quay.", "The night"),
    ("She works on the 31st floor of the harbour tower.", "the 31st"),
    ("The home side won it in the 10th with a single.", "the 10th"),
], ids=lambda v: str(v)[:24])
def test_times_a_part_of_the_day_or_an_ordinal_that_names_no_day(body: str, text: str) -> None:
    wednesday = datetime(2025, 3, 12, 12, 0, tzinfo=UTC)
    (result,) = analyse([_article(body, wednesday)])
    assert [(t.text, t.status) for t in result.times if t.text == text] == [(text, "unresolved")]


def test_times_a_part_of_the_day_takes_the_weekday_the_model_left_out() -> None:
    wednesday = datetime(2025, 3, 12, 12, 0, tzinfo=UTC)
    (result,) = analyse([_article("Monday night's rare supermoon drew crowds to the pier.", wednesday)])
    assert [t.value for t in result.times if t.status == "resolved"] == ["2025-03-10"]


def test_times_a_day_named_by_what_follows_it_is_not_the_day_told() -> None:
    wednesday = datetime(2025, 3, 12, 12, 0, tzinfo=UTC)
    body = ("The harbour board voted on Friday. An official told reporters the day after the vote that the quay "
            "would close.")
    (result,) = analyse([_article(body, wednesday)])
    got = {t.text: (t.value, t.status) for t in result.times}
    assert got["Friday"] == ("2025-03-07", "resolved")
    assert got["the day"] == (None, "unresolved")  # the day after the vote, not Friday
    (result,) = analyse([_article("Crews worked through the night on Sunday to clear the quay.", wednesday)])
    got = {t.text: (t.value, t.status) for t in result.times}
    assert got["the night"] == (None, "unresolved") and got["Sunday"] == ("2025-03-09", "resolved")
    (result,) = analyse([_article("The harbour master still remembers the day the ferry sank.", wednesday)])
    assert [(t.text, t.status) for t in result.times] == [("the day", "unresolved")]


def _resolved(body: str, published: datetime) -> list[tuple[str, str | None]]:
    (result,) = analyse([_article(body, published)])
    return [(t.text, t.value) for t in result.times if t.status == "resolved"]


@pytest.mark.parametrize(("body", "expected"), [
    # a deadline or the end of a span: the verb's past tense does not place it
    ("The port authority extended its offer to Nov. 20.", ("Nov. 20", "2025-11-20")),
    ("The sale is expected in December, the company said.", ("December", "2025-12")),
    ("The minister will be named head of the delegation for a summit in December.", ("December", "2025-12")),
    ("The shipyard expects the work to be completed by Dec. 15.", ("Dec. 15", "2025-12-15")),
    ("The ferry company said it sank in April.", ("April", "2025-04")),
    # dates inside a longer span are read apart
    ("The bank reported a loss for the quarter ended Sept. 30.", ("Sept. 30", "2025-09-30")),
    ("The mayor held office between 2015 and 2019.", ("2015", "2015")),
    # "since" looks back; a present in a clause of time under a future looks ahead
    ("The harbour has stayed shut since the November storms.", ("November", "2024-11")),
    ("Ferry fares are at their lowest since mid-November.", ("mid-November", "2024-11")),
    ("Fans will cheer when the new ferry reaches the harbour on Oct. 2.", ("Oct. 2", "2026-10-02")),
], ids=["deadline", "expected", "noun-in-future-clause", "infinitive", "past", "embedded-day", "embedded-year",
        "since-noun", "since", "present-under-future"])
def test_times_direction_and_embedded_dates_in_sentences(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)
    assert expected in _resolved(body, published)


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-03-11", date(2025, 3, 11)), ("2025-W11", date(2025, 3, 10)), ("2025-03", date(2025, 3, 1)),
    ("2025-Q2", date(2025, 4, 1)), ("2025", date(2025, 1, 1)), ("2025-02-30", None), ("soon", None),
])
def test_times_period_start_orders_any_granularity(value: str, expected: date | None) -> None:
    assert period_start(value) == expected


def _hand_doc(words: list[str], ents: list[str], pos: list[str]) -> tuple[object, Article]:
    from spacy.tokens import Doc

    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True] * (len(words) - 1) + [False], pos=pos, ents=ents)
    return doc, _article(doc.text, datetime(2025, 3, 10, 9, 0, tzinfo=UTC))


@pytest.mark.parametrize(("words", "ents", "pos", "reason"), [
    # the model tags "2100" as a date and leaves "GMT" out: "just before 6 a.m. (2100 GMT Monday)"
    (["before", "2100", "GMT", "Monday"], ["O", "B-DATE", "O", "O"], ["ADP", "NUM", "PROPN", "PROPN"],
     "a time of day or a vague time, with no date in it"),
    # "Minister Ellen May said": the model tags "May" as a date
    (["Minister", "Ellen", "May", "said"], ["O", "O", "B-DATE", "O"], ["PROPN", "PROPN", "PROPN", "VERB"],
     "a name (the word after a given name), not a month"),
], ids=["clock-before-zone", "name"])
def test_times_the_words_around_a_span_say_it_is_no_date(words: list[str], ents: list[str], pos: list[str],
                                                          reason: str) -> None:
    from newsprism.analyse import Layout
    from newsprism.analyse.times import times

    doc, article = _hand_doc(words, ents, pos)
    (t,) = times(doc, article, Layout.of(article))
    assert (t.value, t.status, t.reason) == (None, "unresolved", reason)


@pytest.mark.parametrize(("body", "text", "reason"), [
    ("Volunteers hung Christmas lights along the quay.", "Christmas", HOLIDAY_THING),
    ("The galaxy catalogued as QZR1120-1987 is faint.", "1987", CODE_NOT_YEAR),
    ("The town grew fast in the 1970's, the mayor said.", "1970", DECADE),
], ids=["holiday-thing", "code", "decade-apostrophe"])
def test_times_a_span_that_names_no_date_in_its_sentence(body: str, text: str, reason: str) -> None:
    (result,) = analyse([_article(body, datetime(2025, 12, 27, 9, 0, tzinfo=UTC))])
    got = [t for t in result.times if text in t.text]
    assert got and all(t.status == "unresolved" for t in got)
    assert reason in [t.reason for t in got]


@pytest.mark.parametrize(("body", "expected"), [
    ("The ferry strike entered its fifth day. It's the fifth day of the strike at the port.",
     ("the fifth day", "2025-03-11")),
    ("Rescuers came back on Christmas Eve.", ("Christmas Eve", "2024-12-24")),
    ("Prices rose in mid-2014, the harbour office said.", ("mid-2014", "2014")),
    ("A 1080p screen and a 4K screen cost the same.", None),
], ids=["nth-day-today", "holiday-occasion", "mid-year", "resolution"])
def test_times_around_the_span_more_readings(body: str, expected: tuple[str, str] | None) -> None:
    got = _resolved(body, datetime(2025, 3, 11, 9, 0, tzinfo=UTC))
    if expected is None:
        assert got == []
    else:
        assert expected in got


def test_times_a_number_glued_to_letters_is_no_year() -> None:
    assert read("1080p", TUESDAY).status == "unresolved"
    assert read("the 1990's", TUESDAY).granularity == "decade"
    assert read("'90s", TUESDAY).granularity == "decade"


@pytest.mark.parametrize(("body", "title", "expected"), [
    # a present tense, outside a headline, tells what is scheduled (ahead) or, the day before at most, what a
    # photo shows
    ("Voters go to the polls on Thursday in the coastal republic.", None, ("Thursday", "2025-03-13")),
    ("Islanders go to the polls on Sunday in a new vote.", None, ("Sunday", "2025-03-16")),  # not two days back
    ("The harbour festival opens Friday, organisers said.", None, ("Friday", "2025-03-14")),
    ("The vote is on Thursday.", None, ("Thursday", "2025-03-13")),
    ("Fans celebrate outside the stadium on Monday night after the team won.", None, ("Monday night", "2025-03-10")),
    ("The ferry left at 11:36 am on Sunday.", None, ("Sunday", "2025-03-09")),  # "am" is no verb
    # what a present "is" is lies ahead
    ("The deadline for bids is Friday.", None, ("Friday", "2025-03-14")),
    # a reporting verb's present, a headline's present and a past that reads as a present say nothing new
    ("The minister says Monday that talks failed.", None, ("Monday", "2025-03-10")),
    ("The port reopened.", "Storm shuts harbour Sunday", ("Sunday", "2025-03-09")),
    ("Weak demand hurt the shares on Monday, traders said.", None, ("Monday", "2025-03-10")),
], ids=["present-plural", "present-two-days-back", "present", "copula-prep", "caption-like", "clock-am", "copula",
        "reporting", "headline", "same-in-past"])
def test_times_a_present_tense_in_the_body_looks_ahead_or_is_the_day_before(body: str, title: str | None,
                                                                            expected: tuple[str, str]) -> None:
    (result,) = analyse([_article(body, datetime(2025, 3, 11, 9, 0, tzinfo=UTC), title=title)])
    assert expected in [(t.text, t.value) for t in result.times]


def test_times_may_after_a_preposition_is_a_month() -> None:
    from newsprism.analyse import Layout
    from newsprism.analyse.times import times

    doc, article = _hand_doc(["It", "rained", "in", "May"], ["O", "O", "O", "B-DATE"], ["PRON", "VERB", "ADP", "PROPN"])
    (t,) = times(doc, article, Layout.of(article))
    assert (t.value, t.granularity) == ("2025-05", "month")  # no parse, no direction: the nearest May


def test_times_an_inferred_publication_date_is_the_anchor_and_says_so() -> None:
    from dataclasses import replace

    from newsprism.analyse import Layout
    from newsprism.analyse.times import times

    doc, article = _hand_doc(["It", "rained", "yesterday"], ["O", "O", "B-DATE"], ["PRON", "VERB", "NOUN"])
    article = replace(article, flags=("published-inferred",))
    (t,) = times(doc, article, Layout.of(article))
    assert (t.value, t.base) == ("2025-03-09", "inferred")


@pytest.mark.parametrize("text", [
    "Depot to close\n\nMay 03, 2013\n\n{body}\n\n{body2}",  # a date line under the title
    "http://courier.example/2013/05/03/depot-to-close\n\nDepot to close\n\n{body}\n\n{body2}",  # a URL date
], ids=["date-line", "url"])
def test_times_an_undated_article_counts_from_its_date_line_or_url_date_marked_inferred(text: str) -> None:
    from newsprism.clean import clean
    from newsprism.records import RawDocument
    from newsprism.settings import Settings

    body = "The council of Ostrava Nova voted yesterday to close the old tram depot after a long debate."
    body2 = "Mayor Ilse Brandt said on Monday that the site would be turned into housing for many families."
    raw = RawDocument(source="t.txt", format="text", encoding="utf-8", text=text.format(body=body, body2=body2))
    (result,) = analyse([clean(raw, Settings())])
    got = {t.text: (t.value, t.base) for t in result.times}
    assert got["yesterday"] == ("2013-05-02", "inferred")
    assert got["Monday"] == ("2013-04-29", "inferred")


WORDS_PAST = ["Troops", "arrived", "on", "Saturday", "."]


PAST = dict(heads=[1, 1, 1, 2, 1], deps=["nsubj", "ROOT", "prep", "pobj", "punct"],
            tags=["NNS", "VBD", "IN", "NNP", "."])


WORDS_FUTURE = ["Troops", "will", "arrive", "on", "Saturday", "."]


FUTURE = dict(heads=[2, 2, 2, 2, 3, 2], deps=["nsubj", "aux", "ROOT", "prep", "pobj", "punct"],
              tags=["NNS", "MD", "VB", "IN", "NNP", "."])


def _times(doc: Doc, published: datetime | None, base: datetime | None = None):  # type: ignore[no-untyped-def]
    a = _article(doc.text, published=published)
    return times(doc, a, Layout.of(a), base)


def test_analyse_weekday_in_the_past_tense_looks_back(hand_doc) -> None:
    doc = hand_doc(WORDS_PAST, ["O", "O", "O", "B-DATE", "O"], **PAST)
    (t,) = _times(doc, MONDAY)
    assert (t.text, t.value, t.granularity, t.status, t.base) == ("Saturday", "2023-09-16", "day", "resolved", "published")


def test_analyse_weekday_in_the_future_tense_looks_ahead(hand_doc) -> None:
    doc = hand_doc(WORDS_FUTURE, ["O", "O", "O", "O", "B-DATE", "O"], **FUTURE)
    (t,) = _times(doc, MONDAY)
    assert t.value == "2023-09-23"


@pytest.mark.parametrize(
    ("words", "ents", "value", "granularity"),
    [
        (["It", "rained", "in", "July", "."], ["O", "O", "O", "B-DATE", "O"], "2023-07", "month"),
        (["It", "rained", "on", "Sep.", "17", "(local)", "."], ["O", "O", "O", "B-DATE", "I-DATE", "O", "O"],
         "2023-09-17", "day"),
        (["It", "rained", "in", "2016", "."], ["O", "O", "O", "B-DATE", "O"], "2016", "year"),
        (["It", "rained", "yesterday", "."], ["O", "O", "B-DATE", "O"], "2023-09-17", "day"),
    ],
    ids=["month", "date", "year", "yesterday"],
)
def test_analyse_time_granularity(words: list[str], ents: list[str], value: str, granularity: str, hand_doc) -> None:
    (t,) = _times(hand_doc(words, ents), MONDAY)
    assert (t.value, t.granularity, t.status) == (value, granularity, "resolved")


def test_analyse_undated_article_leaves_relative_times_unresolved(hand_doc) -> None:
    (t,) = _times(hand_doc(["It", "rained", "in", "July", "."], ["O", "O", "O", "B-DATE", "O"]), None)
    assert (t.value, t.granularity, t.status) == (None, "month", "unresolved")
    assert t.reason == "the article has no publication date, and this expression is relative to one"


def test_analyse_undated_article_resolves_absolute_dates(hand_doc) -> None:
    words = ["It", "rained", "on", "September", "16", ",", "2023", "."]
    (t,) = _times(hand_doc(words, ["O", "O", "O", "B-DATE", "I-DATE", "I-DATE", "I-DATE", "O"]), None)
    assert (t.value, t.status, t.base) == ("2023-09-16", "resolved", None)


def test_analyse_undated_article_with_a_given_base(hand_doc) -> None:
    base = datetime(2023, 9, 18, tzinfo=KST)
    (t,) = _times(hand_doc(["It", "rained", "in", "July", "."], ["O", "O", "O", "B-DATE", "O"]), None, base)
    assert (t.value, t.status, t.base) == ("2023-07", "resolved", "given")


def test_analyse_vague_time_is_unresolved(hand_doc) -> None:
    (t,) = _times(hand_doc(["for", "the", "same", "day"], ["O", "B-DATE", "I-DATE", "I-DATE"]), MONDAY)
    assert (t.value, t.status) == (None, "unresolved")


@pytest.mark.parametrize(
    ("words", "reason"),
    [
        (["for", "25", "years"], "a duration or an age, not a point in time"),
        (["a", "33-year-old"], "a duration or an age, not a point in time"),
        (["in", "the", "1920s"], "a decade: no single date"),
        (["aged", "64"], "a bare number, not a year"),
    ],
    ids=["duration", "age", "decade", "number"],
)
def test_analyse_durations_ages_decades_are_not_dates(words: list[str], reason: str, hand_doc) -> None:
    ents = ["O"] + ["B-DATE"] + ["I-DATE"] * (len(words) - 2)
    (t,) = _times(hand_doc(words, ents), MONDAY)
    assert (t.value, t.status, t.reason) == (None, "unresolved", reason)


# ------------------------------------------------------------ reading semantics (TimeBank test-a round)


@pytest.mark.parametrize(("text", "direction", "context", "expected"), [
    ("around 8:40 p.m.", "past", ("2025-03-08", "day"), ("2025-03-08", "day")),  # a time of the day told
    ("shortly after 9 a.m.", "future", ("2025-03-14", "day"), ("2025-03-14", "day")),
    ("8:40 p.m.", "present", ("2025-03-08", "day"), (None, None)),  # "the shop opens at ...": any day
    ("around 8:40 p.m.", "past", None, (None, None)),  # no day told
    ("around 8:40 p.m.", "past", ("2025-03", "month"), (None, None)),
    ("2100 GMT", "past", ("2025-03-08", "day"), (None, None)),  # universal time: maybe another day
    ("2:30 a.m.", "past", ("2025-03-08", "day"), (None, None)),  # the small hours: maybe the next day
    ("12:47 a.m.", "past", ("2025-03-08", "day"), (None, None)),
], ids=["past", "future", "present", "no-day-told", "a-month-told", "universal-time", "small-hours",
        "past-midnight"])
def test_times_a_clock_time_alone_is_of_the_day_told_before(text: str, direction: str,
                                                             context: tuple[str, str] | None,
                                                             expected: tuple[str | None, str | None]) -> None:
    assert _value(text, direction=direction, context=context, label="TIME") == expected


@pytest.mark.parametrize(("text", "direction", "expected"), [
    ("this coming Saturday, March fifteenth", "future", ("2025-03-15", "day")),
    ("February twenty-first", "past", ("2025-02-21", "day")),
    ("June the 2nd", "future", ("2025-06-02", "day")),
    ("Friday, March seventh", "past", ("2025-03-07", "day")),
    ("the July Fourth weekend", "future", ("2025-W27", "week")),  # the weekend of a day: its week
], ids=["coming-weekday-and-ordinal", "twenty-first", "the-ordinal", "weekday-and-ordinal", "weekend-of-a-day"])
def test_times_a_month_with_its_day_as_an_ordinal(text: str, direction: str, expected: tuple[str, str]) -> None:
    assert _value(text, direction=direction) == expected


def test_times_a_year_told_in_the_sentence_lets_a_past_day_lie_a_year_back() -> None:
    """"In the year-ago quarter, which ended March 31, ..." (anchor 11 March 2025): that March 31 is 2024's,
    even though it lies more than 300 days back."""
    assert read("March 31", TUESDAY, "past", near=("2024", "year")).value == "2024-03-31"
    assert read("March 31", TUESDAY, "past").value == "2025-03-31"  # no year told: the same date ahead
    assert read("March 31", TUESDAY, "past", near=("2025", "year")).value == "2025-03-31"


@pytest.mark.parametrize(("text", "direction", "expected"), [
    ("around year end", "future", ("2025", "year")),
    ("since year end", "past", ("2024-12-31", "day")),
], ids=["around", "since"])
def test_times_a_year_end_with_a_preposition(text: str, direction: str, expected: tuple[str, str]) -> None:
    assert _value(text, direction=direction) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a clock time alone after a day told is a time of that day
    ("A grocer in Dunmore was robbed late Wednesday. Two men entered the shop around 8:40 p.m., the sheriff said.",
     ("around 8:40 p.m.", "2025-10-29")),
    # the "this" the model leaves out of "this year's"
    ("Voters will choose a governor in this year's election.", ("year", "2025")),
    # a plan told in the past perfect is a plan as it stood: its day is past
    ("The tender offer had been due to expire Wednesday night.", ("Wednesday night", "2025-10-29")),
    ("The offer previously had been scheduled to expire at midnight Monday.", ("Monday", "2025-10-27")),
    # a date inside a longer span takes the tense of its own verb; with a year told, a year back
    ("In the comparable year-ago period, the fiscal quarter ended Nov. 3, the miller posted a loss.",
     ("Nov. 3", "2024-11-03")),
    # a present of a verb of what is set to happen looks ahead
    ("The new rule takes effect Jan. 1.", ("Jan. 1", "2026-01-01")),
    ("The tender offer expires Monday.", ("Monday", "2025-11-03")),
], ids=["clock-after-day", "this-years", "had-been-due", "had-been-scheduled", "embedded-year-ago",
        "takes-effect", "expires"])
def test_times_reading_semantics_in_sentences(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)  # a Thursday
    assert expected in _resolved(body, published)


@pytest.mark.parametrize(("body", "clock", "day"), [
    ("Crews reached the dam on Wednesday. The gate failed at about 10:50 p.m. on Tuesday, the log shows.",
     "10:50", ("Tuesday", "2025-10-28")),
    ("The ferry sank on Wednesday. The last call came at 7:40 p.m. Tuesday, the coastguard said.",
     "7:40", ("Tuesday", "2025-10-28")),
    ("Trading halted on Wednesday. It resumed at 9:15 a.m. GMT, traders said.", "9:15", ("Wednesday", "2025-10-29")),
], ids=["a-day-told-after-it", "a-weekday-right-after-it", "universal-time-after-it"])
def test_times_a_clock_time_before_its_own_day_or_zone_is_not_of_the_day_told(body: str, clock: str,
                                                                              day: tuple[str, str]) -> None:
    got = _resolved(body, datetime(2025, 10, 30, 9, 0, tzinfo=UTC))
    assert day in got
    assert all(value != "2025-10-29" for text, value in got if clock in text)


@pytest.mark.parametrize(("body", "expected"), [
    # a count that runs on counts from the date told before it, not from the day of writing
    ("The ferry line opened in 1998. About 16 years later, it closed.", ("About 16 years later", "2014")),
    # a past of deciding or trying with an infinitive: the day may be the deciding's
    ("The harbour board decided to close the quay on Tuesday.", ("Tuesday", "2025-10-28")),
    ("The port tried to reopen the quay on Friday.", ("Friday", "2025-10-24")),
    # a plan told in the present still looks ahead
    ("The port plans to reopen the quay on Friday.", ("Friday", "2025-10-31")),
    # a plan told in the past: the nearest day, either side (the day before here)
    ("The ferry was scheduled to sail on Wednesday.", ("Wednesday", "2025-10-29")),
    ("The mayor signed the order to close the quay on Wednesday.", ("Wednesday", "2025-10-29")),
    # a past in a clause of time under a future told in the past looks ahead
    ("The harbour master said ferries would sail again as soon as the storm passed Monday.",
     ("Monday", "2025-11-03")),
    # a weekday the model cut from its date is that date, in the year the weekday gives
    ("The board met on Thursday, Feb. 6, and voted to sell the quay.", ("Thursday", "2025-02-06")),
    ("The board met on Thursday, Feb. 6, and voted to sell the quay.", ("Feb. 6", "2025-02-06")),
    # a weekday put after a date as what day it was is that date, not the weekday nearest the day of writing
    ("The board met on Oct. 14, a Tuesday, to sell the quay.", ("Tuesday", "2025-10-14")),
    ("The board will meet on Nov. 11, a Tuesday, to sell the quay.", ("Tuesday", "2025-11-11")),
    # the end of a span of days is not before its start
    ("The harbour festival runs from Saturday to Monday.", ("Monday", "2025-11-03")),
    # a count the model took into the span is no part of the date
    ("The port has nine ferries in service, up from five a year ago.", ("a year ago", "2024")),
    # "the following" the model left out of a weekday's span still counts from the day told before it
    ("Ferry sailings stopped on Oct. 3 and resumed the following Monday.", ("Monday", "2025-10-06")),
    # "that Friday" is the Friday of the week of the day told before it
    ("Ferry sailings stopped on Oct. 6. That Friday, the quay closed.", ("Friday", "2025-10-10")),
], ids=["years-later", "decided-to", "tried-to", "plans-to", "scheduled-to-in-the-past", "order-to-in-the-past",
        "backshifted-clause", "weekday-cut-from-date",
        "date-cut-from-weekday", "weekday-after-its-date", "weekday-after-its-date-ahead", "span-end",
        "count-before-date", "the-following-left-out", "that-friday"])
def test_times_more_reading_semantics_in_sentences(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)  # a Thursday
    assert expected in _resolved(body, published)


@pytest.mark.parametrize(("body", "expected"), [
    # an infinitive after a word of ability, order, manner or effort in a past clause is of that past time
    ("The crew was unable to land on Sunday.", ("Sunday", "2025-10-26")),
    ("Residents were able to return home on Sunday.", ("Sunday", "2025-10-26")),
    ("The skipper was the first to reach the quay on Sunday.", ("Sunday", "2025-10-26")),
    ("The minister was quick to condemn the attack on Sunday.", ("Sunday", "2025-10-26")),
    ("Police fired tear gas in an effort to disperse the crowd on Sunday.", ("Sunday", "2025-10-26")),
    ("Rebels shelled the port in a bid to seize the quay on Saturday.", ("Saturday", "2025-10-25")),
    ("The launch became a race to save the ship in February.", ("February", "2025-02")),
    # a word that looks ahead, or a clause that is not past, still looks ahead
    ("Officials said the vote was likely to take place on Friday.", ("Friday", "2025-10-31")),
    ("The board announced a plan to close the quay on Friday.", ("Friday", "2025-10-31")),
    ("Residents will be able to return home on Sunday.", ("Sunday", "2025-11-02")),
], ids=["unable", "able", "the-first", "quick", "in-an-effort", "in-a-bid", "a-race", "likely", "a-plan",
        "will-be-able"])
def test_times_an_infinitive_after_a_word_that_is_not_a_verb(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)  # a Thursday
    assert expected in _resolved(body, published)


@pytest.mark.parametrize(("body", "expected"), [
    # a present in -s the model tags as a plural noun, in a sentence with no verb, is a present told now
    ("The Senate votes Tuesday on the ferry bill.", ("Tuesday", "2025-11-04")),
    ("The harbour minister heads to Skelby on Sunday.", ("Sunday", "2025-11-02")),
    # a phrase with no verb that is no such sentence says nothing: a weekday looks back
    ("Heavy rains Sunday.", ("Sunday", "2025-10-26")),
], ids=["votes", "heads", "heavy-rains"])
def test_times_a_present_verb_the_model_read_as_a_noun(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)  # a Thursday
    assert expected in _resolved(body, published)


def test_times_a_count_earlier_than_something_is_a_difference_not_a_date() -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)  # a Thursday
    (result,) = analyse([_article("The ferry docked on Wednesday, a day earlier than planned.", published)])
    got = {t.text: (t.value, t.reason) for t in result.times}
    assert got["Wednesday"] == ("2025-10-29", None)
    assert got["a day earlier"] == (None, DIFFERENCE)  # not the Tuesday
    assert ("A day later", "2025-10-28") in _resolved("The ferry docked on Monday. A day later, it sailed.", published)


def test_times_a_count_that_runs_on_with_no_date_told_is_unresolved() -> None:
    got = read("about 16 years later", TUESDAY, "past", None, "DATE", None)
    assert (got.value, got.granularity, got.status, got.reason) == (None, "year", "unresolved", NO_ANTECEDENT)
    got = read("two days later", TUESDAY, "past", ("2025-02-27", "day"), "DATE", None)
    assert (got.value, got.granularity) == ("2025-03-01", "day")  # from the day told before, in the text


@pytest.mark.parametrize(("body", "status"), [
    ("The Harbour Hawks trailed at halftime and kicked a field goal in the fourth quarter.", "unresolved"),
    ("Ferry revenue fell in the third quarter, the operator said.", "resolved"),
], ids=["game", "calendar"])
def test_times_a_quarter_of_a_game_is_no_calendar_quarter(body: str, status: str) -> None:
    (result,) = analyse([_article(body, datetime(2025, 10, 30, 9, 0, tzinfo=UTC))])
    (quarter,) = [t for t in result.times if "quarter" in t.text]
    assert quarter.status == status
    assert (quarter.reason == GAME_PERIOD) == (status == "unresolved")


@pytest.mark.parametrize(("title", "expected"), [
    ("Harbour festival opens Saturday", "2025-10-25"),  # a headline tells the past in a present
    ("The harbour festival opens Saturday with a parade along the quay.", "2025-11-01"),  # a lead taken as title
], ids=["headline", "lead-as-title"])
def test_times_a_title_that_is_running_text_is_read_as_text(title: str, expected: str) -> None:
    a = _article("Crowds are expected on the quay.", datetime(2025, 10, 30, 9, 0, tzinfo=UTC), title=title)
    (result,) = analyse([a])
    assert [(t.text, t.value) for t in result.times if t.field == "title"] == [("Saturday", expected)]


@pytest.mark.parametrize(("body", "expected"), [
    # a modal perfect looks back; a future perfect ahead
    ("Officials said the ferry may have sunk on Tuesday.", ("Tuesday", "2025-10-28")),
    ("The vote would have taken place on Monday.", ("Monday", "2025-10-27")),
    ("The ferry will have sailed by Tuesday.", ("Tuesday", "2025-11-04")),
    # a perfect infinitive looks back, unless what it completes looks ahead
    ("The ferry was to have sailed on Tuesday.", ("Tuesday", "2025-10-28")),
    ("The ferry is expected to have docked by Friday.", ("Friday", "2025-10-31")),
    # a present progressive passive looks ahead
    ("The funeral is being held Tuesday.", ("Tuesday", "2025-11-04")),
    # a plan's participle after its noun looks as its clause does, ahead unless past
    ("The meeting, scheduled for Tuesday, will decide the fare.", ("Tuesday", "2025-11-04")),
    ("The vote, set for Friday, could change the port.", ("Friday", "2025-10-31")),
    ("The index is near its record high set on Aug. 6.", ("Aug. 6", "2025-08-06")),
], ids=["modal-perfect", "would-have", "future-perfect", "perfect-infinitive", "expected-to-have",
        "progressive-passive", "scheduled-for", "set-for", "set-on"])
def test_times_the_tense_of_perfects_progressives_and_participles(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)  # a Thursday
    assert expected in _resolved(body, published)


@pytest.mark.parametrize(("body", "expected"), [
    # a verb that looks ahead, known by its form when its lemma is not ("hopes" -> "hop")
    ("The port hopes to reopen by Tuesday.", ("Tuesday", "2025-11-04")),
    # what a clause leads up to lies ahead of it; told in the past, either way
    ("Ahead of Tuesday's vote, the port is quiet.", ("Tuesday", "2025-11-04")),
    ("Markets are calm in the run-up to the May election.", ("May", "2026-05")),
    ("Ahead of Saturday's vote, the port was quiet.", ("Saturday", "2025-10-25")),
], ids=["hopes-to", "ahead-of", "run-up-to", "ahead-of-in-the-past"])
def test_times_what_a_clause_leads_up_to_lies_ahead(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)  # a Thursday
    assert expected in _resolved(body, published)


@pytest.mark.parametrize(("body", "expected"), [
    # a plan told in a past passive ("was set for") lies either side: the nearest
    ("A hearing was set for Jan. 14.", ("Jan. 14", "2026-01-14")),
    ("The harbour master was asked in March to resign.", ("March", "2025-03")),  # an act, told in the past
    # a present "is" whose one complement is the date looks ahead, as "the election is Nov. 8"
    ("The harbour board's next meeting is in April.", ("April", "2026-04")),
    ("The vote is on Tuesday.", ("Tuesday", "2025-11-04")),
    ("Ferry sales are up 5% in April.", ("April", "2025-04")),  # not a present with another complement
], ids=["was-set-for", "was-asked-in", "is-in", "is-on", "are-up-in"])
def test_times_a_plan_told_in_a_past_passive_or_a_present_be(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)  # a Thursday
    assert expected in _resolved(body, published)


@pytest.mark.parametrize(("body", "expected"), [
    # the end of a state that holds now lies ahead; told in the past, it says neither way
    ("The port is closed until Tuesday.", ("Tuesday", "2025-11-04")),
    ("The port remains shut until Monday.", ("Monday", "2025-11-03")),
    ("The port stayed shut until Monday.", ("Monday", "2025-10-27")),
], ids=["is-closed-until", "remains-shut-until", "stayed-shut-until"])
def test_times_the_end_of_a_state_that_holds_now_lies_ahead(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)  # a Thursday
    assert expected in _resolved(body, published)


@pytest.mark.parametrize(("body", "expected"), [
    # a present kept after a past verb of reporting is still to come; without one, a present with a weekday
    # looks ahead too, unless that weekday is at most the day before (test_times_a_present_tense_in_the_body_looks_ahead...)
    ("Officials said the board meets on Monday to vote.", ("Monday", "2025-11-03")),
    ("Officials say the board meets on Monday to vote.", ("Monday", "2025-11-03")),
], ids=["said-meets", "say-meets"])
def test_times_a_present_reported_after_a_past_said_looks_ahead(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)  # a Thursday
    assert expected in _resolved(body, published)


@pytest.mark.parametrize(("body", "text", "resolved"), [
    ("The fish market opens every Friday.", "every Friday", False),
    ("The harbour fair is held each July.", "July", False),
    ("Ferry fares have risen every year since 2019.", "2019", True),  # the year the span holds is read
], ids=["every-friday", "each-july", "every-year-since"])
def test_times_a_time_that_recurs_has_no_single_date(body: str, text: str, resolved: bool) -> None:
    (result,) = analyse([_article(body, datetime(2025, 10, 30, 9, 0, tzinfo=UTC))])
    got = [t for t in result.times if t.text == text]
    assert got and (got[0].status == "resolved") == resolved
    assert resolved or got[0].reason == RECURRING


@pytest.mark.parametrize(("body", "expected"), [
    # a weekday in a week named from the day of writing is that day of that week
    ("The ferry sank on Tuesday of last week.", ("Tuesday of last week", "2025-10-21")),
    ("The ferry sails on Tuesday of next week.", ("Tuesday of next week", "2025-11-04")),
    ("The ferry sank a week ago Tuesday.", ("a week ago Tuesday", "2025-10-21")),
    # the model cuts the weekday from its week: read together, the week keeps its own value
    ("The ferry sank on Tuesday night last week.", ("Tuesday", "2025-10-21")),
    ("The ferry sank on Tuesday night last week.", ("last week", "2025-W43")),
    # a weekday with a part of the day, cut from its date
    ("The ferry sank Tuesday morning, Oct. 21.", ("Tuesday morning", "2025-10-21")),
], ids=["of-last-week", "of-next-week", "a-week-ago-tuesday", "cut-from-last-week", "last-week-kept",
        "part-of-day-cut-from-date"])
def test_times_a_weekday_of_a_week_named_from_the_day_of_writing(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)  # a Thursday
    assert expected in _resolved(body, published)


@pytest.mark.parametrize(("body", "expected"), [
    # a month or a quarter that qualifies a noun of measured figures is the period measured: the nearest one
    ("Harbour results for September will be released next week.", ("September", "2025-09")),
    ("The port will publish its September cargo figures on Monday.", ("September", "2025-09")),
    ("Third-quarter earnings of the ferry line will be reported next month.", ("Third-quarter", "2025-Q3")),
    # a date of the verb, or of a noun of an event, in a clause that looks ahead still looks ahead
    ("The ferry line will open a new route in September.", ("September", "2026-09")),
    ("The agency will name the crew of a survey mission in March.", ("March", "2026-03")),
], ids=["results-for", "figures-compound", "quarter-earnings", "verb-date", "event-noun"])
def test_times_a_period_of_measured_figures_is_the_nearest(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)  # a Thursday
    (result,) = analyse([_article(body, published)])
    assert expected in [(t.text, t.value) for t in result.times if t.status == "resolved"]


@pytest.mark.parametrize(("body", "expected"), [
    # an adjective that looks ahead ("due", "likely") as what a present "be" is: its date lies ahead
    ("The harbour report is due Friday.", ("Friday", "2025-10-31")),
    ("The ferry bonds are due in March.", ("March", "2026-03")),
    ("A ruling on the quay is likely on Monday.", ("Monday", "2025-11-03")),
    # in a past, either side: a weekday then looks back
    ("The toll payment was due Monday.", ("Monday", "2025-10-27")),
    # the participle of proposing tells when it was proposed, not a plan's day
    ("The bridge toll, first proposed in June, will be debated next week.", ("June", "2025-06")),
], ids=["due-weekday", "due-in-month", "likely-on", "was-due", "proposed-in"])
def test_times_a_date_that_is_due_lies_ahead(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)  # a Thursday
    assert expected in _resolved(body, published)


@pytest.mark.parametrize(("body", "expected"), [
    # a present participle's clause has the time of the clause it hangs from
    ("Starting Friday, the ferry will skip the island.", ("Friday", "2025-10-31")),
    ("Speaking on Monday, the minister said the port was safe.", ("Monday", "2025-10-27")),
], ids=["starting-future", "speaking-past"])
def test_times_a_participle_clause_takes_its_main_clause_time(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)  # a Thursday
    assert expected in _resolved(body, published)


@pytest.mark.parametrize(("body", "expected"), [
    # an amount's date in a past clause was measured then: it looks back
    ("The ferry line's shares have swung widely, climbing to a peak of $18.50 in June from $11.25 in March.",
     ("March", "2025-03")),
    ("The ferry line's profit fell to $2 million from $3.1 million in March.", ("March", "2025-03")),
    # told ahead, ahead
    ("Ticket prices will rise to $12 in March.", ("March", "2026-03")),
    # what one acts under (an agreement, a law) exists already: its date looks back
    ("Harbour officials said they are continuing to try to sell the old quay under a June agreement with the town.",
     ("June", "2025-06")),
    ("The town will rebuild the pier under the March accord.", ("March", "2025-03")),
], ids=["amount-participle", "amount-past", "amount-future", "under-agreement", "under-future"])
def test_times_a_date_of_an_amount_or_of_what_one_acts_under(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)  # a Thursday: March is nearer ahead than back
    assert expected in _resolved(body, published)


@pytest.mark.parametrize(("preposition", "expected"), [("in", "past"), ("by", "either")])
def test_times_an_amount_to_reach_by_a_date_is_a_target(hand_doc, preposition: str, expected: str) -> None:
    """"Sales fell, leaving a goal of 5 million by March": the date hung on the amount by an end point is a
    target, which the past clause does not place; "... of 5 million in March" was measured then."""
    from newsprism.analyse.tense import direction

    words = ["Sales", "fell", ",", "leaving", "a", "goal", "of", "5", "million", preposition, "March", "."]
    doc = hand_doc(words, ["O"] * 10 + ["B-DATE", "O"], heads=[1, 1, 1, 1, 5, 3, 5, 8, 6, 8, 9, 1],
                   deps=["nsubj", "ROOT", "punct", "advcl", "det", "dobj", "prep", "compound", "pobj", "prep", "pobj",
                         "punct"],
                   tags=["NNS", "VBD", ",", "VBG", "DT", "NN", "IN", "CD", "CD", "IN", "NNP", "."])
    (ent,) = doc.ents
    assert direction(ent) == expected


def test_times_an_absolute_clause_whose_with_is_taken_for_a_mark(hand_doc) -> None:
    """"With a vote looming Saturday, crews will step up": the model may take "With" for a mark of "step" and
    "vote" for its subject; the participle's clause still has the main clause's time, ahead."""
    from newsprism.analyse.tense import direction

    words = ["With", "a", "vote", "looming", "Saturday", ",", "crews", "will", "step", "up", "."]
    doc = hand_doc(words, ["O"] * 4 + ["B-DATE"] + ["O"] * 6, heads=[8, 2, 8, 2, 3, 8, 8, 8, 8, 8, 8],
                   deps=["mark", "det", "nsubj", "acl", "npadvmod", "punct", "nsubj", "aux", "ROOT", "prt", "punct"],
                   tags=["IN", "DT", "NN", "VBG", "NNP", ",", "NNS", "MD", "VB", "RP", "."])
    (ent,) = doc.ents
    assert direction(ent) == "future"


@pytest.mark.parametrize(("body", "expected"), [
    # "could not be reached": an attempt to get in touch that failed, past; not a time ahead
    ("The harbour master could not be reached Wednesday.", ("Wednesday", "2025-07-16")),
    ("The harbour master could not immediately be reached by phone on Wednesday.", ("Wednesday", "2025-07-16")),
    ("The harbour master could be reached on Wednesday.", ("Wednesday", "2025-07-23")),  # not negated: ahead
    # a plan "penciled in", told in the past: either side, the nearest October
    ("A two-day hearing was penciled in for October.", ("October", "2025-10")),
], ids=["not-reached", "not-immediately-reached", "could-be-reached", "penciled-in"])
def test_times_an_attempt_that_failed_and_a_plan_penciled_in(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 7, 17, 9, 0, tzinfo=UTC)  # a Thursday
    assert expected in _resolved(body, published)


@pytest.mark.parametrize(("body", "expected"), [
    # an absolute clause ("with X doing") has the time of the clause it hangs from
    ("The ferry company completed the sale, with buyers paying by the Friday deadline.", ("Friday", "2025-07-11")),
    ("The ferry will leave the port next week, with crews loading the cargo on Thursday.",
     ("Thursday", "2025-07-17")),
], ids=["with-past-deadline", "with-future"])
def test_times_an_absolute_clause_takes_its_main_clause_time(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 7, 15, 9, 0, tzinfo=UTC)  # a Tuesday
    assert expected in _resolved(body, published)


@pytest.mark.parametrize("text", ["more than a decade ago", "over two years ago", "nearly four years ago",
                                  "at least five years ago"])
def test_times_a_bounded_count_back_is_the_date_it_bounds(text: str) -> None:
    """As TimeML: "more than a decade ago" is the year ten back (TimeML adds a ``mod``), the unit its granularity."""
    got = read(text, TUESDAY, "past")
    assert got.status == "resolved" and got.granularity == "year"


@pytest.mark.parametrize(("body", "expected"), [
    # a date with a year told as when sets the scene of its sentence: a month, a day, a season after it is of it
    ("In 2019, ferry traffic peaked in March and fell in June.", ("June", "2019-06")),
    ("In 2012, the old quay closed on Aug. 2.", ("Aug. 2", "2012-08-02")),
    ("The strike began in August 2024 and by November had spread to the ports.", ("November", "2024-11")),
    ("In 2024 the quay closed on Dec. 23 and reopened Jan. 5.", ("Jan. 5", "2025-01-05")),  # the next after it
    ("Cargo in 2021 rose in the spring.", ("the spring", "2021-SP")),
    # after a month or a day, the first on or after it: a story told in order
    ("Floods closed the quay in January 2015, and a storm hit it in November.", ("November", "2015-11")),
    ("The singer, seen in 2016, will tour again, starting May 16.", ("May 16", "2026-05-16")),  # told ahead
    # a year in what qualifies a noun sets no scene
    ("The ferry crew, who joined in 2019, went on strike in January.", ("January", "2025-01")),
    # a year that sets no scene ("since 2019"), or a date placed from the day of writing, keeps the day of writing
    ("Traffic has grown since 2019, and in March the port added a berth.", ("March", "2025-03")),
    ("In 2019 the quay was built, and last March it was extended.", ("last March", "2025-03")),
    ("In October 2019 the quay was built, and this October it was extended.", ("October", "2025-10")),
    ("In 2019 the quay was built, and it will close on March 3.", ("March 3", "2026-03-03")),  # told ahead
], ids=["year-months", "year-day", "month-year-month", "day-then-next-year", "season", "in-order", "starting-ahead",
        "relative-clause",
        "since-year", "last-march", "this-october", "told-ahead"])
def test_times_a_year_told_as_when_sets_the_scene_of_its_sentence(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)  # a Thursday
    assert expected in _resolved(body, published)


@pytest.mark.parametrize(("body", "expected"), [
    # a holiday's name the model tags as an event or a place is read as the day it is
    ("The ferry terminal was quiet on Labor Day.", ("Labor Day", "2025-09-01")),
    ("The old quay reopened on Easter Sunday.", ("Easter Sunday", "2025-04-20")),
], ids=["labor-day", "easter-sunday"])
def test_times_a_holiday_tagged_as_another_kind_is_a_date(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)  # a Thursday
    assert expected in _resolved(body, published)


@pytest.mark.parametrize(("body", "expected"), [
    # what goes on now (a present progressive) places neither a noun's date nor a clause of time under it
    ("Police are investigating the thefts after a gang raided the quay on New Year's Eve.",
     ("New Year's Eve", "2025-12-31")),
    ("Thefts on Christmas Day are being investigated by the port police.", ("Christmas Day", "2025-12-25")),
], ids=["clause-of-time", "noun-date"])
def test_times_a_present_progressive_places_no_date_under_it(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2026, 1, 14, 9, 0, tzinfo=UTC)  # a Wednesday, two weeks after the holidays
    assert (expected[0], expected[1]) in _resolved(body, published)


def test_times_a_clock_time_before_a_holiday_is_not_of_the_day_told() -> None:
    # "on New Year's Day ... at 9:40 a.m. on New Year's Eve": the clock time is of the holiday after it
    body = "The night ferry sailed at 12:20 a.m. on New Year's Day. Its twin had sailed at 9:40 a.m. on New Year's Eve."
    got = _resolved(body, datetime(2026, 1, 1, 9, 0, tzinfo=UTC))
    assert ("9:40 a.m.", "2026-01-01") not in got
    assert ("New Year's Eve", "2025-12-31") in got


@pytest.mark.parametrize(("body", "expected"), [
    ("The harbour parade on New Year's Eve two years ago drew record crowds.", ("New Year's Eve", "2023-12-31")),
    ("The market on Christmas Day last year sold out by noon.", ("Christmas Day", "2024-12-25")),
    ("On June 5 in 2019, the old bridge at Skelby was closed.", ("June 5", "2019-06-05")),
    # a holiday's name comes back every year: the one year its sentence tells places it
    ("Two years ago, crowds at Skelby harbour were caught in a storm while celebrating New Year's Eve.",
     ("New Year's Eve", "2023-12-31")),
    ("The town's New Year's Eve fireworks two years ago were cancelled for the storm.", ("New Year's Eve", "2023-12-31")),
], ids=["holiday-ago", "holiday-last-year", "day-in-year", "holiday-sentence-before", "holiday-sentence-after"])
def test_times_a_year_told_right_after_a_date_places_it(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)
    assert expected in _resolved(body, published)


def test_times_a_year_that_names_a_thing_does_not_place_a_holiday() -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)
    got = dict(_resolved("The couple split over Christmas, the singer wrote, recalling the band's 2019 tour.", published))
    assert got["2019"] == "2019" and not (got["Christmas"] or "").startswith("2019")


@pytest.mark.parametrize(("body", "expected"), [
    # a verb joined to the one before it with no auxiliary or subject of its own shares its auxiliaries
    ("The ferry will sail to Skelby on Tuesday and return on Sunday.", ("Sunday", "2025-11-02")),
    ("The two skippers will be tried and sentenced Monday.", ("Monday", "2025-11-03")),
    ("The port plans to dredge the channel and reopen the quay Monday.", ("Monday", "2025-11-03")),
    # one with a tense of its own keeps it
    ("The ferry arrived Monday and left Wednesday.", ("Wednesday", "2025-10-29")),
    # a present joined to a verb with a subject shares the subject: what is scheduled, ahead
    ("The harbour fair opened Friday and closes Sunday.", ("Sunday", "2025-11-02")),
    # a date between a verb and the clause it introduces dates that verb, not the clause
    ("The harbour master said Tuesday the quay will reopen.", ("Tuesday", "2025-10-28")),
    ("The minister told reporters Tuesday the ferry will sail again.", ("Tuesday", "2025-10-28")),
    ("The harbour master said on Tuesday the quay will reopen.", ("Tuesday", "2025-10-28")),
    ("The harbour master said the quay will reopen Tuesday.", ("Tuesday", "2025-11-04")),
    # a simple past in a clause of time is a future told in the past only under a future seen from the past
    ("After the storm broke the pier Monday, crews will rebuild it.", ("Monday", "2025-10-27")),
    ("Pilots were likely to board the tanker as soon as the fog lifted Monday.", ("Monday", "2025-11-03")),
], ids=["will-and-bare-verb", "will-be-and-participle", "plans-to-and-bare-verb", "own-past", "joined-present",
        "said-day-clause",
        "told-day-clause", "said-on-day-clause", "clause-own-day", "after-past-under-will", "past-under-were-likely-to"])
def test_times_joined_verbs_and_reported_clauses(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)  # a Thursday
    assert expected in _resolved(body, published)


@pytest.mark.parametrize(("body", "expected"), [
    # a noun's date in what a clause that is not past waits for, or of a time set ahead, lies ahead
    ("Skippers await Saturday's tide tables.", ("Saturday", "2025-11-01")),
    ("The town is bracing for Sunday's storm.", ("Sunday", "2025-11-02")),
    ("Monday's deadline for the harbour tenders looms.", ("Monday", "2025-11-03")),
    # told in the past, it says nothing: a weekday looks back
    ("The port missed Monday's deadline for the tenders.", ("Monday", "2025-10-27")),
    ("The town braced for Sunday's storm.", ("Sunday", "2025-10-26")),
    # a weekday that is the subject of a present is told now: the one ahead (or the day before at most)
    ("Monday is a public holiday on the island.", ("Monday", "2025-11-03")),
    ("Sunday was the stormiest day of the year.", ("Sunday", "2025-10-26")),
], ids=["await", "bracing-for", "deadline-looms", "missed-deadline", "braced-for", "subject-of-present",
        "subject-of-past"])
def test_times_a_date_waited_for_or_told_now_lies_ahead(body: str, expected: tuple[str, str]) -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)  # a Thursday
    assert expected in _resolved(body, published)


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    # a count back, then a period of the day of writing: that period, counted back
    ("two years ago this month", TUESDAY, ("2023-03", "month")),
    ("a year ago this week", TUESDAY, ("2024-W11", "week")),
    ("a year ago last month", TUESDAY, ("2024-02", "month")),
    ("a year ago today", TUESDAY, ("2024-03-11", "day")),
    ("a month ago today", date(2025, 3, 31), ("2025-02-28", "day")),
    ("two years ago", TUESDAY, ("2023", "year")),
], ids=["this-month", "this-week", "last-month", "today", "month-end", "plain"])
def test_times_a_count_back_then_a_period_is_that_period_counted_back(text: str, anchor: date,
                                                                       expected: tuple[str, str]) -> None:
    assert _value(text, anchor) == expected


def test_times_a_count_back_takes_the_day_word_the_model_left_after_it() -> None:
    published = datetime(2025, 10, 30, 9, 0, tzinfo=UTC)
    assert ("ten years ago", "2015-10-30") in _resolved("The harbour bridge opened ten years ago today.", published)


def test_times_a_plan_told_in_the_past_stamped_at_midnight_is_the_nearest_day() -> None:
    # a stamp with no time of day may be late in its day, but the nearest day is read from the day itself
    published = datetime(2025, 10, 30, 0, 0, tzinfo=UTC)  # a Thursday, no time of day
    assert ("Wednesday", "2025-10-29") in _resolved("The mayor signed the order to close the quay on Wednesday.",
                                                    published)
