"""Turning records into safe HTML pieces for the templates. Everything that
comes from an article is escaped here or by Jinja2's autoescape; links are
made only for http and https URLs."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

from ..records import Article


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s) with a host, else None (``javascript:``, ``data:``, relative)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def field_text(a: Article, field: str) -> str | None:
    """The text a span's ``field`` points into: body, title or caption:N."""
    if field == "body":
        return a.text
    if field == "title":
        return a.title
    if field.startswith("caption:"):
        try:
            return a.captions[int(field.split(":", 1)[1])].text
        except (ValueError, IndexError):
            return None
    return None


def marked(text: str, start: int | None, end: int | None, offset: int = 0, *, first: bool = True) -> Markup:
    """``text`` escaped, with ``[start, end)`` (offsets into a field of which
    ``text`` begins at ``offset``) wrapped in ``<mark class="cited">``; the
    first mark carries ``id="cited"``, the target the page scrolls to."""
    if start is None or end is None or end <= start:
        return escape(text)
    s, e = max(start - offset, 0), min(end - offset, len(text))
    if s >= e:
        return escape(text)
    ident = ' id="cited"' if first else ""
    return Markup(f'{escape(text[:s])}<mark class="cited"{ident}>{escape(text[s:e])}</mark>{escape(text[e:])}')


def body_paragraphs(a: Article, start: int | None, end: int | None) -> list[Markup]:
    """The body's paragraphs as HTML, the cited span marked in each paragraph it touches."""
    out: list[Markup] = []
    pos = 0
    seen = False
    for p in a.paragraphs:
        touches = start is not None and end is not None and start < pos + len(p) and end > pos
        out.append(marked(p, start, end, pos, first=not seen) if touches else escape(p))
        seen = seen or touches
        pos += len(p) + 2  # paragraphs are joined by a blank line
    return out


def snippet(text: str, query: str, width: int = 220) -> Markup:
    """About ``width`` characters of ``text`` around the first word of
    ``query`` found in it (prefix match, ignoring case), that word marked."""
    words = [w.lower() for w in re.findall(r"\w+", query) if w.upper() not in ("AND", "OR", "NOT", "NEAR")]
    flat = " ".join(text.split())
    low = flat.lower()
    hits = [(m.start(), m.end()) for w in words for m in [re.search(rf"\b{re.escape(w)}\w*", low)] if m]
    if not hits:
        return escape(short(flat, width))
    start, end = min(hits)
    left = max(0, start - width // 3)
    right = min(len(flat), left + width)
    return Markup(("…" if left else "") + escape(flat[left:start]) + Markup("<mark>") + escape(flat[start:end])
                  + Markup("</mark>") + escape(flat[end:right]) + ("…" if right < len(flat) else ""))


def cites(citations: Sequence[Any], names: Mapping[str, str] | None = None) -> Markup:
    """Citation links: each opens its article beside the dossier (htmx) or,
    without script, on its own page, the cited span highlighted."""
    out = []
    for c in citations:
        url = f"/articles/{quote(c.article_id)}?field={quote(c.field)}&amp;start={int(c.start)}&amp;end={int(c.end)}"
        name = (names or {}).get(c.article_id) or c.outlet or c.article_id[:8]
        kind = "" if c.field == "body" else " · " + c.field.split(":")[0]
        out.append(f'<a class="cite" href="{url}#cited" hx-get="{url}" hx-target="#reader" hx-swap="innerHTML" '
                   f'data-article="{escape(c.article_id)}" data-field="{escape(c.field)}" data-start="{int(c.start)}" '
                   f'data-end="{int(c.end)}">[{escape(name)}{escape(kind)}]</a>')
    return Markup("".join(out))


def when(d: datetime | str | None) -> str:
    if d is None:
        return "undated"
    if isinstance(d, str):
        try:
            d = datetime.fromisoformat(d)
        except ValueError:
            return str(d)
    return d.strftime("%Y-%m-%d %H:%M %z").replace("+0000", "UTC").strip()


def day(d: datetime | None) -> str:
    return d.date().isoformat() if d else "undated"


def short(text: str | None, n: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def joined(items: Sequence[str], n: int = 4) -> str:
    return ", ".join(items[:n]) + (f" +{len(items) - n}" if len(items) > n else "")
