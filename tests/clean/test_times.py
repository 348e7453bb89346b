"""clean: date lines, URLs, times, time zones, outlets and language (invented text)."""

from __future__ import annotations

import pytest

from newsprism.clean import _parse_time, clean, numeric_date
from newsprism.settings import Settings

from .helpers import BODY, BODY2, S, doc, reasons


def test_clean_zone_inferred_from_outlet() -> None:
    a = clean(doc(f"T\n\n2023.09.18 10:34:01\n\n{BODY}", url="https://pulse.mk.co.kr/news/1"), S)
    assert a.outlet == "Pulse by Maeil Business Newspaper"
    assert a.published is not None and a.published.isoformat() == "2023-09-18T10:34:01+09:00"
    assert a.time_zone is not None and a.time_zone.zone == "Asia/Seoul" and a.time_zone.inferred


def test_clean_zone_given_is_not_inferred() -> None:
    a = clean(doc(BODY, format="json", title="T", published="2025-03-11T10:20:00+01:00"), S)
    assert a.time_zone is not None and not a.time_zone.inferred and a.time_zone.zone == "+01:00"


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://edition.cnn.com/2017/x", "CNN"),
        ("https://www.cnn.com/2017/x", "CNN"),
        ("https://money.cnn.com/2017/x", "CNN"),
        ("http://usa.chinadaily.com.cn/a", "China Daily"),
        ("https://www.bbc.co.uk/news/1", "BBC"),
        ("https://news.unknown-paper.example/a", "unknown-paper.example"),
    ],
)
def test_clean_outlet_from_domain(url: str, outlet: str) -> None:
    assert clean(doc(BODY, format="json", title="T", url=url), S).outlet == outlet


def test_clean_user_outlet_mapping() -> None:
    s = Settings(outlets={"unknown-paper.example": "The Unknown Paper"})
    a = clean(doc(BODY, format="json", title="T", url="https://news.unknown-paper.example/a"), s)
    assert a.outlet == "The Unknown Paper"


def test_clean_language_detected() -> None:
    fr = ("Le conseil municipal a voté lundi la fermeture de l'ancien dépôt de tramways, "
          "mettant fin à un débat qui durait depuis plus de trois ans dans la ville.")
    assert clean(doc(f"Titre\n\n{fr}"), S).language == "fr"
    assert clean(doc(f"Title\n\n{BODY}"), S).language == "en"
    # a text shorter than min_language_chars (title and description included) gets none
    assert clean(doc(f"Titre\n\n{fr}"), S.replace(min_language_chars=1000)).language is None


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2023.09.18 10:34:01", "2023-09-18T10:34:01"),
        ("2017-09-15T00:00:00", "2017-09-15T00:00:00"),
        ("2017-09-15 17:52", "2017-09-15T17:52:00"),
        ("Tue, 11 Mar 2025 10:20:00 +0100", "2025-03-11T10:20:00+01:00"),
        ("2025-03-11T10:20:00Z", "2025-03-11T10:20:00+00:00"),
    ],
)
def test_clean_parse_time(value: str, iso: str) -> None:
    t = _parse_time(value)
    assert t is not None and t.isoformat() == iso


@pytest.mark.parametrize(
    ("top", "url"),
    [
        ("http://www.ostrava-courier.example/news/2024/05/03/depot-to-close.html",
         "http://www.ostrava-courier.example/news/2024/05/03/depot-to-close.html"),
        # a tokenizer's spaces inside the address (corpora print URLs so)
        ("http://www.ostrava-courier. example/news/2024/05/03/depot-to-close. html",
         "http://www.ostrava-courier.example/news/2024/05/03/depot-to-close.html"),
        ("https://ostrava-courier. example/truth _ and _ rumours/view/4411-depot",
         "https://ostrava-courier.example/truth_and_rumours/view/4411-depot"),
    ],
    ids=["plain", "tokenized", "underscores"],
)
def test_clean_first_line_url_is_the_url_not_the_title(top: str, url: str) -> None:
    a = clean(doc(f"{top}\n\nDepot to close\n\n{BODY}\n\n{BODY2}"), S)
    assert a.url == url and a.title == "Depot to close"
    assert a.paragraphs == (BODY, BODY2)
    assert reasons(a) == ["url", "title"]
    assert a.removals[0].text == top


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Friday, May 3, 2024 23:51", "2024-05-03T23:51:00+00:00"),
        ("May 03, 2024", "2024-05-03T00:00:00+00:00"),
        ("MAY 3, 2024", "2024-05-03T00:00:00+00:00"),
        ("May 3rd, 2024, 7:35 pm", "2024-05-03T19:35:00+00:00"),
        ("3 May 2024", "2024-05-03T00:00:00+00:00"),
        ("Sept. 14, 2024 at 12:05 a.m. GMT", "2024-09-14T00:05:00+00:00"),
        ("Posted 11/27/2024 7:21 AM", "2024-11-27T07:21:00+00:00"),
        ("27/11/2024", "2024-11-27T00:00:00+00:00"),
        ("11/27/24", "2024-11-27T00:00:00+00:00"),
        ("Posted at 3:21 PM ET, 01/5 / 2024", "2024-01-05T15:21:00+00:00"),
        ("Updated: May 3, 2024, 10:04 PM ET", "2024-05-03T22:04:00+00:00"),
        ("May 3, 2024 | 8:20 am", "2024-05-03T08:20:00+00:00"),
        ("Published: 03rd May 2024", "2024-05-03T00:00:00+00:00"),
        ("updated 8:41 p. m. GMT, Fri May 3, 2024", "2024-05-03T20:41:00+00:00"),
        ("PUBLISHED FRIDAY, MAY 3, 2024 AT 12:46 PM/UPDATED AT 12:48 PM", "2024-05-03T12:46:00+00:00"),
        ("3 May 2024 Last updated at 11:11 GMT", "2024-05-03T00:00:00+00:00"),
    ],
    ids=["weekday-time", "zero-day", "capitals", "ordinal-pm", "day-month", "abbrev-am-gmt", "posted-numeric",
         "day-over-12-first", "two-digit-year", "us-zone-month-first", "updated-label", "bar-time", "published-label",
         "time-first", "update-tail", "last-updated-tail"],
)
def test_clean_lone_date_line_under_the_title_is_the_inferred_date(line: str, published: str) -> None:
    a = clean(doc(f"Depot to close\n\n{line}\n\n{BODY}\n\n{BODY2}"), S)
    assert a.title == "Depot to close" and a.paragraphs == (BODY, BODY2)
    assert a.published is not None and a.published.isoformat() == published
    assert "published-inferred" in a.flags and "undated" not in a.flags
    dateline = next(r for r in a.removals if r.reason == "dateline")
    assert dateline.text == line and "published-inferred" in (dateline.detail or "")


