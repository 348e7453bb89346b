"""What a date expression denotes (``Reading``) and the calendar arithmetic the time resolver's rules share.

Part of ``times.py``: the rules there read a span; these build and normalise their values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from . import datewords as w
from . import rules

#: The reason of a relative expression in an article with no publication time.
NO_ANCHOR = "the article has no publication date, and this expression is relative to one"


@dataclass(frozen=True, slots=True)
class Reading:
    """What a date expression denotes: an ISO value at its granularity, or why not."""

    value: str | None
    granularity: str | None
    status: str  # resolved | unresolved
    reason: str | None = None


def period_start(value: str) -> date | None:
    """The first day of a resolved value's period (``2025-03-11``, ``2025-W11``, ``2025-03``, ``2025-Q1``,
    ``2025-SU``, ``2025``), to put values of any granularity in calendar order; None for anything else."""
    try:
        if m := re.fullmatch(r"(\d{4})-W(\d\d)", value):
            return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            return date(int(m.group(1)), 3 * int(m.group(2)) - 2, 1)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
            return date(int(m.group(1)), w.SEASON_MONTHS[m.group(2)], 1)
        if m := re.fullmatch(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", value):
            return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None
    return None


def normalise(text: str) -> str:
    """Lower case, no possessive, no commas or abbreviation stops, hyphens between words as spaces."""
    s = text.lower().replace("’", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"(?<=[a-z])\.", " ", s)
    s = re.sub(r"(?<=[a-z])-(?=[a-z0-9])", " ", s)
    s = re.sub(r"[,;:()\"“”]|(?<!\w)'(?!\d\d\b)", " ", s)
    s = re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)\b", r"\1", s)
    return " ".join(s.split()).strip(" .-")


_LEADING = re.compile(r"^(?:(?:" + "|".join(sorted((re.escape(x) for x in w.LEADING_WORDS), key=len, reverse=True))
                      + r")\s+)+")


def strip_leading(s: str) -> str:
    return _LEADING.sub("", s).strip()


def need_anchor(anchor: date | None, granularity: str) -> Reading | None:
    return Reading(None, granularity, "unresolved", NO_ANCHOR) if anchor is None else None


def as_day(d: date) -> Reading:
    return Reading(d.isoformat(), "day", "resolved")


def as_week(d: date) -> Reading:
    iso = d.isocalendar()
    return Reading(f"{iso[0]}-W{iso[1]:02d}", "week", "resolved")


def as_month(y: int, m: int) -> Reading:
    return Reading(f"{y:04d}-{m:02d}", "month", "resolved")


def shift_months(d: date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def count(word: str) -> float | None:
    if word in ("a", "an", "one"):
        return 1
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    return float(rules.NUMBER_WORDS[word]) if word in rules.NUMBER_WORDS else None


def valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def dated(year: int, month: int, day: int | None) -> Reading:
    if day is None:
        return as_month(year, month)
    if not valid(year, month, day):
        return Reading(None, "day", "unresolved", "no such day in the calendar")
    return as_day(date(year, month, day))


def two_digit_year(yy: int, anchor: date | None) -> int:
    """'98 -> 1998: the century that puts it nearest the anchor (or before 2030 when undated)."""
    ref = anchor.year if anchor is not None else 2000
    return min((c + yy for c in (1900, 2000, 2100)), key=lambda y: abs(y - ref))
