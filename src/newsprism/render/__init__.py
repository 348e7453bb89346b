"""Renderers: records -> JSON-ready dicts and plain text. No I/O."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from ..lexicon import WIRES
from ..records import (
    Analysis,
    Article,
    ArticleSummary,
    CleaningReport,
    Copies,
    CopyGroup,
    CopyLink,
    Dossier,
    Entity,
    IngestResult,
    SourceNames,
    StoryDetail,
    StorySummary,
)


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 story``, ``2 stories``: a count and its noun."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, an
    ellipsis marking the cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space > limit // 2:
        head = head[:space]
    return head.rstrip(" ,;:.-\u2013\u2014") + "\u2026"


def source_names(d: Dossier) -> SourceNames:
    """One name per article and per independent origin of a dossier, the same
    in every renderer (by article id, by origin key).

    An article is named by its outlet. An origin is named by the outlet of its
    origin article (the article its copies copy); a wire origin, by that outlet
    when it is the agency itself ("Nordic Press Agency" for NPA), else as the
    wire run by that outlet ("AP (via The Times)").
    Two origins that would share a name are numbered in order ("Esk Valley
    Radio (2)"), so a matrix column or a heading names one origin only.
    """
    by_article = {s.article_id: s.outlet or "unknown outlet" for s in d.sources}
    names: dict[str, str] = {}
    for s in d.sources:
        if s.origin in names:
            continue
        members = [x for x in d.sources if x.origin == s.origin]
        origin = next((x for x in members if x.role == "origin"), None)
        if origin is None and s.copy_of in by_article:
            origin = next(x for x in d.sources if x.article_id == s.copy_of)
        outlet = by_article[(origin or s).article_id]
        if s.origin.startswith("wire:"):
            wire = s.origin.removeprefix("wire:")
            names[s.origin] = outlet if _is_wire(outlet, wire) else f"{wire} (via {outlet})"
        else:
            names[s.origin] = outlet
    seen: dict[str, int] = {}
    for key, name in names.items():
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            names[key] = f"{name} ({seen[name]})"
    return SourceNames(by_article, names)


def _is_wire(outlet: str, wire: str) -> bool:
    """Whether an outlet name is the wire agency itself: "Reuters", "Associated
    Press" (its credit patterns), "Nordic Press Agency" (its initials, NPA)."""
    initials = "".join(w[0] for w in outlet.split() if w[:1].isupper())
    return (outlet.casefold() == wire.casefold() or initials == wire
            or any(re.search(p, outlet) for p in WIRES.get(wire, ())))


def origin_heading(d: Dossier, origin: str) -> str:
    """The heading of what one independent origin says: its name, and the
    outlets that carry it as copies or rewrites, whose sentences count as its."""
    by_article, names = source_names(d)
    name = names.get(origin, "unknown source")
    others = [by_article[s.article_id] for s in d.sources
              if s.origin == origin and s.role in ("copy", "rewrite")]
    if not others:
        return name
    return f"{name}, with its copies and rewrites ({', '.join(dict.fromkeys(others))})"


def copy_label(role: str, copy_of: str | None, by_article: dict[str, str]) -> str:
    """A source's role as a reader reads it: "copy of Nordic Press Agency"."""
    if copy_of is None:
        return role
    return f"{role} of {by_article.get(copy_of, 'an article outside this story')}"


def article_dict(a: Article) -> dict[str, Any]:
    """The documented JSON shape of one article (docs/formats.md)."""
    return {
        "id": a.article_id,
        "url": a.url,
        "outlet": a.outlet,
        "outlet_evidence": a.outlet_evidence,
        "title": a.title,
        "byline": list(a.byline),
        "credit": a.credit,
        "published": a.published.isoformat() if a.published else None,
        "updated": a.updated.isoformat() if a.updated else None,
        "time_zone": (
            {"zone": a.time_zone.zone, "inferred": a.time_zone.inferred,
             "reason": a.time_zone.reason} if a.time_zone else None
        ),
        "language": a.language,
        "description": a.description,
        "paragraphs": list(a.paragraphs),
        "captions": [c.text for c in a.captions],
        "removed": [
            {"text": r.text, "reason": r.reason, "start": r.start, "end": r.end,
             **({"detail": r.detail} if r.detail else {})}
            for r in a.removals
        ],
        "flags": list(a.flags),
        "source": a.source,
        "format": a.format,
        "encoding": a.encoding,
        "revision": a.revision,
        "revision_of": a.revision_of,
        "superseded": a.superseded,
    }


def summary_dict(s: ArticleSummary) -> dict[str, Any]:
    return {
        "id": s.article_id, "outlet": s.outlet, "title": s.title, "published": s.published,
        "language": s.language, "paragraphs": s.paragraphs, "flags": list(s.flags),
        "url": s.url, "source": s.source, "revision": s.revision,
    }


def ingest_dict(r: IngestResult) -> dict[str, Any]:
    return {
        "ok": r.ok,
        "added": list(r.added),
        "present": list(r.present),
        "revised": list(r.revised),
        "failed": [{"path": p.path, "reason": p.reason} for p in r.problems],
    }


def report_dict(r: CleaningReport) -> dict[str, dict[str, int]]:
    """The cleaning report as ``newsprism report --json`` prints it: totals, flags, removals by reason."""
    return {
        "totals": {"articles": r.articles, "articles_with_revisions": r.articles_with_revisions,
                   "removals": r.removals},
        "flags": {t.name: t.count for t in r.flags},
        "removals": {t.name: t.count for t in r.removal_reasons},
    }


def article_text(a: Article) -> str:
    """A readable plain-text view of one article."""
    lines = [a.title or "(no title)", ""]
    meta = [
        ("id", a.article_id),
        ("outlet", f"{a.outlet} ({a.outlet_evidence})" if a.outlet else None),
        ("byline", ", ".join(a.byline) or None),
        ("credit", a.credit),
        ("published", a.published.isoformat() if a.published else None),
        ("updated", a.updated.isoformat() if a.updated else None),
        ("zone", f"{a.time_zone.zone}{' (inferred: ' + a.time_zone.reason + ')' if a.time_zone.inferred else ''}"
         if a.time_zone else None),
        ("language", a.language),
        ("url", a.url),
        ("source", a.source),
        ("flags", ", ".join(a.flags) or None),
        ("revision", f"{a.revision} (of {a.revision_of})" if a.revision_of else None),
    ]
    lines += [f"{k:>9}: {v}" for k, v in meta if v]
    lines.append("")
    lines += [p + "\n" for p in a.paragraphs]
    if a.captions:
        lines.append("Captions:")
        lines += [f"  - {c.text}" for c in a.captions]
        lines.append("")
    if a.removals:
        lines.append("Removed:")
        for r in a.removals:
            text = r.text if len(r.text) < 100 else r.text[:97] + "..."
            detail = f" ({r.detail})" if r.detail else ""
            lines.append(f"  - [{r.reason}]{detail} {' '.join(text.split())}")
    return "\n".join(lines).rstrip() + "\n"


# ------------------------------------------------------------ analysis


def analysis_dict(an: Analysis) -> dict[str, Any]:
    """The analysis keys of ``show --json`` (docs/analysis.md): entities,
    quotes, quantities, times and the main event; spans are ``[start, end]``
    into ``field`` (body, title or caption:N)."""
    ev = an.event
    return {
        "analysis_model": an.model,
        "entities": [
            {"text": m.text, "span": [m.start, m.end], "field": m.field, "type": m.label, "kind": m.kind,
             "canonical_id": m.entity_id, **({"stands_for": m.stands_for} if m.stands_for else {})}
            for m in an.mentions
        ],
        "quotes": [
            {"kind": q.kind, "text": q.text, "span": [q.start, q.end], "field": q.field,
             "speaker": q.speaker, "speaker_id": q.speaker_entity_id,
             "speaker_span": [q.speaker_start, q.speaker_end] if q.speaker_start is not None else None,
             "verb": q.verb}
            for q in an.quotes
        ],
        "quantities": [
            {"text": q.text, "span": [q.start, q.end], "field": q.field, "low": q.low, "high": q.high,
             "unit": q.unit, "canonical_unit": q.canonical_unit, "canonical_low": q.canonical_low,
             "canonical_high": q.canonical_high, "approximate": q.approximate, "bound": q.bound,
             "measures": q.measures}
            for q in an.quantities
        ],
        "times": [
            {"text": t.text, "span": [t.start, t.end], "field": t.field, "type": t.label, "value": t.value,
             "granularity": t.granularity, "status": t.status, "base": t.base,
             **({"reason": t.reason} if t.reason else {})}
            for t in an.times
        ],
        "event": {
            **{k: ({"text": p.text, "span": [p.start, p.end], "field": p.field, "rule": p.rule} if p else None)
               for k, p in (("who", ev.who), ("what", ev.what), ("when", ev.when), ("where", ev.where))},
            "when_value": ev.when_value,
        },
    }


def entity_dict(e: Entity) -> dict[str, Any]:
    """One canonical entity for ``newsprism entities --json``."""
    return {
        "id": e.entity_id, "name": e.name, "type": e.label, "mentions": e.mentions,
        "variants": list(e.variants), "articles": list(e.articles),
        "relations": [{"kind": r.kind, "target": r.target} for r in e.relations],
        "nato_name": e.nato_name, "source": e.source,
    }


def analysis_text(an: Analysis) -> str:
    """A readable summary of an analysis, for ``newsprism show``."""
    lines = ["Analysis:"]
    ev = an.event
    for k, p in (("who", ev.who), ("what", ev.what), ("when", ev.when), ("where", ev.where)):
        if p:
            extra = f" = {ev.when_value}" if k == "when" and ev.when_value else ""
            lines.append(f"  {k:>5}: {p.text}{extra}" + (f"  ({p.rule})" if p.rule else ""))
    ents: dict[str, set[str]] = {}
    for m in an.mentions:
        ents.setdefault(f"{m.label} {m.entity_id or '?'}", set()).add(m.text)
    if ents:
        lines.append("  entities:")
        lines += [f"    - {k}: {', '.join(sorted(v))}" for k, v in sorted(ents.items())]
    if an.quotes:
        lines.append("  quotes:")
        for q in an.quotes:
            text = q.text if len(q.text) < 90 else q.text[:87] + "..."
            lines.append(f"    - [{q.kind}] {q.speaker or '?'} ({q.verb or '?'}): {' '.join(text.split())}")
    if an.quantities:
        lines.append("  quantities:")
        for n in an.quantities:
            canon = (f" = {n.canonical_low:g}" + (f"-{n.canonical_high:g}" if n.canonical_high != n.canonical_low else "")
                     + f" {n.canonical_unit}") if n.canonical_unit else ""
            flags = "".join([" ~" if n.approximate else "", f" ({n.bound} bound)" if n.bound else ""])
            lines.append(f"    - {n.text}{canon}{flags}{f' [{n.measures}]' if n.measures else ''}")
    if an.times:
        lines.append("  times:")
        for t in an.times:
            lines.append(f"    - {t.text}: {t.value or 'unresolved'} ({t.granularity or '?'})")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------ copies and stories


def _iso(d: datetime | None) -> str | None:
    return d.isoformat() if d else None


def story_summary_dict(s: StorySummary) -> dict[str, Any]:
    """One story for ``newsprism stories --json`` (docs/copies-and-stories.md)."""
    return {
        "id": s.story_id, "title": s.title, "size": s.size, "outlets": list(s.outlets),
        "independent_sources": s.independent_sources, "first_published": _iso(s.first),
        "last_published": _iso(s.last), "articles": list(s.article_ids), "merged": list(s.merged),
    }


def copy_group_dict(g: CopyGroup) -> dict[str, Any]:
    return {"id": g.group_id, "origin": g.origin, "wire": g.wire, "reason": g.reason,
            "articles": list(g.article_ids)}


def copy_link_dict(x: CopyLink) -> dict[str, Any]:
    return {"source": x.source, "target": x.target, "kind": x.kind, "jaccard": x.jaccard,
            "containment": x.containment, "shared_shingles": x.shared}


def copies_dict(c: Copies) -> dict[str, Any]:
    """``newsprism copies --json``: groups, links and wire credits."""
    return {"groups": [copy_group_dict(g) for g in c.groups], "links": [copy_link_dict(x) for x in c.links],
            "wire_credits": {w.article_id: w.wire for w in c.wires}}


def story_detail_dict(d: StoryDetail) -> dict[str, Any]:
    """``newsprism story ID --json``."""
    how = {m.article_id: m for m in d.memberships}
    return {
        **story_summary_dict(d.summary),
        "articles": [
            {"id": a.article_id, "outlet": a.outlet, "title": a.title, "published": _iso(a.published),
             "joined": how[a.article_id].how if a.article_id in how else None,
             "similarity": how[a.article_id].similarity if a.article_id in how else None}
            for a in d.articles
        ],
        "sources": [{"key": o.key, "origin": o.article_id, "wire": o.wire, "articles": list(o.article_ids)}
                    for o in d.origins],
        "copy_groups": [copy_group_dict(g) for g in d.copy_groups],
        "copy_links": [copy_link_dict(x) for x in d.copy_links],
    }


def _day(d: datetime | None) -> str:
    return d.strftime("%Y-%m-%d %H:%M") if d else "undated"


def stories_text(stories: list[StorySummary]) -> str:
    """A plain-text story listing, one story a line."""
    lines = []
    for s in stories:
        outlets = ", ".join(s.outlets[:4]) + (f" +{len(s.outlets) - 4}" if len(s.outlets) > 4 else "")
        lines.append(f"{s.story_id}  {s.size:3} art {s.independent_sources:3} src  {_day(s.first)} .. "
                     f"{_day(s.last)}  {s.title or '(no title)'}  [{outlets}]")
    return "\n".join(lines) + ("\n" if lines else "")


def story_text(d: StoryDetail) -> str:
    s = d.summary
    lines = [s.title or "(no title)", "",
             f"       id: {s.story_id}" + (f" (merged: {', '.join(s.merged)})" if s.merged else ""),
             f" articles: {s.size}, independent sources: {s.independent_sources}",
             f"    dates: {_day(s.first)} .. {_day(s.last)}", ""]
    how = {m.article_id: m for m in d.memberships}
    for a in d.articles:
        m = how.get(a.article_id)
        joined = f"{m.how} {m.similarity:.2f}" if m else "?"
        lines.append(f"  {a.article_id}  {_day(a.published)}  {a.outlet or '?':20.20}  [{joined}]  {a.title or ''}")
    if d.copy_groups:
        lines += ["", "Copy groups:"]
        for g in d.copy_groups:
            lines.append(f"  {g.group_id}: origin {g.origin} ({g.reason}); {len(g.article_ids)} articles")
            for x in d.copy_links:
                if x.source in g.article_ids:
                    lines.append(f"    {x.source} -> {x.target}  {x.kind}  containment {x.containment:.2f} "
                                 f"jaccard {x.jaccard:.2f}")
    return "\n".join(lines) + "\n"


def copies_text(c: Copies, titles: dict[str, str | None]) -> str:
    lines = []
    for g in c.groups:
        lines.append(f"{g.group_id}  {len(g.article_ids)} articles  origin {g.origin} ({g.reason})  "
                     f"{titles.get(g.origin) or ''}")
        for x in c.links:
            if x.source in g.article_ids:
                lines.append(f"    {x.source} -> {x.target}  {x.kind:9} containment {x.containment:.3f} "
                             f"jaccard {x.jaccard:.3f} shared {x.shared}")
    return "\n".join(lines) + ("\n" if lines else "")
