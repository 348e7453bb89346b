"""DATE/TIME spans -> dates, resolved as a reader resolves them.

The anchor is the publication day, in the article's own zone. A weekday in
a past-tense sentence is the most recent such day on or before the anchor
("early Tuesday" in a Tuesday article is that Tuesday), in a future-tense
sentence the next one on or after it; without a tense (a headline's present,
a noun's date) the nearest one. A month, or a month and day, without a year
takes the year that puts it nearest the anchor in the same direction.
"today", "yesterday", "last week", "this month", "last October", "almost four
years ago" count from the anchor; "that day", "the next day" from the last
day named before them in the same field (in the body: or in the headline). The granularity (day, week, month,
quarter, year) is kept. A clock time ("2100 GMT", "21:00") is a time of day,
never a year.

Only the span is read (never the raw text: "Tu-95" is no year); a full date
with a year needs no anchor, and is resolved in an undated article too;
the rest say "unresolved" and why. Word tables live in ``datewords.py``, the
value of a reading and its calendar arithmetic in ``readings.py``, which way a
sentence looks in ``tense.py``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import pairwise
from typing import Any

from ..records import Article, TimeExpression
from . import datewords as w
from . import periods, rules
from .doctext import text_of
from .readings import (
    NO_ANCHOR,
    Reading,
    as_day,
    as_month,
    as_week,
    count,
    dated,
    need_anchor,
    normalise,
    period_start,
    shift_months,
    strip_leading,
    two_digit_year,
    valid,
)
from .tense import day_word_as_name, direction, is_verb, nowadays

#: From this hour of the publication day (in the article's own zone) it is already the next day in
#: zones 9 or more hours ahead (15:00 in New York is 04:00 next day in Seoul): a weekday told in the past
#: may then be the day after the publication day.
LATE_HOUR = 15
NO_ANTECEDENT = "names the day of a date told before it, and none was"
NAME_NOT_MONTH = "a name (the word after a given name), not a month"
CLOCK_ONLY = "a time of day or a vague time, with no date in it"
UNREADABLE = "not a date it can read (a duration or a vague time)"
CODE_NOT_YEAR = "a number in a code or a name (joined to letters by a hyphen), not a year"
DECADE = "a decade: no single date"
HOLIDAY_THING = "a holiday's name before a noun ('Christmas lights'): a kind of thing, not a day"
GREETING = "a greeting ('Good evening'), not a time"
NIGHT_EITHER_SIDE = "'overnight' after a day told: the night before it or the night after it, which is not said"
PART_OF_ANY_DAY = "a part of the day that qualifies a noun or is described ('the evening sky', 'another night'): no day"
NOT_A_DAY_OF_THE_MONTH = "an ordinal that is no day of the month ('the 31st floor', 'in the 10th')"
NOWADAYS = "'today' meaning nowadays (the present age), not the day of writing"
DAY_NAME = "a capitalised day word inside a sentence ('USA Today'): a name, not a day"
DAY_OF_WHAT_FOLLOWS = "a day named by what follows it ('the day after the summit'), not a day told"
GAME_PERIOD = "a period of a game ('a touchdown in the third quarter'), not of the calendar"
RECURRING = "a time that recurs ('every Friday', 'each July'): no single date"
DIFFERENCE = "a difference between two times ('a day earlier than planned'), not a date"


def times(doc: Any, article: Article, layout: Any, base: datetime | None = None) -> tuple[TimeExpression, ...]:
    """Every DATE/TIME entity of the doc, resolved where it can be; and, inside an entity that does not
    read as one date ("the quarter ended Sept. 30", "from today through Nov. 17", "between 1985 and
    1987"), each date it holds, as a record of its own.

    ``base`` stands in for a missing publication time (``base="given"``); a publication date the
    cleaner inferred from a date line or the URL (flag ``published-inferred``) gives ``base="inferred"``.
    """
    ref = article.published if article.published is not None else base
    kind = None if ref is None else ("published" if article.published is not None else "given")
    if kind == "published" and "published-inferred" in article.flags:  # from a date line or the URL (clean)
        kind = "inferred"
    anchor = ref.date() if ref is not None else None  # the wall-clock day in the article's own zone
    # late in the day, or a day with no time of day (00:00:00): somewhere ahead it may be the next day
    late = ref is not None and (ref.hour >= LATE_HOUR or (ref.hour, ref.minute, ref.second) == (0, 0, 0))
    out = []
    last: dict[str, tuple[str, str]] = {}  # per field: the last value resolved, for "that day"
    near: dict[tuple[str, int], tuple[str, str]] = {}  # per sentence: the same, for "a year earlier"
    scene: dict[tuple[str, int], tuple[str, str]] = {}  # per sentence: the date with a year that sets its scene
    sentences = doc.has_annotation("SENT_START")
    joined = _weekdays_with_their_dates(doc)
    title_is_text = _reads_as_text(article.title)
    ents = doc.ents
    for k, ent in enumerate(ents):
        if ent.label_ not in ("DATE", "TIME") and not _a_holiday(ent):
            continue
        label = ent.label_ if ent.label_ in ("DATE", "TIME") else "DATE"  # "Labor Day" tagged an event
        placed = layout.place(ent.start_char, ent.end_char)
        if placed is None:
            continue
        field, start, end = placed
        pair = joined.get(ent.start)
        # a headline or a caption tells the past in a present; a date split from its weekday takes the weekday's
        running = field == "body" or (field == "title" and title_is_text)  # running text, not a headline
        way = direction(pair[0] if pair else ent, headline=not running)
        sentence = (field, ent.sent.start if sentences else 0)
        word_before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        in_scene = scene.get(sentence) if word_before not in _FROM_THE_DAY_OF_WRITING else None  # "this October"
        told = last.get(field) or (last.get("title") if field == "body" else None)  # the headline's day, for the body
        if told is not None and w.CLOCK_RE.search(ent.text) and _a_date_follows(ent):
            told = None  # "at 10:50 p.m. on Monday", "6.44am GMT": not a time of the day told
        got = (_as_name_or_clock(ent) or _nth_day_today(ent, anchor) or _a_difference(ent)
               or (Reading(None, None, "unresolved", NOWADAYS)
                   if running and nowadays(ent, anchor.year if anchor else None) else None)
               or (Reading(None, None, "unresolved", DAY_NAME) if running and day_word_as_name(ent) else None)
               or read(f"{pair[0].text}, {pair[1].text}" if pair else _with_the_day_after(ent, _with_the_day_before(ent)),
                       anchor, way, told,
                       label, near.get(sentence), late, in_scene))
        if (got.status == "resolved" and got.granularity in _TAKES_A_YEAR and not _YEAR_RE.search(ent.text)
                and (year := _year_right_after(ents, k, anchor, way, label, late)) is not None):
            # "New Year's Eve two years ago", "Christmas Day last year", "on June 5 in 2015": that year's
            dated = read(ent.text, date(int(year), 12, 31), "past", None, label, None, False, None)  # in that year
            if dated.status == "resolved" and dated.granularity == got.granularity and (dated.value or "")[:4] == year:
                got = dated
        parts = [(ent.text, start, end, got)]
        if (got.reason == UNREADABLE and len(ent) > 1 and ent[0].like_num and ent[1].is_alpha
                and ent[1].lower_ not in w.UNITS):
            # "up from five a year ago" tagged whole: the count before the date is no part of it
            rest = ent[1:]
            inner = read(rest.text, anchor, way, told, label, near.get(sentence), late, in_scene)
            if inner.status == "resolved":
                s0 = start + rest.start_char - ent.start_char
                parts = [(rest.text, s0, s0 + len(rest.text), inner)]
                got = inner
        if got.reason == DAY_NAME and len(ent) > 1:  # "USA Today last month": the rest is a date of its own
            rest = ent[1:]
            s0 = start + rest.start_char - ent.start_char
            parts.append((rest.text, s0, s0 + len(rest.text),
                          read(rest.text, anchor, way, told, label, near.get(sentence), late,
                               in_scene)))
        if got.status == "unresolved" and got.reason == UNREADABLE:
            for m in _EMBEDDED_RE.finditer(ent.text):
                if m.group(0).isdigit() and _in_code(ent.text[:m.start()]):
                    continue  # "RXJ1131-1231"
                before = ent.text[:m.start()].split()
                inner_way = "either" if (way == "past" and before
                                         and before[-1].lower() in w.END_POINT_PREPOSITIONS) else way
                if inner_way == "either" and (inside := ent.doc.char_span(
                        ent.start_char + m.start(), ent.start_char + m.end(), alignment_mode="expand")) is not None:
                    inner_way = direction(inside, headline=not running)  # "the quarter ended Oct. 31"
                inner = read(m.group(0), anchor, inner_way, told, label, near.get(sentence), late,
                             in_scene)
                if inner.status == "resolved" and inner.granularity != "quarter":
                    if len(parts) > 1 and _SPAN_LINK_RE.fullmatch(ent.text[parts[-1][2] - start:m.start()]):
                        inner = _not_before(inner, m.group(0), parts[-1][3])  # "from Saturday to Monday"
                    parts.append((m.group(0), start + m.start(), start + m.end(), inner))
        for text, s0, e0, r in parts:
            if r.status == "resolved" and r.value and r.granularity:
                last[field] = near[sentence] = (r.value, r.granularity)
                if _sets_the_scene(ent, text, r, sentence in scene):
                    scene[sentence] = (r.value, r.granularity)
            out.append(TimeExpression(article.article_id, text, s0, e0, label, r.value, r.granularity,
                                      r.status, r.reason, kind if r.status == "resolved" else None, field))
    return tuple(out)


#: Granularities of a date without a year that a year told right after it places ("Christmas Day last year").
_TAKES_A_YEAR = frozenset({"day", "month", "season"})
#: What may stand between a date and the year told right after it.
_YEAR_LINK_RE = re.compile(r"\s*(?:,|in|of)?\s*", re.I)


_COUNTED_BACK_RE = re.compile(r"\bago\b|^(?:last|previous|the previous|the past) year$")


def _tells_when(ent: Any) -> bool:
    """A year told as when something was ("two years ago", "last year", "in 2015"), not one that names a thing
    ("Paltrow's 2014 split")."""
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return bool(_COUNTED_BACK_RE.search(normalise(ent.text))) or before in _SCENE_PREPOSITIONS or (
        ent[0].lower_ in _SCENE_PREPOSITIONS)


def _year_right_after(ents: Any, k: int, anchor: date | None, way: str, label: str, late: bool) -> str | None:
    """The year that places entity ``k``: that of the DATE entity right after it when it reads as a year ("two
    years ago", "last year", "2015"; after nothing, a comma, "in" or "of"); for a holiday's name, which comes
    back every year, the one year its sentence tells anywhere ("Two years ago, ... celebrating New Year's Eve",
    "New Year's Eve celebrations two years ago"); else None."""
    ent = ents[k]
    named = strip_leading(normalise(ent.text))
    if named in w.FIXED_HOLIDAYS or named in w.RULE_HOLIDAYS:
        if ent.start > 0 and ent.doc[ent.start - 1].lower_ in _FROM_THE_DAY_OF_WRITING:
            return None  # "this New Year's Eve"
        others = [e for e in ents if e is not ent and e.label_ == "DATE" and e.sent.start == ent.sent.start
                  and _tells_when(e)]
    elif k + 1 < len(ents) and _YEAR_LINK_RE.fullmatch(ent.doc.text[ent.end_char:ents[k + 1].start_char]):
        others = [ents[k + 1]] if ents[k + 1].label_ == "DATE" else []
    else:
        return None
    years = set()
    for other in others:
        r = read(other.text, anchor, way, None, label, None, late, None)
        if r.status == "resolved" and r.granularity == "year" and r.value and r.value[:4].isdigit():
            years.add(r.value[:4])
    return years.pop() if len(years) == 1 else None


#: What joins the start of a span of days to its end ("Saturday to Monday", "Sept. 1 through Oct. 15").
_SPAN_LINK_RE = re.compile(r"\s*(?:to|through|thru|until|till|and|-|–)\s*", re.I)


def _a_holiday(ent: Any) -> bool:
    """A span of another label that is a holiday's name ("Labor Day", "New Year's Eve" tagged an event, "Easter
    Sunday" a place): a day, read as the DATE it is."""
    if ent.label_ not in ("EVENT", "FAC", "ORG", "WORK_OF_ART", "PRODUCT", "LAW", "NORP", "GPE", "PERSON"):
        return False
    named = strip_leading(normalise(ent.text))
    return named in w.FIXED_HOLIDAYS or named in w.RULE_HOLIDAYS


def _not_before(end: Reading, text: str, begin: Reading) -> Reading:
    """The end of a span of days, read alone, that falls before its start ("runs from Saturday to Monday" on
    a Thursday: the Monday after that Saturday, not the one before): a weekday a week on, a month (and
    day) without a year a year on."""
    first, last = period_start(begin.value or ""), period_start(end.value or "")
    if (first is None or last is None or last >= first or _YEAR_RE.search(normalise(text))
            or begin.granularity != end.granularity):  # "a revision Friday to December's figures": no span
        return end
    if end.granularity == "day" and not _MONTH_RE.search(normalise(text)):
        return as_day(last + timedelta(days=7 * ((first - last).days // 7 + 1)))
    if end.granularity == "day" and valid(last.year + 1, last.month, last.day):
        return as_day(date(last.year + 1, last.month, last.day))
    if end.granularity == "month":
        return as_month(last.year + 1, last.month)
    return end


_SENTENCE_END_RE = re.compile(r"[.!?][\"'”’]*(?:\s|$)")


def _reads_as_text(title: str | None) -> bool:
    """A title that is running text, not a headline: a sentence of eight words or more that ends with a stop
    (a plain-text document's first paragraph taken as its title). Its present tense is a present, not the
    past a headline tells in one."""
    if not title:
        return False
    words = title.split()
    return len(words) >= 8 and bool(_SENTENCE_END_RE.search(words[-1]))


def _weekdays_with_their_dates(doc: Any) -> dict[int, tuple[Any, Any]]:
    """A weekday the model cut from the month and day right after it ("on Friday, Oct. 13" tagged "Friday" and
    "Oct. 13"): both spans, by the start of each, read as one date, in the tense of the weekday's verb (the
    day the weekday is, in the year the date or the weekday gives; not the weekday nearest the day of
    writing). A weekday cut from the week right after it ("Tuesday night" and "last week", "Thursday" and
    "a week ago") is read with it too; the week keeps its own span and value."""
    out: dict[int, tuple[Any, Any]] = {}
    ents = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
    for first, second in pairwise(ents):
        gap = doc[first.end:second.start]
        if [t.lower_ for t in gap] in ([","], [",", "a"]) and _weekday_after_its_date(first, second):
            out[first.start] = out[second.start] = (second, first)  # "on Nov. 4, a Tuesday": that Tuesday
            continue
        if len(gap) > 1 or (len(gap) == 1 and gap[0].text != "," and gap[0].lower_ not in w.PARTS_OF_DAY):
            continue
        day = strip_leading(normalise(first.text)).split()
        if not day or day[0] not in w.WEEKDAYS or not set(day[1:]) <= set(w.PARTS_OF_DAY):
            continue
        date_text = normalise(second.text)
        if date_text in w.WEEKS_OF_A_WEEKDAY:
            out[first.start] = (first, second)
            continue
        if _MONTH_DAY_RE.search(date_text) is None or set(date_text.split()) & set(w.WEEKDAYS):
            continue
        out[first.start] = out[second.start] = (first, second)
    return out


def _weekday_after_its_date(date_ent: Any, day_ent: Any) -> bool:
    """A weekday put after a month and day as what day it was ("Nov. 4, a Tuesday")."""
    day = strip_leading(normalise(day_ent.text)).split()
    date_text = normalise(date_ent.text)
    return (len(day) == 1 and day[0] in w.WEEKDAYS and _MONTH_DAY_RE.search(date_text) is not None
            and not set(date_text.split()) & set(w.WEEKDAYS))


def _a_date_follows(ent: Any) -> bool:
    """A day follows the span in its sentence ("at 10:50 p.m. on Monday", "at 9 a.m., Friday, March 3"): a
    date that names a weekday, a day word or a month, a holiday ("at 9:40 a.m. on New Year's Eve"), or such a
    word right after the span that the model left out of every span ("at 12:10 p.m. Sunday"); or a zone of
    universal time right after it ("6.44am GMT": in another zone it may be another day)."""
    doc = ent.doc
    after = " ".join(t.lower_ for t in doc[ent.end:min(ent.end + 2, len(doc))])
    if after.split()[:1] and (after.split()[0] in w.UNIVERSAL_ZONES or _NAMES_A_DAY.search(normalise(after))):
        return True
    ents = ent.sent.ents if doc.has_annotation("SENT_START") else doc.ents
    return any(e.start >= ent.end and ((e.label_ == "DATE" and _NAMES_A_DAY.search(normalise(e.text))) or _a_holiday(e)
                                       or strip_leading(normalise(e.text)) in w.FIXED_HOLIDAYS) for e in ents)


def _as_name_or_clock(ent: Any) -> Reading | None:
    """What the words around a span show it is not: "every Friday" and "each July" recur; "2100" before "GMT"
    is a clock time ("just before
    6 a.m. (2100 GMT Monday)"), "May" after a name is a name ("Theresa May today said"), a number
    hyphened to a word with letters is part of a code ("galaxy RXJ1131-1231"), "the 1990's" is a decade,
    a holiday's name before a noun that is not an occasion on it names a kind of thing ("Christmas
    lights", "the Christmas market attack"), not a day, and "Good evening" is a greeting. A part of the day
    that what follows it names ("the day after the summit", "the night of the vote", "the day the plant
    closed") is not the day told
    before it, unless it stands beside that day ("Oct. 12, the day before the crash")."""
    doc = ent.doc
    text = ent.text.strip()
    after = doc[ent.end] if ent.end < len(doc) else None
    if (after is not None and re.fullmatch(r"(?:[01]\d|2[0-3])[0-5]\d", text)
            and after.lower_ in w.ZONES):
        return Reading(None, None, "unresolved", CLOCK_ONLY)
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ == "good" and text.lower() in w.PARTS_OF_A_TOLD_DAY:
        return Reading(None, None, "unresolved", GREETING)
    day_word_before = before is not None and (before.lower_ in w.WEEKDAYS or before.lower_ in w.DEICTIC_DAYS)
    if _TOLD_PART_RE.match(normalise(text)) and not day_word_before and _names_no_day(ent):
        return Reading(None, None, "unresolved", PART_OF_ANY_DAY)
    if _DAY_OF_MONTH_RE.match(" ".join(text.lower().split())) and not _a_day_of_the_month(ent):
        return Reading(None, None, "unresolved", NOT_A_DAY_OF_THE_MONTH)
    beside_a_date = before is not None and before.text == "," and ent.start > 1 and doc[ent.start - 2].ent_type_ == "DATE"
    named_by_clause = any(c.dep_ in ("relcl", "acl") for c in ent.root.children)  # "the day the plant closed"
    if ((named_by_clause or (after is not None and after.lower_ in w.NAMING_WHICH_DAY))
            and _TOLD_PART_RE.match(normalise(text)) and not beside_a_date and not day_word_before):
        return Reading(None, "day", "unresolved", DAY_OF_WHAT_FOLLOWS)
    if ent.text == "May" and before is not None and before.pos_ == "PROPN" and before.is_title:
        return Reading(None, None, "unresolved", NAME_NOT_MONTH)
    if text.isdigit() and _in_code(text_of(doc)[max(0, ent.start_char - 24):ent.start_char]):
        return Reading(None, None, "unresolved", CODE_NOT_YEAR)
    if (re.fullmatch(r"\d{3}0", text) and after is not None and after.lower_ in ("'s", "’s")
            and before is not None and before.lower_ in ("the", "early", "late", "mid")):
        return Reading(None, "decade", "unresolved", DECADE)
    if (ent[0].lower_ in w.RECURRING_WORDS and len(ent) <= 3) or (
            before is not None and before.lower_ in w.RECURRING_WORDS):
        return Reading(None, None, "unresolved", RECURRING)  # not "every year since 1990": 1990 is read
    named = strip_leading(normalise(text))
    if _GAME_QUARTER_RE.match(named) and _a_game(ent):
        return Reading(None, None, "unresolved", GAME_PERIOD)
    if (after is not None and after.pos_ in ("NOUN", "PROPN") and after.lower_ not in w.HOLIDAY_OCCASIONS
            and (_HOLIDAY_RE.match(named) or named in w.RULE_HOLIDAYS)):
        return Reading(None, None, "unresolved", HOLIDAY_THING)
    if named in w.SEASON_CODES and after is not None and after.pos_ in ("NOUN", "PROPN"):
        return Reading(None, None, "unresolved", periods.SEASON_THING)  # "winter storms", "one summer night"
    if named in w.SEASON_CODES and _names_no_day(ent):
        return Reading(None, None, "unresolved", periods.ANY_SEASON)  # "a long winter", "winter's darkness"
    return None


_GAME_QUARTER_RE = re.compile(r"^(?:first|second|third|fourth|final|1st|2nd|3rd|4th) quarter$")
_GAME_RE = re.compile(r"(?<![\w-])(?:" + "|".join(w.GAME_WORDS) + r")(?![\w-])")


def _a_game(ent: Any) -> bool:
    """The span's sentence has a word of a game's play (:data:`datewords.GAME_WORDS`), or its text two."""
    sentence = ent.sent.text if ent.doc.has_annotation("SENT_START") else ""
    return bool(_GAME_RE.search(sentence.lower())) or len(_GAME_RE.findall(text_of(ent.doc).lower())) >= 2


_BARE_WEEKDAY_RE = re.compile(r"^(?:" + "|".join(w.WEEKDAYS) + r")(?: (?:" + "|".join(w.PARTS_OF_DAY) + r"))?$")


def _with_the_day_before(ent: Any) -> str:
    """The span's text, with the weekday or day word the model left out before a part of the day ("Monday"
    in "Monday night's supermoon" tagged "night"), the "this", "last" or "next" before a bare unit ("this
    year's election" tagged "year"), the "in" before a count of time ("will vote in two weeks" tagged
    "two weeks"), or the "the following", "the previous" or "that" before a weekday ("the following Monday"
    tagged "Monday": the Monday after the day told before it)."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if (before is not None and before.lower_ in w.UNIT_DEICTICS
            and normalise(ent.text) in w.DEICTIC_UNITS):
        return f"{before.text} {ent.text}"
    if (before is not None and before.lower_ == "in" and is_verb(before.head)
            and periods.IN_COUNT_RE.match(f"in {normalise(ent.text)}")):
        return f"in {ent.text}"  # "will vote in two weeks"; not "the first time in two years"
    if (before is not None and (before.lower_ in w.WEEKDAYS or before.lower_ in w.DEICTIC_DAYS)
            and _TOLD_PART_RE.match(normalise(ent.text))):
        return f"{before.text} {ent.text}"
    if (before is not None and before.lower_ in w.ANAPHORIC_WEEKDAY_WORDS and ent.start > 1
            and ent.doc[ent.start - 2].lower_ == "the" and _BARE_WEEKDAY_RE.match(normalise(ent.text))):
        return f"the {before.text} {ent.text}"  # "resumed the following Monday" tagged "Monday": from the day told
    if before is not None and before.lower_ == "that" and _BARE_WEEKDAY_RE.match(normalise(ent.text)):
        return f"that {ent.text}"  # "That Friday, the quay closed" tagged "Friday": that day's week
    return str(ent.text)


def _a_difference(ent: Any) -> Reading | None:
    """A count "earlier" or "later" compared by "than" ("arrived a day earlier than planned", "two weeks later
    than expected") tells how far apart two times are, not a date: unresolved."""
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if nxt is None or nxt.lower_ != "than" or ent[-1].lower_ not in ("earlier", "later", "sooner"):
        return None
    return Reading(None, None, "unresolved", DIFFERENCE)


def _with_the_day_after(ent: Any, text: str) -> str:
    """``text`` with the day word the model left out after a count back ("a year ago" + "today": "a year ago
    today", that day a year back; "five years ago yesterday")."""
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if nxt is None or nxt.ent_type_ or nxt.lower_ not in w.DEICTIC_DAYS or not normalise(text).endswith(" ago"):
        return text
    return f"{text} {nxt.text}"


def _names_no_day(ent: Any) -> bool:
    """A part of the day that names no day: a bare one qualifying a noun ("the evening sky", "a late-night
    show"), one counted or described ("another harrowing night", "a night game"), or the subject or
    complement of its clause ("The night was cold")."""
    root = ent.root
    if root.dep_ in ("compound", "amod", "nmod", "poss") and ent[0].lower_ != "the":
        return True
    if any(c.dep_ == "det" and c.lower_ != "the" for c in root.children):
        return True
    return bool(root.dep_ in ("nsubj", "nsubjpass", "attr"))


def _a_day_of_the_month(ent: Any) -> bool:
    """"the 19th" is a day of the month after a preposition of dates ("on the 19th", "by the 3rd") and before
    no noun it counts ("the 31st floor", "the 13th time")."""
    doc = ent.doc
    words = ent.text.lower().split()
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.pos_ in ("NOUN", "PROPN", "NUM"):
        return False
    return words[0] in w.DAY_OF_MONTH_PREPOSITIONS or before in w.DAY_OF_MONTH_PREPOSITIONS


_NTH_DAY_RE = re.compile(r"^(?:the )?(?:" + "|".join(w.ORDINAL_WORDS) + r"|\d+(?:st|nd|rd|th)) day$", re.I)


def _in_code(before: str) -> bool:
    """A number after this text is part of a code: it follows a hyphen or a slash that joins it to a word
    with capitals or digits ("RXJ1131-1231", "Su-1000"), not to a word that says which part of a year it is
    ("Mid-2014", "FY-2017")."""
    code = re.search(r"(?<![\w-])([A-Za-z]\w*)[-/]$", before)
    return bool(code is not None and re.search(r"[A-Z\d]", code.group(1))
                and code.group(1).lower() not in w.YEAR_PREFIXES)


def _nth_day_today(ent: Any, anchor: date | None) -> Reading | None:
    """"It's the second day of the offensive", "today is the eighth day of the strike": a day counted in a
    present "is" whose subject is "it", "this" or "today" is the day of writing."""
    if not _NTH_DAY_RE.match(" ".join(ent.text.split())):
        return None
    root = ent.root
    be = root.head
    if root.dep_ != "attr" or be is root or be.lemma_ != "be" or be.tag_ not in ("VBZ", "VBP"):
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in ("it", "this", "today") for c in be.children):
        return None
    if anchor is None:
        return Reading(None, "day", "unresolved", NO_ANCHOR)
    return as_day(anchor)


# ---------------------------------------------------------------- reading a span


def read(text: str, anchor: date | None, direction: str = "past", context: tuple[str, str] | None = None,
         label: str = "DATE", near: tuple[str, str] | None = None, late: bool = False,
         scene: tuple[str, str] | None = None) -> Reading:
    """Resolve one date expression.

    Args:
        text: the span as written ("early Tuesday", "Jan. 14", "2100 GMT").
        anchor: the publication day (None: undated, only absolute dates resolve).
        direction: ``past``, ``future``, ``present`` (a weekday is the nearest) or ``either`` (a weekday
            looks back), from the tense of its sentence (:func:`direction`).
        context: the last date resolved before it in the same field (value, granularity), for "that day",
            "the next day".
        near: the last date resolved before it in the same sentence, for "a year earlier" (without
            one, it counts from the anchor).
        late: the article was published late in its day (:data:`LATE_HOUR` or after), when in zones
            ahead it is already the next day: a weekday or a date told in the past may be that next day
            ("early Tuesday" in a Monday-evening report of a launch in Asia).
        label: the model's label; a TIME that is a bare four-digit number is a clock time.
        scene: the date told before it in its sentence that names its year ("In 1996", "in August 1997",
            "on Dec. 23, 1997", or one read in that year after it): a month, a month and day, a quarter or a
            season without a year, not told ahead, is then read in that scene ("In 1996, sales peaked in
            March"), not from the day of writing.
    """
    return _read(text, anchor, direction, context, label, near, late, scene)


_FOCUS_AFTER_RE = re.compile(r"(?<=\S)\s+(?:" + "|".join(w.FOCUS_AFTER) + r")\s*$", re.I)


@lru_cache(maxsize=8192)
def _read(text: str, anchor: date | None, direction: str, context: tuple[str, str] | None, label: str,
          near: tuple[str, str] | None, late: bool, scene: tuple[str, str] | None = None) -> Reading:
    raw = rules.TIME_NOISE_RE.sub(" ", text)
    no_clock = w.CLOCK_RE.sub(" ", raw)
    if label == "TIME" and re.fullmatch(r"\s*(?:at\s+)?(?:[01]\d|2[0-3])[0-5]\d\s*", no_clock, re.I):
        no_clock = ""  # "at 2100": a clock time
    no_clock = _FOCUS_AFTER_RE.sub("", no_clock)  # "last year alone": last year
    cleaned = " ".join(rules.TIME_PREFIX_RE.sub("", " ".join(no_clock.split())).split())
    s = normalise(no_clock)
    # "a year earlier", "the year": not durations
    if (got := _shifted(s, no_clock, anchor, direction, (near, context))
            or _current(s, no_clock, anchor, direction, near)
            or _part_of_told_day(s, anchor, direction, context, near)
            or (_period(s, no_clock, anchor, direction, context) if s in w.CURRENT_PERIODS else None)
            or periods.elliptic(s, near, anchor)
            or periods.counted(s, no_clock, anchor, direction, context, near)):
        return got
    if rules.DURATION_RE.match(cleaned):
        return Reading(None, None, "unresolved", "a duration or an age, not a point in time")
    if rules.DECADE_RE.match(cleaned):
        return Reading(None, "decade", "unresolved", DECADE)
    if rules.BARE_NUMBER_RE.match(cleaned) and not (len(cleaned) == 4 and 1000 <= int(cleaned) <= 2200):
        return Reading(None, None, "unresolved", "a bare number, not a year")
    if no_clock != raw and (got := _clock_of_told_day(s, raw, direction, context)) is not None:
        return got
    if not s:
        return Reading(None, None, "unresolved", CLOCK_ONLY)
    if scene is not None and direction != "future" and (got := _in_the_scene(s, no_clock, scene, context)) is not None:
        return got
    year_told = int(near[0]) if near is not None and near[1] == "year" and near[0].isdigit() else None
    for rule in (_anaphoric, _period, _ago, _deictic, _unit, _weekday_of_a_week, _weekday, _holiday,
                 periods.movable_holiday, _month, _day_of_month, periods.quarter, periods.season, _year,
                 _spelled_year, _numeric, _other):
        limit = anchor
        if (late and anchor is not None and direction not in ("future", "present")
                and rule in (_weekday, _month, _day_of_month)):
            limit = anchor + timedelta(days=1)  # already the next day in zones ahead (not for the nearest day:
            # "present" reads at most the day before the day of writing)
        got = (_month(s, no_clock, limit, direction, context, year_told) if rule is _month
               else rule(s, no_clock, limit, direction, context))
        if got is not None:
            return got
    return Reading(None, None, "unresolved", CLOCK_ONLY if not _HAS_DATE_WORD.search(s) else UNREADABLE)


#: Words that place a date from the day of writing ("last March", "this fall"): not read from a scene.
_FROM_THE_DAY_OF_WRITING = frozenset({"last", "next", "this", "past", "coming", "current", "ago", "previous", "following"})
#: Words before a date with a year that set the scene of what follows in the sentence ("In 1996, ...").
_SCENE_PREPOSITIONS = frozenset({"in", "on", "during"})


def _sets_the_scene(ent: Any, text: str, r: Reading, has_scene: bool) -> bool:
    """A date read sets the scene of its sentence: one that names its year, told as when (after "in", "on" or
    "during": "In 1996", "on Dec. 23, 1997", "in August 1997"; not "since 1987"), or, once a scene is set, a date
    read after it that is not placed from the day of writing ("In 1997 the plant closed on Dec. 23 and reopened
    Jan. 5")."""
    s = normalise(text)
    if r.granularity not in ("day", "month", "quarter", "season", "year"):
        return False
    if has_scene:
        return not set(s.split()) & (_FROM_THE_DAY_OF_WRITING | set(w.DEICTIC_DAYS) | set(w.WEEKDAYS))
    if not _YEAR_RE.search(s):
        return False
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if ent[0].lower_ not in _SCENE_PREPOSITIONS and before not in _SCENE_PREPOSITIONS:
        return False
    tok = ent.root
    for _ in range(12):  # not in what qualifies a noun ("the pair, who met in 2006, parted in January")
        if tok.dep_ in ("relcl", "acl") or tok.head.i == tok.i:
            return tok.dep_ not in ("relcl", "acl")
        tok = tok.head
    return True


def _in_the_scene(s: str, raw: str, scene: tuple[str, str], context: tuple[str, str] | None) -> Reading | None:
    """A month, a month and day, a quarter or a season without a year, after a date with a year told in its sentence
    (:func:`read`'s ``scene``): of that year when it is a year, else the first on or after that date (a story
    told in order: "in January 2015 ... in November" is November 2015)."""
    if _YEAR_RE.search(s) or set(s.split()) & (_FROM_THE_DAY_OF_WRITING | set(w.DEICTIC_DAYS)):
        return None
    start = period_start(scene[0])
    if start is None:
        return None
    # a year: from its middle, the nearest, so that any month is in it; a finer date: the first on or after it
    ref, way = (date(start.year, 7, 1), "either") if scene[1] == "year" else (start, "future")
    for rule in (_month, periods.quarter, periods.season):
        got = rule(s, raw, ref, way, context)
        if got is not None:
            return got if got.status == "resolved" else None
    return None


_NAMES_A_DAY = re.compile(r"\b(?:" + "|".join([*w.WEEKDAYS, *w.DEICTIC_DAYS, *w.MONTHS]) + r")\b")
_HAS_DATE_WORD = re.compile(
    r"\b(" + "|".join(w.WEEKDAYS) + "|" + "|".join(w.MONTHS) + r")\b|\b\d{4}\b|\b\d{1,2}[/.-]\d{1,2}\b|"
    r"\b(today|yesterday|tomorrow|tonight|ago|last|next|this|weekend|week|month|year|years|months|weeks|days|"
    r"earlier|later|recently|now|current|past|coming|spring|summer|autumn|fall|winter|christmas|easter)\b")


# ---------------------------------------------------------------- rules, in order


_ANAPHORIC_WEEKDAY_RE = re.compile(r"^the (" + "|".join(w.ANAPHORIC_WEEKDAY_WORDS) + r") ("
                                   + "|".join(w.WEEKDAYS) + r")(?: (?:" + "|".join(w.PARTS_OF_DAY) + r"))?$")


_THAT_WEEKDAY_RE = re.compile(r"^that (?:same )?(" + "|".join(w.WEEKDAYS) + r")(?: (?:" + "|".join(w.PARTS_OF_DAY)
                              + r"))?$")


def _anaphoric(s: str, raw: str, anchor: date | None, direction: str, context: tuple[str, str] | None) -> Reading | None:
    """A day named from the day told before it: "that day", "the next day", "the previous Friday" (the
    Friday before that day), "that Friday" (the Friday of that day's week; with no day told, read as "Friday")."""
    stripped = strip_leading(s)
    if (that := _THAT_WEEKDAY_RE.match(stripped)) is not None:
        if context is None or context[1] != "day":  # no day told: the weekday alone, as the text's own time
            return _weekday(stripped.removeprefix("that ").removeprefix("same "), raw, anchor, direction, context)
        told = date.fromisoformat(context[0])
        return as_day(told + timedelta(days=w.WEEKDAYS.index(that.group(1)) - told.weekday()))
    m = _ANAPHORIC_WEEKDAY_RE.match(s)
    days = ((s, 0),) if m else w.ANAPHORIC_DAYS
    for phrase, offset in days:
        if phrase in (s, stripped) or stripped == strip_leading(phrase):
            if context is None or context[1] != "day":
                return Reading(None, "day", "unresolved", NO_ANTECEDENT)
            told = date.fromisoformat(context[0])
            if m is None:
                return as_day(told + timedelta(days=offset))
            way, wd = w.ANAPHORIC_WEEKDAY_WORDS[m.group(1)], w.WEEKDAYS.index(m.group(2))
            return as_day(told + timedelta(days=way * ((way * (wd - told.weekday()) - 1) % 7 + 1)))
    return None


_TOLD_PART_RE = re.compile(r"^(?:(?:" + "|".join(w.PART_OF_DAY_LEAD) + r") )*(" + "|".join(w.PARTS_OF_A_TOLD_DAY)
                           + r")$")


def _part_of_told_day(s: str, anchor: date | None, direction: str, context: tuple[str, str] | None,
                      near: tuple[str, str] | None) -> Reading | None:
    """A part of the day alone ("by mid-afternoon", "later in the day", "rose 2% on the day"): of the day told
    just before it; with none, unresolved (a story told without its day is not told on the day of writing).
    "overnight" with no day told is last night (dated by its evening: the day before the day of writing),
    or, told ahead, tonight; after a day told it may be the night before that day or the night after it, and
    stays unresolved. Not in a present with its subject ("the square is quiet at night": any day)."""
    m = _TOLD_PART_RE.match(s)
    if m is None:
        return None
    if direction == "present":
        return Reading(None, None, "unresolved", CLOCK_ONLY)
    night_before = m.group(1) in w.NIGHT_BEFORE
    if context is not None and context[1] == "day" and night_before:
        return Reading(None, "day", "unresolved", NIGHT_EITHER_SIDE)
    if context is not None and context[1] == "day":
        day = date.fromisoformat(context[0])
    elif near is not None or not night_before:
        return Reading(None, "day", "unresolved", NO_ANTECEDENT)
    elif anchor is None:
        return Reading(None, "day", "unresolved", NO_ANCHOR)
    else:
        day = anchor
    if night_before and direction != "future":
        day -= timedelta(days=1)
    return as_day(day)


def _clock_of_told_day(s: str, raw: str, direction: str, context: tuple[str, str] | None) -> Reading | None:
    """A clock time alone ("around 7:15 p.m.", "shortly after 9 a.m."), told after a day ("A shop was robbed
    late Wednesday. The men came in around 8:40 p.m."): a time of that day. In a present ("the shop opens
    at 9 a.m.": any day), with no day told, in universal time ("2100 GMT", beside a local day: it may be
    another day) or in the small hours (midnight to 5 a.m., :data:`datewords.SMALL_HOURS`: after an evening
    told, already the next day) it names no day."""
    if set(s.split()) - w.CLOCK_LEAD:
        return None
    if (direction == "present" or context is None or context[1] != "day"
            or set(normalise(raw).split()) & w.UNIVERSAL_ZONES or _small_hours(raw)):
        return Reading(None, None, "unresolved", CLOCK_ONLY)
    return as_day(date.fromisoformat(context[0]))


_HOUR_RE = re.compile(r"(?<![\d.:])(\d{1,2})(?:[:.]\d\d)?\s*(?:([ap])\.?m\b)?", re.I)


def _small_hours(raw: str) -> bool:
    """The clock time in ``raw`` is in the small hours ("2.15am", "12:47 a.m.", "03:10"); a bare hour
    with no "a.m." or "p.m." and no minutes ("at 4") says nothing."""
    m = w.CLOCK_RE.search(raw)
    h = _HOUR_RE.search(m.group(0)) if m is not None else None
    if h is None:
        return False
    hour = int(h.group(1)) % 12 if h.group(2) else int(h.group(1))
    return (h.group(2) or "a").lower() == "a" and hour in w.SMALL_HOURS


def _period(s: str, raw: str, anchor: date | None, direction: str, context: tuple[str, str] | None) -> Reading | None:
    """The year, month or week of the date told before ("later that year", "the same month"), or of the day of
    writing ("later in the year", "earlier in the week")."""
    unit = w.ANAPHORIC_PERIODS.get(s)
    start: date | None
    if unit is not None:
        start = period_start(context[0]) if context is not None else None
        if context is not None and w.GRANULARITY_RANK.get(context[1], 9) > w.GRANULARITY_RANK[unit]:
            start = None  # "that month" after "in 1998": no month named
        if start is None:
            return Reading(None, unit, "unresolved", NO_ANTECEDENT)
    elif (unit := w.CURRENT_PERIODS.get(s)) is not None:
        if (missing := need_anchor(anchor, unit)) is not None:
            return missing
        start = anchor
    else:
        return None
    assert start is not None
    if unit == "week":
        return as_week(start)
    if unit == "month":
        return as_month(start.year, start.month)
    return Reading(f"{start.year:04d}", "year", "resolved")


_HOLIDAY_RE = re.compile(r"^(?:(last|this|next|past|coming) )?(" + "|".join(
    sorted((re.escape(h) for h in w.FIXED_HOLIDAYS), key=len, reverse=True)) + r")$")
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")


def _holiday(s: str, raw: str, anchor: date | None, direction: str, context: tuple[str, str] | None) -> Reading | None:
    """A holiday on a fixed day ("Christmas", "on New Year's Eve"): that month and day, read as one."""
    m = _HOLIDAY_RE.match(strip_leading(s))
    if m is None:
        return None
    month, day = w.FIXED_HOLIDAYS[m.group(2)]
    text = f"{m.group(1) + ' ' if m.group(1) else ''}{_MONTH_NAMES[month - 1]} {day}"
    return _month(text, text.title(), anchor, direction, context)


_HEDGE = "|".join(sorted((re.escape(h) for h in w.HEDGES), key=len, reverse=True))
_AGO_RE = re.compile(rf"^(?:(?:{_HEDGE})\s+)*(\S+)(?:\s+(?:and a half))?\s+(day|week|month|year|decade)s?"
                     r"(?:\s+or so)?\s+(ago|from now|from today|hence)$")


#: A count back followed by a period of the day of writing: "two years ago this month", "a year ago today".
_AGO_THEN_RE = re.compile(r"^(.+?\b(?:ago|from now))\s+((?:this|last|next)\s+(?:week|month|year)"
                          r"|today|yesterday|tomorrow|tonight)$")


def _ago(s: str, raw: str, anchor: date | None, direction: str, context: tuple[str, str] | None) -> Reading | None:
    if (then := _AGO_THEN_RE.match(s)) is not None:
        # "two years ago this month": this month, two years back; "a year ago last week", "a year ago today"
        counted = _ago(then.group(1), then.group(1), anchor, direction, context)
        m = _AGO_RE.match(then.group(1)) or _AGO_RE.match(strip_leading(then.group(1)))
        if counted is None or counted.status != "resolved" or m is None or anchor is None:
            return counted
        k = round(count(m.group(1)) or 0) * (1 if m.group(3) == "ago" else -1)
        if m.group(2) in ("day", "week"):
            back = anchor - timedelta(days=k * (7 if m.group(2) == "week" else 1))
        else:
            y, mo = shift_months(anchor, -k * (12 if m.group(2) == "year" else 1))
            back = date(y, mo, min(anchor.day, calendar.monthrange(y, mo)[1]))
        period = then.group(2)
        return _unit(period, period, back, direction, context) or _deictic(period, period, back, direction, context)
    m = _AGO_RE.match(s) or _AGO_RE.match(strip_leading(s))  # "at least five years ago": "at" opens the hedge
    if m is None:
        return None
    n, unit = count(m.group(1)), m.group(2)
    if unit == "decade":
        return Reading(None, "decade", "unresolved", "a decade: no single date")
    if n is None:
        return Reading(None, unit, "unresolved", "a vague count of time before the article")
    if (missing := need_anchor(anchor, unit)) is not None:
        return missing
    assert anchor is not None
    if m.group(3) != "ago":  # "a year from now": ahead
        n = -n
    if unit == "day":
        return as_day(anchor - timedelta(days=round(n)))
    if unit == "week":  # weeks counted are seven days each: "a week ago" on a Friday is the Friday before
        return as_day(anchor - timedelta(weeks=n)) if n == round(n) else as_week(anchor - timedelta(weeks=n))
    if unit == "month":
        return as_month(*shift_months(anchor, -round(n)))
    return Reading(f"{anchor.year - round(n):04d}", "year", "resolved")


_DEICTIC_RE = re.compile(r"\b(" + "|".join(w.DEICTIC_DAYS) + r")\b")


def _deictic(s: str, raw: str, anchor: date | None, direction: str, context: tuple[str, str] | None) -> Reading | None:
    offset = next((o for phrase, o in w.DEICTIC_PHRASES if s == phrase or strip_leading(s) == phrase), None)
    if offset is None:
        # "today", "late yesterday", "yesterday morning", "Theresa May today" (a day word beats a bare month)
        m = _DEICTIC_RE.search(s)
        if m is None or _MONTH_DAY_RE.search(s) or _YEAR_RE.search(s):
            return None
        offset = w.DEICTIC_DAYS[m.group(1)]
    if (missing := need_anchor(anchor, "day")) is not None:
        return missing
    assert anchor is not None
    return as_day(anchor + timedelta(days=offset))


_UNIT_RE = re.compile(r"^(this past|this coming|the current|last|past|previous|next|coming|this|current)\s+"
                      r"(week|month|year|weekend)$")


def _unit(s: str, raw: str, anchor: date | None, direction: str, context: tuple[str, str] | None) -> Reading | None:
    stripped = strip_leading(s)
    if stripped == "weekend":  # "the weekend": the week of the nearest Saturday in the sentence's direction
        if (missing := need_anchor(anchor, "week")) is not None:
            return missing
        assert anchor is not None
        got = _weekday("saturday", raw, anchor, direction, context)
        return as_week(date.fromisoformat(got.value or "")) if got is not None else None
    m = _UNIT_RE.match(stripped)
    if m is None:
        return None
    which, unit = m.groups()
    step = -1 if which in w.BACK else 1 if which in w.AHEAD else 0
    if (missing := need_anchor(anchor, w.UNITS[unit])) is not None:
        return missing
    assert anchor is not None
    if unit in ("week", "weekend"):
        return as_week(anchor + timedelta(weeks=step))
    if unit == "month":
        return as_month(*shift_months(anchor, step))
    return Reading(f"{anchor.year + step:04d}", "year", "resolved")


_WEEKDAY_RE = re.compile(
    r"^(?:(last|next|this|past|coming|this past|this coming)\s+)?("
    + "|".join(w.WEEKDAYS) + "|" + "|".join(w.WEEKDAY_ABBREVIATIONS)
    + r")(?:\s+(?:" + "|".join(w.PARTS_OF_DAY) + r"))?$")


def _weekday(s: str, raw: str, anchor: date | None, direction: str, context: tuple[str, str] | None) -> Reading | None:
    m = _WEEKDAY_RE.match(strip_leading(s))
    if m is None:
        return None
    which, name = m.groups()
    wd = w.WEEKDAYS.index(name) if name in w.WEEKDAYS else w.WEEKDAY_ABBREVIATIONS[name]
    if (missing := need_anchor(anchor, "day")) is not None:
        return missing
    assert anchor is not None
    back = anchor - timedelta(days=(anchor.weekday() - wd) % 7)
    ahead = anchor + timedelta(days=(wd - anchor.weekday()) % 7)
    if which in w.BACK:
        return as_day(back if back < anchor else back - timedelta(days=7))
    if which in w.AHEAD:
        return as_day(ahead if ahead > anchor else ahead + timedelta(days=7))
    if direction == "future":
        return as_day(ahead)
    if which is not None:  # "this Friday": the nearest
        return as_day(back if (anchor - back).days <= 3 else ahead)
    if direction == "present":  # "voters go to the polls Sunday": ahead; "fans celebrate on Monday night": a photo
        return as_day(back if (anchor - back).days <= w.PRESENT_BACK_DAYS else ahead)  # of the day before at most
    return as_day(back)  # past, or no tense: news tells what has happened


_WEEKDAY_NAMES = "|".join(w.WEEKDAYS)
_WEEKDAY_OF_WEEK_RE = re.compile(rf"^({_WEEKDAY_NAMES})(?: (?:" + "|".join(w.PARTS_OF_DAY)
                                 + r"))? (?:of )?(last|this|next) week$"
                                 rf"|^(?:a|one) week ago (?:on )?({_WEEKDAY_NAMES})$|^({_WEEKDAY_NAMES}) a week ago$")


def _weekday_of_a_week(s: str, raw: str, anchor: date | None, direction: str,
                       context: tuple[str, str] | None) -> Reading | None:
    """A weekday in a week named from the day of writing: "Tuesday of last week", "Tuesday next week"
    (that day of that ISO week); "a week ago Tuesday", "Tuesday a week ago" (the one before the most recent
    Tuesday)."""
    m = _WEEKDAY_OF_WEEK_RE.match(strip_leading(s))
    if m is None:
        return None
    if (missing := need_anchor(anchor, "day")) is not None:
        return missing
    assert anchor is not None
    if m.group(1):
        step = {"last": -1, "this": 0, "next": 1}[m.group(2)]
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
        return as_day(monday + timedelta(days=w.WEEKDAYS.index(m.group(1))))
    wd = w.WEEKDAYS.index(m.group(3) or m.group(4))
    return as_day(anchor - timedelta(days=(anchor.weekday() - wd) % 7 + 7))


_MONTH_WORD = r"(" + "|".join(sorted(w.MONTHS, key=len, reverse=True)) + r")"
_MONTH_DAY_RE = re.compile(rf"\b{_MONTH_WORD}\s+(\d{{1,2}})\b(?!\s*\d{{2}}\b)|\b(\d{{1,2}})\s+(?:of\s+)?{_MONTH_WORD}\b")
_MONTH_RE = re.compile(rf"\b{_MONTH_WORD}\b")
_YEAR_RE = re.compile(r"(?<![\d-])(1[0-9]\d\d|20\d\d|2100)(?![\d-]|[a-z])|'(\d\d)\b")  # not "1080p"
_REL_YEAR_RE = re.compile(r"\b(last|this|next|the previous|the following|the coming|the past) year\b")
#: What may stand around a month, a day and a year in a date ("early", "the", "of", a weekday ...).
_FILLER = frozenset(x for phrase in w.LEADING_WORDS for x in phrase.split()) | frozenset(w.WEEKDAYS) | frozenset(
    w.WEEKDAY_ABBREVIATIONS) | frozenset(w.PARTS_OF_DAY) | {
    "last", "next", "this", "past", "coming", "year", "of", "the", "and", "or", "a", "m", "p", "early", "late", "mid",
    "calendar", "fiscal", "first", "half", "second", "week", "weekend", "an"}


_ORDINAL_OF_MONTH_RE = re.compile(r"\b(" + "|".join(sorted(w.ORDINAL_DAYS, key=len, reverse=True)) + r") of (?="
                                  + _MONTH_WORD + r"\b)")


#: A month and its day as an ordinal after it ("March eighth", "March the second", "June the 21st").
_MONTH_ORDINAL_RE = re.compile(_MONTH_WORD + r" (?:the )?(" + "|".join(sorted(w.ORDINAL_DAYS, key=len, reverse=True))
                               + r"|(?<=the )\d{1,2})\b")


_WEEK_OF_RE = re.compile(r"\bweek(?:end)? of\b|\bweekend$")  # "the week of March 2", "the July Fourth weekend"


def _month(s: str, raw: str, anchor: date | None, direction: str, context: tuple[str, str] | None,
           year_told: int | None = None) -> Reading | None:
    """A month, or a month and day, with or without a year; "the week of March 2" and "the July Fourth
    weekend" are that day's week; "the first Monday of April", "the last Friday in February" that day."""
    if (nth := _NTH_WEEKDAY_RE.search(s)) is not None:  # "the first Monday of April": read the month, then the day
        got = _month_or_day(s[:nth.start()] + s[nth.end(2):], raw, anchor, direction, context, year_told)
        if got is not None and got.granularity == "month" and got.value:
            return as_day(_nth_weekday(int(got.value[:4]), int(got.value[5:7]), nth.group(1), nth.group(2)))
        return got
    got = _month_or_day(s, raw, anchor, direction, context, year_told)
    if got is not None and got.granularity == "day" and got.value and _WEEK_OF_RE.search(s):
        return as_week(date.fromisoformat(got.value))
    return got


#: "the first Monday of April", "the last Friday in February": that day of that month.
_NTH_WEEKDAY_RE = re.compile(r"\b(first|second|third|fourth|last|1st|2nd|3rd|4th) (" + "|".join(w.WEEKDAYS)
                             + r") (?:of|in) " + _MONTH_WORD + r"\b")


def _nth_weekday(year: int, month: int, nth: str, weekday: str) -> date:
    """The ``nth`` ("first" ... "fourth", "last") ``weekday`` of the month."""
    wd = w.WEEKDAYS.index(weekday)
    if nth == "last":
        end = date(year, month % 12 + 1, 1) - timedelta(days=1) if month < 12 else date(year, 12, 31)
        return end - timedelta(days=(end.weekday() - wd) % 7)
    first = date(year, month, 1)
    k = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3}[nth]
    return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * k)


def _month_or_day(s: str, raw: str, anchor: date | None, direction: str,
                  context: tuple[str, str] | None, year_told: int | None = None) -> Reading | None:
    """``year_told``: a year told before it in its sentence ("In the year-ago quarter, which ended Oct.
    31"): a month and day told in the past may then lie more than
    :data:`datewords.MAX_BACK_DAYS` back, in that year."""
    s = _ORDINAL_OF_MONTH_RE.sub(lambda m: f"{w.ORDINAL_DAYS[m.group(1)]} of ", s)  # "the third of May"
    s = _MONTH_ORDINAL_RE.sub(lambda m: f"{m.group(1)} {w.ORDINAL_DAYS.get(m.group(2), m.group(2))}", s)
    names = [m for m in _MONTH_RE.finditer(s) if _is_month(m, raw)]
    if len(names) != 1:
        return None
    month = w.MONTHS[names[0].group(1)]
    md = _MONTH_DAY_RE.search(s)
    day = int(md.group(2) or md.group(3)) if md is not None and _is_month(names[0], raw) else None
    if day is not None and not 1 <= day <= 31:
        day = None
    y = _YEAR_RE.search(s)
    rest = set(_YEAR_RE.sub(" ", _MONTH_RE.sub(" ", _MONTH_DAY_RE.sub(" ", s))).split())
    if not rest <= _FILLER:
        return None  # words this rule does not know ("the week after May 5")
    if y is not None:
        year = int(y.group(1)) if y.group(1) else two_digit_year(int(y.group(2)), anchor)
        return dated(year, month, day)
    if (missing := need_anchor(anchor, "day" if day else "month")) is not None:
        return missing
    assert anchor is not None
    rel = _REL_YEAR_RE.search(s)
    if rel is not None and rel.start() > names[0].start():  # "June last year", "in March this year"
        step = {"last": -1, "the previous": -1, "the past": -1, "this": 0}.get(rel.group(1), 1)
        return dated(anchor.year + step, month, day)
    before = s[:names[0].start()].split()
    which = before[-1] if before and before[-1] in ("last", "next", "this", "past", "coming") else None
    candidates = [(yr, month, day) for yr in (anchor.year - 1, anchor.year, anchor.year + 1)
                  if day is None or valid(yr, month, day)]
    named = re.search(r"\b(" + "|".join(w.WEEKDAYS) + r") " + _MONTH_WORD + r"\b", s)  # "Monday, Oct. 6"
    weekday = w.WEEKDAYS.index(named.group(1)) if named is not None else None
    if day is not None and weekday is not None:  # "Monday, Oct. 6": the year in which it is a Monday
        candidates = [c for c in candidates if date(c[0], month, day).weekday() == weekday] or candidates
    here = (anchor.year, anchor.month, anchor.day if day else None)

    def key(c: tuple[int, int, int | None]) -> int:
        """Signed distance from the anchor, in days (a month: in months)."""
        if day is None:
            return (c[0] - here[0]) * 12 + c[1] - here[1]
        return (date(c[0], c[1], day) - anchor).days

    if which == "this":
        pick = next((c for c in candidates if c[0] == anchor.year), None)
    elif which in ("last", "past") or (which is None and direction == "past"):
        strict = which is not None
        pick = max((c for c in candidates if key(c) < 0 or (key(c) == 0 and not strict)), key=key, default=None)
        if (which is None and day is not None and pick is not None and -key(pick) > w.MAX_BACK_DAYS
                and pick[0] != year_told):
            pick = None  # a year back would carry "last year": the same date ahead is meant ("on July 26")
    elif which in ("next", "coming") or direction == "future":
        strict = which is not None
        pick = min((c for c in candidates if key(c) > 0 or (key(c) == 0 and not strict)), key=key, default=None)
    else:
        pick = None
    if pick is None:  # no direction (or no 29 February that way): the nearest
        pick = min(candidates, key=lambda c: (abs(key(c)), key(c) > 0), default=None)
    if pick is None:
        return Reading(None, "day", "unresolved", "no such day in the calendar")
    return dated(pick[0], month, day)


_DAY_OF_MONTH_RE = re.compile(r"^(?:(?:on|by|until|till|since|from|before|after|of) )*the (\d{1,2})(?:st|nd|rd|th)$")


def _day_of_month(s: str, raw: str, anchor: date | None, direction: str,
                  context: tuple[str, str] | None) -> Reading | None:
    """"on the 19th": the 19th of the month told just before it, or, with none, the nearest 19th in the
    sentence's direction (looking back without one)."""
    m = _DAY_OF_MONTH_RE.match(" ".join(raw.lower().split()))
    if m is None or not 1 <= (n := int(m.group(1))) <= 31:
        return None
    if context is not None and context[1] in ("day", "month"):
        told = period_start(context[0])
        if told is not None:
            return dated(told.year, told.month, n)
    if (missing := need_anchor(anchor, "day")) is not None:
        return missing
    assert anchor is not None
    days = [date(y, mo, n) for y, mo in (shift_months(anchor, k) for k in (-2, -1, 0, 1, 2)) if valid(y, mo, n)]
    if direction == "future":
        return as_day(min(d for d in days if d >= anchor))
    if direction == "present":
        return as_day(min(days, key=lambda d: abs((d - anchor).days)))
    return as_day(max(d for d in days if d <= anchor))


def _is_month(m: re.Match[str], raw: str) -> bool:
    """"May" and "March" are months only when capitalised (not "may", "march")."""
    if m.group(1) not in ("may", "mar", "march"):
        return True
    return bool(re.search(r"\b" + m.group(1).capitalize() + r"\b|\b" + m.group(1).upper() + r"\b", raw))


_YEAR_ONLY_RE = re.compile(r"^(?:(?:the )?(?:calendar |fiscal )?(?:year )?)?(?:fiscal )?(\d{4}|'\d\d)$")


def _year(s: str, raw: str, anchor: date | None, direction: str, context: tuple[str, str] | None) -> Reading | None:
    """A year alone ("1998", "fiscal 1998", "'98"), or with words that name a part of it that has no
    calendar value of its own ("the first half of 1998", "the spring of 1998")."""
    m = _YEAR_ONLY_RE.match(strip_leading(s))
    if m is not None:
        token = m.group(1)
    else:
        years = _YEAR_RE.findall(s)
        rest = set(_YEAR_RE.sub(" ", s).split())
        if len(years) != 1 or _MONTH_RE.search(s) or not rest <= _FILLER | set(w.SEASONS):
            return None
        token = years[0][0] or "'" + years[0][1]
    year = int(token) if token[0].isdigit() else two_digit_year(int(token[1:]), anchor)
    if not 1000 <= year <= 2200:
        return None
    return Reading(f"{year:04d}", "year", "resolved")


_ISO_RE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_US_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")


def _numeric(s: str, raw: str, anchor: date | None, direction: str, context: tuple[str, str] | None) -> Reading | None:
    t = strip_leading(s)
    if (m := _ISO_RE.match(t)) is not None:
        return dated(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if (m := _US_RE.match(t)) is not None:  # month/day/year, as US news writes it
        yy = int(m.group(3))
        return dated(yy if yy > 99 else two_digit_year(yy, anchor), int(m.group(1)), int(m.group(2)))
    return None


_SHIFT_RE = re.compile(r"^(?:the )?(?:comparable )?(?P<yearago>year) (?:earlier|ago)(?: (?:" + "|".join(w.PERIOD_NOUNS)
                       + r"))?$"
                       r"|^the (?P<unit2>week|month|year) (?P<way2>before|after)$"
                       r"|^the (?P<which>following|next|previous|preceding|prior) (?P<unit1>week|month|year)$"
                       rf"|^(?:(?:{'|'.join(w.HEDGES)})\s+)*(?P<n>\S+)\s+(?P<unit>day|week|month|year)s?\s+"
                       r"(?P<way>earlier|later|before|after)$")


def _shifted(s: str, raw: str, anchor: date | None, direction: str,
             contexts: tuple[tuple[str, str] | None, tuple[str, str] | None]) -> Reading | None:
    """"a year earlier", "two days later", "the year-earlier quarter": counted from the last date told before
    it in the same sentence, or, with none, from the day of writing; "the following month", "the previous
    year", "the week before": from
    the last date told before it. A count that runs on ("about 16 years later", "two days after") with no
    date told in its sentence counts from the last date told before it in the text: a story's time, not the
    day of writing (which would put a past event in the future); with none, it is unresolved."""
    m = _SHIFT_RE.match(s)
    if m is None:
        return None
    context = contexts[0] if m.group("n") or m.group("yearago") else contexts[1]
    if m.group("n") and m.group("way") in ("later", "after") and context is None:
        context = contexts[1]
        if context is None:
            return Reading(None, m.group("unit"), "unresolved", NO_ANCHOR if anchor is None else NO_ANTECEDENT)
    if m.group("n"):
        n, unit, way = count(m.group("n")), m.group("unit"), m.group("way")
        if n is None or n != int(n):
            return None
        step = -int(n) if way in ("earlier", "before") else int(n)
    elif m.group("which"):
        unit, step = m.group("unit1"), 1 if m.group("which") in ("following", "next") else -1
    elif m.group("unit2"):  # "the month before", "the year after"
        unit, step = m.group("unit2"), -1 if m.group("way2") == "before" else 1
    else:  # "year-earlier", "the year-ago quarter": a year before the period told in the sentence
        unit, step = "year", -1
    start = period_start(context[0]) if context is not None else anchor
    if context is not None and w.GRANULARITY_RANK.get(context[1], 0) > w.GRANULARITY_RANK[unit]:
        start = None  # "a day later" after "in 1998": no day to count from
    if start is None:
        return Reading(None, unit, "unresolved", NO_ANCHOR if anchor is None else NO_ANTECEDENT)
    if unit == "day":
        return as_day(start + timedelta(days=step))
    if unit == "week":
        return as_week(start + timedelta(weeks=step))
    if unit == "month":
        return as_month(*shift_months(start, step))
    return Reading(f"{start.year + step:04d}", "year", "resolved")


_CURRENT_RE = re.compile(r"^(?:the )?(?:(?:end|beginning|start|rest|remainder|middle) of (?:the )?)?"
                         r"(?:(?:current|full|fiscal|calendar) ){0,2}(year)$"
                         r"|^(?:(?:by|around|about|near|at|since|until|till) )?year end$"
                         r"|^(?:the )?(?:end|beginning|start|rest|remainder|middle) of the (week|month)$")
_YEAR_END_RE = re.compile(r"^(?:(?:by|at|around|about|near|since|until|till|the) )*(?:year end|end of the year)$")


def _current(s: str, raw: str, anchor: date | None, direction: str,
             context: tuple[str, str] | None) -> Reading | None:
    """"the year", "the fiscal year", "the end of the year", "year-end": the year of writing; "the end of the
    week", "the rest of the month": the week or month of writing. A year's end told in the past ("has fallen
    since year-end") is the last one before the day of writing: 31 December of the year before."""
    m = _CURRENT_RE.match(s)
    if m is None or s == "year":
        return None
    unit = m.group(2) or "year"
    if (missing := need_anchor(anchor, unit)) is not None:
        return missing
    assert anchor is not None
    if unit == "week":
        return as_week(anchor)
    if unit == "month":
        return as_month(anchor.year, anchor.month)
    if direction == "past" and _YEAR_END_RE.match(s) and (anchor.month, anchor.day) != (12, 31):
        return as_day(date(anchor.year - 1, 12, 31))
    return Reading(f"{anchor.year:04d}", "year", "resolved")


def _spelled_year(s: str, raw: str, anchor: date | None, direction: str,
                  context: tuple[str, str] | None) -> Reading | None:
    """A year in words, as spoken: "nineteen ninety-one", "the year two thousand", "two thousand and one"; after a
    month's name, that month of that year ("January nineteen ninety-seven", "in March of two thousand and one")."""
    words = [x for x in strip_leading(s).split() if x != "and"]
    month = w.MONTHS.get(words[0].rstrip(".,")) if words and _is_month_word(raw, words[0]) else None
    if month is not None:
        words = words[2:] if words[1:2] == ["of"] else words[1:]
    if words[:1] == ["year"]:
        words = words[1:]
    if len(words) < 2 or any(x not in rules.NUMBER_WORDS and x != "thousand" for x in words):
        return None
    if words[:2] == ["two", "thousand"]:
        rest = words[2:]
        year = 2000 + (_small(rest) if rest else 0)
    elif rules.NUMBER_WORDS.get(words[0], 0) in range(10, 21) and words[1] != "thousand":
        if words[1:] == ["hundred"]:
            year = rules.NUMBER_WORDS[words[0]] * 100
        else:
            year = rules.NUMBER_WORDS[words[0]] * 100 + _small(words[1:])
    else:
        return None
    if not 1000 <= year <= 2200:
        return None
    return as_month(year, month) if month is not None else Reading(f"{year:04d}", "year", "resolved")


def _is_month_word(raw: str, word: str) -> bool:
    """``word`` names a month in ``raw``: "May" and "March" only when capitalised, as :func:`_is_month` reads them."""
    name = word.rstrip(".,")
    if name not in w.MONTHS:
        return False
    return name not in ("may", "mar", "march") or re.search(rf"\b{name.capitalize()}\b", raw) is not None


def _small(words: list[str]) -> int:
    """"ninety one" -> 91; anything else -> a value that no year takes."""
    if not 1 <= len(words) <= 2 or any(rules.NUMBER_WORDS[x] >= 100 for x in words):
        return 10_000
    total = sum(rules.NUMBER_WORDS[x] for x in words)
    return total if total < 100 else 10_000


#: Dates inside a longer span ("the quarter ended Sept. 30", "between 1985 and 1987").
_EMBEDDED_RE = re.compile(
    r"\b(?:(?:" + "|".join(w.WEEKDAYS) + r"),?\s+)?" + _MONTH_WORD + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4}\b)?"
    r"|\b\d{1,2}\s+" + _MONTH_WORD + r"\b(?:\s+\d{4}\b)?"
    r"|\b" + _MONTH_WORD + r"\.?,?\s+\d{4}\b"
    r"|\b(?:last|this|next)\s+(?:week|month|year|quarter|spring|summer|autumn|fall|winter|" + _MONTH_WORD + r")\b"
    r"|(?<!previous )(?<!preceding )(?<!following )(?<!that )(?<!same )\b(?:" + "|".join(w.WEEKDAYS) + r")\b"
    r"|\b(?:today|yesterday|tomorrow|tonight)\b"
    r"|(?<![\d,.$])\b(?:1[0-9]\d\d|20\d\d)\b(?![\d%]|[,.]\d)"
    r"|\b" + _MONTH_WORD + r"\b",
    re.IGNORECASE)


#: Two unrelated bases: a date dateparser reads the same from both needs no anchor.
_PROBES = ("2001-03-14T12:00:00", "2011-10-02T12:00:00")


def _other(s: str, raw: str, anchor: date | None, direction: str, context: tuple[str, str] | None) -> Reading | None:
    """Any other form with a year in it ("16.09.2023"), as dateparser reads it, when that reading does not
    depend on the day it is read on (dateparser's own guesses of a relative date are not used)."""
    if not _YEAR_RE.search(s):
        return None
    first, second = (_parse(" ".join(raw.split()), base) for base in _PROBES)
    if first is None or first != second:
        return None
    return Reading(first[0], first[1], "resolved")


@lru_cache(maxsize=4096)
def _parse(text: str, base_iso: str) -> tuple[str, str] | None:
    """(ISO value at its granularity, granularity) as dateparser reads ``text``, or None."""
    from dateparser.date import DateDataParser

    data = DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": datetime.fromisoformat(base_iso), "RETURN_AS_TIMEZONE_AWARE": False,
    }).get_date_data(text)
    when = data.date_obj
    if when is None:
        return None
    granularity = {"week": "week", "month": "month", "year": "year"}.get(str(data.period or "day"), "day")
    if granularity == "week":
        return None
    value = {"month": when.strftime("%Y-%m"), "year": when.strftime("%Y")}.get(granularity, when.strftime("%Y-%m-%d"))
    return value, granularity
