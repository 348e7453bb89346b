"""The HTML reader: trafilatura for the main text and metadata, plus the
page's own meta tags for exact times and its figure captions."""

from __future__ import annotations

import re
import warnings

import lxml.html
import trafilatura
from lxml import etree

from ..errors import InputError
from ..records import RawDocument

_BLOCKS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre")


def extract(html: str, source: str) -> RawDocument:
    """Read one HTML page into a RawDocument."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(source, f"malformed HTML: {exc}") from None
    meta = _meta(tree)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(
            html,
            url=meta.get("url"),
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,
        )
    text = getattr(doc, "text", None) if doc is not None else None
    fallback = _paragraphs(tree)
    if not text or ("\n" not in text and fallback.count("\n") >= 1):
        text = fallback
    title = meta.get("title") or getattr(doc, "title", None)
    if not text and not title:
        raise InputError(source, "malformed HTML: no article text or title found")
    author = meta.get("author") or getattr(doc, "author", None)
    authors = tuple(a.strip() for a in re.split(r";|\band\b|,", author or "") if a.strip())
    return RawDocument(
        source=source,
        format="html",
        encoding="",
        text=text or "",
        title=title,
        url=meta.get("url") or getattr(doc, "url", None),
        site_name=meta.get("site_name") or getattr(doc, "sitename", None),
        domain=getattr(doc, "hostname", None),
        authors=authors,
        published=meta.get("published") or getattr(doc, "date", None),
        updated=meta.get("updated"),
        description=meta.get("description") or getattr(doc, "description", None),
        language=meta.get("language"),
        captions=_captions(tree),
    )


def _meta(tree: lxml.html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    wanted = {
        "og:title": "title",
        "og:site_name": "site_name",
        "og:url": "url",
        "og:description": "description",
        "description": "description",
        "article:published_time": "published",
        "article:modified_time": "updated",
        "og:updated_time": "updated",
        "datepublished": "published",
        "datemodified": "updated",
        "author": "author",
        "article:author": "author",
    }
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        value = (el.get("content") or "").strip()
        if key in wanted and value and wanted[key] not in found:
            found[wanted[key]] = value
    for el in tree.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            found["url"] = el.get("href", "").strip()
    for el in tree.iter("time"):
        if el.get("datetime") and "published" not in found:
            found["published"] = el.get("datetime", "").strip()
    if "title" not in found:
        h1 = next(iter(tree.iter("h1")), None)
        if h1 is not None and h1.text_content().strip():
            found["title"] = " ".join(h1.text_content().split())
    lang = tree.get("lang")
    if lang:
        found["language"] = lang.split("-")[0].lower()
    return found


def _captions(tree: lxml.html.HtmlElement) -> tuple[str, ...]:
    out = []
    for el in tree.iter("figcaption"):
        text = " ".join(el.text_content().split())
        if text and text not in out:
            out.append(text)
    return tuple(out)


def _paragraphs(tree: lxml.html.HtmlElement) -> str:
    """Block texts of the page outside navigation, headers and footers."""
    lines = []
    for el in tree.iter(*_BLOCKS):
        if any(a.tag in ("nav", "header", "footer", "aside", "figure", "script", "style")
               for a in el.iterancestors()):
            continue
        if any(c.tag in _BLOCKS for c in el.iterdescendants()):
            continue
        text = " ".join(el.text_content().split())
        if text:
            lines.append(text)
    return "\n".join(lines)
