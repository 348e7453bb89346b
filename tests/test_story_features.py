"""Story features: how the stories stage reads one article (headline, URL words, dates, numbers)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from newsprism.records import Article
from newsprism.story_features import _number, headline, looks_back, text_date, text_year, url_words
from newsprism.story_index import best_title


def saved(first_line: str, paragraphs: tuple[str, ...], name: str) -> Article:
    """A saved page as the plain-text reader makes it: no publication time, the first line as its title."""
    return Article(
        article_id=name, source=f"{name}.txt", format="text", encoding="utf-8", url=None, outlet="Outlet",
        outlet_evidence="test", title=first_line, byline=(), credit=None, published=None,
        updated=None, time_zone=None, language="en", paragraphs=paragraphs, captions=(), removals=(), flags=(),
        description=None, source_text="",
    )


def test_story_features_url_words_keep_the_slug_only() -> None:
    assert url_words("https://www.npr.org/templates/search/index.php?searchinput=Costa+Rica+plane+crash") == [
        "costa", "rica", "plane", "crash"]
    assert url_words("https://x.example/national/teen-girl-slapped-soldiers/2018/01/01/3e137e9e-ef0e_story.html"
                     "?utm_term=.c54d9ffdebff") == ["teen", "girl", "slapped", "soldiers"]
    assert url_words(None) == []


def test_story_features_numbers_are_normalised() -> None:
    assert _number("$6,000") == _number("6k") == _number("6000") == "6000"
    assert _number("$121 billion") == _number("121bn")
    assert _number("3") is None  # small counts are everywhere


def test_story_features_url_headline_is_read_as_the_url() -> None:
    page = saved("https://www.harbour-gazette. example/2031/03/04/ferry-aurora-vale-aground. html",
                 ("March 4th, 2031, 07:10 GMT", "Ferry Aurora Vale runs aground off Skelby",
                  "The ferry ran aground on a sandbank outside Skelby harbour in thick fog."), "p1")
    title, url, body = headline(page)
    assert title == "Ferry Aurora Vale runs aground off Skelby"  # the dateline line is not a headline
    assert url == "https://www.harbour-gazette.example/2031/03/04/ferry-aurora-vale-aground.html"
    assert body.startswith("The ferry ran aground")
    assert url_words(url) == ["ferry", "aurora", "vale", "aground"]
    assert best_title([page]) == "Ferry Aurora Vale runs aground off Skelby"


@pytest.mark.parametrize("line", ["Posted at 3:21 PM ET, 03/4 / 2031", "Posted 4/3/2031 @ 7:10AM", "04/03/31"])
def test_story_features_numeric_date_line_is_not_the_headline(line: str) -> None:
    page = saved("https://www.harbour-gazette.example/ferry-aurora-vale-aground.html",
                 (line, "Ferry Aurora Vale runs aground off Skelby",
                  "The ferry ran aground on a sandbank outside Skelby harbour in thick fog."), "p2")
    assert headline(page)[0] == "Ferry Aurora Vale runs aground off Skelby"


@pytest.mark.parametrize(("paragraphs", "url", "expected"), [
    (("Tugs freed the ferry on December 15th, 2030, the operator said.",), None, datetime(2030, 12, 15, tzinfo=UTC)),
    (("Updated 3 March 2031 by the desk.", "On 2030-01-02 it sailed."), None, datetime(2031, 3, 3, tzinfo=UTC)),
    (("The ferry sailed on Monday and again in 2030.",), None, None),
    (("No date here.",), "https://news.example/2031/03/ferry-aground", datetime(2031, 3, 1, tzinfo=UTC)),
    (("No date here.",), "https://news.example/item?ymd=20310305&id=4", datetime(2031, 3, 5, tzinfo=UTC)),
    (("Filed 27/03/2031 by the harbour desk.",), None, datetime(2031, 3, 27, tzinfo=UTC)),
    (("Filed 03/27/2031 by the harbour desk.",), None, datetime(2031, 3, 27, tzinfo=UTC)),
    (("Filed 03/04/2031 by the harbour desk.",), None, None),  # March 4 or 3 April: not written
], ids=["month-day-year", "first-of-two", "relative-only", "url-path", "url-query", "numeric-day-first",
        "numeric-month-first", "numeric-unclear"])
def test_story_features_text_date(paragraphs: tuple[str, ...], url: str | None, expected: datetime | None) -> None:
    a = dataclasses.replace(saved("Ferry news", paragraphs, "d"), url=url)
    assert text_date(a) == expected


@pytest.mark.parametrize(("paragraphs", "expected"), [
    (("The 2031 regatta opens after the ferry's grounding in 2029.",), 2031),
    (("Tickets cost $2030 and 2,031 people came; the Tu-2000 flew in the 1990s.",), None),
    (("The ferry sailed on Monday.",), None),
], ids=["latest-of-two", "not-years", "none"])
def test_story_features_text_year(paragraphs: tuple[str, ...], expected: int | None) -> None:
    assert text_year(saved("Ferry news", paragraphs, "y")) == expected


def test_story_features_stop_words_are_scikit_learns_list() -> None:
    text = pytest.importorskip("sklearn.feature_extraction.text", reason="scikit-learn not installed")
    from newsprism.lexicon import NEWS_STOP_WORDS
    from newsprism.story_features import _STOP

    assert frozenset(text.ENGLISH_STOP_WORDS) | NEWS_STOP_WORDS == _STOP


@pytest.mark.parametrize(("paragraphs", "published", "expected"), [
    (("The ferry ran aground on March 4, 2031. On 2 March 2031 it had left Tovik.",), datetime(2031, 6, 10, tzinfo=UTC),
     datetime(2031, 3, 4, tzinfo=UTC)),
    (("The ferry ran aground on March 4, 2031.", "Divers went down on 8 June 2031."), datetime(2031, 6, 10, tzinfo=UTC),
     None),  # a day of its own weeks: current news
    (("The ferry ran aground on March 4, 2031.",), datetime(2031, 3, 20, tzinfo=UTC), None),  # within the window
    (("The ferry ran aground on Monday, in 2030.",), datetime(2031, 6, 10, tzinfo=UTC), None),  # no full date
    (("The ferry ran aground on March 4, 2031.",), None, None),  # undated: text_date places it
], ids=["weeks-after", "a-recent-day", "within-window", "no-full-date", "undated"])
def test_story_features_looks_back(paragraphs: tuple[str, ...], published: datetime | None,
                                   expected: datetime | None) -> None:
    a = dataclasses.replace(saved("Ferry Aurora Vale", paragraphs, "lb"), published=published)
    assert looks_back(a, 30) == expected
