"""The cleaner's date lines, bylines and times: the date-line and byline patterns, the
publication and update times with their time zone, and the language of the body."""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .. import outlets as _outlets
from ..errors import SettingsError
from ..lexicon import BYLINE_AGENCIES
from ..records import OutletTable, RawDocument, TimeZoneNote
from .paragraphs import Block

DATE = r"\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[+-]\d{2}:?\d{2}|Z|UTC|GMT|KST|JST))?)?"
#: A line of publication (and update) times: "Published: 2023-09-16 10:00 | Updated: ...". The removal
#: log calls it a dateline; it is no wire dateline ("SEOUL (AP) -", lexicon.wire_dateline), which
#: opens the body and stays in it.
PUBLISHED_LINE = re.compile(
    rf"^(?:(?:published|posted|updated|modified|last updated|date)\s*:?\s*)?(?P<pub>{DATE})"
    rf"(?:\s*[|,/]\s*(?:(?:updated|modified|last updated)\s*:?\s*)?(?P<upd>{DATE}))?$",
    re.I,
)
_MONTHS = {name: n for n, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
    ("nov", "november"), ("dec", "december")), start=1) for name in names}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)"
#: time zones a date line may name; those of the United States mean the month is written first ("01/05/2011")
_US_ZONES = r"E[SD]?T|C[SD]?T|M[SD]?T|P[SD]?T"
_ZONE = rf"(?:UTC|GMT|{_US_ZONES}|BST|CES?T|IST)\b"
_CLOCK = rf"\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?\s?m\b\.?)?(?:\s*{_ZONE})?"
_NAMED = (rf"(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"
          rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH})\.?,?\s+(?:19|20)\d{{2}}")
#: A line holding only a date, as pages print one over or under their title:
#: "Monday, March 11, 2013 23:51", "December 15th, 2008, 7:35 am", "11 March 2013",
#: "Posted 11/27/2005 7:21 AM", "Posted at 3:21 PM ET, 01/5 / 2011", "Updated: November 11, 2011 20:09 IST";
#: a trailing "/ Updated at 12:48 PM" or "Last Updated: Nov 27, 2005 8:10 PM ET" belongs to it.
_DATE_LINE = re.compile(
    r"^(?:(?:published|posted|updated|modified|last\s+updated|date)\s*:?\s*(?:on\s+|at\s+)?)?"
    rf"(?:(?P<h0>\d{{1,2}})[:.](?P<mi0>\d{{2}})\s*(?P<ap0>[ap]\.?\s?m\b\.?)?(?:\s*(?P<z0>{_ZONE}))?\s*,?\s*(?:on\s+)?)?"
    rf"{_WEEKDAY}?"
    rf"(?:(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d{{2}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH})\.?,?\s+(?P<y2>(?:19|20)\d{{2}})"
    r"|(?P<n1>\d{1,2})\s*/\s*(?P<n2>\d{1,2})\s*/\s*(?P<n3>(?:19|20)\d{2}|\d{2})(?!\d))"
    rf"(?:\s*[,|]?\s*(?:at\s+|@\s*)?(?P<h>\d{{1,2}})[:.](?P<mi>\d{{2}})\s*(?P<ap>[ap]\.?\s?m\b\.?)?(?:\s*(?P<z>{_ZONE}))?)?"
    rf"(?:\s*[/|,]?\s*(?:last\s+)?updated\s*:?\s*(?:at\s+|on\s+)?{_WEEKDAY}?(?:(?:{_NAMED})\s*,?\s*(?:at\s+)?)?(?:{_CLOCK})?)?"
    r"\s*\.?$",
    re.I,
)
#: A line holding only a URL (saved pages and corpora put the address first),
#: spaces a tokenizer put inside it allowed ("http://example. com/a. html").
URL_LINE = re.compile(r"^(?:https?://|www\.)\S+(?:\s\S+){0,30}$", re.I)
#: A date in a URL's path: /2013/05/03/, /2013-05-03-.
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>\d{1,2})[/-](?P<d>\d{1,2})(?=[/.\-_]|$)")
BYLINE = re.compile(r"^[Bb][Yy]:?\s+(?P<names>[A-Z][\w.'’\- ]+(?:(?:,|\band\b|&)\s*[A-Z][\w.'’\- ]+)*)\.?$")
SENTENCE_END = re.compile(r"[.!?:;\"')]$")
FULL_STOP = re.compile(r"\w[.!?][\"']?$")
NAME_CREDIT = re.compile(r"\s*\((?P<credit>[A-Z][A-Za-z]{1,11})\)$")
_WIRE_SUFFIX = re.compile(r",?\s*(?:for |of )?(?:the )?(?:" + "|".join(BYLINE_AGENCIES) + ")$", re.I)


