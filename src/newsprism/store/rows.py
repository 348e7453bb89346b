"""Records <-> rows: how each record is written to its table and read back."""

from __future__ import annotations

import dataclasses
import enum
import json
import pickle
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from ..records import (
    Analysis,
    Article,
    Caption,
    DossierLine,
    Entity,
    Event,
    EventPart,
    Mention,
    OffsetMap,
    Quantity,
    Quote,
    Relation,
    Removal,
    TimeExpression,
    TimeZoneNote,
)


def line_json(line: DossierLine | None) -> str | None:
    if line is None:
        return None
    return json.dumps({"headline": line.headline, "articles": line.articles,
                       "independent_sources": line.independent_sources,
                       "disagreements": line.disagreements, "first": line.first}, ensure_ascii=False)


def chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def to_row(a: Article) -> dict[str, Any]:
    return {
        "article_id": a.article_id,
        "url": a.url,
        "outlet": a.outlet,
        "outlet_evidence": a.outlet_evidence,
        "title": a.title,
        "byline": json.dumps(list(a.byline), ensure_ascii=False),
        "credit": a.credit,
        "published": a.published.isoformat() if a.published else None,
        "updated": a.updated.isoformat() if a.updated else None,
        "time_zone": json.dumps(
            {"zone": a.time_zone.zone, "inferred": a.time_zone.inferred,
             "reason": a.time_zone.reason} if a.time_zone else None),
        "language": a.language,
        "body": a.text,
        "paragraphs": json.dumps(list(a.paragraphs), ensure_ascii=False),
        "captions": json.dumps([{"text": c.text, "start": c.start, "end": c.end}
                                for c in a.captions], ensure_ascii=False),
        "flags": json.dumps(list(a.flags)),
        "description": a.description,
        "source": a.source,
        "format": a.format,
        "encoding": a.encoding,
        "raw_id": a.raw_id,
        "item": a.item,
        "source_text": a.source_text,
        "offsets": json.dumps([list(x) for x in a.offsets.anchors]),
    }


def from_row(r: sqlite3.Row, removals: list[sqlite3.Row]) -> Article:
    tz = json.loads(r["time_zone"]) if r["time_zone"] else None
    return Article(
        article_id=r["article_id"],
        source=r["source"],
        format=r["format"],
        encoding=r["encoding"],
        url=r["url"],
        outlet=r["outlet"],
        outlet_evidence=r["outlet_evidence"],
        title=r["title"],
        byline=tuple(json.loads(r["byline"])),
        credit=r["credit"],
        published=datetime.fromisoformat(r["published"]) if r["published"] else None,
        updated=datetime.fromisoformat(r["updated"]) if r["updated"] else None,
        time_zone=TimeZoneNote(**tz) if tz else None,
        language=r["language"],
        paragraphs=tuple(json.loads(r["paragraphs"])),
        captions=tuple(Caption(**c) for c in json.loads(r["captions"])),
        removals=tuple(Removal(x[0], x[1], x[2], x[3], x[4]) for x in removals),
        flags=tuple(json.loads(r["flags"])),
        description=r["description"],
        source_text=r["source_text"],
        offsets=OffsetMap(tuple((int(a), int(b)) for a, b in json.loads(r["offsets"]))),
        raw_id=r["raw_id"],
        item=r["item"],
        revision=r["revision"],
        revision_of=r["revision_of"],
        superseded=bool(r["superseded"]),
    )


def analysis_row(a: Analysis, analysed_at: datetime) -> tuple[Any, ...]:
    return (
        a.article_id, a.model, analysed_at.isoformat(),
        json.dumps([list(x) for x in a.sentences]),
        json.dumps(dataclasses.asdict(a.event), ensure_ascii=False),
        json.dumps([dataclasses.asdict(q) for q in a.quotes], ensure_ascii=False),
        json.dumps([dataclasses.asdict(q) for q in a.quantities], ensure_ascii=False),
        json.dumps([dataclasses.asdict(t) for t in a.times], ensure_ascii=False),
    )


def analysis_from_row(r: sqlite3.Row, mentions: list[sqlite3.Row]) -> Analysis:
    ev = json.loads(r["event"])
    parts = {k: EventPart(**ev[k]) if ev.get(k) else None for k in ("who", "what", "when", "where")}
    return Analysis(
        article_id=r["article_id"],
        model=r["model"],
        sentences=tuple((int(s), int(e)) for s, e in json.loads(r["sentences"])),
        mentions=tuple(mention_from_row(m) for m in mentions),
        quotes=tuple(Quote(**q) for q in json.loads(r["quotes"])),
        quantities=tuple(Quantity(**q) for q in json.loads(r["quantities"])),
        times=tuple(TimeExpression(**t) for t in json.loads(r["times"])),
        event=Event(article_id=ev["article_id"], when_value=ev.get("when_value"), **parts),
    )


def entity_row(e: Entity) -> tuple[Any, ...]:
    return (e.entity_id, e.name, e.label, json.dumps(list(e.variants), ensure_ascii=False), e.mentions,
            json.dumps(list(e.articles)), json.dumps([{"kind": r.kind, "target": r.target} for r in e.relations]),
            e.nato_name, e.source)


def mention_from_row(m: sqlite3.Row | tuple[Any, ...]) -> Mention:
    """A mention from its row (article_id, text, label, start, end, field, kind, pack_id, metonymic,
    entity_id, stands_for)."""
    return Mention(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], bool(m[8]), m[9], m[10])


def entity_from_row(r: sqlite3.Row) -> Entity:
    return Entity(
        entity_id=r["entity_id"], name=r["name"], label=r["label"], variants=tuple(json.loads(r["variants"])),
        mentions=r["mentions"], articles=tuple(json.loads(r["articles"])),
        relations=tuple(Relation(x["kind"], x["target"]) for x in json.loads(r["relations"])),
        nato_name=r["nato_name"], source=r["source"],
    )


class RecordUnpickler(pickle.Unpickler):
    """Unpickles newsprism records only: a class of the package that is a
    dataclass or an enum, or a standard date type. Functions and other
    callables are refused, so a crafted blob cannot run code."""

    _STANDARD = frozenset({("datetime", "datetime"), ("datetime", "date"), ("datetime", "time"),
                           ("datetime", "timedelta"), ("datetime", "timezone"), ("zoneinfo", "ZoneInfo"),
                           ("zoneinfo._zoneinfo", "ZoneInfo")})

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in self._STANDARD:
            return super().find_class(module, name)
        if module == "newsprism" or module.startswith("newsprism."):
            found = super().find_class(module, name)
            if isinstance(found, type) and (dataclasses.is_dataclass(found) or issubclass(found, enum.Enum)):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a newsprism record")
