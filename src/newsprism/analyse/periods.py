"""Named periods and points counted from the day of writing: seasons, quarters, holidays on a day a rule gives,
"a decade ago", "in two weeks", "this time last year", and a bare "last" or "next" that borrows its unit.

Part of ``times.py``: each rule reads a normalised span (``s``) with the anchor (the publication day) and
the sentence's direction, and returns a :class:`Reading` or None (not its kind of span). Word tables live in
``datewords.py``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import datewords as w
from .readings import (
    NO_ANCHOR,
    Reading,
    as_day,
    as_month,
    as_week,
    count,
    need_anchor,
    period_start,
    shift_months,
    strip_leading,
)

#: A fiscal quarter without its company's fiscal year: its calendar months are not known.
FISCAL_QUARTER = "a fiscal quarter: which calendar months it covers depends on the company's fiscal year"
#: A season's name before a noun that is no time ("summer camp", "winter storms"): a kind of thing.
SEASON_THING = "a season's name before a noun ('winter storms'): a kind of thing, not a time"
#: A season counted, described or in a possessive ("a long winter", "winter's darkness"): no one season.
ANY_SEASON = "a season described or in a possessive ('a long winter', 'winter's night sky'): no one season"

_WHICH = r"(?:(this past|this coming|last|past|previous|next|coming|this|current) )?"
_SEASON_RE = re.compile(r"^(?:(this past|this coming|last|past|next|coming|this|current) )?("
                        + "|".join(w.SEASON_CODES) + r")(?: (?:of )?(\d{4}))?$")


def _season_span(code: str, year: int) -> tuple[date, date]:
    """First and last day of a season (a winter runs from December of its year into the next)."""
    first = date(year, w.SEASON_MONTHS[code], 1)
    y, m = shift_months(first, 3)
    return first, date(y, m, 1) - timedelta(days=1)


def season(s: str, raw: str, anchor: date | None, direction: str, context: tuple[str, str] | None) -> Reading | None:
    """"last summer", "this fall", "next spring", "in the winter", "summer 2019": that season (northern
    hemisphere, by whole months: spring March to May, summer June to August, autumn September to November,
    winter December to February), valued ``2023-SU`` as TimeML writes it. "last" is the latest one over
    before the day of writing, "next" the first not yet begun, "this" the one of the year of writing (a
    winter: the one nearer); a bare season looks the sentence's way (the current one counts), or is the
    nearest. "winter 2019" (which winter is not said) is the year."""
    stripped = strip_leading(s)
    m = _SEASON_RE.match(stripped)
    if m is None:
        return None
    which, name, year_word = m.groups()
    code = w.SEASON_CODES[name]
    if name == "fall" and which is None and year_word is None and s in ("fall", "the fall"):
        return None  # "the fall of the city": a fall, not autumn
    if year_word is not None:
        if code == "WI":
            return Reading(year_word, "year", "resolved")
        return Reading(f"{year_word}-{code}", "season", "resolved")
    if (missing := need_anchor(anchor, "season")) is not None:
        return missing
    assert anchor is not None
    spans = [(y, *_season_span(code, y)) for y in range(anchor.year - 2, anchor.year + 2)]
    if which in w.BACK:
        pick = max(y for y, _, end in spans if end < anchor)
    elif which in w.AHEAD:
        pick = min(y for y, start, _ in spans if start > anchor)
    elif which is not None and code != "WI":  # "this summer": of the year of writing
        pick = anchor.year
    elif which is None and direction == "past":
        pick = max(y for y, start, _ in spans if start <= anchor)
    elif which is None and direction == "future":
        pick = min(y for y, _, end in spans if end >= anchor)
    else:  # the nearest ("this winter", or no direction)
        pick = min(spans, key=lambda t: max((t[1] - anchor).days, (anchor - t[2]).days, 0))[0]
    return Reading(f"{pick:04d}-{code}", "season", "resolved")


_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_QUARTER_RE = re.compile(r"^(?:(\d{4}) )?(first|1st|second|2nd|third|3rd|fourth|4th) quarter(?: of)?(?: (\d{4}|this year|"
                         r"last year|next year))?$|^q([1-4])(?: (\d{4}))?$")


def _ordinal_quarter(s: str, raw: str, anchor: date | None, direction: str,
                     context: tuple[str, str] | None) -> Reading | None:
    m = _QUARTER_RE.match(strip_leading(s))
    if m is None:
        return None
    q = _ORDINALS[m.group(2)] if m.group(2) else int(m.group(4))
    year_word = m.group(1) or m.group(3) or m.group(5)  # "the 1997 fourth quarter", "1997's fourth quarter"
    if year_word and year_word[0].isdigit():
        return Reading(f"{year_word}-Q{q}", "quarter", "resolved")
    if (missing := need_anchor(anchor, "quarter")) is not None:
        return missing
    assert anchor is not None
    if year_word:
        year = anchor.year + {"last year": -1, "this year": 0, "next year": 1}[year_word]
    else:  # the quarter nearest the anchor in the sentence's direction
        now = (anchor.month - 1) // 3 + 1
        year = anchor.year
        if direction == "past" and q > now:
            year -= 1
        elif direction == "future" and q < now:
            year += 1
    return Reading(f"{year:04d}-Q{q}", "quarter", "resolved")


_THIS_QUARTER_RE = re.compile(rf"^{_WHICH}quarter$")
_FISCAL_QUARTER_RE = re.compile(r"^(?:its |their )?(?:(?:first|second|third|fourth|1st|2nd|3rd|4th) fiscal"
                                r"|fiscal (?:first|second|third|fourth|1st|2nd|3rd|4th)) quarter$")


def quarter(s: str, raw: str, anchor: date | None, direction: str, context: tuple[str, str] | None) -> Reading | None:
    """"the third quarter", "Q3 2023", "the 2023 fourth quarter": that quarter (without a year: the nearest in
    the sentence's direction); "this quarter", "last quarter", "next quarter": the calendar quarter of the day
    of writing, or the one before or after it. A fiscal quarter with no year of the calendar ("its fiscal third quarter") is
    ``unresolved``: a company's fiscal year need not start in January."""
    stripped = strip_leading(s)
    if _FISCAL_QUARTER_RE.match(stripped):
        return Reading(None, "quarter", "unresolved", FISCAL_QUARTER)
    m = _THIS_QUARTER_RE.match(stripped)
    if m is None or m.group(1) is None:
        return _ordinal_quarter(s, raw, anchor, direction, context)
    which = m.group(1)
    step = -1 if which in w.BACK else 1 if which in w.AHEAD else 0
    if (missing := need_anchor(anchor, "quarter")) is not None:
        return missing
    assert anchor is not None
    k = anchor.year * 4 + (anchor.month - 1) // 3 + step
    return Reading(f"{k // 4:04d}-Q{k % 4 + 1}", "quarter", "resolved")


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h - 7 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday_on(name: str, year: int) -> date:
    """The day of a holiday whose date a rule gives (:data:`datewords.RULE_HOLIDAYS`) in a year."""
    kind, month, weekday, nth = w.RULE_HOLIDAYS[name]
    if kind == "easter":
        return _easter(year) + timedelta(days=nth)
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    y, m = shift_months(date(year, month, 1), 1)
    last = date(y, m, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


_RULE_HOLIDAY_RE = re.compile(r"^(?:(last|this|next|past|coming) )?(" + "|".join(
    sorted((re.escape(h) for h in w.RULE_HOLIDAYS), key=len, reverse=True)) + r")(?: (\d{4}))?$")


def movable_holiday(s: str, raw: str, anchor: date | None, direction: str,
                    context: tuple[str, str] | None) -> Reading | None:
    """"Easter", "Good Friday", "Thanksgiving" (the US one), "Labor Day": that day, in the year the sentence's
    direction gives ("last Easter" strictly before the day of writing, "next Easter" strictly after; a bare
    one looks the sentence's way, or is the nearest)."""
    m = _RULE_HOLIDAY_RE.match(strip_leading(s))
    if m is None:
        return None
    which, name, year_word = m.groups()
    if year_word is not None:
        return as_day(holiday_on(name, int(year_word)))
    if (missing := need_anchor(anchor, "day")) is not None:
        return missing
    assert anchor is not None
    days = [holiday_on(name, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if which in ("last", "past"):
        return as_day(max(d for d in days if d < anchor))
    if which in ("next", "coming"):
        return as_day(min(d for d in days if d > anchor))
    if which == "this":
        return as_day(days[1])
    if direction == "past":
        return as_day(max(d for d in days if d <= anchor))
    if direction == "future":
        return as_day(min(d for d in days if d >= anchor))
    return as_day(min(days, key=lambda d: abs((d - anchor).days)))


_DECADES_AGO_RE = re.compile(r"^(?:(?:" + "|".join(sorted((re.escape(h) for h in w.HEDGES), key=len, reverse=True))
                             + r") )*(a|one|two|three|four|five|\d) decades? ago$")
IN_COUNT_RE = re.compile(r"^in (a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|\d+) (day|week|month|year)s?"
                    r"(?:'? time)?$")
_SAME_TIME_RE = re.compile(r"^(?:about |around |at )?(?:this|the same|that same|the corresponding|the comparable) "
                           r"(time|period|month|week|day|date|quarter) (?:(last|next|the previous|the prior) year"
                           r"|a year (ago|earlier|before|from now|later))$")
#: The granularity of "the same ... last year" by its noun: the month of writing for a time ("this time last
#: year"), the year for a period or a quarter, whose own months the phrase does not say.
_SAME_TIME_UNITS = {"time": "month", "month": "month", "week": "week", "day": "day", "date": "day",
                    "period": "year", "quarter": "year"}


_BEFORE_LAST_RE = re.compile(r"^the (week|weekend|month|year) (before last|after next)$")
_HALF_RE = re.compile(r"^(?:the )?(?:first|second|latter|last|back|front) half of (?:the |this |(last|next) )"
                      r"(?:fiscal )?year$")


def _same_day(d: date, year: int) -> date:
    """The day of ``d``'s month and day in ``year`` (29 February: the 28th)."""
    return d.replace(year=year, day=min(d.day, 28) if (d.month, d.day) == (2, 29) else d.day)


def counted(s: str, raw: str, anchor: date | None, direction: str, context: tuple[str, str] | None,
            near: tuple[str, str] | None = None) -> Reading | None:
    """Points counted from the day of writing that other rules leave: "a decade ago" (the year ten years
    back), "in two weeks" told ahead ("will vote in two weeks": the day two weeks on; told in the past it
    is a duration, "rose 5% in two weeks"), "this time last year" (the month of writing, a year back; "the same
    day/week/month last year" that period of the date told before it in the sentence (``near``), else of the
    day of writing, a year back; "the same period" or "quarter" the year)."""
    if (m := _DECADES_AGO_RE.match(s)) is not None:
        n = count(m.group(1))
        if (missing := need_anchor(anchor, "year")) is not None:
            return missing
        assert anchor is not None and n is not None
        return Reading(f"{anchor.year - 10 * round(n):04d}", "year", "resolved")
    if (m := _SAME_TIME_RE.match(s)) is not None:  # "this time last year", "the same period a year ago"
        unit = _SAME_TIME_UNITS[m.group(1)]
        step = 1 if m.group(2) == "next" or m.group(3) in ("from now", "later") else -1
        told = period_start(near[0]) if near is not None and m.group(1) != "time" else None
        if told is not None and near is not None and (
                w.GRANULARITY_RANK.get(near[1], 9) <= w.GRANULARITY_RANK[unit]):
            anchor = told  # "sales in September rose from the same month last year": that September, a year back
        if (missing := need_anchor(anchor, unit)) is not None:
            return missing
        assert anchor is not None
        if unit == "day":
            return as_day(_same_day(anchor, anchor.year + step))
        if unit == "week":
            return as_week(_same_day(anchor, anchor.year + step))
        if unit == "month":
            return as_month(anchor.year + step, anchor.month)
        return Reading(f"{anchor.year + step:04d}", "year", "resolved")
    if (m := _BEFORE_LAST_RE.match(s)) is not None:  # "the week before last": two back
        unit, step = w.UNITS[m.group(1)], -2 if m.group(2) == "before last" else 2
        if (missing := need_anchor(anchor, unit)) is not None:
            return missing
        assert anchor is not None
        if unit == "week":
            return as_week(anchor + timedelta(weeks=step))
        if unit == "month":
            return as_month(*shift_months(anchor, step))
        return Reading(f"{anchor.year + step:04d}", "year", "resolved")
    if (m := _HALF_RE.match(s)) is not None:  # "the second half of next year": that year (a half has no value)
        if (missing := need_anchor(anchor, "year")) is not None:
            return missing
        assert anchor is not None
        return Reading(f"{anchor.year + {'last': -1, 'next': 1}.get(m.group(1) or '', 0):04d}", "year", "resolved")
    if direction == "future" and (m := IN_COUNT_RE.match(s)) is not None:
        n = count(m.group(1))
        if n is None:
            return Reading(None, m.group(2), "unresolved", "a vague count of time after the article")
        if (missing := need_anchor(anchor, m.group(2))) is not None:
            return missing
        assert anchor is not None
        unit = m.group(2)
        if unit == "day":
            return as_day(anchor + timedelta(days=round(n)))
        if unit == "week":  # weeks counted are seven days each, as "two weeks ago"
            return as_day(anchor + timedelta(weeks=n)) if n == round(n) else as_week(anchor + timedelta(weeks=n))
        if unit == "month":
            return as_month(*shift_months(anchor, round(n)))
        return Reading(f"{anchor.year + round(n):04d}", "year", "resolved")
    return None


def elliptic(s: str, near: tuple[str, str] | None, anchor: date | None) -> Reading | None:
    """A bare "last" or "next" that leaves out its unit ("twice the dividend this year as last"): the period
    of the date told just before it in the sentence, one back or on. Without one, None."""
    if s not in ("last", "next"):
        return None
    if near is None:
        return Reading(None, None, "unresolved", NO_ANCHOR if anchor is None else "'last' or 'next' alone, with no "
                       "date before it in the sentence to give its unit")
    value, granularity = near
    start = period_start(value)
    step = -1 if s == "last" else 1
    if start is None:
        return None
    if granularity == "year":
        return Reading(f"{start.year + step:04d}", "year", "resolved")
    if granularity == "month":
        return as_month(*shift_months(start, step))
    if granularity == "week":
        return as_week(start + timedelta(weeks=step))
    if granularity == "quarter":
        k = start.year * 4 + (start.month - 1) // 3 + step
        return Reading(f"{k // 4:04d}-Q{k % 4 + 1}", "quarter", "resolved")
    return None  # a day: "Monday ... last" is no ellipsis of a day
