"""Dossier -> JSON-ready dict (schema: docs/dossier.md)."""

from __future__ import annotations

import dataclasses
import functools
from datetime import datetime
from typing import Any

from ..records import Dossier
from . import source_names

SCHEMA = "newsprism.dossier/1"


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def dossier_dict(d: Dossier) -> dict[str, Any]:
    """The documented JSON shape of a dossier."""
    data = _plain(d)
    _by_article, names = source_names(d)
    # the documented shape: sections as a mapping, a relation as [kind, name], statuses as a mapping,
    # each exclusive named as the renderers name it; the other records as objects of their fields
    data["entities"] = {
        s["section"]: [{**e, "relations": [[r["kind"], r["name"]] for r in e["relations"]]} for e in s["entries"]]
        for s in data["entities"]}
    data["exclusives"] = [{"origin": x.origin, "name": names.get(x.origin), "statements": _plain(x.statements)}
                          for x in d.exclusives]
    data["matrix"] = {"columns": _columns(d, names), "rows": data["matrix"]}
    data["status_counts"] = {c.status: c.count for c in d.status_counts}
    return {"schema": SCHEMA, **data}


def _columns(d: Dossier, names: dict[str, str]) -> list[dict[str, Any]]:
    seen: dict[str, list[str]] = {}
    for s in d.sources:
        seen.setdefault(s.origin, []).append(s.outlet or s.article_id)
    return [{"origin": k, "name": names[k], "outlets": v} for k, v in seen.items()]
