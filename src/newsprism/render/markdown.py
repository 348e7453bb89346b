"""Dossier -> Markdown. Every statement ends with its citations."""

from __future__ import annotations

from ..records import Citation, Dossier, Statement
from . import copy_label, origin_heading, plural, source_names

_STATUS = {
    "corroborated": "corroborated",
    "single-source": "single source",
    "conflicting": "conflicting",
    "more-specific": "more specific",
}


def cite(c: Citation) -> str:
    return f"{_md(c.outlet or '?')} [{c.article_id}:{_md(c.field)}:{c.start}-{c.end}]"


def _statement(s: Statement) -> str:
    where = "; ".join(cite(c) for c in s.citations)
    return f"{_md(s.text)} *({_STATUS.get(s.status, s.status)}, {s.sources} source{'s' if s.sources != 1 else ''}: {where})*"


#: What articles say is text, never markup: HTML is shown, not run, and no
#: link can be made (``[x](javascript:...)``, ``<javascript:...>``).
_MD_ESCAPES = str.maketrans({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "\\|", "[": "\\[", "]": "\\]", "\\": "\\\\",
    "`": "\\`", "\n": " ", "\r": " ",
})  # fmt: skip


def _md(text: str) -> str:
    """Text from an article as inert Markdown (HTML escaped, no links)."""
    return text.translate(_MD_ESCAPES)


def dossier_markdown(d: Dossier) -> str:
    """A readable Markdown dossier."""
    out = [f"# {_md(d.headline)}", ""]
    span = " to ".join(x.isoformat() for x in (d.first, d.last) if x) or "undated"
    out += [f"Story `{d.story_id}` · {plural(len(d.sources), 'article')} · "
            f"{plural(d.independent_sources, 'independent source')} · {span}", ""]
    out += ["## What happened", ""] + [f"- {_statement(s)}" for s in d.summary] + [""]
    if d.conflicts:
        out += ["## Where sources disagree", ""]
        for card in d.conflicts:
            label = "conflict" if card.status == "conflict" else "more specific (compatible)"
            inside = " inside one article" if card.internal else ""
            out.append(f"### {_md(card.kind)}: {label}{inside}")
            out.append("")
            for side in card.sides:
                out.append(f"- **{_md(side.value)}** — {', '.join(side.outlets)}")
                for st in side.statements:
                    out.append(f"  - {_md(st.text)} ({'; '.join(cite(c) for c in st.citations)})")
            out.append("")
    if d.timeline:
        out += ["## Timeline", ""]
        out += [f"- **{t.date}** {_md(t.statement.text)} ({'; '.join(cite(c) for c in t.statement.citations)})"
                for t in d.timeline]
        out.append("")
    out += ["## Sources", "", "| outlet | published | role | counts as | title |", "|---|---|---|---|---|"]
    by_article, names = source_names(d)
    for s in d.sources:
        when = s.published.isoformat() if s.published else "undated"
        role = copy_label(s.role, s.copy_of, by_article)
        out.append(f"| {_md(s.outlet or '?')} | {when} | {_md(role)} | {_md(names[s.origin])} | "
                   f"{_md(s.title or '')} |")
    out.append("")
    alone = {x.origin: x.statements for x in d.exclusives}
    adds: dict[str, list[str]] = {}
    for det in d.details:  # what one source adds to a statement others make too
        adds.setdefault(det.origin, []).append(
            f"- adds the {det.kind} **{_md(det.value)}** to a shared statement: {_md(det.statement.text)}"
            f" ({'; '.join(cite(c) for c in det.statement.citations)})")
    if alone or adds:
        out += ["## What each source alone says", ""]
        for origin in dict.fromkeys([*alone, *adds]):
            out.append(f"### {_md(origin_heading(d, origin))}")
            out += adds.get(origin, [])
            out += [f"- {_md(st.text)} ({'; '.join(cite(c) for c in st.citations)})" for st in alone.get(origin, ())]
            out.append("")
    if d.quotes:
        out += ["## Quotes", ""]
        for sq in d.quotes:
            out.append(f"### {_md(sq.speaker)}")
            out += [f"- {q.kind}: \u201c{_md(q.text)}\u201d ({'; '.join(cite(c) for c in (q.citation, *q.also))})"
                    for q in sq.quotes]
            out.append("")
    out += ["## People, organisations, places, equipment, groups", ""]
    for sec in d.entities:
        if sec.entries:
            items = []
            for r in sec.entries:
                variants = [v for v in r.variants if v != r.name]
                extra = f" (also: {', '.join(variants)})" if variants else ""
                rel = "".join(f"; {x.kind.replace('_', ' ')} {x.name}" for x in r.relations)
                items.append(f"{r.name} ×{r.mentions}{extra}{rel}")
            out.append(f"- **{sec.section}**: " + " · ".join(_md(i) for i in items))
    out.append("")
    if d.copy_tree:
        titles = {s.article_id: s.title for s in d.sources}
        out += ["## Copies", ""]
        for branch in d.copy_tree:
            origin = branch.origin
            out.append(f"- {_md(by_article.get(origin, '?'))}: {_md(titles.get(origin) or '(no title)')} (origin)")
            out += [f"  - {c.kind}: {_md(by_article.get(c.article_id, '?'))}, "
                    f"{_md(titles.get(c.article_id) or '(no title)')}" for c in branch.copies]
        out.append("")
    out += ["## Claim status", ""] + [f"- {_md(c.status)}: {c.count}" for c in d.status_counts] + [""]
    return "\n".join(out)