@pytest.mark.parametrize("line", ["05/06/2024", "Posted 9/10/2024 @ 1:19PM", "8/2 / 24 at 1:30 PM"])
def test_clean_numeric_date_line_of_unclear_order_is_no_title_and_no_date(line: str) -> None:
    # both numbers 12 or under and no zone of the United States: which is the month is not written
    a = clean(doc(f"https://courier.example/a/b-c.html\n\n{line}\n\nDepot to close\n\n{BODY}"), S)
    assert a.title == "Depot to close" and a.paragraphs == (BODY,)
    assert a.published is None and "undated" in a.flags
    assert reasons(a) == ["url", "dateline", "title"]


@pytest.mark.parametrize(
    ("first", "second", "year", "month_first", "expected"),
    [(27, 11, 2024, False, (2024, 11, 27)), (11, 27, 2024, False, (2024, 11, 27)), (5, 5, 24, False, (2024, 5, 5)),
     (5, 6, 2024, False, None), (5, 6, 2024, True, (2024, 5, 6)), (31, 2, 2024, False, None),
     (13, 14, 2024, False, None), (1, 2, 99, True, (1999, 1, 2))],
)
def test_clean_numeric_date_decides_day_and_month_only_when_safe(
        first: int, second: int, year: int, month_first: bool, expected: tuple[int, int, int] | None) -> None:
    assert numeric_date(first, second, year, month_first) == expected


def test_clean_url_then_date_line_then_title() -> None:
    text = f"https://courier.example/a/b-c. html\n\nDECEMBER 16, 2008\n\nDepot to close\n\n{BODY}"
    a = clean(doc(text), S)
    assert a.url == "https://courier.example/a/b-c.html" and a.title == "Depot to close"
    assert a.published is not None and a.published.date().isoformat() == "2008-12-16"
    assert reasons(a) == ["url", "dateline", "title"]


def test_clean_date_in_the_url_when_no_date_is_given() -> None:
    text = f"http://courier.example/2013/05/03/depot-to-close\n\nDepot to close\n\n{BODY}\n\n{BODY2}"
    a = clean(doc(text), S)
    assert a.published is not None and a.published.date().isoformat() == "2013-05-03"
    assert "published-inferred" in a.flags
    html = clean(doc(f"<p>{BODY}</p>", format="html", title="Depot to close",
                     url="https://courier.example/news/2013-05-03-depot.html"), S)
    assert html.published is not None and html.published.date().isoformat() == "2013-05-03"
    assert "published-inferred" in html.flags


def test_clean_given_date_beats_date_line_and_url() -> None:
    text = f"http://courier.example/2013/05/03/x\n\nDepot to close\n\nMay 4, 2013\n\n{BODY}"
    a = clean(doc(text, published="2013-05-05T10:00:00+02:00"), S)
    assert a.published is not None and a.published.isoformat() == "2013-05-05T10:00:00+02:00"
    assert "published-inferred" not in a.flags and a.paragraphs == (BODY,)


@pytest.mark.parametrize(
    "text",
    [
        f"Depot to close\n\n{BODY}\n\nMay 4, 2013\n\n{BODY2}",  # not near the top: below the first paragraph
        f"Depot to close\n\nOn May 4, 2013 the council met.\n\n{BODY}",  # a sentence, not a date line
        f"www.courier.example is closing its depot page and moving to a new site today\n\n{BODY}",
    ],
    ids=["below-the-lead", "sentence", "url-in-a-sentence"],
)
def test_clean_dates_and_urls_in_the_text_stay_text(text: str) -> None:
    a = clean(doc(text), S)
    assert a.published is None and "published-inferred" not in a.flags and a.url is None
