"""Story features: how the stories stage reads one article.

An article's headline (a URL headline is read as the URL, a short first
paragraph standing in), its URL's words, the first full date or the latest
year it writes, and its raw term vector (``features``): title and lead
blocks of lower-cased words, capitalised names as ``E:`` features and
normalised numbers as ``N:`` features. Pure: no I/O, no clock.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

from . import clean as _clean
from .lexicon import STORY_STOP_WORDS, singular
from .records import Article
from .settings import StorySettings

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.U)
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
#: words too common to tell stories apart (scikit-learn's English list, kept as data, and news words)
_STOP = STORY_STOP_WORDS
_URL_SPLIT = re.compile(r"[^A-Za-z0-9]+")
#: URL words that name a site's sections, templates or file types, not a story.
_URL_STOP = frozenset({
    "www", "http", "https", "com", "org", "net", "html", "htm", "php", "asp", "aspx", "shtml", "cms", "amp", "index",
    "article", "articles", "story", "stories", "news", "world", "video", "videos", "content", "entry",
    "post", "posts", "page", "pages", "section", "sections", "templates", "search", "searchinput",
    "utm", "term", "source", "medium", "campaign", "live", "latest", "blog", "blogs", "topic", "topics",
    "category", "tag", "tags", "feature", "features", "opinion", "national", "local", "politics",
    "business", "technology", "tech", "science", "sport", "sports", "entertainment", "health", "home",
})
_NUM_TOKEN = re.compile(r"\$?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|K|bn|million|billion)\b)?")
_NUMBER = re.compile(r"\$?(\d[\d,]*)(\.\d+)?\s?(k|K|bn|million|billion)?")
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MON = r"(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_YEAR = r"((?:19|20)\d\d)"
#: full dates written out in text: "December 15th, 2008", "16 December 2008", "2008-12-16", "16/12/2008"
_TEXT_DATES = (
    ("mdy", re.compile(rf"\b{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*{_YEAR}\b", re.I)),
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}\s*,?\s*{_YEAR}\b", re.I)),
    ("ymd", re.compile(rf"\b{_YEAR}[-/](\d\d)[-/](\d\d)\b")),
    # "27/09/2013", "11/27/2005": day and month as the cleaner decides them (clean.numeric_date)
    ("num", re.compile(rf"(?<![\d/.])(\d{{1,2}})\s?/\s?(\d{{1,2}})\s?/\s?{_YEAR}(?![\d/])")),
)
#: a date in a URL's path: /2008/12/16/, /2008-12-23/, ymd=20081216
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/]?(0[1-9]|1[0-2])[-/]?(0[1-9]|[12]\d|3[01])?(?!\d)")
#: words of headline and body searched for a written date
_DATE_WORDS = 200
#: a year written alone: 2008, not 2,008, $2008, Tu-2000, 2008.5 or the 1990s
_YEAR_WORD = re.compile(r"(?<![\w$£€.,/-])((?:19|20)\d\d)(?![\w%]|[.,]\d)")
#: the first paragraph stands in for a URL headline when it is at most this many words
_HEADLINE_WORDS = 25


def url_words(url: str | None) -> list[str]:
    """Words of a URL's path and query (the slug often is the headline).

    Only pieces made of letters alone count (ids, dates and hashes are not
    words), and a short list of words that name a site's sections or file
    types is dropped.
    """
    if not url:
        return []
    parts = urlsplit(url)
    out = []
    for piece in _URL_SPLIT.split(parts.path + " " + parts.query):
        low = piece.lower()
        if len(low) > 2 and low.isalpha() and low not in _URL_STOP and low not in _STOP:
            out.append(low)
    return out


def _number(token: str) -> str | None:
    """A normalised number feature: ``$6,000`` / ``6k`` / ``6000`` -> ``6000``."""
    m = _NUMBER.fullmatch(token)
    if not m:
        return None
    digits, frac, suffix = m.group(1).replace(",", ""), m.group(2) or "", (m.group(3) or "").lower()
    try:
        value = float(digits + frac)
    except ValueError:
        return None
    value *= {"k": 1e3, "million": 1e6, "bn": 1e9, "billion": 1e9}.get(suffix, 1.0)
    if value < 10 and not frac:  # small counts are everywhere
        return None
    return f"{value:g}"


def is_url(title: str | None) -> bool:
    """True when a headline is a URL (a saved page's first line), not words."""
    if not title or not _clean.URL_LINE.match(title.strip()):  # the cleaner's one rule for a URL line
        return False
    tokens = title.split()
    return sum(t.isalpha() and len(t) > 1 for t in tokens) <= sum("/" in t or "." in t for t in tokens)


def headline(article: Article) -> tuple[str | None, str | None, str]:
    """The article's headline, URL and body text as stories read them.

    A title that is a URL is read as the URL (when the article has none), and
    the body's first paragraph, when short, stands in as the headline (it is
    then not read again as body).
    """
    title, url, body = article.title, article.url, article.text
    if is_url(title):
        url = url or "".join((title or "").split())
        title = None
        paras = list(article.paragraphs)
        while paras and _clean.is_date_line(paras[0]):  # the cleaner's dateline rule
            paras.pop(0)
        if paras and len(paras[0].split()) <= _HEADLINE_WORDS:
            title = paras[0]
            body = "\n\n".join(paras[1:])
    return title, url, body


def _full_dates(text: str) -> list[tuple[int, datetime]]:
    """Every full date (day, month and year) written in ``text``, with its offset (UTC midnight)."""
    found: list[tuple[int, datetime]] = []
    for order, pattern in _TEXT_DATES:
        for m in pattern.finditer(text):
            g = m.groups()
            try:
                if order == "mdy":
                    when = datetime(int(g[2]), _MONTH_NAMES.index(g[0][:3].lower()) + 1, int(g[1]), tzinfo=UTC)
                elif order == "dmy":
                    when = datetime(int(g[2]), _MONTH_NAMES.index(g[1][:3].lower()) + 1, int(g[0]), tzinfo=UTC)
                elif order == "num":
                    ymd = _clean.numeric_date(int(g[0]), int(g[1]), int(g[2]))
                    if ymd is None:  # 05/06/2011: which is the month is not written
                        continue
                    when = datetime(*ymd, tzinfo=UTC)
                else:
                    when = datetime(int(g[0]), int(g[1]), int(g[2]), tzinfo=UTC)
            except ValueError:
                continue
            found.append((m.start(), when))
    return found


def text_date(article: Article) -> datetime | None:
    """The first full date written in the article's headline, lead or URL (UTC midnight), or None.

    For articles without a publication time (saved pages, corpora): a
    dateline or the date in a URL places the article near its event. Only
    dates with day, month and year count ("in 2008" or "on Monday" place
    nothing without a publication date).
    """
    title, url, body = headline(article)
    found = _full_dates(" ".join(((title or "") + " " + body).split()[:_DATE_WORDS]))
    if found:
        return min(found, key=lambda x: x[0])[1]
    if url:
        parts = urlsplit("".join(url.split()))
        u = _URL_DATE.search(parts.path + "?" + parts.query)
        if u:
            try:
                return datetime(int(u.group(1)), int(u.group(2)), int(u.group(3) or 1), tzinfo=UTC)
            except ValueError:
                return None
    return None


def looks_back(article: Article, days: float) -> datetime | None:
    """The latest full date an article writes when every full date in its headline and body lies
    more than ``days`` days before its publication time; else None (and None when undated or
    writing no full date).

    An article published weeks after every day it names tells of an event of those days: a
    follow-up, or a page whose publication time is a later stamp (edited, re-listed).
    """
    if article.published is None:
        return None
    title, _, body = headline(article)
    found = _full_dates(" ".join(((title or "") + " " + body).split()))
    if not found:
        return None
    latest = max(when for _, when in found)
    return latest if (article.published - latest).total_seconds() > days * 86400.0 else None


def text_year(article: Article) -> int | None:
    """The latest year written alone in the article's headline and lead, or None.

    For an article with no date given or written in full: "the 2014 Oscars",
    "since 2005" place it no earlier than that year (a lead looks back more
    often than ahead). A year inside a number, an amount, a designation or a
    decade ("the 1990s") is not read.
    """
    title, _, body = headline(article)
    text = " ".join(((title or "") + " " + body).split()[:_DATE_WORDS])
    years = [int(y) for y in _YEAR_WORD.findall(text)]
    return max(years) if years else None


def features(article: Article, s: StorySettings) -> dict[str, float]:
    """The raw (un-IDF'd) term vector of an article.

    Two blocks, each L2-normalised and then weighted: title terms (prefixed
    ``T:``; the title, plus the URL slug's words when the title shares none of
    them) and lead terms (title, URL slug, description and first
    ``body_words`` words of the body), with capitalised
    tokens not opening a sentence doubled as ``E:`` name features and numbers
    as ``N:`` features. A story's cosine is then roughly a weighted mean of the
    title and the lead similarities.
    """
    title: dict[str, float] = {}
    lead: dict[str, float] = {}

    def add(counts: dict[str, float], text: str, prefix: str, entities: bool) -> None:
        for sentence in _SENTENCES.split(text):
            for i, w in enumerate(_WORD.findall(sentence)):
                low = w.lower().replace("\u2019", "'").removesuffix("'s")
                if len(low) <= 2 or low in _STOP:
                    continue
                if s.stem:
                    low = singular(low)
                counts[prefix + low] = counts.get(prefix + low, 0.0) + 1.0
                if entities and s.entity_weight and w[0].isupper() and i > 0:
                    counts["E:" + low] = counts.get("E:" + low, 0.0) + s.entity_weight
            if entities and s.number_weight:
                for tok in _NUM_TOKEN.findall(sentence):
                    n = _number(tok)
                    if n is not None:
                        counts["N:" + n] = counts.get("N:" + n, 0.0) + s.number_weight

    title_text, url, body = headline(article)
    slug = url_words(url) if s.url_weight else []
    if s.stem:
        slug = [singular(w) for w in slug]
    if title_text:
        add(title, title_text, "T:", False)
        add(lead, title_text, "", True)
    for w in slug:
        lead[w] = lead.get(w, 0.0) + s.url_weight
    if len(set(slug)) >= 3 and not any("T:" + w in title for w in slug):
        # the headline shares no word with the slug: a site's generic page title
        # ("World news", the outlet's name) or a teaser; the slug names the story
        for w in slug:
            title["T:" + w] = title.get("T:" + w, 0.0) + s.url_weight
    if s.description and article.description:
        add(lead, article.description, "", True)
    add(lead, " ".join(body.split()[: s.body_words]), "", True)
    out: dict[str, float] = {}
    tw = s.title_weight / (1.0 + s.title_weight)
    for block, weight in ((title, math.sqrt(tw)), (lead, math.sqrt(1.0 - tw))):
        vec = {t: 1.0 + math.log(v) if v >= 1 else v for t, v in block.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out.update({t: weight * v / norm for t, v in vec.items()})
    return out


def headline_words(text: str) -> set[str]:
    """A headline's words as story features read them: lower-cased, stop words left out."""
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP}
