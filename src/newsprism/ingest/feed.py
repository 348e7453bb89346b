"""The RSS/Atom reader: feedparser, full content where an entry has it, else
its summary (flagged as summary-only)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from xml.sax import SAXParseException

import feedparser
import lxml.html
from lxml import etree

from ..errors import InputError
from ..records import Problem, RawDocument

_BLOCKS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre", "figcaption")


def entries(text: str, source: str) -> Iterator[RawDocument | Problem]:
    """Yield one RawDocument per feed entry."""
    parsed = feedparser.parse(text.encode("utf-8"))
    error = parsed.get("bozo_exception") if parsed.get("bozo") else None
    broken = _xml_error(error, text)
    if not parsed.entries:
        if error is not None:
            raise InputError(source, f"malformed feed XML: {broken or error}")
        raise InputError(source, "feed has no entries")
    channel = parsed.feed
    site = channel.get("title")
    link = channel.get("link")
    fmt = "atom" if parsed.get("version", "").startswith("atom") else "rss"
    for i, entry in enumerate(parsed.entries):
        where = f"{source}#{i}"
        try:
            yield _entry(entry, where, fmt, i, site, link)
        except InputError as exc:
            # an entry cut short by broken XML: say so, not just that it is empty
            yield Problem(exc.path, f"{exc.reason} (malformed feed XML: {broken})" if broken else exc.reason)


def _xml_error(exc: object, text: str) -> str | None:
    """feedparser's XML syntax error as ``MESSAGE at line N`` of our text
    (feedparser puts an XML declaration on a line of its own before a text
    that has none); None for no error or another complaint (a declared
    encoding overridden, ...)."""
    if not isinstance(exc, SAXParseException):
        return None
    line = exc.getLineNumber()
    if line is None:
        return str(exc.getMessage())
    line -= 0 if text.startswith("<?xml") else 1
    return f"{exc.getMessage()} at line {line}"


def _entry(entry: Any, source: str, fmt: str, i: int, site: str | None,
           link: str | None) -> RawDocument:
    content = entry.get("content") or []
    html = content[0].get("value") if content else None
    summary = entry.get("summary")
    summary_only = not html
    body = html or summary or ""
    text, captions = _fragment(body)
    title = entry.get("title")
    if not text and not title:
        raise InputError(source, "feed entry has no title, content or summary")
    authors = [a.get("name") for a in entry.get("authors", []) if a.get("name")]
    if not authors and entry.get("author"):
        authors = [entry.get("author")]
    return RawDocument(
        source=source,
        format=fmt,
        encoding="",
        text=text,
        title=title,
        url=entry.get("link"),
        site_name=site,
        domain=_host(entry.get("link") or link),
        authors=tuple(str(a) for a in authors),
        published=_when(entry, "published"),
        updated=_when(entry, "updated"),
        description=_fragment(summary)[0] if summary and not summary_only else None,
        captions=captions,
        summary_only=summary_only,
        item=i,
    )


def _when(entry: Any, key: str) -> str | None:
    """The entry's date as the feed wrote it (the cleaner parses it, keeping
    its offset); feedparser's UTC reading when the text is not there."""
    keys = set(entry.keys())  # entry.get("updated") would fall back to "published"
    raw = entry[key] if key in keys else None
    if raw:
        return str(raw)
    parsed = entry[f"{key}_parsed"] if f"{key}_parsed" in keys else None
    if parsed:
        y, mo, d, h, mi, sec = parsed[:6]
        return datetime(y, mo, d, h, mi, sec, tzinfo=UTC).isoformat()
    return None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    from urllib.parse import urlsplit

    return urlsplit(url).hostname


def _fragment(html: str) -> tuple[str, tuple[str, ...]]:
    """An HTML fragment -> (one paragraph a line, captions)."""
    if "<" not in html:
        return "\n".join(" ".join(p.split()) for p in html.split("\n\n") if p.strip()), ()
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(html.split()), ()
    lines: list[str] = []
    captions: list[str] = []
    for el in root.iter(*_BLOCKS):
        if any(c.tag in _BLOCKS for c in el.iterdescendants()):
            continue
        text = " ".join(el.text_content().split())
        if not text:
            continue
        (captions if el.tag == "figcaption" else lines).append(text)
    if not lines:
        lines = [" ".join(root.text_content().split())]
    return "\n".join(lines), tuple(dict.fromkeys(captions))
