"""Renderers: records -> JSON-ready dicts and plain text. No I/O."""

from __future__ import annotations

from typing import Any

from ..records import Article, IngestResult
from ..store import ArticleSummary


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