def byline_names(names: str) -> list[str]:
    parts = re.split(r",|\band\b|&", names)
    return [" ".join(p.split()).strip(" .") for p in parts if p.strip(" .")]


def strip_wire(name: str) -> str:
    return _WIRE_SUFFIX.sub("", name).strip(" ,")


def copyright_holder(raw: str) -> str | None:
    text = re.sub(r"\b(all rights reserved|copyright|\d{4})\b", " ", raw, flags=re.I)
    text = " ".join(text.split()).strip(" .,;:|&-–—[]()")
    return text or None


# ---------------------------------------------------------------- times

DATE_LINE_DETAIL = "a date line; the publication date when none is given (flag published-inferred)"


def numeric_date(first: int, second: int, year: int, month_first: bool = False) -> tuple[int, int, int] | None:
    """(year, month, day) of a date written in numbers, ``11/27/2005`` or ``27/11/2005``, or None.

    The order is decided only when it is safe: a number over 12 is the day,
    the same number twice is both; else ``month_first`` (the line names a time
    zone of the United States, which write the month first) decides, and
    without it the date is unknown. A two-digit year is 20yy up to 69, else 19yy.
    """
    if year < 100:
        year += 2000 if year < 70 else 1900
    if first > 12 and second <= 12:
        month, day = second, first
    elif (second > 12 and first <= 12) or first == second or month_first:
        month, day = first, second
    else:
        return None
    try:
        datetime(year, month, day)
    except ValueError:
        return None
    return year, month, day


def is_date_line(text: str) -> bool:
    """Whether a line holds only a date (and times, a "Posted"/"Updated" label), dated or not:
    a numeric date whose day and month order is unclear is still no headline."""
    m = _DATE_LINE.match(text.strip())
    if not m:
        return False
    if m.group("n1"):
        first, second = int(m.group("n1")), int(m.group("n2"))
        return 1 <= first <= 31 and 1 <= second <= 31 and min(first, second) <= 12
    return date_only_line(text) is not None


def date_only_line(text: str) -> str | None:
    """The ISO date (and time) of a line that holds only a date, else None (also when
    the line's numeric date leaves the order of day and month unclear, see ``numeric_date``)."""
    m = _DATE_LINE.match(text.strip())
    if not m:
        return None
    if m.group("n1"):
        zones = " ".join(z for z in (m.group("z0"), m.group("z")) if z)
        found = numeric_date(int(m.group("n1")), int(m.group("n2")), int(m.group("n3")),
                             month_first=bool(re.fullmatch(rf"(?:{_US_ZONES})(?:\s.*)?", zones, re.I)))
        if found is None:
            return None
        year, month, day = found
    else:
        month = _MONTHS[(m.group("m1") or m.group("m2")).lower()]
        day, year = int(m.group("d1") or m.group("d2")), int(m.group("y1") or m.group("y2"))
    h, mi, ap = ("h", "mi", "ap") if m.group("h") else ("h0", "mi0", "ap0")
    hour, minute = (int(m.group(h)), int(m.group(mi))) if m.group(h) else (None, None)
    if hour is not None and m.group(ap):
        pm = m.group(ap).lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    try:
        when = datetime(year, month, day, hour or 0, minute or 0)
    except ValueError:
        return None
    if hour is None:
        return when.date().isoformat()
    utc = any((z or "").upper() in ("UTC", "GMT") for z in (m.group("z0"), m.group("z")))
    return when.isoformat(timespec="minutes") + (" UTC" if utc else "")


