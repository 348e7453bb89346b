"""DATE/TIME spans -> dates, resolved against the publication time.

dateparser reads the span only (never the raw text: "Tu-95" is no year),
with the publication time as ``RELATIVE_BASE``. A weekday or a month without a
year is placed by the tense of the verb that governs it: past tense looks
back ("on Saturday" in a Monday article is two days before), future looks
ahead. Without a publication time (and no base given), only expressions that
read the same whatever the base (a full date, a year) are resolved; the rest
say "unresolved" and why.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from typing import Any

from ..records import Article, TimeExpression
from . import rules

#: Two unrelated bases: an expression that parses the same from both is absolute.
_PROBES = (datetime(2001, 3, 14, 12, 0), datetime(2011, 10, 2, 12, 0))


def times(doc: Any, article: Article, layout: Any, base: datetime | None = None) -> tuple[TimeExpression, ...]:
    """Every DATE/TIME entity of the doc, resolved where it can be."""
    published = article.published
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        placed = layout.place(ent.start_char, ent.end_char)
        if placed is None:
            continue
        field, start, end = placed
        prefer = _tense(ent)
        value, granularity, status, reason, base_kind = _resolve(ent.text, published, base, prefer)
        out.append(TimeExpression(article.article_id, ent.text, start, end, ent.label_, value, granularity,
                                  status, reason, base_kind, field))
    return tuple(out)


def _resolve(text: str, published: datetime | None, given: datetime | None,
             prefer: str) -> tuple[str | None, str | None, str, str | None, str | None]:
    cleaned = _clean(text)
    if rules.DURATION_RE.match(cleaned):
        return None, None, "unresolved", "a duration or an age, not a point in time", None
    if rules.DECADE_RE.match(cleaned):
        return None, "decade", "unresolved", "a decade: no single date", None
    if rules.BARE_NUMBER_RE.match(cleaned) and not (len(cleaned) == 4 and 1000 <= int(cleaned) <= 2200):
        return None, None, "unresolved", "a bare number, not a year", None
    if not _ANCHOR_RE.search(cleaned):
        # "11:20 p.m.", "a second night", "the early hours": no day to place
        return None, None, "unresolved", "a time of day or a vague time, with no date in it", None
    if published is not None or given is not None:
        ref = published if published is not None else given
        assert ref is not None
        kind = "published" if published is not None else "given"
        local = ref.replace(tzinfo=None)
        same = _WEEKDAY_RE.match(cleaned)
        if same and _WEEKDAYS.index(same.group(1).lower()) == local.weekday():
            # "on Tuesday" in a Tuesday article is that day (dateparser, told to
            # prefer the past or the future, goes a week away)
            return local.strftime("%Y-%m-%d"), "day", "resolved", None, kind
        got = _parse(cleaned, local.isoformat(), prefer)
        if got is None:
            return None, None, "unresolved", "not a date dateparser can read (a duration or a vague time)", None
        value, granularity = got
        return value, granularity, "resolved", None, kind
    first = _parse(cleaned, _PROBES[0].isoformat(), prefer)
    second = _parse(cleaned, _PROBES[1].isoformat(), prefer)
    if first is None:
        return None, None, "unresolved", "not a date dateparser can read (a duration or a vague time)", None
    if first == second:
        return first[0], first[1], "resolved", None, None
    return (None, first[1], "unresolved",
            "the article has no publication date, and this expression is relative to one", None)


_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_RE = re.compile(rf"^({'|'.join(_WEEKDAYS)})(\s+(morning|afternoon|evening|night))?$", re.I)


_MONTHS = ("jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
           "august|september|october|november|december")
#: what places an expression on the calendar: a weekday, a month, a year, a
#: numeric date, or a word relative to the day it was written
_ANCHOR_RE = re.compile(
    rf"\b({'|'.join(_WEEKDAYS)}|{_MONTHS})\b|\b\d{{4}}\b|\b\d{{1,2}}[/.-]\d{{1,2}}\b|"
    r"\b(today|yesterday|tomorrow|tonight|ago|last|next|this|weekend|week|month|year|years|months|weeks|days|"
    r"earlier|later|recently|now|current|past|coming|spring|summer|autumn|fall|winter|christmas|easter)\b",
    re.I)


def _clean(text: str) -> str:
    t = rules.TIME_NOISE_RE.sub(" ", text)
    t = rules.TIME_PREFIX_RE.sub("", t.strip())
    return " ".join(t.split())


@lru_cache(maxsize=4096)
def _parse(text: str, base_iso: str, prefer: str) -> tuple[str, str] | None:
    """(ISO value at its granularity, granularity) or None."""
    if not text or not any(c.isalnum() for c in text):
        return None
    data = _parser(base_iso, prefer).get_date_data(text)
    when = data.date_obj
    if when is None:
        return None
    period = str(data.period or "day")
    granularity = {"time": "day", "day": "day", "week": "week", "month": "month", "year": "year"}.get(period, "day")
    value = {"month": when.strftime("%Y-%m"), "year": when.strftime("%Y")}.get(granularity, when.strftime("%Y-%m-%d"))
    return value, granularity


@lru_cache(maxsize=64)
def _parser(base_iso: str, prefer: str) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": datetime.fromisoformat(base_iso),
        "PREFER_DATES_FROM": prefer,
        "RETURN_AS_TIMEZONE_AWARE": False,
    })


_FUTURE_MODALS = ("will", "shall", "'ll", "would", "could", "may", "might", "can", "should")


def _tense(ent: Any) -> str:
    """``past`` or ``future``: the tense of the verb that governs the span."""
    tok = ent.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT":
            break
        if tok.head is tok:
            break
        tok = tok.head
    children = list(tok.children)
    if any(c.tag_ == "MD" and c.lower_ in _FUTURE_MODALS for c in children):
        return "future"
    # an infinitive ("expected residents to return home before Thursday",
    # "plans to visit on Friday") points forward from when it was said
    if tok.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in children):
        return "future"
    if any(c.lower_ == "going" for c in children) or (tok.tag_ in ("VBG",) and any(
            c.lower_ in ("is", "are", "'s", "'re") for c in children)):
        return "future"
    return "past"
