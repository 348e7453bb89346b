"""Build newsprism Articles for the benchmarks without a store."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from newsprism.records import Article


def make_article(title: str | None, body: str, published: datetime | None = None, source: str = "bench") -> Article:
    """An Article whose paragraphs are the non-empty lines of ``body``."""
    paragraphs = tuple(" ".join(p.split()) for p in body.splitlines() if p.strip())
    aid = hashlib.sha256(((title or "") + "\n" + body).encode()).hexdigest()[:16]
    return Article(
        article_id=aid, source=source, format="text", encoding="utf-8", url=None, outlet=None,
        outlet_evidence=None, title=title, byline=(), credit=None,
        published=published.replace(tzinfo=published.tzinfo or UTC) if published else None,
        updated=None, time_zone=None, language="en", paragraphs=paragraphs, captions=(), removals=(),
        flags=(), description=None, source_text=body,
    )


def cleaned_article(title: str | None, body: str, published: str | None, source: str) -> Article:
    """An Article as newsprism's cleaner makes it from a plain-text document."""
    from newsprism.clean import clean
    from newsprism.records import RawDocument
    from newsprism.settings import Settings

    doc = RawDocument(source=source, format="text", encoding="utf-8", text=body, title=title, published=published)
    return clean(doc, Settings())
