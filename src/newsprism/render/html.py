"""Dossier -> self-contained static HTML (no script, no outside resource).

Every piece of article text goes through :func:`html.escape`: an article
holding ``<script>`` shows it as text and runs nothing.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from html import escape
from itertools import pairwise

from ..records import Article, Citation, Dossier, DossierLine, IndexEntry, Statement
from . import copy_label, cut, origin_heading, plural, source_names

#: How a cited span stands out once a reader follows a citation to it.
_TARGET_STYLE = "background:#ffe08a"

CSS = """
body{font:16px/1.5 system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{border-bottom:1px solid #ddd;margin-top:2rem}
.meta{color:#555} .cite{font-size:.8rem;color:#555;text-decoration:none;margin-left:.3rem}
.cite:hover{text-decoration:underline} .st{padding:.1rem .4rem;border-radius:.6rem;font-size:.75rem}
.corroborated{background:#d8f0d8} .single-source{background:#eee} .conflicting{background:#f8d0d0}
.more-specific{background:#d8e4f8} .card{border:1px solid #ccc;border-radius:.4rem;padding:.5rem 1rem;margin:.8rem 0}
.card.conflict{border-color:#d88} table{border-collapse:collapse;font-size:.9rem}
td,th{border:1px solid #ddd;padding:.2rem .4rem;vertical-align:top}
mark{background:none;color:inherit} .caption{color:#555;font-style:italic}
article{border-top:1px solid #eee;margin-top:1rem} .says{background:#d8f0d8;text-align:center}
"""


def _anchor(c: Citation) -> str:
    return f"c-{c.article_id}-{c.field.replace(':', '-')}-{c.start}-{c.end}"


def _citations(value: object) -> Iterator[Citation]:
    """Every citation anywhere in a dossier (summary, cards, quotes, ...)."""
    if isinstance(value, Citation):
        yield value
    elif isinstance(value, tuple | list):
        for v in value:
            yield from _citations(v)
    elif isinstance(value, _PLAIN) or value is None:
        return
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for name in _field_names(type(value)):
            yield from _citations(getattr(value, name))


#: Values that hold no citation (skipped without asking whether they are records).
_PLAIN = (str, int, float, datetime)


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _cites(citations: Sequence[Citation]) -> str:
    return "".join(
        f'<a class="cite" href="#{_anchor(c)}">[{escape(c.outlet or c.article_id)}'
        f'{escape(" · " + c.field.split(":")[0]) if c.field != "body" else ""}]</a>' for c in citations)


def _when(first: datetime | None, last: datetime | None) -> str:
    def fmt(t: datetime) -> str:
        return t.strftime("%d %b %Y %H:%M %z").replace("+0000", "UTC")

    if first is None:
        return "undated"
    if last is None or last == first:
        return fmt(first)
    return f"{fmt(first)} to {fmt(last)}"


def _status(status: str) -> str:
    return f'<span class="st {escape(status)}">{escape(status.replace("-", " "))}</span>'


def _statement(s: Statement) -> str:
    return f"{escape(s.text)} {_status(s.status)} <small>{s.sources} src</small>{_cites(s.citations)}"


def _page(title: str, body: str, css: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{CSS}{css}</style></head><body>\n{body}\n</body></html>\n")


def story_page(d: Dossier, articles: Sequence[Article]) -> str:
    """One story's dossier, with the articles' text and cited spans highlighted."""
    parts = [f'<p><a href="index.html">&larr; all stories</a></p><h1>{escape(d.headline)}</h1>']
    parts.append(f'<p class="meta">{plural(len(d.sources), "article")}, '
                 f'{plural(d.independent_sources, "independent source")}, '
                 f"{escape(_when(d.first, d.last))}</p>")
    parts.append("<h2>What happened</h2><ul>" + "".join(f"<li>{_statement(s)}</li>" for s in d.summary) + "</ul>")
    if d.conflicts:
        parts.append("<h2>Where sources disagree</h2>")
        for card in d.conflicts:
            label = "conflict" if card.status == "conflict" else "more specific, compatible"
            inside = " (inside one article)" if card.internal else ""
            sides = "".join(
                f"<li><b>{escape(side.value)}</b> &mdash; {escape(', '.join(side.outlets))}<ul>"
                + "".join(f"<li>{escape(st.text)}{_cites(st.citations)}</li>" for st in side.statements)
                + "</ul></li>" for side in card.sides)
            parts.append(f'<div class="card {escape(card.status)}"><b>{escape(card.kind)}: {label}{inside}</b>'
                         f"<ul>{sides}</ul></div>")
    if d.timeline:
        parts.append("<h2>Timeline</h2><ul>" + "".join(
            f"<li><b>{escape(t.date)}</b> {escape(t.statement.text)}{_cites(t.statement.citations)}</li>"
            for t in d.timeline) + "</ul>")
    by_article, names = source_names(d)
    parts.append("<h2>Sources</h2><table><tr><th>outlet</th><th>published</th><th>role</th><th>title</th></tr>"
                 + "".join(
                     f"<tr><td>{escape(s.outlet or '?')}</td>"
                     f"<td>{escape(s.published.isoformat() if s.published else 'undated')}"
                     f"</td><td>{escape(copy_label(s.role, s.copy_of, by_article))}</td>"
                     f'<td><a href="#a-{escape(s.article_id)}">{escape(s.title or s.article_id)}</a></td></tr>'
                     for s in d.sources) + "</table>")
    alone = {x.origin: x.statements for x in d.exclusives}
    adds: dict[str, list[str]] = {}
    for det in d.details:  # what one source adds to a statement others make too
        adds.setdefault(det.origin, []).append(
            f'<li class="detail">adds the {escape(det.kind)} <b>{escape(det.value)}</b> to a shared statement: '
            f"{escape(det.statement.text)}{_cites(det.statement.citations)}</li>")
    if alone or adds:
        parts.append("<h2>What each source alone says</h2>")
        for origin in dict.fromkeys([*alone, *adds]):
            parts.append(f"<h3>{escape(origin_heading(d, origin))}</h3><ul>" + "".join(adds.get(origin, [])) + "".join(
                f"<li>{escape(st.text)}{_cites(st.citations)}</li>" for st in alone.get(origin, ())) + "</ul>")
    if d.quotes:
        parts.append("<h2>Quotes</h2>")
        for sq in d.quotes:
            parts.append(f"<h3>{escape(sq.speaker)}</h3><ul>" + "".join(
                f"<li>{escape(q.kind)}: &ldquo;{escape(q.text)}&rdquo;{_cites((q.citation, *q.also))}</li>"
                for q in sq.quotes) + "</ul>")
    parts.append("<h2>People, organisations, places, equipment, groups</h2>")
    for sec in d.entities:
        if sec.entries:
            parts.append(f"<p><b>{escape(sec.section)}</b>: " + " &middot; ".join(
                f"{escape(r.name)} &times;{r.mentions}"
                + (f" <small>({escape(', '.join(v for v in r.variants if v != r.name))})</small>"
                   if any(v != r.name for v in r.variants) else "") for r in sec.entries) + "</p>")
    parts.append(_matrix(d, names))
    citations = list(_citations(d))
    cited = sorted({_anchor(c) for c in citations})
    spans: dict[str, dict[str, list[tuple[int, int, str]]]] = defaultdict(lambda: defaultdict(list))
    for c in citations:  # by article and field
        spans[c.article_id][c.field].append((c.start, c.end, _anchor(c)))
    parts.append("<h2>Articles</h2>" + "".join(_article(a, spans.get(a.article_id, {})) for a in articles))
    # a followed citation lights its span (every piece of it, when other spans cut it)
    css = "".join(f"body:has(#{a}:target) mark[data-c~=\"{a}\"]{{{_TARGET_STYLE}}}" for a in cited)
    return _page(d.headline, "\n".join(parts), css)


def _matrix(d: Dossier, names: dict[str, str]) -> str:
    columns: dict[str, str] = {}
    for s in d.sources:
        columns.setdefault(s.origin, names[s.origin])
    rows = {s.group_id: s for s in d.groups}
    head = "".join(f"<th>{escape(name)}</th>" for name in columns.values())
    body = "".join(
        f"<tr><td>{escape(cut(rows[gid].text, 120))}</td><td>{_status(rows[gid].status)}</td>"
        + "".join(f'<td class="{"says" if m else ""}">{"&#10003;" if m else ""}</td>' for m in row.marks) + "</tr>"
        for row in d.matrix if (gid := row.group_id) in rows)
    return f"<h2>Source &times; claim</h2><table><tr><th>claim</th><th>status</th>{head}</tr>{body}</table>"


def _article(a: Article, spans: Mapping[str, list[tuple[int, int, str]]]) -> str:
    """An article's text, its cited spans (by field: ``(start, end, anchor)``) marked."""
    body = _marked(a.text, spans.get("body", []))
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    captions = "".join(
        f'<p class="caption">Caption: {_marked(cap.text, spans.get(f"caption:{n}", []))}</p>'
        for n, cap in enumerate(a.captions))
    title = _marked(a.title or "", spans.get("title", []))
    return (f'<article id="a-{escape(a.article_id)}"><h3>{title}</h3>'
            f'<p class="meta">{escape(a.outlet or "?")} &middot; '
            f"{escape(a.published.isoformat() if a.published else 'undated')} &middot; {escape(a.article_id)}</p>"
            f"{paragraphs}{captions}</article>")


def _marked(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Escape text, marking every cited span, overlapping or not.

    The text is cut at every span's start and end; each piece inside a span is
    a ``mark`` listing the spans that cover it (``data-c``), and each span's
    anchor is an empty element where it starts. Nothing is highlighted until a
    reader follows a citation: the page's style lights the pieces of that one.
    """
    spans = sorted({(s, e, a) for s, e, a in spans if 0 <= s < e <= len(text)})
    breaks = [m for x in re.finditer("\n\n", text) for m in (x.start(), x.end())]
    cuts = sorted({0, len(text), *breaks, *(s for s, _e, _a in spans), *(e for _s, e, _a in spans)})
    starts: dict[int, list[str]] = defaultdict(list)
    for s, _e, anchor in spans:
        starts[s].append(anchor)
    out = []
    for left, right in pairwise(cuts):
        out += [f'<span id="{escape(anchor)}"></span>' for anchor in starts.get(left, [])]
        piece = escape(text[left:right])
        covering = [anchor for s, e, anchor in spans if s <= left and right <= e and piece != "\n\n"]
        out.append(f'<mark data-c="{escape(" ".join(covering))}">{piece}</mark>' if covering else piece)
    return "".join(out)


def index_page(dossiers: Sequence[IndexEntry]) -> str:
    """The list of stories, each linking to its page."""
    lines = [(e.page, e.dossier if isinstance(e.dossier, DossierLine) else DossierLine.of(e.dossier)) for e in dossiers]
    rows = "".join(
        f'<tr><td><a href="{escape(name)}">{escape(d.headline)}</a></td><td>{d.articles}</td>'
        f"<td>{d.independent_sources}</td>"
        f"<td>{d.disagreements}</td>"
        f'<td style="white-space:nowrap">{escape(d.first or "undated")}</td></tr>'
        for name, d in lines)
    articles = sum(d.articles for _n, d in lines)
    if not dossiers:
        return _page("newsprism stories", "<h1>Stories</h1><p><strong>No story</strong>: no article was read "
                     "into the store (every input failed, or none held an article), or no story's dossier "
                     "could be built. The command that wrote this page listed why.</p>")
    body = (f"<h1>Stories</h1><p class=\"meta\">{plural(len(dossiers), 'story', 'stories')} from "
            f"{plural(articles, 'article')}. "
            "<em>Independent sources</em> counts a wire story and its copies or rewrites once; "
            "<em>disagreements</em> counts the values sources (or one article's headline, caption and text) "
            "state differently. Each story's page cites every statement to its sentences.</p>"
            "<table><tr><th>story</th><th>articles</th><th>independent sources</th>"
            f"<th>disagreements</th><th>first published</th></tr>{rows}</table>")
    return _page("newsprism stories", body)