def url_line(src: str, block: Block) -> bool:
    """Whether a block is one line holding a URL alone: its words look like
    pieces of an address (a slash or a dot in them) more than like words."""
    if "\n" in src[block.start:block.end] or not URL_LINE.match(block.text):
        return False
    tokens = block.text.split()
    words = sum(t.isalpha() and len(t) > 1 for t in tokens)
    return words <= sum("/" in t or "." in t for t in tokens)


def url_date(url: str | None) -> str | None:
    """The date in a URL's path (``/2013/05/03/``), as an ISO date, else None."""
    m = _URL_DATE.search(url or "")
    if not m:
        return None
    try:
        return datetime(int(m.group("y")), int(m.group("m")), int(m.group("d"))).date().isoformat()
    except ValueError:
        return None



def publication_times(published_raw: str | None, updated_raw: str | None, outlet: str | None,
           doc: RawDocument, table: OutletTable,
           ) -> tuple[datetime | None, datetime | None, TimeZoneNote | None]:
    published = _parse_time(published_raw)
    updated = _parse_time(updated_raw)
    if published is None and updated is None:
        return None, None, None
    given = next((t for t in (published, updated) if t is not None and t.tzinfo), None)
    if given is not None:
        note = TimeZoneNote(_offset_name(given), False, "given with the time")
        zone: Any = given.tzinfo
    else:
        found = _outlets.zone_for(outlet, doc.url, doc.domain, table)
        if found:
            name, reason = found
            try:
                zone = ZoneInfo(name)
                note = TimeZoneNote(name, True, f"no zone given; {reason}")
            except ZoneInfoNotFoundError:
                zone, note = UTC, TimeZoneNote("UTC", True, "no zone given; assumed UTC")
        else:
            zone, note = UTC, TimeZoneNote("UTC", True, "no zone given; assumed UTC")
    published = published.replace(tzinfo=zone) if published and not published.tzinfo else published
    updated = updated.replace(tzinfo=zone) if updated and not updated.tzinfo else updated
    return published, updated, note


def _offset_name(t: datetime) -> str:
    off = t.utcoffset() or timedelta(0)
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _parse_time(value: str | None) -> datetime | None:
    """ISO 8601, ``2023.09.18 10:34:01``, RFC 822 or news-please's form."""
    if not value:
        return None
    text = value.strip()
    iso = re.sub(r"^(\d{4})[./](\d{1,2})[./](\d{1,2})", r"\1-\2-\3", text)
    iso = re.sub(r"^(\d{4})-(\d)(?=-)", r"\1-0\2", iso)
    iso = re.sub(r"^(\d{4}-\d{2})-(\d)(?!\d)", r"\1-0\2", iso)
    iso = re.sub(r"\s*(UTC|GMT|Z)$", "+00:00", iso)
    iso = re.sub(r"\s*KST$", "+09:00", iso)
    iso = re.sub(r"\s*JST$", "+09:00", iso)
    iso = re.sub(r"\s+([+-]\d{2}:?\d{2})$", r"\1", iso)
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


# ---------------------------------------------------------------- language


def detect_language(text: str, languages: tuple[str, ...], min_chars: int) -> str | None:
    """ISO 639-1 code of the text's language, or None when it is shorter than
    ``min_chars`` (``Settings.min_language_chars``) or lingua cannot tell."""
    if len(text.strip()) < min_chars:
        return None
    language = _detector(languages).detect_language_of(text)
    return language.iso_code_639_1.name.lower() if language is not None else None


@functools.lru_cache(maxsize=4)
def _detector(languages: tuple[str, ...]) -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    # Low-accuracy mode uses trigram models only: they decide as well as the
    # 1- to 5-gram models on texts of min_language_chars (120) and more (the only
    # texts we ask about), and load in a tenth of the time and memory.
    if "all" in languages:
        return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()
    unknown = [c for c in languages if not hasattr(IsoCode639_1, c.upper())]
    if unknown:
        raise SettingsError(f"unknown language code(s): {', '.join(unknown)}; use ISO 639-1 "
                            "codes such as en, fr, ko, or 'all'")
    chosen = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in languages]
    return LanguageDetectorBuilder.from_languages(*chosen).with_low_accuracy_mode().build()
